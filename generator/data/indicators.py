"""What each indicator is: titles, sources, directions, and which row is the headline.

The definitions are data (``standards/wres.yaml``) that the metrics engine, the checks,
the site and the PDF all read, so the direction of a ratio is written down once and no
code branches on an indicator's number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from importlib import resources

import yaml


KINDS = ("representation", "likelihood", "survey", "score", "narrative", "board")


@dataclass(frozen=True)
class Indicator:
    """One indicator of a standard, as ``standards/<standard>.yaml`` defines it."""

    number: int  # the engine's key, unique across standards
    key: str  # its block in a year's file (in the standard's section), e.g. indicator_3
    kind: str  # one of KINDS: which code computes and words it
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
    # the guidance's own number ("4a(i)"), the standard it belongs to and what the standard calls one
    id: str = ""
    standard: str = "wres"
    noun: str = "indicator"
    section: str = ""  # the block of a year's file its key is in ("wdes"); "" for the top level
    # a survey question asked of the focus group only (WDES 8): no reference figure, no gap
    focus_only: bool = False

    @property
    def label(self) -> str:
        """How readers see it named: "Indicator 3", "Metric 4a(i)"."""
        return f"{self.noun.capitalize()} {self.id}"

    @property
    def slug(self) -> str:
        """Its page's file name: indicator-3, metric-4a-i."""
        return f"{self.noun}-" + re.sub(r"[^0-9a-z]+", "-", self.id.lower()).strip("-")

    @property
    def bottom_group(self) -> str:
        return "bme" if self.top_group == "white" else "white"

    @property
    def higher_is_better(self) -> bool:
        """Whether a higher headline figure is better (survey indicators judge the headline percentage)."""
        return self.headline_measure in self.higher_better_measures


@dataclass(frozen=True)
class Standard:
    """One equality standard: its names, its groups' keys in the files, and its indicators in order."""

    id: str  # wres, wdes
    name: str
    short_name: str
    noun: str  # indicator, metric
    section: str  # the key of its block in a year's file; "" for WRES, whose indicators sit at the top level
    groups: dict[str, str]  # focus, reference, unknown -> the key the files and the CSV use
    unknown_people: str  # "{people} of unknown ethnicity"
    indicators: dict[int, Indicator]
    report: dict[str, Any]  # the board paper's words: scope, summary title, caption and note, glossary

    def csv_measure(self, measure: str) -> str:
        """A measure as the standard's CSV names it: WDES says disabled_share where the engine says bme_share."""
        names = {"bme": self.groups["focus"], "white": self.groups["reference"]}
        return "_".join(names.get(part, part) for part in measure.split("_"))


def _standard(name: str) -> Standard:
    """``name``'s definitions, from the file shipped with the package.

    The file is ours, not a trust's, so PyYAML's safe loader reads it (libyaml's C one: the pure Python one took
    18 ms of every build); a test checks every field.
    """
    text = (resources.files(__package__) / "standards" / f"{name}.yaml").read_text(encoding="utf-8")
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - a safe loader
    noun = data.get("noun", "indicator")
    found = {}
    for entry in data["indicators"]:
        fields = {k: tuple(v) if isinstance(v, list) else v for k, v in entry.items()}
        indicator = Indicator(**{"id": str(fields["number"]), **fields, "standard": name, "noun": noun,
                                 "section": data.get("section", "")})
        if indicator.kind not in KINDS:
            raise ValueError(f"{name}.yaml: {indicator.label}: unknown kind {indicator.kind!r}")
        found[indicator.number] = indicator
    return Standard(name, data["name"], data["short_name"], noun, data.get("section", ""), data["groups"],
                    data["unknown_people"], found, data["report"])


STANDARDS: dict[str, Standard] = {name: _standard(name) for name in ("wres", "wdes")}
WRES = STANDARDS["wres"]
# Every indicator of every standard by its number, to look one up; loop over a standard's own ``indicators``.
INDICATORS: dict[int, Indicator] = {n: spec for standard in STANDARDS.values() for n, spec in standard.indicators.items()}

STAFF_GROUP_TITLES = {
    "non_clinical": "Non-clinical staff",
    "clinical": "Clinical staff",
    "medical_and_dental": "Medical and dental staff",
}


# Every measure the engine computes for each kind of indicator: targets in action plans must name one of these.
KIND_MEASURES: dict[str, tuple[str, ...]] = {
    "representation": ("white_share", "bme_share", "unknown_share", "headcount", "declaration_rate",
                       "survey_declared_share", "declaration_gap"),
    "likelihood": ("likelihood_white", "likelihood_bme", "likelihood_unknown", "relative_likelihood"),
    "survey": ("white", "bme", "gap", "responses_white", "responses_bme", "national_white", "national_bme",
               "comparator_white", "comparator_bme"),
    "board": ("board_bme_share", "difference", "workforce_bme_share"),
    "score": ("score_white", "score_bme", "score_gap", "score_overall", "national_score_white", "national_score_bme"),
    "narrative": (),
}
# National and comparator figures of the kinds that have them are rows too (``national_<measure>``), but
# not the trust's own figures: a target cannot name them. (Survey averages are measures of their own.)
KIND_BENCHMARKS: dict[str, tuple[str, ...]] = {
    "representation": ("bme_share", "white_share"),
    "likelihood": ("relative_likelihood", "likelihood_white", "likelihood_bme"),
    "survey": (),
    "board": ("board_bme_share",),
    "score": (),
    "narrative": (),
}

MEASURES: dict[int, tuple[str, ...]] = {n: KIND_MEASURES[spec.kind] for n, spec in INDICATORS.items()}
BENCHMARK_MEASURES: dict[int, tuple[str, ...]] = {
    n: tuple(f"{prefix}_{m}" for prefix in ("national", "comparator") for m in KIND_BENCHMARKS[spec.kind])
    for n, spec in INDICATORS.items() if KIND_BENCHMARKS[spec.kind]
}
