"""``wres build``: MkDocs builds the project (the wres plugin makes the report's pages), then the site is swapped in.

The same build as ``mkdocs build``: the project's ``mkdocs.yml`` loaded by MkDocs, the plugin's
events, MkDocs' own build. What ``wres build`` adds: the data is validated first (every problem at
once, in plain words), the site is built into a work folder beside the target and swapped in with
renames, so a failed build leaves the previous site as it was, and MkDocs' warnings are printed in
full. A project without ``mkdocs.yml`` (a bare data folder, ``--data``, or a project made before
mkdocs.yml, with ``wres.yaml``) is built from the same ``mkdocs.yml`` that ``wres init`` writes.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from ..data import Project
from .mkdocs_yml import config_for
from .out_dir import check_site_out, mark
from .settings import KeptLog

log = logging.getLogger("mkdocs.plugins.wres")

BUILD_PREFIX = ".wres-build-"  # + the builder's process id, so a later build can tell an abandoned folder


class BuildError(click.ClickException):
    """MkDocs refused the site (a warning under --strict, a broken link, a setting in mkdocs.yml)."""


@contextlib.contextmanager
def mkdocs_config(project: Project, work: Path, **overrides: Any) -> Iterator[Any]:
    """The project's MkDocs configuration, loaded by MkDocs (``overrides`` as on its command line)."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    from ..data import DataError
    from .settings import site_url_as_written

    if problems := site_url_as_written(project):
        raise DataError(problems)
    config_file = config_for(project, work)
    try:
        config = load_config(str(config_file), **overrides)
    except (Abort, ConfigurationError) as exc:  # MkDocs has logged why
        raise BuildError(f"{config_file.name}: MkDocs cannot use this file ({exc}); 'wres check' says why") from None
    yield config


def build_site(project: Project, out_dir: Path, *, drafts: bool = False) -> None:
    """The whole build. Raises DataError or BuildError, leaving ``out_dir`` untouched."""
    from mkdocs.commands.build import build
    from mkdocs.exceptions import Abort, PluginError

    out_dir = check_site_out(project, out_dir)  # never the trust's files, nor a folder wres did not make
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    _remove_abandoned(out_dir.parent)
    warnings = KeptLog(logging.WARNING)  # MkDocs' warnings and errors of the build, to print in full if it fails
    logger = logging.getLogger("mkdocs")
    logger.addHandler(warnings)
    os.environ["WRES_DRAFTS"] = "1" if drafts else "0"
    try:
        with tempfile.TemporaryDirectory(prefix=f"{BUILD_PREFIX}{os.getpid()}-", dir=out_dir.parent) as tmp:
            site_dir = Path(tmp) / "site"
            with mkdocs_config(project, Path(tmp), site_dir=str(site_dir)) as config:
                config.plugins.on_startup(command="build", dirty=False)
                try:
                    build(config)
                except PluginError as exc:
                    raise BuildError(str(exc)) from None
                except Abort as exc:  # MkDocs has logged why: a mistake in the data or mkdocs.yml, or its warnings
                    plugin = config.plugins.get("wres")
                    if plugin is not None and plugin.error is not None:
                        raise plugin.error from None  # the mistakes in the data, as 'wres check' shows them
                    shown = "\n".join(warnings.lines)
                    if "BuildError" in exc.message and shown:  # the plugin's message already says nothing was written
                        raise BuildError(shown) from None
                    raise BuildError(f"{shown}\nThe site was not built ({exc.message}); the previous site is unchanged."
                                     if shown else f"the site was not built, and the previous site is unchanged: {exc.message}") from None
                finally:
                    config.plugins.on_shutdown()
            mark(site_dir)
            _swap(site_dir, out_dir)
    finally:
        logger.removeHandler(warnings)
        os.environ.pop("WRES_DRAFTS", None)


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


def log_to_terminal() -> None:
    """MkDocs' own command line sets up its log; called from here it must be given one, or it is silent."""
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
