"""Accessible HTML tables: a caption, header scopes, and a labelled scroll container for phones.

A table of more than three columns becomes stacked rows on a phone (``wres.css``): each row a
block under its header, each cell after its column's name, read from the cell's ``data-label``
(an attribute, not a ``style``: the site's Content-Security-Policy refuses inline styles).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape

from .wording import capitalise

NO_FIGURE = "—"  # an empty cell: one short mark, explained once in the table's notes (never a sentence in every cell)
STACK_FROM = 3  # columns: a table this wide stacks its rows on a phone (a 3-column one is too wide at 320 px)


@dataclass(frozen=True)
class Table:
    table_id: str
    caption: str
    columns: list[str]  # the first column heads the row headers
    rows: list[tuple[str, list[str]]]
    notes: list[str] = field(default_factory=list)

    def html(self) -> Markup:
        """One HTML block with no blank line inside, so Markdown passes it through whole."""
        caption_id = f"{self.table_id}-caption"
        # a trust's own label ("global majority share") may start a heading: it starts with a capital there
        heads = [capitalise(c) for c in self.columns]
        head = "".join(f'<th scope="col">{escape(c)}</th>' for c in heads)
        body = "".join(
            "<tr>" + f'<th scope="row">{escape(header)}</th>'
            + "".join(f'<td data-label="{escape(label)}"{_empty(cell)}>{escape(cell)}</td>' for label, cell in zip(heads[1:], cells))
            + "</tr>"
            for header, cells in self.rows
        )
        notes = "".join(f"<li>{escape(n)}</li>" for n in self.notes)
        notes_html = f'<ul class="wres-table-notes">{notes}</ul>' if notes else ""
        stack = " wres-table--stack" if len(self.columns) >= STACK_FROM else ""
        return Markup(
            f'<div class="wres-table{stack}" role="region" aria-labelledby="{caption_id}" tabindex="0">'
            f'<table id="{self.table_id}"><caption id="{caption_id}">{escape(capitalise(self.caption))}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>{notes_html}"
        )

    def by_year(self, first_heading: str = "Figure") -> Table:
        """A trend table (one row per year, latest first) turned round: one row per figure, the years as
        columns in time order, so a table of a dozen figures fits the page's column."""
        years = [header for header, _ in self.rows][::-1]
        cells = {header: cells for header, cells in self.rows}
        rows = [(name, [cells[y][i] for y in years]) for i, name in enumerate(self.columns[1:])]
        return Table(self.table_id, self.caption, [first_heading, *years], rows, self.notes)


def _empty(cell: str) -> str:
    return ' class="wres-table__none"' if cell == NO_FIGURE else ""
