/* Charts: every chart is a static SVG made at build time, so a page needs no chart script to show it.
 * This script shows each chart's "Explore this chart interactively" button; the first press loads
 * the self-hosted plotly.js (and its stylesheet), then draws that chart from its JSON block.
 * Colours come from CSS custom properties (--wres-<role>), so each colour scheme uses colours with
 * enough contrast; an interactive chart is redrawn when the reader switches scheme. */
(function () {
  "use strict";
  var script = document.currentScript;
  var plotly = null;

  function css(name, fallback) {
    var value = getComputedStyle(document.body).getPropertyValue(name).trim();
    return value || fallback;
  }

  function load() {
    if (plotly) { return plotly; }
    var link = document.createElement("link");
    // plotly.js finds its rules here (by this id and class) instead of injecting an inline style
    link.id = "plotly.js-style-global";
    link.className = "no-inline-styles";
    link.rel = "stylesheet";
    link.href = script.getAttribute("data-plotly-css");
    document.head.appendChild(link);
    plotly = new Promise(function (resolve, reject) {
      var bundle = document.createElement("script");
      bundle.src = script.getAttribute("data-plotly");
      bundle.onload = resolve;
      bundle.onerror = function () { plotly = null; reject(); };
      document.head.appendChild(bundle);
    });
    return plotly;
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
      } else if (trace.meta === "interval") {
        trace.line = { width: 0, color: "rgba(0,0,0,0)" };
        trace.fillcolor = css("--wres-interval", "rgba(18,67,109,0.2)");
      } else {
        trace.line = trace.line || {};
        trace.line.color = colour;
        // an open symbol (national, comparator, published figures) is drawn by plotly.js in marker.color,
        // its outline and its legend key alike: the page's background there would make both vanish
        trace.marker.color = colour;
        trace.textfont = { color: text };
      }
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
    var page = css("--md-default-bg-color", "#ffffff");
    (layout.annotations || []).forEach(function (note) {
      note.font = { color: text, size: 13 };
      // a band's name above its bar, bold as in the static chart, hides the whole workforce's line where the
      // line would cross it
      if (note.name === "category") { note.font.weight = 600; note.bgcolor = page; }
    });
    layout.hoverlabel = { bgcolor: page, font: { color: text } };
    return { data: data, layout: layout };
  }

  function draw(element) {
    var source = document.getElementById(element.getAttribute("data-wres-chart"));
    if (!source || !window.Plotly) { return; }
    element.querySelectorAll(".wres-svg").forEach(function (svg) { svg.remove(); });
    var painted = paint(JSON.parse(source.textContent));
    window.Plotly.react(element, painted.data, painted.layout, {
      displayModeBar: false, responsive: true, scrollZoom: false, doubleClick: false
    });
    element.classList.add("wres-chart--drawn");
  }

  function explore(button) {
    var element = document.getElementById(button.getAttribute("data-wres-explore"));
    if (!element || button.getAttribute("aria-disabled") === "true") { return; }
    // not disabled: a disabled button would drop the keyboard focus to the page
    button.setAttribute("aria-disabled", "true");
    button.textContent = "Loading the interactive chart";
    load().then(function () {
      draw(element);
      // the reader lands on the chart they asked for; its accessible name is read out
      element.setAttribute("tabindex", "-1");
      element.focus();
      button.parentNode.hidden = true;
    }, function () {
      button.removeAttribute("aria-disabled");
      button.textContent = "The interactive chart did not load: try again";
    });
  }

  function start() {
    document.querySelectorAll(".wres-chart__explore").forEach(function (row) { row.hidden = false; });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-wres-explore]");
    if (button) { explore(button); }
  });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
  new MutationObserver(function () {
    document.querySelectorAll(".wres-chart--drawn").forEach(draw);
  }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
})();
