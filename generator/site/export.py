"""``wres generate``: the site as plain files that stock MkDocs builds, without the wres plugin.

The way out if MkDocs 1.x and its plugins are ever left behind: ``docs/`` (every generated page,
download, asset and report, and the trust's own pages made safe), ``theme/`` (the site's
templates with the trust's ``theme_overrides/`` on top) and a ``mkdocs.yml`` holding the trust's
own settings plus what the plugin would add (the navigation, ``extra.wres``, the escaped names).
``mkdocs build`` of it gives the same pages as the plugin, except that the trust's own pages
are not cleaned a second time after Markdown (they are made safe before it; see ``pages/escape.py``).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from ..data import Project
from ..pages import write_docs
from ..pages.escape import plain_html
from .generate import generate
from .settings import CSP, THEME_DIR


def _user_config(project: Project) -> dict[str, Any]:
    if project.mkdocs_file is None:
        from .mkdocs_yml import default_config

        return default_config(project, Path("docs"), {})
    from mkdocs.utils.yaml import yaml_load

    with project.mkdocs_file.open("rb") as file:
        return yaml_load(file) or {}


def export(project: Project, out: Path) -> None:
    site = generate(project, pdfs=True)
    config = _user_config(project)
    docs = out / "docs"
    write_docs({**site.files, **site.content}, docs)
    theme = out / "theme"
    if theme.exists():
        shutil.rmtree(theme)
    shutil.copytree(THEME_DIR, theme)
    custom = (config.get("theme") or {}).get("custom_dir")
    if custom and project.root is not None and (project.root / custom).is_dir():
        shutil.copytree(project.root / custom, theme, dirs_exist_ok=True)
    config["docs_dir"] = "docs"
    config["site_name"] = plain_html(config.get("site_name") or site.organisation.site_name)
    if config.get("site_description"):
        config["site_description"] = plain_html(config["site_description"])
    config["copyright"] = site.copyright(config.get("copyright"))
    config["theme"] = {**(config.get("theme") or {}), "custom_dir": "theme"}
    if site.logo:
        config["theme"]["logo"] = site.logo
        config["theme"].setdefault("favicon", site.logo)  # as the plugin does: the trust's own icon wins
    config["plugins"] = [p for p in config.get("plugins", []) if not (p == "wres" or (isinstance(p, dict) and "wres" in p))]
    config.setdefault("nav", site.nav)
    config["not_in_nav"] = "/action-plan/indicator-*.md\n"  # as the plugin marks them
    config["extra"] = {**(config.get("extra") or {}), "wres": {**site.theme_extra(), "csp": CSP, "problems": [], "preview": False}}
    text = "# Made by 'wres generate': a plain MkDocs project of the site (no wres plugin). Build it with 'mkdocs build'.\n"
    (out / "mkdocs.yml").write_text(text + json.dumps(config, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
