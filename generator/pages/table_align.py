"""Aligned Markdown table columns as a class, not a ``style`` attribute, so the site's Content-Security-Policy holds.

Python-Markdown's tables extension writes a column's alignment (``| :-: |``) as
``style="text-align: center;"`` on each of its cells, which a policy without
``'unsafe-inline'`` refuses; its ``use_align_attribute`` option writes ``align`` instead,
which HTML5 made obsolete. This tree processor runs after the tables are built and puts
the alignment in a class (``wres-align-center``) that ``wres.css`` styles. MkDocs loads
it by this module's name (``config.py``).
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


class TableAlignExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        # last of the tree processors: after every table is built, whatever registered it
        md.treeprocessors.register(AlignClasses(md), "wres_table_align", 0)


def makeExtension(**kwargs) -> TableAlignExtension:  # noqa: N802 - the name Python-Markdown looks for
    return TableAlignExtension(**kwargs)
