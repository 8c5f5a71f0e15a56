"""Keyboard: from the top, Tab reaches every link, button and control in order, each with a
visible focus indicator; the skip link works; nothing traps focus (charts included)."""

from __future__ import annotations

from .conftest import CHARTS_READY, open_page

MARK_TABBABLE = """() => {
  // Material's "Back to top" button floats in only while the page scrolls up, and hides itself (dropping focus)
  // as it scrolls down: whether Tab meets it depends on when the scroll events land, so a busy machine changed
  // the order. It is not a stop of the page's order; taking it out first makes the walk the same every time.
  document.querySelectorAll('.md-top').forEach(el => el.remove());
  const all = document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]');
  // a radio group is one stop for Tab: its checked button (or its first, when none is checked)
  const radioStop = el => {
    if (el.type !== 'radio' || !el.name) return true;
    const group = Array.from(document.getElementsByName(el.name));
    const checked = group.find(r => r.checked);
    return el === (checked || group[0]);
  };
  const tabbable = Array.from(all).filter(el => el.tabIndex >= 0 && !el.disabled && !el.closest('[inert], [hidden]')
      && el.checkVisibility({visibilityProperty: true}) && radioStop(el));
  tabbable.forEach((el, i) => el.setAttribute('data-kb', String(i)));
  return tabbable.length;
}"""

FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  // the indicator may be drawn on the element, or (for a visually hidden input) on its label
  const shown = node => {
    const style = getComputedStyle(node);
    return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
        || (style.boxShadow && style.boxShadow !== 'none');
  };
  const next = el.nextElementSibling;
  const candidates = [el, ...(el.labels || []), ...(next && next.tagName === 'LABEL' ? [next] : [])];
  return {index: el.getAttribute('data-kb'), indicator: candidates.some(shown),
          what: el.outerHTML.slice(0, 120), inChart: !!el.closest('.wres-chart')};
}"""


def tab_through(page) -> tuple[list, int]:
    count = page.evaluate(MARK_TABBABLE)
    seen = []
    for _ in range(count + 10):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None or (seen and focused["index"] == "0"):
            break  # focus left the page, or came round to the start again: no trap
        seen.append(focused)
    return seen, count


def test_tab_reaches_everything_in_order_with_a_visible_focus(browser, base_url, page_paths):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    failures = []
    for path in page_paths:
        # the condition the walk needs (Material's script has run at "load"; every chart is ready), not half a
        # second of network silence per page
        page.goto(base_url + path, wait_until="load")
        page.wait_for_function(CHARTS_READY)
        seen, count = tab_through(page)
        order = [int(f["index"]) if f["index"] is not None else f["what"] for f in seen]
        if order != list(range(count)):
            at = next((i for i, (a, b) in enumerate(zip(order, range(count))) if a != b), min(len(order), count))
            failures.append(f"{path}: after {at} controls in order, Tab went to {order[at:at + 3]} instead of "
                            f"{list(range(count))[at:at + 3]} (of {count})")
        if len(seen) > count:
            failures.append(f"{path}: focus did not leave the page after the last control (a trap?)")
        missing_indicator = [f["what"] for f in seen if not f["indicator"]]
        if missing_indicator:
            failures.append(f"{path}: no visible focus indicator on {missing_indicator[:3]}")
        if any(f["inChart"] for f in seen):
            failures.append(f"{path}: focus enters a chart")
    context.close()
    assert not failures, "\n".join(failures)


def test_the_chart_button_draws_the_chart_and_moves_focus_to_it(browser, base_url):
    page = browser.new_page(viewport={"width": 375, "height": 800})
    open_page(page, base_url + "indicators/indicator-5/")
    button = page.locator("[data-wres-explore]").first
    chart = button.get_attribute("data-wres-explore")
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => document.getElementById('{chart}').classList.contains('wres-chart--drawn')", timeout=20000)
    state = page.evaluate(f"""() => ({{focused: document.activeElement.id, svgs: document.querySelectorAll('#{chart} svg.wres-svg').length,
        plot: !!document.querySelector('#{chart} svg.main-svg'), buttonHidden: !!document.querySelector('[data-wres-explore="{chart}"]').closest('[hidden]'),
        name: document.getElementById('{chart}').getAttribute('aria-label')}})""")
    assert state == {**state, "focused": chart, "svgs": 0, "plot": True, "buttonHidden": True}, state
    assert len(state["name"]) > 40
    page.close()


def test_the_skip_link_moves_to_the_content(browser, base_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    for path in ("", "indicators/indicator-2/", "action-plan/"):
        open_page(page, base_url + path)
        page.keyboard.press("Tab")
        first = page.evaluate("[document.activeElement.classList.contains('md-skip'), document.activeElement.textContent.trim()]")
        assert first == [True, "Skip to content"], first
        page.keyboard.press("Enter")
        page.wait_for_function("location.hash !== ''")  # the skip link has been followed
        page.keyboard.press("Tab")
        inside = page.evaluate("!!document.activeElement.closest('.md-content')")
        assert inside, f"{path}: after the skip link, Tab did not move into the content"
    page.close()
