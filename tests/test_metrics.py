from __future__ import annotations

import io
import math
from pathlib import Path

import pandas as pd
import pytest

from generator.data import load_dataset
from generator.metrics import COLUMNS, compute_metrics, to_csv

from .conftest import load_example, write_data

FULL_YEAR = """\
year: {year}
indicator_1:
  non_clinical:
    "Band 2": {{white: 120, bme: 40, unknown: 5}}
    "VSM": {{white: 6, bme: 1, unknown: 0}}
  clinical:
    "Band 5": {{white: 300, bme: 210, unknown: 9}}
  medical_and_dental:
    "Consultants": {{white: 80, bme: 60, unknown: 4}}
indicator_2:
  shortlisted: {{white: 427, bme: 371, unknown: 22}}
  appointed: {{white: 144, bme: 51, unknown: 3}}
indicator_3:
  workforce: {{white: 1470, bme: 380, unknown: 13}}
  entered: {{white: 7, bme: 4, unknown: 0}}
indicator_4:
  accessed: {{white: 333, bme: 96, unknown: 0}}
indicator_5:
  white: 31.49
  bme: 30.92
  national_average: {{white: 24.66, bme: 28.58}}
indicator_7:
  white: 60.0
  bme: 45.0
indicator_9:
  voting: {{white: 10, bme: 1, unknown: 0}}
  executive: {{white: 6, bme: 1, unknown: 0}}
"""


def table(tmp_path: Path, years: dict, organisation: str | None = None) -> pd.DataFrame:
    kwargs = {"organisation": organisation} if organisation else {}
    return compute_metrics(load_dataset(write_data(tmp_path / "data", years, **kwargs)))


def figure(frame: pd.DataFrame, year: int, indicator: int, measure: str, breakdown: str = "") -> pd.Series:
    rows = frame[(frame.year == year) & (frame.indicator == indicator) & (frame.measure == measure) & (frame.breakdown == breakdown)]
    assert len(rows) == 1, f"expected one row for {year} {indicator} {breakdown} {measure}, found {len(rows)}"
    return rows.iloc[0]


@pytest.fixture
def one_year(tmp_path):
    return table(tmp_path, {2024: FULL_YEAR.format(year=2024)})


def test_columns_are_exactly_the_contract(one_year):
    assert list(pd.read_csv(io.StringIO(to_csv(one_year))).columns) == COLUMNS


def test_indicator_1_shares_include_unknown_in_the_denominator(one_year):
    total = 120 + 40 + 5 + 6 + 1 + 300 + 210 + 9 + 80 + 60 + 4
    assert figure(one_year, 2024, 1, "bme_share", "overall").value == pytest.approx(100 * (40 + 1 + 210 + 60) / total)
    assert figure(one_year, 2024, 1, "headcount", "overall").value == total
    assert figure(one_year, 2024, 1, "declaration_rate", "overall").value == pytest.approx(100 * (total - 18) / total)
    assert figure(one_year, 2024, 1, "bme_share", "clinical/Band 5").value == pytest.approx(100 * 210 / 519)
    assert figure(one_year, 2024, 1, "white_share", "non_clinical").value == pytest.approx(100 * 126 / 172)


def test_indicator_2_is_white_over_bme(one_year):
    row = figure(one_year, 2024, 2, "relative_likelihood")
    assert row.value == pytest.approx((144 / 427) / (51 / 371))
    assert row.ci_low < row.value < row.ci_high
    assert row.in_equity_band is False or row.in_equity_band == False  # noqa: E712 - pandas boolean
    assert figure(one_year, 2024, 2, "likelihood_white").value == pytest.approx(100 * 144 / 427)
    assert figure(one_year, 2024, 2, "likelihood_unknown").note == "suppressed"  # 3 appointed


def test_indicator_3_is_bme_over_white_and_small_counts_are_suppressed(one_year):
    # 4 BME staff entered: under the threshold of 5, so the ratio is withheld too
    row = figure(one_year, 2024, 3, "relative_likelihood")
    assert math.isnan(row.value) and row.note == "suppressed" and row.direction == ""
    assert figure(one_year, 2024, 3, "likelihood_bme").note == "suppressed"


def test_indicator_3_direction_with_threshold_off(tmp_path):
    org = "name: T\ncontact_email: a@b.nhs.uk\nsettings: {suppression_threshold: 0}\n"
    frame = table(tmp_path, {2024: FULL_YEAR.format(year=2024)}, org)
    assert figure(frame, 2024, 3, "relative_likelihood").value == pytest.approx((4 / 380) / (7 / 1470))


def test_indicator_4_workforce_defaults_to_indicator_1_totals(one_year):
    white_total = 120 + 6 + 300 + 80
    bme_total = 40 + 1 + 210 + 60
    assert figure(one_year, 2024, 4, "relative_likelihood").value == pytest.approx((333 / white_total) / (96 / bme_total))


def test_survey_gap_is_bme_minus_white(one_year):
    assert figure(one_year, 2024, 5, "gap").value == pytest.approx(30.92 - 31.49)
    assert figure(one_year, 2024, 5, "national_bme").value == 28.58
    assert figure(one_year, 2024, 5, "bme").source == "survey"


def test_board_difference_uses_the_workforce_share(one_year):
    workforce = figure(one_year, 2024, 1, "bme_share", "overall").value
    assert figure(one_year, 2024, 9, "workforce_bme_share", "overall").value == workforce
    assert figure(one_year, 2024, 9, "difference", "voting").value == pytest.approx(100 / 11 - workforce)
    assert figure(one_year, 2024, 9, "difference", "executive").value == pytest.approx(100 / 7 - workforce)


def test_published_figures_have_no_interval_and_feed_indicator_9(tmp_path):
    frame = table(tmp_path, {2019: """\
        year: 2019
        indicator_1: {published: {bme_share: 18.4, white_share: 80.1}}
        indicator_2: {published: {relative_likelihood: 1.7}}
        indicator_9: {published: {voting_bme_share: 22.0, executive_bme_share: 20.0}}
        """})
    rl = figure(frame, 2019, 2, "relative_likelihood")
    assert rl.value == 1.7 and rl.source == "published" and math.isnan(rl.ci_low)
    assert figure(frame, 2019, 9, "difference", "voting").value == pytest.approx(22.0 - 18.4)
    # a difference of two figures is computed here, whether they were published or not
    assert figure(frame, 2019, 9, "difference", "executive").source == "computed"


def test_not_available_carries_its_reason(tmp_path):
    frame = table(tmp_path, {2021: 'year: 2021\nindicator_4: {not_available: "New learning system"}\n'})
    row = figure(frame, 2021, 4, "relative_likelihood")
    assert math.isnan(row.value) and row.note == "not_available: New learning system"


def test_zero_denominators_are_explained(tmp_path):
    frame = table(tmp_path, {2024: """\
        year: 2024
        indicator_2:
          shortlisted: {white: 0, bme: 10}
          appointed: {white: 0, bme: 6}
        indicator_9:
          voting: {white: 0, bme: 0}
        """})
    rl = figure(frame, 2024, 2, "relative_likelihood")
    assert math.isnan(rl.value)
    assert rl.note == "cannot be computed: no White applicants were shortlisted"
    assert figure(frame, 2024, 9, "board_bme_share", "voting").note.startswith("cannot be computed")
    assert figure(frame, 2024, 9, "difference", "voting").note.startswith("cannot be computed")


def two_years(tmp_path, block_2023: str, block_2024: str, organisation: str | None = None) -> pd.DataFrame:
    return table(tmp_path, {2023: f"year: 2023\n{block_2023}", 2024: f"year: 2024\n{block_2024}"}, organisation)


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (2.00, 2.00 * math.exp(0.05), "no_change"),       # exactly the tolerance
        (2.00, 2.00 * math.exp(0.0501), "deteriorated"),  # just beyond it
        (2.00, 2.00 * math.exp(-0.0501), "improved"),
        (0.50, 2.00, "no_change"),                         # same distance from equity, other side
        (0.70, 1.30, "improved"),
        (1.10, 0.80, "deteriorated"),
    ],
)
def test_relative_likelihood_direction_is_judged_on_distance_from_equity(tmp_path, before, after, expected):
    frame = two_years(tmp_path, f"indicator_2: {{published: {{relative_likelihood: {before}}}}}\n",
                      f"indicator_2: {{published: {{relative_likelihood: {after}}}}}\n")
    row = figure(frame, 2024, 2, "relative_likelihood")
    assert row.direction == expected
    assert row.compared_with == 2023


@pytest.mark.parametrize(
    ("number", "before", "after", "expected"),
    [
        (5, 30.0, 31.0, "no_change"),   # exactly 1 percentage point
        (5, 30.0, 31.1, "deteriorated"),
        (5, 30.0, 28.9, "improved"),
        (7, 45.0, 46.1, "improved"),    # higher is better for indicator 7
        (7, 45.0, 43.9, "deteriorated"),
        (8, 14.1, 15.1, "no_change"),
    ],
)
def test_survey_direction_at_the_boundaries(tmp_path, number, before, after, expected):
    frame = two_years(tmp_path, f"indicator_{number}: {{white: 20, bme: {before}}}\n",
                      f"indicator_{number}: {{white: 20, bme: {after}}}\n")
    assert figure(frame, 2024, number, "bme").direction == expected


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (10.0, 12.0, "no_change"),   # both above parity: no shortfall either year
        (-5.0, -3.9, "improved"),
        (-5.0, -4.0, "no_change"),
        (-5.0, -6.5, "deteriorated"),
        (-0.5, 3.0, "no_change"),    # shortfall 0.5 -> 0
    ],
)
def test_board_direction_is_judged_on_the_shortfall(tmp_path, before, after, expected):
    share = 20.0
    frame = two_years(
        tmp_path,
        f"indicator_1: {{published: {{bme_share: {share}}}}}\nindicator_9: {{published: {{voting_bme_share: {share + before}}}}}\n",
        f"indicator_1: {{published: {{bme_share: {share}}}}}\nindicator_9: {{published: {{voting_bme_share: {share + after}}}}}\n",
    )
    assert figure(frame, 2024, 9, "difference", "voting").direction == expected


@pytest.mark.parametrize(("before", "after", "expected"), [(20.0, 21.0, "no_change"), (20.0, 21.5, "up"), (20.0, 18.0, "down")])
def test_indicator_1_is_neutral(tmp_path, before, after, expected):
    frame = two_years(tmp_path, f"indicator_1: {{published: {{bme_share: {before}}}}}\n",
                      f"indicator_1: {{published: {{bme_share: {after}}}}}\n")
    assert figure(frame, 2024, 1, "bme_share", "overall").direction == expected


def test_direction_skips_back_over_a_year_without_the_figure(tmp_path):
    frame = table(tmp_path, {
        2022: "year: 2022\nindicator_5: {white: 20, bme: 30}\n",
        2023: "year: 2023\nindicator_5: {not_available: survey not run}\n",
        2024: "year: 2024\nindicator_5: {white: 20, bme: 25}\n",
    })
    row = figure(frame, 2024, 5, "bme")
    assert (row.direction, row.compared_with) == ("improved", 2022)
    assert figure(frame, 2022, 5, "bme").direction == ""


def test_tolerance_comes_from_the_settings(tmp_path):
    org = "name: T\ncontact_email: a@b.nhs.uk\nsettings: {no_change: {percentage_points: 3}}\n"
    frame = two_years(tmp_path, "indicator_5: {white: 20, bme: 30}\n", "indicator_5: {white: 20, bme: 32.5}\n", org)
    assert figure(frame, 2024, 5, "bme").direction == "no_change"


def test_example_data_round_trips_through_the_csv():
    frame = compute_metrics(load_example())
    text = to_csv(frame)
    back = pd.read_csv(io.StringIO(text), keep_default_na=False, na_values=[""])
    assert len(back) == len(frame)
    assert back["value"].tolist() == pytest.approx(frame["value"].tolist(), nan_ok=True)
    assert back["ci_low"].tolist() == pytest.approx(frame["ci_low"].tolist(), nan_ok=True)
    assert back["direction"].fillna("").tolist() == frame["direction"].tolist()
    assert to_csv(compute_metrics(load_example())) == text  # deterministic


def test_example_data_exercises_every_kind_of_figure():
    frame = compute_metrics(load_example())
    assert set(frame.source) == {"counts", "published", "computed", "survey", "benchmark", ""}
    assert frame[frame.source == ""].note.str.startswith("not_available").all()
    assert (frame.note == "suppressed").any()
    assert frame.note.str.startswith("not_available").any()
    assert set(frame.indicator) == set(range(1, 10))
    assert len(frame.year.unique()) == 6
    assert {"improved", "deteriorated", "up"} <= set(frame.direction)


def test_nothing_derived_from_a_small_count_has_a_value():
    frame = compute_metrics(load_example())
    hidden = frame[frame.note == "suppressed"]
    assert hidden.value.isna().all() and hidden.ci_low.isna().all() and (hidden.direction == "").all()


def test_reasons_use_the_organisations_terminology(tmp_path):
    org = ("name: T\ncontact_email: a@b.nhs.uk\nterminology: {bme: ethnically diverse, white: White}\n")
    frame = table(tmp_path, {2024: """\
        year: 2024
        indicator_2:
          shortlisted: {white: 10, bme: 0, unknown: 0}
          appointed: {white: 6, bme: 0, unknown: 0}
        indicator_3:
          workforce: {white: 100, bme: 50}
          entered: {white: 6, bme: 0}
        indicator_9:
          voting: {white: 5, bme: 5}
        """}, org)
    assert figure(frame, 2024, 2, "relative_likelihood").note == "cannot be computed: no ethnically diverse applicants were shortlisted"
    assert figure(frame, 2024, 2, "likelihood_unknown").note == "cannot be computed: no applicants of unknown ethnicity were shortlisted"
    assert figure(frame, 2024, 3, "relative_likelihood").value == 0  # BME on top of the ratio, none entered
    assert figure(frame, 2024, 9, "difference", "voting").note == (
        "cannot be computed: the workforce ethnically diverse share (indicator 1) is not available this year")
    assert "BME" not in to_csv(frame)
