"""The action-plan contract: ``data/action_plans/<YYYY>.yaml``, as typed pydantic models.

Cross-field rules (duplicate ids, unknown themes, update order, targets that name
a figure the metrics table does not have) are in :mod:`generator.plan_checks`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import Field, StrictInt

from .base import Strict

IndicatorNumber = Literal[1, 2, 3, 4, 5, 6, 7, 8, 9]
Status = Literal["not_started", "in_progress", "complete", "delayed", "cancelled"]
STATUSES: tuple[str, ...] = ("not_started", "in_progress", "complete", "delayed", "cancelled")
CLOSED = ("complete", "cancelled")


def plan_name(year: int) -> str:
    """A plan's one name, on every page and in the PDF: "Action plan 2024/25" for the plan answering the WRES 2024
    findings (it runs from the autumn of 2024 into 2025)."""
    return f"Action plan {year}/{(year + 1) % 100:02d}"


class Period(Strict):
    start: dt.date = Field(..., description="First day the plan covers, YYYY-MM-DD.")
    end: dt.date = Field(..., description="Last day the plan covers, YYYY-MM-DD.")


class Theme(Strict):
    id: str = Field(..., min_length=1, description="Short identifier that actions use in their theme key.")
    title: str = Field(..., min_length=1, description="The theme's heading on the site.")


class Update(Strict):
    date: dt.date = Field(..., description="When this progress was reported, YYYY-MM-DD.")
    text: str = Field(..., min_length=1, description="What happened, in Markdown (inline).")


class Action(Strict):
    id: str = Field(..., min_length=1, description='Unique within the plan, e.g. "1.1". The same id in the next plan is the same action carried over.')
    theme: str | None = Field(None, description="The id of one of the plan's themes.")
    objective: str | None = Field(None, min_length=1, description="What the action is for, in Markdown (inline).")
    action: str = Field(..., min_length=1, description="What will be done, in Markdown (inline).")
    indicators: list[IndicatorNumber] = Field(default_factory=list, description="The WRES indicators (1 to 9) the action addresses.")
    owner: str | list[str] | None = Field(None, description="Who is responsible: one name or role, or a list.")
    due: dt.date | str | None = Field(None, description='A date (YYYY-MM-DD), or text such as "Ongoing" or "Quarterly".')
    status: Status = Field(..., description="not_started, in_progress, complete, delayed or cancelled.")
    success_measure: str | None = Field(None, min_length=1, description="How success will be judged, in Markdown (inline).")
    updates: list[Update] = Field(default_factory=list, description="Progress updates, oldest first.")

    @property
    def owners(self) -> list[str]:
        """The owners named; an empty one ("") is left out, so the site says what it says of none."""
        if self.owner is None:
            return []
        named = [self.owner] if isinstance(self.owner, str) else list(self.owner)
        return [owner for owner in named if owner.strip()]

    @property
    def due_date(self) -> dt.date | None:
        return self.due if isinstance(self.due, dt.date) else None


class Target(Strict):
    indicator: IndicatorNumber = Field(..., description="The WRES indicator, 1 to 9.")
    measure: str = Field(..., min_length=1, description="A measure of the metrics table, e.g. bme_share or relative_likelihood.")
    breakdown: str | None = Field(None, description="For indicators 1 and 9: overall (default), a staff group or group/band; voting or executive.")
    value: float = Field(..., description="The figure to reach, in the measure's units (percent or ratio).")
    by: StrictInt = Field(..., ge=2015, le=2100, description="The WRES year by which to reach it.")


class ActionPlan(Strict):
    year: StrictInt = Field(..., ge=2015, le=2100, description="The WRES year whose findings the plan answers. Must match the file name.")
    title: str | None = Field(None, min_length=1, description=(
        "A subtitle for the plan in your words, e.g. 'Closing the gap in senior roles', shown under its name. The plan's "
        "name is always 'Action plan <year>/<next year>' (the year it runs from, e.g. 'Action plan 2024/25' for the plan "
        "answering the WRES 2024 findings), so that it is called one thing on every page and in the PDF."))
    period: Period | None = Field(None, description="The dates the plan covers.")
    as_of: dt.date = Field(..., description="The date statuses were last reviewed. Overdue is judged against this date, never the build date.")
    themes: list[Theme] = Field(default_factory=list, description="Themes in display order; optional.")
    actions: list[Action] = Field(default_factory=list, description="The actions.")
    targets: list[Target] = Field(default_factory=list, description="Commitments with a number and a date.")

    @property
    def display_title(self) -> str:
        """The plan's one name, on every page and in the PDF: "Action plan 2024/25" (the WRES 2024 findings' plan)."""
        return plan_name(self.year)

    @property
    def subtitle(self) -> str | None:
        """The trust's own title, shown under the name unless it only repeats it in another spelling."""
        if self.title is None:
            return None
        plain = re.sub(r"[^a-z0-9]", "", self.title.lower()).removeprefix("wres")
        same = {re.sub(r"[^a-z0-9]", "", name.lower()) for name in (
            self.display_title, f"action plan {self.year}", f"action plan {self.year}-{(self.year + 1) % 100:02d}")}
        return None if plain in same else self.title
