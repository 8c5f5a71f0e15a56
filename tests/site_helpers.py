"""Building the example site once per test session, and reading its HTML."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

from generator.data import Project
from generator.site import build_site

from .conftest import EXAMPLE, ROOT, copy_project  # noqa: F401 - ROOT is used by the tests that import it from here


def build_example(out: Path, data: Path | None = None) -> Path:
    """Build the example project, or the copy whose data folder is ``data``, into ``out``."""
    build_site(Project.folder(data.parent if data else EXAMPLE), out)
    return out


def copy_data(target: Path) -> Path:
    """Copy the example project to ``target``; returns its data folder."""
    return copy_project(target) / "data"


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


class TextParser(HTMLParser):
    """Visible text of a page, leaving out scripts, styles and (optionally) elements with given classes."""

    def __init__(self, skip_classes: tuple[str, ...] = ()) -> None:
        super().__init__(convert_charrefs=True)
        self.skip_classes = skip_classes
        self.stack: list[bool] = []
        self.parts: list[str] = []

    VOID = {"br", "img", "input", "meta", "link", "hr", "source", "wbr", "area", "base", "col", "embed", "track"}

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        classes = (dict(attrs).get("class") or "").split()
        hidden = tag in ("script", "style", "code", "svg") or any(c in self.skip_classes for c in classes)
        self.stack.append(hidden or (bool(self.stack) and self.stack[-1]))

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]):
            self.parts.append(data)


def visible_text(html: str, skip_classes: tuple[str, ...] = ()) -> str:
    parser = TextParser(skip_classes)
    parser.feed(html)
    return re.sub(r"\s+", " ", " ".join(parser.parts))
