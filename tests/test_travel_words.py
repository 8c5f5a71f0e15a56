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


LABELS = ("2022/23", "2023/24")


def test_no_significant_change_on_ratios_gives_both_intervals():
    before = Fig(1.57, ci_low=0.60, ci_high=4.12)
    after = Fig(1.33, ci_low=0.47, ci_high=3.72, direction="no_significant_change")
    assert travel_text(before, after, LABELS) == (
        "▶ No significant change: 1.57 (95% CI 0.60 to 4.12) in 2022/23 and 1.33 (0.47 to 3.72) in 2023/24; "
        "the intervals overlap widely.")


def test_no_significant_change_on_survey_figures_gives_the_respondents():
    before = Fig(29.2, "bme", decimals=1, base=1190)
    after = Fig(27.3, "bme", decimals=1, base=1265, direction="no_significant_change")
    assert travel_text(before, after, LABELS) == (
        "▶ No significant change: 29.2% of 1,190 respondents in 2022/23 and 27.3% of 1,265 in 2023/24; "
        "a change this size could be chance.")


def test_significant_changes_keep_the_arrow_and_the_word():
    assert travel_text(Fig(2.21), Fig(1.68, direction="improved"), LABELS) == "▼ Improved, 2.21 → 1.68"
    assert travel_text(Fig(1.68), Fig(2.21, direction="worsened"), LABELS) == "▲ Worsened, 1.68 → 2.21"


def test_not_tested_and_not_comparable_say_why():
    note = "published figures without counts cannot be tested"
    assert travel_text(Fig(1.71), Fig(1.62, direction="not_tested", direction_note=note), LABELS) == (
        "Not tested, 1.71 → 1.62: published figures without counts cannot be tested.")
    reason = "The question changed in the 2020 survey"
    assert travel_text(Fig(72.2, "bme"), Fig(44.9, "bme", direction="not_comparable", direction_note=reason), LABELS) == (
        "Not comparable: The question changed in the 2020 survey.")


def test_the_html_marker_hides_the_arrow_and_escapes_the_trusts_words():
    html = travel_html(Fig(72.2, "bme"), Fig(44.9, "bme", direction="not_comparable",
                                              direction_note="<script>alert(1)</script>"), LABELS)
    assert "<script>" not in html and "&#60;script&#62;" in html  # inert: character references (pages/escape.py)
    html = travel_html(Fig(2.21), Fig(1.68, direction="improved"), LABELS)
    assert html == ('<span class="wres-dot wres-dot--improved"><span aria-hidden="true">▼</span> Improved, 2.21 '
                    '<span aria-hidden="true">→</span><span class="wres-sr-only">to</span> 1.68</span>')


def test_a_significant_change_within_the_tolerance_says_so():
    note = "the change is statistically significant but no larger than the tolerance for no change"
    before = Fig(30.0, "bme", decimals=1, base=100000)
    after = Fig(31.0, "bme", decimals=1, base=100000, direction="no_significant_change", direction_note=note)
    assert travel_text(before, after, LABELS) == (
        "▶ No significant change: 30.0% of 100,000 respondents in 2022/23 and 31.0% of 100,000 in 2023/24; " + note + ".")
