"""What a reader sees before scrolling: on a phone, each indicator page's first screen holds its figure and sentence;
on a laptop, the menu beside a page shows whole rows from its top edge, with the current page's link among them."""

from __future__ import annotations

import pytest

from .conftest import SCHEMES, open_page

PHONE = {"width": 375, "height": 667}  # an iPhone SE / 8: the smallest common phone screen


@pytest.mark.parametrize("scheme", SCHEMES)
def test_an_indicator_pages_first_phone_screen_is_its_headline_with_any_correction_after_it(browser, base_url, scheme):
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    page = context.new_page()
    seen = {}
    for number in range(1, 10):
        open_page(page, f"{base_url}indicators/indicator-{number}/")
        seen[number] = page.evaluate("""() => {
            const box = e => e && e.getBoundingClientRect();
            const figure = box(document.querySelector('.wres-headline')), notice = box(document.querySelector('.wres-correction'));
            return {bottom: Math.ceil(figure.bottom), text: document.querySelector('.wres-headline').innerText.slice(0, 80),
                    notice: notice ? Math.floor(notice.top) : null};
        }""")
    context.close()
    late = {n: s for n, s in seen.items() if s["bottom"] > PHONE["height"]}
    assert not late, f"the headline figure and sentence end below the first screen: {late}"
    assert seen[9]["text"].startswith("BME share of voting board 3.9 percentage points below")
    # indicator 3 has a correction: it stays on the page, after the figure it corrects
    assert seen[3]["notice"] is not None and seen[3]["notice"] >= seen[3]["bottom"]


LAPTOP = {"width": 1280, "height": 800}

# The first row of the menu that shows (a link or a section's label) and where it stands against the menu's top:
# Material scrolls the menu to bring the current link to its middle, which cut that row in half.
FIRST_MENU_ROW = """() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => {
  const wrap = document.querySelector('.md-sidebar--primary .md-sidebar__scrollwrap');
  const top = wrap.getBoundingClientRect().top;
  const row = Array.from(wrap.querySelectorAll('.md-nav__link, .md-nav__title'))
    .map(r => ({text: r.innerText.trim(), box: r.getBoundingClientRect()}))
    .find(r => r.box.height > 0 && r.box.bottom > top);
  const current = wrap.querySelector('a.md-nav__link--active'), edges = wrap.getBoundingClientRect();
  const at = current && current.getBoundingClientRect();
  done({scrolled: wrap.scrollTop, text: row.text, cut: top - row.box.top,
        shown: !at || (at.top >= edges.top - 1 && at.bottom <= edges.bottom + 1)});
})))"""


def _menu_pages(page_paths: list[str]) -> list[str]:
    """The pages whose menu Material scrolls on a laptop: the current link is below the menu's first screen."""
    return [p for p in page_paths if p.startswith(("data/", "methodology/", "accessibility/", "action-plan/", "corrections/",
                                                   "about/", "wdes/", "years/"))]


@pytest.mark.parametrize("scheme", SCHEMES)
def test_on_a_laptop_the_menus_first_row_is_never_cut_in_half(browser, base_url, page_paths, scheme):
    context = browser.new_context(viewport=LAPTOP, color_scheme=scheme)
    page = context.new_page()
    seen = {}
    paths = _menu_pages(page_paths) if scheme == "light" else ["data/", "methodology/", "accessibility/", "action-plan/",
                                                               "wdes/methodology/", "wdes/years/2019/", "wdes/metrics/metric-10/"]
    for path in paths:
        open_page(page, base_url + path)
        seen[path] = page.evaluate(FIRST_MENU_ROW)
    context.close()
    assert len(seen) >= 7
    # the menu was scrolled (the case this is about) on most of these pages
    assert sum(s["scrolled"] > 0 for s in seen.values()) >= len(seen) // 2
    cut = {p: s for p, s in seen.items() if s["cut"] > 1}
    assert not cut, f"the menu's first row is cut at its top: {cut}"
    hidden = {p: s for p, s in seen.items() if not s["shown"]}
    assert not hidden, f"the current page's link is out of the menu's first screen: {hidden}"
