/* Draw the Plotly charts of a page from their JSON blocks.
 * Colours come from CSS custom properties (--wres-<role>), so each colour scheme uses
 * colours with enough contrast; the chart is redrawn when the reader switches scheme.
 * Runs on first load and after Material's instant navigation (document$). */
(function () {
  "use strict";

  function css(name, fallback) {
    var value = getComputedStyle(document.body).getPropertyValue(name).trim();
    return value || fallback;
  }

  function paint(spec) {
    var data = JSON.parse(JSON.stringify(spec.data));
    var layout = JSON.parse(JSON.stringify(spec.layout));
    var text = css("--md-default-fg-color", "#000000");
    var grid = css("--wres-grid", "#cccccc");
    data.forEach(function (trace) {
      var colour = css("--wres-" + trace.meta, text);
      trace.marker = trace.marker || {};
      trace.marker.line = trace.marker.line || {};
      trace.marker.line.color = colour;
      if (trace.type === "bar") {
        trace.marker.color = css("--wres-band-fill", colour);
      } else {
        trace.line = trace.line || {};
        trace.line.color = colour;
        trace.marker.color = colour;
        trace.textfont = { color: text };
      }
      if (trace.error_y) { trace.error_y.color = colour; }
    });
    layout.font = { family: css("--md-text-font-family", "sans-serif"), color: text, size: 14 };
    ["xaxis", "yaxis"].forEach(function (axis) {
      layout[axis] = layout[axis] || {};
      layout[axis].gridcolor = grid;
      layout[axis].linecolor = text;
      layout[axis].tickcolor = text;
    });
    (layout.shapes || []).forEach(function (shape) {
      if (shape.name === "equity-band") { shape.fillcolor = css("--wres-equity", "rgba(40,161,151,0.2)"); }
      else { shape.line = shape.line || {}; shape.line.color = text; }
    });
    (layout.annotations || []).forEach(function (note) { note.font = { color: text, size: 13 }; });
    layout.hoverlabel = { bgcolor: css("--md-default-bg-color", "#ffffff"), font: { color: text } };
    return { data: data, layout: layout };
  }

  function draw() {
    if (!window.Plotly) { return; }
    document.querySelectorAll("[data-wres-chart]").forEach(function (element) {
      var source = document.getElementById(element.getAttribute("data-wres-chart"));
      if (!source) { return; }
      var painted = paint(JSON.parse(source.textContent));
      window.Plotly.react(element, painted.data, painted.layout, {
        displayModeBar: false, responsive: true, scrollZoom: false, doubleClick: false
      });
      element.classList.add("wres-chart--drawn");
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(draw);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
  new MutationObserver(draw).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
})();
