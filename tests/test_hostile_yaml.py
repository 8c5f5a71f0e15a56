"""Hostile YAML: every YAML text the tool reads is refused with its file and line before anything is built from it.

A few lines of aliases stand for billions of values ("billion laughs"), a deep nesting overflows the
composers, a number of thousands of digits is a traceback in Python's int(), and bytes that are not
UTF-8 are a traceback in str.decode. Each must end in one plain line, quickly, with `wres check`.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from generator.data import DataError, Project, load_project
from generator.data.yaml_limits import limit_problems

ALIASES = "YAML anchors and aliases (&name, *name) are not allowed: write the value out in full"
# nine levels of nine aliases each: a billion "lol"s once built
LAUGHS = 'lol0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n' + "".join(
    f"lol{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]\n" for n in range(1, 10))
DEEP = "[" * 10_000 + "]" * 10_000


def problems_of(data: Path) -> list[str]:
    """What `wres check` prints for the project whose data folder is ``data``, paths relative to the project."""
    with pytest.raises(DataError) as caught:
        load_project(Project.folder(data.parent))
    return [str(p).replace(str(data.parent) + "/", "") for p in caught.value.problems]


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def lines_in(path: Path) -> int:
    return path.read_text(encoding="utf-8").count("\n")


def test_a_billion_laughs_in_a_year_file_is_refused_in_moments(example_copy):
    year = example_copy / "years" / "2024.yaml"
    first = lines_in(year) + 1
    append(year, LAUGHS)
    started = time.perf_counter()
    found = problems_of(example_copy)
    assert time.perf_counter() - started < 5  # the whole check; the alias walk itself takes milliseconds
    assert found[0] == f"data/years/2024.yaml:{first}: {ALIASES}"
    assert all(ALIASES in line for line in found) and len(found) <= 10


def test_a_billion_laughs_in_a_content_page_front_matter_is_refused_in_moments(example_copy):
    page = example_copy.parent / "content" / "about.md"
    page.write_text("---\ntitle: About\n" + LAUGHS + "---\n# About\n", encoding="utf-8")
    started = time.perf_counter()
    found = problems_of(example_copy)
    assert time.perf_counter() - started < 5
    assert found[0] == f"content/about.md:3: front matter: {ALIASES}"


@pytest.mark.parametrize("parser", ["libyaml", "ruamel"])  # the fast loader's parser, and the exact loader's
@pytest.mark.parametrize(("text", "line", "message"), [
    (LAUGHS, 1, ALIASES),
    ("a: &x 1\n", 1, ALIASES),
    ("a: 1\nb: !!int '12'\n", 2, "YAML tags (such as !!int or !name) are not allowed: write the value without one"),
    ("a:\n  b: " + DEEP + "\n", 2, "the lists and blocks here are nested more than 20 deep; no WRES file needs that many levels"),
    ("a: " + "[" * 10_000 + "\n", 1, "the lists and blocks here are nested more than 20 deep; no WRES file needs that many levels"),
    ("a: 1\nb: " + "9" * 5_000 + "\n", 2, "this number has 5,000 digits; no WRES figure has more than 15. If it is text, put it in quotes"),
    ("b: -1_234_567_890_123_456.5\n", 1, "this number has 16 digits; no WRES figure has more than 15. If it is text, put it in quotes"),
    ("b: 0x" + "f" * 16 + "\n", 1, "this number has 16 digits; no WRES figure has more than 15. If it is text, put it in quotes"),
    ("s: " + "w" * 20_001 + "\n", 1, "this text is 20,001 characters long; the most a value can be is 20,000. Is something pasted in by mistake?"),
])
def test_each_parser_refuses_what_no_wres_file_holds(parser, text, line, message):
    assert limit_problems(text, parser=parser)[0] == (line, message)


@pytest.mark.parametrize("parser", ["libyaml", "ruamel"])
def test_what_a_wres_file_does_hold_passes(parser):
    text = ("year: 2024\nlabel: '2023/24'\nsummary: We trained 40 *inclusive recruitment* panel members & more\n"
            "n: 123456789012345\nratio: 1.25\nquoted: '" + "9" * 40 + "'\nlist: [[1, 2], {a: b}]\n")
    assert limit_problems(text, parser=parser) == []


@pytest.mark.parametrize(("planted", "message"), [
    ("deep: " + DEEP + "\n", "the lists and blocks here are nested more than 20 deep; no WRES file needs that many levels"),
    ("big: " + "1" * 5_000 + "\n", "this number has 5,000 digits; no WRES figure has more than 15. If it is text, put it in quotes"),
    ("summary: " + "w" * 30_000 + "\n", "this text is 30,000 characters long; the most a value can be is 20,000. Is something pasted in by mistake?"),
    ("odd: !!float 'x'\n", "YAML tags (such as !!int or !name) are not allowed: write the value without one"),
])
def test_depth_size_and_tags_in_a_year_file_are_refused_with_their_line(example_copy, planted, message):
    year = example_copy / "years" / "2024.yaml"
    line = lines_in(year) + 1
    append(year, planted)
    assert problems_of(example_copy) == [f"data/years/2024.yaml:{line}: {message}"]


def test_the_exact_loader_refuses_too(example_copy):
    """A file the fast loader is not sure of (an exponent) is read by ruamel.yaml: its own parser's events are checked."""
    plan = example_copy / "action_plans" / "2024.yaml"
    line = lines_in(plan) + 1
    append(plan, "x: 1e3\nlol: &a [1]\nlaughs: [*a, *a]\n")
    assert problems_of(example_copy) == [f"data/action_plans/2024.yaml:{line + 1}: {ALIASES}",
                                         f"data/action_plans/2024.yaml:{line + 2}: {ALIASES}"]


def test_bytes_that_are_not_utf8_in_wres_yaml_and_a_content_page_are_named_with_their_line(example_copy):
    root = example_copy.parent
    (root / "data" / "organisation.yaml").write_bytes((root / "data" / "organisation.yaml").read_bytes() + b"# caf\xe9\n")
    page = root / "content" / "about.md"
    page.write_bytes(b"# About\n\nOur caf\xe9 staff\n")
    config_line = (root / "data" / "organisation.yaml").read_bytes().count(b"\n")
    assert problems_of(example_copy) == [
        "content/about.md:3: this line has a character that is not UTF-8 (byte 0xe9); save the file as UTF-8 or retype the character",
        f"data/organisation.yaml:{config_line}: this line has a character that is not UTF-8 (byte 0xe9); save the file as UTF-8 or retype the character",
    ]


FINITE = "must be a finite number (not .nan or .inf)"


def replace_in(path: Path, old: str, new: str) -> int:
    """Replace the one ``old`` in the file; returns its line."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[:text.index(old)].count("\n") + 1


@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf", ".NaN"])
def test_nan_and_infinity_are_refused_in_a_target_a_survey_figure_and_a_setting(example_copy, value):
    root = example_copy.parent
    target = replace_in(example_copy / "action_plans" / "2024.yaml", "measure: bme, value: 12.0", f"measure: bme, value: {value}")
    survey = replace_in(example_copy / "years" / "2024.yaml", "  bme: 27.3\n", f"  bme: {value}\n")
    setting = replace_in(root / "data" / "organisation.yaml", "percentage_points: 1.0", f"percentage_points: {value}")
    found = problems_of(example_copy)
    assert f"data/action_plans/2024.yaml:{target}: targets[4].value: {FINITE}" in found
    assert f"data/years/2024.yaml:{survey}: indicator_5.bme: {FINITE}" in found
    assert f"data/organisation.yaml:{setting}: settings.no_change.percentage_points: {FINITE}" in found
