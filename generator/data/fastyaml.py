"""A fast YAML loader that gives exactly the values ruamel.yaml's round-trip loader gives, or says it is not sure.

libyaml's C parser (through PyYAML, which MkDocs installs) with ruamel's YAML 1.2
rules for plain scalars. Only the shapes WRES data uses are built here: text,
whole numbers, decimals (keeping their printed decimal places, like ``Printed``),
true/false, null, YYYY-MM-DD dates (an impossible date stays text), mappings and
lists. Anything else (a duplicate key, a tag, an exponent, a time, a merge key, a
YAML error) returns None, and ``yamlfile`` reads the file the slow, exact way,
which also words any error.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml as pyyaml  # PyYAML
from ruamel.yaml.resolver import implicit_resolvers

from .printed import from_yaml_float

INT = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
DECIMAL = re.compile(r"^[-+]?[0-9]+\.[0-9]*$")
DATE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
NULLS = {"", "~", "null", "Null", "NULL"}


class Unsure(Exception):
    """The fast loader cannot promise ruamel's value here."""


class _Resolver(pyyaml.resolver.BaseResolver):
    """ruamel's YAML 1.2 implicit types (PyYAML's own are YAML 1.1: 'yes' would be true)."""


for _versions, _tag, _regexp, _first in implicit_resolvers:
    if (1, 2) in _versions:
        _Resolver.add_implicit_resolver(_tag, _regexp, _first)


class _Constructor(pyyaml.constructor.BaseConstructor):
    def construct_text(self, node: Any) -> str:
        if not isinstance(node, pyyaml.ScalarNode):
            raise Unsure
        return node.value

    def construct_null(self, node: Any) -> None:
        if self.construct_text(node) not in NULLS:
            raise Unsure

    def construct_bool(self, node: Any) -> bool:
        try:
            return BOOLS[self.construct_text(node)]
        except KeyError:
            raise Unsure from None

    def construct_int(self, node: Any) -> int:
        text = self.construct_text(node)
        if not INT.match(text):
            raise Unsure
        return int(text)

    def construct_float(self, node: Any) -> float:
        text = self.construct_text(node)
        if not DECIMAL.match(text):
            raise Unsure
        return from_yaml_float(float(text), len(text), text.find("."), None)

    def construct_date(self, node: Any) -> dt.date | str:
        text = self.construct_text(node)
        match = DATE.match(text)
        if not match:
            raise Unsure
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return text  # kept as written, so validation can point at its line

    def construct_list(self, node: Any) -> list[Any]:
        if not isinstance(node, pyyaml.SequenceNode):
            raise Unsure
        return [self.construct_object(child, deep=True) for child in node.value]

    def construct_map(self, node: Any) -> dict[Any, Any]:
        if not isinstance(node, pyyaml.MappingNode):
            raise Unsure
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if isinstance(key, (dict, list)) or key in out:
                raise Unsure  # a duplicate key: the slow loader words the error
            out[key] = self.construct_object(value_node, deep=True)
        return out

    def unsure(self, node: Any) -> Any:
        raise Unsure


for _tag, _method in [("null", "construct_null"), ("bool", "construct_bool"), ("int", "construct_int"),
                      ("float", "construct_float"), ("timestamp", "construct_date"), ("str", "construct_text"),
                      ("seq", "construct_list"), ("map", "construct_map")]:
    _Constructor.add_constructor(f"tag:yaml.org,2002:{_tag}", getattr(_Constructor, _method))
_Constructor.add_constructor(None, _Constructor.unsure)


try:
    from yaml.cyaml import CParser as _Parser
except ImportError:  # PyYAML built without libyaml: every file goes the slow way
    _Parser = None


if _Parser is not None:
    class _Loader(_Parser, _Constructor, _Resolver):
        def __init__(self, stream: str) -> None:
            _Parser.__init__(self, stream)
            _Constructor.__init__(self)
            _Resolver.__init__(self)


def fast_load(text: str) -> Any:
    """The file's values as the slow loader's ``plain`` would give them, or None when not sure (or no C parser)."""
    if _Parser is None or re.search(r"^%", text, re.M):  # a %YAML directive may change the rules
        return None
    loader = _Loader(text)
    try:
        return loader.get_single_data()
    except (Unsure, pyyaml.YAMLError, RecursionError, TypeError, ValueError):
        return None
    finally:
        loader.dispose()
