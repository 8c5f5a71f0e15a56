"""The Nu HTML Checker (vnu.jar from npm) on every page of the built site, errors only.

The only exceptions are problems in Material for MkDocs' own markup, each filtered by its
exact message and checked to come from the theme's elements, never from ours.
"""

from __future__ import annotations

import json
import shutil
import subprocess

from ..conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Material for MkDocs 9.x markup problems (theme templates, not this project's):
THEME_PROBLEMS = {
    # base.html: the drawer and search toggles are checkboxes with autocomplete="off"
    "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”, “email”, "
    "“hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, “url”, or “week”.": "md-toggle",
    # partials/nav-item.html: section labels get tabindex="" under navigation.sections
    "Bad value “” for attribute “tabindex” on element “label”: The empty string is not a valid integer.": "md-nav__link",
    # partials/toc.html: the table-of-contents title is a label for the hidden __toc toggle
    "The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control.": "md-nav__title",
}


def test_every_page_is_valid_html(site_dir):
    java = shutil.which("java")
    assert java, "java is missing (the Nu HTML Checker needs it)"
    assert VNU.exists(), "node_modules/vnu-jar is missing: run 'make test'"
    result = subprocess.run([java, "-jar", str(VNU), "--skip-non-html", "--errors-only", "--format", "json", str(site_dir)],
                            capture_output=True, text=True, check=False)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    ours = []
    for message in messages:
        theme_class = THEME_PROBLEMS.get(message["message"])
        if theme_class is None or theme_class not in message.get("extract", ""):
            ours.append(f"{message['url'].split('/site/')[-1]}:{message.get('lastLine')}: {message['message']}")
    assert len(list(site_dir.rglob("*.html"))) > 20
    assert not ours, "\n".join(ours)
