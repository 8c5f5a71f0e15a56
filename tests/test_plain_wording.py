"""Words readers quote back: the board's gap said with its sign in words, and no "not entered" anywhere."""

from __future__ import annotations

import re

import pytest

from .site_helpers import example_site, html_pages, visible_text


@pytest.fixture(scope="module")
def site():
    return example_site()


def test_the_board_headline_says_which_side_of_the_workforce_it_is(site):
    page = (site / "indicators" / "indicator-9" / "index.html").read_text(encoding="utf-8")
    assert ('<span class="wres-headline__value wres-headline__value--words">'
            "BME share of voting board 3.9 percentage points below the workforce</span>") in page
    assert ("Improved: one more BME voting member than in 2022/23 (4 of 14, was 3 of 14); "
            "the gap went from 8.7 to 3.9 percentage points below the workforce.") in visible_text(page)
    home = visible_text((site / "index.html").read_text(encoding="utf-8"))
    assert "BME share of voting board 3.9 percentage points below the workforce" in home
    assert "Previous: 2022/23: 8.7 percentage points below the workforce" in home


def test_a_signed_board_gap_appears_only_under_a_heading_that_says_what_minus_what(site):
    for page in html_pages(site):
        html = page.read_text(encoding="utf-8")
        # outside the tables, every "−3.9 percentage points" would leave a reader to guess what the minus means
        prose = re.sub(r"<table.*?</table>", "", html, flags=re.S)
        assert not re.search(r"−\d+(\.\d)? percentage points", visible_text(prose)), page
    table = (site / "indicators" / "indicator-9" / "index.html").read_text(encoding="utf-8")
    assert '<th scope="row">Voting board minus workforce</th>' in table


def test_no_page_says_a_figure_was_not_entered(site):
    said = {str(p.relative_to(site)): m.group(0) for p in html_pages(site)
            if (m := re.search(r"[^.]*\b(not|was) entered\b[^.]*", visible_text(p.read_text(encoding="utf-8")), re.I))}
    assert said == {}
    indicator_5 = visible_text((site / "indicators" / "indicator-5" / "index.html").read_text(encoding="utf-8"))
    assert "— No figure for that year." in indicator_5
