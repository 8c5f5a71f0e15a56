"""Writing the counts into ``data/years/YEAR.yaml``: one indicator's block changes, every other line stays as it was.

The file is read with ruamel's round-trip loader and the indicator's block edited in place,
so its comments, order, quoting and flow style stay. ruamel would re-indent some other parts
of a file on the way out (a list indented differently from its default), so only the edited
block is taken from ruamel's output and spliced into the file's own text: no other line
changes. The provenance comment sits right above the block's key and replaces the one an
earlier import left there, so importing the same file twice gives the same bytes.
"""

from __future__ import annotations

import io
import re
from dataclasses import replace
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from ..data.model import Year
from ..data.yamlfile import new_yaml
from .counting import STAFF_GROUP_ORDER, Counted

PROVENANCE = "# Counts imported with 'wres import "
CONTINUED = "#   "
YEAR_KEYS = list(Year.model_fields)  # the contract's order, where a new block goes


def _yaml():  # noqa: ANN202
    yaml = new_yaml()
    yaml.preserve_quotes, yaml.width = True, 4096  # change the counts, not the file's quoting or wrapping
    yaml.indent(mapping=2, sequence=4, offset=2)  # as 'wres new-year' writes lists
    return yaml


def _flow(counts: dict[str, int]) -> CommentedMap:
    block = CommentedMap(counts.items())  # in the counts' own order: white, bme, unknown; or disabled, non_disabled, unknown
    block.fa.set_flow_style()
    return block


def _set_counts(parent: CommentedMap, key: str, counts: dict[str, int], position: int | None = None) -> None:
    current = parent.get(key)
    if isinstance(current, CommentedMap) and list(current) == list(counts):
        for group in counts:
            current[group] = counts[group]  # in place: the line keeps its style and comment
    elif key in parent or position is None:
        parent[key] = _flow(counts)
    else:
        parent.insert(position, key, _flow(counts))


def _set_bands(block: CommentedMap, group: str, bands: dict[str, dict[str, int]]) -> None:
    current = block.get(group)
    if not isinstance(current, CommentedMap):
        current = CommentedMap()
        block[group] = current
    for label in [k for k in current if k not in bands]:
        del current[label]
    for position, (label, counts) in enumerate(bands.items()):
        existing = label in current
        _set_counts(current, label if existing else DoubleQuotedScalarString(label), counts, None if existing else position)


def apply(block: CommentedMap, counted: Counted) -> None:
    """The counted figures written into an indicator's block; its other keys are left as they are."""
    if counted.by_group is not None:
        for group in STAFF_GROUP_ORDER:
            if group in counted.by_group:
                _set_bands(block, group, counted.by_group[group])
            elif group in block:
                del block[group]
        return
    for key, counts in (counted.counts or {}).items():
        _set_counts(block, key, counts, position=len(block) if key not in block else None)


# --- the text around the block ---------------------------------------------------------


def _key_line(lines: list[str], key: str) -> int | None:
    pattern = re.compile(rf"^{re.escape(key)}\s*:")
    return next((i for i, line in enumerate(lines) if pattern.match(line)), None)


def strip_provenance(lines: list[str], key: str) -> list[str]:
    """``lines`` without the provenance comment directly above ``key`` (an earlier import's)."""
    at = _key_line(lines, key)
    if at is None:
        return lines
    top = at
    while top > 0 and (lines[top - 1].startswith(CONTINUED) or lines[top - 1].startswith(PROVENANCE)):
        top -= 1
        if lines[top].startswith(PROVENANCE):
            return lines[:top] + lines[at:]
    return lines


def _top_keys(lines: list[str]) -> list[int]:
    """The line of each top-level key (a line starting a key at column 0)."""
    return [i for i, line in enumerate(lines) if re.match(r"^[A-Za-z_][\w-]*\s*:", line)]


def _region(lines: list[str], key: str) -> tuple[int, int] | None:
    """Lines ``[start, end)`` of ``key``'s block; the comment lines directly above the next key belong to that key."""
    start = _key_line(lines, key)
    if start is None:
        return None
    later = [i for i in _top_keys(lines) if i > start]
    end = later[0] if later else len(lines)
    while later and end - 1 > start and lines[end - 1].startswith("#"):
        end -= 1
    return start, end


def _placeholders_kept(region: list[str], written: set[str]) -> list[str]:
    """A scaffold's commented-out lines of an empty block, without those of the keys now written."""
    kept, skipping = [], None
    for line in region:
        match = re.match(r"^(\s*#\s*)([\w\"' .-]+?)\s*:", line)  # indented as the key would be without its #
        if match and skipping is not None and len(match.group(1)) <= skipping:
            skipping = None
        if skipping is not None:
            continue
        if match and match.group(2).strip("\"'") in written:
            skipping = len(match.group(1))
            continue
        kept.append(line)
    return kept


def _insert_at(lines: list[str], key: str) -> int:
    """Where a new top-level ``key`` goes: before the first later key of the contract (and its comment), or at the end."""
    later = YEAR_KEYS[YEAR_KEYS.index(key) + 1:]
    starts = [i for k in later if (i := _key_line(lines, k)) is not None]
    if not starts:
        return len(lines)
    at = min(starts)
    while at > 0 and lines[at - 1].startswith("#"):
        at -= 1
    return at


def edit_block(text: str, key: str, change, provenance: list[str] | None = None) -> str:  # noqa: ANN001 - change(block)
    """``text`` with ``change`` applied to the top-level block ``key`` (created if missing) and ``provenance`` above it."""
    lines = text.splitlines(keepends=True)
    if provenance is not None:
        lines = strip_provenance(lines, key)
    yaml = _yaml()
    doc = yaml.load("".join(lines))
    original = doc.get(key) if key in doc else None
    was_empty = not isinstance(original, (CommentedMap, CommentedSeq))
    if was_empty:
        doc.ca.items.pop(key, None)  # the scaffold's comments are kept from the text below, not by ruamel
        block = CommentedMap() if key != "corrections" else CommentedSeq()
        if key in doc:
            doc[key] = block
        else:
            doc.insert(_position(doc, key), key, block)
    change(doc[key])
    out = io.StringIO()
    yaml.dump(doc, out)
    dumped = out.getvalue().splitlines(keepends=True)
    new_start, new_end = _region(dumped, key)  # type: ignore[misc]
    new = dumped[new_start:new_end]
    while len(new) > 1 and (not new[-1].strip() or new[-1].startswith("#")):
        new.pop()  # what ruamel carried along after the block is the text's own, kept below
    old = _region(lines, key)
    if old is None:
        at = _insert_at(lines, key)
        lines[at:at] = [*(provenance or []), *new]
        return "".join(lines)
    start, end = old
    region = lines[start:end]
    tail_start = len(region)
    while tail_start > 1 and (not region[tail_start - 1].strip() or region[tail_start - 1].startswith("#")):
        tail_start -= 1
    tail = region[tail_start:]
    if was_empty:
        new = [region[0], *new[1:], *_placeholders_kept(region[1:tail_start], set(_written_keys(doc[key])))]
    lines[start:end] = [*(provenance or []), *new, *tail]
    return "".join(lines)


def _written_keys(block: object) -> list[str]:
    return [str(k) for k in block] if isinstance(block, CommentedMap) else []


def _position(doc: CommentedMap, key: str) -> int:
    later = set(YEAR_KEYS[YEAR_KEYS.index(key) + 1:])
    keys = list(doc)
    return next((i for i, k in enumerate(keys) if k in later), len(keys))


def provenance_lines(kind: str, name: str, sha256: str, rows: int, columns: str, source: str, extra: str | None) -> list[str]:
    """The comment above the block: the file, its sha256, its rows and the mapping; no date, so the same file gives the same bytes."""
    shown = "".join(ch if ch.isprintable() else "?" for ch in name)
    lines = [
        f'{PROVENANCE}{kind}\' from "{shown}" (sha256 {sha256}, {rows:,} rows).\n',
        f"{CONTINUED}Columns read: {columns}.\n",
        f"{CONTINUED}Values placed by {source} (see the Methodology page).\n",
    ]
    if extra:
        lines.append(f"{CONTINUED}{extra}\n")
    return lines


def problems_at(problems: list, temp_name: str, real_name: str) -> list:
    """Problems found in the file as it would be written, named as the real file."""
    return [replace(p, path=real_name) if p.path == temp_name else p for p in problems]


def write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.wres-import")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)
