"""Where a trust's files are: a project folder with ``wres.yaml``, or a bare data folder.

A project folder (made by ``wres init``) holds one config file, ``wres.yaml`` (the
organisation, its terminology and settings, and the site's name and address),
``data/`` (``years/``, ``action_plans/``, ``published/``) and ``content/`` (the
trust's own hand-written pages). A bare data folder holds ``organisation.yaml``
beside ``years/``; it has no hand-written pages. Nothing outside the folder given
reaches the site, so one trust's pages never appear on another's.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import DataError, Problem
from .yamlfile import display_path

CONFIG_NAME = "wres.yaml"


@dataclass(frozen=True)
class Project:
    data_dir: Path
    config_file: Path  # wres.yaml, or organisation.yaml in a bare data folder
    root: Path | None = None  # None for a bare data folder
    content_dir: Path | None = None

    @classmethod
    def folder(cls, root: Path) -> Project:
        """The project in ``root``; a folder without ``wres.yaml`` is an error that says what to do."""
        root = root.absolute()
        config = root / CONFIG_NAME
        if not config.is_file():
            hint = (f"; it looks like a bare data folder: use --data {display_path(root)}"
                    if (root / "organisation.yaml").is_file() else "; create a project with 'wres init FOLDER'")
            raise DataError([Problem(display_path(config), 1, "", f"this is not a WRES project folder: {CONFIG_NAME} is missing{hint}")])
        return cls(data_dir=root / "data", config_file=config, root=root, content_dir=root / "content")

    @classmethod
    def bare(cls, data_dir: Path) -> Project:
        """A bare data folder, as ``--data`` gives: ``organisation.yaml`` and ``years/``, no hand-written pages."""
        data_dir = data_dir.absolute()
        return cls(data_dir=data_dir, config_file=data_dir / "organisation.yaml")

    @classmethod
    def find(cls, project: Path | None, data: Path | None) -> Project:
        """``--project DIR``, ``--data DIR``, or the working folder (a project, or a folder holding ``data/``)."""
        if project is not None and data is not None:
            raise DataError([Problem("--data", 1, "", "give --project or --data, not both")])
        if data is not None:
            return cls.bare(data)
        if project is not None:
            return cls.folder(project)
        here = Path.cwd()
        if not (here / CONFIG_NAME).is_file() and (here / "data" / "organisation.yaml").is_file():
            return cls.bare(here / "data")
        # like git, from anywhere inside the project (e.g. data/years/)
        found = next((folder for folder in (here, *here.parents) if (folder / CONFIG_NAME).is_file()), here)
        return cls.folder(found)

    @property
    def published_dir(self) -> Path:
        """Where ``wres publish`` freezes each published year's figures."""
        return self.data_dir / "published"

    def default_out(self) -> Path:
        return (self.root / "site") if self.root else Path("site")

    def work_dir(self) -> Path:
        """A scratch folder for the preview (ignored by git in a project made by ``wres init``)."""
        return (self.root / "build") if self.root else (self.data_dir.parent / "build")
