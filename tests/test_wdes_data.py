"""The WDES section of a year's file: the example's WDES figures, and each check on a ``wdes:`` section, with its
words (metric, capability process, Disabled and non-disabled) and its line."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.data import load_dataset
from generator.data.indicators import STANDARDS
from generator.metrics import compute_metrics
from generator.metrics.status import Status

from .conftest import load_example, one_row, write_data
from .test_editing_mistakes import plant
from .test_loading import only

WDES = STANDARDS["wdes"]
METRIC = {spec.id: number for number, spec in WDES.indicators.items()}  # "3" -> the engine's number

# the metric 1 counts a year needs before metric 3 can divide by them
METRIC_1 = """\
    year: 2024
    wdes:
      metric_1:
        clinical:
          "Cluster 2 (Bands 5 to 7)": {non_disabled: 900, disabled: 40, unknown: 60}
"""


# --- the example -----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def example():
    return compute_metrics(load_example())


def test_every_example_year_gives_every_wdes_metric(example):
    dataset = load_example()
    figures = {spec.key for spec in WDES.indicators.values() if spec.kind != "narrative"}
    for year in dataset.years:
        assert year.publishes("wdes"), year.year
        assert year.wdes.metric_9b, year.year  # the trust's own words each year
        shown = {WDES.indicators[r.indicator].key for r in example.where(year=year.year) if r.indicator in WDES.indicators}
        assert shown == figures, year.year


def test_2019_is_the_figures_its_report_printed(example):
    for metric, measure, breakdown, value in (("1", "bme_share", "overall", 2.9), ("2", "relative_likelihood", "", 1.31),
                                              ("3", "relative_likelihood", "", 2.26)):
        row = one_row(example, 2019, METRIC[metric], measure, breakdown)
        assert (row.value, row.source) == (value, "published")
    assert load_example().years[0].wdes.metric_1.published.source == "our 2018/19 WDES report, page 4"


def test_fewer_than_five_disabled_staff_entering_the_capability_process_are_withheld(example):
    year = next(y for y in load_example().years if y.year == 2022)
    assert 0 < year.wdes.metric_3.entered.bme < 5
    for measure in ("likelihood_bme", "relative_likelihood"):
        row = one_row(example, 2022, METRIC["3"], measure)
        assert (row.value, row.status) == (None, Status.SUPPRESSED)
    # the years either side have enough cases to show
    assert one_row(example, 2024, METRIC["3"], "relative_likelihood").status is Status.SHOWN


def test_the_2023_series_break_stops_the_comparison_of_metric_1(example):
    assert one_row(example, 2023, METRIC["1"], "bme_share", "overall").direction == "not_comparable"
    assert one_row(example, 2024, METRIC["1"], "bme_share", "overall").direction != "not_comparable"


def test_the_example_is_realistic(example):
    """Levels a reader of WDES reports would recognise, so the example's pages read like a real trust's."""
    for year in range(2020, 2025):
        share = one_row(example, year, METRIC["1"], "bme_share", "overall").value
        unknown = one_row(example, year, METRIC["1"], "unknown_share", "overall").value
        assert 3 <= share <= 6 and 15 <= unknown <= 25, year
        assert 1.05 <= one_row(example, year, METRIC["2"], "relative_likelihood").value <= 1.35, year
    for year in range(2019, 2025):
        assert 22 <= one_row(example, year, METRIC["1"], "survey_declared_share", "overall").value <= 27
        for metric in ("4a(i)", "4a(ii)", "4a(iii)", "6"):  # lower is better: Disabled staff fare worse
            assert one_row(example, year, METRIC[metric], "gap").value > 0, (year, metric)
        for metric in ("5", "7"):  # higher is better
            assert one_row(example, year, METRIC[metric], "gap").value < 0, (year, metric)
        assert one_row(example, year, METRIC["9a"], "score_gap").value < 0, year
        assert 70 <= one_row(example, year, METRIC["8"], "bme").value <= 75


# --- a mistake planted in the example, as `wres check` reports it ---------------------------------------------------


def test_a_planted_mistake_in_the_wdes_section(example_copy, monkeypatch):
    project = example_copy.parent
    line = plant(project, "data/years/2024.yaml", "    appointed: {non_disabled: 1130, disabled: 117,",
                 "    appointed: {non_disabled: 1130, disabled: 431,")
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert result.output.startswith(
        f"data/years/2024.yaml:{line}: wdes.metric_2.appointed.disabled: 431 appointed but only 430 shortlisted\n")
    assert "1 problem found." in result.output


# --- each check, on a year that gives only the lines it is about ---------------------------------------------------


def test_appointed_more_than_shortlisted(tmp_path):
    assert only(tmp_path, """\
        year: 2024
        wdes:
          metric_2:
            shortlisted: {non_disabled: 427, disabled: 40, unknown: 22}
            appointed: {non_disabled: 144, disabled: 51, unknown: 3}
        """) == ["years/2024.yaml:5: wdes.metric_2.appointed.disabled: 51 appointed but only 40 shortlisted"]


def test_entered_the_capability_process_more_than_the_workforce(tmp_path):
    assert only(tmp_path, """\
        year: 2024
        wdes:
          metric_3:
            workforce: {non_disabled: 10, disabled: 10}
            entered: {non_disabled: 11, disabled: 1, unknown: 2}
        """) == [
        "years/2024.yaml:5: wdes.metric_3.entered.non_disabled: 11 entered the capability process but the workforce has only 10",
        "years/2024.yaml:5: wdes.metric_3.entered.unknown: 2 entered the capability process but the workforce has only 0",
    ]


def test_the_capability_workforce_comes_from_the_metric_1_totals(tmp_path):
    assert only(tmp_path, METRIC_1 + """\
      metric_3:
        entered: {non_disabled: 9, disabled: 41}
    """) == ["years/2024.yaml:7: wdes.metric_3.entered.disabled: 41 entered the capability process but the workforce "
             "has only 40 (the workforce is taken from the metric 1 totals)"]


def test_the_wres_totals_are_not_the_wdes_workforce(tmp_path):
    """Metric 3 divides by metric 1, never by the WRES indicator 1: the two count different things."""
    assert load_dataset(write_data(tmp_path / "data", {2024: """\
        year: 2024
        indicator_1:
          clinical:
            "Band 5": {white: 5, bme: 5}
        wdes:
          metric_3:
            entered: {non_disabled: 9, disabled: 6}
        """})).years[0].wdes.metric_3.entered.bme == 6


def test_counts_a_likelihood_needs(tmp_path):
    assert only(tmp_path, """\
        year: 2024
        wdes:
          metric_2:
            shortlisted: {non_disabled: 427, disabled: 40}
          metric_3:
            national: {relative_likelihood: 1.49}
        """) == [
        "years/2024.yaml:3: wdes.metric_2: appointed is missing: give shortlisted and appointed, or published figures, "
        "or not_available or missing_reason with a reason",
        "years/2024.yaml:5: wdes.metric_3: entered is missing: give entered, or published figures, "
        "or not_available or missing_reason with a reason",
    ]


def test_not_available_and_figures(tmp_path):
    assert only(tmp_path, """\
        year: 2024
        wdes:
          metric_5:
            disabled: 51.2
            not_available: "The survey question changed."
          metric_2:
            not_available: "Our recruitment system does not record disability."
            published: {relative_likelihood: 1.1}
        """) == [
        "years/2024.yaml:5: wdes.metric_5.not_available: the metric is marked not available but also has figures "
        "(disabled); keep one or the other",
        "years/2024.yaml:7: wdes.metric_2.not_available: the metric is marked not available but also has figures "
        "(published); keep one or the other",
    ]


def test_published_figures_beside_counts_that_give_the_ratio(tmp_path):
    assert only(tmp_path, """\
        year: 2024
        wdes:
          metric_2:
            shortlisted: {non_disabled: 427, disabled: 40}
            appointed: {non_disabled: 144, disabled: 11}
            published: {relative_likelihood: 1.2}
        """) == ["years/2024.yaml:6: wdes.metric_2.published: give counts or published figures, not both "
                 "(counts found: shortlisted, appointed)"]


def test_published_figures_beside_the_cases_alone(tmp_path):
    """An old report that printed the number of cases and the ratio, but not the workforce: both are kept."""
    dataset = load_dataset(write_data(tmp_path / "data", {2024: """\
        year: 2024
        wdes:
          metric_3:
            entered: {non_disabled: 14, disabled: 6}
            published: {relative_likelihood: 2.26}
        """}))
    assert dataset.years[0].wdes.metric_3.published.relative_likelihood == 2.26


def test_a_survey_metric_without_the_disabled_figure(tmp_path):
    assert only(tmp_path, """\
        year: 2024
        wdes:
          metric_6:
            non_disabled: 19.9
          metric_8:
            national_average: {disabled: 73.4}
          metric_9a:
            overall: 6.9
        """) == [
        "years/2024.yaml:3: wdes.metric_6: disabled is missing: give the Disabled percentage (and the non-disabled one "
        "if it was published), or not_available or missing_reason with a reason",
        "years/2024.yaml:5: wdes.metric_8: disabled is missing: give the Disabled percentage, "
        "or not_available or missing_reason with a reason",
        "years/2024.yaml:7: wdes.metric_9a: disabled is missing: give the Disabled engagement score (and the "
        "non-disabled one if it was published), or not_available or missing_reason with a reason",
    ]


def test_metric_8_is_asked_of_disabled_staff_only(tmp_path):
    said = "metric 8 is asked of Disabled staff only, so there is no non-disabled figure: remove it"
    assert only(tmp_path, """\
        year: 2024
        wdes:
          metric_8:
            disabled: 74.6
            non_disabled: 80.1
            responses: {disabled: 675, non_disabled: 2000}
            national_average: {disabled: 73.4, non_disabled: 79.0}
        """) == [
        f"years/2024.yaml:5: wdes.metric_8.non_disabled: {said}",
        f"years/2024.yaml:6: wdes.metric_8.responses.non_disabled: {said}",
        f"years/2024.yaml:7: wdes.metric_8.national_average.non_disabled: {said}",
    ]


def test_empty_blocks(tmp_path):
    assert only(tmp_path, """\
        year: 2024
        wdes:
          metric_1:
            published: {source: "our 2023/24 WDES report"}
          metric_2:
            shortlisted: {non_disabled: 427, disabled: 40}
            appointed: {non_disabled: 144, disabled: 11}
            national: {}
        """) == [
        "years/2024.yaml:4: wdes.metric_1.published: has no figures: give at least one, or remove it",
        "years/2024.yaml:8: wdes.metric_2.national: has no figures: give at least one, or remove it",
    ]


def test_an_empty_wdes_section(tmp_path):
    assert only(tmp_path, """\
        year: 2024
        wdes: {}
        """) == ["years/2024.yaml:2: wdes: has no figures: give the WDES metrics, or remove the section"]


def test_metric_1_needs_figures(tmp_path):
    assert only(tmp_path, """\
        year: 2024
        wdes:
          metric_1:
            commentary: "More staff told us about a disability this year."
        """) == ["years/2024.yaml:3: wdes.metric_1: give counts for at least one staff group, or published figures, "
                 "or not_available with a reason"]


def test_comparator_figures_need_the_comparators_name(tmp_path):
    assert only(tmp_path, """\
        year: 2024
        wdes:
          metric_2:
            published: {relative_likelihood: 1.1}
            comparator: {relative_likelihood: 1.05}
        """) == ["years/2024.yaml:5: wdes.metric_2.comparator: comparator figures need the comparator group's name: set "
                 "comparator in data/organisation.yaml, e.g. comparator: Acute trusts in London"]


def test_wres_keys_in_a_wdes_block_and_every_other_mistake_at_once(tmp_path):
    """A block copied from the WRES is a shape mistake, named with the keys the WDES expects; the checks still run."""
    expected = "expected one of: non_disabled, disabled, unknown"
    assert only(tmp_path, """\
        year: 2024
        wdes:
          metric_2:
            shortlisted: {white: 427, bme: 40}
            appointed: {non_disabled: 144, disabled: 11}
          metric_8:
            disabled: 74.6
            non_disabled: 80.1
        """) == [
        f"years/2024.yaml:4: wdes.metric_2.shortlisted.bme: unknown key 'bme'; {expected}",
        "years/2024.yaml:4: wdes.metric_2.shortlisted.disabled: is required but missing",
        f"years/2024.yaml:4: wdes.metric_2.shortlisted.white: unknown key 'white'; {expected}",
        "years/2024.yaml:8: wdes.metric_8.non_disabled: metric 8 is asked of Disabled staff only, so there is no "
        "non-disabled figure: remove it",
    ]


def test_a_wres_only_year_is_checked_as_before(tmp_path):
    """The WRES words stay the WRES's: indicator 1, BME and White."""
    assert only(tmp_path, """\
        year: 2024
        indicator_1:
          clinical:
            "Band 5": {white: 900, bme: 40}
        indicator_3:
          entered: {white: 9, bme: 41}
        """) == ["years/2024.yaml:6: indicator_3.entered.bme: 41 entered the disciplinary process but the workforce "
                 "has only 40 (the workforce is taken from the indicator 1 totals)"]



def test_a_changed_published_wdes_figure_is_refused_in_words_that_work(example_copy, monkeypatch):
    """A WDES figure changed after publication stops the build at its line, and never asks for a correction entry
    the contract would refuse (corrections name WRES indicators 1 to 9 only)."""
    project = example_copy.parent
    line = plant(project, "data/years/2024.yaml", "    appointed: {non_disabled: 1130, disabled: 117,",
                 "    appointed: {non_disabled: 1130, disabled: 118,")
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 1
    first = result.output.splitlines()[0]
    # at the metric's own line (metric_2:, two above the planted count)
    assert first.startswith(f"data/years/2024.yaml:{line - 2}: wdes.metric_2: a published figure changed: metric 2 ")
    assert "cannot be recorded as a correction yet" in result.output and "indicators: [" not in result.output
    assert "Traceback" not in result.output
