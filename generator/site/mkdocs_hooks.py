"""MkDocs hooks (listed in the configuration site/config.py writes): the navigation, and live regeneration while previewing.

Under ``wres serve`` MkDocs reloads its configuration before every rebuild, so
``on_config`` regenerates the pages from ``data/`` first. Only files whose bytes
changed are written, so the rebuild this triggers settles at once. A mistake in
the data is logged and shown at the top of every preview page, and the last
good pages stay up.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from generator.data import DataError, Project
from generator.site.build import SITE_FILE, generate

log = logging.getLogger("mkdocs.plugins.wres")


def on_config(config):  # noqa: ANN001, ANN201 - MkDocs hook signature
    docs_dir = Path(config.docs_dir)
    if os.environ.get("WRES_SERVE"):
        try:
            where = json.loads(os.environ["WRES_PROJECT"])
            project = Project(data_dir=Path(where["data_dir"]), config_file=Path(where["config_file"]),
                              content_dir=Path(where["content_dir"]) if where["content_dir"] else None)
            generate(project, docs_dir, drafts=bool(os.environ.get("WRES_DRAFTS")))
        except DataError as exc:
            # shown on every page of the preview (generator/site/theme/main.html) and in the terminal
            config.extra["wres_problems"] = [str(problem) for problem in exc.problems]
            for problem in exc.problems:
                log.warning(str(problem))
            log.warning("The preview shows the last good version until these are fixed.")
    site_file = docs_dir / SITE_FILE
    if site_file.exists():
        site = json.loads(site_file.read_text(encoding="utf-8"))
        config.nav = site["nav"]
        config.site_name = site["site_name"]
        config.copyright = site["copyright"]
    return config


def on_page_content(html, page, config, files):  # noqa: ANN001, ANN201 - MkDocs hook signature
    """A trust's hand-written pages keep only the safe subset of HTML (generated pages are escaped as they are made)."""
    site_file = Path(config.docs_dir) / SITE_FILE
    if site_file.exists() and page.file.src_uri in json.loads(site_file.read_text(encoding="utf-8")).get("content", []):
        from generator.pages.escape import content_html

        return content_html(html)
    return html
