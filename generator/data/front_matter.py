"""The front matter of a hand-written content page, read exactly as MkDocs reads it, and checked.

MkDocs takes a page's metadata from YAML between ``---`` lines (a trailing space allowed,
``...`` closing it too) or, without those, from bare ``key: value`` lines at its top
(MultiMarkdown style), and the theme prints some of it without escaping, or lets it pick
a template. A look-alike parser disagrees with MkDocs at the edges, and the edges are where
an attacker stands. So the page is split by MkDocs' own ``mkdocs.utils.meta.get_data``,
after its YAML has passed ``yaml_limits`` (the same libyaml events MkDocs' loader builds),
and the page may hold only the keys below, as plain one-line text. The pages step then
writes a clean front matter back (``pages.escape.content_markdown``), so MkDocs sees
nothing but what was checked here.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml as pyyaml  # PyYAML: the library MkDocs reads front matter with

from .errors import Problem
from .yaml_errors import explain
from .yaml_limits import limit_problems
from .yamlfile import MAX_FILE_BYTES, decode_utf8, display_path

FIELD = "front matter"
# What a content page's front matter may hold, and the longest each may be (as the site's own name and description).
# Nothing that picks a template or hides parts of the page: those are the site's to decide.
ALLOWED = {"title": 120, "description": 300}
ONLY = "a page's front matter may hold only title and description"


@dataclass(frozen=True)
class ContentPage:
    """A content page split as MkDocs splits it: its checked metadata and the Markdown after it."""

    meta: dict[str, str]
    body: str


def read_page(text: str, name: str) -> tuple[ContentPage | None, list[Problem]]:
    """``text`` (a page of ``name``) as a :class:`ContentPage`, or every problem in its front matter."""
    from mkdocs.utils import meta as mkdocs_meta  # noqa: PLC0415 - 60 ms of imports, only for a project with pages

    # MkDocs opens a page as text, 'utf-8-sig': no byte-order mark, and every \r\n or \r read as \n
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    block = mkdocs_meta.YAML_RE.match(text)
    lines: dict[str, int] = {}
    if block is not None:
        found = limit_problems(block.group(1), first_line=2)  # libyaml's events, as MkDocs' CSafeLoader sees them
        if found:
            return None, [Problem(name, line, FIELD, message) for line, message in found]
        try:
            node = pyyaml.compose(block.group(1), Loader=mkdocs_meta.SafeLoader)
        except pyyaml.MarkedYAMLError as exc:
            said = explain(block.group(1), exc, first_line=2)
            return None, [Problem(name, said.line, FIELD, said.message, said.excerpt)]
        if isinstance(node, pyyaml.MappingNode):
            lines = {str(key.value): key.start_mark.line + 2 for key, _ in node.value if isinstance(key, pyyaml.ScalarNode)}
    else:
        lines = _multimarkdown_lines(text, mkdocs_meta)
    body, data = mkdocs_meta.get_data(text)
    if block is not None and lines and body == text:  # a mapping MkDocs could not build (e.g. an impossible date)
        return None, [Problem(name, 2, FIELD, "MkDocs cannot read these lines; write each as 'title: ...' or 'description: ...'")]
    problems: list[Problem] = []
    meta: dict[str, str] = {}
    for key, value in data.items():
        line = lines.get(str(key), 1)
        if key not in ALLOWED:
            problems.append(Problem(name, line, FIELD, f"unknown key '{key}'; {ONLY}"))
        elif (message := _value_problem(value, ALLOWED[key])) is not None:
            problems.append(Problem(name, line, f"{FIELD}: {key}", message))
        else:
            meta[key] = " ".join(value.split())
    return (None, problems) if problems else (ContentPage(meta, body), [])


def _multimarkdown_lines(text: str, mkdocs_meta: Any) -> dict[str, int]:
    """The line of each bare ``key: value`` line at the top of the page.

    Only for messages: the values are MkDocs' own (``get_data``). This walks the lines with
    MkDocs' regular expressions, the way ``get_data`` does, to know where each key stood.
    """
    lines: dict[str, int] = {}
    key = None
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip() == "":
            break
        if match := mkdocs_meta.META_RE.match(line):
            key = match.group("key").lower().strip()
            lines.setdefault(key, number)
        elif not (key and mkdocs_meta.META_MORE_RE.match(line)):
            break
    return lines


def _value_problem(value: Any, longest: int) -> str | None:
    if not isinstance(value, str):
        shown = "a list" if isinstance(value, list) else "a block of keys" if isinstance(value, dict) else str(value)
        return f"must be text, not {shown}; put it in quotes"
    flat = " ".join(value.split())
    if not flat:
        return "must not be empty"
    if len(flat) > longest:
        return f"is {len(flat):,} characters long; the most it can be is {longest:,}"
    odd = next((char for char in flat if not _plain(char)), None)
    if odd is not None:
        return f"holds a control character (U+{ord(odd):04X}); retype the text"
    return None


def _plain(char: str) -> bool:
    """Not a control character, nor one PyYAML refuses to read (MkDocs would then drop the whole front matter)."""
    return unicodedata.category(char) not in ("Cc", "Cs") and not pyyaml.reader.Reader.NON_PRINTABLE.match(char)


def plain_title(heading: str) -> str:
    """A page's first heading as its title (MkDocs' default), on one line, without the characters a title may not hold."""
    return " ".join("".join(char if _plain(char) else " " for char in heading).split())


def check_pages(content_dir: Path | None) -> list[Problem]:
    """Every problem in the front matter and encoding of the project's content pages.

    Symlinks and files that are not pages are the content check's to report; they are not read here.
    """
    if content_dir is None or not content_dir.is_dir():
        return []
    problems: list[Problem] = []
    for path in sorted(content_dir.rglob("*.md")):
        if path.name.startswith(".") or path.is_symlink() or not path.is_file():
            continue
        name = display_path(path)
        raw = path.read_bytes()
        if len(raw) > MAX_FILE_BYTES:
            problems.append(Problem(name, 1, "", f"the page is {len(raw) / 1_000_000:.1f} MB; a page can be at most "
                                                 f"{MAX_FILE_BYTES // 1_000_000} MB. Is something pasted in by mistake?"))
            continue
        text, found = decode_utf8(raw, name)
        if text is not None:
            _, found = read_page(text, name)
        problems.extend(found)
    return problems

