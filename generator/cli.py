"""The ``wres`` command: a thin edge over the pipeline. User mistakes print as plain lines."""

from __future__ import annotations

from pathlib import Path

import click

from .data.loading import load_dataset
from .data.schema import write_schemas
from .metrics.table import compute_metrics, write_csv

DATA_OPTION = click.option(
    "--data", "data_dir", type=click.Path(path_type=Path), default=Path("data"), show_default=True,
    help="The data folder: organisation.yaml and years/<YYYY>.yaml.",
)


@click.group()
@click.version_option(package_name="wres-site")
def main() -> None:
    """Publish a Workforce Race Equality Standard (WRES) report from the files in data/."""


@main.command()
@DATA_OPTION
def check(data_dir: Path) -> None:
    """Validate every data file and list every problem, with file and line."""
    dataset = load_dataset(data_dir)
    years = ", ".join(str(y.year) for y in dataset.years)
    click.echo(f"{data_dir}: no problems found ({len(dataset.years)} years: {years}).")


@main.command()
@DATA_OPTION
@click.option("--out", "out", type=click.Path(path_type=Path, dir_okay=False), required=True,
              help="Where to write the metrics CSV.")
def metrics(data_dir: Path, out: Path) -> None:
    """Compute every WRES figure and write them as one CSV."""
    frame = compute_metrics(load_dataset(data_dir))
    write_csv(frame, out)
    click.echo(f"Wrote {len(frame)} figures to {out}.")


@main.command()
@click.option("--out", "out", type=click.Path(path_type=Path, file_okay=False), default=Path("data/schema"),
              show_default=True, help="Folder for the JSON Schema files.")
def schema(out: Path) -> None:
    """Write the JSON Schemas of the data files, for editors' completion."""
    for path in write_schemas(out):
        click.echo(f"Wrote {path}")


@main.command()
@DATA_OPTION
@click.option("--out", "out", type=click.Path(path_type=Path, file_okay=False), default=Path("site"),
              show_default=True, help="Where to write the built site.")
@click.option("--config", "config_file", type=click.Path(path_type=Path, dir_okay=False), default=Path("mkdocs.yml"),
              show_default=True, help="The MkDocs configuration.")
def build(data_dir: Path, out: Path, config_file: Path) -> None:
    """Validate, generate the pages and build the website (MkDocs, --strict)."""
    from .site.build import build_site

    build_site(data_dir, out, config_file)
    click.echo(f"Built the site into {out}/ (the figures are in {out}/wres-indicators.csv).")


@main.command()
@DATA_OPTION
@click.option("--config", "config_file", type=click.Path(path_type=Path, dir_okay=False), default=Path("mkdocs.yml"),
              show_default=True, help="The MkDocs configuration.")
@click.option("--address", default="127.0.0.1:8000", show_default=True, help="Where to serve the preview.")
def serve(data_dir: Path, config_file: Path, address: str) -> None:
    """Preview the site; pages regenerate when a file in data/ or content/ changes."""
    from .site.build import serve as serve_site

    serve_site(data_dir, config_file, address)


@main.command("new-year")
@click.argument("year", type=click.IntRange(2015, 2100))
@DATA_OPTION
def new_year(year: int, data_dir: Path) -> None:
    """Start YEAR's files: an empty year file and an action plan with open actions carried over."""
    from .site.scaffold import new_year as scaffold

    for path in scaffold(data_dir, year):
        click.echo(f"Wrote {path}")
    click.echo("Fill them in, then run 'wres check'.")
