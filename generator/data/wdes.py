"""The WDES section of a year's file (``wdes:``): the same blocks as the WRES indicators, in the standard's own words.

Each model is its WRES counterpart with the groups renamed: a file says ``disabled`` and ``non_disabled``
where the WRES says ``bme`` and ``white``. The names are pydantic aliases, so the metrics engine reads
one shape (``bme`` is a standard's focus group, ``white`` its reference group) and runs the same code for
both standards, while editors, error messages and the JSON Schema see the WDES's own keys.
"""

from __future__ import annotations

from pydantic import ConfigDict, Field

from .base import Strict
from .blocks import (
    Count,
    Counts,
    Indicator1,
    Indicator2,
    Indicator3,
    Indicator9,
    Indicator9Published,
    LikelihoodFigures,
    Markdown,
    PartialCounts,
    RLPublished,
    SurveyIndicator,
    _commentary,
    _comparator,
    _missing_reason,
    _national,
    _not_available,
    _series_break,
    _source,
)
from .narrative import Narrative
from .printed import PrintedPercent, PrintedRatio

DISABLED, NON_DISABLED = "disabled", "non_disabled"
ALIASED = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False, defer_build=True)  # as Strict's


def _d(description: str, default: object = None) -> object:
    return Field(default, alias=DISABLED, description=description)


def _n(description: str, default: object = None) -> object:
    return Field(default, alias=NON_DISABLED, description=description)


class DisabilityCounts(Counts):
    model_config = ALIASED
    white: Count = _n("Non-disabled staff (recorded on ESR as having no disability).", ...)
    bme: Count = _d("Disabled staff (recorded on ESR as having a disability or long-term condition).", ...)
    unknown: Count = Field(0, description="Staff whose disability status is not declared, not known or who preferred not to say.")


class DisabilityPartialCounts(PartialCounts):
    model_config = ALIASED
    white: Count | None = _n("Non-disabled people; leave out when the report gives only the Disabled count.")
    bme: Count = _d("Disabled people.", ...)
    unknown: Count = Field(0, description="People whose disability status is not declared or not known.")


class DisabilityShares(Strict):
    model_config = ALIASED
    bme_share: PrintedPercent | None = Field(None, alias="disabled_share", description="Published percentage who are Disabled.")
    white_share: PrintedPercent | None = Field(None, alias="non_disabled_share", description="Published percentage who are non-disabled.")
    unknown_share: PrintedPercent | None = Field(None, description="Published percentage whose disability status is unknown.")


class Metric1Published(DisabilityShares):
    by_group: None = Field(None, description="Not used for the WDES: give the shares of the whole workforce.")
    senior: None = Field(None, description="Not used for the WDES.")
    source: str | None = _source()


class DisabilityBenchmark(Strict):
    model_config = ALIASED
    bme_share: PrintedPercent | None = Field(None, alias="disabled_share", description="Percentage of the workforce who are Disabled.")
    white_share: PrintedPercent | None = Field(None, alias="non_disabled_share", description="Percentage of the workforce who are non-disabled.")


class Metric1(Indicator1):
    non_clinical: dict[str, DisabilityCounts] | None = Field(None, description="Non-clinical staff: pay cluster or band -> counts, in display order.")
    clinical: dict[str, DisabilityCounts] | None = Field(None, description="Clinical staff: pay cluster or band -> counts, in display order.")
    medical_and_dental: dict[str, DisabilityCounts] | None = Field(None, description="Medical and dental staff: subgroup -> counts, in display order.")
    published: Metric1Published | None = Field(None, description="Published figures from an old report, instead of counts.")  # type: ignore[assignment]
    national: DisabilityBenchmark | None = _national()  # type: ignore[assignment]
    comparator: DisabilityBenchmark | None = _comparator()  # type: ignore[assignment]


class DisabilityLikelihoods(LikelihoodFigures):
    model_config = ALIASED
    relative_likelihood: PrintedRatio | None = Field(None, description="The relative likelihood, in this metric's direction.")
    likelihood_white: PrintedPercent | None = Field(None, alias="likelihood_non_disabled", description="The likelihood for non-disabled people, as a percentage.")
    likelihood_bme: PrintedPercent | None = Field(None, alias="likelihood_disabled", description="The likelihood for Disabled people, as a percentage.")


class DisabilityRLPublished(DisabilityLikelihoods, RLPublished):
    model_config = ALIASED


class _DisabilityLikelihood(Strict):
    published: DisabilityRLPublished | None = Field(None, description="Published figures from an old report, where counts are missing.")
    national: DisabilityLikelihoods | None = _national()
    comparator: DisabilityLikelihoods | None = _comparator()


class Metric2(_DisabilityLikelihood, Indicator2):
    shortlisted: DisabilityPartialCounts | None = Field(None, description="Applicants shortlisted in the 12 months to 31 March.")
    appointed: DisabilityPartialCounts | None = Field(None, description="Applicants appointed from shortlisting in the same period.")


class Metric3(_DisabilityLikelihood, Indicator3):
    workforce: DisabilityPartialCounts | None = Field(None, description=(
        "Staff in post over the two years (the guidance's rolling average); defaults to the metric 1 totals."))
    entered: DisabilityPartialCounts | None = Field(None, description=(
        "Staff entering the formal capability process on the grounds of performance, in the two years to 31 March."))


class DisabilityPercents(Strict):
    model_config = ALIASED
    white: PrintedPercent | None = _n("Percentage of non-disabled respondents.")
    bme: PrintedPercent = _d("Percentage of Disabled respondents.", ...)


class DisabilityResponses(Strict):
    model_config = ALIASED
    white: Count | None = _n("Number of non-disabled respondents.")
    bme: Count = _d("Number of Disabled respondents.", ...)


class SurveyMetric(SurveyIndicator):
    model_config = ALIASED
    white: PrintedPercent | None = _n("Percentage of non-disabled respondents.")
    bme: PrintedPercent | None = _d("Percentage of Disabled respondents.")
    responses: DisabilityResponses | None = Field(None, description="Number of respondents behind each percentage.")  # type: ignore[assignment]
    national_average: DisabilityPercents | None = Field(None, description="National average for the same survey year.")  # type: ignore[assignment]
    comparator_average: DisabilityPercents | None = Field(None, description="Average of the comparator group named in organisation.yaml.")  # type: ignore[assignment]


class DisabilityScores(Strict):
    model_config = ALIASED
    white: PrintedRatio | None = Field(None, alias=NON_DISABLED, ge=0, le=10, description="Engagement score of non-disabled staff (0 to 10).")
    bme: PrintedRatio = Field(..., alias=DISABLED, ge=0, le=10, description="Engagement score of Disabled staff (0 to 10).")


class ScoreMetric(Strict):
    """Metric 9a: the staff engagement score, 0 to 10."""

    model_config = ALIASED
    white: PrintedRatio | None = Field(None, alias=NON_DISABLED, ge=0, le=10, description="Engagement score of non-disabled staff (0 to 10).")
    bme: PrintedRatio | None = Field(None, alias=DISABLED, ge=0, le=10, description="Engagement score of Disabled staff (0 to 10).")
    overall: PrintedRatio | None = Field(None, ge=0, le=10, description="Engagement score of the whole organisation (0 to 10).")
    national_average: DisabilityScores | None = Field(None, description="National average scores for the same survey year.")
    not_available: str | None = _not_available()
    missing_reason: str | None = _missing_reason()
    series_break: str | None = _series_break()
    commentary: Markdown | None = _commentary()


class DisabilityBoardPublished(Indicator9Published):
    model_config = ALIASED
    voting_bme_share: PrintedPercent | None = Field(None, alias="voting_disabled_share", description="Published percentage of voting board members who are Disabled.")
    executive_bme_share: PrintedPercent | None = Field(None, alias="executive_disabled_share", description="Published percentage of executive board members who are Disabled.")
    workforce_bme_share: PrintedPercent | None = Field(None, alias="workforce_disabled_share", description=(
        "Published percentage of the whole workforce who are Disabled, as the report compared the board with."))


class DisabilityBoardBenchmark(Strict):
    model_config = ALIASED
    voting_bme_share: PrintedPercent | None = Field(None, alias="voting_disabled_share", description="Percentage of voting board members who are Disabled.")
    executive_bme_share: PrintedPercent | None = Field(None, alias="executive_disabled_share", description="Percentage of executive board members who are Disabled.")


class Metric10(Indicator9):
    voting: DisabilityCounts | None = Field(None, description="Voting members of the board.")
    executive: DisabilityCounts | None = Field(None, description="Executive members of the board.")
    published: DisabilityBoardPublished | None = Field(None, description="Published figures from an old report, instead of counts.")  # type: ignore[assignment]
    national: DisabilityBoardBenchmark | None = _national()  # type: ignore[assignment]
    comparator: DisabilityBoardBenchmark | None = _comparator()  # type: ignore[assignment]


class SurveyDeclaration(Strict):
    share: PrintedPercent = Field(..., description=(
        "Percentage of the trust's NHS Staff Survey respondents who said they have a long-term condition or illness: "
        "compared with the share declared on ESR (metric 1) to show the declaration gap."))
    responses: Count | None = Field(None, description="Number of survey respondents who answered the question.")


class Wdes(Strict):
    """A year's Workforce Disability Equality Standard figures. Leave the section out if the trust does not publish the WDES."""

    summary: Markdown | None = Field(None, description="Markdown summary of the year's WDES figures, shown at the top of its WDES report and PDF.")
    narrative: Narrative | None = Field(None, description=(
        "The board paper's words for the WDES report, if it goes to the board as a paper of its own: meeting, purpose, "
        "recommendation, executive lead and author, foreword, key messages."))
    survey_declaration: SurveyDeclaration | None = Field(None, description="Disability as declared in the Staff Survey, for the declaration gap.")
    metric_1: Metric1 | None = Field(None, description="Metric 1: workforce by pay cluster and staff group.")
    metric_2: Metric2 | None = Field(None, description="Metric 2: appointment from shortlisting.")
    metric_3: Metric3 | None = Field(None, description="Metric 3: entry into the formal capability process (two-year rolling).")
    metric_4a_i: SurveyMetric | None = Field(None, description="Metric 4a(i): harassment, bullying or abuse from patients, service users, relatives or the public.")
    metric_4a_ii: SurveyMetric | None = Field(None, description="Metric 4a(ii): harassment, bullying or abuse from managers.")
    metric_4a_iii: SurveyMetric | None = Field(None, description="Metric 4a(iii): harassment, bullying or abuse from other colleagues.")
    metric_4b: SurveyMetric | None = Field(None, description="Metric 4b: the last incident of harassment, bullying or abuse was reported.")
    metric_5: SurveyMetric | None = Field(None, description="Metric 5: belief in equal opportunities for career progression or promotion.")
    metric_6: SurveyMetric | None = Field(None, description="Metric 6: pressure from a manager to come to work when not well enough.")
    metric_7: SurveyMetric | None = Field(None, description="Metric 7: satisfaction with the extent the organisation values their work.")
    metric_8: SurveyMetric | None = Field(None, description="Metric 8: the employer has made adequate reasonable adjustments (Disabled staff only).")
    metric_9a: ScoreMetric | None = Field(None, description="Metric 9a: the staff engagement score (0 to 10).")
    metric_9b: Markdown | None = Field(None, min_length=1, description=(
        "Metric 9b: how the organisation facilitates the voices of Disabled staff, with examples, in Markdown."))
    metric_10: Metric10 | None = Field(None, description="Metric 10: board membership compared with the workforce.")
