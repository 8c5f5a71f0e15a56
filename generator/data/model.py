"""The data contract: what a trust writes in ``data/``, as typed pydantic models.

These models check the *shape* of each file (keys, types, ranges). Rules that
compare one figure with another (appointed <= shortlisted, counts *or*
published figures) live in :mod:`generator.checks`, so that every problem in a
file is reported at once, even when its shape is also wrong.

Every field carries a description: it becomes the JSON Schema that editors use
for completion, and a test fails when one is missing.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, StrictBool, StrictInt

from .addresses import EmailAddress, SiteAddress, WebAddress
from .base import Strict
from .blocks import (  # noqa: F401 - the contract is read from here: every block is part of it
    STAFF_GROUPS,
    BoardBenchmark,
    Count,
    Counts,
    GroupPercents,
    GroupResponses,
    GroupShares,
    Indicator1,
    Indicator1Published,
    Indicator2,
    Indicator3,
    Indicator4,
    Indicator9,
    Indicator9Published,
    LikelihoodFigures,
    Markdown,
    PartialCounts,
    RepresentationBenchmark,
    RLPublished,
    SeniorShares,
    Shares,
    SurveyIndicator,
    _commentary,
    _comparator,
    _Likelihood,
    _missing_reason,
    _national,
    _not_available,
    _series_break,
    _source,
)
from .indicators import INDICATORS, STANDARDS
from .narrative import Identity, Narrative
from .plans import ActionPlan
from .wdes import Wdes

# --- organisation.yaml -----------------------------------------------------


class Terminology(Strict):
    bme: str = Field("BME", min_length=1, description='Short label for the group the data calls "bme", e.g. "ethnically diverse" or "global majority".')
    bme_long: str = Field("Black and minority ethnic", min_length=1, description="The label written out in full, used the first time it appears on a page.")
    white: str = Field("White", min_length=1, description='Label for the group the data calls "white".')
    unknown: str = Field("Unknown", min_length=1, description="Label for staff whose ethnicity is not stated or not known.")


class DisabilityTerminology(Strict):
    disabled: str = Field("Disabled", min_length=1, description='Label for the group the WDES data calls "disabled"; the guidance writes "Disabled" with a capital D.')
    non_disabled: str = Field("non-disabled", min_length=1, description='Label for the group the WDES data calls "non_disabled".')
    unknown: str = Field("Unknown", min_length=1, description="Label for staff whose disability status is not declared or not known.")

    def as_terminology(self) -> Terminology:
        """The labels in the engine's shape: the WDES's focus group where the WRES has "bme"."""
        return Terminology(bme=self.disabled, bme_long=self.disabled, white=self.non_disabled, unknown=self.unknown)


class NoChange(Strict):
    relative_likelihood: float = Field(0.05, ge=0, description="A change in distance from equity |ln RL| up to this size counts as no change.")
    percentage_points: float = Field(1.0, ge=0, description="A change in a percentage up to this many percentage points counts as no change.")
    score: float = Field(0.1, ge=0, description="A change in an engagement score (0 to 10, WDES metric 9a) up to this size counts as no change.")


class Settings(Strict):
    suppression_threshold: StrictInt = Field(5, ge=0, description="Staff counts from 1 to this number minus 1 (and every figure derived from them) are never published. 0 turns suppression off.")
    round_headcounts: StrictBool = Field(False, description="Show indicator 1 headcounts rounded to the nearest 5 (shares stay computed on the exact counts). An extra, never a replacement: the figures withheld are chosen as if the exact headcounts were shown.")
    equity_band: tuple[float, float] = Field((0.80, 1.25), description="Relative likelihoods from the first to the second number are described as broadly proportionate (an analytic convention, the four-fifths rule).")
    no_change: NoChange = Field(default_factory=NoChange, description="Tolerances for the direction of travel against the previous year: a change no larger than these is never called improved or worsened.")
    significance_level: float = Field(0.05, gt=0, lt=0.5, description=(
        "Two-sided significance level of the tests behind the direction of travel (0.05: significant at 95%). "
        "A change is improved or worsened only when it is significant at this level and larger than the no_change tolerance."))
    implausible_change: float = Field(20.0, gt=0, description=(
        "A survey figure or published share that changes by more than this many percentage points from one year to the "
        "next is questioned by 'wres check' and the preview: a warning, never an error, as such a jump is more often a "
        "typing mistake than a real change. Not checked across a series_break."))
    reply_working_days: StrictInt = Field(10, ge=1, le=60, description=(
        "How many working days the trust takes to reply to a request for the report in another format or to a report "
        "of an accessibility problem, as the accessibility statement promises: set it to what the team that answers "
        "the contact address can keep to."))


class Site(Strict):
    name: str | None = Field(None, min_length=1, max_length=120, description='The site\'s name in every page title and the header; defaults to "<short name> WRES".')
    url: SiteAddress | None = Field(None, description="The address the site is published at, ending in /, e.g. https://wres.example.nhs.uk/ (used for the sitemap and canonical links).")
    description: str | None = Field(None, min_length=1, max_length=300, description="One sentence describing the site, for search engines.")


class Organisation(Strict):
    name: str = Field(..., min_length=1, description="Full name of the organisation, as it appears in headings.")
    short_name: str | None = Field(None, min_length=1, description="Shorter name used in running text; defaults to the full name.")
    website: WebAddress | None = Field(None, description="Address of the organisation's main website, starting https://.")
    contact_email: EmailAddress = Field(..., description="Where readers ask questions or request the report in another format.")
    comparator: str | None = Field(None, min_length=1, description="Name of the comparator group behind the comparator figures (comparator and comparator_average), e.g. 'Acute trusts in London'. Required when any year gives comparator figures.")
    terminology: Terminology = Field(default_factory=Terminology, description="Labels shown to readers; the data keys stay white / bme / unknown.")
    wdes_terminology: DisabilityTerminology = Field(default_factory=DisabilityTerminology, description=(
        "WDES labels shown to readers; the data keys stay disabled / non_disabled / unknown."))
    settings: Settings = Field(default_factory=Settings, description="Disclosure control and how figures are judged.")
    site: Site = Field(default_factory=Site, description="The website: its name, address and description (in a project's wres.yaml).")
    identity: Identity | None = Field(None, description="The trust's logo and accent colour on the site and the PDF; without it the site keeps its neutral look.")

    def terminology_for(self, standard: str) -> Terminology:
        """The labels of ``standard``'s groups, in the engine's shape."""
        return self.wdes_terminology.as_terminology() if standard == "wdes" else self.terminology

    @property
    def display_name(self) -> str:
        return self.short_name or self.name

    @property
    def site_name(self) -> str:
        return self.site.name or f"{self.display_name} WRES"


class Correction(Strict):
    date: dt.date = Field(..., description="When the correction was made, YYYY-MM-DD.")
    indicators: list[Annotated[StrictInt, Field(ge=1, le=9)]] = Field(..., min_length=1, description="The indicators whose published figures changed, e.g. [2, 3].")
    what: Markdown = Field(..., min_length=1, description="What changed, in words readers understand, e.g. 'The indicator 2 figure was 1.61; it is 1.58.'")
    why: Markdown = Field(..., min_length=1, description="Why it changed, e.g. 'Twelve appointments were recorded against the wrong year.'")




class Year(Strict):
    year: StrictInt = Field(..., ge=2015, le=2100, description="The WRES year: workforce snapshot of 31 March of this year. Must match the file name.")
    status: Literal["draft", "published"] = Field("published", description="draft: checked and previewed with 'wres serve --drafts', never on the built site. 'wres publish YEAR' sets published. A file without status counts as published.")
    label: str | None = Field(None, min_length=1, description='Display label, e.g. "2023/24"; defaults to the year.')
    survey_year: StrictInt | None = Field(None, ge=2010, le=2100, description="Year of the NHS Staff Survey behind indicators 5-8; defaults to the year before.")
    summary: Markdown | None = Field(None, description="Markdown summary of the year, shown at the top of its report.")
    narrative: Narrative | None = Field(None, description=(
        "The trust's own words about the year: foreword and signatory, staff network statement, key messages, "
        "conclusion and the date the board approved the report."))
    indicator_1: Indicator1 | None = Field(None, description="Indicator 1: workforce by band and staff group.")
    indicator_2: Indicator2 | None = Field(None, description="Indicator 2: appointment from shortlisting.")
    indicator_3: Indicator3 | None = Field(None, description="Indicator 3: entry into the formal disciplinary process.")
    indicator_4: Indicator4 | None = Field(None, description="Indicator 4: access to non-mandatory training and CPD.")
    indicator_5: SurveyIndicator | None = Field(None, description="Indicator 5: harassment, bullying or abuse from patients, relatives or the public.")
    indicator_6: SurveyIndicator | None = Field(None, description="Indicator 6: harassment, bullying or abuse from staff.")
    indicator_7: SurveyIndicator | None = Field(None, description="Indicator 7: belief in equal opportunities for career progression or promotion.")
    indicator_8: SurveyIndicator | None = Field(None, description="Indicator 8: discrimination from a manager, team leader or colleague.")
    indicator_9: Indicator9 | None = Field(None, description="Indicator 9: board membership compared with the workforce.")
    wdes: Wdes | None = Field(None, description=(
        "The year's Workforce Disability Equality Standard figures, for a trust that publishes the WDES on the same site."))
    corrections: list[Correction] = Field(default_factory=list, description="Corrections to figures after the year was published, oldest first: each is shown on the pages affected and in the corrections log.")

    @property
    def display_label(self) -> str:
        return self.label or str(self.year)

    @property
    def staff_survey_year(self) -> int:
        return self.survey_year if self.survey_year is not None else self.year - 1

    def indicator(self, number: int) -> Strict | str | None:
        spec = INDICATORS[number]
        holder = getattr(self, spec.section) if spec.section else self
        return getattr(holder, spec.key) if holder is not None else None

    def publishes(self, standard: str) -> bool:
        """Whether the year gives any figure of ``standard``."""
        return any(self.indicator(n) is not None for n in STANDARDS[standard].indicators)


class Dataset(Strict):
    """Everything in one data folder, validated: the input of the metrics engine."""

    organisation: Organisation
    years: tuple[Year, ...] = Field(..., description="Years in ascending order.")
    plans: tuple[ActionPlan, ...] = Field((), description="Action plans in ascending year order.")

    @property
    def latest(self) -> Year | None:
        return self.years[-1] if self.years else None
