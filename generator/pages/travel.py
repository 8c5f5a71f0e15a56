"""The direction of travel in words: one wording for cards, indicator pages, year pages and tables.

Reads the ``direction``, ``z`` and ``direction_note`` the metrics put on each headline
figure; says "No significant change" with the two intervals (ratios) or the two bases
(percentages), "Not tested" with why, and "Not comparable" with the trust's reason.
"""

from __future__ import annotations

from typing import Protocol

from markupsafe import Markup

from .escape import text as escape_text
from .wording import DIRECTION_WORDS, count, missing, number, ratio, sentence_end, signed


class _Figure(Protocol):
    value: float | None
    ci_low: float | None
    ci_high: float | None
    measure: str
    decimals: int | None
    base: int | None
    direction: str
    direction_note: str


ARROWED = ("improved", "worsened", "up", "down")
BASE_WORDS = {"bme": "respondents", "bme_share": "staff"}


def _shown(fig: _Figure) -> str:
    return number(fig.measure, fig.value, fig.decimals)


def _arrow(previous: float, current: float) -> str:
    if round(current, 6) == round(previous, 6):
        return "▶"
    return "▲" if current > previous else "▼"


def _numbers(previous: _Figure, current: _Figure) -> str:
    if current.measure in ("gap", "difference"):  # one unit after both numbers reads better
        return f"{signed(f'{previous.value:.1f}')} → {signed(f'{current.value:.1f}')} percentage points"
    return f"{_shown(previous)} → {_shown(current)}"


def _overlap(previous: _Figure, current: _Figure) -> str:
    """How the two intervals relate, for a change that is not significant."""
    if previous.ci_low <= current.value <= previous.ci_high and current.ci_low <= previous.value <= current.ci_high:
        return "the intervals overlap widely"
    if previous.ci_low <= current.ci_high and current.ci_low <= previous.ci_high:
        return "the intervals overlap"
    return "the intervals do not overlap, but the change is no larger than the tolerance for no change"


def _with_interval(fig: _Figure, label: str, first: bool) -> str:
    interval = f"{'95% CI ' if first else ''}{ratio(fig.ci_low)} to {ratio(fig.ci_high)}"
    return f"{_shown(fig)} ({interval}) in {label}"


def _with_base(fig: _Figure, label: str, first: bool) -> str:
    who = BASE_WORDS.get(fig.measure, "")
    if not fig.base or not who:
        return f"{_shown(fig)} in {label}"
    return f"{_shown(fig)} of {count(fig.base)}{' ' + who if first else ''} in {label}"


def no_significant_change(previous: _Figure, current: _Figure, labels: tuple[str, str]) -> str:
    """E.g. "1.57 (95% CI 0.60 to 4.12) in 2022/23 and 1.33 (0.47 to 3.72) in 2023/24; the intervals overlap widely."."""
    chance = current.direction_note or "a change this size could be chance"
    if not missing(previous.ci_low) and not missing(current.ci_low):
        return (f"{_with_interval(previous, labels[0], True)} and {_with_interval(current, labels[1], False)}; "
                f"{current.direction_note or _overlap(previous, current)}.")
    if current.measure == "difference":
        return f"{_numbers(previous, current)} from {labels[0]} to {labels[1]}; {chance}."
    return f"{_with_base(previous, labels[0], True)} and {_with_base(current, labels[1], False)}; {chance}."


def travel_text(previous: _Figure | None, current: _Figure, labels: tuple[str, str]) -> str:
    """The direction of travel as one plain sentence; ``labels`` name the previous and the current year."""
    direction = current.direction
    if not direction:
        return ""
    word = DIRECTION_WORDS[direction]
    if direction == "not_comparable":
        return f"{word}: {sentence_end(current.direction_note)}"
    if previous is None or missing(previous.value) or missing(current.value):
        return word
    if direction in ARROWED:
        return f"{_arrow(previous.value, current.value)} {word}, {_numbers(previous, current)}"
    if direction == "not_tested":
        return f"{word}, {_numbers(previous, current)}: {current.direction_note}."
    return f"▶ {word}: {no_significant_change(previous, current, labels)}"


def travel_html(previous: _Figure | None, current: _Figure, labels: tuple[str, str]) -> Markup:
    """The same as HTML: the arrow hidden from screen readers, which hear "to" for "→"; the word carries the meaning."""
    text = travel_text(previous, current, labels)
    if not text:
        return Markup("")
    arrow, _, rest = text.partition(" ")
    if arrow not in ("▲", "▼", "▶"):
        arrow, rest = "", text
    rest = str(escape_text(rest)).replace("→", '<span aria-hidden="true">→</span><span class="wres-sr-only">to</span>')
    icon = f'<span aria-hidden="true">{arrow}</span> ' if arrow else ""
    return Markup(f'<span class="wres-dot wres-dot--{current.direction}">{icon}{rest}</span>')


def short_words(direction: str) -> str:
    """For a table cell: the word alone ("No significant change")."""
    return DIRECTION_WORDS.get(direction, "")
