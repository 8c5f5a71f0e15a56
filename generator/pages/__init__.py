"""Stage 3, the pages: the site's Markdown, charts and CSVs, written from the metrics table.

Nothing here computes a figure; it picks rows of the table, words them and lays them out.

- ``wording``: numbers, directions and group names in words.
- ``figures``: the metrics table indexed for the pages (``FigureTable``).
- ``tables`` / ``charts``: accessible data tables and Plotly figures.
- ``sections`` / ``plans``: the building blocks of indicator, year and action-plan pages.
- ``render``: every page from its Jinja2 template in ``templates/``.
"""

from .render import Page, render_pages, write_docs

__all__ = ["Page", "render_pages", "write_docs"]
