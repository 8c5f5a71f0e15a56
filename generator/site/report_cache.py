"""The report's part of a build kept on disk, so a build whose ``data/`` is unchanged does not make it again.

``kept.py`` keeps the last report in memory for the preview's rebuilds; this keeps it between
processes, for ``wres build`` and ``mkdocs build``. A trust rebuilds with unchanged data after
every edit to a page of ``content/``, to ``mkdocs.yml`` or to ``theme_overrides/``, and each
such build made the report again: loading and checking ``data/``, the figures, every page and
chart (about 0.2 s of a 1.5 s build). The report is kept under a digest of everything it is made of:

- the inputs ``kept.inputs_key`` names: the files of ``data/`` and their paths, the organisation
  file, ``content/``'s files but its pages (which are read and checked afresh at every build),
  and whether drafts and PDFs are wanted;
- this copy of the package (``cache.code_digest``), the Python running it and the libraries
  installed beside it (their ``*.dist-info`` folders name their versions), so an upgrade of
  pydantic, plotly or Python-Markdown makes it again;
- with PDFs, the fonts and Pango that lay them out (``pdf_fonts.fingerprint``), as the PDFs'
  own keys do.

An entry is used only if the files it links are still there as they were: the PDFs in their
cache, and a logo kept outside ``content/``. Anything unreadable, damaged or made by other code
is a miss, never an error: the build makes the report afresh, exactly as with no cache. The
newest ``KEEP`` entries are kept.

The entries are pickles, written and read only by this code, in the user's own cache folder (as
the PDFs and compiled templates are): whoever can write there can already change the user's
programs. A project's data never reaches a pickle loader; only what this code made from it does.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from pathlib import Path
from typing import Any

from ..cache import cache_root, code_digest, write_whole
from .kept import Report, inputs_key

KEEP = 8  # entries: a few projects, or drafts and published, each about 1.5 MB
FORMAT = b"wres-report-cache 1\n"


def cache_dir() -> Path:
    return cache_root() / "reports"


def key_for(project: Any, *, drafts: bool, pdfs: bool) -> str:
    """The digest naming the report of ``project`` as it is now (see the module's docstring for what it covers)."""
    hashed = hashlib.sha256()
    for part in (inputs_key(project, drafts=drafts, pdfs=pdfs, logo=None), code_digest(), _installed(), sys.version):
        hashed.update(part.encode("utf-8") + b"\0")
    if pdfs:
        from .pdf_fonts import fingerprint

        hashed.update(fingerprint().encode("utf-8"))
    return hashed.hexdigest()


def get(key: str) -> Report | None:
    """The report kept under ``key``, if every file it links is still as it was; else None."""
    path = cache_dir() / f"{key}.pickle"
    try:
        data = path.read_bytes()
        if not data.startswith(FORMAT):
            return None
        report, linked = pickle.loads(data[len(FORMAT):])  # noqa: S301 - our own entry (see the module's docstring)
    except Exception:  # noqa: BLE001 - a damaged or foreign entry is a miss: the report is made afresh
        return None
    if not isinstance(report, Report) or any(_stamp(Path(name)) != stamp for name, stamp in linked.items()):
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # used now: kept by the pruning below
    _mark_used(report)
    return report


def keep(key: str, report: Report) -> None:
    """Keep ``report`` under ``key``; a folder that cannot be written only means no cache."""
    linked = {str(path): _stamp(path) for path in _linked(report)}
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_whole(folder / f"{key}.pickle", FORMAT + pickle.dumps((report, linked), protocol=pickle.HIGHEST_PROTOCOL))
    except (OSError, pickle.PicklingError):
        return
    _prune(folder)


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


def _installed() -> str:
    """The Python packages beside this one, by name and version: the names of their metadata folders."""
    names: list[str] = []
    for folder in sys.path:
        with contextlib.suppress(OSError):
            names += sorted(entry for entry in os.listdir(folder or ".") if entry.endswith((".dist-info", ".egg-info")))
    return "\n".join(names)


def _prune(folder: Path) -> None:
    entries = []
    for path in folder.glob("*.pickle"):
        with contextlib.suppress(OSError):
            entries.append((path.stat().st_mtime_ns, path))
    for _, path in sorted(entries, reverse=True)[KEEP:]:
        path.unlink(missing_ok=True)
