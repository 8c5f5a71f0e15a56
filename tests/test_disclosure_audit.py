"""The disclosure audit: what a reader can work out about every withheld count of indicator 1.

For each table the reader sees (every year of the example, planted cases and seeded random
tables with many small cells), the audit takes every figure the year publishes (the rows
behind the site, the PDF and the CSV, which are the same rows) and solves for each withheld
count. Variables are the band cells (White, BME, unknown of every band, >= 0); every shown
headcount is an equality, every shown share s of a headcount H is ``cell - s * H = 0`` (so
a share shown with its headcount is the count), and the groups' and the organisation's
shares, headcounts and declaration rate are the same equalities over sums of cells.
Indicator 9's workforce share is the organisation's BME share (the same equality).
Indicators 3 and 4 publish likelihoods, never the counts entered or accessed, so each adds
a new unknown and no equality on the cells.

Criteria, for every count the site withholds (a band's, a staff group's or the
organisation's White, BME or unknown count, and every withheld headcount or total):

* a reader cannot work it out: an integer program (scipy's ``milp``) finds at least two
  values it could take, given everything shown;
* for every count from 1 to threshold - 1, the range a reader can deduce, ``[min, max]``
  (integers relaxed, ``linprog``), is at least the threshold wide.
"""

from __future__ import annotations

import random
from fractions import Fraction

import pytest

scipy_optimize = pytest.importorskip("scipy.optimize")

from generator.data.model import Indicator1, Settings  # noqa: E402
from generator.metrics.disclosure import CATEGORIES  # noqa: E402
from generator.metrics import Row, compute_metrics  # noqa: E402
from generator.metrics.formulas import is_small  # noqa: E402
from generator.metrics.table import indicator_1_rows  # noqa: E402
from generator.metrics.status import Status  # noqa: E402

from .conftest import load_example  # noqa: E402

THRESHOLD = 5

Groups = dict[str, dict[str, dict[str, int]]]


def _shown(rows) -> dict[tuple[str, str], float]:
    return {(r.breakdown, r.measure): r.value for r in rows
            if r.indicator == 1 and r.value is not None and r.source == "counts"}


def _withheld(rows) -> set[tuple[str, str]]:
    return {(r.breakdown, r.measure) for r in rows if r.indicator == 1 and r.note == "suppressed"}


class Reader:
    """Everything a reader knows about the cells from the figures shown: linear equalities on the cells."""

    def __init__(self, groups: Groups, rows) -> None:
        self.groups = groups
        self.index = {key: i for i, key in enumerate(
            (g, b, c) for g, bands in groups.items() for b in bands for c in CATEGORIES)}
        shown = _shown(rows)
        self.equalities: list[tuple[list[float], float]] = []
        # (name, cells, true value, is the figure withheld?) of every count a reader might want
        self.counts: list[tuple[str, list, int, bool]] = []
        withheld = _withheld(rows)
        self._level("overall", lambda c: [(g, b, c) for g, bands in groups.items() for b in bands], shown, withheld)
        for g, bands in groups.items():
            self._level(g, lambda c, g=g: [(g, b, c) for b in groups[g]], shown, withheld)
            for b in bands:
                self._level(f"{g}/{b}", lambda c, g=g, b=b: [(g, b, c)], shown, withheld)

    def vec(self, cells) -> list[float]:
        v = [0.0] * len(self.index)
        for key in cells:
            v[self.index[key]] += 1.0
        return v

    def true(self, cells) -> int:
        return sum(self.groups[g][b][c] for g, b, c in cells)

    def _level(self, breakdown: str, cells_of, shown, withheld) -> None:
        every = [k for c in CATEGORIES for k in cells_of(c)]
        total = self.vec(every)
        if (breakdown, "headcount") in shown:
            self.equalities.append((total, round(shown[(breakdown, "headcount")])))
        self.counts.append((f"{breakdown} headcount", every, self.true(every), (breakdown, "headcount") in withheld))
        for c in CATEGORIES:
            if (breakdown, f"{c}_share") in shown:
                self.equalities.append(self._share(shown[(breakdown, f"{c}_share")], self.vec(cells_of(c)), total))
            self.counts.append((f"{breakdown} {c}", cells_of(c), self.true(cells_of(c)),
                                (breakdown, f"{c}_share") in withheld))
        if (breakdown, "declaration_rate") in shown:
            declared = self.vec(cells_of("white") + cells_of("bme"))
            self.equalities.append(self._share(shown[(breakdown, "declaration_rate")], declared, total))

    @staticmethod
    def _share(percent: float, part: list[float], whole: list[float]) -> tuple[list[float], int]:
        """A shown share as an equality with whole-number coefficients, q * part - p * whole = 0.

        The share is 100 * a / n in floating point; p / q is a / n in lowest terms, recovered exactly
        (two fractions with denominators up to a million differ by far more than a float's error).
        """
        ratio = Fraction(percent / 100).limit_denominator(1_000_000)
        p, q = ratio.numerator, ratio.denominator
        return [q * x - p * t for x, t in zip(part, whole)], 0

    def relaxed_range(self, cells) -> tuple[float, float]:
        """[min, max] of a sum of cells, integers relaxed."""
        objective = self.vec(cells)
        a_eq = [e for e, _ in self.equalities] or None
        b_eq = [v for _, v in self.equalities] or None
        low = scipy_optimize.linprog(objective, A_eq=a_eq, b_eq=b_eq, bounds=(0, None), method="highs")
        high = scipy_optimize.linprog([-x for x in objective], A_eq=a_eq, b_eq=b_eq, bounds=(0, None), method="highs")
        assert low.status == 0 and high.status in (0, 3), (low.message, high.message)
        return low.fun, float("inf") if high.status == 3 else -high.fun

    def integer_values(self, cells) -> int:
        """How many whole-number values (1 or 2: "at least two") the sum of ``cells`` can take, given what is shown."""
        objective = self.vec(cells)
        n = len(objective)
        constraints = [scipy_optimize.LinearConstraint([e for e, _ in self.equalities], [v for _, v in self.equalities],
                                                       [v for _, v in self.equalities])] if self.equalities else []
        whole = [1] * n
        bounds = scipy_optimize.Bounds(0, float("inf"))
        low = scipy_optimize.milp(objective, integrality=whole, bounds=bounds, constraints=constraints)
        assert low.status == 0, low.message
        least = round(low.fun)
        above = scipy_optimize.LinearConstraint([objective], [least + 1], [float("inf")])
        other = scipy_optimize.milp([0.0] * n, integrality=whole, bounds=bounds, constraints=[*constraints, above])
        return 2 if other.status == 0 else 1


def audit_rows(groups: Groups, rows, threshold: int = THRESHOLD) -> dict[str, str]:
    """Every withheld count a reader can narrow too far, with what they can deduce; {} when none."""
    reader = Reader(groups, rows)
    failures = {}
    for name, cells, true, withheld in reader.counts:
        if is_small(true, threshold):
            assert withheld, f"{name} = {true} is shown"
            low, high = reader.relaxed_range(cells)
            if high - low < threshold - 1e-6:
                failures[name] = f"{true} lies in [{low:g}, {high:g}]"
                continue
        if withheld and reader.integer_values(cells) < 2:
            failures[name] = f"{true} is the only value it can take"
    return failures


def audit(groups: Groups, threshold: int = THRESHOLD) -> dict[str, str]:
    block = Indicator1.model_validate(groups)
    rows = list(indicator_1_rows(2024, block, Settings(suppression_threshold=threshold)))
    return audit_rows(groups, rows, threshold)


def example_tables() -> dict[int, tuple[Groups, list]]:
    """Each year of the example with counts: its table, and every row the year publishes (site, PDF, CSV)."""
    dataset = load_example()
    metrics = compute_metrics(dataset)
    tables = {}
    for year in dataset.years:
        block = year.indicator_1
        if block is not None and block.groups() and block.published is None:
            groups = {g: {b: c.model_dump() for b, c in bands.items()} for g, bands in block.groups().items()}
            tables[year.year] = (groups, list(metrics.where(year=year.year)))
    return tables


@pytest.mark.parametrize("year", sorted(example_tables()))
def test_example_withholds_nothing_a_reader_can_work_out(year):
    groups, rows = example_tables()[year]
    assert audit_rows(groups, rows) == {}


def test_a_staff_group_of_3_cannot_be_worked_back_from_the_total():
    """Before: 2,512 - 1,499 - 1,010 = 3, the medical and dental group of an ambulance trust."""
    groups = {
        "non_clinical": {"Band 2": cells(600, 140, 9), "Band 3": cells(400, 90, 11), "Band 4": cells(180, 40, 8),
                         "Band 6": cells(10, 10, 1)},
        "clinical": {"Band 3": cells(200, 60, 10), "Band 4": cells(150, 40, 10), "Band 5": cells(300, 110, 15),
                     "Band 6": cells(75, 30, 10)},
        "medical_and_dental": {"Consultants": cells(2, 1, 0)},
    }
    block = Indicator1.model_validate(groups)
    rows = list(indicator_1_rows(2024, block, Settings()))
    shown = _shown(rows)
    assert shown[("overall", "headcount")] == 2512
    assert shown[("non_clinical", "headcount")] == 1499
    assert ("medical_and_dental", "headcount") not in shown
    # the clinical group's total (1,010) is no longer given back by its bands' headcounts
    bands = [shown.get((f"clinical/{b}", "headcount")) for b in groups["clinical"]]
    assert ("clinical", "headcount") not in shown and None in bands
    assert audit_rows(groups, rows) == {}
    low, high = Reader(groups, rows).relaxed_range([("medical_and_dental", "Consultants", c) for c in CATEGORIES])
    assert high - low >= THRESHOLD


def test_the_audit_catches_a_total_given_back_by_the_other_groups():
    """The old pattern: the group of 3 withheld, the organisation and the other groups' headcounts shown."""
    groups = {"non_clinical": {"Band 2": cells(600, 140, 9)}, "clinical": {"Band 5": cells(300, 110, 15)},
              "medical_and_dental": {"Consultants": cells(2, 1, 0)}}
    rows = list(indicator_1_rows(2024, Indicator1.model_validate(groups), Settings(suppression_threshold=0)))
    rows = [r for r in rows if not r.breakdown.startswith("medical_and_dental")]
    rows += [Row(2024, 1, b, m, None, status=Status.SUPPRESSED) for b in ("medical_and_dental", "medical_and_dental/Consultants")
             for m in ("white_share", "bme_share", "unknown_share", "headcount")]
    failures = audit_rows(groups, rows)
    assert failures["medical_and_dental headcount"] == "3 lies in [3, 3]"


def cells(white: int, bme: int, unknown: int) -> dict[str, int]:
    return {"white": white, "bme": bme, "unknown": unknown}


def test_the_2022_recovery_of_a_count_of_3_fails():
    """Before: 978 x 2.35% - 9 - 11 - 0 = 3, the unknown count of specialty doctors in 2022."""
    groups, rows = example_tables()[2022]
    assert groups["medical_and_dental"]["Specialty and specialist grades"]["unknown"] == 3
    shown = _shown(rows)
    # the subtraction needs every other band's unknown share: at least one more is now withheld
    others = [b for b in groups["medical_and_dental"] if b != "Specialty and specialist grades"]
    assert any((f"medical_and_dental/{b}", "unknown_share") not in shown for b in others)
    low, high = Reader(groups, rows).relaxed_range([("medical_and_dental", "Specialty and specialist grades", "unknown")])
    assert high - low >= THRESHOLD
    assert low <= 0.5  # the reader cannot even tell whether anyone is there


def test_the_old_rule_would_fail_the_audit():
    """The audit catches the old leak: a band withheld whole, with every other band and the group shown."""
    groups = {"medical_and_dental": {"A": cells(235, 156, 9), "B": cells(39, 80, 3)}}
    block = Indicator1.model_validate(groups)
    rows = [r for r in indicator_1_rows(2022, block, Settings(suppression_threshold=THRESHOLD))
            if not r.breakdown.endswith("/A")]  # show A in full, withhold B, as the old rule did
    shown = list(indicator_1_rows(2022, block, Settings(suppression_threshold=0)))
    rows += [r for r in shown if r.breakdown.endswith("/A")]
    rows = [r for r in rows if not (r.breakdown.endswith("/B") and r.measure != "headcount")]
    rows += [Row(2022, 1, "medical_and_dental/B", f"{c}_share", None, status=Status.SUPPRESSED) for c in CATEGORIES]
    assert "medical_and_dental/B unknown" in audit_rows(groups, rows)


def test_a_needless_secondary_cell_fails_the_audit_when_it_can_be_worked_out():
    """A withheld figure that the others give back exactly is no protection: at least two values, or it fails."""
    groups = {"clinical": {"Band 5": cells(300, 110, 15), "Band 6": cells(85, 30, 10)}}
    rows = list(indicator_1_rows(2024, Indicator1.model_validate(groups), Settings()))
    rows = [Row(2024, 1, r.breakdown, r.measure, None, status=Status.SUPPRESSED)
            if (r.breakdown, r.measure) == ("clinical/Band 5", "bme_share") else r for r in rows]
    assert audit_rows(groups, rows) == {"clinical/Band 5 bme": "110 is the only value it can take"}


def _random_groups(rng: random.Random, small: int = THRESHOLD) -> dict:
    groups = {}
    for group in rng.sample(["non_clinical", "clinical", "medical_and_dental"], rng.randint(1, 3)):
        bands = {}
        for i in range(rng.randint(2, 12)):
            kind = rng.random()
            if kind < 0.4:  # a senior band: everything small
                values = [rng.choice([0, 0, *range(1, small + 2)]) for _ in range(3)]
            elif kind < 0.8:  # a big band with a small unknown or BME count
                values = [rng.randint(20, 400), rng.choice([0, *range(1, small), 10, 40]), rng.choice([0, *range(1, small), 8])]
            else:
                values = [rng.randint(0, 30) for _ in range(3)]
            bands[f"Band {i}"] = dict(zip(CATEGORIES, values))
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


@pytest.mark.parametrize("seed", range(20))
def test_random_organisations_with_a_small_staff_group(seed):
    """A staff group smaller than the threshold (an ambulance or community trust's doctors) beside big ones."""
    rng = random.Random(7000 + seed)
    groups = {g: {f"Band {i}": cells(rng.randint(30, 500), rng.randint(0, 150), rng.randint(0, 20))
                  for i in range(rng.randint(2, 8))} for g in ("non_clinical", "clinical")}
    groups["medical_and_dental"] = {f"Grade {i}": dict(zip(CATEGORIES, (rng.randint(0, 2), rng.randint(0, 1), 0)))
                                    for i in range(rng.randint(1, 2))}
    if sum(sum(c.values()) for c in groups["medical_and_dental"].values()) == 0:
        groups["medical_and_dental"]["Grade 0"]["white"] = 1
    assert audit(groups) == {}, groups
