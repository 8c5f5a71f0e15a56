"""The home page's summary strip: how many indicators improved, worsened, showed no significant change
or could not be tested, read from each headline figure's ``direction`` (the metrics' verdict), never typed."""

from __future__ import annotations

from dataclasses import dataclass

from ..data import INDICATORS
from .figures import FigureTable

# (key, words after the count, the verdicts it holds): "" is a headline with no verdict (no figure, no earlier year)
GROUPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("improved", "improved", ("improved",)),
    ("worsened", "worsened", ("worsened",)),
    ("no-change", "no significant change", ("no_significant_change", "no_change")),
    # indicator 1 is neutral: a share that went up or down is neither better nor worse
    ("moved", "up or down (neither is better)", ("up", "down")),
    ("untested", "could not be tested", ("not_tested", "not_comparable", "")),
)
ALWAYS = ("improved", "worsened", "no-change", "untested")  # shown even at 0, so "0 worsened" is said


@dataclass(frozen=True)
class Group:
    key: str
    words: str
    numbers: tuple[int, ...]  # the indicators in it, in order

    @property
    def count(self) -> int:
        return len(self.numbers)


def groups(table: FigureTable, latest: int) -> list[Group]:
    """Every indicator's headline (the one its home card shows) in exactly one group."""
    verdicts = {n: table.headline(n, table.lead_year(n) or latest).direction for n in table.standard.indicators if table.standard.indicators[n].kind != "narrative"}
    found = [Group(key, words, tuple(n for n, v in verdicts.items() if v in holds)) for key, words, holds in GROUPS]
    assert sum(g.count for g in found) == len(verdicts), verdicts  # a new verdict must be given a group
    return [g for g in found if g.count or g.key in ALWAYS]
