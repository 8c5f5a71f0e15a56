"""The contract keys for figures real reports print: each accepted when right, refused with its line when wrong."""

from __future__ import annotations

from pathlib import Path

from generator.data import load_dataset
from generator.metrics import compute_metrics

from .conftest import ORGANISATION, write_data
from .test_loading import only, problems

LEGACY = Path(__file__).parent / "fixtures" / "legacy-data"
NAMED = ORGANISATION + "comparator: Acute trusts in London\n"


def loads(tmp_path, text: str, organisation: str = NAMED, year: int = 2024):
    folder = write_data(tmp_path / "data", {year: text}, organisation)
    return load_dataset(folder)


# --- accepted ----------------------------------------------------------------


def test_every_new_key_is_accepted(tmp_path):
    dataset = loads(tmp_path, """\
        year: 2024
        indicator_1:
          published:
            bme_share: 22
            white_share: 76.5
            unknown_share: 1.5
            by_group:
              non_clinical: {bme_share: 17.9}
              clinical: {bme_share: 28.1, white_share: 70.0}
              medical_and_dental: {bme_share: 58.5}
            senior: {label: "Band 8a and above", bme_share: 12.0}
            source: "our 2023/24 WRES report, page 4"
          national: {bme_share: 26.4}
          comparator: {bme_share: 14}
          missing_reason: "not published in the 2023/24 report"
        indicator_2:
          published: {relative_likelihood: 1.5, likelihood_white: 30, likelihood_bme: 20}
          national: {relative_likelihood: 1.59}
          comparator: {relative_likelihood: 1.48, likelihood_white: 29.1}
        indicator_3:
          entered: {white: 9, bme: 12}
          published: {likelihood_white: 1.2, likelihood_bme: 2.1}
          national: {relative_likelihood: 1.03}
        indicator_4:
          accessed: {bme: 941}
          workforce: {bme: 2000}
          missing_reason: "the White count was not published"
        indicator_5:
          bme: 27.3
          responses: {bme: 1265}
          national_average: {bme: 14}
          comparator_average: {white: 24.6, bme: 28.0}
        indicator_6:
          missing_reason: "the 2023 survey results were not published by group"
          national_average: {white: 21.6, bme: 26.4}
        indicator_9:
          published: {voting_bme_share: 22, workforce_bme_share: 24.5}
          national: {voting_bme_share: 13.5, executive_bme_share: 12.0}
          comparator: {voting_bme_share: 15}
        """)
    year = dataset.years[0]
    assert year.indicator_1.published.senior.label == "Band 8a and above"
    assert year.indicator_1.published.by_group.clinical.bme_share == 28.1
    assert year.indicator_3.entered.white == 9 and year.indicator_4.accessed.white is None
    assert year.indicator_9.published.workforce_bme_share == 24.5
    assert len(compute_metrics(dataset)) > 0


def test_typed_figures_keep_the_decimal_places_they_were_printed_with(tmp_path):
    dataset = loads(tmp_path, """\
        year: 2024
        indicator_2: {published: {relative_likelihood: 1.50}}
        indicator_5: {white: 22, bme: 28.1}
        """)
    year = dataset.years[0]
    assert year.indicator_2.published.relative_likelihood.decimals == 2
    assert year.indicator_5.white.decimals == 0 and year.indicator_5.bme.decimals == 1


def test_entered_without_a_workforce_is_accepted_when_indicator_1_has_no_counts(tmp_path):
    frame = compute_metrics(loads(tmp_path, "year: 2024\nindicator_3:\n  entered: {white: 1, bme: 6}\n"))
    row = frame.where(indicator=3, measure="relative_likelihood").rows[0]
    assert row.value is None
    assert row.note == "cannot be computed: the workforce is not given and indicator 1 has no counts this year"


def test_older_data_files_still_load_as_they_are():
    """A data folder written before these keys existed, kept byte for byte."""
    dataset = load_dataset(LEGACY)
    frame = compute_metrics(dataset)
    assert [y.year for y in dataset.years] == [2019, 2021, 2023, 2024]
    assert set(frame.column("source")) >= {"counts", "published", "survey"}


# --- refused, each with its line -----------------------------------------------


def test_comparator_figures_need_the_comparator_named(tmp_path):
    assert only(tmp_path, """\
        year: 2024
        indicator_2:
          published: {relative_likelihood: 1.5}
          comparator: {relative_likelihood: 1.2}
        indicator_5:
          white: 20
          bme: 25
          comparator_average: {bme: 22}
        """) == [
        "years/2024.yaml:4: indicator_2.comparator: comparator figures need the comparator group's name: set "
        "comparator in data/organisation.yaml, e.g. comparator: Acute trusts in London",
    ]  # the survey's older comparator_average keeps loading without a name (files written before it was required)


def test_empty_published_national_and_comparator_blocks(tmp_path):
    found = problems(tmp_path, {2024: """\
        year: 2024
        indicator_1:
          published: {source: "our report"}
        indicator_2:
          published: {relative_likelihood: 1.5}
          national: {}
        """}, NAMED)
    assert found == [
        "years/2024.yaml:3: indicator_1.published: has no figures: give at least one, or remove it",
        "years/2024.yaml:6: indicator_2.national: has no figures: give at least one, or remove it",
    ]


def test_wrong_values_inside_the_new_blocks(tmp_path):
    found = problems(tmp_path, {2024: """\
        year: 2024
        indicator_1:
          published:
            by_group:
              clinicl: {bme_share: 28.1}
              medical_and_dental: {bme_share: 158.5}
            senior: {bme_share: 12}
        indicator_3:
          published: {relative_likelihood: 0, likelihood_bme: -2}
        indicator_9:
          published: {workforce_bme_share: "a quarter"}
          missing_reason: ""
        """}, NAMED)
    assert found == [
        "years/2024.yaml:5: indicator_1.published.by_group.clinicl: unknown key 'clinicl'; did you mean 'clinical'?",
        "years/2024.yaml:6: indicator_1.published.by_group.medical_and_dental.bme_share: must be a percentage from 0 to 100, not 158.5",
        "years/2024.yaml:7: indicator_1.published.senior.label: is required but missing",
        "years/2024.yaml:9: indicator_3.published.likelihood_bme: cannot be negative (found -2)",
        "years/2024.yaml:9: indicator_3.published.relative_likelihood: must be more than 0, not 0",
        'years/2024.yaml:11: indicator_9.published.workforce_bme_share: must be a number, not "a quarter"',
        "years/2024.yaml:12: indicator_9.missing_reason: must not be empty",
    ]


def test_published_beside_counts_that_give_the_ratio_is_refused(tmp_path):
    assert only(tmp_path, """\
        year: 2024
        indicator_3:
          workforce: {white: 100, bme: 50}
          entered: {white: 1, bme: 6}
          published: {relative_likelihood: 1.2}
        """) == ["years/2024.yaml:5: indicator_3.published: give counts or published figures, not both "
                 "(counts found: workforce, entered)"]


def test_bme_only_counts_are_still_checked_against_their_denominator(tmp_path):
    assert only(tmp_path, """\
        year: 2024
        indicator_2:
          shortlisted: {bme: 40}
          appointed: {bme: 51}
        """) == ["years/2024.yaml:4: indicator_2.appointed.bme: 51 appointed but only 40 shortlisted"]


def test_a_survey_indicator_needs_its_bme_figure_or_a_reason(tmp_path):
    assert only(tmp_path, "year: 2024\nindicator_7:\n  white: 60\n") == [
        "years/2024.yaml:2: indicator_7: bme is missing: give the BME percentage (and the White one if it was "
        "published), or not_available or missing_reason with a reason"]


def test_missing_reason_lets_a_block_be_partial(tmp_path):
    dataset = loads(tmp_path, """\
        year: 2024
        indicator_2:
          shortlisted: {white: 100, bme: 50}
          missing_reason: "appointments were not published"
        indicator_7:
          white: 60
          missing_reason: "the BME figure was not published"
        """)
    assert dataset.years[0].indicator_2.missing_reason == "appointments were not published"
