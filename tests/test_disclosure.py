"""Disclosure control of indicator 1 (generator/metrics/disclosure.py): the pattern, worked by hand."""

from __future__ import annotations

from generator.data.model import Indicator1, Settings
from generator.metrics.disclosure import PRIMARY, SECONDARY, protect
from generator.metrics.table import indicator_1_rows, withheld_workforce


def cells(white: int, bme: int, unknown: int) -> dict[str, int]:
    return {"white": white, "bme": bme, "unknown": unknown}


def test_a_small_unknown_withholds_unknown_and_white_and_keeps_the_bme_share():
    table = {"Band 2": cells(470, 163, 8), "Band 5": cells(132, 34, 4), "Band 6": cells(100, 19, 6)}
    pattern = protect(table, 5)
    assert pattern.cell("Band 5", "unknown") == PRIMARY
    assert pattern.cell("Band 5", "white") == SECONDARY
    assert pattern.cell("Band 5", "bme") is None  # the whole band is not withheld
    # a partner band closes the rectangle: its unknown and White go too, its BME share stays
    partners = [b for b in ("Band 2", "Band 6") if pattern.cell(b, "unknown")]
    assert partners and all(pattern.cell(b, "white") and not pattern.cell(b, "bme") for b in partners)
    assert pattern.headcounts == {}


def test_a_band_of_fewer_than_the_threshold_goes_with_another():
    table = {"Band 8d": cells(9, 0, 0), "Band 9": cells(3, 0, 0), "VSM": cells(4, 0, 0), "Band 7": cells(400, 80, 20)}
    pattern = protect(table, 5)
    assert pattern.headcounts["Band 9"] == PRIMARY
    assert len(pattern.headcounts) >= 2
    assert "Band 7" not in pattern.headcounts  # the smallest bands keep it company


def test_nothing_is_withheld_with_the_threshold_off():
    assert protect({"Band 5": cells(132, 34, 4)}, 0).cells == {}


def test_the_pattern_is_deterministic():
    table = {f"Band {i}": cells(50 + i, i % 5, (i * 3) % 5) for i in range(12)}
    assert protect(table, 5) == protect(dict(table), 5)


def test_the_2022_specialty_grades_no_longer_give_back_their_count_of_3():
    groups = {"medical_and_dental": {
        "Consultants": {"white": 235, "bme": 156, "unknown": 9},
        "Specialty and specialist grades": {"white": 39, "bme": 80, "unknown": 3},
        "Doctors in training": {"white": 203, "bme": 201, "unknown": 11},
        "Other medical and dental": {"white": 24, "bme": 17, "unknown": 0}}}
    rows = {(r.breakdown, r.measure): r for r in indicator_1_rows(2022, Indicator1.model_validate(groups), Settings())}
    group = "medical_and_dental"
    shown_unknown = [b for b in groups[group] if rows[(f"{group}/{b}", "unknown_share")].value is not None]
    # 978 x 2.35% - 9 - 11 - 0 = 3 needed every other band's unknown share; now at most two bands show one
    assert "Specialty and specialist grades" not in shown_unknown
    assert len(shown_unknown) <= 2
    # and the BME share of the band, the figure indicator 1 exists for, is shown
    assert rows[(f"{group}/Specialty and specialist grades", "bme_share")].value is not None


def test_likelihoods_over_a_withheld_workforce_count_are_withheld():
    block = Indicator1.model_validate({"clinical": {"Band 5": {"white": 300, "bme": 200, "unknown": 3}}})
    assert withheld_workforce(block, Settings()) == {"unknown", "white"}
    assert withheld_workforce(block, Settings(suppression_threshold=0)) == frozenset()


def test_headcounts_can_be_rounded_to_the_nearest_5():
    block = Indicator1.model_validate({"clinical": {"Band 5": {"white": 300, "bme": 200, "unknown": 12},
                                                    "Band 6": {"white": 100, "bme": 20, "unknown": 7}}})
    rounded = {(r.breakdown, r.measure): r.value for r in indicator_1_rows(2024, block, Settings(round_headcounts=True))}
    exact = {(r.breakdown, r.measure): r.value for r in indicator_1_rows(2024, block, Settings())}
    assert exact[("clinical/Band 5", "headcount")] == 512 and rounded[("clinical/Band 5", "headcount")] == 510
    assert rounded[("clinical/Band 6", "headcount")] == 125  # 127 is nearer 125
    assert rounded[("overall", "headcount")] == 640  # 639
    assert rounded[("clinical/Band 5", "bme_share")] == exact[("clinical/Band 5", "bme_share")]
