"""MkDocs hooks (listed in the configuration site/config.py writes): the navigation, compiled theme templates kept,
and the trust's hand-written pages cleaned.

The pages are generated before MkDocs runs (by ``build`` for a site, by ``preview``
before each rebuild of ``wres serve``); the hook only applies what the generator
wrote into ``.site.json``. It imports nothing heavy (no pandas, plotly or pydantic),
so a bare ``mkdocs build`` of the generated folder costs what MkDocs costs.
"""

from __future__ import annotations

import json
from pathlib import Path

SITE_FILE = ".site.json"  # navigation and names for the hook; MkDocs leaves dot files out of the site

_content: set[str] = set()  # the trust's hand-written pages of the build under way


def on_config(config):  # noqa: ANN001, ANN201 - MkDocs hook signature
    """The navigation and names the generator wrote next to the pages (the preview regenerates them first)."""
    docs_dir = Path(config.docs_dir)
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
