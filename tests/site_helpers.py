"""Building the example site once per test session, and reading its HTML."""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import shutil
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path

from generator.data import Project
from generator.site import build_site

from .conftest import EXAMPLE, ROOT, copy_project  # noqa: F401 - ROOT is used by the tests that import it from here


SESSION = "WRES_TEST_SESSION"  # the test session's own folder, set by conftest.py for it and its xdist workers


def session_folder() -> Path:
    return Path(os.environ[SESSION])


def build_example(out: Path, data: Path | None = None) -> Path:
    """Build the example project, or the copy whose data folder is ``data``, into ``out``."""
    with (session_folder() / "builds.log").open("a", encoding="utf-8") as log:  # counted at the session's end
        log.write(f"{'the example' if data is None else data.parent}\n")
    build_site(Project.folder(data.parent if data else EXAMPLE), out)
    return out


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    # NOTE: fcntl's lock rather than the filelock package: the tests run on POSIX only (Debian's Chromium,
    # Pango), and one exclusive lock held while building is all that is needed.
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def built_once(name: str, change: Callable[[Path], object] | None = None) -> Path:
    """The example site, or a copy of the project changed by ``change(data folder)``, built once per test session.

    Every test and both xdist workers share it: the first to ask builds it while holding a lock, the others
    wait and reuse it. Read it, never change it; a test that changes a site builds its own. ``name`` names the
    variant (one per ``change``)."""
    folder = session_folder() / "sites" / name
    folder.mkdir(parents=True, exist_ok=True)
    site = folder / "site"
    with _locked(folder / ".lock"):
        if not site.is_dir():  # the build swaps the site in whole: a folder here is a finished site
            data = None
            if change is not None:
                shutil.rmtree(folder / "project", ignore_errors=True)  # left by a build that failed
                data = copy_data(folder / "project")
                change(data)
            build_example(site, data)
    return site


def example_site() -> Path:
    """The unchanged example site, built once per test session."""
    return built_once("example")


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
