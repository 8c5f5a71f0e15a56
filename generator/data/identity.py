"""Checks of the trust's identity (``identity:`` in ``wres.yaml``) that need the file system or arithmetic.

The logo must be a real SVG or PNG inside the project folder, small, with alt text,
and an SVG must be a picture only (no script, no event handler, no link out). The
accent colour must pass WCAG AA contrast wherever the site uses it: the header's
white text on it (in both schemes), and links in it on the white page. In the dark
scheme links and focus outlines keep the site's own colours, already tested against the
dark background (generator/site/identity.py), so the accent never has to work there as text.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .checks import Finding
from .logo_svg import svg_problem

LOGO_MAX_BYTES = 512 * 1024
LOGO_TYPES = (".svg", ".png")
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
HEX_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
AA_TEXT = 4.5
WHITE = "#FFFFFF"


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a #RRGGBB colour."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two #RRGGBB colours, from 1 to 21."""
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _shown(ratio: float) -> str:
    """A ratio as a reader checks it: rounded down, so a failing 4.48 never reads as 4.5."""
    return f"{math.floor(ratio * 10) / 10:.1f}:1"


def accent_problem(colour: str) -> str | None:
    """Why ``colour`` cannot be the accent, naming each contrast that fails and by how much, or None."""
    if not HEX_COLOUR.match(colour):
        return f'"{colour}" is not a colour written #RRGGBB, e.g. "#005EB8"'
    ratio = contrast(colour, WHITE)  # white header text on it, and it as link text on the white page
    if ratio >= AA_TEXT:
        return None
    return (f'"{colour}" fails WCAG AA: white header text on it has contrast {_shown(ratio)} (needs {AA_TEXT}:1); '
            f"as link text on the white page {_shown(ratio)} (needs {AA_TEXT}:1). Choose a darker shade")


def logo_problem(folder: Path, logo: str) -> str | None:
    """Why the logo file cannot be used, or None."""
    path = (folder / logo).resolve()
    try:
        path.relative_to(folder.resolve())
    except ValueError:
        return f'"{logo}" is outside the project folder; put the logo in it (e.g. content/logo.svg) and give its path from there'
    if path.suffix.lower() not in LOGO_TYPES:
        return f'"{logo}" is not an .svg or .png file; save the logo as SVG (best) or PNG'
    if not path.is_file():
        return f'"{logo}" does not exist in the project folder ({folder.resolve().name}); check the path and the spelling'
    data = path.read_bytes()
    if len(data) > LOGO_MAX_BYTES:
        return f'"{logo}" is {len(data) / 1024:.0f} KB; a logo can be at most {LOGO_MAX_BYTES // 1024} KB: export it smaller'
    if path.suffix.lower() == ".png" and not data.startswith(PNG_MAGIC):
        return f'"{logo}" is named .png but is not a PNG image; export it again as PNG'
    if path.suffix.lower() == ".svg":
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return f'"{logo}" is named .svg but is not an SVG file (SVG is UTF-8 text)'
        if (problem := svg_problem(data)) is not None:  # it is served from the site's own address
            return f'"{logo}" {problem}'
    return None


def check_identity(data: Any, folder: Path) -> Iterator[Finding]:
    """Problems of ``identity:`` in the raw config data; ``folder`` is where the logo path starts."""
    identity = data.get("identity") if isinstance(data, dict) else None
    if not isinstance(identity, dict):
        return
    logo, alt, colour = identity.get("logo"), identity.get("logo_alt"), identity.get("accent_colour")
    if isinstance(logo, str) and logo.strip():
        if (problem := logo_problem(folder, logo)) is not None:
            yield ("identity", "logo"), problem
        if alt is None:
            yield ("identity", "logo"), ("needs logo_alt: the text read out in place of the logo, "
                                         'e.g. logo_alt: "Kingsmere Hospitals NHS Foundation Trust"')
    elif alt is not None and logo is None:
        yield ("identity", "logo_alt"), "there is no logo to describe: add logo (the path of an .svg or .png), or remove logo_alt"
    if "accent_colour" in identity and colour is None:
        yield ("identity", "accent_colour"), ('is empty: write the colour in quotes, e.g. accent_colour: "#005EB8" '
                                              "(without quotes, # starts a comment)")
    if isinstance(colour, str) and (problem := accent_problem(colour.strip())) is not None:
        yield ("identity", "accent_colour"), problem
