"""MkDocs hooks (listed in the configuration site/config.py writes): the navigation, and live regeneration while previewing.

Under ``wres serve`` MkDocs reloads its configuration before every rebuild, so
``on_config`` regenerates the pages from ``data/`` first. Only files whose bytes
changed are written, so the rebuild this triggers settles at once. A mistake in
the data is logged and shown at the top of every preview page, and the last
good pages stay up.

This module imports nothing heavy at load time (no pandas, plotly or pydantic):
a build has them already, and the preview imports the generator on its first
regeneration.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

SITE_FILE = ".site.json"  # navigation and names for the hook; MkDocs leaves dot files out of the site

log = logging.getLogger("mkdocs.plugins.wres")
_content: set[str] = set()  # the trust's hand-written pages of the build under way


def on_config(config):  # noqa: ANN001, ANN201 - MkDocs hook signature
    docs_dir = Path(config.docs_dir)
    if os.environ.get("WRES_SERVE"):
        from generator.data import DataError, Project
        from generator.site import generate

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
    _content.clear()
    if site_file.exists():
        site = json.loads(site_file.read_text(encoding="utf-8"))
        config.nav = site["nav"]
        config.site_name = site["site_name"]
        config.copyright = site["copyright"]
        _content.update(site.get("content", []))
    return config


def on_env(env, config, files):  # noqa: ANN001, ANN201 - MkDocs hook signature
    """The theme's templates are compiled once and kept (generator/cache.py), not compiled again on every build."""
    from generator.cache import template_cache

    env.bytecode_cache = template_cache()
    return env


def on_page_content(html, page, config, files):  # noqa: ANN001, ANN201 - MkDocs hook signature
    """A trust's hand-written pages keep only the safe subset of HTML (generated pages are escaped as they are made)."""
    if page.file.src_uri in _content:
        from generator.pages.escape import content_html

        return content_html(html)
    return html
