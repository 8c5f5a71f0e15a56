"""How figures read on the site: rounding for display, the organisation's labels, plain-English sentences.

Rounding happens here and only here; every function takes the unrounded value
from the metrics table.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from ..data import INDICATORS, Terminology
from ..metrics.status import Status

MINUS = "\u2212"  # read as "minus" by screen readers, unlike a hyphen

DIRECTION_WORDS = {
    "improved": "Improved",
    "worsened": "Worsened",
    "no_significant_change": "No significant change",
    "not_tested": "Not tested",
    "not_comparable": "Not comparable",
    "up": "Up",
    "down": "Down",
    "no_change": "Little changed",  # within the no_change tolerance: a census figure that moved a little did move
}

def missing(value: float | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def signed(text: str) -> str:
    return text.replace("-", MINUS, 1) if text.startswith("-") else text


def ratio(value: float, decimals: int | None = None) -> str:
    """A relative likelihood: 2 decimal places, or as many as it was printed with."""
    places = 2 if decimals is None else decimals
    return signed(f"{value:.{places}f}")


def pct(value: float, decimals: int | None = None) -> str:
    """A percentage: 1 decimal place, or as many as it was printed with, and a % sign."""
    places = 1 if decimals is None else decimals
    return signed(f"{value:.{places}f}") + "%"


def share_of_one(value: float) -> str:
    """A proportion such as a significance level as a percentage without trailing zeros: 0.05 -> "5%", 0.95 -> "95%"."""
    return f"{round(value * 100, 4):g}%"


def score(value: float, decimals: int | None = None, *, sign: bool = False) -> str:
    """An engagement score out of 10: 1 decimal place, or as many as it was printed with; a gap with its sign."""
    places = 1 if decimals is None else decimals
    return signed(f"{value:+.{places}f}" if sign else f"{value:.{places}f}")


def points(value: float, *, sign: bool = True) -> str:
    """Percentage points: 1 decimal place, with an explicit + for rises."""
    text = f"{value:+.1f}" if sign else f"{value:.1f}"
    return signed(text) + " percentage points"


def gap_words(difference: float) -> str:
    """Indicator 9's difference with its sign said in words: "3.9 percentage points below the workforce"."""
    if round(difference, 1) == 0:
        return "level with the workforce"
    return f"{points(abs(difference), sign=False)} {'below' if difference < 0 else 'above'} the workforce"


_pct, _ratio = pct, ratio  # headline_sentence names its own helpers after them


def count(value: float) -> str:
    return f"{int(round(value)):,}"


def number(measure: str, value: float, decimals: int | None = None) -> str:
    """A figure as shown, chosen by what the measure is; a typed figure keeps the ``decimals`` it was printed with."""
    if measure.endswith("relative_likelihood"):
        return ratio(value, decimals)
    if measure == "headcount" or measure.startswith("responses_"):
        return count(value)
    if measure in ("gap", "difference", "declaration_gap"):
        return points(value)
    if "score_" in measure:
        return score(value, decimals, sign=measure == "score_gap")
    return pct(value, decimals)


def long_date(value: dt.date) -> str:
    """3 February 2026: the way GOV.UK writes a date."""
    return f"{value.day} {value:%B %Y}"


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def in_sentence(title: str) -> str:
    """A title inside a sentence: lower case, except acronyms ("CPD", "VSM") and words after the first capital-only ones."""
    return " ".join(word if sum(c.isupper() for c in word) > 1 else word.lower() for word in title.split(" "))


def sentence_end(text: str) -> str:
    """The trust's own words as a sentence: capital first letter and a full stop."""
    text = capitalise(text.strip())
    return text if text.endswith((".", "!", "?")) else text + "."


@dataclass(frozen=True)
class Labels:
    """The organisation's words for the groups, ready for templates."""

    bme: str
    bme_long: str
    white: str
    unknown: str

    @classmethod
    def from_terminology(cls, terms: Terminology) -> Labels:
        return cls(terms.bme, terms.bme_long, terms.white, terms.unknown)

    def group(self, key: str) -> str:
        return {"white": self.white, "bme": self.bme, "unknown": self.unknown}[key]

    def fill(self, text: str) -> str:
        """Replace {bme}, {bme_long}, {white} placeholders in fixed wording."""
        return text.format(bme=self.bme, bme_long=self.bme_long, white=self.white, unknown=self.unknown)


def headline_sentence(indicator: int, labels: Labels, values: dict[str, float | None], year: int,
                      places: dict[str, int | None] | None = None) -> str:
    """One plain-English sentence for an indicator's headline figure (values are unrounded).

    ``places`` gives the printed decimal places of typed figures, by measure.
    """
    spec = INDICATORS[indicator]
    places = places or {}

    def pct(measure: str, value: float | None = None) -> str:
        return _pct(values[measure] if value is None else value, places.get(measure))

    def ratio(measure: str) -> str:
        return _ratio(values[measure], places.get(measure))

    if spec.kind == "representation":
        return f"{capitalise(labels.bme)} staff made up {pct('bme_share')} of the workforce at 31 March {year}."
    if spec.kind == "likelihood":
        top, bottom = labels.group(spec.top_group), labels.group(spec.bottom_group)
        return (f"{capitalise(top)} {spec.people} were {ratio('relative_likelihood')} times as likely as "
                f"{bottom} {spec.people} {spec.phrase}.")
    if spec.kind == "survey":
        return (f"{pct('bme')} of {labels.bme} staff {spec.phrase}, compared with "
                f"{pct('white')} of {labels.white} staff.")
    if spec.kind == "score":
        return (f"{capitalise(labels.bme)} staff {spec.phrase} {score(values['score_bme'], places.get('score_bme'))} out of 10, "
                f"compared with {score(values['score_white'], places.get('score_white'))} for {labels.white} staff.")
    difference = values.get("difference")
    if missing(difference):
        return f"{pct('board_bme_share')} of voting board members were {labels.bme}."
    side = "below" if difference < 0 else "above"
    return (f"{pct('board_bme_share')} of voting board members were {labels.bme}, {points(abs(difference), sign=False)} "
            f"{side} the share of the workforce ({pct('workforce_bme_share')}).")


def note_words(status: Status, reason: str, source: str, threshold: int, published_in: str = "that year's report") -> str:
    """The reader's wording for a figure that has no value, or a caveat on one that has.

    ``published_in`` names where a published figure was printed: the trust's own words, or the year's report.
    """
    if status is Status.SUPPRESSED:
        return (f"Withheld to protect privacy: this figure rests on fewer than {threshold} people, or would let a reader "
                "work out such a number from the figures shown, so publishing it could identify someone.")
    if status is Status.NOT_AVAILABLE:
        return "Not available: " + reason
    if status is Status.CANNOT_COMPUTE:
        return "Cannot be computed: " + reason + "."
    if status is Status.NO_INTERVAL:
        return "No confidence interval: " + reason + "."
    if source == "published":
        return f"As published in {published_in}."
    if source == "computed":
        return "Computed here from published figures."
    return ""
