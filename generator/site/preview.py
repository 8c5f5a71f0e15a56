"""``wres serve``: MkDocs' own live preview of the project (``mkdocs serve``), drafts shown with ``--drafts``.

The wres plugin regenerates the pages from ``data/`` on every rebuild and watches ``data/``
(``on_serve``); MkDocs watches ``mkdocs.yml``, ``content/`` and the theme overrides. A mistake in
the data is listed in the terminal and at the top of every page, over the last good version.
"""

from __future__ import annotations

import os

from ..data import Project
from .build import log_to_terminal
from .mkdocs_yml import config_for


def serve(project: Project, address: str, *, drafts: bool = False) -> None:
    """Preview on ``address`` (127.0.0.1:8000), rebuilding whenever the data, mkdocs.yml or content/ changes."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    log_to_terminal()
    os.environ["WRES_DRAFTS"] = "1" if drafts else "0"
    config_file = config_for(project, project.work_dir())
    mkdocs_serve(config_file=str(config_file), dev_addr=address, livereload=True)
