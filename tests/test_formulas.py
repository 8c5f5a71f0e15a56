from __future__ import annotations

import math

import pytest

from generator.metrics.formulas import in_band, is_small, percentage, relative_likelihood


def test_alliance_medical_2019_disciplinary_is_1_96_not_the_printed_1_27():
    # Seed 000: 4 of 184 BME staff and 7 of 630 White staff entered the process.
    figure = relative_likelihood(4, 184, 7, 630)
    assert figure.value == pytest.approx((4 / 184) / (7 / 630))
    assert round(figure.value, 2) == 1.96


def test_katz_interval_worked_by_hand():
    # a=144 of 427 White appointed, c=51 of 371 BME appointed (the contract's example)
    figure = relative_likelihood(144, 427, 51, 371)
    rl = (144 / 427) / (51 / 371)
    se = math.sqrt(1 / 144 - 1 / 427 + 1 / 51 - 1 / 371)
    assert figure.value == pytest.approx(rl)
    assert round(rl, 2) == 2.45
    assert figure.ci_low == pytest.approx(math.exp(math.log(rl) - 1.959963984540054 * se))
    assert figure.ci_high == pytest.approx(math.exp(math.log(rl) + 1.959963984540054 * se))
    assert (round(figure.ci_low, 2), round(figure.ci_high, 2)) == (1.84, 3.27)


@pytest.mark.parametrize(
    ("a", "n1", "c", "n2", "note"),
    [
        (1, 0, 1, 10, "cannot be computed: top empty"),
        (1, 10, 1, 0, "cannot be computed: bottom empty"),
        (1, 10, 0, 10, "cannot be computed: none below"),
    ],
)
def test_zero_denominators_give_a_reason_not_an_infinity(a, n1, c, n2, note):
    figure = relative_likelihood(a, n1, c, n2, why=("top empty", "bottom empty", "none below"))
    assert figure.value is None
    assert figure.note == note


def test_zero_on_top_gives_zero_without_an_interval():
    figure = relative_likelihood(0, 10, 3, 10)
    assert figure.value == 0
    assert figure.ci_low is None and figure.ci_high is None
    assert "confidence interval cannot be computed" in figure.note


def test_percentage_of_nothing_cannot_be_computed():
    assert percentage(0, 0, why_empty="no staff").note == "cannot be computed: no staff"
    assert percentage(1, 4, why_empty="x").value == 25.0


@pytest.mark.parametrize(("count", "small"), [(0, False), (1, True), (4, True), (5, False), (100, False)])
def test_small_counts_under_threshold_five(count, small):
    assert is_small(count, 5) is small


def test_threshold_zero_turns_suppression_off():
    assert not is_small(1, 0)


@pytest.mark.parametrize(("value", "inside"), [(0.79, False), (0.80, True), (1.0, True), (1.25, True), (1.26, False)])
def test_equity_band_is_inclusive(value, inside):
    assert in_band(value, (0.80, 1.25)) is inside
