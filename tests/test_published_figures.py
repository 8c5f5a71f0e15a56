"""Figures as real reports print them: through the metrics engine to the words on the page."""

from __future__ import annotations

import re

import pytest

from generator.data import load_dataset
from generator.metrics import Metrics, compute_metrics
from generator.pages.render import render_pages
from generator.pages.wording import in_sentence, number, pct, ratio

from .conftest import ORGANISATION, write_data
from .conftest import one_row as row

NAMED = ORGANISATION + "comparator: Acute trusts in London\n"


def dataset(tmp_path, years: dict[int, str], organisation: str = NAMED):
    return load_dataset(write_data(tmp_path / "data", years, organisation))


def frame_of(tmp_path, years: dict[int, str], organisation: str = NAMED) -> Metrics:
    return compute_metrics(dataset(tmp_path, years, organisation))


def pages(tmp_path, years: dict[int, str], organisation: str = NAMED) -> dict[str, str]:
    data = dataset(tmp_path, years, organisation)
    return {p.path: p.text for p in render_pages(data, compute_metrics(data))}


# --- wording -------------------------------------------------------------------


def test_printed_precision_in_words():
    assert number("relative_likelihood", 1.5, 1) == "1.5"
    assert number("relative_likelihood", 1.5) == "1.50"  # computed: the usual 2 places
    assert number("bme_share", 22.0, 0) == "22%"
    assert number("bme_share", 28.1, 1) == "28.1%"
    assert number("national_relative_likelihood", 1.1, 1) == "1.1"
    assert number("responses_bme", 1265.0) == "1,265"
    assert pct(22.0) == "22.0%" and ratio(1.5, 1) == "1.5"


def test_titles_in_sentences_keep_their_acronyms():
    assert in_sentence("Access to non-mandatory training and CPD") == "access to non-mandatory training and CPD"
    assert in_sentence("Board membership") == "board membership"


# --- the metrics table -----------------------------------------------------------


def test_published_indicator_1_by_group_and_senior_bands(tmp_path):
    frame = frame_of(tmp_path, {2020: """\
        year: 2020
        indicator_1:
          published:
            bme_share: 25.1
            unknown_share: 2
            by_group: {clinical: {bme_share: 28.1}, medical_and_dental: {bme_share: 58.5}}
            senior: {label: "Band 8a and above", bme_share: 12.0}
          national: {bme_share: 24.2}
        """})
    assert row(frame, 2020, 1, "bme_share", "clinical").value == 28.1
    assert row(frame, 2020, 1, "bme_share", "medical_and_dental").source == "published"
    senior = row(frame, 2020, 1, "bme_share", "senior")
    assert senior.value == 12.0 and senior.decimals == 1
    assert row(frame, 2020, 1, "unknown_share", "overall").decimals == 0
    national = row(frame, 2020, 1, "national_bme_share", "overall")
    assert national.value == 24.2 and national.source == "benchmark"


def test_published_likelihoods_give_a_computed_ratio(tmp_path):
    frame = frame_of(tmp_path, {2020: "year: 2020\nindicator_3:\n  published: {likelihood_white: 1.2, likelihood_bme: 2.1}\n"})
    rl = row(frame, 2020, 3, "relative_likelihood")
    assert rl.value == pytest.approx(2.1 / 1.2) and rl.source == "computed"
    assert rl.decimals is None and not rl.in_equity_band
    assert row(frame, 2020, 3, "likelihood_bme").source == "published"


def test_a_published_ratio_wins_over_one_computed_from_published_likelihoods(tmp_path):
    frame = frame_of(tmp_path, {2020: """\
        year: 2020
        indicator_3: {published: {likelihood_white: 1.2, likelihood_bme: 2.1, relative_likelihood: 1.75}}
        """})
    rl = row(frame, 2020, 3, "relative_likelihood")
    assert rl.value == 1.75 and rl.source == "published" and rl.decimals == 2


def test_partial_counts_compute_what_they_can_and_say_why_not(tmp_path):
    frame = frame_of(tmp_path, {2024: """\
        year: 2024
        indicator_2:
          shortlisted: {bme: 400}
          appointed: {bme: 100}
        indicator_3:
          entered: {white: 9, bme: 12}
          published: {relative_likelihood: 1.8}
        """})
    assert row(frame, 2024, 2, "likelihood_bme").value == pytest.approx(25.0)
    assert row(frame, 2024, 2, "likelihood_white").note == "cannot be computed: no White count was given"
    assert row(frame, 2024, 2, "relative_likelihood").note == "cannot be computed: no White count was given"
    assert row(frame, 2024, 3, "likelihood_bme").note == (
        "cannot be computed: the workforce is not given and indicator 1 has no counts this year")
    assert row(frame, 2024, 3, "relative_likelihood").value == 1.8


def test_indicator_9_uses_its_published_workforce_share_and_labels_the_difference_computed(tmp_path):
    frame = frame_of(tmp_path, {2019: """\
        year: 2019
        indicator_1: {published: {bme_share: 23.8}}
        indicator_9: {published: {voting_bme_share: 14.3, workforce_bme_share: 24}}
        """})
    assert row(frame, 2019, 9, "workforce_bme_share", "overall").value == 24.0
    difference = row(frame, 2019, 9, "difference", "voting")
    assert difference.value == pytest.approx(14.3 - 24) and difference.source == "computed"


def test_a_difference_from_counts_on_both_sides_is_from_counts(tmp_path):
    frame = frame_of(tmp_path, {2024: """\
        year: 2024
        indicator_1:
          clinical: {"Band 5": {white: 60, bme: 40}}
        indicator_9:
          voting: {white: 8, bme: 2}
          national: {voting_bme_share: 13.5}
        """})
    assert row(frame, 2024, 9, "difference", "voting").source == "counts"
    assert row(frame, 2024, 9, "national_board_bme_share", "voting").value == 13.5


def test_survey_figures_without_a_white_figure_and_response_counts(tmp_path):
    frame = frame_of(tmp_path, {2024: """\
        year: 2024
        indicator_5:
          bme: 27
          responses: {bme: 1265}
          national_average: {bme: 14}
        """})
    assert row(frame, 2024, 5, "bme").decimals == 0
    assert row(frame, 2024, 5, "gap").note == "cannot be computed: no White percentage was given"
    assert row(frame, 2024, 5, "responses_bme").value == 1265
    assert row(frame, 2024, 5, "national_bme").value == 14
    assert not frame.where(indicator=5, measure="national_white")


def test_the_published_csv_keeps_its_ten_columns(tmp_path):
    from generator.metrics import COLUMNS

    frame = frame_of(tmp_path, {2024: "year: 2024\nindicator_2: {published: {relative_likelihood: 1.5}}\n"})
    assert frame.to_csv().splitlines()[0] == ",".join(COLUMNS) and "decimals" not in COLUMNS
    assert row(frame, 2024, 2, "relative_likelihood").value is not None


def test_every_measure_of_the_example_is_a_known_measure():
    from generator.data import BENCHMARK_MEASURES, MEASURES

    from .conftest import load_example

    frame = compute_metrics(load_example())
    for indicator, measure in {(r.indicator, r.measure) for r in frame}:
        assert measure in MEASURES[indicator] + BENCHMARK_MEASURES.get(indicator, ()), (indicator, measure)
    assert {"benchmark", "computed"} <= set(frame.column("source"))


# --- on the page: each wrong statement of issue 10, fixed ------------------------


def test_a_one_year_chart_has_a_one_year_summary_and_keeps_the_printed_precision(tmp_path):
    page = pages(tmp_path, {2020: 'year: 2020\nlabel: "2019/20"\nindicator_2: {published: {relative_likelihood: 1.5}}\n'})[
        "indicators/indicator-2.md"]
    assert "1.50 (published)" not in page and "1.5 (published)" in page
    assert "The relative likelihood was 1.5 in 2019/20, outside the equity band; it is the only year with a figure." in page
    assert "1.5 in 2019/20 and 1.5 in 2019/20" not in page


def test_typed_percentages_show_as_printed(tmp_path):
    text = pages(tmp_path, {2020: "year: 2020\nindicator_1: {published: {bme_share: 22}}\nindicator_5: {white: 28.1, bme: 30}\n"})
    assert "made up 22% of the workforce" in text["index.md"]
    assert "22.0%" not in text["index.md"]
    assert "30% of BME staff" in text["indicators/indicator-5.md"]
    assert "28.1% of White staff" in text["indicators/indicator-5.md"]


def test_acronyms_stay_in_captions(tmp_path):
    page = pages(tmp_path, {2024: "year: 2024\nindicator_4: {published: {relative_likelihood: 1.1}}\n"})["indicators/indicator-4.md"]
    assert "access to non-mandatory training and CPD" in page and " cpd" not in page


def test_published_figures_say_where_they_were_printed_and_computed_ones_say_computed(tmp_path):
    text = pages(tmp_path, {2019: """\
        year: 2019
        label: "2018/19"
        indicator_1: {published: {bme_share: 23.8}}
        indicator_2: {published: {relative_likelihood: 1.7, source: "our 2018/19 WRES report, page 12"}}
        indicator_9: {published: {voting_bme_share: 14.3}}
        """})
    indicator_2 = text["indicators/indicator-2.md"]
    assert "As published in our 2018/19 WRES report, page 12." in indicator_2
    assert "As published in the 2018/19 report." in text["indicators/indicator-1.md"]
    assert "the counts behind it were not kept" not in "".join(text.values())
    indicator_9 = text["indicators/indicator-9.md"]
    assert "−9.5 percentage points (computed)" in indicator_9
    assert "percentage points (published)" not in indicator_9


def test_missing_figures_give_the_trusts_reason_or_say_there_is_none(tmp_path):
    text = pages(tmp_path, {
        2022: 'year: 2022\nlabel: "2021/22"\nindicator_2:\n  missing_reason: "not published in the 2021/22 report"\n'
              'indicator_5: {white: 20, bme: 25}\n',
        2023: 'year: 2023\nindicator_5: {white: 21, bme: 24}\n',
    })
    year_2022 = text["years/2022.md"]
    assert "Not published in the 2021/22 report." in year_2022
    assert "No figure is available for this year." in year_2022  # indicator 3: nothing at all
    assert "No figure was reported" not in "".join(text.values())


def test_the_comparator_is_named_beside_the_trusts_figure(tmp_path):
    text = pages(tmp_path, {2024: """\
        year: 2024
        indicator_2:
          published: {relative_likelihood: 1.5}
          national: {relative_likelihood: 1.59}
          comparator: {relative_likelihood: 1.48}
        indicator_5:
          white: 20
          bme: 25
          responses: {white: 3190, bme: 1265}
          comparator_average: {white: 21, bme: 14}
        """})
    indicator_2 = text["indicators/indicator-2.md"]
    assert "National average: 1.59. Acute trusts in London: 1.48." in indicator_2
    # the every-year table has the years as columns: the comparator heads its own row
    assert "<th scope=\"row\">Acute trusts in London, relative likelihood</th>" in indicator_2
    assert "National average: 1.59. Acute trusts in London: 1.48." in text["index.md"]
    indicator_5 = text["indicators/indicator-5.md"]
    assert "Acute trusts in London: 14% of BME staff and 21% of White staff." in indicator_5
    assert "<th scope=\"row\">Respondents, BME</th>" in indicator_5 and re.search(r"<td[^>]*>1,265</td>", indicator_5)
    assert "Comparator, BME" not in indicator_5


def test_a_published_only_year_has_no_empty_by_band_section(tmp_path):
    text = pages(tmp_path, {2020: "year: 2020\nindicator_1: {published: {bme_share: 25.1}}\n"})
    indicator_1 = text["indicators/indicator-1.md"]
    assert "No figures by band have been entered yet" in indicator_1
    assert "### Clinical staff" not in indicator_1
    assert "Figures by band are not available for 2020: only the published shares were entered." in text["years/2020.md"]


def test_the_pages_lead_with_the_latest_year_that_has_figures(tmp_path):
    text = pages(tmp_path, {
        2022: "year: 2022\nindicator_2: {published: {relative_likelihood: 1.5}}\nindicator_5: {white: 20, bme: 25}\n",
        2023: "year: 2023\nindicator_5: {white: 21, bme: 24}\n",
        2024: "year: 2024\n",  # just started: nothing entered yet
    })
    home = text["index.md"]
    assert "# Workforce Race Equality Standard 2023" in home
    assert "Latest figure: 2022; none yet for 2023." in home
    indicator_2 = text["indicators/indicator-2.md"]
    assert "## Latest figures: 2022" in indicator_2
    assert "2023 has no figure for this indicator yet, so this page leads with 2022, the latest year that has one." in indicator_2


def test_words_the_trust_typed_are_escaped(tmp_path):
    text = pages(tmp_path, {2024: """\
        year: 2024
        indicator_1:
          published:
            bme_share: 20
            senior: {label: "<b>Band 8a</b>", bme_share: 10}
        indicator_2:
          published: {relative_likelihood: 1.5, source: "<script>alert(1)</script>"}
          missing_reason: "x"
        indicator_3:
          missing_reason: "<img src=x onerror=alert(1)>"
        """}, ORGANISATION + 'comparator: "<i>Peers</i>"\n')
    everything = "".join(text.values())
    assert "<script>alert(1)</script>" not in everything
    assert "<img src=x" not in everything and "<b>Band 8a</b>" not in everything
    assert "&lt;script&gt;" in text["indicators/indicator-2.md"]
