/* The menu's first screen on a laptop: no row cut in half at its top.
 *
 * On first load Material scrolls the menu so that the current page's link sits in its middle
 * (components/sidebar: `container.scrollTo({top: offset - height / 2})`), which leaves whatever row meets the top
 * edge cut through: "Indicators" or "4. Access to non-mandatory ..." shown as half a line. Material has no
 * setting for this, and CSS scroll snapping would also snap every scroll the reader makes. So this waits for that
 * one scroll and moves the menu back by the part of the cut row that is hidden, so that row shows whole and the
 * current link stays in view. A reader who scrolls, clicks, taps or presses a key first keeps their own scroll:
 * the script stops listening. Focus and the contents column (toc.follow) are not touched.
 *
 * It runs before Material's bundle (so it hears that scroll) and only where the menu is a column beside the page
 * (Material's 76.25em breakpoint); on smaller screens the menu is a drawer that opens at its top. */
(() => {
  "use strict";
  const wrap = document.querySelector(".md-sidebar--primary .md-sidebar__scrollwrap");
  if (!wrap || !window.matchMedia("(min-width: 76.25em)").matches) return;
  const USER = ["wheel", "touchstart", "pointerdown", "keydown"];

  // The rows a reader sees: links and section labels (titles hidden in this layout have no box).
  const rows = () => Array.from(wrap.querySelectorAll(".md-nav__link, .md-nav__title"))
    .map(row => row.getBoundingClientRect()).filter(box => box.height > 0);

  const stop = () => {
    wrap.removeEventListener("scroll", snap);
    for (const name of USER) window.removeEventListener(name, stop, true);
  };

  // Back by the hidden part of the cut row, so it shows whole; or, if that would push the current page's link off
  // the bottom, on to the next row, so the cut row goes (the stylesheet leaves room below the last row for this).
  // Whole pixels, rounded towards the row: a fraction of a pixel left hidden would still cut it.
  function snap() {
    stop();
    const edge = wrap.getBoundingClientRect(), boxes = rows();
    const i = boxes.findIndex(box => box.bottom > edge.top);
    if (i < 0 || boxes[i].top >= edge.top) return;
    const back = Math.ceil(edge.top - boxes[i].top);
    const current = wrap.querySelector("a.md-nav__link--active");
    const fits = !current || current.getBoundingClientRect().bottom + back <= edge.bottom;
    const next = boxes.slice(i + 1).find(box => box.top >= boxes[i].bottom);
    if (fits || !next) wrap.scrollTop = Math.max(0, wrap.scrollTop - back);
    else wrap.scrollTop += Math.floor(next.top - edge.top);
  }

  wrap.addEventListener("scroll", snap, {passive: true});
  for (const name of USER) window.addEventListener(name, stop, {capture: true, passive: true});
})();
