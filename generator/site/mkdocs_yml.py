"""The ``mkdocs.yml`` of a WRES site: the one ``wres init`` writes, and the one a project without it is built with.

A project has its own ``mkdocs.yml`` and it is used as it is. A bare data folder (``--data DIR``)
and a project made before ``mkdocs.yml`` (``wres.yaml``) have none: they are built with the
``mkdocs.yml`` of ``wres init`` (``project_template/mkdocs.yml``), its site name, address and
description taken from their organisation file's ``site:``, written into the build's work folder.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from ..data import Project

TEMPLATE = Path(__file__).parent / "project_template" / "mkdocs.yml"
DEFAULT_DESCRIPTION = "Workforce Race Equality Standard reports, every indicator and every year."


SITE_URL_LINE = "# site_url: https://wres.example.nhs.uk/"


def template_text(site_name: str, site_url: str | None = None) -> str:
    """``wres init``'s ``mkdocs.yml``, for a site called ``site_name`` (at ``site_url``, an address already checked)."""
    text = TEMPLATE.read_text(encoding="utf-8").replace("{site_name}", json.dumps(site_name, ensure_ascii=False))
    if site_url:
        line = next(line for line in text.splitlines() if line.startswith(SITE_URL_LINE))
        text = text.replace(line, f"site_url: {site_url}", 1)
    return text


def default_config(project: Project, docs_dir: Path, site: dict[str, Any]) -> dict[str, Any]:
    """The template's settings for a project without ``mkdocs.yml``, with absolute paths."""
    config = yaml.safe_load(template_text(site.get("name") or "WRES"))
    config["docs_dir"] = str(docs_dir)
    config["theme"].pop("custom_dir", None)
    options: dict[str, Any] = {"data_dir": str(project.data_dir), "base": str(project.base_dir)}
    if project.config_file != project.data_dir / "organisation.yaml":
        options["organisation"] = str(project.config_file)
    config["plugins"] = ["search", {"wres": options}]
    config["site_description"] = site.get("description") or DEFAULT_DESCRIPTION
    if site.get("url"):
        config["site_url"] = site["url"]
    return config


def config_for(project: Project, work: Path) -> Path:
    """The ``mkdocs.yml`` to build ``project`` with: its own, or one written into ``work`` from the template."""
    if project.mkdocs_file is not None:
        return project.mkdocs_file
    from ..data import load_project

    organisation = load_project(project, require_years=False).organisation
    site = {"name": organisation.site_name, "url": organisation.site.url, "description": organisation.site.description}
    docs_dir = project.content_dir if project.content_dir is not None and project.content_dir.is_dir() else work / "docs"
    docs_dir.mkdir(parents=True, exist_ok=True)
    path = work / "mkdocs.yml"
    text = "# Made by wres for a project without mkdocs.yml; 'wres init' writes one to keep and edit.\n"
    text += json.dumps(default_config(project, docs_dir, site), indent=1, ensure_ascii=False) + "\n"
    work.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path
