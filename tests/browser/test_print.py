"""Printing: every page prints on A4 without the site's navigation, nothing cut off; a year's report fits 10 pages.

The page count is read from the PDF Chromium makes of the page (``page.pdf``), the way
a reader's "Print > Save as PDF" makes it; the rest is checked with print media emulated
at the width of an A4 page inside its margins.
"""

from __future__ import annotations

import io

import pikepdf
import pytest

from ..conftest import load_example
from .conftest import open_page

MAX_YEAR_PAGES = 10
A4_CONTENT_PX = 688  # 210 mm less 2 x 14 mm margins (wres.css @page), at 96 px per inch
CHROME = (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search",
          ".md-skip", ".md-top", ".wres-figure button")
LATEST = load_example().latest.year


@pytest.fixture
def printed(browser):
    context = browser.new_context(viewport={"width": A4_CONTENT_PX, "height": 1000})
    page = context.new_page()
    yield page
    context.close()


def _is_a4(pdf: pikepdf.Pdf) -> bool:
    """A4 is 595.3 x 841.9 points; Chromium rounds its page box up to whole points."""
    box = [float(v) for v in pdf.pages[0].mediabox]
    return abs(box[2] - box[0] - 595.3) <= 1.5 and abs(box[3] - box[1] - 841.9) <= 1.5


def _open(page, url: str) -> None:
    open_page(page, url)


def test_the_latest_year_prints_on_at_most_ten_a4_pages(printed, base_url):
    _open(printed, f"{base_url}years/{LATEST}/")
    pdf = pikepdf.open(io.BytesIO(printed.pdf(format="A4", print_background=False)))
    assert _is_a4(pdf), "the page is not A4 (210 x 297 mm, 595 x 842 points)"
    assert 2 <= len(pdf.pages) <= MAX_YEAR_PAGES, f"years/{LATEST} prints on {len(pdf.pages)} A4 pages"


def test_the_page_size_is_a4_even_when_the_reader_does_not_choose(printed, base_url):
    _open(printed, f"{base_url}years/{LATEST}/")
    pdf = pikepdf.open(io.BytesIO(printed.pdf(prefer_css_page_size=True)))
    assert _is_a4(pdf)


@pytest.mark.parametrize("path", ["", f"years/{LATEST}/", "indicators/indicator-2/", "action-plan/", "methodology/"])
def test_print_has_no_navigation_chrome_and_nothing_cut_off(printed, base_url, path):
    _open(printed, base_url + path)
    assert printed.locator(".md-header").is_visible(), "the header should be there on screen"
    printed.emulate_media(media="print")
    shown = [selector for selector in CHROME if any(el.is_visible() for el in printed.locator(selector).all())]
    assert shown == [], f"{path or 'home'} prints navigation: {shown}"
    assert printed.locator("article h1").is_visible()
    cut = printed.evaluate("""() => {
        const out = [];
        const width = document.querySelector('article').getBoundingClientRect().width;
        for (const el of document.querySelectorAll('article table, article .wres-table, article .wres-chart, article figure')) {
            const style = getComputedStyle(el);
            const box = el.getBoundingClientRect();
            if (['auto', 'scroll', 'hidden'].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1)
                out.push(`${el.tagName}#${el.id}: scrolls (${el.scrollWidth} > ${el.clientWidth})`);
            if (box.width > width + 1) out.push(`${el.tagName}#${el.id}: wider than the page (${box.width} > ${width})`);
        }
        return out;
    }""")
    assert cut == [], f"{path or 'home'} cuts off: {cut}"


def test_charts_print_full_width_and_tables_keep_rows_whole(printed, base_url):
    _open(printed, f"{base_url}indicators/indicator-2/")
    printed.emulate_media(media="print")
    facts = printed.evaluate("""() => {
        const article = document.querySelector('article').getBoundingClientRect().width;
        const charts = [...document.querySelectorAll('.wres-chart')];
        return {
            article,
            charts: charts.map(c => c.getBoundingClientRect().width),
            chartBreak: charts.map(c => getComputedStyle(c).breakInside),
            rowBreak: getComputedStyle(document.querySelector('article table tr')).breakInside,
            headGroup: getComputedStyle(document.querySelector('article table thead')).display,
        };
    }""")
    assert facts["charts"], "the indicator page should have a chart"
    assert all(abs(width - facts["article"]) <= 2 for width in facts["charts"]), facts
    assert set(facts["chartBreak"]) == {"avoid"}
    assert facts["rowBreak"] == "avoid"
    assert facts["headGroup"] == "table-header-group"  # the header row repeats on every printed page
