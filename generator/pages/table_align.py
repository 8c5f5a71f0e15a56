"""Markdown tables (the trust's own pages) as accessible as the site's: aligned by a class, captioned, scrollable.

Alignment: a class, not a ``style`` attribute, so the site's Content-Security-Policy holds.

Python-Markdown's tables extension writes a column's alignment (``| :-: |``) as
``style="text-align: center;"`` on each of its cells, which a policy without
``'unsafe-inline'`` refuses; its ``use_align_attribute`` option writes ``align`` instead,
which HTML5 made obsolete. This tree processor runs after the tables are built and puts
the alignment in a class (``wres-align-center``) that ``wres.css`` styles. MkDocs loads
it by this module's name (``mkdocs.yml``'s ``markdown_extensions``).

Caption and scroll box: like every table the site makes (``tables.py``), a Markdown table
gets a caption and sits in a labelled, focusable box that scrolls on a narrow screen. The
caption is the sentence that introduces the table, when the paragraph just before it ends
with a colon ("Where each year's figures come from:"), moved into the table; otherwise
the heading the table is under. The generated pages' tables are HTML already and never
pass through here.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

CLASSES = frozenset(f"wres-align-{side}" for side in ("left", "center", "right"))
_STYLE = re.compile(r"text-align: (left|center|right);")  # exactly what the tables extension writes


class AlignClasses(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for cell in root.iter():
            if cell.tag not in ("th", "td") or "style" not in cell.attrib:
                continue
            # any other style on a cell is dropped too: the policy would refuse it
            side = _STYLE.fullmatch(cell.attrib.pop("style"))
            if side:
                cell.set("class", " ".join(filter(None, (cell.get("class"), f"wres-align-{side.group(1)}"))))


def _text(element: etree.Element) -> str:
    return " ".join("".join(element.itertext()).split())


class CaptionedTables(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        count = 0
        heading = ""
        for parent in list(root.iter()):
            children = list(parent)
            for index, child in enumerate(children):
                if child.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                    heading = _text(child)
                if child.tag != "table":
                    continue
                count += 1
                before = children[index - 1] if index else None
                if before is not None and before.tag == "p" and _text(before).endswith(":") and len(before) == 0:
                    caption_text = _text(before)[:-1].strip()
                    parent.remove(before)
                else:
                    caption_text = heading or f"Table {count}"
                for cell in child.iter("th"):  # a Markdown table's header cells head its columns
                    cell.set("scope", "col")
                caption_id = f"wres-content-table-{count}"
                box = etree.Element("div", {"class": "wres-table", "role": "region", "aria-labelledby": caption_id, "tabindex": "0"})
                caption = etree.Element("caption", {"id": caption_id})
                caption.text = caption_text
                child.insert(0, caption)
                position = list(parent).index(child)
                parent.remove(child)
                box.append(child)
                parent.insert(position, box)


class TableAlignExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        # last of the tree processors: after every table is built, whatever registered it
        md.treeprocessors.register(AlignClasses(md), "wres_table_align", 0)
        md.treeprocessors.register(CaptionedTables(md), "wres_table_caption", 1)


def makeExtension(**kwargs) -> TableAlignExtension:  # noqa: N802 - the name Python-Markdown looks for
    return TableAlignExtension(**kwargs)
