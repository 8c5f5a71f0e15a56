"""Invariants of the formulas, over many generated counts."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from generator.metrics.formulas import relative_likelihood

counts = st.integers(min_value=1, max_value=5000)


@st.composite
def two_groups(draw):
    n1, n2 = draw(counts), draw(counts)
    a, c = draw(st.integers(1, n1)), draw(st.integers(1, n2))
    return a, n1, c, n2


@given(two_groups())
def test_swapping_the_groups_inverts_the_ratio(groups):
    a, n1, c, n2 = groups
    forward, backward = relative_likelihood(a, n1, c, n2), relative_likelihood(c, n2, a, n1)
    assert math.isclose(forward.value * backward.value, 1.0, rel_tol=1e-9)
    # the interval inverts too
    assert math.isclose(forward.ci_low * backward.ci_high, 1.0, rel_tol=1e-9)


@given(two_groups())
def test_the_interval_contains_the_estimate(groups):
    figure = relative_likelihood(*groups)
    assert figure.ci_low <= figure.value <= figure.ci_high
    assert figure.ci_low > 0 and math.isfinite(figure.ci_high)


@given(two_groups())
def test_equal_likelihoods_give_one(groups):
    a, n1, _, _ = groups
    figure = relative_likelihood(a, n1, a * 3, n1 * 3)
    assert math.isclose(figure.value, 1.0)
