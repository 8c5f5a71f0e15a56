"""What WeasyPrint may load while it lays out a report: the report's own images and the package's assets, nothing else.

WeasyPrint's default fetcher follows any address in the HTML, its CSS or an SVG image:
http(s) (a request from the build machine, to anywhere), and ``file:`` (any file the build
can read, embedded in a PDF that is then published). The report needs neither: its charts
and the logo are inlined as ``data:`` images by ``pages/report.py``, and its stylesheet is
a string. So this fetcher serves ``data:`` images (PNG and SVG only), files inside the
folders it is given (the package's report assets), and refuses every other address; a
refused address is left out of the PDF and logged.
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from weasyprint.urls import URLFetcher, URLFetcherResponse

log = logging.getLogger("mkdocs.plugins.wres")

REPORT_ASSETS = Path(__file__).resolve().parents[1] / "pages" / "templates" / "report"
DATA_TYPES = ("image/png", "image/svg+xml")


class LocalFetcher(URLFetcher):
    """A WeasyPrint URL fetcher that never goes to the network and reads no file outside ``roots``."""

    def __init__(self, roots: tuple[Path, ...] = (REPORT_ASSETS,)) -> None:
        super().__init__(allowed_protocols=("data", "file"), allow_redirects=False)
        self.roots = tuple(root.resolve() for root in roots)

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        scheme = url.split(":", 1)[0].lower() if ":" in url else ""
        if scheme == "data":
            media_type = unquote(url[5:].split(",", 1)[0]).split(";", 1)[0].strip().lower()
            if media_type in DATA_TYPES:
                return super().fetch(url, headers)  # decoded in memory by urllib's data: handler
        elif scheme == "file" and (path := self._inside(url)) is not None:
            return URLFetcherResponse(url, path.read_bytes())
        shown = url if len(url) < 80 else url[:77] + "..."
        log.warning("The report PDF leaves out %s: it may only use its own images, not another file or address", shown)
        raise ValueError(f"not fetched (outside the report): {shown}")

    def _inside(self, url: str) -> Path | None:
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            return None
        path = Path(url2pathname(parts.path)).resolve()  # symlinks followed first: a link out of the folder is outside
        if not path.is_file() or not any(path.is_relative_to(root) for root in self.roots):
            return None
        return path
