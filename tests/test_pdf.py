"""The board paper: every published year's full report as an accessible A4 PDF, linked from its year page.

Read back from the files with pikepdf (structure tree, outline, metadata) and pypdf
(the text, in reading order), as an assistive technology or an archive would read them.
"""

from __future__ import annotations

import base64
import html
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from generator.data import Project, load_project
from generator.metrics import compute_metrics
from generator.pages.report import ReportLink, report_document
from generator.site import pdf, pdf_fonts

from .conftest import EXAMPLE, ROOT
from .site_helpers import build_example, copy_data, example_site
from .test_hostile import CORPUS, markup_problems, plant

A4 = (595.28, 841.89)  # points
SECTIONS = (["The nine indicators at a glance", "Contents", "Foreword", "Key findings"] + [f"Indicator {n}:" for n in range(1, 10)]
            + ["Action plan", "Statement from the staff network", "Conclusion", "Methodology", "Glossary"])


@pytest.fixture(scope="module")
def site() -> Path:
    return example_site()


@pytest.fixture(scope="module")
def report(site):
    with pikepdf.open(site / "reports" / "wres-report-2024.pdf") as document:
        yield document


def pdf_text(path: Path) -> str:
    """The text of every page, in order, with runs of white space (line ends too) as one space."""
    return re.sub(r"\s+", " ", " ".join(page.extract_text() or "" for page in PdfReader(path).pages))


def struct_elements(document: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    """Every element of the structure tree, in document order."""
    found: list[pikepdf.Dictionary] = []

    def walk(node) -> None:  # noqa: ANN001 - a pikepdf object
        if isinstance(node, pikepdf.Array):
            for kid in node:
                walk(kid)
        elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
            found.append(node)
            walk(node.get("/K", pikepdf.Array()))

    walk(document.Root.StructTreeRoot.K)
    return found


def outline_titles(document: pikepdf.Pdf) -> list[str]:
    with document.open_outline() as outline:
        titles: list[str] = []

        def walk(items, depth: int) -> None:  # noqa: ANN001
            for item in items:
                titles.append("  " * depth + str(item.title))
                walk(item.children, depth + 1)

        walk(outline.root, 0)
    return titles


def test_every_published_year_has_a_pdf_linked_from_its_year_page_with_its_real_size(site):
    years = [y.year for y in load_project(Project.folder(EXAMPLE)).years]
    assert years == [2019, 2020, 2021, 2022, 2023, 2024]
    for year in years:
        path = site / "reports" / f"wres-report-{year}.pdf"
        assert path.is_file(), path
        pages = len(PdfReader(path).pages)
        expected = ReportLink(f"reports/{path.name}", pages, path.stat().st_size)
        page = (site / "years" / str(year) / "index.html").read_text(encoding="utf-8")
        link = re.search(r'<a href="([^"]+)">(Download the full report \(PDF, [^<]*\))</a>', page)
        assert link, f"no PDF link on the {year} page"
        assert html.unescape(link.group(2)) == expected.text
        assert f"{pages} pages" in link.group(2)
        assert (site / "years" / str(year) / link.group(1)).resolve() == path.resolve()


def test_pages_are_a4_and_numbered_with_a_running_header(site, report):
    for page in report.pages:
        box = [float(v) for v in page.MediaBox]
        assert box[:2] == [0, 0] and box[2:] == pytest.approx(A4, abs=0.5)
    pages = PdfReader(site / "reports" / "wres-report-2024.pdf").pages
    total = len(pages)
    assert 10 <= total <= 40
    for number, page in enumerate(pages[1:], start=2):  # the cover has neither
        text = page.extract_text()
        assert f"Page {number} of {total}" in text
        assert "Kingsmere Hospitals NHS Foundation Trust · WRES report 2023/24" in text


STANDARD_REPORTS = {  # each standard's 2023/24 board paper: its title and its charts (one per indicator with figures)
    "wres": ("Kingsmere Hospitals NHS Foundation Trust: Workforce Race Equality Standard report 2023/24", 9),
    "wdes": ("Kingsmere Hospitals NHS Foundation Trust: Workforce Disability Equality Standard report 2023/24", 13),
}


@pytest.mark.parametrize("standard", list(STANDARD_REPORTS))
def test_the_pdf_is_tagged_with_language_title_and_structure(site, standard):
    title, _ = STANDARD_REPORTS[standard]
    with pikepdf.open(site / "reports" / f"{standard}-report-2024.pdf") as report:
        root = report.Root
        assert root.MarkInfo.Marked is True
        assert str(root.Lang) == "en-GB"
        assert root.ViewerPreferences.DisplayDocTitle is True
        assert str(report.docinfo["/Title"]) == title
        with report.open_metadata() as xmp:
            assert xmp["dc:title"] == title
            assert xmp.get("pdfuaid:part") == "1"
        kinds = [str(e.S) for e in struct_elements(report)]
    for tag in ("/H1", "/H2", "/H3", "/P", "/L", "/LI", "/Table", "/TR", "/TH", "/TD", "/Caption"):
        assert tag in kinds, f"no {tag} in the structure tree"
    assert kinds.count("/H1") == 1  # the report's title; every section is an H2
    assert kinds.count("/Table") >= 10


@pytest.mark.parametrize("standard", list(STANDARD_REPORTS))
def test_every_chart_is_a_figure_with_alternative_text(site, standard):
    with pikepdf.open(site / "reports" / f"{standard}-report-2024.pdf") as report:
        figures = [e for e in struct_elements(report) if str(e.S) == "/Figure"]
        alts = [str(f.get("/Alt", "")).strip() for f in figures]
    assert all(alts), "a figure without /Alt"
    charts_alt = [alt for alt in alts if alt.endswith("The figures are in the table that follows.")]
    assert len(charts_alt) == STANDARD_REPORTS[standard][1]  # a trend chart per indicator, named with its summary
    assert "Kingsmere Hospitals NHS Foundation Trust" in alts  # the logo on the cover


def test_the_outline_lists_every_section(report):
    titles = outline_titles(report)
    top = [t for t in titles if not t.startswith(" ")]
    for section in SECTIONS:
        assert any(t.startswith(section) for t in top), f"{section} not in the outline: {top}"


def test_text_extracts_in_reading_order(site):
    pages = [re.sub(r"\s+", " ", page.extract_text() or "") for page in PdfReader(site / "reports" / "wres-report-2024.pdf").pages]
    assert pages[0].startswith("Kingsmere Hospitals NHS Foundation Trust Workforce Race Equality Standard report 2023/24")
    assert pages[1].startswith("The nine indicators at a glance")  # the board's one-page summary, right after the cover
    assert pages[2].startswith("Contents The nine indicators at a glance")
    # sections flow on from one another in the order of the report; key findings and the action plan open a page
    text = " ".join(pages)
    headings = ["Foreword This report", "Key findings Key messages", "Indicator 1: Workforce representation by band What",
                "Indicator 2: Appointment from shortlisting What", "Indicator 9: Board membership What",
                "Action plan Action plan 2024/25", "Statement from the staff network The", "Conclusion The 2023/24",
                "Methodology Every figure", "Glossary WRES"]
    places = [text.index(heading) for heading in headings]  # each with its first words: not the contents' entry
    assert places == sorted(places)
    assert next(i for i, page in enumerate(pages) if page.startswith("Key findings")) == 3
    assert any(page.startswith("Action plan Action plan 2024/25") for page in pages)
    assert "Dr Amara Okafor, Chief Executive" in pages[2]  # the foreword's signatory
    # within a section: what it measures, then the headline and its direction of travel, then the chart and table
    part = text[places[3]:text.index("Indicator 3: Entry into the formal disciplinary process What")]
    assert part.index("What it measures") < part.index("Direction of travel") < part.index("every year")


def test_the_pdf_shows_the_figures_of_the_site(site):
    """Every number comes from the metrics engine: the headline, the withheld bands, the plan's owners."""
    text = pdf_text(site / "reports" / "wres-report-2024.pdf")
    year_page = html.unescape((site / "years" / "2024" / "index.html").read_text(encoding="utf-8"))
    headline = re.search(r'wres-headline__value">([^<]+)<', year_page).group(1)
    assert headline in text
    assert "Withheld (privacy)" in text
    assert "Withheld: fewer than 5 people" in text
    assert "Action plan" in text and "Statuses were last reviewed on" in text


def test_a_report_stops_at_its_own_year(site):
    text = pdf_text(site / "reports" / "wres-report-2021.pdf")
    text = text[:text.rindex("Methodology Every figure")]  # the methodology's worked example names other years
    assert "2020/21" in text
    assert "2023/24" not in text and "2022/23" not in text


def test_the_same_input_gives_the_same_bytes(site, tmp_path, monkeypatch):
    dataset = load_project(Project.folder(EXAMPLE))
    document = report_document(dataset, compute_metrics(dataset), 2024)
    monkeypatch.setenv("WRES_CACHE_DIR", str(tmp_path / "cache"))
    fresh = pdf.made(2024, pdf.input_key(dataset, compute_metrics(dataset), 2024), lambda: document)
    assert fresh.path.is_relative_to(tmp_path / "cache" / "pdf")
    again, _ = pdf.render(document)
    assert again == fresh.path.read_bytes() == (site / "reports" / "wres-report-2024.pdf").read_bytes()


def test_tests_keep_to_their_sessions_own_pdf_cache():
    """Never the user's cache (a PDF laid out there with other fonts would fail the tests), in commands tests run too."""
    own = Path(os.environ["WRES_TEST_SESSION"]) / "cache" / "pdf"
    users = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "wres"
    assert pdf.cache_dir() == own and not own.is_relative_to(users)
    command = "from generator.site.pdf import cache_dir; print(cache_dir())"
    assert subprocess.run([sys.executable, "-c", command], capture_output=True, text=True, check=True).stdout.strip() == str(own)


def test_other_fonts_or_another_pango_give_another_key(monkeypatch):
    dataset = load_project(Project.folder(EXAMPLE))
    frame = compute_metrics(dataset)
    key = pdf.input_key(dataset, frame, 2024)
    assert pdf.input_key(dataset, frame, 2024) == key
    monkeypatch.setattr(pdf, "font_fingerprint", lambda: "another font fingerprint")
    assert pdf.input_key(dataset, frame, 2024) != key


def test_the_key_covers_every_font_the_pdf_embeds(report):
    """The fonts fontconfig offers for the report's families include each one the laid-out PDF uses."""
    offered = {font.family.replace(" ", "-") for order in pdf_fonts.report_fonts().values() for font in order}
    # WeasyPrint names a font ABCDEF+Family-Style: a subset of it, its family and style with hyphens for spaces
    embedded = {str(thing.BaseFont).lstrip("/").split("+")[-1]
                for thing in report.objects if isinstance(thing, pikepdf.Dictionary)
                and thing.get("/Type") == "/Font" and "/BaseFont" in thing}
    assert embedded, "the PDF embeds no font"
    assert not [name for name in embedded if not any(name == f or name.startswith(f + "-") for f in offered)], offered


FONT_CONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig><dir>{fonts}</dir><cachedir>{cache}</cachedir></fontconfig>
"""


def test_installing_a_font_changes_the_fingerprint(tmp_path):
    """A trust that installs a font gets its PDFs made again, not the ones laid out without it."""
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    config = tmp_path / "fonts.conf"
    config.write_text(FONT_CONFIG.format(fonts=fonts, cache=tmp_path / "cache"), encoding="utf-8")
    files = sorted({font.file for order in pdf_fonts.report_fonts().values() for font in order})
    code = "from generator.site import pdf_fonts; print(pdf_fonts.fingerprint())"

    def fingerprint() -> str:  # a new process: fontconfig reads its fonts once per process
        env = {**os.environ, "FONTCONFIG_FILE": str(config)}
        return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout

    (fonts / "one.ttf").write_bytes(Path(files[0]).read_bytes())
    before = fingerprint()
    assert fingerprint() == before
    (fonts / "two.ttf").write_bytes(Path(files[1]).read_bytes())
    assert fingerprint() != before


def test_an_unchanged_report_is_copied_from_the_cache(tmp_path, monkeypatch):
    dataset = load_project(Project.folder(EXAMPLE))
    document = report_document(dataset, compute_metrics(dataset), 2019)
    monkeypatch.setenv("WRES_CACHE_DIR", str(tmp_path / "cache"))
    first = pdf.made(2019, pdf.input_key(dataset, compute_metrics(dataset), 2019), lambda: document)

    def no_render(_document):  # noqa: ANN001, ANN202
        raise AssertionError("the PDF was made again")

    # a PDF unused for KEEP_DAYS goes when another is made; one in use stays
    stale = first.path.parent / ("0" * 64)
    stale.with_suffix(".pdf").write_bytes(b"%PDF")
    stale.with_suffix(".json").write_text('{"pages": 1}')
    old = time.time() - (pdf.KEEP_DAYS + 1) * 86400
    os.utime(stale.with_suffix(".json"), (old, old))
    pdf.made(2020, pdf.input_key(dataset, compute_metrics(dataset), 2020),
             lambda: report_document(dataset, compute_metrics(dataset), 2020))
    assert not stale.with_suffix(".pdf").exists() and first.path.exists()
    monkeypatch.setattr(pdf, "render", no_render)
    assert pdf.made(2019, pdf.input_key(dataset, compute_metrics(dataset), 2019), lambda: document) == first
    monkeypatch.delenv("WRES_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert pdf.cache_dir() == tmp_path / "xdg" / "wres" / "pdf"


def test_a_warm_build_neither_renders_the_report_html_nor_lays_it_out(tmp_path, monkeypatch):
    data = copy_data(tmp_path / "project")
    dataset = load_project(Project.folder(data.parent))
    frame = compute_metrics(dataset)
    monkeypatch.setenv("WRES_CACHE_DIR", str(tmp_path / "cache"))
    first = pdf.year_reports(dataset, frame)
    assert sorted(first) == [(standard, year) for standard in ("wdes", "wres") for year in range(2019, 2025)]

    def no_html(*_args, **_kwargs):  # noqa: ANN002, ANN003, ANN202
        raise AssertionError("the report HTML was rendered again")

    monkeypatch.setattr(pdf, "report_document", no_html)
    again = pdf.year_reports(load_project(Project.folder(data.parent)), frame)
    assert again == first
    assert [r.link for r in again.values()] == [r.link for r in first.values()]  # pages and size from the cache
    # a comment in the YAML changes no PDF; a change to 2022's data makes 2022 and later again, not the years before
    path = data / "years" / "2022.yaml"
    path.write_text("# edited\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    edited = load_project(Project.folder(data.parent))
    assert [pdf.input_key(edited, frame, y, s) for s, y in first] == [pdf.input_key(dataset, frame, y, s) for s, y in first]
    made: list[tuple[str, int]] = []
    monkeypatch.setattr(pdf, "report_document", lambda d, f, year, standard: made.append((standard, year))
                        or report_document(d, f, year, standard=standard))
    changed = edited.model_copy(update={"years": tuple(
        y.model_copy(update={"narrative": None}) if y.year == 2022 else y for y in edited.years)})
    pdf.year_reports(changed, compute_metrics(changed))
    assert made == [("wres", 2022), ("wres", 2023), ("wres", 2024), ("wdes", 2022), ("wdes", 2023), ("wdes", 2024)]


def test_wres_pdf_writes_a_published_year_and_marks_a_draft_on_every_page(tmp_path):
    data = copy_data(tmp_path / "project")
    run = [sys.executable, "-m", "generator"]
    made = subprocess.run([*run, "new-year", "2025", "--project", str(data.parent)], capture_output=True, text=True, check=False)
    assert made.returncode == 0, made.stderr
    out = tmp_path / "paper.pdf"
    result = subprocess.run([*run, "pdf", "2024", "--project", str(data.parent), "--out", str(out)],
                            capture_output=True, text=True, check=False, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    pages = len(PdfReader(out).pages)
    assert f"({pages} pages, " in result.stdout
    # the board approves the report before it is published: a draft's paper says so on the cover and every page
    draft = subprocess.run([*run, "pdf", "2025", "--project", str(data.parent)], capture_output=True, text=True,
                           check=False, cwd=tmp_path)
    assert draft.returncode == 0, draft.stderr
    assert "It is a draft for the board" in draft.stdout
    # by default under build/reports/ in the project, which git ignores (wres init's .gitignore), and it says where
    default = data.parent / "build" / "reports" / "wres-report-2025.pdf"
    assert draft.stdout.startswith("Wrote project/build/reports/wres-report-2025.pdf (")
    assert "/build/" in (ROOT / "generator" / "site" / "project_template" / "gitignore").read_text().splitlines()
    assert not (tmp_path / "wres-report-2025.pdf").exists()
    reader = PdfReader(default)
    assert reader.metadata.title.startswith("Draft for the board: ")
    assert "not yet approved or published" in reader.pages[0].extract_text()
    assert all("DRAFT for the board, not published" in page.extract_text() for page in reader.pages[1:])
    missing = subprocess.run([*run, "pdf", "2031", "--project", str(data.parent)], capture_output=True, text=True,
                             check=False, cwd=tmp_path)
    assert missing.returncode == 1
    assert "there is no year 2031" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_a_draft_year_gets_no_pdf_on_the_built_site(tmp_path):
    data = copy_data(tmp_path / "project")
    subprocess.run([sys.executable, "-m", "generator", "new-year", "2025", "--project", str(data.parent)], check=True,
                   capture_output=True)
    site = build_example(tmp_path / "site", data)
    assert sorted(p.name for p in (site / "reports").glob("*.pdf"))[-1] == "wres-report-2024.pdf"


def test_typed_text_is_inert_in_the_pdf(tmp_path):
    data = copy_data(tmp_path / "project")
    plant(data)
    dataset = load_project(Project.folder(data.parent))
    document = report_document(dataset, compute_metrics(dataset), 2024)
    # the report's own images (charts, the logo) are data: addresses; what they hold is checked like the page
    images = re.findall(r'src="data:image/(?:svg\+xml|png);base64,([A-Za-z0-9+/=]+)"', document.html)
    assert len(images) >= 10
    for image in images:
        svg = base64.b64decode(image).decode("utf-8", errors="replace")
        assert markup_problems(svg) == [] and "<script" not in svg.lower() and "<foreignobject" not in svg.lower()
    assert markup_problems(re.sub(r'src="data:image/(?:svg\+xml|png);base64,[A-Za-z0-9+/=]+"', 'src=""', document.html)) == []
    data_pdf, _ = pdf.render(document)
    path = tmp_path / "hostile.pdf"
    path.write_bytes(data_pdf)
    with pikepdf.open(path) as document_pdf:
        for obj in document_pdf.objects:
            if isinstance(obj, pikepdf.Dictionary):
                assert not {"/JS", "/JavaScript", "/Launch", "/OpenAction", "/AA"} & set(obj.keys()), obj
                uri = str(obj.get("/URI", ""))
                assert not uri.lower().startswith(("javascript", "data")), uri
    # the organisation's name and an owner are plain text: they show literally, as typed
    text = re.sub(r"\s", "", pdf_text(path))  # a narrow table cell breaks a line anywhere
    for typed in ("Kingsmere " + CORPUS[0] + CORPUS[2], "Owner " + CORPUS[6], "Dr " + CORPUS[0] + CORPUS[2]):
        assert re.sub(r"\s", "", typed) in text
    with pikepdf.open(path) as document_pdf:  # the logo's alt text is the cover figure's /Alt, as typed
        alts = [str(e.get("/Alt", "")) for e in struct_elements(document_pdf) if str(e.S) == "/Figure"]
    assert "Logo " + CORPUS[0] + CORPUS[1] + '" onload="alert(13)' in alts
