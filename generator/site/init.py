"""``wres init``: a trust's project folder (a MkDocs project with the wres plugin), ready for its first year.

The files come from ``project_template/`` (dot files are stored without their dot,
so packaging keeps them). Nothing of the example trust is copied.
"""

from __future__ import annotations

from pathlib import Path

import click

from ..data.project import CONFIG_NAME, MKDOCS_NAME, ORGANISATION_NAME
from ..data.schema import write_schemas
from ..data.yamlfile import display_path
from .mkdocs_yml import template_text

TEMPLATE = Path(__file__).parent / "project_template"
RENAMES = {"gitignore": ".gitignore", "github": ".github"}
PLACEHOLDER_NAME = "Your organisation's full name"


def _yaml_text(text: str) -> str:
    """``text`` as a YAML double-quoted scalar: a name with a colon or quote stays a name."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def init_project(folder: Path, name: str | None = None, url: str | None = None) -> list[Path]:
    """Write a new project into ``folder`` (which must not already hold one); returns the files written."""
    for existing in (MKDOCS_NAME, CONFIG_NAME):
        if (folder / existing).exists():
            raise click.ClickException(f"{display_path(folder / existing)} already exists: {display_path(folder)} is already a project; nothing was written.")
    if folder.exists() and any(folder.iterdir()):
        raise click.ClickException(f"{display_path(folder)} is not empty; choose a new folder. Nothing was written.")
    written = []
    for source in sorted(TEMPLATE.rglob("*")):
        if not source.is_file() or source.name.startswith(".") or "__pycache__" in source.parts:
            continue
        parts = [RENAMES.get(part, part) for part in source.relative_to(TEMPLATE).parts]
        target = folder.joinpath(*parts)
        text = source.read_text(encoding="utf-8")
        if source.name == ORGANISATION_NAME:
            text = text.replace("{name}", _yaml_text(name or PLACEHOLDER_NAME))
        elif source.name == MKDOCS_NAME:
            text = template_text(f"{name} WRES" if name else "Our WRES report", url)
        elif source.name == "README.md":
            text = text.replace("{name}", name or "Our organisation")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    for sub in ("years", "action_plans", "published"):
        keep = folder / "data" / sub / ".gitkeep"
        keep.parent.mkdir(parents=True, exist_ok=True)
        keep.write_text("", encoding="utf-8")
    written += write_schemas(folder / "data" / "schema")
    return written
