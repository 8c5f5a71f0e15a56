"""The direction of travel in words (generator/pages/travel.py): one wording everywhere."""

from __future__ import annotations

from dataclasses import dataclass

from generator.pages.travel import travel_html, travel_text


@dataclass
class Fig:
    value: float | None
    measure: str = "relative_likelihood"
    ci_low: float | None = None
    ci_high: float | None = None
    decimals: int | None = None
    base: int | None = None
    direction: str = ""
    direction_note: str = ""
    movement: str = ""


LABELS = ("2022/23", "2023/24")


def test_no_significant_change_on_ratios_gives_both_intervals():
    before = Fig(1.57, ci_low=0.60, ci_high=4.12)
    after = Fig(1.33, ci_low=0.47, ci_high=3.72, direction="no_significant_change", movement="improved")
    assert travel_text(before, after, LABELS) == (
        "▼ Closer to 1.00, but no significant change: 1.57 (95% CI 0.60 to 4.12) in 2022/23 and 1.33 (0.47 to 3.72) in 2023/24; "
        "the intervals overlap widely.")


def test_no_significant_change_on_survey_figures_gives_the_respondents():
    before = Fig(29.2, "bme", decimals=1, base=1190)
    after = Fig(27.3, "bme", decimals=1, base=1265, direction="no_significant_change", movement="improved")
    assert travel_text(before, after, LABELS) == (
        "▼ Better, but no significant change: 29.2% of 1,190 respondents in 2022/23 and 27.3% of 1,265 in 2023/24; "
        "a change this size could be chance.")


def test_significant_changes_keep_the_arrow_and_the_word_and_say_significant():
    assert travel_text(Fig(2.21), Fig(1.68, direction="improved", movement="improved"), LABELS) == (
        "▼ Improved, from 2.21 to 1.68 (closer to 1.00): a statistically significant change.")
    assert travel_text(Fig(31.0, "bme", decimals=1), Fig(35.2, "bme", decimals=1, direction="worsened", movement="deteriorated"),
                       LABELS) == "▲ Worsened, from 31.0% to 35.2%: a statistically significant change."


def test_not_tested_says_which_way_it_moved_and_has_no_stray_to():
    """Before: "Not tested, 1.89 → to 2.45", which said neither better nor worse."""
    note = "published figures without counts cannot be tested"
    assert travel_text(Fig(1.89), Fig(2.45, direction="not_tested", direction_note=note, movement="deteriorated"),
                       LABELS) == "▲ Further from 1.00, not tested: from 1.89 to 2.45; published figures without counts cannot be tested."
    assert travel_text(Fig(1.71), Fig(1.68, direction="not_tested", direction_note=note, movement="no_change"), LABELS) == (
        "▶ About as far from 1.00, not tested: from 1.71 to 1.68; published figures without counts cannot be tested.")
    html = travel_html(Fig(1.89), Fig(2.45, direction="not_tested", direction_note=note, movement="deteriorated"), LABELS)
    assert "→" not in html and "wres-sr-only" not in html


def test_not_comparable_says_why():
    reason = "The question changed in the 2020 survey"
    assert travel_text(Fig(72.2, "bme"), Fig(44.9, "bme", direction="not_comparable", direction_note=reason), LABELS) == (
        "Not comparable: The question changed in the 2020 survey.")


def test_a_ratio_that_crosses_1_says_so():
    """1.09 to 0.85 is 0.16 further from equity on the log scale, inside the noise: not "worsened"."""
    more = "The ratio crossed 1.00: BME applicants are now the more likely to be appointed from shortlisting."
    text = travel_text(Fig(1.09, ci_low=1.0, ci_high=1.19),
                       Fig(0.85, ci_low=0.78, ci_high=0.93, direction="no_significant_change", movement="deteriorated"),
                       LABELS, more)
    assert text == ("▼ Further from 1.00, but no significant change: 1.09 (95% CI 1.00 to 1.19) in 2022/23 and 0.85 "
                    "(0.78 to 0.93) in 2023/24; the intervals do not overlap, but the distance from 1.00 changed by no "
                    "more than chance would explain. " + more)


def test_counts_of_everyone_give_the_movement_without_a_test():
    note = "a count of every board member, not a sample, so no test is needed"
    members = "One more BME voting member than in 2022/23 (3 of 14, was 2 of 13)."
    text = travel_text(Fig(-12.0, "difference"), Fig(-5.0, "difference", direction="improved", movement="improved",
                                                     direction_note=note), LABELS, members)
    assert text == ("▲ Improved: one more BME voting member than in 2022/23 (3 of 14, was 2 of 13); the gap went "
                    "from 12.0 to 5.0 percentage points below the workforce. A count of every board member, not a sample, "
                    "so no test is needed.")
    crossed = travel_text(Fig(-1.5, "difference"), Fig(2.0, "difference", direction="improved", movement="improved",
                                                       direction_note=note), LABELS, members)
    assert "the gap went from 1.5 percentage points below the workforce to 2.0 percentage points above the workforce." in crossed
    note = "a count of the whole workforce, not a sample, so no test is needed"
    assert travel_text(Fig(20.1, "bme_share"), Fig(20.6, "bme_share", direction="no_change", movement="no_change",
                                                   direction_note=note), LABELS) == (
        "▶ Little changed, from 20.1% to 20.6%: a count of the whole workforce, not a sample, so no test is needed.")
    assert travel_text(Fig(20.1, "bme_share"), Fig(22.6, "bme_share", direction="up", movement="up",
                                                   direction_note=note), LABELS).startswith("▲ Up, from 20.1% to 22.6%: ")


def test_the_html_marker_hides_the_arrow_and_escapes_the_trusts_words():
    html = travel_html(Fig(72.2, "bme"), Fig(44.9, "bme", direction="not_comparable",
                                              direction_note="<script>alert(1)</script>"), LABELS)
    assert "<script>" not in html and "&#60;script&#62;" in html  # inert: character references (pages/escape.py)
    html = travel_html(Fig(2.21), Fig(1.68, direction="improved", movement="improved"), LABELS)
    assert html == ('<span class="wres-dot wres-dot--improved"><span aria-hidden="true">▼</span> Improved, from 2.21 '
                    'to 1.68 (closer to 1.00): a statistically significant change.</span>')


def test_a_significant_change_within_the_tolerance_says_so():
    note = "the change is statistically significant but no larger than the tolerance for no change"
    before = Fig(30.0, "bme", decimals=1, base=100000)
    after = Fig(31.0, "bme", decimals=1, base=100000, direction="no_significant_change", direction_note=note,
                movement="no_change")
    assert travel_text(before, after, LABELS) == (
        "▶ No significant change: 30.0% of 100,000 respondents in 2022/23 and 31.0% of 100,000 in 2023/24; " + note + ".")
