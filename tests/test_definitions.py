"""The standards are data: every indicator is defined once, and no code branches on an indicator's number."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from generator.data.indicators import INDICATORS, KIND_MEASURES, KINDS, STANDARDS
from generator.data.model import Year

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
NAMES = {"number", "indicator", "n", "number_", "indicator_number"}


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _is_number_literal(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant):
        return type(node.value) is int
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return bool(node.elts) and all(_is_number_literal(e) for e in node.elts)
    if isinstance(node, ast.Call) and _name(node.func) == "range":
        return True
    return False


def _branches(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            if any(_name(s) in NAMES for s in sides) and any(_is_number_literal(s) for s in sides):
                found.append((node.lineno, ast.unparse(node)))
        if isinstance(node, ast.For) and _name(node.target) in NAMES and _is_number_literal(node.iter):
            found.append((node.lineno, f"for {ast.unparse(node.target)} in {ast.unparse(node.iter)}"))
        if isinstance(node, ast.Subscript) and _name(node.value) == "INDICATORS" and _is_number_literal(node.slice):
            found.append((node.lineno, ast.unparse(node)))
    return found


def test_no_code_branches_on_an_indicators_number():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for line, text in _branches(ast.parse(path.read_text(encoding="utf-8"))):
            found.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {text}")
    assert found == []


@pytest.mark.parametrize("source", [
    "if number == 1:\n    pass\n",
    "if indicator in (5, 6, 7, 8):\n    pass\n",
    "if target.indicator == 9:\n    pass\n",
    "for number in (2, 3, 4):\n    pass\n",
    "spec = INDICATORS[3]\n",
])
def test_the_scan_catches_each_form_of_branch(source):
    assert _branches(ast.parse(source))


def test_every_indicator_is_defined_in_full():
    assert list(INDICATORS) == sorted(INDICATORS)
    for standard in STANDARDS.values():
        fields = Year.model_fields[standard.section].annotation.__args__[0].model_fields if standard.section else Year.model_fields
        for number, spec in standard.indicators.items():
            assert spec.kind in KINDS and spec.standard == standard.id
            assert spec.key in fields, spec.label  # the block a year's file gives it
            assert spec.short_title and spec.question and spec.source and spec.better
            assert spec.headline_measure in KIND_MEASURES[spec.kind] or spec.kind == "narrative"
            for measure in (*spec.higher_better_measures, *spec.lower_better_measures):
                assert measure in KIND_MEASURES[spec.kind], (spec.label, measure)
            if spec.kind == "likelihood":
                assert spec.top_group in ("white", "bme") and spec.people and spec.phrase and spec.event
                assert spec.numerator_key in spec.count_keys and spec.exceeds.count("{") == 2
            if spec.kind in ("survey", "score"):
                assert spec.phrase
                # exactly one way is better for the headline figure and the gap
                assert bool(spec.higher_better_measures) != bool(spec.lower_better_measures)


def test_the_direction_of_each_ratio_is_the_guidances():
    """WRES 2 and 4 put White staff on top of the ratio, 3 BME staff (NHS England's technical guidance).

    WDES 2 puts non-disabled applicants on top, 3 Disabled staff (WDES 2023 metrics); 4b, 5, 7, 8 and 9a are
    better higher, 4a and 6 lower.
    """
    def tops(standard: str) -> dict[str, str]:
        return {s.id: s.top_group for s in STANDARDS[standard].indicators.values() if s.kind == "likelihood"}

    def higher(standard: str) -> list[str]:
        return [s.id for s in STANDARDS[standard].indicators.values() if s.higher_is_better]

    assert tops("wres") == {"2": "white", "3": "bme", "4": "white"}
    assert higher("wres") == ["1", "7", "9"]
    assert tops("wdes") == {"2": "white", "3": "bme"}
    assert higher("wdes") == ["1", "4b", "5", "7", "8", "9a", "10"]
    assert STANDARDS["wdes"].groups == {"focus": "disabled", "reference": "non_disabled", "unknown": "unknown"}


def test_the_wdes_words_are_the_guidances():
    """Metric 3 is the capability process, not "disciplinary"; metric 2 puts non-disabled applicants first."""
    wdes = {s.id: s for s in STANDARDS["wdes"].indicators.values()}
    assert "capability" in wdes["3"].short_title and "disciplinary" not in wdes["3"].question
    assert wdes["2"].question.startswith("How likely {white} applicants are")
    assert [s.label for s in wdes.values()] == [
        "Metric 1", "Metric 2", "Metric 3", "Metric 4a(i)", "Metric 4a(ii)", "Metric 4a(iii)", "Metric 4b",
        "Metric 5", "Metric 6", "Metric 7", "Metric 8", "Metric 9a", "Metric 9b", "Metric 10"]
    assert wdes["4a(ii)"].slug == "metric-4a-ii" and wdes["8"].focus_only
