"""The WDES beside the WRES: its pages, CSVs and board paper, and no trace of it for a trust that publishes only the WRES."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pikepdf
import pytest

from generator.data.indicators import STANDARDS, WRES
from generator.metrics import COLUMNS

from .site_helpers import built_once, example_site, html_pages, visible_text
from .test_pdf import struct_elements

WDES = STANDARDS["wdes"]
WDES_YEARS = range(2019, 2025)


def _text(site: Path, page: str) -> str:
    """What the page itself says: its article, without the menus (which name every page of the site)."""
    html = (site / page / "index.html" if page else site / "index.html").read_text(encoding="utf-8")
    return visible_text(re.search(r"(?s)<article\b.*</article>", html).group(0))


def _without_wdes(data: Path) -> None:
    """The example as a WRES-only trust keeps it: every year file without its wdes: section."""
    for path in (data / "years").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"(?ms)^wdes:\n.*?(?=^\S|\Z)", "", text), encoding="utf-8")
    for path in (data / "published").glob("*.csv"):  # the frozen figures of a WRES-only trust have no WDES lines
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        path.write_text("".join(line for line in lines if not line.startswith("wdes:")), encoding="utf-8")
    _name_site(data.parent, "Kingsmere Hospitals WRES", "Workforce Race Equality Standard reports.")


def _name_site(project: Path, name: str, description: str) -> None:
    """The site's name and description in mkdocs.yml, as a trust that publishes one standard would write them."""
    mkdocs = project / "mkdocs.yml"
    text = re.sub(r"(?m)^site_name: .*$", f"site_name: {name}", mkdocs.read_text(encoding="utf-8"))
    mkdocs.write_text(re.sub(r"(?m)^site_description: .*$", f"site_description: {description}", text), encoding="utf-8")


@pytest.fixture(scope="module")
def site() -> Path:
    return example_site()


def test_every_wdes_metric_has_its_page_for_every_year(site):
    for spec in WDES.indicators.values():
        page = _text(site, f"wdes/metrics/{spec.slug}")
        assert f"{spec.label}: {spec.short_title}" in page
    for year in WDES_YEARS:
        assert (site / "wdes" / "years" / str(year) / "index.html").is_file()
    overview = _text(site, "wdes")
    assert "Workforce Disability Equality Standard" in overview and "metrics with figures" in overview


def test_the_wdes_wording_is_the_guidances(site):
    """Metric 3 is the capability process; metric 2 puts non-disabled applicants first; a ratio has no % sign."""
    three = _text(site, "wdes/metrics/metric-3")
    assert "capability process" in three and "disciplinary" not in three
    two = _text(site, "wdes/metrics/metric-2")
    assert re.search(r"Non-disabled applicants were \d+\.\d\d times as likely as Disabled applicants to be appointed", two)
    for page in html_pages(site / "wdes"):
        text = _text(site, page.parent.relative_to(site).as_posix())
        assert not re.search(r"\b\d+\.\d\d% times|relative likelihood (of|was|is) \d+\.\d+%", text, re.I), page


def test_the_home_page_has_a_wdes_card_group(site):
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="wdes/metrics/metric-4a-i/"' in home
    assert "Workforce Disability Equality Standard" in visible_text(home)


def test_the_declaration_gap_is_its_own_figure(site):
    page = _text(site, "wdes/metrics/metric-1")
    assert "Declaration gap (survey minus ESR)" in page and "The declaration gap." in page


def test_the_csvs_name_each_standards_indicators_and_groups_as_it_does(site):
    wres = list(csv.reader(io.StringIO((site / "wres-indicators.csv").read_text(encoding="utf-8"))))
    assert wres[0] == COLUMNS
    assert {row[1] for row in wres[1:]} == {str(n) for n in WRES.indicators}  # WRES rows only, as documented
    both = list(csv.DictReader(io.StringIO((site / "equality-standards.csv").read_text(encoding="utf-8"))))
    assert list(both[0]) == ["standard", *COLUMNS]
    wdes = [row for row in both if row["standard"] == "WDES"]
    assert {row["indicator"] for row in wdes} == {s.id for s in WDES.indicators.values() if s.kind != "narrative"}
    measures = {row["measure"] for row in wdes}
    assert {"disabled_share", "likelihood_non_disabled", "score_disabled", "declaration_gap"} <= measures
    assert not any("bme" in m or "white" in m for m in measures)


def test_small_metric_3_counts_are_withheld_everywhere(site):
    """The example's metric 3 has a Disabled count under the threshold in 2022: no figure of it reaches the site."""
    rows = [row for row in csv.DictReader(io.StringIO((site / "wdes" / "wdes-metrics.csv").read_text(encoding="utf-8")))
            if row["year"] == "2022" and row["indicator"] == "3"]
    withheld = [row for row in rows if row["note"] == "suppressed"]
    assert withheld and all(row["value"] == "" for row in withheld)
    assert "Withheld" in _text(site, "wdes/years/2022")


def test_each_year_has_a_tagged_wdes_board_paper(site):
    """Every year's WDES paper is tagged (2023/24's in full in test_pdf.py) and linked from its year page."""
    for year in WDES_YEARS:
        with pikepdf.open(site / "reports" / f"wdes-report-{year}.pdf") as document:
            tags = [str(e.S) for e in struct_elements(document)]
        assert tags.count("/H1") == 1 and "/Table" in tags and "/Figure" in tags, year
        year_page = (site / "wdes" / "years" / str(year) / "index.html").read_text(encoding="utf-8")
        assert f"reports/wdes-report-{year}.pdf" in year_page


def test_a_wres_only_trust_sees_no_trace_of_the_wdes():
    site = built_once("wres-only", _without_wdes)
    assert not (site / "wdes").exists() and not (site / "equality-standards.csv").exists()
    assert not list((site / "reports").glob("wdes-*"))
    for page in html_pages(site):
        html = page.read_text(encoding="utf-8")
        assert "Disab" not in html and "WDES" not in html, page


def _wdes_only(data: Path) -> None:
    """The example as a trust that publishes only the WDES keeps it: no WRES block, plan or words of its own."""
    for path in (data / "years").glob("*.yaml"):
        text = re.sub(r"(?ms)^(indicator_\d|narrative|summary|corrections):.*?(?=^\S|\Z)", "", path.read_text(encoding="utf-8"))
        path.write_text(text.replace("defined as in the WRES", "defined nationally"), encoding="utf-8")
    for path in (data / "published").glob("*.csv"):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        path.write_text("".join(line for line in lines if line.startswith(("#", "indicator,", "wdes:"))), encoding="utf-8")
    for path in (data / "action_plans").glob("*.yaml"):
        path.unlink()
    project = data.parent
    (project / "content" / "about.md").write_text("# About\n\nOur disability equality report.\n", encoding="utf-8")
    _name_site(project, "Kingsmere Hospitals WDES", "Our disability equality reports.")


def test_a_wdes_only_trust_sees_no_trace_of_the_wres():
    site = built_once("wdes-only", _wdes_only)
    assert (site / "metrics" / "metric-4a-i" / "index.html").is_file() and (site / "wdes-metrics.csv").is_file()
    assert not (site / "indicators").exists() and not (site / "wres-indicators.csv").exists()
    assert sorted(p.name for p in (site / "reports").iterdir()) == [f"wdes-report-{y}.pdf" for y in WDES_YEARS]
    for page in [*html_pages(site), site / "search" / "search_index.json"]:
        text = page.read_text(encoding="utf-8")
        for word in ("WRES", "Race Equality", "BME", "ethnic"):
            assert word not in text, (page, word)
    home = _text(site, "")
    assert home.startswith(" Workforce Disability Equality Standard") or "Workforce Disability Equality Standard 2023/24" in home
