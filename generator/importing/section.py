"""Writing one block inside a section of the year file (``wdes: metric_1:``): that block's lines change, no other.

The same splice as :func:`.writing.edit_block`, one level down. ruamel edits the block in the
round-trip document, and only the block's lines are taken from its output and put into the
file's own text, re-indented to the section's own indentation; the rest of the section (the
survey metrics a person typed, their comments) stays byte for byte. The provenance comment sits
right above the block's key, indented with it, and replaces an earlier import's.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable

from ruamel.yaml.comments import CommentedMap

from .writing import PROVENANCE, _region, _yaml, edit_block

DUMPED_INDENT = 2  # ruamel's mapping indent in :func:`.writing._yaml`


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _content(line: str) -> bool:
    """A line that holds YAML, not a blank line or a comment."""
    return bool(line.strip()) and not line.lstrip().startswith("#")


def _child_region(lines: list[str], start: int, end: int, key: str, indent: int) -> tuple[int, int] | None:
    """Lines ``[a, b)`` of ``key``'s block, indented ``indent`` inside the section at ``lines[start:end]``."""
    pattern = re.compile(rf"^ {{{indent}}}{re.escape(key)}\s*:")
    at = next((i for i in range(start + 1, end) if pattern.match(lines[i])), None)
    if at is None:
        return None
    stop = next((i for i in range(at + 1, end) if _content(lines[i]) and _indent(lines[i]) <= indent), end)
    while stop - 1 > at and not _content(lines[stop - 1]):
        stop -= 1  # blank lines and the comments above the next key stay where they are
    return at, stop


def _strip_provenance(lines: list[str], at: int, indent: int) -> list[str]:
    """``lines`` without an earlier import's provenance comment directly above ``lines[at]``."""
    top = at
    while top > 0 and lines[top - 1].startswith(" " * indent + "#"):
        top -= 1
        if lines[top].startswith(" " * indent + PROVENANCE):
            return lines[:top] + lines[at:]
    return lines


def _section_indent(lines: list[str], start: int, end: int) -> int | None:
    first = next((line for line in lines[start + 1:end] if _content(line)), None)
    return _indent(first) if first is not None else None


def edit_in_section(text: str, section: str, key: str, order: list[str], change: Callable[[CommentedMap], None],
                    provenance: list[str]) -> str:
    """``text`` with ``change`` applied to ``section.key`` (both created if missing) and ``provenance`` above the key.

    ``order`` is the section's keys in the contract's order, where a new key goes.
    """
    lines = text.splitlines(keepends=True)
    found = _region(lines, section)
    indent = _section_indent(lines, *found) if found else None
    if found is None or indent is None:
        return _new_section(text, section, key, change, provenance)
    start, end = found
    child = _child_region(lines, start, end, key, indent)
    if child is not None:
        lines = _strip_provenance(lines, child[0], indent)
        start, end = _region(lines, section)  # type: ignore[misc]
        child = _child_region(lines, start, end, key, indent)
    yaml = _yaml()
    doc = yaml.load("".join(lines))
    holder = doc[section]
    if key not in holder:
        later = set(order[order.index(key) + 1:])
        holder.insert(next((i for i, k in enumerate(holder) if k in later), len(holder)), key, CommentedMap())
    change(holder[key])
    new = _dumped_child(yaml, doc, section, key)
    shift = " " * (indent - DUMPED_INDENT)
    new = [shift + line if line.strip() else line for line in new]
    written = [" " * indent + line for line in provenance]
    if child is not None:
        lines[child[0]:child[1]] = [*written, *new]
        return "".join(lines)
    at = _insert_at(lines, start, end, indent, order[order.index(key) + 1:])
    lines[at:at] = [*written, *new]
    return "".join(lines)


def _insert_at(lines: list[str], start: int, end: int, indent: int, later: list[str]) -> int:
    """Where a new key goes in the section: before the first later key (and the comments above it), or after its last line."""
    for i in range(start + 1, end):
        match = re.match(rf"^ {{{indent}}}([A-Za-z_][\w-]*)\s*:", lines[i])
        if match and match.group(1) in later:
            while i - 1 > start and lines[i - 1].strip().startswith("#"):
                i -= 1
            return i
    last = max(i for i in range(start, end) if _content(lines[i]))
    return last + 1


def _dumped_child(yaml, doc: CommentedMap, section: str, key: str) -> list[str]:  # noqa: ANN001 - ruamel's YAML
    out = io.StringIO()
    yaml.dump(doc, out)
    dumped = out.getvalue().splitlines(keepends=True)
    start, end = _region(dumped, section)  # type: ignore[misc]
    a, b = _child_region(dumped, start, end, key, DUMPED_INDENT)  # type: ignore[misc]
    return dumped[a:b]


def _new_section(text: str, section: str, key: str, change: Callable[[CommentedMap], None], provenance: list[str]) -> str:
    """The section written afresh, as :func:`.writing.edit_block` writes a new block, holding ``key``."""

    def fill(block: CommentedMap) -> None:
        block.fa.set_block_style()  # an empty "{}" section becomes a block
        block[key] = CommentedMap()
        change(block[key])

    lines = edit_block(text, section, fill).splitlines(keepends=True)
    start, end = _region(lines, section)  # type: ignore[misc]
    at, _ = _child_region(lines, start, end, key, DUMPED_INDENT)  # type: ignore[misc]
    lines[at:at] = [" " * DUMPED_INDENT + line for line in provenance]
    return "".join(lines)
