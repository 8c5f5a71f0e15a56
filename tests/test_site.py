"""The built website: every page, every chart's table and summary, the cards' numbers, terminology."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from generator.data import INDICATORS, DataError
from generator.data.indicators import WRES
from generator.metrics import compute_metrics
from generator.pages.wording import DIRECTION_WORDS, gap_words, number
from generator.site import BuildError

from .conftest import load_example, one_row
from .site_helpers import build_example, copy_data, example_site, html_pages, visible_text


@pytest.fixture(scope="session")
def site() -> Path:
    return example_site()


@pytest.fixture(scope="session")
def metrics():
    return compute_metrics(load_example())


def read(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8") if page else (site / "index.html").read_text(encoding="utf-8")


def test_every_page_of_the_navigation_is_built(site):
    years = [y.year for y in load_example().years]
    expected = ["", "data", "methodology", "accessibility", "about"]
    expected += [f"indicators/indicator-{n}" for n in WRES.indicators] + [f"years/{y}" for y in years]
    for page in expected:
        assert (site / page / "index.html").exists() if page else (site / "index.html").exists(), page
    home = read(site, "")
    for page in expected[1:]:
        assert f'href="{page}/"' in home or f'href="./{page}/"' in home, f"{page} is not in the navigation"


def test_indicator_pages_are_headed_with_number_and_title(site):
    for n, spec in WRES.indicators.items():
        assert re.search(rf"<h1[^>]*>Indicator {n}: {spec.short_title}</h1>", read(site, f"indicators/indicator-{n}"))


def test_every_chart_has_a_name_a_summary_and_its_table_next(site):
    charts = 0
    for page in html_pages(site):
        html = page.read_text(encoding="utf-8")
        for match in re.finditer(r'<figure class="wres-figure".*?</figure>\s*(<div class="wres-table[ "][^>]*>)?', html, re.S):
            charts += 1
            figure = match.group(0)
            assert re.search(r'role="img" aria-label="[^"]{20,}"', figure), page
            summary = re.search(r'<span class="wres-figure__summary">([^<]+)</span>', figure)
            assert summary and len(summary.group(1)) > 20, page
            assert match.group(1), f"a chart in {page} is not followed by its table"
            assert 'role="region"' in match.group(1) and 'tabindex="0"' in match.group(1)
    assert charts >= 12


def test_every_chart_is_in_the_page_as_a_narrow_and_a_wide_svg(site):
    """No script is needed to see a chart: each one is drawn at build time, twice, for phones and wider screens."""
    import xml.etree.ElementTree as ET

    for page in html_pages(site):
        html = page.read_text(encoding="utf-8")
        for chart in re.findall(r'<div class="wres-chart"[^>]*>(.*?)</div>', html, re.S):
            svgs = re.findall(r"<svg .*?</svg>", chart, re.S)
            assert [re.search(r'class="wres-svg wres-svg--(\w+)"', s).group(1) for s in svgs] == ["narrow", "wide"], page
            for s in svgs:
                ET.fromstring(s)
                assert not re.search(r"\sstyle=|<script", s)
        assert html.count('data-wres-explore="') == html.count('<div class="wres-chart"')


def test_plotly_loads_only_on_request_and_from_this_site(site):
    """Charts are static SVGs; plotly.js is named only by the chart script, which loads it when a reader asks."""
    assert "plotly-basic.min.js" not in read(site, "") and "wres-charts.js" not in read(site, "")
    indicator = read(site, "indicators/indicator-2")
    assert not re.search(r'<script src="[^"]*plotly', indicator) and "plotly.css" not in indicator.split("wres-charts.js")[0]
    assert re.search(r'<script src="[./]*assets/javascripts/wres-charts.js" defer\s+data-plotly="[./]*assets/javascripts/'
                     r'plotly-basic.min.js"', indicator)
    assert (site / "assets" / "javascripts" / "plotly-basic.min.js").stat().st_size > 100_000
    for page in html_pages(site):
        html = page.read_text(encoding="utf-8")
        external = re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="(https?:)?//', html)
        assert not external, f"{page} loads something from another host"
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def _cards(html: str) -> dict[int, str]:
    cards = {}
    for block in re.findall(r'<section class="wres-card"[^>]*>(.*?)</section>', html, re.S):
        found = re.search(r"Indicator (\d):", block)
        if found:  # the WRES cards (the WDES's are tested in test_wdes_site.py)
            cards[int(found.group(1))] = block
    return cards


def test_every_number_on_a_card_matches_the_metrics_table(site, metrics):
    cards = _cards(read(site, ""))
    assert sorted(cards) == list(range(1, 10))
    latest = max(metrics.column("year"))
    for n, block in cards.items():
        spec = INDICATORS[n]
        headline = metrics.where(indicator=n, measure=spec.headline_measure, breakdown=spec.headline_breakdown)
        row = one_row(headline, latest, n, spec.headline_measure, spec.headline_breakdown)
        value = re.search(r'<p class="wres-card__value[^"]*">([^<]+)</p>', block).group(1)
        previous = [r for r in headline if r.year < latest and r.value is not None][-1]
        if spec.kind == "board":  # the board's difference is said in words, its sign as "below" or "above"
            assert value == f"BME share of voting board {gap_words(row.value)}"
            assert gap_words(previous.value) in block
        else:
            assert value == number(spec.headline_measure, row.value)
            assert number(spec.headline_measure, previous.value) in block  # one click lower, in the card's details
        if row.direction:
            assert DIRECTION_WORDS[row.direction].lower() in block.lower()  # the verdict, after the movement


def test_the_direction_of_travel_reads_the_same_everywhere(site, metrics):
    """Issue 11: the same words on the home card, the indicator page, the year page and in the CSV."""
    ratio_words = ("Closer to 1.00, but no significant change: 1.80 (95% CI 0.71 to 4.54) in 2022/23 and 1.33 (0.47 to 3.72) "
                   "in 2023/24; the intervals overlap widely.")
    card = visible_text(_cards(read(site, ""))[3])
    assert ratio_words in card
    assert ratio_words in visible_text(read(site, "indicators/indicator-3"))
    year = visible_text(read(site, "years/2024"))
    assert ratio_words in year
    # indicator 2: significant, beyond the tolerance; the movement and the verdict both said
    assert "Improved, from 2.21 to 1.68 (closer to 1.00): a statistically significant change." in year
    assert ("Better, but no significant change: 29.2% of 1,190 respondents in 2022/23 and 27.3% of 1,265 in 2023/24"
            in year)
    assert "Deteriorated" not in year and "deteriorated" not in year
    # published figures: not tested, and why
    year_2020 = visible_text(read(site, "years/2020"))
    # the year page says why once, under its summary table, not in each indicator's section
    assert "Closer to 1.00, not tested: from 1.71 to 1.62." in year_2020
    assert "Indicators 2, 3 and 4: Not tested: published figures without counts cannot be tested." in year_2020
    assert year_2020.count("published figures without counts cannot be tested") == 1
    # across the series break: not comparable, the reason on the indicator page, the break on the chart
    indicator_7 = read(site, "indicators/indicator-7")
    text_7 = visible_text(indicator_7)
    assert "Series break from 2020/21. The staff survey question changed in the 2020 survey" in text_7
    assert "Not comparable with 2019/20 (series break)" in text_7
    assert '"name":"series-break"' in indicator_7 and '"text":"Series break"' in indicator_7
    assert '"showlegend":false' in indicator_7  # each line is split at the break: nothing joins the two series
    assert "Not comparable: The staff survey question changed" in visible_text(read(site, "years/2021"))
    csv = (site / "wres-indicators.csv").read_text(encoding="utf-8")
    # the verdict (direction) and the raw movement beside it, for untested and published figures too
    assert ("2024,3,,relative_likelihood,1.3260393873085339,0.47256897693125455,3.72089693257496,no_significant_change,"
            "improved,counts,") in csv
    assert "2021,7,,bme,44.9,,,not_comparable,,survey," in csv
    assert "2020,2,,relative_likelihood,1.62,,,not_tested,improved,published," in csv


def test_card_sentences_state_the_direction_of_each_ratio(site):
    cards = _cards(read(site, ""))
    text = {n: visible_text(block) for n, block in cards.items()}
    assert re.search(r"White applicants were \d\.\d\d times as likely as BME applicants to be appointed from shortlisting", text[2])
    assert re.search(r"BME staff were \d\.\d\d times as likely as White staff to enter the formal disciplinary process", text[3])
    assert re.search(r"White staff were \d\.\d\d times as likely as BME staff to access non-mandatory training", text[4])


def test_missing_figures_have_their_own_words(site):
    year_2022 = visible_text(read(site, "years/2022"))
    assert "Withheld for privacy" in year_2022
    assert "rests on fewer than 5 people" in year_2022
    assert "Not available: Our learning records moved" in visible_text(read(site, "years/2021"))
    indicator_2 = visible_text(read(site, "indicators/indicator-2"))
    assert "1.71 (published)" in indicator_2 and "As published in the 2018/19 report." in indicator_2
    assert "the counts behind it were not kept" not in indicator_2


def test_downloads_are_published(site, metrics):
    csv = (site / "wres-indicators.csv").read_text(encoding="utf-8")
    assert csv.splitlines()[0] == "year,indicator,breakdown,measure,value,ci_low,ci_high,direction,movement,source,note"
    assert len(csv.splitlines()) == len([r for r in metrics if r.indicator in WRES.indicators]) + 1
    for n in WRES.indicators:
        lines = (site / "downloads" / f"indicator-{n}.csv").read_text().splitlines()
        assert all(line.split(",")[1] == str(n) for line in lines[1:])


def test_tables_work_without_javascript(site):
    html = read(site, "indicators/indicator-5")
    # the years are the columns (issue 21: the table fits the page)
    assert "<caption" in html and '<th scope="row">BME</th>' in html and '<th scope="col">2023/24</th>' in html


def test_the_same_inputs_give_the_same_site(site, tmp_path):
    again = build_example(tmp_path / "again")
    def digest(root: Path) -> dict[str, str]:
        return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in root.rglob("*") if p.is_file()}
    assert digest(again) == digest(site)


def test_terminology_replaces_bme_everywhere(tmp_path):
    data = copy_data(tmp_path / "project")
    org = data / "organisation.yaml"
    org.write_text(org.read_text().replace("bme: BME", "bme: ethnically diverse")
                   .replace("bme_long: Black and minority ethnic", "bme_long: ethnically diverse"))
    site = build_example(tmp_path / "site", data)
    for page in html_pages(site):
        # the editors' own words (commentary, actions) and the table of contents that repeats their headings are theirs;
        # everything the site writes must use the label
        text = visible_text(page.read_text(encoding="utf-8"), skip_classes=("wres-editor", "md-nav--secondary"))
        assert not re.search(r"\bBME\b", text), f"{page} still says BME: ...{text[max(0, text.find('BME') - 80):text.find('BME') + 40]}"
    home = visible_text((site / "index.html").read_text())
    assert "White applicants were" in home and "as likely as ethnically diverse applicants" in home
    chart = (site / "indicators" / "indicator-5" / "index.html").read_text()
    assert '"name":"ethnically diverse"' in chart


def test_a_failed_build_leaves_the_previous_site(tmp_path):
    data = copy_data(tmp_path / "project")
    out = build_example(tmp_path / "site", data)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    year = data / "years" / "2024.yaml"
    year.write_text(year.read_text().replace("appointed: {white: 900", "appointed: {white: 9000"))
    with pytest.raises(DataError):
        build_example(out, data)
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert not list(tmp_path.glob(".wres-build-*")), "temporary build folders are cleaned up"


def test_a_broken_link_in_content_fails_the_build_and_keeps_the_site(tmp_path, monkeypatch):
    from . import site_helpers

    data = site_helpers.copy_data(tmp_path / "project")
    out = build_example(tmp_path / "site", data)
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    (data.parent / "content" / "about.md").write_text("# About\n\nSee [the missing page](missing.md).\n")

    with pytest.raises(BuildError, match="previous site is unchanged"):
        build_example(out, data)
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before


def test_the_accessibility_statement_names_the_tools_actually_used(site):
    import json

    from generator.pages.tested_with import TESTED_WITH

    from .conftest import ROOT

    packages = json.loads((ROOT / "package.json").read_text())["devDependencies"]
    assert TESTED_WITH["axe-core"] == packages["axe-core"]
    assert TESTED_WITH["Nu HTML Checker (vnu-jar)"] == packages["vnu-jar"]
    assert TESTED_WITH["Lighthouse"] == packages["lighthouse"]
    text = visible_text(read(site, "accessibility"))
    for tool, version in TESTED_WITH.items():
        assert f"{tool.split(' (')[0]}" in text and version in text
    assert "equality@kingsmere.example.nhs.uk" in text


def test_the_chart_bundle_ships_with_the_package_at_the_tested_version():
    """No npm is needed to build a site, and the build never falls back to another bundle."""
    import json

    from generator.site.generate import PLOTLY_JS

    from .conftest import ROOT

    lock = json.loads((ROOT / "package-lock.json").read_text())["packages"]["node_modules/plotly.js-basic-dist-min"]
    assert f"plotly.js (basic - minified) v{lock['version']}" in PLOTLY_JS.read_text(encoding="utf-8")[:200]
    npm_copy = ROOT / "node_modules" / "plotly.js-basic-dist-min" / "plotly-basic.min.js"
    if npm_copy.exists():
        assert npm_copy.read_bytes() == PLOTLY_JS.read_bytes()


def test_the_sitemap_carries_no_build_date(site):
    """gzip stamps a time in its header; builds on different days must still be byte for byte the same."""
    import gzip
    import struct

    data = (site / "sitemap.xml.gz").read_bytes()
    assert struct.unpack("<I", data[4:8])[0] == 0
    assert gzip.decompress(data) == (site / "sitemap.xml").read_bytes()


def test_a_killed_build_leaves_nothing_behind_for_long(tmp_path):
    """A build killed outright cannot clean up; the next build removes its folder (its process is gone)."""
    import subprocess
    import sys

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True).stdout.strip()
    abandoned = tmp_path / f".wres-build-{dead}-x1y2"
    (abandoned / "docs").mkdir(parents=True)
    build_example(tmp_path / "site")
    assert not abandoned.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_percentage_axes_start_at_zero(site):
    import json
    import re

    checked = 0
    for page in site.rglob("*.html"):
        for block in re.findall(r'<script type="application/json" id="[^"]*">(.*?)</script>', page.read_text(), re.S):
            axis = json.loads(block)["layout"].get("yaxis", {})
            if axis.get("ticksuffix") == "%":
                assert axis.get("rangemode") == "tozero", page
                checked += 1
    assert checked >= 6  # indicators 1 and 5-9 at least


def test_a_lower_case_label_starts_headings_with_a_capital_and_one_band_gets_one_sentence(tmp_path):
    from generator.data import load_dataset
    from generator.pages import render_pages

    from .conftest import ORGANISATION, write_data

    folder = write_data(tmp_path / "data", {2024: """\
        year: 2024
        indicator_1:
          medical_and_dental:
            "Consultants": {white: 120, bme: 94, unknown: 0}
        """}, ORGANISATION + "terminology: {bme: global majority}\n")
    dataset = load_dataset(folder)
    page = next(p for p in render_pages(dataset, compute_metrics(dataset)) if p.path == "indicators/indicator-1.md").text
    assert "Global majority share of each band, medical and dental staff, 2024" in page
    assert "The global majority share of the one band shown, Consultants, was 43.9%" in page
    assert "ranged from 43.9% (Consultants) to 43.9% (Consultants)" not in page
    assert '<th scope="col">Global majority share</th>' in page


def test_the_example_shows_its_identity_on_every_page(site):
    logo = (Path(__file__).parent.parent / "content" / "logo.svg").read_bytes()
    assert (site / "assets" / "images" / "logo.svg").read_bytes() == logo
    css = (site / "assets" / "stylesheets" / "wres-identity.css").read_text(encoding="utf-8")
    assert "--md-primary-fg-color: #005EB8;" in css
    for page in html_pages(site):
        html = page.read_text(encoding="utf-8")
        assert re.search(r'<img src="[./]*assets/images/logo\.svg" alt="Kingsmere Hospitals NHS Foundation Trust">', html), page
        assert re.search(r'<link rel="stylesheet" href="[./]*assets/stylesheets/wres-identity\.css">', html), page
        assert 'alt="logo"' not in html


def test_the_year_page_carries_the_trusts_words_in_order(site):
    def article(page: str) -> str:
        return visible_text(re.search(r"<article.*?</article>", read(site, page), re.S).group(0))

    text = article("years/2024")
    order = ["WRES report 2023/24", "Approved by the board on 26 September 2024.", "Foreword",
             "Dr Amara Okafor, Chief Executive", "Key messages", "Summary", "Indicator 9: Board membership",
             "Staff network statement", "Conclusion"]
    places = [text.find(words) for words in order]
    assert -1 not in places, dict(zip(order, places))
    assert places == sorted(places), dict(zip(order, places))
    # a year without a narrative has none of its headings
    assert "Foreword" not in article("years/2019")
    assert "Approved by the board on 26 September 2019." in article("years/2019")


def test_every_page_carries_the_trusts_brand_without_an_empty_bar(site):
    """The logo as the tab's icon, the trust's website in the footer, a preview card where a link is shared."""
    for path in html_pages(site):
        page = path.read_text(encoding="utf-8")
        assert '<aside class="md-banner' not in page, path  # Material draws an empty 12 px bar for a blank block
    home = read(site, "")
    assert '<link rel="icon" href="assets/images/logo.svg">' in home
    assert ('<p class="wres-footer-website"><a href="https://www.kingsmere.example.nhs.uk">'
            "Kingsmere Hospitals NHS Foundation Trust website</a></p>") in home
    assert '<meta property="og:title" content="Workforce Race Equality Standard 2023/24">' in home
    assert '<meta property="og:description" content="Kingsmere Hospitals NHS Foundation Trust: Workforce Race Equality' in home
    assert '<meta property="og:image" content="assets/images/logo.svg">' in home
    # the lead year's board paper, one line near the top of the home page, with its real size
    link = re.search(r'<p class="wres-download"><a href="(reports/wres-report-2024\.pdf)">(Download the full report '
                     r'\(PDF, \d+ pages, \d+ KB\))</a></p>', home)
    assert link and (site / link.group(1)).is_file()
    assert home.index("wres-download") < home.index("<h2 id=\"at-a-glance")


def test_a_favicon_in_mkdocs_yml_wins_over_the_logo(tmp_path):
    from types import SimpleNamespace

    from generator.site import settings

    class Theme(dict):
        dirs: list = []  # noqa: RUF012
        custom_dir = None

    for given, expected in ((None, "assets/images/logo.svg"), ("assets/images/favicon.png", "assets/images/logo.svg"),
                            ("images/ours.ico", "images/ours.ico")):
        theme = Theme(favicon=given) if given else Theme()
        theme.dirs = []
        config = SimpleNamespace(site_name="S", site_description="", copyright="", nav=None, theme=theme, extra={})
        generated = SimpleNamespace(logo="assets/images/logo.svg", organisation=SimpleNamespace(name="Trust"), copyright=str,
                                    theme_extra=dict)
        settings.apply(config, generated, [])
        assert config.theme["favicon"] == expected


def test_the_accessibility_statement_says_only_what_the_trust_can_stand_behind(site, tmp_path):
    text = visible_text(read(site, "accessibility"))
    assert "How the software is tested: before each release its developers build an example trust's site" in text
    assert ("Those checks ran on the example site, not on these pages, and automated checks find only some problems. "
            "Kingsmere Hospitals NHS Foundation Trust has not yet had this site tested") in text
    for claim in ("no violations", "100 for accessibility", "scores the home page"):
        assert claim not in text, claim
    assert "We will reply within 10 working days." in text
    # the promise is a setting the trust keeps
    data = copy_data(tmp_path / "project")
    org = data / "organisation.yaml"
    org.write_text(org.read_text(encoding="utf-8").replace("reply_working_days: 10", "reply_working_days: 15"), encoding="utf-8")
    from generator.data import Project, load_project
    from generator.pages.render import render_pages

    dataset = load_project(Project.folder(data.parent))
    page = next(p for p in render_pages(dataset, compute_metrics(dataset)) if p.path == "accessibility.md")
    assert "We will reply within 15 working days." in page.text
