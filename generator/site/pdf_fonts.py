"""What a report PDF's layout depends on outside the package: the fonts fontconfig offers Pango, and Pango's version.

Both are part of the PDF cache's key (``pdf.input_key``), so a trust that installs, removes or
updates a font, changes its fontconfig settings or upgrades Pango gets its PDFs laid out again
instead of one made with the old fonts.

The fonts are every font fontconfig would give Pango for the families the report names (its
stylesheet and its charts), in fontconfig's order of preference, untrimmed, so the fallbacks
Pango uses for a character the first font lacks count too: for each, its file, family, size and
modification time. Pango's version is the number ``weasyprint --info`` prints.

NOTE: read with ctypes from the same shared libraries WeasyPrint loads (the same names, tried in
the same order), rather than through WeasyPrint's own bindings: importing WeasyPrint takes half a
second, the key is computed on every build, and a build whose reports did not change must not pay
for it. Where the libraries cannot be loaded, no PDF can be made either; the fingerprint then says so.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import re
from dataclasses import dataclass
from functools import cache

from ..pages.report import STYLESHEET
from ..pages.svg import FONT_FAMILY

# the library names WeasyPrint tries (weasyprint/text/ffi.py), for Linux, macOS and Windows
PANGO = ("libpango-1.0-0", "pango-1.0-0", "pango-1.0", "libpango-1.0.so.0", "libpango-1.0.dylib", "libpango-1.0-0.dll")
FONTCONFIG = ("libfontconfig-1", "fontconfig-1", "fontconfig", "libfontconfig.so.1", "libfontconfig.1.dylib",
              "libfontconfig-1.dll")
# fontconfig's constants (fontconfig.h)
FC_MATCH_PATTERN, FC_RESULT_MATCH, FC_FALSE = 0, 0, 0
WEIGHTS = {"normal": 80, "bold": 200}
SLANTS = {"roman": 0, "italic": 100}


@dataclass(frozen=True)
class Font:
    """One font file fontconfig offers, as it is on disk now."""

    file: str
    family: str
    size: int
    modified_ns: int


class _FontSet(ctypes.Structure):
    _fields_ = [("nfont", ctypes.c_int), ("sfont", ctypes.c_int), ("fonts", ctypes.POINTER(ctypes.c_void_p))]


def report_families() -> tuple[tuple[str, ...], ...]:
    """Each font-family list the report uses: those of its stylesheet, and the charts' SVG text."""
    declared = re.findall(r"font-family\s*:\s*([^;}]+)", STYLESHEET.read_text(encoding="utf-8"))
    return tuple(tuple(name.strip().strip("'\"") for name in value.split(",")) for value in [*declared, FONT_FAMILY])


def _library(names: tuple[str, ...]) -> ctypes.CDLL | None:
    for name in names:
        try:
            return ctypes.CDLL(name)
        except OSError:
            continue
    return None


def pango_version() -> int | None:
    pango = _library(PANGO)
    if pango is None:
        return None
    pango.pango_version.restype = ctypes.c_int
    return int(pango.pango_version())


def _bind(fc: ctypes.CDLL) -> None:
    p, s, i = ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int
    for name, restype, argtypes in (
        ("FcPatternCreate", p, []),
        ("FcPatternAddString", i, [p, s, s]),
        ("FcPatternAddInteger", i, [p, s, i]),
        ("FcConfigSubstitute", i, [p, p, i]),
        ("FcDefaultSubstitute", None, [p]),
        ("FcFontSort", ctypes.POINTER(_FontSet), [p, p, i, p, ctypes.POINTER(i)]),
        ("FcPatternGetString", i, [p, s, i, ctypes.POINTER(s)]),
        ("FcFontSetDestroy", None, [ctypes.POINTER(_FontSet)]),
        ("FcPatternDestroy", None, [p]),
    ):
        function = getattr(fc, name)
        function.restype, function.argtypes = restype, argtypes


def _text(fc: ctypes.CDLL, pattern: int, key: bytes) -> str:
    value = ctypes.c_char_p()
    if fc.FcPatternGetString(pattern, key, 0, ctypes.byref(value)) != FC_RESULT_MATCH or value.value is None:
        return ""
    return value.value.decode("utf-8", "replace")


def _sorted_fonts(fc: ctypes.CDLL, families: tuple[str, ...], weight: int, slant: int) -> list[tuple[str, str]]:
    """(file, family) of every font, in fontconfig's order of preference for these families and style."""
    pattern = fc.FcPatternCreate()
    try:
        for family in families:
            fc.FcPatternAddString(pattern, b"family", family.encode("utf-8"))
        fc.FcPatternAddInteger(pattern, b"weight", weight)
        fc.FcPatternAddInteger(pattern, b"slant", slant)
        fc.FcConfigSubstitute(None, pattern, FC_MATCH_PATTERN)
        fc.FcDefaultSubstitute(pattern)
        result = ctypes.c_int()
        found = fc.FcFontSort(None, pattern, FC_FALSE, None, ctypes.byref(result))
        if not found:
            return []
        try:
            return [(_text(fc, found.contents.fonts[n], b"file"), _text(fc, found.contents.fonts[n], b"family"))
                    for n in range(found.contents.nfont)]
        finally:
            fc.FcFontSetDestroy(found)
    finally:
        fc.FcPatternDestroy(pattern)


def report_fonts() -> dict[tuple[tuple[str, ...], str, str], list[Font]] | None:
    """For each family list and style of the report, the fonts in fontconfig's order (None without fontconfig)."""
    fc = _library(FONTCONFIG)
    if fc is None:
        return None
    _bind(fc)
    seen: dict[str, Font] = {}
    orders = {}
    for families in report_families():
        for weight, weight_value in WEIGHTS.items():
            for slant, slant_value in SLANTS.items():
                order = []
                for file, name in _sorted_fonts(fc, families, weight_value, slant_value):
                    if file not in seen:
                        try:
                            stat = os.stat(file)
                        except OSError:
                            continue  # listed in fontconfig's cache but gone: Pango cannot use it either
                        seen[file] = Font(file, name, stat.st_size, stat.st_mtime_ns)
                    order.append(seen[file])
                orders[(families, weight, slant)] = order
    return orders


@cache
def fingerprint() -> str:
    """A hash of Pango's version and the report's fonts as they are now, once per process."""
    hashed = hashlib.sha256()
    hashed.update(f"pango {pango_version()}\0".encode())
    fonts = report_fonts()
    if fonts is None:
        hashed.update(b"no fontconfig\0")
        return hashed.hexdigest()
    for (families, weight, slant), order in fonts.items():
        hashed.update(f"{','.join(families)} {weight} {slant}\0".encode())
        for font in order:
            hashed.update(f"{font.file}\0{font.family}\0{font.size}\0{font.modified_ns}\0".encode())
    return hashed.hexdigest()
