"""Disclosure control for indicator 1: which counts are withheld, and which others must go with them.

Indicator 1 is a table of cells (a band's White, BME and unknown counts) whose
row totals (band headcounts) and column totals (the staff group's counts) are
published; a share shown beside its headcount *is* the count. So a withheld
cell is only withheld if nothing else shown lets a reader work it out.

* **Primary** suppression: a count from 1 to threshold - 1 (:func:`is_small`),
  and the headcount of a band that small.
* **Secondary** suppression: the fewest other cells that stop a reader working
  a primary cell out, exactly or to within the threshold. For a primary cell in
  a band whose headcount is shown, another cell of the same band (the unknown
  share first, so the BME share stays) and the same two cells of partner bands
  are withheld, so the value can move round a rectangle of withheld cells.
  A band whose headcount is withheld hides all its cells; such bands are
  withheld in company (two or more), until every group column they hide sums
  to 0 or at least the threshold.

The protection criterion (checked by a linear program in
``tests/test_disclosure_audit.py``): for every primary cell, the range a
reader can deduce from everything shown, ``[min, max]``, is at least the
threshold wide. Within one table each secondary cell is chosen so that an
explicit move round the withheld cells already gives that width (a lower
bound on the true range); across the tables (a group's own count withheld,
and its bands) the rule in :func:`_keep_linked_sums_open` is a heuristic that
the audit checks. Greedy, not an exact minimum, and deterministic: partners
are the cheapest to withhold (``COST``), then the biggest bands, then the
first in display order.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .formulas import is_small

CATEGORIES = ("white", "bme", "unknown")
# the cell withheld alongside a primary one: unknown first (it carries the least), then White, so BME stays
COMPLEMENT_ORDER = ("unknown", "white", "bme")
PRIMARY, SECONDARY = "primary", "secondary"
# what withholding a cell costs the reader: the BME share is what indicator 1 is for
COST = {"unknown": 1, "white": 2, "bme": 4}
WHOLE_BAND = 8

Table = Mapping[str, Mapping[str, int]]  # row label -> category -> count


@dataclass
class Pattern:
    """What is withheld in one table: cells ``(row, category)`` and row headcounts, each primary or secondary."""

    cells: dict[tuple[str, str], str] = field(default_factory=dict)
    headcounts: dict[str, str] = field(default_factory=dict)

    def cell(self, row: str, category: str) -> str | None:
        return self.cells.get((row, category))

    def any_cell(self, row: str) -> bool:
        return any((row, c) in self.cells for c in CATEGORIES)

    def hide(self, row: str, category: str) -> None:
        self.cells.setdefault((row, category), SECONDARY)


def protect(table: Table, threshold: int, *, column_totals: bool = True, linked: frozenset[str] = frozenset(),
            total_linked: bool = False) -> Pattern:
    """The withheld cells of ``table`` (rows in display order; ``column_totals``: are the column sums shown?).

    ``linked`` names the columns whose sums are withheld one level up (a staff group's counts withheld in
    the table of groups): their rows must not add up to them again, see :func:`_keep_linked_sums_open`.
    ``total_linked``: the table's grand total (the group's headcount) is withheld one level up, so the rows'
    headcounts must not add up to it again: at least one of them is withheld too.
    """
    pattern = Pattern()
    if threshold <= 1:
        return pattern
    rows = list(table)
    if len(rows) == 1 and column_totals:
        # one row is its own column totals: it shows exactly what the level above shows, no more and no less
        return _repeat_level_above(table, rows[0], threshold, linked, total_linked)
    hidden_rows: list[str] = [r for r in rows if is_small(_total(table, r), threshold)]
    for r in rows:
        for c in CATEGORIES:
            if is_small(table[r][c], threshold):
                pattern.cells[(r, c)] = PRIMARY
    # first every band's own complement, so the search for partners knows what is withheld anyway
    for r in rows:
        for c in CATEGORIES:
            if pattern.cell(r, c) == PRIMARY and r not in hidden_rows:
                other = next((o for o in COMPLEMENT_ORDER if o != c and table[r][o] + table[r][c] >= threshold), None)
                if other is not None:
                    pattern.hide(r, other)
    for r in rows:
        if r in hidden_rows:
            continue
        for c in CATEGORIES:
            if pattern.cell(r, c) == PRIMARY and not _protect_in_row(table, r, c, pattern, hidden_rows, threshold, column_totals):
                hidden_rows.append(r)
                break
    if total_linked and not hidden_rows:
        hidden_rows.append(_row_to_hide_with_the_total(table, threshold))
    if column_totals and not (total_linked and set(CATEGORIES) <= linked):
        # (when the level above withholds its whole row, these column sums are not shown: no company needed)
        _accompany_hidden_rows(table, hidden_rows, threshold)
    if len(linked) >= 2:
        _keep_linked_sums_open(table, pattern, hidden_rows, linked, threshold)
    for r in hidden_rows:
        pattern.headcounts[r] = PRIMARY if is_small(_total(table, r), threshold) else SECONDARY
        for c in CATEGORIES:
            pattern.hide(r, c)
    if column_totals:
        # a column whose shown sum is 0 is 0 in every row: withholding its cells would hide nothing
        for c in CATEGORIES:
            if c not in linked and not any(table[r][c] for r in rows):
                for r in rows:
                    pattern.cells.pop((r, c), None)
    return pattern


def _repeat_level_above(table: Table, row: str, threshold: int, linked: frozenset[str], total_linked: bool) -> Pattern:
    pattern = Pattern()
    for c in CATEGORIES:
        if c in linked or is_small(table[row][c], threshold):
            pattern.cells[(row, c)] = PRIMARY if is_small(table[row][c], threshold) else SECONDARY
    if total_linked or is_small(_total(table, row), threshold):
        pattern.headcounts[row] = PRIMARY if is_small(_total(table, row), threshold) else SECONDARY
        for c in CATEGORIES:
            pattern.hide(row, c)
    return pattern


def _row_to_hide_with_the_total(table: Table, threshold: int) -> str:
    """The row withheld whole so that the rows shown do not add up to a withheld total.

    The smallest row with at least ``threshold`` in every column (so the withheld total can move against it
    in each), else the biggest: a whole row is a real loss, so it is the fewest people's figures.
    """
    rows = list(table)
    roomy = [r for r in rows if all(table[r][c] >= threshold for c in CATEGORIES)]
    if roomy:
        return min(roomy, key=lambda r: (_total(table, r), rows.index(r)))
    return max(rows, key=lambda r: (_total(table, r), -rows.index(r)))


def _total(table: Table, row: str) -> int:
    return sum(table[row][c] for c in CATEGORIES)


def _protect_in_row(table: Table, r: str, c: str, pattern: Pattern, hidden_rows: list[str], threshold: int,
                    column_totals: bool) -> bool:
    """Withhold a partner cell in row ``r`` and partner rows so the primary ``(r, c)`` can move by ``threshold``."""
    v = table[r][c]
    already = [o for o in COMPLEMENT_ORDER if o != c and pattern.cell(r, o)]
    for other in already + [o for o in COMPLEMENT_ORDER if o not in already]:
        if other == c or table[r][other] + v < threshold:
            continue  # moving the value by the threshold needs room in this cell
        if not column_totals:
            pattern.hide(r, other)
            return True
        partners = _partners(table, r, c, other, pattern, hidden_rows, threshold)
        if partners is not None:
            pattern.hide(r, other)
            for p in partners:
                pattern.hide(p, c)
                pattern.hide(p, other)
            return True
    return False


def _partners(table: Table, r: str, c: str, other: str, pattern: Pattern, hidden_rows: list[str],
              threshold: int) -> list[str] | None:
    """Rows whose ``c`` and ``other`` cells, withheld, close rectangles with row ``r`` wide enough; None if none do.

    A rectangle of withheld cells (r, c), (r, other), (p, c), (p, other) lets (r, c) rise by
    min(table[r][other], sum of table[p][c]) and fall by min(table[r][c], sum of table[p][other]).
    """
    v = table[r][c]

    def width(chosen: list[str]) -> int:
        up = min(table[r][other], sum(table[p][c] for p in chosen))
        down = min(v, sum(table[p][other] for p in chosen))
        return up + down

    def cost(p: str) -> int:
        if p in hidden_rows:
            return 0
        new = sum(COST[k] for k in (c, other) if pattern.cell(p, k) is None)
        # a band left with no share at all costs most: a whole band is the last resort
        whole = new and all(k in (c, other) or pattern.cell(p, k) is not None for k in CATEGORIES)
        return new + (WHOLE_BAND if whole else 0)

    order = list(table)
    candidates = [p for p in order if p != r and (table[p][c] or table[p][other])]
    chosen: list[str] = []

    def rank(p: str) -> tuple:
        # cheapest first; among equals, the one that adds most protection, then the biggest band: the small
        # senior bands are what indicator 1 is for, and a big band's figures move least
        gain = min(width([*chosen, p]), threshold)
        return (cost(p), -gain, -_total(table, p), order.index(p))

    while width(chosen) < threshold and candidates:
        best = min(candidates, key=rank)
        candidates.remove(best)
        chosen.append(best)
    return chosen if width(chosen) >= threshold else None


def _accompany_hidden_rows(table: Table, hidden_rows: list[str], threshold: int) -> None:
    """Withhold more whole rows until the withheld rows' column sums (which a reader can work out) hide each row.

    With two or more whole rows withheld, each of their cells can lie anywhere from 0 to its column's
    withheld sum, and each headcount from 0 to the rows' combined headcount: enough when every such sum
    is 0 or at least the threshold.
    """
    rows = list(table)

    def short(hidden: list[str]) -> int:
        sums = [sum(table[r][c] for r in hidden) for c in CATEGORIES]
        return sum(1 for s in sums if 0 < s < threshold) + (1 if 0 < sum(sums) < threshold else 0)

    while hidden_rows and (len(hidden_rows) < 2 or short(hidden_rows)):
        candidates = [r for r in rows if r not in hidden_rows]
        if not candidates:
            return
        best = min(candidates, key=lambda r: (short([*hidden_rows, r]), _total(table, r), rows.index(r)))
        hidden_rows.append(best)


def _keep_linked_sums_open(table: Table, pattern: Pattern, hidden_rows: list[str], linked: frozenset[str],
                           threshold: int) -> None:
    """Withhold pairs of linked cells in enough rows that the linked column sums can move by the threshold.

    One level up, a withheld group count moves round a rectangle with another withheld count of the
    same group; the rows must let it: rows with both cells withheld whose cells add up to at least
    the threshold in each of the two columns (or every row, if the group is smaller).
    """
    columns = [c for c in COMPLEMENT_ORDER if c in linked]
    rows = list(table)
    for c, other in zip(columns, columns[1:]):
        def both(r: str) -> bool:
            return r in hidden_rows or (pattern.cell(r, c) is not None and pattern.cell(r, other) is not None)

        def enough() -> bool:
            chosen = [r for r in rows if both(r)]
            return all(sum(table[r][k] for r in chosen) >= min(threshold, sum(table[r][k] for r in rows))
                       for k in (c, other))

        candidates = sorted((r for r in rows if not both(r)),
                            key=lambda r: (sum(COST[k] for k in (c, other) if pattern.cell(r, k) is None),
                                           -min(table[r][c], table[r][other]), rows.index(r)))
        for r in candidates:
            if enough():
                break
            pattern.hide(r, c)
            pattern.hide(r, other)
