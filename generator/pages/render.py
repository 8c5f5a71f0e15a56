"""Render the Markdown pages of the site from the model and the metrics table.

Each page type has a Jinja2 template in ``templates/`` (extending ``_page.md.j2``)
and a small context built here. ``StrictUndefined`` makes a missing variable
fail the build instead of printing an empty string.
"""

from __future__ import annotations

import functools
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from ..cache import template_cache
from ..data import INDICATORS, STAFF_GROUP_TITLES, Dataset
from ..data.indicators import STANDARDS, WRES, Standard
from ..data.content import content_files
from ..importing.codes import ETHNIC_CATEGORIES, GRADE_TABLE_TEXT  # plain tables: no pandas behind them
from ..metrics import COLUMNS, Metrics, plans
from . import corrections, escape, glance, sections
from . import plans as plan_sections
from .figures import FigureTable
from .tables import Table
from .tested_with import TESTED_WITH
from .wording import Labels, long_date, pct, ratio, share_of_one

CSV_NAME = "wres-indicators.csv"
ALL_CSV_NAME = "equality-standards.csv"  # every standard's figures in one file, with a standard column


@functools.cache
@functools.cache
def environment() -> jinja2.Environment:
    """One environment per process (the preview regenerates with it, and every standard's pages and reports
    share it, so each template is loaded once); compiled templates are also kept between runs."""
    env = jinja2.Environment(
        bytecode_cache=template_cache(),
        loader=jinja2.PackageLoader("generator.pages", "templates"),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        # Every printed value goes through escape.text (for Markdown and HTML at once) unless it is Markup:
        # our own HTML, sanitised editor Markdown, and (with autoescape on) the output of macros and blocks.
        autoescape=True,
        finalize=escape.text,
    )
    env.filters["e"] = env.filters["escape"] = escape.text
    env.filters["md"] = sections.safe_markdown
    env.filters["ratio"] = ratio
    env.filters["pct"] = pct
    env.filters["share_of_one"] = share_of_one
    env.globals["table_of"] = table_of
    env.globals["long_date"] = long_date
    env.globals["ethnic_categories"] = ETHNIC_CATEGORIES  # the Methodology page's tables of how HR records are read
    env.globals["grade_table"] = GRADE_TABLE_TEXT
    return env


def table_of(table_id: str, caption: str, head: list[str], rows: list[list[str]]) -> Markup:
    """A fixed table written in a template, in the same accessible form as the figure tables."""
    return Table(table_id, caption, head, [(row[0], list(row[1:])) for row in rows]).html()


@dataclass
class Site:
    """What every page may use."""

    dataset: Dataset
    table: FigureTable
    labels: Labels
    org: Any
    settings: Any
    indicators: dict
    groups: dict = field(default_factory=lambda: STAFF_GROUP_TITLES)

    @property
    def years(self):
        return list(reversed(self.dataset.years))  # latest first

    @property
    def latest(self):
        """The year the site leads with: the latest that has any figure (a year just started has none yet)."""
        lead = self.table.lead_year()
        return next((y for y in self.dataset.years if y.year == lead), self.dataset.years[-1])


@dataclass
class Page:
    path: str
    text: str


def indicator_csv(metrics: Metrics, number: int) -> str:
    return metrics.where(indicator=number).to_csv()


def render_pages(dataset: Dataset, metrics: Metrics, reports: dict[int, Any] | None = None) -> list[Page]:
    """Every generated page and download, in a fixed order.

    ``reports``: (standard, year) -> the ``report.ReportLink`` of its PDF, linked from the year page (none in the preview).
    """
    reports = reports or {}
    if lead_standard(dataset) is not WRES:
        return lead_pages(dataset, metrics, lead_standard(dataset), reports)
    labels = Labels.from_terminology(dataset.organisation.terminology)
    table = FigureTable(metrics, dataset, labels)
    site = Site(dataset, table, labels, dataset.organisation, dataset.organisation.settings, table.standard.indicators)
    env = environment()
    latest_plan = dataset.plans[-1] if dataset.plans else None
    common = {"site": site, "L": labels, "std": WRES, "sections": sections, "INDICATORS": INDICATORS, "P": plan_sections, "C": corrections,
              "logic": plans, "latest_plan": latest_plan,
              "latest_targets": plan_sections.target_views(latest_plan, table) if latest_plan else []}

    drafts = draft_labels(dataset)

    def render(path: str, template: str, *, shows: set[int] | None = None, **context: Any) -> Page:
        """``shows``: the years whose figures the page shows (default: every year); a draft among them marks the page."""
        draft = ", ".join(label for year, label in drafts.items() if shows is None or year in shows)
        return Page(path, env.get_template(template).render(root=plan_sections.url_root(path), md_root=md_root(path),
                                                            draft=draft, **context, **common))

    others = [(s, standard_site(dataset, metrics, s)) for s in other_standards(dataset)]
    others = [{"std": s, "site": other, "glance": glance.groups(other.table, other.latest.year), "folder": f"{s.id}/"}
              for s, other in others]
    pages = [render("index.md", "home.md.j2", glance=glance.groups(table, site.latest.year), others=others,
                    report=reports.get(("wres", site.latest.year)) if dataset.years else None)]
    for number in site.indicators:
        pages.append(render(f"indicators/indicator-{number}.md", "indicator.md.j2", number=number, spec=INDICATORS[number]))
    plan_years = {p.year for p in dataset.plans}
    for index, year in enumerate(dataset.years):
        compared = {year.year} | ({dataset.years[index - 1].year} if index else set())  # against the year before
        pages.append(render(f"years/{year.year}.md", "year.md.j2", shows=compared, year=year,
                            has_plan=year.year in plan_years, report=reports.get(("wres", year.year))))
    years_with_data = {y.year for y in dataset.years}
    plan_links = {p.year: plan_sections.plan_page(dataset.plans, p).removeprefix("action-plan/") for p in dataset.plans}
    for plan in dataset.plans:
        label = table.year_label(plan.year)
        findings = (Markup(f"[WRES {escape.text(label)} findings](../years/{plan.year}.md)") if plan.year in years_with_data
                    else f"WRES {plan.year} findings")
        pages.append(render(plan_sections.plan_page(dataset.plans, plan), "plan.md.j2", shows={plan.year}, plan=plan, findings=findings,
                            plan_links=plan_links, targets=plan_sections.target_views(plan, table)))
    if latest_plan is not None:
        for number in site.indicators:
            pages.append(render(f"action-plan/indicator-{number}.md", "plan_indicator.md.j2", shows={latest_plan.year},
                                plan=latest_plan, number=number))
    if corrections.entries(dataset):
        pages.append(render("corrections.md", "corrections.md.j2", shows=set(), entries=corrections.entries(dataset)))
    pages.append(render("data.md", "data.md.j2", columns=COLUMNS, csv_name=CSV_NAME, others=others, all_csv_name=ALL_CSV_NAME))
    pages.append(render("methodology.md", "methodology.md.j2", shows=set()))
    pages.append(render("accessibility.md", "accessibility.md.j2", shows=set(), tools=TESTED_WITH))
    # the WRES file keeps its documented columns and only WRES rows; other standards have files of their own
    pages.append(Page(CSV_NAME, Metrics(r for r in metrics if r.indicator in WRES.indicators).to_csv()))
    for number in site.indicators:
        pages.append(Page(f"downloads/indicator-{number}.csv", indicator_csv(metrics, number)))
    for standard in other_standards(dataset):
        pages.extend(standard_pages(dataset, metrics, standard, reports))
    if other_standards(dataset):
        pages.append(Page(ALL_CSV_NAME, metrics.to_csv(standard_column=True)))
    return pages


def lead_standard(dataset: Dataset) -> Standard:
    """The standard the site leads with: the WRES, unless the trust publishes only another (WDES-only)."""
    published = [s for s in STANDARDS.values() if any(y.publishes(s.id) for y in dataset.years)]
    return WRES if WRES in published or not published else published[0]


def other_standards(dataset: Dataset) -> list[Standard]:
    """The standards the trust publishes beside the lead one, in a fixed order: those any year gives figures for."""
    lead = lead_standard(dataset)
    return [s for s in STANDARDS.values() if s is not lead and any(y.publishes(s.id) for y in dataset.years)]


def lead_pages(dataset: Dataset, metrics: Metrics, standard: Standard, reports: dict[Any, Any]) -> list[Page]:
    """The site of a trust that publishes only ``standard`` (not the WRES): its pages at the root, with the data
    and accessibility pages in its words, and no trace of the WRES."""
    pages = standard_pages(dataset, metrics, standard, reports, folder="")
    site = standard_site(dataset, metrics, standard)
    env = environment()
    common = {"site": site, "L": site.labels, "std": standard, "INDICATORS": INDICATORS, "draft": ""}
    other = {"std": standard, "site": site, "folder": ""}
    pages.append(Page("data.md", env.get_template("data.md.j2").render(
        root="", md_root="", others=[other], all_csv_name=None, csv_name=None, columns=COLUMNS, **common)))
    pages.append(Page("accessibility.md", env.get_template("accessibility.md.j2").render(
        root="", md_root="", tools=TESTED_WITH, **common)))
    return pages


def standard_site(dataset: Dataset, metrics: Metrics, standard: Standard) -> Site:
    """What a standard's pages (and its group on the home page) read: its own years, figures and labels."""
    # the standard's own years: a year that gives none of its figures is not one of its reports
    dataset = dataset.model_copy(update={"years": tuple(y for y in dataset.years if y.publishes(standard.id))})
    labels = Labels.from_terminology(dataset.organisation.terminology_for(standard.id))
    table = FigureTable(metrics, dataset, labels, standard.id)
    return Site(dataset, table, labels, dataset.organisation, dataset.organisation.settings, standard.indicators)


def standard_pages(dataset: Dataset, metrics: Metrics, standard: Standard, reports: dict[Any, Any],
                   folder: str | None = None) -> list[Page]:
    """A standard's own pages under its folder (wdes/): overview, a page per indicator, year pages, methodology, CSVs.

    The same templates and figures as the WRES pages, in the standard's words and its groups' labels.
    """
    folder = f"{standard.id}/" if folder is None else folder
    site = standard_site(dataset, metrics, standard)
    dataset, table, labels, years = site.dataset, site.table, site.labels, site.dataset.years
    env = environment()
    # the action plan answers the WRES (its actions and targets name WRES indicators): no plan on these pages yet
    common = {"site": site, "L": labels, "std": standard, "sections": sections, "INDICATORS": INDICATORS,
              "P": plan_sections, "C": corrections, "logic": plans, "latest_plan": None, "latest_targets": [],
              "beside_wres": folder != ""}  # a standard at the site's root is the only one the trust publishes
    drafts = draft_labels(dataset)
    narratives = {n: spec for n, spec in standard.indicators.items() if spec.kind == "narrative"}

    def render(path: str, template: str, *, shows: set[int] | None = None, **context: Any) -> Page:
        draft = ", ".join(label for year, label in drafts.items() if shows is None or year in shows)
        path = folder + path
        return Page(path, env.get_template(template).render(root=plan_sections.url_root(path), md_root=md_root(path),
                                                            draft=draft, **context, **common))

    pages = [render("index.md", "standard_home.md.j2", glance=glance.groups(table, site.latest.year),
                    narratives=narratives, report=reports.get((standard.id, site.latest.year)))]
    for number, spec in standard.indicators.items():
        pages.append(render(f"metrics/{spec.slug}.md", "indicator.md.j2", number=number, spec=spec))
    for year in years:
        index = dataset.years.index(year)
        compared = {year.year} | ({dataset.years[index - 1].year} if index else set())
        pages.append(render(f"years/{year.year}.md", "standard_year.md.j2", shows=compared, year=year,
                            report=reports.get((standard.id, year.year))))
    pages.append(render("methodology.md", "standard_methodology.md.j2", shows=set()))
    ours = Metrics(r for r in metrics if r.indicator in standard.indicators)
    pages.append(Page(f"{folder}{standard.id}-{standard.noun}s.csv", ours.to_csv()))
    for number, spec in standard.indicators.items():
        if spec.kind != "narrative":
            pages.append(Page(f"{folder}downloads/{spec.slug}.csv", indicator_csv(metrics, number)))
    return pages


def md_root(md_path: str) -> str:
    """The way from a generated page's Markdown file back to the docs folder, for Markdown links."""
    return "../" * md_path.count("/")


def draft_labels(dataset: Dataset) -> dict[int, str]:
    """The draft years of ``dataset`` (only the preview has any), by year: their labels."""
    return {year.year: year.display_label for year in dataset.years if year.status == "draft"}


def navigation(dataset: Dataset, content_pages: list[str]) -> list[Any]:
    """The site's navigation: generated pages first, then the hand-written ones. A draft year's entries say "draft"."""
    drafts = draft_labels(dataset)

    def marked(label: str, year: int) -> str:
        return f"{label} (draft)" if year in drafts else label

    lead = lead_standard(dataset)
    if lead is not WRES:
        return [{"Home": "index.md"}, *_standard_nav(dataset, lead, "", marked)[1:], {"Data": "data.md"},
                *content_pages, {"Accessibility and contact": "accessibility.md"}]
    nav: list[Any] = [{"Home": "index.md"}]
    nav.append({"Indicators": [{f"{n}. {spec.short_title}": f"indicators/indicator-{n}.md"} for n, spec in WRES.indicators.items()]})
    nav.append({"Reports by year": [{marked(y.display_label, y.year): f"years/{y.year}.md"} for y in reversed(dataset.years)]})
    for standard in other_standards(dataset):
        nav.append({standard.name: _standard_nav(dataset, standard, f"{standard.id}/", marked)})
    if dataset.plans:
        latest = dataset.plans[-1].year
        plans_nav = [{f"{dataset.plans[-1].display_title} (current{', draft' if latest in drafts else ''})": "action-plan/index.md"}]
        plans_nav += [{marked(p.display_title, p.year): f"action-plan/{p.year}.md"} for p in reversed(dataset.plans[:-1])]
        nav.append({"Action plans": plans_nav})
    if corrections.entries(dataset):
        nav.append({"Corrections": "corrections.md"})
    nav.append({"Data": "data.md"})
    nav.append({"Methodology": "methodology.md"})
    nav.extend(content_pages)
    nav.append({"Accessibility and contact": "accessibility.md"})
    return nav


def _standard_nav(dataset: Dataset, standard: Standard, folder: str, marked: Any) -> list[Any]:
    """A standard's part of the menu: its overview, each indicator, each year's report and its methodology.

    Beside the WRES its sections are named with the standard ("WDES reports by year"): a screen reader lists
    the menu's sections by name, and two called "Reports by year" could not be told apart."""
    def named(words: str) -> str:
        return f"{standard.short_name} {words}" if folder else words.capitalize()

    return [{"Overview": f"{folder}index.md"},
            {named(f"{standard.noun}s"): [{f"{s.id}. {s.short_title}": f"{folder}metrics/{s.slug}.md"}
                                          for s in standard.indicators.values()]},
            {named("reports by year"): [{marked(y.display_label, y.year): f"{folder}years/{y.year}.md"}
                                        for y in reversed(dataset.years) if y.publishes(standard.id)]},
            {named("methodology"): f"{folder}methodology.md"}]


def published_content(content_dir: Path | None, logo: Path | None) -> tuple[dict[str, bytes], list[str]]:
    """The trust's own files in ``content/`` as they are published (pages made safe), and its pages in order.

    Only what ``content/`` may publish, never through a link, even when 'wres check' was not run (the loader
    refuses the rest); ``logo``: the logo's file, published by the identity under its own name.
    """
    files: dict[str, bytes] = {}
    pages: list[str] = []
    for file in content_files(content_dir, logo)[0]:
        data = file.read()
        if file.is_page:
            data = escape.content_markdown(data.decode("utf-8")).encode("utf-8")
            pages.append(file.name)
        files[file.name] = data
    return files, sorted(pages)


def site_files(dataset: Dataset, metrics: Metrics, extra_files: dict[str, Path | bytes] | None = None,
               reports: dict[int, Any] | None = None) -> dict[str, bytes | Path]:
    """Every generated page, download and asset by its path in the site, in a fixed order."""
    files: dict[str, bytes | Path] = {page.path: page.text.encode("utf-8") for page in render_pages(dataset, metrics, reports)}
    files.update(sorted((extra_files or {}).items()))
    return files


def write_docs(files: dict[str, bytes | Path], docs_dir: Path) -> None:
    """Write ``files`` into ``docs_dir`` (only those whose bytes changed), removing any other file there."""
    wanted = {docs_dir / rel: (data if isinstance(data, bytes) else data.read_bytes()) for rel, data in files.items()}
    docs_dir.mkdir(parents=True, exist_ok=True)
    for path, data in wanted.items():
        if not path.exists() or path.read_bytes() != data:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    for path in sorted(docs_dir.rglob("*"), reverse=True):
        if path.is_file() and path not in wanted:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            shutil.rmtree(path)
