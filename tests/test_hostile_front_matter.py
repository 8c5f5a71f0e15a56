"""Front matter MkDocs reads and a look-alike parser would miss: a `--- ` with a trailing space, a closing `...`,
and bare `key: value` lines at the top of a page (MultiMarkdown style).

Each form is read with MkDocs' own parser: a key other than title and description is refused with its
file and line by `wres check`, and the allowed values reach the site as text, never as an attribute
(the theme prints `description` into `<meta name="description" content="...">`).
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from mkdocs.utils.meta import get_data

from generator.data import DataError, Project, load_project
from generator.pages.escape import content_markdown

from .site_helpers import build_example, copy_data

REFRESH = 'Who we are" http-equiv="refresh" content="0;url=https://evil.example/'
TITLE = "About</title><script>alert('t')</script>"
FORMS = {  # the three tricks, each as a page whose front matter the theme would print
    "trailing-space": "--- \ntitle: \"{title}\"\ndescription: '{description}'\n--- \nBody.\n",
    "dots": "---\ntitle: \"{title}\"\ndescription: '{description}'\n...\nBody.\n",
    "multimarkdown": "Title: {title}\nDescription: {description}\n\nBody.\n",
}
ONLY = "a page's front matter may hold only title and description"


def problems_of(root: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_project(Project.folder(root))
    return [str(p).replace(str(root) + "/", "") for p in caught.value.problems]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("key", ["template", "http-equiv", "hide"])
def test_a_key_a_page_may_not_hold_is_refused_with_its_line_in_every_form(example_copy, form, key):
    root = example_copy.parent
    lines = FORMS[form].format(title="About", description="Who we are").splitlines(keepends=True)
    at = next(number for number, line in enumerate(lines) if line.lower().startswith("description"))
    lines.insert(at, f"{key}: main.html\n")
    (root / "content" / "about.md").write_text("".join(lines), encoding="utf-8")
    assert problems_of(root) == [f"content/about.md:{at + 1}: front matter: unknown key '{key}'; {ONLY}"]


@pytest.mark.parametrize(("page", "message"), [
    ("---\ntitle: About\ndescription: [a, list]\n---\n", "content/about.md:3: front matter: description: must be text, not a list; put it in quotes"),
    ("---\ntitle: 2024\n---\n", "content/about.md:2: front matter: title: must be text, not 2024; put it in quotes"),
    ("---\ntitle: \"x\\u0007y\"\n---\n", "content/about.md:2: front matter: title: holds a control character (U+0007); retype the text"),
    ("---\ntitle: [unclosed\n---\n", "content/about.md:2: front matter: the [ on line 2 is never closed: add ] after the last item, on the same line\n"
                                  "    2 | title: [unclosed\n      |        ^"),
    ("Title: " + "x" * 121 + "\n\nBody\n", "content/about.md:1: front matter: title: is 121 characters long; the most it can be is 120"),
    ("---\ntitle: About\ndescription: " + "[" * 5_000 + "\n---\n",
     "content/about.md:3: front matter: the lists and blocks here are nested more than 20 deep; no WRES file needs that many levels"),
    ("Note: the figures are ours\n\nBody\n", f"content/about.md:1: front matter: unknown key 'note'; {ONLY}"),
])
def test_a_value_that_is_not_plain_text_is_refused_with_its_line(example_copy, page, message):
    root = example_copy.parent
    (root / "content" / "about.md").write_text(page, encoding="utf-8")
    assert problems_of(root) == [message]


@pytest.mark.parametrize("form", FORMS)
def test_the_page_mkdocs_reads_holds_only_the_checked_values_escaped(form):
    written = content_markdown(FORMS[form].format(title=TITLE, description=REFRESH))
    body, meta = get_data(written)  # what MkDocs makes of the page the build writes
    assert meta == {"title": "About&lt;/title&gt;&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;",
                    "description": "Who we are&#34; http-equiv=&#34;refresh&#34; content=&#34;0;url=https://evil.example/"}
    assert body == "Body.\n"


def test_lines_after_an_empty_front_matter_stay_text():
    """MkDocs reads only the empty block; written without it, 'Template: ...' would become the page's metadata."""
    body, meta = get_data(content_markdown("---\n{}\n---\nTemplate: main.html\n\nBody.\n"))
    assert (body, meta) == ("Template: main.html\n\nBody.\n", {})


class Metas(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.metas: list[dict[str, str | None]] = []
        self.titles: list[str] = []
        self.footer_links: list[str] = []  # the aria-labels of the footer's previous and next links, as read aloud
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "meta":
            self.metas.append(dict(attrs))
        if tag == "a" and "md-footer__link" in (dict(attrs).get("class") or ""):
            self.footer_links.append(dict(attrs)["aria-label"])
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.titles.append(data)


def test_the_built_site_carries_the_tricks_as_text_only(tmp_path):
    data = copy_data(tmp_path / "project")
    for form, page in FORMS.items():
        (data.parent / "content" / f"{form}.md").write_text(page.format(title=TITLE, description=REFRESH), encoding="utf-8")
    (data.parent / "content" / "q-and-a.md").write_text("# Q&A: who we're for\n\nBody.\n", encoding="utf-8")
    site = build_example(tmp_path / "site", data)
    footer_links = []
    for form in [*FORMS, "q-and-a"]:
        html = (site / form / "index.html").read_text(encoding="utf-8")
        parsed = Metas()
        parsed.feed(html)
        footer_links += parsed.footer_links
        if form == "q-and-a":
            continue
        assert [m for m in parsed.metas if "http-equiv" in m] == [
            m for m in parsed.metas if m.get("http-equiv") == "Content-Security-Policy"]  # the site's own CSP only
        assert {"name": "description", "content": REFRESH} in parsed.metas  # the whole value, as text
        assert parsed.titles[0].startswith(TITLE)
        assert "<script>alert" not in html
    # the pages follow each other in the menu: each names its neighbours in the footer, escaped once (Material's own
    # footer escapes titles for the aria-label; ours reach it as HTML already, marked so)
    assert "Next: " + TITLE in footer_links and "Previous: " + TITLE in footer_links
    assert "Next: Q&A: who we're for" in footer_links
    assert not [label for label in footer_links if "&#" in label or "&amp;" in label or "&lt;" in label]


def test_a_title_taken_from_the_first_heading_holds_no_character_that_would_drop_the_front_matter():
    """PyYAML refuses \\x85-\\x9f in a front matter; MkDocs would then show the block as text and lose the title."""
    body, meta = get_data(content_markdown("# Our\x9f staff\x07 <b>network</b>\n\nBody.\n"))
    assert meta == {"title": "Our staff &lt;b&gt;network&lt;/b&gt;"}
    assert body.startswith("# Our")
