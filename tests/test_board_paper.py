"""The board paper reads as one: a cover sheet, the nine indicators on one page, numbered findings, pages that flow.

Read back from the PDF the example build writes, as a board member's reader or an archive
would: pypdf for the text and where it sits on each page, pikepdf for the structure tree
and the embedded fonts.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from generator.data import Project, load_project
from generator.data.indicators import WRES
from generator.metrics import compute_metrics
from generator.pages import board_paper
from generator.pages.figures import FigureTable
from generator.pages.wording import Labels

from .conftest import EXAMPLE
from .site_helpers import example_site
from .test_pdf import struct_elements

PAGE_HEIGHT = 841.89
MARGIN_TOP, MARGIN_BOTTOM = 22 * 72 / 25.4, 20 * 72 / 25.4  # report.css: @page margin, in points
BLOCKS = {"/P", "/H1", "/H2", "/H3", "/H4", "/H5", "/H6", "/LI", "/TR", "/Caption", "/Figure", "/DT", "/DD", "/TOCI"}


@pytest.fixture(scope="module")
def paper() -> Path:
    return example_site() / "reports" / "wres-report-2024.pdf"  # the session's example site: read, never changed


@pytest.fixture(scope="module")
def pages(paper) -> list[str]:
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in PdfReader(paper).pages]


def fullness(page) -> float:  # noqa: ANN001 - a pypdf page
    """How far down its printable area a page's text reaches, 0 to 1 (the running header and page number left out)."""
    lowest = 0.0

    def visit(text, cm, tm, _font, _size) -> None:  # noqa: ANN001
        nonlocal lowest
        from_top = PAGE_HEIGHT - (tm[5] * cm[3] + cm[5])
        if text.strip() and MARGIN_TOP - 2 < from_top < PAGE_HEIGHT - MARGIN_BOTTOM:
            lowest = max(lowest, from_top)

    page.extract_text(visitor_text=visit)
    return max(0.0, lowest - MARGIN_TOP) / (PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM)


def blocks_per_page(document: pikepdf.Pdf) -> list[int]:
    """How many paragraphs, headings, list items, table rows and figures have content on each page (structure tree)."""
    index = {page.obj.objgen: i for i, page in enumerate(document.pages)}
    found: dict[int, set] = defaultdict(set)

    def walk(node, block, page) -> None:  # noqa: ANN001 - pikepdf objects
        if isinstance(node, pikepdf.Array):
            for kid in node:
                walk(kid, block, page)
        elif isinstance(node, int):
            if block is not None and page is not None:
                found[index[page]].add(block)
        elif isinstance(node, pikepdf.Dictionary):
            if node.get("/Type") == "/MCR":
                if block is not None:
                    found[index[node.Pg.objgen if "/Pg" in node else page]].add(block)
            elif "/S" in node:
                here = node.Pg.objgen if "/Pg" in node else page
                walk(node.get("/K", pikepdf.Array()), node.objgen if str(node.S) in BLOCKS else block, here)

    walk(document.Root.StructTreeRoot.K, None, None)
    return [len(found[i]) for i in range(len(document.pages))]


def test_the_cover_is_a_board_cover_sheet(pages):
    cover = pages[0]
    for row in ("Meeting Trust Board (meeting in public)", "Date of meeting 26 September 2024",
                "Purpose For approval: our Workforce Race Equality Standard figures for 2023/24",
                "Decision or recommendation The board is asked to approve the 2023/24 WRES report and the action plan 2024/25",
                "Executive lead Dr Priya Raman, Chief People Officer",
                "Author Tom Whitfield, Head of Equality, Diversity and Inclusion"):
        assert row in cover, row


def test_a_year_without_cover_sheet_fields_has_no_empty_rows(tmp_path):
    from generator.pages.report import report_document

    dataset = load_project(Project.folder(EXAMPLE))
    html = report_document(dataset, compute_metrics(dataset), 2021).html  # 2021 gives no meeting, purpose or author
    assert "About this paper" not in html and "Executive lead" not in html
    assert "Approved by the board on 30 September 2021." in html


def test_the_second_page_sums_up_the_nine_indicators_from_the_sites_figures(pages):
    page = pages[1]
    assert page.startswith("The nine indicators at a glance")
    assert "Indicator 2023/24 2022/23 Movement Direction of travel National average" in page
    dataset = load_project(Project.folder(EXAMPLE))
    table = FigureTable(compute_metrics(dataset), dataset, Labels.from_terminology(dataset.organisation.terminology))
    rows = board_paper.summary_rows(table, 2024)
    assert [r.number for r in rows] == [str(n) for n in WRES.indicators]
    squeezed = page.replace(" ", "")
    for row in rows:  # every cell as the site's figures give it, in order (a narrow cell breaks lines anywhere)
        cells = [f"{row.number}.{row.title}", row.this_year, row.last_year, row.movement, row.verdict, row.national]
        assert "".join(cells).replace(" ", "") in squeezed, cells
    # the headline of indicator 2 and its verdict, as the site words them
    two = rows[1]
    assert (two.this_year, two.last_year, two.movement, two.verdict, two.national) == (
        "1.68", "2.21", "0.53 lower", "Improved", "1.59")
    assert rows[8].national == "13.5% of voting board members"


def test_key_findings_are_numbered_short_statements_without_a_repeated_figure(paper, pages):
    text = " ".join(pages)
    start = text.index("Key findings Key messages")
    findings = text[start:text.index("Indicator 1: Workforce representation by band What")]
    assert "Indicator by indicator Workforce representation by band. BME staff made up 32.5% of the workforce" in findings
    # the list numbers are drawn after the text (pypdf reads them last on the page): four messages, nine findings
    assert "1. 2. 3. 4. 1. 2. 3. 4. 5. 6. 7. 8. 9." in next(page for page in pages if page.startswith("Key findings"))
    assert ("Harassment, bullying or abuse from the public. 27.3% of BME staff experienced harassment, bullying or "
            "abuse from patients, relatives or the public, compared with 24.8% of White staff. No significant change "
            "since 2022/23.") in findings
    # a figure is never printed twice in a row ("27.3%. 27.3% of ...")
    assert not re.search(r"(\d[\d.,]*%?)\. \1 ", text)
    with pikepdf.open(paper) as document:
        kinds = [str(e.S) for e in struct_elements(document)]
    assert kinds.count("/L") >= 3  # the key messages and the findings are lists a screen reader counts


def test_sections_flow_no_half_empty_pages_and_no_stray_paragraph(paper):
    reader = PdfReader(paper)
    full = [fullness(page) for page in reader.pages]
    sparse = [number for number, share in enumerate(full, start=1) if share < 0.4]
    assert len(sparse) <= 2, f"pages under 40% full: {sparse} ({[round(s, 2) for s in full]})"
    with pikepdf.open(paper) as document:
        blocks = blocks_per_page(document)
    # a page holding one paragraph (or a heading and one paragraph) is a stray the reader turns over for
    assert min(blocks) >= 3, f"blocks per page: {blocks}"
    assert len(reader.pages) <= 26


def test_the_body_font_is_embedded_liberation_sans(paper):
    """Metric-compatible with Arial: the text sets as a board member's Word documents do, on any machine."""
    used: dict[str, int] = defaultdict(int)
    embedded = set()
    with pikepdf.open(paper) as document:
        for page in document.pages:
            fonts = {str(name): font for name, font in page.Resources.get("/Font", {}).items()}
            for name, font in fonts.items():
                descriptor = font.get("/FontDescriptor") or font.DescendantFonts[0].FontDescriptor
                if any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                    embedded.add(str(font.BaseFont).split("+")[-1])
            current = None
            for operands, operator in pikepdf.parse_content_stream(page):
                if str(operator) == "Tf":
                    current = str(fonts[str(operands[0])].BaseFont).split("+")[-1]
                elif str(operator) in ("Tj", "TJ") and current:
                    used[current] += 1
    assert {"Liberation-Sans", "Liberation-Sans-Bold"} <= embedded
    assert max(used, key=used.get) == "Liberation-Sans"
    assert sum(n for font, n in used.items() if font.startswith("Liberation")) > 0.95 * sum(used.values())
