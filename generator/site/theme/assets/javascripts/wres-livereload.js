/* The preview only (wres serve; a built page never loads it): reload the page when the preview has rebuilt.
 * MkDocs' live-reload server answers /livereload/<epoch>/<id> with the epoch of its latest build: at once when
 * that is newer than <epoch>, otherwise when the next build ends (or after a minute). MkDocs' own client is an
 * inline script, which the site's Content-Security-Policy refuses (and a hash cannot allow it: it holds the
 * build's epoch and a new id on every page load); this file is the same client, allowed by script-src 'self'.
 * The first answer (asked with epoch 0) is the build this page came from. */
(function () {
  "use strict";
  var id = String(Date.now());
  var epoch = null;
  var request = null;
  var timer = null;

  function stop() {
    // abort first: its loadend schedules a poll, which clearTimeout then cancels
    if (request) { request.abort(); }
    if (timer) { clearTimeout(timer); }
    request = timer = null;
  }

  function poll() {
    stop();
    request = new XMLHttpRequest();
    request.onloadend = function () {
      var latest = parseInt(this.responseText, 10);
      if (this.status === 200 && epoch !== null && latest > epoch) {
        location.reload();
        return;
      }
      if (this.status === 200 && !isNaN(latest)) { epoch = latest; }
      timer = setTimeout(poll, this.status === 200 ? 0 : 3000);
    };
    request.open("GET", "/livereload/" + (epoch === null ? 0 : epoch) + "/" + id);
    request.send();
  }

  function visibility() {
    if (document.visibilityState === "visible") { poll(); } else { stop(); }
  }

  document.addEventListener("visibilitychange", visibility);
  window.addEventListener("beforeunload", stop);
  visibility();
})();
