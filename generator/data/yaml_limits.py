"""What a YAML file may hold before it is built into values: no anchors, aliases or tags; bounded depth, text and numbers.

Every YAML text the tool reads (``wres.yaml``, ``organisation.yaml``, ``years/``,
``action_plans/`` and the front matter of content pages) is walked here, event by event,
before any loader builds a value from it. An alias lets a few lines stand for billions of
values (the "billion laughs"); a deep nesting overflows the recursive composers; a number
of thousands of digits is refused by Python's ``int`` with a traceback, and a tag picks a
constructor that may raise (``!!int 'abc'``). No WRES file needs any of them, so each is refused with its line, in milliseconds, whatever comes after it.

The walk uses the parser of the loader that will build the values: libyaml (PyYAML's C
parser: ``fastyaml`` and MkDocs' front matter) or ruamel.yaml's own (``yamlfile``'s exact
path), so the events checked are the events built.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import yaml as pyyaml  # PyYAML
from ruamel.yaml import YAML
from ruamel.yaml import events as ruamel_events
from ruamel.yaml.error import YAMLError as RuamelError

MAX_DEPTH = 20  # the example nests 5 deep; 20 leaves room for anything a trust could mean
MAX_TEXT = 20_000  # characters in one value: about 3,000 words, longer than any foreword
MAX_DIGITS = 15  # no WRES count or figure has more digits before the point (and a float keeps only about 15)
MAX_PROBLEMS = 10  # a hostile file is named, not listed line by line
# A plain (unquoted) scalar that YAML 1.1 or 1.2 could read as a number (1_000, 0x1F, 1:30 in YAML 1.1, 2.5e3);
# its digits before the point are what Python's int() is given.
NUMBER = re.compile(r"^[-+]?(?:0x[0-9a-fA-F_]+|0b[01_]+|0o[0-7_]+|[0-9][0-9_:]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?)$")

ALIASES = "YAML anchors and aliases (&name, *name) are not allowed: write the value out in full"
DEEP = f"the lists and blocks here are nested more than {MAX_DEPTH} deep; no WRES file needs that many levels"
TAGS = "YAML tags (such as !!int or !name) are not allowed: write the value without one"

# The event classes of both libraries, by role: the walk dispatches on the exact class, for speed.
_STARTS = {pyyaml.MappingStartEvent, pyyaml.SequenceStartEvent, ruamel_events.MappingStartEvent, ruamel_events.SequenceStartEvent}
_ENDS = {pyyaml.MappingEndEvent, pyyaml.SequenceEndEvent, ruamel_events.MappingEndEvent, ruamel_events.SequenceEndEvent}
_SCALARS = {pyyaml.ScalarEvent, ruamel_events.ScalarEvent}
_ALIASES = {pyyaml.AliasEvent, ruamel_events.AliasEvent}
_NODES = _STARTS | _SCALARS | _ALIASES

try:
    from yaml.cyaml import CParser as _LibyamlParser
except ImportError:  # PyYAML built without libyaml: its pure-Python parser reads the same events
    _LibyamlParser = None


def limit_problems(text: str, *, parser: str = "libyaml", first_line: int = 1) -> list[tuple[int, str]]:
    """``(line, message)`` for each thing in ``text`` no WRES file may hold; empty when the text is within limits.

    ``parser``: "libyaml" or "ruamel", the parser of the loader that will read the text.
    ``first_line``: the file's line number of the text's first line (front matter starts on line 2).
    A syntax error ends the walk quietly: the loader reports it, with its line, and builds nothing.
    """
    found: list[tuple[int, str]] = []
    depth = 0
    try:
        for event in _events(text, parser):
            kind = type(event)
            if kind in _ENDS:
                depth -= 1
                continue
            if kind not in _NODES:  # stream and document events
                continue
            if kind in _STARTS:
                depth += 1
                if depth > MAX_DEPTH:
                    return [*found, (event.start_mark.line + first_line, DEEP)]  # the rest is no use once its shape is lost
            message = _node_problem(event, kind)
            if message and (line := event.start_mark.line + first_line, message) not in found:
                found.append((line, message))
                if len(found) >= MAX_PROBLEMS:
                    return found
    except pyyaml.MarkedYAMLError as exc:
        # libyaml stops at 1,000 levels of flow nesting while scanning ahead, before the events reach 20
        if "maximum nesting depth" in str(exc.problem) and exc.problem_mark is not None:
            return [*found, (exc.problem_mark.line + first_line, DEEP)]
    except (pyyaml.YAMLError, RuamelError):
        pass
    return found


def _node_problem(event: Any, kind: type) -> str | None:
    if kind in _ALIASES or event.anchor is not None:
        return ALIASES
    if event.tag is not None:  # a tag picks a constructor: !!int 'abc' is a ValueError
        return TAGS
    if kind not in _SCALARS:
        return None
    value = event.value
    if len(value) > MAX_TEXT:
        return (f"this text is {len(value):,} characters long; the most a value can be is {MAX_TEXT:,}. "
                "Is something pasted in by mistake?")
    if not event.style and len(value) > MAX_DIGITS and NUMBER.match(value) and (digits := _whole_digits(value)) > MAX_DIGITS:
        return (f"this number has {digits:,} digits; no WRES figure has more than {MAX_DIGITS}. "
                "If it is text, put it in quotes")
    return None


def _whole_digits(number: str) -> int:
    """Digits before the point (or all of them, in hex, octal or binary), leaving out _ and : separators."""
    body = number.lstrip("+-")
    whole = body[2:] if body[:2] in ("0x", "0b", "0o") else re.split(r"[.eE]", body)[0]
    return len(re.sub(r"[_:]", "", whole))


def _events(text: str, parser: str) -> Iterator[Any]:
    if parser == "ruamel":
        yield from YAML(typ="rt").parse(text)
        return
    loader = _LibyamlParser(text) if _LibyamlParser is not None else pyyaml.SafeLoader(text)
    try:
        while loader.check_event():
            yield loader.get_event()
    finally:
        loader.dispose()
