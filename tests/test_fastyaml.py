"""The fast YAML loader gives exactly the values of the slow, line-keeping one, or steps aside."""

from __future__ import annotations

from typing import Any

import pytest

from generator.data.fastyaml import fast_load
from generator.data.yamlfile import new_yaml, plain, read_yaml

from .conftest import ROOT


def same(a: Any, b: Any) -> bool:
    """Equal values of equal types, keys in the same order, decimals printed the same."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return [(type(k), k) for k in a] == [(type(k), k) for k in b] and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, float):
        return a == b and getattr(a, "decimals", None) == getattr(b, "decimals", None)
    return a == b


def slow(text: str) -> Any:
    return plain(new_yaml().load(text))


REPO_YAML = sorted(path for pattern in ("data/**/*.yaml", "tests/fixtures/**/*.yaml", "generator/**/*.yaml")
                   for path in ROOT.glob(pattern))


@pytest.mark.parametrize("path", REPO_YAML, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_yaml_file_of_the_repository_loads_fast_to_the_same_values(path):
    text = path.read_text(encoding="utf-8")
    fast = fast_load(text)
    assert fast is not None, "the fast loader stepped aside on an ordinary file"
    assert same(fast, slow(text))


@pytest.mark.parametrize("text", [
    "a: 1\nb: -2\nc: +3\nd: 0\n",
    "a: 1.50\nb: 14.0\nc: -0.125\nd: 7.\n",
    "a: yes\nb: no\nc: on\nd: off\ne: y\n",  # YAML 1.1 booleans are text under YAML 1.2
    "a: true\nb: False\nc: TRUE\n",
    "a: ~\nb: null\nc:\nd: ''\n",
    "a: 2024-02-29\nb: 2025-02-30\nc: 2024-1-5\nd: '2024-03-01'\n",
    "a: 1,210\nb: 12 345\nc: 1_000\n",
    "a: 010\nb: 0o17\nc: 0x1F\nd: 1e3\ne: .5\nf: .inf\n",
    "a: |\n  line one\n  line two\nb: >-\n  folded\n  text\n\n  para\n",
    "list:\n  - 1\n  - two\n  - {x: 3.0}\n  - [4, 5]\n",
    "2024: a year as key\n1.5: a decimal key\n",
    "a: &x {b: 1}\nc: *x\n",
    "a: 2024-03-01 10:20:30\n",
    "a: !!str 12\nb: !!float 3\n",
    "base: &b {x: 1}\nother:\n  <<: *b\n  y: 2\n",
    "a: 1\na: 2\n",
    "a: [1, 2\n",
    "%YAML 1.1\n---\na: yes\n",
    "- just\n- a list\n",
    "",
    "a: \"quoted \\u00e9 \\t tab\"\nb: 'single ''quote'''\n",
])
def test_tricky_scalars_load_the_same_or_go_the_slow_way(text):
    fast = fast_load(text)
    if fast is None:
        return  # the slow loader reads it (and words any error)
    assert same(fast, slow(text))


def test_a_problem_is_still_reported_at_its_line(tmp_path):
    path = tmp_path / "2024.yaml"
    path.write_text("year: 2024\nindicator_2:\n  shortlisted:\n    white: 10\n    bme: x\n", encoding="utf-8")
    doc, problems = read_yaml(path)
    assert problems == [] and doc is not None
    assert doc.line_of(("indicator_2", "shortlisted", "bme")) == 5
    assert doc.line_of(("indicator_2", "missing")) == 2
