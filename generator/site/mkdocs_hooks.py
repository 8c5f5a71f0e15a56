"""MkDocs hooks (listed in the configuration site/config.py writes): the navigation, compiled theme templates kept,
the theme's files listed without its hidden icon folders, and the trust's hand-written pages cleaned.

The pages are generated before MkDocs runs (by ``build`` for a site, by ``preview``
before each rebuild of ``wres serve``); the hook only applies what the generator
wrote into ``.site.json``. It imports nothing heavy (no pydantic or ruamel.yaml),
so a bare ``mkdocs build`` of the generated folder costs what MkDocs costs.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import jinja2

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
    make_env = config.theme.get_env

    def get_env():  # a jinja2.Environment
        env = make_env()
        env.loader = ThemeLoader(env.loader.searchpath)
        return env

    config.theme.get_env = get_env
    return config


class ThemeLoader(jinja2.FileSystemLoader):
    """The theme's files, listed without walking hidden folders: the same list, found faster.

    MkDocs lists every file of the theme to copy the static ones, then drops each path with a part
    that starts with a dot. Material's ``.icons`` folder alone holds 14,000 icons (included into
    pages by name, never copied): walking it cost every build 0.05 s to throw the names away.
    Only the listing changes; templates load as before. ``tests/test_build_worker.py`` checks the
    files MkDocs copies are the same.
    """

    def list_templates(self) -> list[str]:
        found = set()
        for searchpath in self.searchpath:
            for folder, subfolders, files in os.walk(searchpath, followlinks=self.followlinks):
                subfolders[:] = [name for name in subfolders if not name.startswith(".")]
                found.update(os.path.relpath(os.path.join(folder, name), searchpath).replace(os.path.sep, "/") for name in files)
        return sorted(found)


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
