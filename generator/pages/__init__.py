"""Stage 3, the pages: the site's Markdown, charts and CSVs, written from the metrics table.

Nothing here computes a figure; it picks rows of the table, words them and lays them out.

- ``wording``: numbers, directions and group names in words.
- ``figures``: the metrics table indexed for the pages (``FigureTable``).
- ``tables`` / ``charts``: accessible data tables and Plotly figures.
- ``sections`` / ``plans``: the building blocks of indicator, year and action-plan pages.
- ``render``: every page from its Jinja2 template in ``templates/``.
"""

__all__ = ["Page", "navigation", "published_content", "render_pages", "site_files", "write_docs"]


def __getattr__(name: str):  # noqa: ANN202 - loaded on first use, so ``pages.escape`` alone stays light for the MkDocs hook
    if name in __all__:
        from . import render

        return getattr(render, name)
    raise AttributeError(name)
