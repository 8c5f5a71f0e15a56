"""The disclosure audit: what a reader can work out about every withheld count of indicator 1.

For each table the reader sees (every year of the example, and seeded random tables with
many small cells), a linear program finds the range of each withheld count given
everything shown: variables are the band cells (White, BME, unknown of every band, >= 0,
integers relaxed); every shown headcount is an equality, every shown share s of a
headcount H is ``cell - s * H = 0`` (so a share shown with its headcount is the count),
and the groups' and the organisation's shares, headcounts and declaration rate are the
same equalities over sums of cells. Indicator 9's workforce share is the organisation's
BME share (the same equality). Indicators 3 and 4 publish likelihoods, never the counts
entered or accessed, so each adds a new unknown and no equality on the cells.

Criterion: for every primary count (a cell, a group's or the organisation's count, or a
headcount from 1 to threshold - 1), ``max - min >= threshold``: a reader cannot narrow
it to fewer values than the threshold allows.
"""

from __future__ import annotations

import random

import pytest

scipy_optimize = pytest.importorskip("scipy.optimize")

from generator.data.model import Indicator1, Settings  # noqa: E402
from generator.metrics.disclosure import CATEGORIES  # noqa: E402
from generator.metrics.formulas import is_small  # noqa: E402
from generator.metrics.table import indicator_1_rows  # noqa: E402

from .conftest import load_example  # noqa: E402

THRESHOLD = 5


def _shown(rows) -> dict[tuple[str, str], float]:
    return {(r.breakdown, r.measure): r.value for r in rows if r.value is not None and r.source == "counts"}


def deducible_ranges(groups: dict[str, dict[str, dict[str, int]]], rows,
                     threshold: int = THRESHOLD) -> dict[str, tuple[float, float, int]]:
    """For every primary count: (min, max, true value) a reader can deduce from ``rows``."""
    index = {(g, b, c): i for i, (g, b, c) in enumerate((g, b, c) for g, bands in groups.items() for b in bands for c in CATEGORIES)}
    n = len(index)
    shown = _shown(rows)
    equalities: list[tuple[list[float], float]] = []

    def vec(cells) -> list[float]:
        v = [0.0] * n
        for key in cells:
            v[index[key]] += 1.0
        return v

    def level(breakdown: str, cells_of) -> None:
        every = [k for c in CATEGORIES for k in cells_of(c)]
        if (breakdown, "headcount") in shown:
            equalities.append((vec(every), shown[(breakdown, "headcount")]))
        for c in CATEGORIES:
            if (breakdown, f"{c}_share") in shown:
                s = shown[(breakdown, f"{c}_share")] / 100
                a = vec(cells_of(c))
                total = vec(every)
                equalities.append(([x - s * t for x, t in zip(a, total)], 0.0))
        if (breakdown, "declaration_rate") in shown:
            s = shown[(breakdown, "declaration_rate")] / 100
            a, total = vec(cells_of("white") + cells_of("bme")), vec(every)
            equalities.append(([x - s * t for x, t in zip(a, total)], 0.0))

    level("overall", lambda c: [(g, b, c) for g, bands in groups.items() for b in bands])
    for g, bands in groups.items():
        level(g, lambda c, g=g: [(g, b, c) for b in groups[g]])
        for b in bands:
            level(f"{g}/{b}", lambda c, g=g, b=b: [(g, b, c)])

    targets: dict[str, tuple[list[float], int]] = {}

    def target(name: str, cells, true: int) -> None:
        if is_small(true, threshold):
            targets[name] = (vec(cells), true)

    for g, bands in groups.items():
        for b, counts in bands.items():
            target(f"{g}/{b} headcount", [(g, b, c) for c in CATEGORIES], sum(counts.values()))
            for c in CATEGORIES:
                target(f"{g}/{b} {c}", [(g, b, c)], counts[c])
        for c in CATEGORIES:
            target(f"{g} {c}", [(g, b, c) for b in bands], sum(bands[b][c] for b in bands))
    for c in CATEGORIES:
        target(f"overall {c}", [(g, b, c) for g, bands in groups.items() for b in bands],
               sum(bands[b][c] for bands in groups.values() for b in bands))

    a_eq = [e for e, _ in equalities] or None
    b_eq = [v for _, v in equalities] or None
    ranges = {}
    for name, (objective, true) in targets.items():
        low = scipy_optimize.linprog(objective, A_eq=a_eq, b_eq=b_eq, bounds=(0, None), method="highs")
        high = scipy_optimize.linprog([-x for x in objective], A_eq=a_eq, b_eq=b_eq, bounds=(0, None), method="highs")
        assert low.status == 0 and high.status in (0, 3), (name, low.message, high.message)
        top = float("inf") if high.status == 3 else -high.fun
        ranges[name] = (low.fun, top, true)
    return ranges


def too_narrow(ranges, threshold: int = THRESHOLD) -> dict[str, tuple[float, float, int]]:
    return {name: r for name, r in ranges.items() if r[1] - r[0] < threshold - 1e-6}


def audit(groups: dict[str, dict[str, dict[str, int]]], threshold: int = THRESHOLD) -> dict[str, tuple[float, float, int]]:
    block = Indicator1.model_validate(groups)
    rows = list(indicator_1_rows(2024, block, Settings(suppression_threshold=threshold)))
    return too_narrow(deducible_ranges(groups, rows, threshold), threshold)


def example_tables() -> dict[int, dict]:
    dataset = load_example()
    tables = {}
    for year in dataset.years:
        block = year.indicator_1
        if block is not None and block.groups() and block.published is None:
            tables[year.year] = {g: {b: c.model_dump() for b, c in bands.items()} for g, bands in block.groups().items()}
    return tables


@pytest.mark.parametrize("year", sorted(example_tables()))
def test_example_withholds_nothing_a_reader_can_work_out(year):
    assert audit(example_tables()[year]) == {}


def test_the_2022_recovery_of_a_count_of_3_fails():
    """Before: 978 x 2.35% - 9 - 11 - 0 = 3, the unknown count of specialty doctors in 2022."""
    groups = example_tables()[2022]
    assert groups["medical_and_dental"]["Specialty and specialist grades"]["unknown"] == 3
    block = Indicator1.model_validate(groups)
    rows = list(indicator_1_rows(2022, block, Settings(suppression_threshold=THRESHOLD)))
    shown = _shown(rows)
    # the subtraction needs every other band's unknown share: at least one more is now withheld
    others = [b for b in groups["medical_and_dental"] if b != "Specialty and specialist grades"]
    assert any((f"medical_and_dental/{b}", "unknown_share") not in shown for b in others)
    low, high, true = deducible_ranges(groups, rows)["medical_and_dental/Specialty and specialist grades unknown"]
    assert high - low >= THRESHOLD
    assert low <= 0.5 < true  # the reader cannot even tell whether anyone is there


def test_the_old_rule_would_fail_the_audit():
    """The audit catches the old leak: a band withheld whole, with every other band and the group shown."""
    groups = {"medical_and_dental": {"A": {"white": 235, "bme": 156, "unknown": 9},
                                     "B": {"white": 39, "bme": 80, "unknown": 3}}}
    block = Indicator1.model_validate(groups)
    rows = [r for r in indicator_1_rows(2022, block, Settings(suppression_threshold=THRESHOLD))
            if not r.breakdown.endswith("/A")]  # show A in full, withhold B, as the old rule did
    shown = list(indicator_1_rows(2022, block, Settings(suppression_threshold=0)))
    rows += [r for r in shown if r.breakdown.endswith("/A")]
    rows = [r for r in rows if not (r.breakdown.endswith("/B") and r.measure != "headcount")]
    assert "medical_and_dental/B unknown" in too_narrow(deducible_ranges(groups, rows))


def _random_groups(rng: random.Random, small: int = THRESHOLD) -> dict:
    groups = {}
    for group in rng.sample(["non_clinical", "clinical", "medical_and_dental"], rng.randint(1, 3)):
        bands = {}
        for i in range(rng.randint(2, 12)):
            kind = rng.random()
            if kind < 0.4:  # a senior band: everything small
                cells = [rng.choice([0, 0, *range(1, small + 2)]) for _ in range(3)]
            elif kind < 0.8:  # a big band with a small unknown or BME count
                cells = [rng.randint(20, 400), rng.choice([0, *range(1, small), 10, 40]), rng.choice([0, *range(1, small), 8])]
            else:
                cells = [rng.randint(0, 30) for _ in range(3)]
            bands[f"Band {i}"] = dict(zip(CATEGORIES, cells))
        groups[group] = bands
    return groups


@pytest.mark.parametrize("seed", range(60))
def test_random_tables_with_many_small_cells(seed):
    groups = _random_groups(random.Random(seed))
    assert audit(groups) == {}, groups


@pytest.mark.parametrize("threshold", [3, 8, 10])
@pytest.mark.parametrize("seed", range(15))
def test_random_tables_at_other_thresholds(seed, threshold):
    groups = _random_groups(random.Random(1000 * threshold + seed), small=threshold)
    assert audit(groups, threshold) == {}, groups


@pytest.mark.parametrize("seed", range(15))
def test_random_tiny_organisations(seed):
    """Every count small: the groups' and the organisation's own counts are withheld too."""
    rng = random.Random(5000 + seed)
    groups = {g: {f"Band {i}": dict(zip(CATEGORIES, (rng.randint(0, 6), rng.randint(0, 4), rng.randint(0, 2))))
                  for i in range(rng.randint(1, 4))} for g in ("non_clinical", "clinical")}
    assert audit(groups) == {}, groups
