"""The blocks of a year's file, one per indicator: the WRES's, which the WDES's (``wdes.py``) rename.

Part of the data contract (see ``model.py``); kept apart so that the WDES blocks can be built from these
without the year, which holds both, importing itself in a circle.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StrictInt

from .base import Strict
from .printed import PrintedPercent, PrintedRatio

Count = Annotated[StrictInt, Field(ge=0, description="A number of people: a whole number, 0 or more.")]
Markdown = Annotated[str, Field(description="Text in Markdown, shown to readers.")]

STAFF_GROUPS = ("non_clinical", "clinical", "medical_and_dental")


# --- years/<YYYY>.yaml -----------------------------------------------------


class Counts(Strict):
    white: Count = Field(..., description="White staff (ethnic codes A-C).")
    bme: Count = Field(..., description="Black and minority ethnic staff (ethnic codes D-S).")
    unknown: Count = Field(0, description="Staff whose ethnicity is not stated or not known.")

    @property
    def total(self) -> int:
        return self.white + self.bme + self.unknown

    def __add__(self, other: Counts) -> Counts:
        return Counts(white=self.white + other.white, bme=self.bme + other.bme, unknown=self.unknown + other.unknown)


class PartialCounts(Strict):
    """Counts for indicators 2-4, where an old report may give the BME count alone."""

    white: Count | None = Field(None, description="White people (ethnic codes A-C); leave out when the report gives only the BME count.")
    bme: Count = Field(..., description="Black and minority ethnic people (ethnic codes D-S).")
    unknown: Count = Field(0, description="People whose ethnicity is not stated or not known.")


def _not_available() -> object:
    return Field(None, min_length=1, description="Give this instead of figures when the indicator is not available this year; the reason is shown to readers.")


def _commentary() -> object:
    return Field(None, description="Markdown shown with this year's figures for the indicator.")


def _missing_reason() -> object:
    return Field(None, min_length=1, description=(
        'Why a figure of this indicator is left out, in your words, e.g. "not published in the 2021/22 report". '
        "Shown to readers in place of each missing figure; without it the site says no figure is available."))


def _source() -> object:
    return Field(None, min_length=1, description=(
        'Where these figures were printed, e.g. "our 2019/20 WRES report, page 12". Shown as "As published in ..."; '
        "defaults to the year's report."))


def _series_break() -> object:
    return Field(None, min_length=1, description=(
        "Give this on the first year of a new series, when the figure is not comparable with earlier years "
        '(a changed survey question or definition), e.g. "The staff survey question changed in 2021, so earlier years '
        'are not comparable." No direction of travel is given across the break; the chart marks it and the page shows the reason.'))


def _national() -> object:
    return Field(None, description="The national (NHS England) figures for the same year, shown beside this organisation's.")


def _comparator() -> object:
    return Field(None, description="The comparator group's figures for the same year; name the group in organisation.yaml (comparator).")


class Shares(Strict):
    bme_share: PrintedPercent | None = Field(None, description="Published percentage who are BME.")
    white_share: PrintedPercent | None = Field(None, description="Published percentage who are White.")
    unknown_share: PrintedPercent | None = Field(None, description="Published percentage whose ethnicity is unknown.")


class SeniorShares(Shares):
    label: str = Field(..., min_length=1, description='How the report names its senior bands, e.g. "Band 8a and above" or "Band 7+".')


class GroupShares(Strict):
    non_clinical: Shares | None = Field(None, description="Published shares of non-clinical staff.")
    clinical: Shares | None = Field(None, description="Published shares of clinical staff.")
    medical_and_dental: Shares | None = Field(None, description="Published shares of medical and dental staff.")


class Indicator1Published(Shares):
    by_group: GroupShares | None = Field(None, description="Published shares of each staff group.")
    senior: SeniorShares | None = Field(None, description="Published shares of the senior bands, with the report's label for them.")
    source: str | None = _source()


class RepresentationBenchmark(Strict):
    bme_share: PrintedPercent | None = Field(None, description="Percentage of the workforce who are BME.")
    white_share: PrintedPercent | None = Field(None, description="Percentage of the workforce who are White.")


class Indicator1(Strict):
    non_clinical: dict[str, Counts] | None = Field(None, description="Non-clinical staff: band label -> counts, in display order.")
    clinical: dict[str, Counts] | None = Field(None, description="Clinical staff: band label -> counts, in display order.")
    medical_and_dental: dict[str, Counts] | None = Field(None, description="Medical and dental staff: grade label -> counts, in display order.")
    published: Indicator1Published | None = Field(None, description="Published figures from an old report, instead of counts.")
    national: RepresentationBenchmark | None = _national()
    comparator: RepresentationBenchmark | None = _comparator()
    not_available: str | None = _not_available()
    missing_reason: str | None = _missing_reason()
    series_break: str | None = _series_break()
    commentary: Markdown | None = _commentary()

    def groups(self) -> dict[str, dict[str, Counts]]:
        """The staff groups given, in contract order."""
        return {g: getattr(self, g) for g in STAFF_GROUPS if getattr(self, g) is not None}

    def total(self) -> Counts | None:
        groups = self.groups()
        if not groups:
            return None
        total = Counts(white=0, bme=0, unknown=0)
        for bands in groups.values():
            for counts in bands.values():
                total = total + counts
        return total


class LikelihoodFigures(Strict):
    relative_likelihood: PrintedRatio | None = Field(None, description="The relative likelihood, in this indicator's direction.")
    likelihood_white: PrintedPercent | None = Field(None, description="The likelihood for White people, as a percentage.")
    likelihood_bme: PrintedPercent | None = Field(None, description="The likelihood for BME people, as a percentage.")


class RLPublished(LikelihoodFigures):
    source: str | None = _source()


class _Likelihood(Strict):
    published: RLPublished | None = Field(None, description="Published figures from an old report, where counts are missing.")
    national: LikelihoodFigures | None = _national()
    comparator: LikelihoodFigures | None = _comparator()
    not_available: str | None = _not_available()
    missing_reason: str | None = _missing_reason()
    series_break: str | None = _series_break()
    commentary: Markdown | None = _commentary()


class Indicator2(_Likelihood):
    shortlisted: PartialCounts | None = Field(None, description="Applicants shortlisted in the 12 months to 31 March.")
    appointed: PartialCounts | None = Field(None, description="Applicants appointed from shortlisting in the same period.")


class Indicator3(_Likelihood):
    workforce: PartialCounts | None = Field(None, description="Staff in post; defaults to the indicator 1 totals.")
    entered: PartialCounts | None = Field(None, description="Staff entering a formal disciplinary investigation in the 12 months to 31 March.")


class Indicator4(_Likelihood):
    workforce: PartialCounts | None = Field(None, description="Staff in post; defaults to the indicator 1 totals.")
    accessed: PartialCounts | None = Field(None, description="Staff accessing non-mandatory training and CPD in the 12 months to 31 March.")


class GroupPercents(Strict):
    white: PrintedPercent | None = Field(None, description="Percentage of White respondents; leave out when only the BME figure was printed.")
    bme: PrintedPercent = Field(..., description="Percentage of BME respondents.")


class GroupResponses(Strict):
    white: Count | None = Field(None, description="Number of White respondents.")
    bme: Count = Field(..., description="Number of BME respondents.")


class SurveyIndicator(Strict):
    white: PrintedPercent | None = Field(None, description="Percentage of White respondents; may be left out when only the BME figure is known.")
    bme: PrintedPercent | None = Field(None, description="Percentage of BME respondents.")
    responses: GroupResponses | None = Field(None, description="Number of respondents behind each percentage, shown in the survey tables.")
    national_average: GroupPercents | None = Field(None, description="National average for the same survey year.")
    comparator_average: GroupPercents | None = Field(None, description="Average of the comparator group named in organisation.yaml.")
    not_available: str | None = _not_available()
    missing_reason: str | None = _missing_reason()
    series_break: str | None = _series_break()
    commentary: Markdown | None = _commentary()


class Indicator9Published(Strict):
    voting_bme_share: PrintedPercent | None = Field(None, description="Published percentage of voting board members who are BME.")
    executive_bme_share: PrintedPercent | None = Field(None, description="Published percentage of executive board members who are BME.")
    workforce_bme_share: PrintedPercent | None = Field(None, description=(
        "Published percentage of the whole workforce who are BME, as the report compared the board with; "
        "used for the difference instead of indicator 1."))
    source: str | None = _source()


class BoardBenchmark(Strict):
    voting_bme_share: PrintedPercent | None = Field(None, description="Percentage of voting board members who are BME.")
    executive_bme_share: PrintedPercent | None = Field(None, description="Percentage of executive board members who are BME.")


class Indicator9(Strict):
    voting: Counts | None = Field(None, description="Voting members of the board.")
    executive: Counts | None = Field(None, description="Executive members of the board.")
    published: Indicator9Published | None = Field(None, description="Published figures from an old report, instead of counts.")
    national: BoardBenchmark | None = _national()
    comparator: BoardBenchmark | None = _comparator()
    not_available: str | None = _not_available()
    missing_reason: str | None = _missing_reason()
    series_break: str | None = _series_break()
    commentary: Markdown | None = _commentary()
