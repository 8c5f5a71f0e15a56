"""What a reader sees before scrolling: on a phone, each indicator page's first screen holds its figure and sentence."""

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
