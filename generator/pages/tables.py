"""Accessible HTML tables: a caption, header scopes, and a labelled scroll container for phones."""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape

from .wording import capitalise


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
        head = "".join(f'<th scope="col">{escape(capitalise(c))}</th>' for c in self.columns)
        body = "".join(
            "<tr>" + f'<th scope="row">{escape(header)}</th>' + "".join(f"<td>{escape(cell)}</td>" for cell in cells) + "</tr>"
            for header, cells in self.rows
        )
        notes = "".join(f"<li>{escape(n)}</li>" for n in self.notes)
        notes_html = f'<ul class="wres-table-notes">{notes}</ul>' if notes else ""
        return Markup(
            f'<div class="wres-table" role="region" aria-labelledby="{caption_id}" tabindex="0">'
            f'<table id="{self.table_id}"><caption id="{caption_id}">{escape(capitalise(self.caption))}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>{notes_html}"
        )
