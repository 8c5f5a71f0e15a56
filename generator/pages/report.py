"""A year's full report as one HTML document with its print stylesheet: the board paper the PDF is made from.

Nothing here computes a figure. The report reuses the site's own building blocks
(``sections`` for tables and charts, ``figures`` for headlines, ``plans`` for the
action plan, the Methodology page's template), so every number, every withheld
figure and every word about a figure is the one the website shows. Typed text goes
through the same escape and Markdown sanitiser as the site (``escape.text`` is the
template's ``finalize``; ``sections.safe_markdown`` for prose).

``site/pdf.py`` turns a :class:`ReportDocument` into the PDF; this stage stays free
of the PDF engine, so the HTML can be tested on its own.
"""

from __future__ import annotations

import base64
import mimetypes
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown
from markupsafe import Markup

from ..data import (
    INDICATORS,
    STAFF_GROUP_TITLES,
    Action,
    ActionPlan,
    Dataset,
    Indicator,
    Year,
)
from ..data.indicators import STANDARDS
from ..metrics import Metrics
from . import board_paper, charts, corrections, sections
from . import plans as plan_sections
from .figures import FigureTable, Headline
from .render import Site, environment, lead_standard
from .tables import Table
from .wording import Labels, long_date

REPORT_DIR = "reports"  # in the site: reports/wres-report-<year>.pdf
TEMPLATE = "report/report.html.j2"
STYLESHEET = Path(__file__).parent / "templates" / "report" / "report.css"
LANGUAGE = "en-GB"


def report_name(year: int, standard: str = "wres") -> str:
    """The PDF's file name: stable, so a link to it keeps working from one build to the next; one per standard."""
    return f"{standard}-report-{year}.pdf"


@dataclass(frozen=True)
class ReportDocument:
    """One year's report, ready for the PDF engine: the HTML, its stylesheet and its title."""

    year: int
    title: str
    html: str
    css: str


@dataclass(frozen=True)
class ReportLink:
    """What the year page says about its PDF: computed from the file written."""

    href: str  # from the site's root
    pages: int
    size: int  # bytes

    @property
    def size_text(self) -> str:
        # decimal units, as GOV.UK writes attachment sizes ("1.2 MB", "480 KB")
        if self.size >= 1_000_000:
            return f"{self.size / 1_000_000:.1f} MB"
        return f"{max(1, round(self.size / 1000))} KB"

    @property
    def text(self) -> str:
        noun = "page" if self.pages == 1 else "pages"
        return f"Download the full report (PDF, {self.pages} {noun}, {self.size_text})"


def published_years(dataset: Dataset) -> list[Year]:
    """The years that get a PDF: every published one (a draft never has one)."""
    return [y for y in dataset.years if y.status == "published"]


def up_to(dataset: Dataset, metrics: Metrics, year: int) -> tuple[Dataset, Metrics]:
    """The data as it stood for ``year``'s report: that year and the years before it.

    Every figure of a year depends only on that year and earlier ones (the direction of
    travel looks back), so these are the same figures the website shows for those years;
    later years are left out, so a year's charts end at that year.
    """
    years = tuple(y for y in dataset.years if y.year <= year)
    plans = tuple(p for p in dataset.plans if p.year <= year)
    return dataset.model_copy(update={"years": years, "plans": plans}), metrics.up_to(year)


def transposed(table: Table) -> Table:
    """A trend table with one row per figure and one column per year, so it fits a portrait page."""
    years = [header for header, _ in table.rows][::-1]  # the trend table runs latest first; the report reads on in time
    cells = {header: cells for header, cells in table.rows}
    rows = [(name, [cells[y][i] for y in years]) for i, name in enumerate(table.columns[1:])]
    return Table(table.table_id + "-by-year", table.caption, ["Figure"] + years, rows, table.notes)


def image_uri(path: Path) -> str:
    """An image as a data: address, so the HTML (and the cache key made of it) holds the image itself."""
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def svg_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(str(svg).encode("utf-8")).decode("ascii")


def chart_svg(chart: charts.Chart) -> str:
    """The chart as a static SVG image, the wide drawing (WeasyPrint draws it as vectors)."""
    return svg_uri(chart.svg("wide"))


def methodology_html(env: Any, context: dict[str, Any], template: str = "methodology.md.j2") -> Markup:
    """The website's Methodology page, as HTML for the report: one source for both.

    Its Markdown is the site's (all our own words, typed values already escaped); headings go
    one level down (the report's sections are level 2), and links into the site become plain
    text, because in print they lead nowhere.
    """
    text = env.get_template(template).render(root="", md_root="", draft="", **context)
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    html = markdown.markdown(text, extensions=["attr_list", "md_in_html", "tables", "sane_lists"], output_format="html")
    html = re.sub(r"<(/?)h([1-5])\b", lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", html)
    html = re.sub(r'<a href="(?!https?:|mailto:)[^"]*">(.*?)</a>', r"\1", html, flags=re.S)
    # the site's table wrappers are for scrolling on phones: on paper the table is the region
    html = re.sub(r'<div class="wres-table" role="region" aria-labelledby="[^"]*" tabindex="0">(.*?)</div>', r"\1", html, flags=re.S)
    return Markup(html)


def _plain_tables(markup: Markup) -> Markup:
    return Markup(re.sub(r'<div class="wres-table" role="region" aria-labelledby="[^"]*" tabindex="0">(.*?</table>)</div>',
                         r"\1", str(markup), flags=re.S))


@dataclass(frozen=True)
class IndicatorPart:
    """One indicator's section of the report."""

    number: int
    spec: Indicator
    headline: Headline
    chart: charts.Chart | None  # none for a narrative (WDES 9b)
    chart_image: str  # the chart as a data: address of its SVG
    trend: Markup  # the chart's table: every year to this one, a column each
    bands: list[Markup]  # indicator 1: each staff group by band
    commentary: str | None
    actions: list[Action]  # the plan's actions that address this indicator


def _indicator(number: int, table: FigureTable, year: Year, plan: ActionPlan | None) -> IndicatorPart:
    spec = INDICATORS[number]
    headline = table.headline(number, year.year)
    if spec.kind == "narrative":  # the organisation's own words, no figure: no chart, no table
        return IndicatorPart(number, spec, headline, None, "", Markup(""), [], year.indicator(number), [])
    chart = sections.trend_chart(number, table, plan_sections.chart_targets(plan, table, number) if plan else [])
    bands = []
    published_only = headline.figure is not None and headline.figure.source == "published"
    if spec.kind == "representation" and not published_only:
        bands = [_plain_tables(sections.band_table(table, year.year, group).html())
                 for group in STAFF_GROUP_TITLES if sections.bands(table, year.year, group)]
    block = year.indicator(number)
    return IndicatorPart(number, spec, headline, chart, chart_svg(chart),
                         _plain_tables(transposed(sections.trend_table(number, table)).html()), bands,
                         block.commentary if block is not None else None,
                         plan_sections.actions_for(plan, number) if plan else [])


def report_document(dataset: Dataset, metrics: Metrics, year: int, *, env: Any = None,
                    standard: str = "wres") -> ReportDocument:
    """``year``'s full report of ``standard`` as HTML, with the figures and words of the website (``env``: templates
    already compiled). A standard beside the WRES reads its own years, labels and narrative (its section's)."""
    data, figures = up_to(dataset, metrics, year)
    std = STANDARDS[standard]
    if std.section:
        data = data.model_copy(update={"years": tuple(y for y in data.years if y.publishes(standard))})
    chosen = next(y for y in data.years if y.year == year)
    labels = Labels.from_terminology(data.organisation.terminology_for(standard))
    table = FigureTable(figures, data, labels, standard)
    plan = next((p for p in data.plans if p.year == year), None)
    env = env or environment()
    site = Site(data, table, labels, data.organisation, data.organisation.settings, table.standard.indicators)
    common = {"site": site, "L": labels, "std": std, "sections": sections, "INDICATORS": INDICATORS, "P": plan_sections,
              "C": corrections, "beside_wres": lead_standard(dataset).id == "wres"}
    narrative = getattr(getattr(chosen, std.section), "narrative", None) if std.section else chosen.narrative
    identity = data.organisation.identity
    logo = identity.logo_path if identity is not None else None
    logo_alt = identity.logo_alt if identity is not None else None
    title = f"{data.organisation.name}: {std.name} report {chosen.display_label}"
    if chosen.status == "draft":
        title = f"Draft for the board: {title}"
    context = {
        **common,
        "title": title,
        "lang": LANGUAGE,
        "year": chosen,
        "org": data.organisation,
        "narrative": narrative,
        "logo": image_uri(logo) if logo is not None and logo.is_file() else None,
        "logo_alt": logo_alt or data.organisation.name,
        "long_date": long_date,
        "cover_sheet": narrative.cover_sheet if narrative is not None else [],
        "summary_rows": board_paper.summary_rows(table, year),
        "last_label": table.year_label(year - 1) if any(y.year == year - 1 for y in data.years) else "Earlier year",
        "findings": [board_paper.finding(table.headline(n, year)) for n, spec in table.standard.indicators.items()
                     if spec.kind != "narrative"],
        "indicators": [_indicator(n, table, chosen, plan) for n in table.standard.indicators],
        "plan": plan,
        # the action plan answers the WRES: another standard's paper has no section for it until its actions are tagged
        "show_plan": not std.section,
        "summary": (getattr(chosen, std.section).summary if std.section else chosen.summary),
        "plan_groups": plan_sections.grouped(plan) if plan else [],
        "numbering_note": plan_sections.numbering_note(data.plans, plan) if plan else "",
        "targets": plan_sections.target_views(plan, table) if plan else [],
        "logic": plan_sections.logic,
        "inline": plan_sections.inline,
        "corrections": corrections.entries(data, year=year),
        "methodology": methodology_html(env, common, "methodology.md.j2" if not std.section else "standard_methodology.md.j2"),
    }
    html = env.get_template(TEMPLATE).render(**context)
    return ReportDocument(year, title, html, STYLESHEET.read_text(encoding="utf-8") + accent_css(identity))


def accent_css(identity: Any) -> str:
    """The trust's accent colour on headings, links and the headline rule (the loader checked it is #RRGGBB
    with 4.5:1 against white); none keeps the report's own blue."""
    colour = identity.accent_colour if identity is not None else None
    if not colour or not re.fullmatch(r"#[0-9A-Fa-f]{6}", colour):
        return ""
    return f"\nh1, h2, h3, h4, a {{ color: {colour}; }}\n.headline {{ border-left-color: {colour}; }}\n"


def report_documents(dataset: Dataset, metrics: Metrics) -> list[ReportDocument]:
    """A report for every published year, oldest first."""
    env = environment()  # compiled once for every year
    return [report_document(dataset, metrics, y.year, env=env) for y in published_years(dataset)]
