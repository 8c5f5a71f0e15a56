"""Where a command may write: never over the trust's own files, nor a folder that wres did not make.

``wres build --out DIR`` replaces the whole of ``DIR`` with the new site (and uses ``DIR.old``
for a moment while it swaps). So ``DIR`` must not be, hold or sit inside the project's
files (``mkdocs.yml``, ``data/``, ``content/``, ``theme_overrides/``), nor be the file system's root or the home
folder, and if it already holds anything that must be an earlier site: every build writes
the marker file :data:`MARKER` into its site (MkDocs leaves dot files out, so it is written
as the site is swapped in). ``wres pdf --out`` and ``wres metrics --out`` replace one file:
it must not be one of the trust's files either. Each refusal names the path and says why;
nothing has been touched when it is raised.
"""

from __future__ import annotations

import os
from pathlib import Path

import click

from ..data import Project
from ..data.yamlfile import display_path

MARKER = ".wres-site"
MARKER_TEXT = "Made by 'wres build': this folder is a built site, and the next build replaces all of it.\n"
# Sites built before the marker existed are known by the files every one of them has.
EARLIER_SITE = ("index.html", "wres-indicators.csv", "sitemap.xml")


class OutError(click.ClickException):
    """``--out`` names a place the command must not write over; nothing was written or deleted."""


def check_site_out(project: Project, out: Path) -> Path:
    """``out`` as an absolute path the build may replace, or :class:`OutError` saying why it may not."""
    out = Path(os.path.abspath(out)).resolve()  # a link is judged by the folder it leads to
    old = _not_a_site(out.with_name(out.name + ".old")) if out.parent != out else None
    reason = (_protected(project, out) or _not_a_site(out)
              or (old and f"needs {_shown(out)}.old for a moment, and that folder {old}") or _not_writable(out.parent))
    if reason:
        raise OutError(f"the site was not built: --out {_shown(out)} {reason}. The build replaces the whole "
                       "folder it is given, so nothing was written or deleted; choose a new folder, such as "
                       f"{_shown(project.default_out())}")
    return out


def check_file_out(project: Project, out: Path, suffix: str) -> None:
    """Nothing when a command may write its ``suffix`` file (".pdf", ".csv") to ``out``, else :class:`OutError` saying why."""
    out = Path(os.path.abspath(out)).resolve()
    reason = _protected(project, out)
    if reason is None and out.is_file() and out.suffix.lower() != suffix:
        reason = f"is a file that is not a {suffix} file, which it would replace"
    if reason:
        raise OutError(f"--out {_shown(out)} {reason}; nothing was written. "
                       f"Choose a new file name ending {suffix} outside data/ and content/")


def mark(site_dir: Path) -> None:
    """Mark ``site_dir`` as a built site, which a later build may replace."""
    (site_dir / MARKER).write_text(MARKER_TEXT, encoding="utf-8")


def _protected(project: Project, out: Path) -> str | None:
    """Why ``out`` is, holds or is inside what must never be replaced; None when it is none of them."""
    if out.parent == out:
        return "is the root of the file system"
    try:
        home = Path.home().resolve()
    except (RuntimeError, KeyError):  # no home folder to protect (a service account)
        home = None
    if out == home:
        return "is your home folder"
    if home is not None and out in home.parents:
        return f"holds your home folder ({_shown(home)})"
    owned = [(project.data_dir, "the project's data folder"), (project.config_file, f"the project's {project.config_file.name}")]
    if project.mkdocs_file is not None:
        owned += [(project.mkdocs_file, "the project's mkdocs.yml"), (project.mkdocs_file.parent / "theme_overrides", "the project's theme_overrides folder")]
    if project.root is not None:
        owned.insert(0, (project.root, "the project folder"))
    if project.content_dir is not None:
        owned.append((project.content_dir, "the project's content folder"))
    for path, name in owned:
        path = path.resolve()
        if out == path:
            return f"is {name}"
        if out in path.parents:
            return f"holds {name} ({_shown(path)})"
        if path in out.parents and path != project.root:  # the default site/ is inside the project, beside data/
            return f"is inside {name} ({_shown(path)})"
    return None


def _not_a_site(folder: Path) -> str | None:
    """Why the build may not replace ``folder``: it holds files that are not an earlier site; None when it may."""
    if not folder.exists():
        return None
    if not folder.is_dir():
        return "is a file, not a folder"
    names = sorted(path.name for path in folder.iterdir())
    if not names or MARKER in names or all(name in names for name in EARLIER_SITE):
        return None
    shown = ", ".join(names[:3]) + (", ..." if len(names) > 3 else "")
    return f"holds files the build did not make ({shown})"


def _not_writable(folder: Path) -> str | None:
    """Why the build cannot make its work folder beside the site in ``folder`` (or its nearest existing parent)."""
    existing = next(path for path in (folder, *folder.parents) if path.exists())
    if not os.access(existing, os.W_OK | os.X_OK):
        return f"is in {_shown(existing)}, where you may not write"
    return None


def _shown(path: Path) -> str:
    """``path`` as the user typed it (relative to the working folder), but never a bare "."."""
    shown = display_path(path)
    return str(path) if shown == "." else shown
