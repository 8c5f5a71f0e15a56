"""The report's part of a build kept on disk, so a build whose ``data/`` is unchanged does not make it again.

``kept.py`` keeps the last report in memory for the preview's rebuilds; this keeps it between
processes, for ``wres build`` and ``mkdocs build``. A trust rebuilds with unchanged data after
every edit to a page of ``content/``, to ``mkdocs.yml`` or to ``theme_overrides/``, and each
such build made the report again: loading and checking ``data/``, the figures, every page and
chart (about 0.2 s of a 1.5 s build). The report is kept under a digest of everything it is made of:

- the inputs ``kept.inputs_key`` names: the files of ``data/`` and their paths, the organisation
  file, ``content/``'s files but its pages (which are read and checked afresh at every build),
  and whether drafts and PDFs are wanted; and the project's shape (its folder, ``mkdocs.yml``,
  content folder and organisation file: a bare data folder is checked otherwise);
- this copy of the package (``cache.code_digest``), the Python running it and the libraries
  installed beside it (their ``*.dist-info`` folders name their versions), so an upgrade of
  pydantic, plotly or Python-Markdown makes it again;
- with PDFs, the fonts and Pango that lay them out (``pdf_fonts.fingerprint``), as the PDFs'
  own keys do.

An entry is used only if the files it links are still there as they were: the PDFs in their
cache, and a logo kept outside ``content/``. Anything unreadable, damaged or made by other code
is a miss, never an error: the build makes the report afresh, exactly as with no cache. The
newest ``KEEP`` entries are kept (pickles: see ``cache.kept_value``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..cache import cache_root, digest, keep_value, kept_value, prune
from .kept import Report, inputs_key

KEEP = 8  # entries: a few projects, or drafts and published, each about 1.5 MB


def cache_dir() -> Path:
    return cache_root() / "reports"


def key_for(project: Any, *, drafts: bool, pdfs: bool) -> str:
    """The digest naming the report of ``project`` as it is now (see the module's docstring for what it covers)."""
    # the project's shape too: a bare data folder's organisation file may say what a project's must not (site:)
    shape = f"{project.root}\0{project.mkdocs_file}\0{project.content_dir}\0{project.config_file}"
    fonts = ""
    if pdfs:
        from .pdf_fonts import fingerprint

        fonts = fingerprint()
    return digest(inputs_key(project, drafts=drafts, pdfs=pdfs, logo=None), shape, fonts)


def get(key: str) -> Report | None:
    """The report kept under ``key``, if every file it links is still as it was; else None."""
    kept = kept_value(cache_dir() / f"{key}.pickle")
    if not (isinstance(kept, tuple) and len(kept) == 2 and isinstance(kept[0], Report) and isinstance(kept[1], dict)):
        return None
    report, linked = kept
    if any(_stamp(Path(name)) != stamp for name, stamp in linked.items()):
        return None
    _mark_used(report)
    return report


def keep(key: str, report: Report) -> None:
    """Keep ``report`` under ``key``, with the state of each file it links."""
    linked = {str(path): _stamp(path) for path in _linked(report)}
    keep_value(cache_dir() / f"{key}.pickle", (report, linked), newest=KEEP)
    prune(cache_dir(), "*.pickle", KEEP)  # a build writes one entry: pruned at every write, not only a process's first


def _linked(report: Report) -> list[Path]:
    """The files outside the entry that the report publishes: its PDFs and assets, and the organisation's logo."""
    paths = [data for data in report.files.values() if isinstance(data, Path)]
    identity = report.dataset.organisation.identity
    if identity is not None and identity.logo_path is not None:
        paths.append(Path(identity.logo_path))
    return paths


def _stamp(path: Path) -> str:
    try:
        info = path.stat()
    except OSError:
        return "missing"
    return f"{info.st_size} {info.st_mtime_ns}"


def _mark_used(report: Report) -> None:
    """The report's PDFs are in use: the PDF cache keeps them (it forgets one unused for ``pdf.KEEP_DAYS``)."""
    from .pdf import mark_used

    for data in report.files.values():
        if isinstance(data, Path) and data.suffix == ".pdf":
            mark_used(data)
