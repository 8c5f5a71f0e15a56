"""Build a trust's site: validate, generate the Markdown, run MkDocs --strict, swap the result in.

``generate`` is shared by the build and the live preview (``preview.py``, before each rebuild),
so both show exactly the same pages. MkDocs runs in a child process (``worker.py``) started
before generation, so its start-up overlaps the generator's work; the preview keeps MkDocs in-process.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
from mkdocs.exceptions import ConfigurationError

from ..data import Organisation, Project, load_project
from ..metrics import compute_metrics
from ..pages import write_docs
from ..pages.escape import plain_html
from . import identity
from .config import write_config
from .mkdocs_hooks import SITE_FILE
from .out_dir import check_site_out, mark
from .pdf import year_reports
from .published import check_published
from .worker import MkDocsWorker

log = logging.getLogger("mkdocs.plugins.wres")

BUILD_PREFIX = ".wres-build-"  # + the builder's process id, so a later build can tell an abandoned folder
PLOTLY_NAME = "assets/javascripts/plotly-basic.min.js"
# The plotly.js basic bundle (scatter and bar) ships with the package, at the version the browser tests ran.
PLOTLY_JS = Path(__file__).parent / "vendor" / "plotly-basic.min.js"


class BuildError(click.ClickException):
    """MkDocs refused the generated site (a warning under --strict, a broken link)."""


def generate(project: Project, docs_dir: Path, *, drafts: bool = False) -> dict[str, Any]:
    """Validate the project and write the Markdown into ``docs_dir``; returns what the MkDocs hook applies.

    The live preview comes through here and makes no PDF: a report takes seconds to lay
    out, and the preview rebuilds on every save. Only ``wres build`` (and ``wres pdf``) make them.
    """
    return _generate(project, docs_dir, drafts=drafts)[0]


def _generate(project: Project, docs_dir: Path, *, drafts: bool = False, pdfs: bool = False,
              loaded: Callable[[Organisation], None] | None = None) -> tuple[dict[str, Any], Organisation]:
    """``generate``, also returning the organisation, so a build reads the YAML once; ``pdfs``: each year's report too.

    ``loaded`` is given the organisation as soon as the data is valid, before the pages are made.
    """
    dataset = load_project(project, drafts=drafts)
    if loaded is not None:
        loaded(dataset.organisation)
    figures = compute_metrics(dataset)
    check_published(project, dataset, figures)
    org = dataset.organisation
    extra: dict[str, Path | bytes] = {PLOTLY_NAME: PLOTLY_JS, **identity.files(org.identity)}
    reports = year_reports(dataset, figures) if pdfs else {}
    extra.update({report.site_path: report.path for report in reports.values()})
    nav = write_docs(dataset, figures, docs_dir, project.content_dir, extra,
                     reports={year: report.link for year, report in reports.items()})
    # MkDocs and the theme print these without escaping: they are escaped here, once
    site = {"nav": _escaped_nav(nav), "site_name": plain_html(org.site_name), "copyright": plain_html(org.name),
            "content": sorted(item for item in nav if isinstance(item, str))}
    text = json.dumps(site, indent=1, ensure_ascii=False)
    target = docs_dir / SITE_FILE
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    return site, org


def _escaped_nav(nav: list[Any]) -> list[Any]:
    out = []
    for item in nav:
        if isinstance(item, dict):
            out.append({plain_html(title): _escaped_nav(value) if isinstance(value, list) else value for title, value in item.items()})
        else:
            out.append(item)
    return out


def build_site(project: Project, out_dir: Path, worker: MkDocsWorker | None = None) -> None:
    """The whole build. Raises DataError or BuildError, leaving ``out_dir`` untouched.

    ``worker``: MkDocs, started by the caller before it imported the pipeline (``wres build``); else started here.
    Either way it is ended here, built or not.
    """
    mkdocs = worker or MkDocsWorker()
    try:
        out_dir = check_site_out(project, out_dir)  # never the trust's files, nor a folder wres did not make
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        _remove_abandoned(out_dir.parent)
        # NOTE: the worker is ended (left with) before the work folder is removed, so a child stopped mid-build
        # (Ctrl-C) is not still writing into a folder being deleted
        with tempfile.TemporaryDirectory(prefix=f"{BUILD_PREFIX}{os.getpid()}-", dir=out_dir.parent) as tmp, mkdocs:
            docs_dir, site_dir = Path(tmp) / "docs", Path(tmp) / "site"
            docs_dir.mkdir()

            def configure(organisation: Organisation) -> None:  # MkDocs loads its configuration while the pages are made
                mkdocs.configure(write_config(organisation, Path(tmp), docs_dir, site_dir))

            _generate(project, docs_dir, pdfs=True, loaded=configure)
            failed = mkdocs.build()
            if failed and failed[0] == "config":  # raised as loading it in this process raised it
                raise ConfigurationError(failed[1])
            if failed:
                raise BuildError(f"the site was not built, and the previous site is unchanged: {failed[1]}")
            mark(site_dir)
            _swap(site_dir, out_dir)
    finally:
        mkdocs.close()  # also when there was no work folder to make


def _remove_abandoned(folder: Path) -> None:
    """Remove the work folders of builds that were killed (their process is gone) before they could clean up."""
    for path in folder.glob(f"{BUILD_PREFIX}*"):
        pid = path.name.removeprefix(BUILD_PREFIX).split("-", 1)[0]
        if path.is_dir() and pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(path, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def _swap(new: Path, out_dir: Path) -> None:
    """Put ``new`` in place of ``out_dir`` with renames, so readers never see half a site."""
    old = out_dir.with_name(out_dir.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if out_dir.exists():
        out_dir.rename(old)
    new.rename(out_dir)
    if old.exists():
        shutil.rmtree(old)


def _log_to_terminal() -> None:
    """MkDocs' own command line sets up its log; called from here it must be given one, or the preview is silent."""
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
