"""Where a trust's files are: a MkDocs project, an earlier ``wres.yaml`` project, or a bare data folder.

A project (made by ``wres init``, and the repository's own root) is a MkDocs project:
``mkdocs.yml`` (the site's settings, with the ``wres`` plugin), ``data/``
(``organisation.yaml``, ``years/``, ``action_plans/``, ``published/``), ``content/``
(MkDocs' ``docs_dir``: the trust's own pages and images) and ``theme_overrides/``
(Material's ``custom_dir``). A project made before ``mkdocs.yml`` (``wres.yaml`` beside
``data/``) still builds, and a bare data folder (``organisation.yaml`` beside ``years/``,
``--data DIR``) has no hand-written pages. Nothing outside the folder given reaches the
site, so one trust's pages never appear on another's.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import DataError, Problem
from .yamlfile import display_path

CONFIG_NAME = "wres.yaml"  # a project made before mkdocs.yml
MKDOCS_NAME = "mkdocs.yml"
ORGANISATION_NAME = "organisation.yaml"


@dataclass(frozen=True)
class Project:
    data_dir: Path
    config_file: Path  # data/organisation.yaml; wres.yaml in an earlier project; organisation.yaml in a bare data folder
    root: Path | None = None  # None for a bare data folder
    content_dir: Path | None = None
    mkdocs_file: Path | None = None  # None for an earlier project or a bare data folder

    @classmethod
    def folder(cls, root: Path) -> Project:
        """The project in ``root``; a folder that is none is an error that says what to do."""
        root = root.absolute()
        if (root / MKDOCS_NAME).is_file():
            return cls.mkdocs(root / MKDOCS_NAME)
        config = root / CONFIG_NAME
        if not config.is_file():
            hint = (f"; it looks like a bare data folder: use --data {display_path(root)}"
                    if (root / ORGANISATION_NAME).is_file() else "; create a project with 'wres init FOLDER'")
            raise DataError([Problem(display_path(root / MKDOCS_NAME), 1, "",
                                     f"this is not a WRES project folder: {MKDOCS_NAME} is missing{hint}")])
        return cls(data_dir=root / "data", config_file=config, root=root, content_dir=root / "content")

    @classmethod
    def mkdocs(cls, mkdocs_file: Path, data: str = "data", docs_dir: Path | None = None) -> Project:
        """The project of a ``mkdocs.yml``: ``data`` is the wres plugin's ``data`` option, ``docs_dir`` MkDocs' own."""
        mkdocs_file = mkdocs_file.absolute()
        root = mkdocs_file.parent
        data_dir = root / data
        return cls(data_dir=data_dir, config_file=data_dir / ORGANISATION_NAME, root=root,
                   content_dir=docs_dir if docs_dir is not None else root / "content", mkdocs_file=mkdocs_file)

    @classmethod
    def bare(cls, data_dir: Path) -> Project:
        """A bare data folder, as ``--data`` gives: ``organisation.yaml`` and ``years/``, no hand-written pages."""
        data_dir = data_dir.absolute()
        return cls(data_dir=data_dir, config_file=data_dir / ORGANISATION_NAME)

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
        # like git, from anywhere inside the project (e.g. data/years/)
        for folder in (here, *here.parents):
            if (folder / MKDOCS_NAME).is_file() or (folder / CONFIG_NAME).is_file():
                return cls.folder(folder)
            if folder == here and (here / "data" / ORGANISATION_NAME).is_file():
                return cls.bare(here / "data")
        return cls.folder(here)

    @property
    def base_dir(self) -> Path:
        """Where paths in the organisation file (the logo) start: the project folder, or the bare data folder."""
        return self.root or self.data_dir

    @property
    def published_dir(self) -> Path:
        """Where ``wres publish`` freezes each published year's figures."""
        return self.data_dir / "published"

    def default_out(self) -> Path:
        return (self.root / "site") if self.root else Path("site")

    def work_dir(self) -> Path:
        """A scratch folder (ignored by git in a project made by ``wres init``)."""
        return (self.root / "build") if self.root else (self.data_dir.parent / "build")
