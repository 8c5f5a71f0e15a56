"""Action plans on the site: actions as accessible HTML, targets in words, links between plans and indicators.

An editor's text (action, objective, success measure, updates) reaches the page only
through :func:`prose.safe_markdown`, inside raw HTML blocks that Markdown does not
process again, so no script, event attribute or ``javascript:`` link gets through.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass

from markupsafe import Markup, escape

from ..data import INDICATORS, STAFF_GROUP_TITLES, Action, ActionPlan, Target
from ..metrics import plans as logic
from .escape import text as escape_text
from .figures import FigureTable
from .prose import safe_markdown
from .wording import long_date, number, sentence_end


def url_root(md_path: str) -> str:
    """The way from a generated page back to the site root, with directory URLs."""
    parts = md_path.removesuffix(".md").split("/")
    depth = len(parts) - 1 if parts[-1] == "index" else len(parts)
    return "../" * depth


def anchor(action: Action) -> str:
    return "action-" + re.sub(r"[^a-z0-9]+", "-", action.id.lower()).strip("-")


def plain_heading(text: str) -> Markup:
    """An editor's text as a Markdown heading that Markdown cannot turn into markup: its words, no markup."""
    plain = re.sub(r"<[^>]+>", "", str(safe_markdown(text)))
    return escape_text(html.unescape(plain).strip())


def inline(text: str | None) -> Markup:
    """Inline Markdown without the wrapping paragraph."""
    rendered = str(safe_markdown(text))
    if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        rendered = rendered[3:-4]
    return Markup(rendered)


def plan_page(plans: tuple[ActionPlan, ...], plan: ActionPlan) -> str:
    """Where a plan's page lives: the latest at action-plan/, earlier ones at action-plan/<year>/."""
    return "action-plan/index.md" if plan is plans[-1] else f"action-plan/{plan.year}.md"


def action_html(action: Action, plan: ActionPlan, plans: tuple[ActionPlan, ...], root: str, *, show_outcome: bool) -> Markup:
    """One action's details as a single HTML block."""
    overdue = logic.is_overdue(action, plan.as_of)
    badge = f'<span class="wres-badge wres-badge--{action.status}">{logic.STATUS_WORDS[action.status]}</span>'
    if overdue:
        badge += f' <span class="wres-badge wres-badge--overdue">Overdue at {long_date(plan.as_of)}</span>'
    rows: list[tuple[str, str]] = [("Status", badge)]
    if action.objective:
        rows.append(("Objective", f'<span class="wres-editor">{inline(action.objective)}</span>'))
    if action.owners:
        rows.append(("Owner", '<span class="wres-editor">' + ", ".join(str(escape(o)) for o in action.owners) + "</span>"))
    if action.due is not None:
        due = (long_date(action.due) if isinstance(action.due, dt.date)
               else f"{escape(action.due)} (a timescale, not a date: not judged for being overdue)")
        rows.append(("Due", due))
    if action.indicators:
        links = ", ".join(f'<a href="{root}indicators/indicator-{n}/">Indicator {n}: {escape(INDICATORS[n].short_title)}</a>'
                          for n in sorted(set(action.indicators)))
        rows.append(("Indicators", links))
    if action.success_measure:
        rows.append(("Success measure", f'<span class="wres-editor">{inline(action.success_measure)}</span>'))
    before = logic.previous_plan(plans, plan)
    if before is not None and action.id in {a.id for a in before.actions}:
        rows.append(("History", f'Carried over from <a href="{root}{_plan_url(plans, before)}">{before.display_title}</a>'))
    if show_outcome:
        outcome = next(o for o in logic.outcomes(plans, plan) if o.action is action)
        rows.append(("Outcome", str(escape(outcome.words))))
    items = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in rows)
    updates = ""
    if action.updates:
        entries = "".join(f'<li><strong>{long_date(u.date)}:</strong> <span class="wres-editor">{inline(u.text)}</span></li>'
                          for u in action.updates)
        updates = f'<p class="wres-action__updates-title">Progress updates, oldest first</p><ul class="wres-action__updates">{entries}</ul>'
    # the heading carries the action's words; repeat them only where they hold a link the heading cannot
    body = str(safe_markdown(action.action)).replace("\n", " ") if "<a " in str(safe_markdown(action.action)) else ""
    # "wres-editor" marks the editors' own words (tests check the site's wording apart from them)
    body = f'<div class="wres-editor">{body}</div>' if body else ""
    return Markup(f'<div class="wres-action" id="{anchor(action)}-details">{body}<dl class="wres-action__fields">{items}</dl>{updates}</div>')


def _plan_url(plans: tuple[ActionPlan, ...], plan: ActionPlan) -> str:
    return "action-plan/" if plan is plans[-1] else f"action-plan/{plan.year}/"


def grouped(plan: ActionPlan, actions: list[Action] | None = None) -> list[tuple[str, list[Action]]]:
    """Actions by theme, in the plan's theme order; actions without a theme come last."""
    actions = list(plan.actions) if actions is None else actions
    groups = [(t.title, [a for a in actions if a.theme == t.id]) for t in plan.themes]
    rest = [a for a in actions if a.theme is None or a.theme not in {t.id for t in plan.themes}]
    if rest:
        groups.append(("Other actions" if plan.themes else "Actions", rest))
    return [(title, items) for title, items in groups if items]


def summary_sentence(plan: ActionPlan) -> str:
    counts = logic.status_counts(plan)
    parts = [f"{counts[s]} {logic.STATUS_WORDS[s].lower()}" for s in ("complete", "in_progress", "delayed", "not_started", "cancelled") if counts[s]]
    total = len(plan.actions)
    text = f"{total} {'action' if total == 1 else 'actions'}: " + ", ".join(parts) + "."
    overdue = counts["overdue"]
    text += f" {overdue} {'is' if overdue == 1 else 'are'} overdue at {long_date(plan.as_of)}, when statuses were last reviewed." if overdue else f" None is overdue at {long_date(plan.as_of)}, when statuses were last reviewed."
    return text


def actions_for(plan: ActionPlan, indicator: int) -> list[Action]:
    return [a for a in plan.actions if indicator in a.indicators]


def numbering_note(plans: tuple[ActionPlan, ...], plan: ActionPlan) -> str:
    """Why the plan's action numbers skip, if they do: "1.3 ..." missing between 1.2 and 1.4 is read as a lost action.

    Actions keep their number from one plan to the next (the same id is the same action carried over), so a
    number missing here is usually an action of an earlier plan that ended there; the note names it and its plan.
    Only numbers written "theme.action" (1.1, 1.2 ...) are checked; other ids have no order to skip.
    """
    numbered = [tuple(int(part) for part in a.id.split(".")) for a in plan.actions if re.fullmatch(r"\d+\.\d+", a.id)]
    missing = [f"{major}.{minor}" for major in sorted({m for m, _ in numbered})
               for minor in range(1, max(n for m, n in numbered if m == major))
               if (major, minor) not in numbered]
    if not missing:
        return ""
    where = []
    for action_id in missing:
        before = next((p for p in reversed(plans) if p.year < plan.year and action_id in {a.id for a in p.actions}), None)
        if before is None:
            where.append(f"{action_id} (not used)")
        else:
            status = next(a.status for a in before.actions if a.id == action_id)
            where.append(f"{action_id} ({before.display_title}, {logic.STATUS_WORDS[status].lower()} there)")
    listed = ", ".join(where[:-1]) + (" and " if len(where) > 1 else "") + where[-1]
    return (f"Actions keep their number from one plan to the next, so the numbers missing here belong to actions "
            f"that ended in an earlier plan: {listed}.")


def target_views(plan: ActionPlan, table: FigureTable) -> list[TargetView]:
    """The plan's targets judged, in indicator order (the order every page lists the indicators in)."""
    return [target_view(t, table, plan.year) for t in sorted(plan.targets, key=lambda t: t.indicator)]


# --- targets --------------------------------------------------------------------


def describe_target(target: Target, table: FigureTable) -> str:
    L = table.labels
    breakdown = logic.target_breakdown(target)
    m = target.measure
    kind = INDICATORS[target.indicator].kind
    if kind == "representation":
        where = "the workforce" if breakdown == "overall" else (
            STAFF_GROUP_TITLES.get(breakdown, breakdown.replace("/", ", ").replace("_", " ")).lower())
        names = {"bme_share": f"{L.bme} share of {where}", "white_share": f"{L.white} share of {where}",
                 "unknown_share": f"{L.unknown} share of {where}", "declaration_rate": "declaration rate", "headcount": f"headcount of {where}"}
        return names[m]
    if m == "relative_likelihood":
        return f"relative likelihood (indicator {target.indicator}, {INDICATORS[target.indicator].short_title.lower()})"
    if kind == "survey":
        group = {"bme": L.bme, "white": L.white}.get(m)
        what = INDICATORS[target.indicator].short_title.lower()
        return f"{group} staff reporting {what}" if group else f"{m.replace('_', ' ')} ({what})"
    if m == "board_bme_share":
        return f"{L.bme} share of {breakdown} board members"
    if m == "difference":
        return f"difference between {breakdown} board and workforce {L.bme} shares"
    return m.replace("_", " ")


@dataclass(frozen=True)
class TargetView:
    target: Target
    description: str
    value_text: str
    status: logic.TargetStatus
    latest_text: str
    baseline_text: str = ""
    expected_text: str = ""
    by_text: str = ""  # the target's year as the site labels years ("2025/26")

    @property
    def sentence(self) -> str:
        t, status = self.target, self.status
        head = f"Indicator {t.indicator}: {self.description}, {self.value_text} by {self.by_text or t.by}."
        if status.status == "no_figure":
            return f"{head} No figure yet to judge it by."
        if status.status == "not_comparable":
            return (f"{head} Not judged: its starting point, {self.baseline_text}, is on the old series and the latest "
                    f"figure, {self.latest_text}, on the new one, so they measure different things. "
                    f"{sentence_end(status.series_break)}")
        if status.status == "not_judged":
            return f"{head} Latest figure {self.latest_text}."
        if status.status == "not_enough_data":
            return f"{head} The only figure so far is the starting point, {self.latest_text}: not enough data yet to judge progress."
        if status.status in ("met", "missed"):
            verb = "reaches" if status.status == "met" else "does not reach"
            return f"{head} The figure for the target's year or later, {self.latest_text}, {verb} the target."
        if meets_already(status):
            return f"{head} The latest figure, {self.latest_text}, already reaches the target."
        line = (f"the straight line from {self.baseline_text} to the target expects {self.expected_text} by now"
                if status.expected is not None else "the target is not reached")
        verb = "is at or beyond" if status.status == "on_track" else "falls short of"
        return f"{head} The latest figure, {self.latest_text}, {verb} where {line}." if status.expected is not None \
            else f"{head} The latest figure, {self.latest_text}: {line}."


def meets_already(status: logic.TargetStatus) -> bool:
    return status.latest_value is not None and bool(logic.meets(status.target, status.latest_value))


def target_view(target: Target, table: FigureTable, plan_year: int) -> TargetView:
    """A target judged on its trajectory: the baseline is the figure of the plan's own year (or the latest before it)."""
    breakdown = logic.target_breakdown(target)
    figures = [(y.year, table.value(y.year, target.indicator, target.measure, breakdown)) for y in table.years]
    figures = [(year, value) for year, value in figures if value is not None]
    latest = figures[-1] if figures else None
    before = [(year, value) for year, value in figures if year <= plan_year]
    baseline = before[-1] if before else None
    breaks = {y.year: reason for y in table.years if (reason := getattr(y.indicator(target.indicator), "series_break", None))}
    status = logic.target_status(target, latest, baseline, breaks)

    def shown(point: tuple[int, float] | None) -> str:
        return f"{number(target.measure, point[1])} in {table.year_label(point[0])}" if point else ""
    expected = number(target.measure, status.expected) if status.expected is not None else ""
    return TargetView(target, describe_target(target, table), number(target.measure, target.value), status,
                      shown(latest), shown(baseline), expected, axis_label(table, target.by))


def axis_label(table: FigureTable, year: int) -> str:
    """The x-axis label for a year, also one beyond the data (a target year), in the data's own style."""
    known = {y.year: y.display_label for y in table.years}
    if year in known:
        return known[year]
    if table.years and all(re.fullmatch(rf"{y.year - 1}/{y.year % 100:02d}", y.display_label) for y in table.years):
        return f"{year - 1}/{year % 100:02d}"
    return str(year)


def chart_targets(plan: ActionPlan | None, table: FigureTable, indicator: int) -> list[tuple[str, float, str]]:
    """The latest plan's targets that belong on an indicator's trend chart."""
    if plan is None:
        return []
    plotted = {1: {("bme_share", "overall")}, 9: {("board_bme_share", "voting"), ("board_bme_share", "executive"),
                                                  ("workforce_bme_share", "overall")}}
    default = {("relative_likelihood", "")} if INDICATORS[indicator].kind == "likelihood" else {("bme", ""), ("white", "")}
    allowed = plotted.get(indicator, default)
    out = []
    for target in plan.targets:
        if target.indicator == indicator and (target.measure, logic.target_breakdown(target)) in allowed:
            status = target_view(target, table, plan.year).status.word.lower()
            label = f"Target {number(target.measure, target.value)} by {axis_label(table, target.by)} ({status})"
            out.append((axis_label(table, target.by), target.value, label))
    return out
