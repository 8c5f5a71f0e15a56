/* Search, two changes to Material's (made here, not in a copy of its templates):
 *
 * The search dialog gets an accessible name. Material's partials/search.html gives its
 * role="dialog" none (axe: aria-dialog-name); it takes the name Material gives the dialog's
 * options ("Search", in the site's language). This script runs at the end of the page, so the
 * dialog is there already.
 *
 * Load the search index on first use of search, not on every page.
 * Material for MkDocs requests search/search_index.json (an XMLHttpRequest) as soon as a page
 * loads; this holds that one request back until the reader opens or focuses the search box, or
 * arrives with a search in the address (?q=). It must run before Material's bundle. */
(function () {
  "use strict";
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var waiting = [];
  var used = false;

  XMLHttpRequest.prototype.open = function (method, url) {
    this.wresSearchIndex = /\/search\/search_index\.json$/.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.wresSearchIndex && !used) {
      var request = this;
      var args = arguments;
      waiting.push(function () { send.apply(request, args); });
      return undefined;
    }
    return send.apply(this, arguments);
  };

  function use() {
    if (used) { return; }
    used = true;
    waiting.splice(0).forEach(function (start) { start(); });
  }

  document.addEventListener("focusin", function (event) {
    if (event.target.closest && event.target.closest("form[name='search']")) { use(); }
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search") { use(); }
  });
  if (/[?&]q=/.test(location.search)) { use(); }

  var dialog = document.querySelector(".md-search[role='dialog']");
  var options = dialog && dialog.querySelector(".md-search__options[aria-label]");
  if (dialog && options && !dialog.hasAttribute("aria-label")) {
    dialog.setAttribute("aria-label", options.getAttribute("aria-label"));
  }
})();
