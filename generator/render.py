"""Render the Markdown pages of the site from the model and the metrics table.

Each page type has a Jinja2 template in ``templates/`` (extending ``_page.md.j2``)
and a small context built here. ``StrictUndefined`` makes a missing variable
fail the build instead of printing an empty string.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import pandas as pd

from . import sections
from .figures import FigureTable
from .indicators import INDICATORS, STAFF_GROUP_TITLES
from .metrics import COLUMNS, to_csv
from .model import Dataset
from .wording import Labels, pct, ratio

CSV_NAME = "wres-indicators.csv"


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates"),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # Markdown, not HTML: user text reaches it only through safe_markdown
    )
    env.filters["md"] = sections.safe_markdown
    env.filters["ratio"] = ratio
    env.filters["pct"] = pct
    return env


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
        return self.dataset.years[-1]


@dataclass
class Page:
    path: str
    text: str


def indicator_csv(frame: pd.DataFrame, number: int) -> str:
    return to_csv(frame[frame.indicator == number])


def render_pages(dataset: Dataset, frame: pd.DataFrame) -> list[Page]:
    """Every generated page and download, in a fixed order."""
    labels = Labels.from_terminology(dataset.organisation.terminology)
    table = FigureTable(frame, dataset, labels)
    site = Site(dataset, table, labels, dataset.organisation, dataset.organisation.settings, INDICATORS)
    env = environment()
    common = {"site": site, "L": labels, "sections": sections, "INDICATORS": INDICATORS}
    pages = [Page("index.md", env.get_template("home.md.j2").render(**common))]
    for number in INDICATORS:
        pages.append(Page(f"indicators/indicator-{number}.md",
                          env.get_template("indicator.md.j2").render(number=number, spec=INDICATORS[number], **common)))
    for year in dataset.years:
        pages.append(Page(f"years/{year.year}.md", env.get_template("year.md.j2").render(year=year, **common)))
    pages.append(Page("data.md", env.get_template("data.md.j2").render(columns=COLUMNS, csv_name=CSV_NAME, **common)))
    pages.append(Page("methodology.md", env.get_template("methodology.md.j2").render(**common)))
    pages.append(Page("accessibility.md", env.get_template("accessibility.md.j2").render(**common)))
    pages.append(Page(CSV_NAME, to_csv(frame)))
    for number in INDICATORS:
        pages.append(Page(f"downloads/indicator-{number}.csv", indicator_csv(frame, number)))
    return pages


def navigation(dataset: Dataset, content_pages: list[str]) -> list[Any]:
    """The site's navigation: generated pages first, then the hand-written ones."""
    nav: list[Any] = [{"Home": "index.md"}]
    nav.append({"Indicators": [{f"{n}. {spec.short_title}": f"indicators/indicator-{n}.md"} for n, spec in INDICATORS.items()]})
    nav.append({"Reports by year": [{y.display_label: f"years/{y.year}.md"} for y in reversed(dataset.years)]})
    nav.append({"Data": "data.md"})
    nav.append({"Methodology": "methodology.md"})
    nav.extend(content_pages)
    nav.append({"Accessibility and contact": "accessibility.md"})
    return nav


def write_docs(dataset: Dataset, frame: pd.DataFrame, docs_dir: Path, content_dir: Path | None,
               extra_files: dict[str, Path] | None = None) -> list[Any]:
    """Write every page into ``docs_dir`` (only files whose bytes changed) and return the navigation."""
    wanted: dict[Path, bytes] = {}
    for page in render_pages(dataset, frame):
        wanted[docs_dir / page.path] = page.text.encode("utf-8")
    content_pages: list[str] = []
    if content_dir is not None and content_dir.is_dir():
        for path in sorted(content_dir.rglob("*")):
            if path.is_file() and not path.name.startswith("."):
                rel = path.relative_to(content_dir)
                wanted[docs_dir / rel] = path.read_bytes()
                if path.suffix == ".md":
                    content_pages.append(rel.as_posix())
    for rel, source in sorted((extra_files or {}).items()):
        wanted[docs_dir / rel] = source.read_bytes()
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
    return navigation(dataset, content_pages)
