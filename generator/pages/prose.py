"""An editor's Markdown (commentary, narrative, actions) as safe HTML: links stay links, raw HTML is removed."""

from __future__ import annotations

import functools

import markdown
import nh3
from markupsafe import Markup

from ..cache import entry, keep_value, kept_value

KEEP_PROSE = 2048  # texts kept between builds: a few projects' narratives, commentary and actions, and their edits
ALLOWED_TAGS = {"p", "a", "em", "strong", "ul", "ol", "li", "code", "br", "blockquote", "abbr"}


@functools.cache
def _prose_markdown() -> markdown.Markdown:
    """One Markdown converter for every prose field (making one for each costs more than converting the text)."""
    return markdown.Markdown(extensions=["sane_lists"], output_format="html")


@functools.lru_cache(maxsize=4096)  # a pure function of the text; the preview regenerates mostly unchanged prose
def safe_markdown(text: str | None) -> Markup:
    """An editor's Markdown as HTML, with any raw HTML removed (links stay links).

    Kept between builds too, by the text, this code and the libraries (Python-Markdown, nh3): a build after an
    edit converts the edited text only (the example has 71 texts; converting them all was 15 ms of every build).
    """
    if not text:
        return Markup("")
    path = entry("prose", text)
    if isinstance(kept := kept_value(path), str):
        return Markup(kept)
    made = _safe_markdown(text)
    keep_value(path, str(made), newest=KEEP_PROSE)
    return made


def _safe_markdown(text: str) -> Markup:
    html = _prose_markdown().reset().convert(text)
    clean = nh3.clean(html, tags=ALLOWED_TAGS, attributes={"a": {"href", "title"}, "abbr": {"title"}},
                      url_schemes={"http", "https", "mailto"}, link_rel="noopener")
    # one HTML block for Markdown: no blank lines inside
    return Markup("\n".join(line for line in clean.splitlines() if line.strip()))
