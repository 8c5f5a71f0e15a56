"""The direction of travel in words: one wording for cards, indicator pages, year pages and tables.

Reads the ``direction``, ``movement`` and ``direction_note`` the metrics put on each headline
figure. Every comparison says which way the figure moved (closer to or further from 1.00,
better or worse, up or down, little changed) and the verdict: a statistically significant
change, "no significant change" with the two intervals (ratios) or the two bases
(percentages), "not tested" with why, a count of everyone that needs no test, or "Not
comparable" with the trust's reason.
"""

from __future__ import annotations

from typing import Protocol

from markupsafe import Markup

from .escape import text as escape_text
from .wording import DIRECTION_WORDS, capitalise, count, gap_words, missing, number, ratio, sentence_end, signed


class _Figure(Protocol):
    value: float | None
    ci_low: float | None
    ci_high: float | None
    measure: str
    decimals: int | None
    base: int | None
    direction: str
    movement: str
    direction_note: str


SIGNIFICANT = ("improved", "worsened")
COUNTED = ("up", "down", "no_change")  # indicators 1 and 9 (counts of everyone): the verdict is the movement
BASE_WORDS = {"bme": "respondents", "bme_share": "staff"}
# the raw movement, said whatever the verdict: for ratios in terms of equity (1.00), else better or worse
MOVED = {
    "ratio": {"improved": "closer to 1.00", "deteriorated": "further from 1.00", "no_change": "about as far from 1.00"},
    "other": {"improved": "better", "deteriorated": "worse", "no_change": "little changed",
              "up": "up", "down": "down"},
}


def _shown(fig: _Figure) -> str:
    return number(fig.measure, fig.value, fig.decimals)


def _arrow(previous: float, current: float) -> str:
    if round(current, 6) == round(previous, 6):
        return "▶"
    return "▲" if current > previous else "▼"


def _numbers(previous: _Figure, current: _Figure) -> str:
    """"from 1.89 to 2.45": in words, so no arrow is read out or printed beside a "to"."""
    if current.measure == "difference":  # the board: its sign in words, never a bare minus
        before, now = gap_words(previous.value), gap_words(current.value)
        _, unit, side = before.partition(" percentage points ")
        if unit and now.endswith(unit + side):  # the same side: "from 8.7 to 3.9 percentage points below the workforce"
            return f"from {abs(previous.value):.1f} to {now}"
        return f"from {before} to {now}"
    if current.measure == "gap":  # one unit after both numbers reads better
        return f"from {signed(f'{previous.value:.1f}')} to {signed(f'{current.value:.1f}')} percentage points"
    return f"from {_shown(previous)} to {_shown(current)}"


def moved_words(current: _Figure) -> str:
    """The movement in words ("closer to 1.00", "worse", "up"), or "" when there is none."""
    kind = "ratio" if current.measure == "relative_likelihood" else "other"
    return MOVED[kind].get(current.movement, "")


def _overlap(previous: _Figure, current: _Figure) -> str:
    """How the two intervals relate, for a change that is not significant."""
    if previous.ci_low <= current.value <= previous.ci_high and current.ci_low <= previous.value <= current.ci_high:
        return "the intervals overlap widely"
    if previous.ci_low <= current.ci_high and current.ci_low <= previous.ci_high:
        return "the intervals overlap"
    # the ratios differ, but their distances from 1.00 (what is judged) do not differ by more than chance
    return "the intervals do not overlap, but the distance from 1.00 changed by no more than chance would explain"


def _with_interval(fig: _Figure, label: str, first: bool) -> str:
    interval = f"{'95% CI ' if first else ''}{ratio(fig.ci_low)} to {ratio(fig.ci_high)}"
    return f"{_shown(fig)} ({interval}) in {label}"


def _with_base(fig: _Figure, label: str, first: bool) -> str:
    who = BASE_WORDS.get(fig.measure, "")
    if not fig.base or not who:
        return f"{_shown(fig)} in {label}"
    return f"{_shown(fig)} of {count(fig.base)}{' ' + who if first else ''} in {label}"


CHANCE = "a change this size could be chance"


def why_words(current: _Figure) -> str:
    """Why a change is not called (the reason a full direction of travel ends with), or "" for a called one."""
    if current.direction in ("no_significant_change", "not_tested") or (
            current.direction in COUNTED + SIGNIFICANT and current.direction_note):
        return current.direction_note or (CHANCE if current.direction == "no_significant_change" else "")
    return ""


def no_significant_change(previous: _Figure, current: _Figure, labels: tuple[str, str], why: bool = True) -> str:
    """E.g. "1.57 (95% CI 0.60 to 4.12) in 2022/23 and 1.33 (0.47 to 3.72) in 2023/24; the intervals overlap widely."."""
    chance = f"; {current.direction_note or CHANCE}" if why else ""
    if not missing(previous.ci_low) and not missing(current.ci_low):
        said = current.direction_note if why else ""
        return (f"{_with_interval(previous, labels[0], True)} and {_with_interval(current, labels[1], False)}; "
                f"{said or _overlap(previous, current)}.")
    if current.measure == "difference":
        return f"{_numbers(previous, current)} between {labels[0]} and {labels[1]}{chance}."
    return f"{_with_base(previous, labels[0], True)} and {_with_base(current, labels[1], False)}{chance}."


def travel_text(previous: _Figure | None, current: _Figure, labels: tuple[str, str], more: str = "",
                why: bool = True) -> str:
    """The direction of travel as plain sentences: the movement, the verdict, the figures and why.

    ``labels`` name the previous and the current year; ``more`` is a sentence to add (a ratio that crossed
    1.00, the board's members), in the pages' own words. ``why=False`` leaves out why a change is not
    called (:func:`why_words`), for a page that says each reason once (the year page, under its summary).
    """
    direction = current.direction
    if not direction:
        return ""
    word = DIRECTION_WORDS[direction]
    if direction == "not_comparable":
        return f"{word}: {sentence_end(current.direction_note)}"
    if previous is None or missing(previous.value) or missing(current.value):
        return word
    moved = moved_words(current)
    arrow = "▶" if current.movement in ("no_change", "") else _arrow(previous.value, current.value)
    tail = f" {more}" if more else ""
    if direction in SIGNIFICANT and not current.direction_note:
        what = f" ({moved})" if current.measure == "relative_likelihood" else ""
        return f"{arrow} {word}, {_numbers(previous, current)}{what}: a statistically significant change.{tail}"
    if more and current.measure == "difference":  # the board: its members first, then the difference they make
        members = more[:1].lower() + more[1:].rstrip(".")
        note = f" {sentence_end(current.direction_note)}" if why else ""
        return f"{arrow} {word}: {members}; the gap went {_numbers(previous, current)}.{note}"
    if direction in COUNTED or direction in SIGNIFICANT:  # a count of everyone: the movement is the verdict
        head = capitalise(moved) if direction == "no_change" or current.measure == "relative_likelihood" else word
        note = f": {current.direction_note}" if why else ""
        return f"{arrow} {head}, {_numbers(previous, current)}{note}.{tail}"
    if direction == "not_tested":
        note = f"; {current.direction_note}" if why else ""
        return f"{arrow} {capitalise(moved)}, not tested: {_numbers(previous, current)}{note}.{tail}"
    if current.movement in ("improved", "deteriorated"):
        return (f"{arrow} {capitalise(moved)}, but no significant change: "
                f"{no_significant_change(previous, current, labels, why)}{tail}")
    return f"{arrow} {word}: {no_significant_change(previous, current, labels, why)}{tail}"


def travel_html(previous: _Figure | None, current: _Figure, labels: tuple[str, str], more: str = "",
                why: bool = True) -> Markup:
    """The same as HTML: the arrow hidden from screen readers; the words carry the meaning."""
    text = travel_text(previous, current, labels, more, why)
    if not text:
        return Markup("")
    arrow, _, rest = text.partition(" ")
    if arrow not in ("▲", "▼", "▶"):
        arrow, rest = "", text
    icon = f'<span aria-hidden="true">{arrow}</span> ' if arrow else ""
    return Markup(f'<span class="wres-dot wres-dot--{current.direction}">{icon}{escape_text(rest)}</span>')


def short_words(direction: str) -> str:
    """For a table cell: the word alone ("No significant change")."""
    return DIRECTION_WORDS.get(direction, "")


def cell_words(fig: _Figure) -> str:
    """For a table cell: the verdict, after the movement when the figure moved ("Closer to 1.00; no significant change")."""
    said = short_words(fig.direction)
    if fig.direction in ("no_significant_change", "not_tested") and fig.movement in ("improved", "deteriorated"):
        return f"{capitalise(moved_words(fig))}; {said.lower()}"
    return said
