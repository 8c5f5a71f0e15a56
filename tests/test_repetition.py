"""No page says the same thing over and over: a sentence of six words or more appears at most twice on a page."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from .site_helpers import example_site, html_pages, visible_text

MOST_ALLOWED = 2
SHORTEST_COUNTED = 6  # words: shorter ones ("No significant change", "Not comparable") are labels, not sentences


def main_text(html: str) -> str:
    """The page's own words: its article, without the navigation, search or footer Material adds to every page."""
    start = html.find("<article")
    end = html.find("</article>", start)
    return visible_text(html[start:end] if start >= 0 and end > start else html)


def repeated_sentences(text: str) -> dict[str, int]:
    # a sentence ends at a full stop, question mark or exclamation mark before a space, or at a semicolon:
    # "…; a change this size could be chance." is counted on its own
    pieces = re.split(r"(?<=[.!?;])\s+|;\s*", text)
    said = Counter(" ".join(p.strip(" .;:!?").lower().split()) for p in pieces)
    return {s: n for s, n in said.items() if n > MOST_ALLOWED and len(s.split()) >= SHORTEST_COUNTED}


def test_a_sentence_splits_at_semicolons_and_full_stops():
    text = ("Better; a change this size could be chance. Worse; a change this size could be chance. "
            "Up; a change this size could be chance.")
    assert repeated_sentences(text) == {"a change this size could be chance": 3}
    assert repeated_sentences("A change this size could be chance. " * 2) == {}
    assert repeated_sentences("Not tested. " * 5) == {}  # a label of fewer than six words


@pytest.fixture(scope="module")
def site() -> Path:
    return example_site()


def test_no_page_repeats_a_sentence_more_than_twice(site):
    found = {}
    for page in html_pages(site):
        repeats = repeated_sentences(main_text(page.read_text(encoding="utf-8")))
        if repeats:
            found[str(page.relative_to(site))] = repeats
    assert found == {}
