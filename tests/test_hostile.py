"""Every value a person types is data, not markup: a corpus of hostile strings in every field, and the site stays inert.

The corpus goes into the organisation's names and words, the logo's alt text, the site's name, a year's
label, summary, commentary and reasons, its narrative (foreword, signatory, key messages, staff
network statement, conclusion), band labels, the action plan's title, themes,
actions, owners and updates, a correction, and a hand-written content page. The
build must succeed (every page still renders), and no page, no search index, no chart
data carries any of it as markup: no script, no event handler, no javascript: or data:
link, no iframe, no SVG payload, no attribute injected through Markdown.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from .site_helpers import built_once

CORPUS = [
    "<script>alert('s1')</script>",
    '<img src=x onerror="alert(\'s2\')">',
    "[click me](javascript:alert('s3'))",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgnczQnKTwvc2NyaXB0Pg==)",
    '<iframe src="https://evil.example/s5"></iframe>',
    "<svg onload=alert('s6')>",
    '<a href="javascript:alert(\'s7\')">x</a>',
    "**bold** {: onclick=\"alert('s8')\" } { #x onmouseover=alert('s9') }",
    '<div markdown="1">[md](javascript:alert(\'s10\'))</div>',
    "<javascript:alert('s11')>",
    "\u202eexe.gnp a right-to-left override",
    "W" * 300,
]
HOSTILE = " ".join(CORPUS)


def plant(data: Path) -> None:
    """Put the corpus into every field a person writes."""
    yaml = YAML()
    yaml.preserve_quotes = True
    root = data.parent

    def edit(path: Path, change) -> None:
        doc = yaml.load(path.read_text(encoding="utf-8"))
        change(doc)
        with path.open("w", encoding="utf-8") as out:
            yaml.dump(doc, out)

    def organisation(doc):
        doc["name"] = "Kingsmere " + CORPUS[0] + CORPUS[2]
        doc["short_name"] = "Kings " + CORPUS[1]
        doc["comparator"] = "Acute " + CORPUS[5]
        doc["terminology"]["bme"] = "BME " + CORPUS[3]
        doc["terminology"]["white"] = "White " + CORPUS[4]
        doc["identity"]["logo_alt"] = "Logo " + CORPUS[0] + CORPUS[1] + '" onload="alert(13)'
    edit(data / "organisation.yaml", organisation)
    # the site's name and description are MkDocs settings, in mkdocs.yml
    mkdocs = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    mkdocs["site_name"] = "[site](javascript:alert('s12')) " + CORPUS[0]
    mkdocs["site_description"] = CORPUS[0] + CORPUS[2]
    with (root / "mkdocs.yml").open("w", encoding="utf-8") as out:
        yaml.dump(mkdocs, out)

    def year(doc):
        doc["label"] = "2023/24 " + CORPUS[0]
        doc["summary"] = HOSTILE
        doc["indicator_2"]["commentary"] = HOSTILE
        doc["indicator_7"]["series_break"] = CORPUS[0] + CORPUS[2] + CORPUS[7]
        bands = doc["indicator_1"]["clinical"]
        first = next(iter(bands))
        bands.insert(0, "Band " + CORPUS[6] + CORPUS[7], bands.pop(first))
        doc["corrections"] = [{"date": "2025-01-01", "indicators": [5], "what": HOSTILE, "why": HOSTILE}]
        doc["narrative"] = {"foreword": HOSTILE, "foreword_signatory": "Dr " + CORPUS[0] + CORPUS[2] + CORPUS[7],
                            "staff_network_statement": HOSTILE, "conclusion": HOSTILE,
                            "key_messages": [*CORPUS[:9], " ".join(CORPUS[9:])[:400]], "board_approved": "2024-09-26"}
    edit(data / "years" / "2024.yaml", year)

    def plan(doc):
        doc["title"] = "Plan " + CORPUS[0] + CORPUS[8]
        doc["themes"][0]["title"] = "Theme " + CORPUS[1] + CORPUS[9]
        action = doc["actions"][0]
        action["action"] = HOSTILE
        action["objective"] = HOSTILE
        action["owner"] = "Owner " + CORPUS[6] + CORPUS[10]
        action["success_measure"] = HOSTILE
        action["updates"][0]["text"] = HOSTILE
    edit(data / "action_plans" / "2024.yaml", plan)
    (root / "content" / "evil.md").write_text("# Evil page " + CORPUS[0] + "\n\n" + HOSTILE + "\n", encoding="utf-8")
    for published in (data / "published").glob("*.csv"):
        published.unlink()  # the corpus changes figures' labels; this test is not about the lifecycle


@pytest.fixture(scope="module")
def site() -> Path:
    return built_once("hostile", plant)


class ParsedMarkup(HTMLParser):
    """The real elements and attributes of a page, as a browser parses them (attribute values are text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        # our own scripts: a file of this site, and the chart script told where plotly.js is (loaded on request)
        own = {"src", "data-plotly", "data-plotly-css"}
        if tag == "script" and not (set(attrs) <= {"defer", "data-md-scope", *own} and "src" in attrs
                                    and not any(":" in attrs[a] for a in own & set(attrs))) \
                and attrs.get("type") != "application/json":
            self.problems.append(f"<script {attrs}>")
        if tag in ("iframe", "object", "embed", "frame"):
            self.problems.append(f"<{tag}>")
        for name, value in attrs.items():
            if name.startswith("on"):
                self.problems.append(f"event handler {name} on <{tag}>")
            if name in ("href", "src", "action", "formaction", "xlink:href") and value and \
                    re.match(r"\s*(javascript|data|vbscript):", value, re.I):
                self.problems.append(f"unsafe URL {value[:40]} on <{tag}>")


def markup_problems(html: str) -> list[str]:
    parser = ParsedMarkup()
    parser.feed(html)
    return parser.problems


def test_every_page_renders_and_no_typed_text_reaches_the_html_as_markup(site):
    pages = sorted(site.rglob("*.html"))
    assert (site / "evil" / "index.html").is_file()
    problems = {str(p.relative_to(site)): markup_problems(p.read_text(encoding="utf-8")) for p in pages}
    assert {page: found for page, found in problems.items() if found} == {}
    # the words are still there, as text
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;" in home or "&#60;script&#62;" in home


def test_no_typed_text_reaches_the_search_index_or_chart_data_as_markup(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        for field in ("title", "text"):
            value = doc[field]
            assert not re.search(r"<\s*(script|iframe|svg|img|a)\b", value, re.I), (doc["location"], field, value[:200])
    for page in site.rglob("*.html"):
        for block in re.findall(r'<script type="application/json" id="[^"]*">(.*?)</script>', page.read_text(encoding="utf-8"), re.S):
            assert "<" not in block and ">" not in block, page  # escaped as \\u003c: nothing can end the block or be read as a tag
            json.loads(block)


def test_the_narrative_is_on_the_year_page_as_inert_text(site):
    html = (site / "years" / "2024" / "index.html").read_text(encoding="utf-8")
    assert markup_problems(html) == []
    for kind in ("wres-foreword", "wres-network-statement", "wres-conclusion"):
        block = re.search(rf'<div class="wres-narrative {kind} wres-editor">(.*?)</div>', html, re.S)
        assert block, kind
        assert not re.search(r"<(script|img|iframe|svg|div)\b|href=\"(javascript|data):", block.group(1)), kind
        assert "alert(" in block.group(1)  # the words stay, as text
    signatory = re.search(r'<p class="wres-signatory">(.*?)</p>', html, re.S).group(1)
    assert "&#60;script&#62;" in signatory and "<" not in signatory
    messages = re.search(r'<ul class="wres-key-messages wres-editor">(.*?)</ul>', html, re.S).group(1)
    assert messages.count("<li>") == 10 and "<img" not in messages and "<svg" not in messages


def test_the_logo_alt_text_stays_an_attribute_value(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    img = re.search(r'<img src="assets/images/logo.svg" alt="([^"]*)">', html)
    assert img, "the logo and its alt text should be in the header"
    alt = img.group(1)
    assert "&lt;script&gt;" in alt and "&#34; onload=" in alt
