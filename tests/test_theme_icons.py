"""Material's icons ship as files: its CSS has them as ``data:`` images, which the site's Content-Security-Policy refuses.

Material sets each icon (navigation arrows, search results, admonitions, the table of
contents...) as a CSS custom property holding a ``data:image/svg+xml`` URL, used as a
``mask-image``. ``wres.css`` sets every one of those properties again, to a file in
``theme/assets/images/material/`` with the same SVG, so no page loads a ``data:`` image
and the policy needs no ``data:``. This test reads the installed Material's CSS and fails
when a property is missing or an icon differs (a new Material version); refresh with

    WRES_UPDATE_ICONS=1 .venv/bin/python -m pytest -q tests/test_theme_icons.py

and read ``git diff generator/site/theme`` before committing.
"""

from __future__ import annotations

import os
import re
import urllib.parse
from pathlib import Path

import material

from generator.site.settings import THEME_DIR

MATERIAL_CSS = sorted((Path(material.__file__).parent / "templates" / "assets" / "stylesheets").glob("main.*.min.css"))
ICONS = THEME_DIR / "assets" / "images" / "material"
WRES_CSS = THEME_DIR / "assets" / "stylesheets" / "wres.css"
BEGIN = "/* Material's icons as files: made by tests/test_theme_icons.py from Material's CSS; do not edit. */\n"
END = "/* End of Material's icons. */\n"
_PROPERTY = re.compile(r'--(md-[\w-]+):url\("data:image/svg\+xml;charset=utf-8,([^"]*)"\)')
_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6}) ?|\\(.)")


def material_icons() -> dict[str, str]:
    """Every custom property Material's CSS sets to a data: SVG, and that SVG as text."""
    assert len(MATERIAL_CSS) == 1, MATERIAL_CSS
    css = MATERIAL_CSS[0].read_text(encoding="utf-8")
    icons = {}
    for name, value in _PROPERTY.findall(css):
        value = _CSS_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)) if m.group(1) else m.group(2), value)
        icons[name] = urllib.parse.unquote(value)  # a data: URL is percent-decoded
    assert "data:" not in _PROPERTY.sub("", css), "Material's CSS has a data: URL that is not an icon property"
    return icons


def css_block(icons: dict[str, str]) -> str:
    lines = "".join(f'  --{name}: url("../images/material/{name}.svg");\n' for name in sorted(icons))
    return f"{BEGIN}:root {{\n{lines}}}\n{END}"


def test_every_material_data_icon_is_a_file_set_in_wres_css():
    icons = material_icons()
    assert len(icons) > 30  # the navigation, search, admonition and table-of-contents icons, among others
    css = WRES_CSS.read_text(encoding="utf-8")
    if os.environ.get("WRES_UPDATE_ICONS"):
        for old in ICONS.glob("*.svg"):
            old.unlink()
        ICONS.mkdir(parents=True, exist_ok=True)
        for name, svg in icons.items():
            (ICONS / f"{name}.svg").write_text(svg + "\n", encoding="utf-8")
        start, end = css.find(BEGIN), css.find(END)
        css = (css[:start] + css_block(icons) + css[end + len(END):]) if start >= 0 else css + "\n" + css_block(icons)
        WRES_CSS.write_text(css, encoding="utf-8")
    assert css_block(icons) in css, "wres.css does not set every icon Material has as a data: URL (see the docstring)"
    assert sorted(p.stem for p in ICONS.glob("*.svg")) == sorted(icons)
    for name, svg in icons.items():
        assert (ICONS / f"{name}.svg").read_text(encoding="utf-8") == svg + "\n", f"{name}: Material's icon changed"
