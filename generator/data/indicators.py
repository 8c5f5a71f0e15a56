"""What each indicator is: titles, sources, directions, and which row is the headline.

The definitions are data (``standards/wres.yaml``) that the metrics engine, the checks,
the site and the PDF all read, so the direction of a ratio is written down once and no
code branches on an indicator's number.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

import yaml


KINDS = ("representation", "likelihood", "survey", "board")


@dataclass(frozen=True)
class Indicator:
    """One indicator of a standard, as ``standards/<standard>.yaml`` defines it."""

    number: int
    key: str  # its block in a year's file, e.g. indicator_3
    kind: str  # representation | likelihood | survey | board: which code computes and words it
    short_title: str
    question: str  # what it measures, in plain English, with {bme} / {white} placeholders
    source: str
    better: str  # which way is better, in words
    headline_measure: str
    headline_breakdown: str = ""
    # likelihood indicators: the event, the population, which group is on top of the ratio
    event: str = ""
    population: str = ""
    numerator_key: str = ""
    denominator_key: str = ""
    top_group: str = ""
    people: str = ""  # "applicants", "staff"
    # likelihoods: "to be appointed from shortlisting"; survey: what the staff said, after "of BME staff"
    phrase: str = ""
    # the blocks of counts a year may give, those it must give (unless published or not available), and the
    # words for a numerator above its denominator
    count_keys: tuple[str, ...] = ()
    required_counts: tuple[str, ...] = ()
    exceeds: str = ""
    # measures for which a higher (or a lower) figure is better, for targets and the direction of travel;
    # a relative likelihood is judged on its distance from 1
    higher_better_measures: tuple[str, ...] = ()
    lower_better_measures: tuple[str, ...] = ()

    @property
    def bottom_group(self) -> str:
        return "bme" if self.top_group == "white" else "white"

    @property
    def higher_is_better(self) -> bool:
        """Whether a higher headline figure is better (survey indicators judge the headline percentage)."""
        return self.headline_measure in self.higher_better_measures


def _definitions(standard: str) -> dict[int, Indicator]:
    """The indicators of ``standard``, from the definitions file shipped with the package.

    The file is ours, not a trust's, so plain ``yaml.safe_load`` reads it; a test checks every field.
    """
    text = (resources.files(__package__) / "standards" / f"{standard}.yaml").read_text(encoding="utf-8")
    found = {}
    for entry in yaml.safe_load(text)["indicators"]:
        fields = {k: tuple(v) if isinstance(v, list) else v for k, v in entry.items()}
        indicator = Indicator(**fields)
        if indicator.kind not in KINDS:
            raise ValueError(f"{standard}.yaml: indicator {indicator.number}: unknown kind {indicator.kind!r}")
        found[indicator.number] = indicator
    return found


INDICATORS: dict[int, Indicator] = _definitions("wres")

STAFF_GROUP_TITLES = {
    "non_clinical": "Non-clinical staff",
    "clinical": "Clinical staff",
    "medical_and_dental": "Medical and dental staff",
}


# Every measure the engine computes for each kind of indicator: targets in action plans must name one of these.
KIND_MEASURES: dict[str, tuple[str, ...]] = {
    "representation": ("white_share", "bme_share", "unknown_share", "headcount", "declaration_rate"),
    "likelihood": ("likelihood_white", "likelihood_bme", "likelihood_unknown", "relative_likelihood"),
    "survey": ("white", "bme", "gap", "responses_white", "responses_bme", "national_white", "national_bme",
               "comparator_white", "comparator_bme"),
    "board": ("board_bme_share", "difference", "workforce_bme_share"),
}
# National and comparator figures of the kinds that have them are rows too (``national_<measure>``), but
# not the trust's own figures: a target cannot name them. (Survey averages are measures of their own.)
KIND_BENCHMARKS: dict[str, tuple[str, ...]] = {
    "representation": ("bme_share", "white_share"),
    "likelihood": ("relative_likelihood", "likelihood_white", "likelihood_bme"),
    "survey": (),
    "board": ("board_bme_share",),
}

MEASURES: dict[int, tuple[str, ...]] = {n: KIND_MEASURES[spec.kind] for n, spec in INDICATORS.items()}
BENCHMARK_MEASURES: dict[int, tuple[str, ...]] = {
    n: tuple(f"{prefix}_{m}" for prefix in ("national", "comparator") for m in KIND_BENCHMARKS[spec.kind])
    for n, spec in INDICATORS.items() if KIND_BENCHMARKS[spec.kind]
}
