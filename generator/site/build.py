"""Build the site: validate, generate the Markdown, run MkDocs in strict mode, then swap it in.

Nothing is written to the output folder until the whole build has succeeded, so a
failed build leaves the previous site exactly as it was.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import click
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from ..data import load_dataset
from ..metrics import compute_metrics
from ..pages import write_docs

log = logging.getLogger("mkdocs.plugins.wres")

SITE_FILE = ".site.json"  # navigation and names for the hook; MkDocs leaves dot files out of the site
PLOTLY_NAME = "assets/javascripts/plotly-basic.min.js"


class BuildError(click.ClickException):
    """MkDocs refused the generated site (a warning under --strict, a broken link)."""


def project_root(config_file: Path) -> Path:
    return config_file.absolute().parent


def plotly_js(root: Path) -> Path:
    """The self-hosted plotly.js: the npm basic bundle (scatter and bar, 1.2 MB) or plotly's full bundle."""
    basic = root / "node_modules" / "plotly.js-basic-dist-min" / "plotly-basic.min.js"
    if basic.exists():
        return basic
    import plotly

    log.info("node_modules/plotly.js-basic-dist-min is missing (run 'npm ci'); using plotly's full bundle")
    return Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def generate(data_dir: Path, docs_dir: Path, config_file: Path) -> dict[str, Any]:
    """Validate ``data_dir`` and write the Markdown into ``docs_dir``; returns what the MkDocs hook applies."""
    dataset = load_dataset(data_dir)
    frame = compute_metrics(dataset)
    root = project_root(config_file)
    nav = write_docs(dataset, frame, docs_dir, root / "content", {PLOTLY_NAME: plotly_js(root)})
    org = dataset.organisation
    site = {"nav": nav, "site_name": f"{org.display_name} WRES", "copyright": org.name}
    text = json.dumps(site, indent=1, ensure_ascii=False)
    target = docs_dir / SITE_FILE
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    return site


def build_site(data_dir: Path, out_dir: Path, config_file: Path = Path("mkdocs.yml")) -> None:
    """The whole build. Raises DataError or BuildError, leaving ``out_dir`` untouched."""
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".wres-build-", dir=out_dir.parent) as tmp:
        docs_dir, site_dir = Path(tmp) / "docs", Path(tmp) / "site"
        generate(data_dir, docs_dir, config_file)
        config = load_config(str(config_file), docs_dir=str(docs_dir), site_dir=str(site_dir), strict=True)
        try:
            mkdocs_build(config)
        except MkDocsException as exc:
            raise BuildError(f"the site was not built, and the previous site is unchanged: {exc}") from exc
        _swap(site_dir, out_dir)


def _swap(new: Path, out_dir: Path) -> None:
    """Put ``new`` in place of ``out_dir`` with renames, so readers never see half a site."""
    old = out_dir.with_name(out_dir.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if out_dir.exists():
        out_dir.rename(old)
    new.rename(out_dir)
    if old.exists():
        shutil.rmtree(old)


def serve(data_dir: Path, config_file: Path, address: str) -> None:
    """Preview on 127.0.0.1, regenerating the pages whenever data/ or content/ changes."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    root = project_root(config_file)
    docs_dir = root / "build" / "docs"
    generate(data_dir, docs_dir, config_file)
    os.environ["WRES_DATA"] = str(data_dir.resolve())
    os.environ["WRES_SERVE"] = "1"
    mkdocs_serve(config_file=str(config_file), dev_addr=address, docs_dir=str(docs_dir), strict=False,
                 watch=[str(data_dir.resolve()), str(root / "content")], livereload=True)
