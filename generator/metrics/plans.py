"""What the site says about action plans: overdue at ``as_of``, carry-over between plans, target status.

Pure functions of the validated plans and the metrics table; nothing depends on the build date.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..data import CLOSED, INDICATORS, STATUSES, Action, ActionPlan, Target
from ..data.plans import plan_name

STATUS_WORDS = {
    "not_started": "Not started",
    "in_progress": "In progress",
    "complete": "Complete",
    "delayed": "Delayed",
    "cancelled": "Cancelled",
}


def is_overdue(action: Action, as_of) -> bool:  # noqa: ANN001 - a date
    """Past its due date at the review date and neither complete nor cancelled. Free-text dues are never overdue."""
    due = action.due_date
    return due is not None and due < as_of and action.status not in CLOSED


def status_counts(plan: ActionPlan) -> dict[str, int]:
    counts = {status: 0 for status in STATUSES}
    for action in plan.actions:
        counts[action.status] += 1
    counts["overdue"] = sum(1 for a in plan.actions if is_overdue(a, plan.as_of))
    return counts


def next_plan(plans: tuple[ActionPlan, ...], plan: ActionPlan) -> ActionPlan | None:
    later = [p for p in plans if p.year > plan.year]
    return later[0] if later else None


def previous_plan(plans: tuple[ActionPlan, ...], plan: ActionPlan) -> ActionPlan | None:
    earlier = [p for p in plans if p.year < plan.year]
    return earlier[-1] if earlier else None


@dataclass(frozen=True)
class Outcome:
    """How one action of a plan ended, as its next plan tells."""

    action: Action
    carried_into: int | None  # the year of the next plan that has the same id
    later_status: str | None

    @property
    def words(self) -> str:
        ended = STATUS_WORDS[self.action.status]
        # short clauses, as a field of the action's details: a plan page lists many, and says what they mean once
        if self.carried_into is None:
            return f"{ended}; not carried over."
        return f"{ended} at review; carried into {plan_name(self.carried_into)}; now {STATUS_WORDS[self.later_status].lower()}."


def outcomes(plans: tuple[ActionPlan, ...], plan: ActionPlan) -> list[Outcome]:
    following = next_plan(plans, plan)
    later = {a.id: a for a in following.actions} if following else {}
    return [Outcome(a, following.year if a.id in later else None, later[a.id].status if a.id in later else None)
            for a in plan.actions]


def carried_from(plans: tuple[ActionPlan, ...], plan: ActionPlan) -> set[str]:
    """Ids of ``plan``'s actions that were already in the plan before it."""
    before = previous_plan(plans, plan)
    return {a.id for a in plan.actions} & {a.id for a in before.actions} if before else set()


# --- targets ------------------------------------------------------------------

def target_breakdown(target: Target) -> str:
    """The breakdown a target names, or its indicator's headline row's when it names none."""
    if target.breakdown is not None:
        return target.breakdown
    spec = INDICATORS[target.indicator]
    if spec.kind == "representation":
        return "overall"
    if spec.kind == "board":
        return "overall" if target.measure == "workforce_bme_share" else spec.headline_breakdown
    return ""


def meets(target: Target, value: float) -> bool | None:
    """Whether ``value`` reaches the target; None where the measure has no better direction."""
    if target.measure == "relative_likelihood":
        if value <= 0 or target.value <= 0:
            return None
        return abs(math.log(value)) <= abs(math.log(target.value)) + 1e-12
    spec = INDICATORS[target.indicator]
    if target.measure in spec.higher_better_measures:
        return value >= target.value
    if target.measure in spec.lower_better_measures:
        return value <= target.value
    return None


@dataclass(frozen=True)
class TargetStatus:
    target: Target
    latest_year: int | None
    latest_value: float | None
    status: str  # on_track | not_on_track | met | missed | not_enough_data | no_figure | not_judged | not_comparable
    baseline_year: int | None = None
    baseline_value: float | None = None
    expected: float | None = None  # where the straight line from the baseline to the target is at the latest year
    series_break: str = ""  # not_comparable: the trust's reason for the break between the baseline and the latest figure

    @property
    def word(self) -> str:
        return STATUS_OF_TARGET[self.status]


STATUS_OF_TARGET = {"on_track": "On track", "not_on_track": "Not on track", "met": "Met", "missed": "Missed",
                    "not_enough_data": "Not enough data yet", "no_figure": "No figure yet", "not_judged": "Not judged",
                    "not_comparable": "Not judged: series break"}


def expected_on_line(target: Target, baseline: tuple[int, float], year: int) -> float | None:
    """The figure the straight line from the baseline to the target reaches in ``year``.

    Relative likelihoods are interpolated on the log scale, where a ratio and its
    inverse are equally far from 1 (the same scale distance from equity is judged on).
    """
    start_year, start = baseline
    if target.by <= start_year:
        return target.value
    share = min(1.0, (year - start_year) / (target.by - start_year))
    if target.measure == "relative_likelihood":
        if start <= 0 or target.value <= 0:
            return None
        return math.exp(math.log(start) + share * (math.log(target.value) - math.log(start)))
    return start + share * (target.value - start)


def target_status(target: Target, latest: tuple[int, float] | None,
                  baseline: tuple[int, float] | None = None, breaks: dict[int, str] | None = None) -> TargetStatus:
    """On track: already meeting the target, or at or beyond the straight line from the baseline to it.

    The baseline is the figure of the plan's own year (the findings the plan answers).
    With only that one point there is nothing to judge a trajectory by. From the
    target's year on, the target is met or missed. ``breaks`` maps the first year of each
    new series of the indicator to the trust's reason: a target set on the old series
    (its baseline) is not judged against a figure of the new one.
    """
    if latest is None:
        return TargetStatus(target, None, None, "no_figure")
    year, value = latest
    reached = meets(target, value)
    base = baseline or (None, None)
    crossed = [reason for start, reason in sorted((breaks or {}).items())
               if baseline is not None and baseline[0] < start <= year]
    if crossed:
        return TargetStatus(target, year, value, "not_comparable", *base, series_break=crossed[-1])
    if reached is None:
        return TargetStatus(target, year, value, "not_judged", *base)
    if year >= target.by:
        return TargetStatus(target, year, value, "met" if reached else "missed", *base)
    if reached:
        return TargetStatus(target, year, value, "on_track", *base)
    if baseline is None or year <= baseline[0]:
        return TargetStatus(target, year, value, "not_enough_data", *base)
    expected = expected_on_line(target, baseline, year)
    on_line = expected is not None and meets(target.model_copy(update={"value": expected}), value)
    return TargetStatus(target, year, value, "on_track" if on_line else "not_on_track", *base, expected)
