"""An editor's Markdown (commentary, narrative, actions) as safe HTML: links stay links, raw HTML is removed."""

from __future__ import annotations

import functools

import markdown
import nh3
from markupsafe import Markup

ALLOWED_TAGS = {"p", "a", "em", "strong", "ul", "ol", "li", "code", "br", "blockquote", "abbr"}


@functools.cache
def _prose_markdown() -> markdown.Markdown:
    """One Markdown converter for every prose field (making one for each costs more than converting the text)."""
    return markdown.Markdown(extensions=["sane_lists"], output_format="html")


@functools.lru_cache(maxsize=4096)  # a pure function of the text; the preview regenerates mostly unchanged prose
def safe_markdown(text: str | None) -> Markup:
    """An editor's Markdown as HTML, with any raw HTML removed (links stay links)."""
    if not text:
        return Markup("")
    html = _prose_markdown().reset().convert(text)
    clean = nh3.clean(html, tags=ALLOWED_TAGS, attributes={"a": {"href", "title"}, "abbr": {"title"}},
                      url_schemes={"http", "https", "mailto"}, link_rel="noopener")
    # one HTML block for Markdown: no blank lines inside
    return Markup("\n".join(line for line in clean.splitlines() if line.strip()))
