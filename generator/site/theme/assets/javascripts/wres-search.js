/* Load the search index on first use of search, not on every page.
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
})();
