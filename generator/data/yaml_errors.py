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
    index, column, message = _diagnose(lines, at, problem_mark, context_mark, context, problem, first_line)
    shown = index + first_line
    return Explained(shown, message.replace("{line}", f"line {shown}"), excerpt(lines, index, column, first_line))


def _diagnose(lines: list[str], at: int, problem_mark: Any, context_mark: Any, context: str,
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


def _shape(lines: list[str], at: int, problem: str, first_line: int) -> tuple[int, int, str]:
    """Indentation and list items, judged from the line the parser stopped at and the lines above it."""
    at = next((i for i in range(at, -1, -1) if _content(lines[i])), at)  # a mark at the end of the text: its last line
    line = lines[at]
    column = len(_indent_of(line))
    above = next((i for i in range(at - 1, -1, -1) if _content(lines[i])), None)
    if line.lstrip().startswith("- ") or line.strip() == "-":
        return at, column, _list_item(lines, at, column, first_line)
    if above is not None:
        key_column = _key_column(lines[above])
        key = _key(lines[above])
        if column != key_column and not lines[above].rstrip().endswith(":") and key:
            more = column > key_column
            spaces = abs(column - key_column)
            return at, column, (f"{{line}} is indented {_count(spaces, 'space')} {'more' if more else 'less'} than the "
                                f"line above: line it up with `{key}:`")
        if column < key_column and key and lines[above].rstrip().endswith(":"):
            return at, column, (f"{{line}} is indented less than the block `{key}:` it follows: indent it further than "
                                f"`{key}:`, or give `{key}:` a value")
    if match := AFTER_QUOTE.match(line):
        return at, match.end(2) + 1, "{line} has text after the closing quote: put all of the value inside the quotes"
    if "mapping values" in problem and line.count(": ") + line.rstrip().endswith(":") >= 2:
        key, _, value = line.strip().partition(": ")
        value = value.replace('"', '\\"')
        return at, line.index(": ", column + len(key) + 1) + 1, (
            f'{{line}} has a second ": " in its value: put the value in quotes, e.g. {key}: "{value}"')
    return at, column, "{line} " + GENERIC


def _list_item(lines: list[str], at: int, column: int, first_line: int) -> str:
    """A ``- item`` the parser did not expect: lined up wrongly with the items of its list, or in a block of keys."""
    for index in range(at - 1, -1, -1):
        other = lines[index]
        if _content(other) and other.lstrip().startswith("-") and len(_indent_of(other)) != column:
            return ("{line} starts a list item (-) at a different depth from the item on line "
                    f"{index + first_line}: line up its - with that one's")
        if _content(other) and len(_indent_of(other)) < column and not other.lstrip().startswith("-"):
            break
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


def _count(number: int, noun: str) -> str:
    word = NUMBER_WORDS[number] if number < len(NUMBER_WORDS) else str(number)
    return f"{word} {noun}{'' if number == 1 else 's'}"


def excerpt(lines: list[str], index: int, column: int, first_line: int = 1) -> str:
    """The line above and the line itself, numbered as in the file, with a caret under ``column``.

    A tab is shown as → so that the caret stays under it.
    """
    rows = [(i + first_line, lines[i].replace("\t", "→")) for i in (index - 1, index) if 0 <= i < len(lines)]
    width = len(str(rows[-1][0]))
    out = [f"    {number:>{width}} | {text}".rstrip() for number, text in rows]
    out.append(f"    {'':>{width}} | {' ' * column}^")
    return "\n".join(out)
