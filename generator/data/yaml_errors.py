"""A YAML syntax error in plain words: what is wrong, on which line, what to do, with the lines shown.

Both parsers the tool reads YAML with (ruamel.yaml for data files, libyaml through PyYAML for
front matter and the fast loader) word their errors for programmers: ``expected <block end>, but
found '<block mapping start>'``. A comms officer needs "line 48 is indented one space less than the
line above: line it up with `theme:`". The parser's error says only *where* it gave up and what it
was reading (a quoted text, a [list], a key); the cause is found here by looking at the lines
themselves, and no parser wording is ever shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .errors import Problem

NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
# ``key:value`` with no space after the colon (not a web address, a time or a Windows drive)
NO_SPACE = re.compile(r"^(?P<indent>\s*(?:-\s+)*)(?P<key>[A-Za-z_][\w ]*?):(?P<value>[^\s:/].*)$")
AFTER_QUOTE = re.compile(r"""^[^"']*:\s+(["'])(?:(?!\1).)*(\1)[ \t]*[^\s#,\]}]""")
GENERIC = ("is not written as YAML expects: check that it lines up with the line above, that each key has "
           "': ' (a colon and a space) after it, and that every quote and bracket is closed")


@dataclass(frozen=True)
class Explained:
    """A syntax error as the tool shows it: the line (1-based, in the file), the message and the lines to show."""

    line: int
    message: str
    excerpt: str


def explain(text: str, error: Any, first_line: int = 1) -> Explained:
    """``error`` (a ruamel or PyYAML ``MarkedYAMLError`` raised reading ``text``) in plain words.

    ``first_line``: the file's line number of the text's first line (front matter starts on line 2).
    """
    lines = text.split("\n")
    problem_mark, context_mark = getattr(error, "problem_mark", None), getattr(error, "context_mark", None)
    at = min(problem_mark.line, len(lines) - 1) if problem_mark is not None else 0
    context = str(getattr(error, "context", "") or "")
    problem = str(getattr(error, "problem", "") or "")
    index, column, message = _diagnose(lines, at, context_mark, context, problem, first_line)
    shown = index + first_line
    return Explained(shown, message.replace("{line}", f"line {shown}"), excerpt(lines, index, column, first_line))


def _diagnose(lines: list[str], at: int, context_mark: Any, context: str,
              problem: str, first_line: int) -> tuple[int, int, str]:
    """``(line index, caret column, message)``; ``{line}`` in the message stands for "line N"."""
    for index, line in enumerate(lines[: at + 1]):
        if "\t" in _indent_of(line):
            return index, line.index("\t"), ("{line} starts with a tab: YAML needs spaces, not tabs. "
                                             "Replace the tab with spaces, lined up with the line above")
    if context_mark is not None and "quoted scalar" in context:
        index, column = context_mark.line, context_mark.column
        quote = lines[index][column] if column < len(lines[index]) else '"'
        return index, column, (f"the text in quotes that starts on {{line}} is never closed: add the closing {quote} "
                               "at the end of the text (and check for a stray quote inside it)")
    if (opened := _unclosed_quote(lines, at)) is not None:
        index, column = opened
        return index, column, (f"the text in quotes that starts on {{line}} is never closed: add the closing "
                               f"{lines[index][column]} at the end of the text (and check for a stray quote inside it)")
    if context_mark is not None and ("flow sequence" in context or "flow mapping" in context):
        index, column = context_mark.line, context_mark.column
        opening, closing = ("[", "]") if "sequence" in context else ("{", "}")
        return index, column, (f"the {opening} on {{line}} is never closed: add {closing} after the last item, "
                               "on the same line")
    if context_mark is not None and "simple key" in context:
        index = context_mark.line
        if match := NO_SPACE.match(lines[index]):
            written = f"{match['key']}: {match['value']}"
            return index, match.end("key") + 1, f"{{line}} has no space after the colon: write `{written.strip()}`"
        return index, len(_indent_of(lines[index])), "{line} has no ': ' (a colon and a space) after its key"
    return _shape(lines, at, problem, first_line)


def syntax_problem(text: str, name: str) -> Problem | None:
    """The syntax error of a YAML text that no loader of ours reads (``mkdocs.yml``), in plain words, or None.

    Only the parser runs, so MkDocs' own tags (``!ENV``, ``!relative``) need nothing here.
    """
    import yaml as pyyaml  # PyYAML

    try:
        for _ in pyyaml.parse(text, Loader=getattr(pyyaml, "CSafeLoader", pyyaml.SafeLoader)):
            pass
    except pyyaml.MarkedYAMLError as exc:
        said = explain(text, exc)
        return Problem(name, said.line, "", said.message, said.excerpt)
    except pyyaml.YAMLError:
        return Problem(name, 1, "", "this file cannot be read as YAML: " + GENERIC)
    return None


def _unclosed_quote(lines: list[str], at: int) -> tuple[int, int] | None:
    """``(line index, column)`` of a value's opening quote, up to line ``at``, whose closing quote would mend the text.

    A quote left open runs on to the next quote mark, lines later, where the parser stops: so each value
    opened with a quote and not closed on its line is tried closed, and kept if the parser then gets further.
    """
    for index, line in enumerate(lines[: at + 1]):
        match = re.match(r"""^[ \t]*(?:-[ \t]+)*(?:[^"'#:]+:[ \t]+)?(["'])""", line)
        if not match:
            continue
        quote, rest = match.group(1), line[match.end():]
        closed = rest.replace(quote * 2, "") if quote == "'" else re.sub(r"\\.", "", rest)
        if quote in closed:
            continue
        mended = [*lines[:index], line.rstrip() + quote, *lines[index + 1:]]
        if _parses_past("\n".join(mended), at):
            return index, match.start(1)
    return None


def _parses_past(text: str, at: int) -> bool:
    """Whether ``text`` parses with no error at or before line index ``at``."""
    import yaml as pyyaml  # PyYAML: libyaml's parser, enough to see where a text stops parsing

    try:
        for _ in pyyaml.parse(text, Loader=getattr(pyyaml, "CSafeLoader", pyyaml.SafeLoader)):
            pass
    except pyyaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        return mark is not None and mark.line > at
    except pyyaml.YAMLError:
        return False
    return True


def _shape(lines: list[str], at: int, problem: str, first_line: int) -> tuple[int, int, str]:
    """Indentation and list items, judged from the line the parser stopped at and the lines above it."""
    at = next((i for i in range(at, -1, -1) if _content(lines[i])), at)  # a mark at the end of the text: its last line
    line = lines[at]
    column = len(_indent_of(line))
    above = next((i for i in range(at - 1, -1, -1) if _content(lines[i])), None)
    first = next((i for i in range(len(lines)) if _content(lines[i])), at)
    if first <= at and (indent := len(_indent_of(lines[first]))) and lines[first].lstrip()[:1] not in "-[{":
        return first, indent, ("{line} is indented, but the first key of a file starts at the left edge: "
                               "remove the spaces before it")
    if above is not None and (match := NO_SPACE.match(lines[above])) and ": " not in lines[above]:
        # a 'key:value' line is one piece of text, so the parser stops only at the line after it
        return above, match.end("key") + 1, (f"{{line}} has no space after the colon: write "
                                             f"`{match['key']}: {match['value'].strip()}`")
    if line.lstrip().startswith("- ") or line.strip() == "-":
        return at, column, _list_item(lines, at, column, first_line)
    blocks = _blocks_above(lines, at)
    if blocks and column not in {key_column for key_column, _, _ in blocks}:
        key_column, key, index = min(blocks, key=lambda block: (abs(block[0] - column), at - block[2]))
        spaces, direction = _count(abs(column - key_column), "space"), "more" if column > key_column else "less"
        if index == above:
            return at, column, f"{{line}} is indented {spaces} {direction} than the line above: line it up with `{key}:`"
        return at, column, (f"{{line}} is indented {spaces} {direction} than `{key}:` on line {index + first_line}: "
                            f"line it up with `{key}:`")
    if match := AFTER_QUOTE.match(line):
        return at, match.end(2) + 1, "{line} has text after the closing quote: put all of the value inside the quotes"
    if "mapping values" in problem and line.count(": ") + line.rstrip().endswith(":") >= 2:
        key, _, value = line.strip().partition(": ")
        value = value.replace('"', '\\"')
        return at, line.index(": ", column + len(key) + 1) + 1, (
            f'{{line}} has a second ": " in its value: put the value in quotes, e.g. {key}: "{value}"')
    return at, column, "{line} " + GENERIC


def _blocks_above(lines: list[str], at: int) -> list[tuple[int, str, int]]:
    """``(key column, key, line index)`` of the line above and of each block it is in: where line ``at`` could line up."""
    blocks: list[tuple[int, str, int]] = []
    least: int | None = None
    for index in range(at - 1, -1, -1):
        line = lines[index]
        if not _content(line):
            continue
        indent = len(_indent_of(line))
        if least is None or indent < least:
            least = indent
            if key := _key(line):
                blocks.append((_key_column(line), key, index))
        if indent == 0:
            break
    return blocks


def _list_item(lines: list[str], at: int, column: int, first_line: int) -> str:
    """A ``- item`` the parser did not expect: lined up wrongly with the items of its list, or in a block of keys.

    The list it belongs to is taken to be the one of the items above whose - is nearest its own (the outer one on a tie).
    """
    items: list[tuple[int, int]] = []  # (indent, line index) of the list items above, up to the block they are in
    for index in range(at - 1, -1, -1):
        other = lines[index]
        if not _content(other):
            continue
        indent = len(_indent_of(other))
        if other.lstrip().startswith("-"):
            if indent != column:
                items.append((indent, index))
        elif indent < column:
            break
    if items:
        _, index = min(items, key=lambda item: (abs(item[0] - column), item[0], at - item[1]))
        return ("{line} starts a list item (-) at a different depth from the item on line "
                f"{index + first_line}: line up its - with that one's")
    return ("{line} starts a list item (-) among 'key: value' lines: indent it under the key whose list it is, "
            "or write it as 'key: value'")


def _indent_of(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" \t"))]


def _content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _key_column(line: str) -> int:
    """Where the keys of the block this line is in start: after its indent and any list dashes."""
    match = re.match(r"^[ \t]*(?:-[ \t]+)*", line)
    return match.end() if match else 0


def _key(line: str) -> str:
    body = line[_key_column(line):]
    match = re.match(r"""^("[^"]*"|'[^']*'|[^:#]+?)\s*:(\s|$)""", body)
    return match.group(1) if match else ""


def _count(count: int, noun: str) -> str:
    word = NUMBER_WORDS[count] if count < len(NUMBER_WORDS) else str(count)
    return f"{word} {noun}{'' if count == 1 else 's'}"


def excerpt(lines: list[str], index: int, column: int, first_line: int = 1) -> str:
    """The line above and the line itself, numbered as in the file, with a caret under ``column``.

    A tab is shown as → so that the caret stays under it.
    """
    rows = [(i + first_line, lines[i].replace("\t", "→")) for i in (index - 1, index) if 0 <= i < len(lines)]
    width = len(str(rows[-1][0]))
    out = [f"    {number:>{width}} | {text}".rstrip() for number, text in rows]
    out.append(f"    {'':>{width}} | {' ' * column}^")
    return "\n".join(out)
