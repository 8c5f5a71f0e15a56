"""The ``wres`` MkDocs plugin: a trust's WRES report as pages of a MkDocs project.

Listed in ``mkdocs.yml`` (``plugins: [search, wres]``) and registered under the ``mkdocs.plugins``
entry point, it makes ``mkdocs build`` and ``mkdocs serve`` build the report; ``wres build`` and
``wres serve`` run the same plugin through MkDocs. A thin adapter, as mkdocs-gen-files is: the
work is in ``site/generate.py`` (the pages) and ``site/settings.py`` (what the tool needs of
``mkdocs.yml``). Only MkDocs' own extension points are used: the plugin events, generated
``File`` objects (``File.generated``), the theme's template folders and ``extra``.

- ``on_config``: checks what the site needs of ``mkdocs.yml`` (a clear error, never a silent
  override), reads and validates ``data/`` and makes every page, download and report. The report's part is
  made again only when ``data/`` changed: kept in memory while serving (``site/kept.py``), on disk between
  builds (``site/report_cache.py``).
- ``on_files``: adds them as generated files; the trust's own pages in ``content/`` are published
  made safe, and one at a generated page's path is an error unless ``replace`` names it.
- ``on_page_content``: the trust's own pages keep only the safe subset of HTML.
- ``on_serve``: ``data/`` is watched too. While serving, drafts are shown and a mistake in the data
  is listed at the top of every page, over the last good version, and so is a value that looks wrong
  (``data/plausibility.py``); a page that shows a draft year's figures says "Draft: not published".
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

log = logging.getLogger("mkdocs.plugins.wres")

DRAFTS_ENV = "WRES_DRAFTS"  # "1" or "0": set by ``wres serve [--drafts]`` and ``wres build``
NOT_IN_NAV = ("action-plan/indicator-",)  # one page per indicator narrows the current plan; linked from it, not the menu


class WresConfig(base.Config):
    data_dir = c.Type(str, default="data")
    """The data folder, from the folder of ``mkdocs.yml``: organisation.yaml, years/, action_plans/, published/."""
    organisation = c.Optional(c.Type(str))
    """The organisation file, when it is not ``<data>/organisation.yaml`` (a project made before mkdocs.yml: wres.yaml)."""
    drafts = c.Optional(c.Type(bool))
    """Show draft years: by default shown by ``mkdocs serve``, never by ``mkdocs build``."""
    pdf = c.Type(bool, default=True)
    """Make each published year's report as a PDF (``mkdocs build`` only; seconds a year, cached)."""
    replace = c.ListOfItems(c.Type(str), default=[])
    """Generated pages that a page of yours in ``content/`` replaces, by path, e.g. ``[index.md]``."""
    base = c.Optional(c.Type(str))
    """Set only in the mkdocs.yml wres writes for a project without one: where the organisation file's paths start."""


class WresPlugin(BasePlugin[WresConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command = "build"
        self.generated = None  # the last good site (kept while serving, over a mistake in the data)
        self.problems: list[str] = []
        self.error = None  # the DataError that stopped the last build: 'wres build' shows it as it is
        self.kept = None  # the report's part of the last build, for serve's rebuilds (site/kept.py)

    def on_startup(self, *, command: str, dirty: bool) -> None:  # also keeps this plugin across the rebuilds of serve
        self.command = command

    @property
    def serving(self) -> bool:
        return self.command == "serve"

    def project(self, config: Any):  # noqa: ANN201 - a Project
        from .data import Project

        project = Project.mkdocs(Path(config.config_file_path or "mkdocs.yml"), self.config.data_dir, Path(config.docs_dir))
        if self.config.base is not None:  # a bare data folder, or a project made before mkdocs.yml (site/mkdocs_yml.py)
            base = Path(self.config.base)
            config_file = Path(self.config.organisation) if self.config.organisation else project.config_file
            return Project(project.data_dir, config_file, None if base == project.data_dir else base, project.content_dir)
        return project

    def on_config(self, config: Any) -> Any:
        from .data import DataError

        # MkDocs keeps a plugin with on_startup for the whole process: a mistake stays the last build's only
        self.error = None
        # a build depends only on its inputs: MkDocs dates the sitemap and pages by this (reproducible-builds.org)
        os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
        from .site import settings
        from .site.generate import generate

        self.error = None  # MkDocs keeps a plugin that has on_startup for the whole process: a new build starts clean
        problems = settings.check(config, serving=self.serving)
        if problems:
            raise PluginError(settings.message(problems))
        drafts = os.environ.get(DRAFTS_ENV)
        drafts = (drafts == "1") if drafts in ("0", "1") else (self.config.drafts if self.config.drafts is not None else self.serving)
        try:
            if self.kept is None and self.serving:  # a build is made once: nothing to keep
                from .site.kept import Kept

                self.kept = Kept()
            # a build uses the report kept on disk while data/ is unchanged; the preview keeps its own in memory
            self.generated = generate(self.project(config), drafts=drafts, pdfs=self.config.pdf and not self.serving,
                                      kept=self.kept, on_disk=not self.serving)
            self.problems = []
            for warning in self.generated.warnings:  # information: a warning would stop a strict build, and these never do
                log.info(f"Check this value: {warning}")
        except DataError as exc:
            if not (self.serving and self.generated is not None):
                self.error = exc
                raise PluginError(exc.format_message()) from None
            self.problems = [str(problem) for problem in exc.problems]
            # logged as information: a warning would stop the preview's strict build, and the page must show them
            for problem in self.problems:
                log.info(f"Problem: {problem}")
            log.info("The preview shows the last good version until these are fixed.")
        settings.apply(config, self.generated, self.problems, serving=self.serving)
        return config

    def on_files(self, files: Files, config: Any) -> Files:
        from .site import settings

        generated = self.generated
        replace = set(self.config.replace)
        clashes = []
        for rel, data in generated.content.items():  # the trust's own files, as they are published
            existing = files.get_file_from_path(rel)
            if existing is not None:
                files.remove(existing)
            if rel in generated.files and rel not in replace:
                clashes.append(rel)
            files.append(File.generated(config, rel, content=data))
        docs_dir = os.path.normpath(config.docs_dir)
        for file in list(files):  # anything MkDocs found in content/ that is not publishable (e.g. a symlink) is left out
            if file.generated_by is None and file.src_dir and os.path.normpath(file.src_dir) == docs_dir \
                    and file.src_uri not in generated.content:
                files.remove(file)
        if clashes:
            raise PluginError(settings.clash_message(clashes))
        for rel, data in generated.files.items():
            if rel in replace and rel in generated.content:
                continue
            inclusion = InclusionLevel.NOT_IN_NAV if rel.startswith(NOT_IN_NAV) else InclusionLevel.UNDEFINED
            if isinstance(data, Path):
                files.append(File.generated(config, rel, abs_src_path=str(data), inclusion=inclusion))
            else:
                files.append(File.generated(config, rel, content=data, inclusion=inclusion))
        if config.nav is None:  # the report's pages, then the trust's (one it lets replace a report page is there once)
            config.nav = [item for item in generated.nav if not (isinstance(item, str) and item in replace)]
        return files

    def on_page_content(self, html: str, page: Any, config: Any, files: Files) -> str:
        # Every title is HTML by now: a heading's as Markdown made it, the others escaped (front matter, nav). Material
        # prints most as they are, but escapes the footer's previous and next again (`| e`), which screen readers
        # then read as "&#39;". Marked as HTML, Jinja's `| e` leaves it as it is. (Every page is read before any
        # is laid out, so a page's neighbours are marked too by the time its footer is drawn.)
        if page.title is not None:
            page.title = Markup(page.title)
        if page.file.src_uri in self.generated.content:
            from .pages.escape import content_html

            return content_html(html)
        return html

    def on_env(self, env: Any, config: Any, files: Files) -> Any:
        """The theme's templates are compiled once and kept (generator/cache.py), not compiled again on every build."""
        from .cache import template_cache

        env.bytecode_cache = template_cache()
        return env

    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        project = self.project(config)
        server.watch(str(project.data_dir))
        if project.config_file.parent != project.data_dir:
            server.watch(str(project.config_file))
        return server
