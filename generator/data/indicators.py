"""What each of the nine indicators is: titles, sources, directions, and which row is the headline.

One table that the metrics engine, the site and the methodology page all read,
so the direction of a ratio is written down once.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Indicator:
    number: int
    kind: str  # representation | likelihood | survey | board
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
    phrase: str = ""  # "to be appointed from shortlisting"
    higher_is_better: bool = False  # survey indicators

    @property
    def bottom_group(self) -> str:
        return "bme" if self.top_group == "white" else "white"


INDICATORS: dict[int, Indicator] = {
    1: Indicator(
        1, "representation", "Workforce representation by band",
        "The percentage of staff in each Agenda for Change band, medical and dental grade and very senior "
        "manager (VSM) group who are {bme}, compared with the whole workforce.",
        "Electronic Staff Record (ESR) snapshot at 31 March",
        "Representation in senior bands should match the workforce as a whole. The overall share is "
        "described as going up or down, not as better or worse.",
        "bme_share", "overall",
    ),
    2: Indicator(
        2, "likelihood", "Appointment from shortlisting",
        "How likely {white} applicants are to be appointed from shortlisting compared with {bme} applicants.",
        "Recruitment system, 12 months to 31 March",
        "1.00 means equal likelihood. Above 1, {white} applicants are more likely to be appointed; closer to 1 is better.",
        "relative_likelihood", event="appointed", population="shortlisted",
        numerator_key="appointed", denominator_key="shortlisted", top_group="white",
        people="applicants", phrase="to be appointed from shortlisting",
    ),
    3: Indicator(
        3, "likelihood", "Entry into the formal disciplinary process",
        "How likely {bme} staff are to enter the formal disciplinary process compared with {white} staff.",
        "HR case records, 12 months to 31 March",
        "1.00 means equal likelihood. Above 1, {bme} staff are more likely to enter the process; closer to 1 is better.",
        "relative_likelihood", event="entered the formal disciplinary process", population="workforce",
        numerator_key="entered", denominator_key="workforce", top_group="bme",
        people="staff", phrase="to enter the formal disciplinary process",
    ),
    4: Indicator(
        4, "likelihood", "Access to non-mandatory training and CPD",
        "How likely {white} staff are to access non-mandatory training and continuing professional "
        "development (CPD) compared with {bme} staff.",
        "Learning records, 12 months to 31 March",
        "1.00 means equal likelihood. Above 1, {white} staff are more likely to access training; closer to 1 is better.",
        "relative_likelihood", event="accessed non-mandatory training", population="workforce",
        numerator_key="accessed", denominator_key="workforce", top_group="white",
        people="staff", phrase="to access non-mandatory training and CPD",
    ),
    5: Indicator(
        5, "survey", "Harassment, bullying or abuse from the public",
        "The percentage of staff experiencing harassment, bullying or abuse from patients, relatives or the "
        "public in the last 12 months.",
        "NHS Staff Survey", "Lower is better; equity is the {bme} percentage equal to the {white} percentage.",
        "bme",
    ),
    6: Indicator(
        6, "survey", "Harassment, bullying or abuse from staff",
        "The percentage of staff experiencing harassment, bullying or abuse from other staff in the last 12 months.",
        "NHS Staff Survey", "Lower is better; equity is the {bme} percentage equal to the {white} percentage.",
        "bme",
    ),
    7: Indicator(
        7, "survey", "Equal opportunities for career progression",
        "The percentage of staff believing the organisation provides equal opportunities for career "
        "progression or promotion.",
        "NHS Staff Survey", "Higher is better; equity is the {bme} percentage equal to the {white} percentage.",
        "bme", higher_is_better=True,
    ),
    8: Indicator(
        8, "survey", "Discrimination from a manager or colleague",
        "The percentage of staff who personally experienced discrimination at work from a manager, team "
        "leader or other colleagues in the last 12 months.",
        "NHS Staff Survey", "Lower is better; equity is the {bme} percentage equal to the {white} percentage.",
        "bme",
    ),
    9: Indicator(
        9, "board", "Board membership",
        "The difference between the percentage of board members who are {bme} and the percentage of the "
        "whole workforce who are {bme}, for voting and for executive members.",
        "Board register at 31 March",
        "0 or above means the board is at least as diverse as the workforce; below 0 the board under-represents "
        "{bme} staff. A smaller shortfall is better.",
        "difference", "voting",
    ),
}

STAFF_GROUP_TITLES = {
    "non_clinical": "Non-clinical staff",
    "clinical": "Clinical staff",
    "medical_and_dental": "Medical and dental staff",
}


# Every measure of the table, per indicator: targets in action plans must name one of these.
MEASURES: dict[int, tuple[str, ...]] = {
    1: ("white_share", "bme_share", "unknown_share", "headcount", "declaration_rate"),
    **{n: ("likelihood_white", "likelihood_bme", "likelihood_unknown", "relative_likelihood") for n in (2, 3, 4)},
    **{n: ("white", "bme", "gap", "responses_white", "responses_bme", "national_white", "national_bme",
           "comparator_white", "comparator_bme") for n in (5, 6, 7, 8)},
    9: ("board_bme_share", "difference", "workforce_bme_share"),
}

# National and comparator figures of indicators 1-4 and 9 are rows too (``national_<measure>``), but
# not the trust's own figures: a target cannot name them.
BENCHMARK_MEASURES: dict[int, tuple[str, ...]] = {
    n: tuple(f"{prefix}_{m}" for prefix in ("national", "comparator") for m in compared)
    for n, compared in ((1, ("bme_share", "white_share")),
                        *((n, ("relative_likelihood", "likelihood_white", "likelihood_bme")) for n in (2, 3, 4)),
                        (9, ("board_bme_share",)))
}
