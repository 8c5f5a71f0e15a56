"""What the wres plugin adds to a MkDocs build, made from a project: pages, downloads, assets, reports, navigation.

One function serves every way the site is made: the plugin (``mkdocs build``, ``mkdocs serve``,
``wres build``, ``wres serve``) and ``wres generate``, which writes the same files to a folder
that stock MkDocs builds. So every one of them shows exactly the same pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..data import DataError, Organisation, Project, load_project
from ..data.loading import content_problems
from ..data.plausibility import questions
from ..metrics import compute_metrics
from ..pages import navigation, published_content, site_files
from ..pages.escape import plain_html
from . import identity, report_cache
from .kept import Kept, Report
from .pdf import year_reports
from .published import check_published

PLOTLY_NAME = "assets/javascripts/plotly-basic.min.js"
# The plotly.js basic bundle (scatter and bar) ships with the package, at the version the browser tests ran.
PLOTLY_JS = Path(__file__).parent / "vendor" / "plotly-basic.min.js"
CSS_NAME = "assets/stylesheets/wres.css"


@dataclass(frozen=True)
class Generated:
    """A project's generated site, before MkDocs lays it out."""

    organisation: Organisation
    files: dict[str, bytes | Path]  # generated pages, CSVs, assets and reports, by their path in the site
    content: dict[str, bytes]  # the trust's own files from content/, pages made safe
    content_pages: list[str]  # the trust's own pages, in order
    nav: list[Any]  # the navigation when mkdocs.yml gives none: generated pages, the trust's, Accessibility
    warnings: tuple[str, ...] = ()  # values that look wrong (data/plausibility.py): shown by the preview, never an error

    @property
    def stylesheets(self) -> list[str]:
        """The site's own stylesheets, after the theme's (the accent colour's last, so it wins)."""
        return [CSS_NAME] + ([identity.CSS_NAME] if identity.CSS_NAME in self.files else [])

    @property
    def logo(self) -> str | None:
        return identity.logo_name(self.organisation.identity) if self.organisation.identity else None

    def theme_extra(self) -> dict[str, Any]:
        """What the site's templates read from ``config.extra.wres`` (escaped here: MkDocs' templates print as is)."""
        ident = self.organisation.identity
        return {"stylesheets": self.stylesheets,
                "logo_alt": plain_html(ident.logo_alt or "") if ident and ident.logo else ""}

    def copyright(self, given: str | None) -> str:
        """The footer's notice: ``copyright`` from mkdocs.yml (or the organisation's name), escaped, and a link to the
        trust's own website. MkDocs' ``copyright`` is HTML, which Material's footer prints as it is: the website goes
        there, so the theme's own footer shows it."""
        notice = plain_html(given or self.organisation.name)
        website = self.organisation.website
        if not website:
            return notice
        return (f'{notice}<p class="wres-footer-website"><a href="{plain_html(str(website))}">'
                f"{plain_html(self.organisation.name + ' website')}</a></p>")


def generate(project: Project, *, drafts: bool = False, pdfs: bool = False, kept: Kept | None = None,
             on_disk: bool = False) -> Generated:
    """Validate the project and make its site's files; raises ``DataError`` listing every problem.

    ``pdfs``: each published year's report too (seconds each, so not in the live preview).
    ``kept``: the plugin's last report, used again (content/ checked afresh) when its inputs are unchanged (kept.py).
    ``on_disk``: the report is also kept between processes, and used again while its inputs are unchanged
    (report_cache.py: ``wres build`` and ``mkdocs build``).
    """
    key = kept.key_for(project, drafts=drafts, pdfs=pdfs) if kept is not None else None
    made = kept.get(key) if kept is not None else None
    disk_key = report_cache.key_for(project, drafts=drafts, pdfs=pdfs) if on_disk and made is None else None
    if disk_key is not None:
        made = report_cache.get(disk_key)
    if made is not None:
        problems = content_problems(project, made.dataset.organisation)
        if problems:
            raise DataError(problems)
    else:
        made = _report(project, drafts=drafts, pdfs=pdfs)
        if disk_key is not None:
            report_cache.keep(disk_key, made)
    if kept is not None:
        kept.keep(key, made)
    dataset = made.dataset
    org = dataset.organisation
    content, pages = published_content(project.content_dir, org.identity.logo_path if org.identity else None)
    return Generated(org, made.files, content, pages, escaped_nav(navigation(dataset, pages)), made.warnings)


def _report(project: Project, *, drafts: bool, pdfs: bool) -> Report:
    """What ``data/`` makes: the checked data (content/ checked with it), the figures, the generated files."""
    dataset = load_project(project, drafts=drafts)
    figures = compute_metrics(dataset)
    check_published(project, dataset, figures)
    org = dataset.organisation
    extra: dict[str, Path | bytes] = {PLOTLY_NAME: PLOTLY_JS, **identity.files(org.identity)}
    reports = year_reports(dataset, figures) if pdfs else {}
    extra.update({report.site_path: report.path for report in reports.values()})
    files = site_files(dataset, figures, extra, reports={key: report.link for key, report in reports.items()})
    return Report(dataset, files, tuple(str(question) for question in questions(project, dataset)))


def escaped_nav(nav: list[Any]) -> list[Any]:
    """Navigation titles HTML-escaped: MkDocs and the theme print them as they are."""
    out = []
    for item in nav:
        if isinstance(item, dict):
            out.append({plain_html(title): escaped_nav(value) if isinstance(value, list) else value for title, value in item.items()})
        else:
            out.append(item)
    return out
