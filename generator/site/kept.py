"""The report's part of the last build, kept by the plugin for the preview's next rebuild while ``data/`` is unchanged.

``mkdocs serve`` builds the whole site again after every change it sees: an edit to a page in
``content/``, to ``mkdocs.yml`` or to ``theme_overrides/`` as much as one to ``data/``. What the
report makes from ``data/`` (loading and checking it, the metrics, every generated page and chart)
depends only on the files of ``data/``, the organisation file, the logo and whether drafts and PDFs
are wanted; so it is kept under a digest of those, and made again only when one changes. The pages
of ``content/`` are read, checked and published afresh at every build.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Report:
    """What ``data/`` makes: its dataset, figures, generated files and the values that look wrong."""

    dataset: Any  # a Dataset
    files: dict[str, bytes | Path]
    warnings: tuple[str, ...]


def inputs_key(project: Any, *, drafts: bool, pdfs: bool, logo: Path | None) -> str:
    """A digest of every input of the report's part: the files' paths and bytes, and the two switches.

    The files: those of ``data/``, the organisation file, every file of ``content/`` but its pages (the logo is
    usually there, and is checked with the organisation) and ``logo``, the logo of the last build, wherever it is."""
    digest = hashlib.sha256(f"drafts={drafts} pdfs={pdfs}\n".encode())
    paths = _files(project.data_dir) + [Path(project.config_file)]
    paths += [path for path in _files(project.content_dir) if path.suffix.lower() != ".md"]
    if logo is not None and Path(logo).resolve() not in {path.resolve() for path in paths}:  # inside content/, it is there
        paths.append(Path(logo))
    for path in paths:
        digest.update(f"{path}\n".encode())
        try:
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError:
            digest.update(b"unreadable")  # the build that follows says what is wrong with it
    return digest.hexdigest()


def _files(folder: Path | None) -> list[Path]:
    return sorted(path for path in Path(folder).rglob("*") if path.is_file()) if folder and Path(folder).is_dir() else []


class Kept:
    """The last report made, and the digest of its inputs (one per plugin, so per ``mkdocs serve`` process)."""

    def __init__(self) -> None:
        self.key: str | None = None
        self.report: Report | None = None

    def key_for(self, project: Any, *, drafts: bool, pdfs: bool) -> str:
        identity = self.report.dataset.organisation.identity if self.report else None
        # the logo the last build used: a change of logo is a change of the organisation file, in the digest already
        return inputs_key(project, drafts=drafts, pdfs=pdfs, logo=identity.logo_path if identity else None)

    def get(self, key: str) -> Report | None:
        return self.report if key == self.key else None

    def keep(self, key: str, report: Report) -> None:
        self.key, self.report = key, report
