"""How the site's accessibility is tested, for the accessibility statement.

A test checks these versions against package.json and the Lighthouse script, so the
statement never names a tool version that was not used.
"""

TESTED_WITH = {
    "axe-core": "4.14.1",
    "Nu HTML Checker (vnu-jar)": "26.9.27",
    "Lighthouse": "12.8.2",
}
