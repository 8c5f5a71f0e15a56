"""Each published year's full report as an accessible PDF (WeasyPrint), cached by what it is made of.

The HTML comes from ``pages/report.py``; here it becomes a tagged PDF aiming at
PDF/UA-1: the structure tree (headings, lists, tables with header cells, figures
with their alternative text), the document's language and title, and an outline
from the headings. The same input gives the same bytes: no creation date unless the
year gives one (the board's approval), and the file identifier is a hash of the
content.

Making a PDF takes a few seconds, so each is kept in a per-user cache named by the
SHA-256 of what it is made from: the year's and earlier years' data as loaded, the
logo's bytes, the package's own code and templates, WeasyPrint's version, and the fonts
and Pango it is laid out with (``pdf_fonts.py``: installing a font makes it again). The key
is cheap, so a build whose report did not change neither lays out the PDF nor renders
its HTML: it copies the cached file (its page count is kept beside it). The cache lives in
``$WRES_CACHE_DIR/pdf``, or ``$XDG_CACHE_HOME/wres/pdf``, or ``~/.cache/wres/pdf``; a PDF
not used for ``KEEP_DAYS`` is removed the next time one is made.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache as once
from pathlib import Path

from ..cache import code_digest, write_whole
from ..data import Dataset
from ..data.indicators import STANDARDS
from ..pages.render import lead_standard
from ..metrics import Metrics
from ..pages.report import (
    REPORT_DIR,
    ReportDocument,
    ReportLink,
    published_years,
    report_document,
    report_name,
    up_to,
)
from .pdf_fonts import fingerprint as font_fingerprint

log = logging.getLogger("mkdocs.plugins.wres")

PDF_VARIANT = "pdf/ua-1"
KEEP_DAYS = 60


@dataclass(frozen=True)
class ReportFile:
    """A made PDF: where it is (in the cache) and how the year page describes it."""

    year: int
    path: Path
    pages: int
    standard: str = "wres"

    @property
    def site_path(self) -> str:
        return f"{REPORT_DIR}/{report_name(self.year, self.standard)}"

    @property
    def link(self) -> ReportLink:
        return ReportLink(self.site_path, self.pages, self.path.stat().st_size)


def cache_dir() -> Path:
    """Where made PDFs are kept between builds (per user, never inside the project)."""
    if os.environ.get("WRES_CACHE_DIR"):
        return Path(os.environ["WRES_CACHE_DIR"]) / "pdf"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "wres" / "pdf"


@once
def engine_version() -> str:
    # from the installed package's metadata (read once: 1 ms a read, a read a report): importing WeasyPrint itself
    # takes half a second, needed only on a cache miss
    from importlib.metadata import version  # noqa: PLC0415

    return f"weasyprint {version('weasyprint')}"


def render(document: ReportDocument) -> tuple[bytes, int]:
    """The PDF's bytes and its number of pages."""
    from weasyprint import CSS, HTML  # noqa: PLC0415 - a slow import, only when a PDF is made

    from .pdf_fetch import LocalFetcher  # noqa: PLC0415 - imports WeasyPrint

    fetcher = LocalFetcher()  # nothing from the network or from files outside the package's report assets
    rendered = HTML(string=document.html, url_fetcher=fetcher).render(
        stylesheets=[CSS(string=document.css, url_fetcher=fetcher)])
    # pdf_identifier=True: the file's /ID is a hash of its content, not a random or dated one
    data = rendered.write_pdf(pdf_variant=PDF_VARIANT, pdf_identifier=True)
    return data, len(rendered.pages)


def input_key(dataset: Dataset, metrics: Metrics, year: int, standard: str = "wres") -> str:
    """The cache key of ``year``'s PDF, computed without rendering it: the data it is made from (that year and
    the ones before it, as loaded), the logo's bytes, the package's code, WeasyPrint's version, and the fonts and
    Pango that lay it out."""
    data, _ = up_to(dataset, metrics, year)
    hashed = hashlib.sha256()
    parts = ("inputs", str(year), data.model_dump_json(), code_digest(), engine_version(), font_fingerprint(), PDF_VARIANT)
    for part in parts + (() if standard == "wres" else (standard,)):
        hashed.update(part.encode("utf-8") + b"\0")
    identity = data.organisation.identity
    logo = identity.logo_path if identity is not None else None
    if logo is not None and logo.is_file():
        hashed.update(hashlib.sha256(logo.read_bytes()).digest())
    return hashed.hexdigest()


def made(year: int, key: str, document: Callable[[], ReportDocument], cache: Path | None = None) -> ReportFile:
    """The PDF cached under ``key``; on a miss ``document()`` renders the report's HTML and it is laid out."""
    cache = cache or cache_dir()
    path, info = cache / f"{key}.pdf", cache / f"{key}.json"
    if path.is_file() and info.is_file():
        try:
            pages = int(json.loads(info.read_text(encoding="utf-8"))["pages"])
            mark_used(path)
            return ReportFile(year, path, pages)
        except (ValueError, KeyError, TypeError):
            pass  # a damaged entry is made again
    data, pages = render(document())
    cache.mkdir(parents=True, exist_ok=True)
    _prune(cache)
    write_whole(path, data)
    write_whole(info, json.dumps({"pages": pages, "year": year}).encode("utf-8"))
    log.info("Made the %s report PDF (%d pages)", year, pages)
    return ReportFile(year, path, pages)


def mark_used(path: Path) -> None:
    """A cached PDF is in use (made, or published again by a build that kept its report): kept by the pruning below."""
    with contextlib.suppress(OSError):
        os.utime(path.with_suffix(".json"))


def _prune(cache: Path) -> None:
    """Forget PDFs not used for KEEP_DAYS, so the cache does not grow with every edit ever built."""
    cutoff = time.time() - KEEP_DAYS * 86400
    for info in cache.glob("*.json"):
        with contextlib.suppress(OSError):
            if info.stat().st_mtime < cutoff:
                info.with_suffix(".pdf").unlink(missing_ok=True)
                info.unlink()


def year_reports(dataset: Dataset, metrics: Metrics) -> dict[tuple[str, int], ReportFile]:
    """A PDF for every published year of ``dataset`` (drafts get none) and standard it publishes, by (standard, year):
    the WRES report of every published year, and another standard's where the year gives its figures."""
    def document(year: int, standard: str) -> Callable[[], ReportDocument]:
        # the templates are compiled once per process
        return lambda: report_document(dataset, metrics, year, standard=standard)

    wres = lead_standard(dataset).id == "wres"  # a trust that publishes only the WDES has no WRES report
    found = {("wres", y.year): made(y.year, input_key(dataset, metrics, y.year), document(y.year, "wres"))
             for y in published_years(dataset) if wres}
    for standard in (s.id for s in STANDARDS.values() if s.section):
        for y in published_years(dataset):
            if y.publishes(standard):
                made_file = made(y.year, input_key(dataset, metrics, y.year, standard), document(y.year, standard))
                found[(standard, y.year)] = replace(made_file, standard=standard)
    return found


def write_report(dataset: Dataset, metrics: Metrics, year: int, out: Path) -> ReportFile:
    """``wres pdf YEAR``: the year's PDF written to ``out``."""
    result = made(year, input_key(dataset, metrics, year), lambda: report_document(dataset, metrics, year))
    out.parent.mkdir(parents=True, exist_ok=True)
    write_whole(out, result.path.read_bytes())
    return ReportFile(year, out, result.pages)
