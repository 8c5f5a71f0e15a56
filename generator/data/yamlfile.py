"""Reading YAML with line numbers, and turning pydantic errors into plain words.

ruamel.yaml's round-trip loader remembers where every key and item stands, so a
problem at ``indicator_2.appointed.bme`` can be reported at its line. It is slow,
so a file is first read with a fast loader (``fastyaml``: libyaml's C parser, the
same YAML 1.2 rules, the same values) and parsed for its lines only when a problem
must be reported; anything the fast loader is not sure of goes the slow way.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import os
import re
import types
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from ..cache import entry, keep_value, kept_value
from .dates import as_iso
from .errors import Problem
from .fastyaml import fast_load
from .printed import from_yaml_float
from .value_hints import choice_hint, choices, list_hint, number_hint
from .yaml_errors import GENERIC, explain
from .yaml_limits import limit_problems

Loc = tuple[str | int, ...]
MAX_FILE_BYTES = 1_000_000  # a year of WRES figures is a few kB; a larger file is a paste gone wrong
DATE_LIKE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")
KEEP_PARSED = 256  # parsed files kept between builds: a few projects' data, and the versions of it being edited


def display_path(path: Path) -> str:
    """The path as an editor would type it: relative to the working folder when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if rel.startswith("..") else rel


def plain(node: Any) -> Any:
    """ruamel's round-trip objects as plain Python values, in document order."""
    if isinstance(node, dict):
        return {plain(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    if isinstance(node, bool):
        return bool(node)
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return from_yaml_float(node, getattr(node, "_width", None), getattr(node, "_prec", None), getattr(node, "_exp", None))
    if isinstance(node, str):
        return str(node)
    if isinstance(node, dt.datetime):
        return node
    if isinstance(node, dt.date):
        return dt.date(node.year, node.month, node.day)
    return node


class _Constructor(RoundTripConstructor):
    """Keeps an impossible date such as 2025-02-30 as text, so validation can point at its line."""


def _timestamp(constructor: RoundTripConstructor, node: Any, values: Any = None) -> Any:
    try:
        return RoundTripConstructor.construct_yaml_timestamp(constructor, node, values)
    except ValueError:
        return constructor.construct_scalar(node)


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def new_yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
    return yaml


@dataclass
class YamlDocument:
    """One file: its plain data, its line map (parsed when first needed), and how to name it in messages."""

    path: Path
    data: Any
    text: str

    @functools.cached_property
    def node(self) -> Any:
        """ruamel's round-trip tree of the file, which knows the line of every key and item."""
        return new_yaml().load(self.text)

    @property
    def name(self) -> str:
        return display_path(self.path)

    def line_of(self, loc: Loc) -> int:
        """The line of the deepest key or item of ``loc`` found in the file (1-based)."""
        node, line = self.node, 1
        for part in loc:
            if isinstance(node, CommentedMap) and part in node:
                line = node.lc.key(part)[0] + 1
                node = node[part]
            elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
                line = node.lc.item(part)[0] + 1
                node = node[part]
            else:
                break
        return line

    def problem(self, loc: Loc, message: str) -> Problem:
        return Problem(self.name, self.line_of(loc), dotted(loc), message)


def dotted(loc: Loc) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def decode_utf8(raw: bytes, name: str) -> tuple[str | None, list[Problem]]:
    """A file's bytes as text, or a problem at the line of the first byte that is not UTF-8."""
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return None, [Problem(name, line, "", f"this line has a character that is not UTF-8 (byte {raw[exc.start]:#04x}); "
                                              "save the file as UTF-8 or retype the character")]


def beyond_limits(text: str, name: str, parser: str) -> list[Problem]:
    """Anchors, aliases, deep nesting, huge text or numbers (``yaml_limits``), each at its line."""
    return [Problem(name, line, "", message) for line, message in limit_problems(text, parser=parser)]


def read_yaml(path: Path) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse one file; a syntax error becomes a problem with its line, never an exception.

    The text is checked against ``yaml_limits`` with each loader's own parser before that loader builds anything.
    """
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        return None, [Problem(display_path(path), 1, "", f"the file is {len(raw) / 1_000_000:.1f} MB; a data file can "
                                                         f"be at most {MAX_FILE_BYTES // 1_000_000} MB. Is something "
                                                         "pasted in by mistake?")]
    doc, problems = _parsed(path, raw, display_path(path))
    return doc, list(problems)


@functools.lru_cache(maxsize=64)
def _parsed(path: Path, raw: bytes, name: str) -> tuple[YamlDocument | None, tuple[Problem, ...]]:
    """``read_yaml`` of these bytes, kept: a build reads some files twice (the checks, then the plausibility
    warnings), and parsing is most of that. Keyed by the file's bytes, so an edit is always read afresh;
    the documents are only ever read, never changed."""
    doc, problems = _parse(path, raw, name)
    return doc, tuple(problems)


def _parse(path: Path, raw: bytes, name: str) -> tuple[YamlDocument | None, list[Problem]]:
    text, problems = decode_utf8(raw, name)
    if text is None:
        return None, problems
    # a file's parsed values are kept between builds by its bytes (cache.entry: with this code and the libraries):
    # a build after an edit to one file of data/ parses that file only. Only a file the fast loader read whole is
    # kept; one with a problem, or read the slow way, is read afresh every time.
    kept = entry("data", raw)
    if isinstance(data := kept_value(kept), dict):
        return YamlDocument(path, data, text), []
    if problems := beyond_limits(text, name, "libyaml"):
        return None, problems
    data = fast_load(text)
    if isinstance(data, dict):
        keep_value(kept, data, newest=KEEP_PARSED)
        return YamlDocument(path, data, text), []
    if problems := beyond_limits(text, name, "ruamel"):
        return None, problems
    yaml = new_yaml()
    try:
        node = yaml.load(text)
    except MarkedYAMLError as exc:
        if "found duplicate key" in str(exc):
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark is not None else 1
            return None, [Problem(name, line, "", "this is not valid YAML: a key appears twice in the same block; keep one")]
        said = explain(text, exc)
        return None, [Problem(name, said.line, "", said.message, said.excerpt)]
    except YAMLError:
        return None, [Problem(name, 1, "", "this file cannot be read as YAML: " + GENERIC)]
    if node is None:
        return None, [Problem(name, 1, "", "the file is empty")]
    if not isinstance(node, CommentedMap):
        return None, [Problem(name, 1, "", "the file must be a set of 'key: value' lines")]
    doc = YamlDocument(path, plain(node), text)
    doc.__dict__["node"] = node  # already parsed: cached_property reads it from here
    return doc, []


def _shown(value: Any) -> str:
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, dict):
        return "a block of keys"
    if isinstance(value, list):
        return "a list"
    return str(value)


def _unknown_key(loc: Loc, model: type[BaseModel]) -> str:
    key = str(loc[-1])
    known = _known_keys(model, loc[:-1])
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    hint = f"; did you mean '{close[0]}'?" if close else (f"; expected one of: {', '.join(known)}" if known else "")
    return f"unknown key '{key}'{hint}"


def _unwrap(annotation: Any) -> Any:
    """``X | None`` as ``X``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        return _unwrap(args[0]) if args else annotation
    return annotation


def _known_keys(model: type[BaseModel], loc: Loc) -> list[str]:
    """The keys allowed at ``loc`` inside ``model``, for 'did you mean' hints."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = _fields_as_written(current).get(str(part))
            if field is None:
                return []
            current = field.annotation
        elif get_origin(current) in (dict, list, tuple):
            # a mapping of labels (bands) or a list: step to the value type
            args = [a for a in get_args(current) if a is not Ellipsis]
            current = args[-1] if args else None
        else:
            return []
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(_fields_as_written(current))
    return []


def _fields_as_written(model: type[BaseModel]) -> dict[str, Any]:
    """A model's fields by the key a file writes: its alias where it has one (the WDES's ``disabled``)."""
    return {field.alias or name: field for name, field in model.model_fields.items()}


def plain_message(error: dict[str, Any], model: type[BaseModel]) -> str:
    """One pydantic error in words an editor understands."""
    kind, ctx, value = error["type"], error.get("ctx") or {}, error.get("input")
    if kind == "missing":
        return "is required but missing"
    if error.get("msg") == "Keys should be strings" and isinstance(error["loc"][-1], int):
        return ("looks like a number written with a comma (such as 1,210): write numbers without commas "
                "or spaces, e.g. 1210")
    if kind == "extra_forbidden":
        return _unknown_key(tuple(error["loc"]), model)
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"must be a whole number, not {_shown(value)}{number_hint(value)}"
    if kind in ("float_type", "float_parsing"):
        return f"must be a number, not {_shown(value)}{number_hint(value)}"
    if kind == "finite_number":
        return "must be a finite number (not .nan or .inf)"
    if kind == "greater_than_equal":
        if ctx.get("ge") == 0:
            return f"cannot be negative (found {_shown(value)})"
        return f"must be {ctx.get('ge')} or more, not {_shown(value)}"
    if kind == "less_than_equal":
        if ctx.get("le") == 100:
            return f"must be a percentage from 0 to 100, not {_shown(value)}"
        return f"must be {ctx.get('le')} or less, not {_shown(value)}"
    if kind == "greater_than":
        bound = ctx.get("gt")
        bound = int(bound) if isinstance(bound, float) and bound.is_integer() else bound  # "0", not "0.0"
        return f"must be more than {bound}, not {_shown(value)}"
    if kind in ("string_type",):
        return f"must be text, not {_shown(value)}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return f"is {len(value):,} characters long; the most it can be is {ctx.get('max_length'):,}"
    if kind == "string_pattern_mismatch":  # addresses are parsed instead (addresses.py); kept for any later pattern
        return f"{_shown(value)} is not written in the expected form"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"must be a block of 'key: value' lines, not {_shown(value)}"
    if kind in ("tuple_type", "list_type"):
        return f"must be a list, not {_shown(value)}{list_hint(value)}"
    if kind == "too_short" and isinstance(value, list) and not value:
        return f"must list at least {ctx.get('min_length', 1)}, not none"
    if kind == "too_long" and isinstance(value, list) and ctx.get("max_length") is not None:
        return f"lists {len(value)}; the most it can list is {ctx['max_length']}"
    if kind in ("too_short", "too_long"):
        return "has the wrong number of values"
    if kind == "literal_error":
        expected = str(ctx.get("expected", ""))
        return f"must be one of {expected}, not {_shown(value)}{choice_hint(value, choices(expected))}"
    if kind.startswith("date") or kind.startswith("datetime"):
        if isinstance(value, str) and DATE_LIKE.match(value):
            return f"{value} is not a real date"
        if isinstance(value, str) and (iso := as_iso(value)):
            return f"must be a date written as YYYY-MM-DD: write {_shown(value)} as {iso}"
        return f"must be a date written as YYYY-MM-DD, not {_shown(value)}"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return error["msg"]


def validate(doc: YamlDocument, model: type[BaseModel]) -> tuple[BaseModel | None, list[Problem]]:
    """The file's data as ``model``, or every shape problem in it."""
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        problems = [
            doc.problem(tuple(err["loc"]), plain_message(err, model))
            for err in exc.errors(include_url=False)
        ]
        return None, problems
