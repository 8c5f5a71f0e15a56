"""Every value a person types is data, not markup: one escape for the Markdown the pages are written in.

The generated pages are Markdown that may hold raw HTML blocks, so a typed value can
land in either. Numeric character references mean the same thing in both: ``&#91;`` is
a "[" to Markdown and to HTML alike, but starts no link, emphasis, attribute list or
tag. So every value that is not already :class:`Markup` (our own HTML, sanitised
editor Markdown) is escaped this way wherever a template prints it.
"""

from __future__ import annotations

import json
import re
from typing import Any

from markupsafe import Markup
from markupsafe import escape as markupsafe_escape

from ..data.errors import DataError
from ..data.front_matter import plain_title, read_page

# HTML's five, plus what Markdown and its extensions read as syntax: links and images, emphasis, code,
# headings, tables, attribute lists ({: onclick=...}), and the backslash that would undo an escape.
ENTITIES = {char: f"&#{ord(char)};" for char in "&<>\"'[]*_`\\#|{}!~"}
_TABLE = str.maketrans(ENTITIES)  # one pass over the text (a page prints thousands of values)
# a value that starts a line could start a list ("- x", "1. x") or underline a heading ("===")
_LINE_START = re.compile(r"^(\s*)([-+](?=\s)|\d+[.)](?=\s)|=+(?=\s*$))", re.M)


def text(value: Any) -> Markup:
    """``value`` as inert text for a Markdown or HTML page."""
    if isinstance(value, Markup) or hasattr(value, "__html__"):
        return Markup(value.__html__())
    if value is None:
        return Markup("")
    escaped = str(value).translate(_TABLE)
    if _LINE_START.search(escaped):
        escaped = _LINE_START.sub(lambda m: m.group(1) + "".join(f"&#{ord(c)};" for c in m.group(2)), escaped)
    return Markup(escaped)


def plain_html(value: Any) -> str:
    """For places MkDocs and the theme print without escaping (site name, navigation titles): HTML-escaped.

    Not Markdown-escaped: these never pass through Markdown. Where the theme escapes them again (Material's
    footer escapes the previous and next page titles for an aria-label, its header the site name), the
    plugin hands them over as ``Markup``, which Jinja's ``| e`` leaves as it is (generator/plugin.py, site/settings.py).
    """
    return str(markupsafe_escape(value))


CONTENT_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "a", "em", "strong", "ul", "ol", "li", "code", "pre", "br",
                "blockquote", "abbr", "table", "caption", "thead", "tbody", "tr", "th", "td", "hr", "div", "span"}
CONTENT_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "h1": {"id"}, "h2": {"id"}, "h3": {"id"},
                      "h4": {"id"}, "h5": {"id"}, "h6": {"id"}, "th": {"scope"},
                      "caption": {"id"}, "p": {"class"}, "span": {"class"},
                      # a table's labelled, focusable scroll box (table_align.py); raw HTML never reaches here
                      "div": {"class", "role", "aria-labelledby", "tabindex"}}


def content_markdown(markdown: str, name: str = "a content page") -> str:
    """A hand-written content page as Markdown without raw HTML or attribute lists: both become text.

    Headings, lists, links, emphasis, tables and admonitions stay; the HTML MkDocs makes of
    the page is then cleaned again (``content_html``), which also drops links that are not
    http, https, mailto or within the site. The front matter is split off by MkDocs' own
    parser and checked (``data.front_matter``), then written back holding only what was checked.
    """
    page, problems = read_page(markdown, name)
    if page is None:  # the check (wres check, and the build before the pages) reports these first
        raise DataError(problems)
    meta = dict(page.meta)
    heading = re.search(r"^#\s+(.+?)\s*#*\s*$", page.body, re.M)
    if "title" not in meta and heading:
        meta["title"] = plain_title(heading.group(1))
    # MkDocs prints a page's title and description unescaped (<title>, navigation, <meta>): escaped here, as JSON
    # strings (which YAML reads as they are), after checks that leave no character YAML would refuse
    header = "".join(f"{key}: {json.dumps(plain_html(value), ensure_ascii=False)}\n" for key, value in sorted(meta.items()))
    body = page.body.replace("&", "&amp;").replace("<", "&lt;").replace("{", "&#123;")
    # without a front matter, a blank first line stops MkDocs reading the page's first 'word: ...' lines as one
    return f"---\n{header}---\n{body}" if header else f"\n{body}"


def content_html(html: str) -> str:
    """The HTML of a content page, with only the safe subset left."""
    import nh3  # noqa: PLC0415 - only the hook needs it, once per content page

    from .table_align import CLASSES  # noqa: PLC0415 - with Markdown, which the hook has loaded already

    # a column's alignment is a class (table_align.py), never a style attribute: the site's CSP refuses those
    aligned = {"th": set(CLASSES), "td": set(CLASSES)}
    return nh3.clean(html, tags=CONTENT_TAGS, attributes=CONTENT_ATTRIBUTES, allowed_classes=aligned,
                     url_schemes={"http", "https", "mailto"}, link_rel="noopener")
