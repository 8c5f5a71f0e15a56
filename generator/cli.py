"""The ``wres`` command: a thin edge over the pipeline. User mistakes print as plain lines.

Every command works inside a project folder (made by ``wres init``), on one named
with ``--project DIR`` from anywhere, or on a bare data folder with ``--data DIR``.

A project is a MkDocs project (``mkdocs.yml`` with the ``wres`` plugin): ``wres build`` and
``wres serve`` run MkDocs on it, as ``mkdocs build`` and ``mkdocs serve`` do, with the tool's
own checks and the atomic swap of the site folder. The pipeline is imported inside the
commands, so ``wres --help`` stays quick.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from .data import Project

PROJECT_OPTION = click.option(
    "--project", "project_dir", type=click.Path(path_type=Path, file_okay=False), default=None,
    help="The project folder (with mkdocs.yml). Default: the working folder.",
)
DATA_OPTION = click.option(
    "--data", "data_dir", type=click.Path(path_type=Path, file_okay=False), default=None,
    help="A bare data folder instead of a project: organisation.yaml and years/<YYYY>.yaml.",
)


def where(func):  # noqa: ANN001, ANN201 - a click decorator
    """``--project`` and ``--data``, turned into one :class:`Project` argument."""
    @functools.wraps(func)  # keeps the options declared below it (click stores them on the function)
    def wrapper(project_dir: Path | None, data_dir: Path | None, **kwargs):  # noqa: ANN202
        from .data import Project

        return func(Project.find(project_dir, data_dir), **kwargs)
    return PROJECT_OPTION(DATA_OPTION(wrapper))


@click.group()
@click.version_option(package_name="wres-site")
def main() -> None:
    """Publish a Workforce Race Equality Standard (WRES) report as an accessible website."""


@main.command()
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
@click.option("--name", default=None, help="The organisation's full name, e.g. 'Anytown Hospitals NHS Foundation Trust'.")
@click.option("--url", default=None, help="The address the site will be published at, ending in /, e.g. https://wres.anytown.nhs.uk/ "
              "(site_url in mkdocs.yml; you can set it there later).")
def init(folder: Path, name: str | None, url: str | None) -> None:
    """Create a trust's project in FOLDER: mkdocs.yml, data/, content/, theme_overrides/, a README and a publish recipe."""
    from .data.addresses import web_address_problem
    from .data.yamlfile import display_path
    from .site.init import init_project

    if url is not None and (problem := web_address_problem(url, folder=True)):
        raise click.BadParameter(problem, param_hint="--url")
    for path in init_project(folder, name, url):
        click.echo(f"Wrote {display_path(path)}")
    click.echo(f"Next: edit {folder}/data/organisation.yaml and {folder}/mkdocs.yml, then 'cd {folder}' and 'wres new-year YEAR'.")
    click.echo("Keep this project private (a private repository, never a public one): data/ holds the raw counts, "
               "1 to 4 included, that the site withholds. Publish only the built site/: README.md says how.")


@main.command()
@where
def check(project: Project) -> None:
    """Validate every file (drafts too) and list every problem, with file and line."""
    from .data import load_project
    from .data.plausibility import questions
    from .metrics import compute_metrics
    from .site.published import check_published, unfrozen_years

    from .data import DataError
    from .site.settings import check_project

    from .importing.extracts import extracts_in

    from .importing.mapping_file import load_mapping

    site_problems = [*check_project(project), *extracts_in(project.root or project.data_dir)]
    load_mapping(project.data_dir, site_problems)  # data/import_mapping.yaml, when the trust has one
    try:
        dataset = load_project(project, drafts=True)
    except DataError as exc:
        raise DataError([*exc.problems, *site_problems]) from None
    if site_problems:
        raise DataError(site_problems)
    check_published(project, dataset, compute_metrics(dataset))
    years = ", ".join(f"{y.year}{' (draft)' if y.status == 'draft' else ''}" for y in dataset.years)
    noun = "year" if len(dataset.years) == 1 else "years"
    click.echo(f"{project.data_dir}: no problems found ({len(dataset.years)} {noun}: {years}).")
    warnings = questions(project, dataset)
    for warning in warnings:
        click.echo(f"Warning: {warning}")
    if warnings:
        click.echo(f"{len(warnings)} {'value looks' if len(warnings) == 1 else 'values look'} wrong: check "
                   f"{'it' if len(warnings) == 1 else 'them'} against your report. A warning does not stop a build.")
    for year in unfrozen_years(project, dataset):
        click.echo(f"Note: {year} counts as published but its figures are not frozen; run 'wres publish {year}' "
                   "so that a later change to them is noticed.")


@main.command()
@where
@click.option("--out", "out", type=click.Path(path_type=Path, dir_okay=False), required=True,
              help="Where to write the metrics CSV (or workbook, with --format xlsx).")
@click.option("--drafts", is_flag=True, help="Include draft years.")
@click.option("--format", "format_", type=click.Choice(["csv", "xlsx"]), default="csv", show_default=True,
              help="csv: the published CSV; xlsx: the same table as an Excel workbook.")
def metrics(project: Project, out: Path, drafts: bool, format_: str) -> None:
    """Compute every WRES figure and write them as one CSV (or an Excel workbook)."""
    from .data import load_project
    from .metrics import compute_metrics, write_csv
    from .site.out_dir import check_file_out

    check_file_out(project, out, f".{format_}")
    figures = compute_metrics(load_project(project, drafts=drafts))
    if format_ == "xlsx":
        from .metrics.workbook import write_workbook  # pandas, for this command only

        write_workbook(figures, out)
    else:
        write_csv(figures, out)
    click.echo(f"Wrote {len(figures)} figures to {out}.")


@main.command()
@click.option("--out", "out", type=click.Path(path_type=Path, file_okay=False), default=Path("data/schema"),
              show_default=True, help="Folder for the JSON Schema files.")
def schema(out: Path) -> None:
    """Write the JSON Schemas of the data files, for editors' completion."""
    from .data.schema import write_schemas
    from .data.yamlfile import display_path

    try:
        written = write_schemas(out)  # three files of fixed names (*.schema.json): nothing else is replaced
    except OSError as exc:
        raise click.ClickException(f"cannot write the schemas into {display_path(out)}: {exc.strerror}") from None
    for path in written:
        click.echo(f"Wrote {display_path(path)}")


@main.command()
@where
@click.option("--out", "out", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Where to write the built site. Default: site/ in the project.")
def build(project: Project, out: Path | None) -> None:
    """Validate, generate the pages and build the website (MkDocs, --strict). Drafts are left out."""
    from .data.yamlfile import display_path
    from .site.build import build_site

    out = out or project.default_out()
    build_site(project, out)
    shown = display_path(out)
    # the WRES's CSV, or the one standard's a trust publishes without the WRES (wdes-metrics.csv)
    csv_file = next((p.name for p in (out / "wres-indicators.csv", *sorted(out.glob("*-metrics.csv"))) if p.exists()),
                    "wres-indicators.csv")
    click.echo(f"Built the site into {shown}/ (the figures are in {shown}/{csv_file}).")


@main.command()
@click.argument("year", type=click.IntRange(2015, 2100))
@where
@click.option("--out", "out", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Where to write the PDF. Default: build/reports/wres-report-YEAR.pdf in the project (git ignores build/).")
def pdf(project: Project, year: int, out: Path | None) -> None:
    """Write YEAR's full report as an accessible A4 PDF (the board paper). A draft's says DRAFT on every page."""
    from .data import load_project
    from .data.yamlfile import display_path
    from .metrics import compute_metrics
    from .pages.report import report_name
    from .site.out_dir import check_file_out
    from .site.pdf import write_report
    from .site.published import check_published

    # by default under build/, which the .gitignore of 'wres init' ignores: a PDF is made from the data, never committed
    out = out or project.work_dir() / "reports" / report_name(year)
    check_file_out(project, out, ".pdf")
    dataset = load_project(project, drafts=True)
    chosen = next((y for y in dataset.years if y.year == year), None)
    if chosen is None:
        raise click.ClickException(f"there is no year {year} in {display_path(project.data_dir)}/years/; "
                                   f"start one with 'wres new-year {year}'.")
    published = load_project(project)  # the figures exactly as the built site has them: drafts left out
    figures = compute_metrics(published)
    check_published(project, published, figures)
    if chosen.status == "draft":  # the paper the board approves before publishing: every page says DRAFT
        published, figures = dataset, compute_metrics(dataset)
    report = write_report(published, figures, year, out)
    link = report.link
    click.echo(f"Wrote {display_path(report.path)} ({link.pages} pages, {link.size_text})."
               + (" It is a draft for the board: every page says so, and the site will not have it until "
                  f"'wres publish {year}'." if chosen.status == "draft" else ""))


@main.command()
@where
@click.option("--drafts", is_flag=True, help="Show draft years too (never on the built site).")
@click.option("--address", default="127.0.0.1:8000", show_default=True, help="Where to serve the preview.")
def serve(project: Project, drafts: bool, address: str) -> None:
    """Preview the site (MkDocs' live preview); pages regenerate when data/, mkdocs.yml or content/ changes."""
    from .site.preview import serve as serve_site

    serve_site(project, address, drafts=drafts)


@main.command()
@where
@click.option("--out", "out", type=click.Path(path_type=Path, file_okay=False), required=True,
              help="The folder to write: docs/, theme/ and a plain mkdocs.yml.")
def generate(project: Project, out: Path) -> None:
    """Write the site's Markdown, assets and a plain mkdocs.yml (no wres plugin) that stock MkDocs builds."""
    from .data.yamlfile import display_path
    from .site.export import export

    export(project, out)
    click.echo(f"Wrote the site's pages into {display_path(out)}/: build them with 'mkdocs build -f {display_path(out / 'mkdocs.yml')}'.")


@main.command("new-year")
@click.argument("year", type=click.IntRange(2015, 2100))
@where
def new_year(project: Project, year: int) -> None:
    """Start YEAR's files as a draft: a year file and an action plan with open actions carried over."""
    from .data.yamlfile import display_path
    from .site.scaffold import new_year as scaffold

    for path in scaffold(project, year):
        click.echo(f"Wrote {display_path(path)}")
    click.echo(f"Fill them in, check with 'wres check', preview with 'wres serve --drafts', then 'wres publish {year}'.")


@main.command()
@click.argument("year", type=click.IntRange(2015, 2100))
@where
@click.option("--on", "on", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="The publication date, YYYY-MM-DD. Default: today.")
def publish(project: Project, year: int, on: dt.datetime | None) -> None:
    """Publish YEAR: mark it published and freeze its figures in data/published/YEAR.csv (commit that file)."""
    from .data.yamlfile import display_path
    from .site.published import publish_year

    day = on.date() if on else dt.datetime.now(dt.timezone.utc).date()
    for path in publish_year(project, year, day):
        click.echo(f"Wrote {display_path(path)}")
    click.echo(f"{year} is published: the next 'wres build' includes it. A later change to its figures needs a correction.")
    click.echo("Reminder: publish only the built site/; data/ holds the raw counts and stays in a private repository.")


@main.command("import")
@click.argument("kind", type=click.Choice(["staff", "recruitment", "disciplinary", "training", "capability"]))
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--year", type=click.IntRange(2015, 2100), required=True, help="The WRES year the extract is for, e.g. 2024.")
@where
@click.option("--map", "maps", multiple=True, metavar="FIELD=COLUMN",
              help="The column that holds a field (ethnicity, disability, staff_group, band, shortlisted, appointed), if not ESR's name. Repeatable.")
@click.option("--sheet", default=None, help="The sheet of an Excel workbook to read. Default: the first.")
@click.option("--correction", default=None, metavar="WHY",
              help="Why a published year's figures change; recorded as a correction and shown on the site.")
def import_(project: Project, kind: str, file: Path, year: int, maps: tuple[str, ...], sheet: str | None,
            correction: str | None) -> None:
    """Count an HR extract (CSV or .xlsx) into data/years/YEAR.yaml: staff in post (indicator 1), recruitment (2),
    disciplinary cases (3) or training (4); with a disability column, staff and recruitment also count WDES metrics 1
    and 2, and capability (staff entering the formal capability process) counts WDES metric 3. Only counts are written;
    the extract is read and forgotten."""
    from .importing.command import run_import

    today = dt.datetime.now(dt.timezone.utc).date()
    for line in run_import(project, kind, file, year, maps, sheet, correction, today):
        click.echo(line)


def run() -> None:
    """The ``wres`` program (its console script and ``python -m generator``): :func:`main`, then a quick exit.

    Once a command has finished and its output is flushed there is nothing left to do, but the
    interpreter's own shutdown would still free every object and module one by one (about a tenth
    of a second after a build). Every file is written and closed, and every temporary folder
    removed, by the commands themselves, so the process ends at once. Tests call ``main``.

    The cyclic garbage collector runs less often, as mypy's command does (``gc.set_threshold``): a
    build makes a few hundred thousand objects that live until it ends (the modules, the pages, MkDocs'
    tree of each page), and the default threshold walked them again and again, about a tenth of a
    build's time. Garbage is still collected, in larger batches (in a long ``wres serve`` too). Only
    the ``wres`` program does this: a MkDocs process that loads the plugin keeps its own settings.
    """
    import gc
    import os
    import sys

    gc.set_threshold(200_000, 30, 30)  # as mypy does: see above

    try:
        main()
        code: object = 0
    except SystemExit as exc:
        code = exc.code
    if isinstance(code, str):  # sys.exit("message"), as the interpreter would print it
        print(code, file=sys.stderr)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code if isinstance(code, int) else int(code is not None))
