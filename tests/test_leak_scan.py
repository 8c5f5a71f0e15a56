"""Leak scan: plant distinctive small counts, build, and look for them in every file of the site.

Two counts are planted in 2024 (the latest year, so they reach the indicator page, the year
page, the CSVs, the chart JSON and the search index): 3 staff of unknown ethnicity in
clinical Band 6 (of 897) and 4 BME staff in clinical Band 2 (of 279). Neither the count in
its context, nor the share it is (unrounded, as the CSV and chart data carry it, or as the
page shows it in its row), nor the band's other share that would give it back beside the
headcount, may appear anywhere: the year's report PDF is scanned by its text like the pages.
"""

from __future__ import annotations

import gzip
import html
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from .site_helpers import built_once

PLANTED = {  # (group, band): (category, planted count, the other counts of the band)
    ("clinical", "Band 6"): ("unknown", 3, {"white": 651, "bme": 243}),
    ("clinical", "Band 2"): ("bme", 4, {"white": 263, "unknown": 12}),
}


def _plant(data: Path) -> None:
    path = data / "years" / "2024.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('"Band 6": {white: 651, bme: 243, unknown: 16}', '"Band 6": {white: 651, bme: 243, unknown: 3}')
    text = text.replace('"Band 2": {white: 263, bme: 136, unknown: 12}', '"Band 2": {white: 263, bme: 4, unknown: 12}')
    assert text.count("unknown: 3}") >= 2 and "bme: 4, unknown: 12" in text
    path.write_text(text, encoding="utf-8")
    # the planted year is a different year now: its frozen figures no longer apply
    (data / "published" / "2024.csv").unlink()


@pytest.fixture(scope="module")
def planted_site() -> Path:
    return built_once("leak-scan", _plant)


def _pdf_text(path: Path) -> str:
    """A PDF's text, as a reader copying it out would get it (its bytes are compressed)."""
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def _texts(site: Path) -> dict[str, str]:
    texts = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        if path.suffix == ".pdf":
            texts[str(path.relative_to(site))] = _pdf_text(path)
            continue
        raw = path.read_bytes()
        if path.suffix == ".gz":
            raw = gzip.decompress(raw)
        if path.suffix in (".png", ".ico", ".woff", ".woff2", ".svg") or b"\0" in raw[:1024]:
            continue
        texts[str(path.relative_to(site))] = html.unescape(raw.decode("utf-8", errors="replace"))
    return texts


def _giveaways() -> list[str]:
    """The planted shares, unrounded as the CSV, chart JSON and search index would print them.

    (That the band's other shares do not give the count back beside its headcount is the row test
    below and, across bands and groups, the linear-programming audit in test_disclosure_audit.py.)
    """
    return [repr(100 * count / (count + sum(others.values())))[:9] for _, count, others in PLANTED.values()]


def test_no_planted_share_appears_anywhere(planted_site):
    texts = _texts(planted_site)
    assert any(name.endswith("search_index.json") for name in texts)
    assert any("sitemap" in name for name in texts)
    # each year's report PDF is scanned too, by its text (its bytes are compressed)
    assert "reports/wres-report-2024.pdf" in texts
    assert "Withheld (privacy)" in texts["reports/wres-report-2024.pdf"]
    for needle in _giveaways():
        hits = [name for name, text in texts.items() if needle in text]
        assert not hits, f"{needle} found in {hits}"


def test_no_planted_count_appears_in_context(planted_site):
    patterns = [re.compile(r'"?unknown"?\s*:\s*3\b'), re.compile(r'"?bme"?\s*:\s*4\b'),
                re.compile(r"\{white: 651, bme: 243, unknown: 3\}"), re.compile(r"\{white: 263, bme: 4, unknown: 12\}")]
    for name, text in _texts(planted_site).items():
        for pattern in patterns:
            assert not pattern.search(text), f"{pattern.pattern} in {name}"


def test_the_planted_bands_say_withheld_in_their_rows(planted_site):
    page = (planted_site / "indicators" / "indicator-1" / "index.html").read_text(encoding="utf-8")
    table = page[page.index('id="table-indicator-1-clinical-2024"'):]
    table = table[:table.index("</table>")]
    columns = {"bme": 0, "white": 1, "unknown": 2}
    for (_, band), (category, _, _) in PLANTED.items():
        row = re.search(rf'<th scope="row">{band}</th>(.*?)</tr>', table).group(1)
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row)  # a cell carries its label for phones (data-label)
        assert cells[columns[category]].startswith("Withheld"), (band, cells)
        # a share shown beside the headcount is a count: with the planted cell withheld, another must go too
        assert sum(c.startswith("Withheld") for c in cells[:3]) >= 2, (band, cells)
    assert "or a figure that would let a reader work out such a number" in table + page


def test_raw_data_files_are_never_copied_into_the_site(planted_site, tmp_path):
    names = [p for p in planted_site.rglob("*") if p.is_file()]
    assert not [p for p in names if p.suffix in (".yaml", ".yml")]
    assert not [p for p in names if p.parent.name == "published"]
    texts = _texts(planted_site)
    assert not [n for n, t in texts.items() if "# published " in t and "froze them" in t]
    assert not [n for n, t in texts.items() if "yaml-language-server" in t]
