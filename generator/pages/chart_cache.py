"""What plotly made of each chart, and each chart's static drawings, kept between builds.

Importing plotly and validating a figure costs a process about 0.1 s, and drawing every chart twice (narrow
and wide) an eighth of making the pages; a build whose charts did not change does neither: it reads what was
made last time from the user's cache (``generator/cache.py``: ``charts/``). A cache that cannot be read or
written only means the work is done again; the bytes are the same either way. The entries used least
recently go once there are more than ``KEEP``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ..cache import entry, keep_value, kept_value
from . import plotly_text, svg

KEEP = 2048  # figures kept (and twice as many drawings, narrow and wide): a few projects' charts and their edits


@dataclass(frozen=True)
class Validated:
    """A figure as plotly validated it: plotly's dict of it, and the JSON plotly writes of it for the page.

    plotly checks every property when the figure is built (an invalid one raises its ``ValueError``)
    and writes its JSON. Importing plotly and loading its validators costs a process about 0.1 s of
    CPU, most of plotly's cost to a build; so, as with the PDFs and the templates, what plotly made
    of a figure is kept in the user's cache (``generator/cache.py``: ``charts/``), named by the
    figure's input, this code and the libraries' versions (``cache.entry``), and a build whose charts did not change
    neither imports plotly nor validates again: it reads what plotly made last time. A cache that
    cannot be read or written only means plotly runs; the bytes are the same either way.

    The JSON: every string is plotly.js text first (plotly_text.py), so a label is never a link, bold
    or a template. plotly's writer gives "<", ">" and "/" as JSON escapes; "&" too here, so no typed
    text can end the block early or be read as markup, and the browser's JSON.parse gives the same
    characters back. The "json" engine always (never orjson, if installed): the standard library's
    numbers and ASCII-only output, so the same figure gives the same bytes on every machine.
    """

    spec: dict[str, Any]
    json: str
    key: str = ""  # its name in the cache (``cache.digest`` of the figure's input)

    @classmethod
    def of(cls, data: list[dict[str, Any]], layout: dict[str, Any]) -> Validated:
        path = entry("charts", json.dumps({"data": data, "layout": layout}, sort_keys=True, default=repr), suffix=".figure")
        kept = kept_value(path)
        if isinstance(kept, tuple) and len(kept) == 2:
            return cls(*kept, path.stem)
        import plotly.graph_objects as go
        import plotly.io as pio

        spec = go.Figure(data=data, layout=layout).to_dict()
        text = pio.to_json(plotly_text.as_text(spec), validate=False, engine="json")
        made = cls(spec, text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"), path.stem)
        keep_value(path, (made.spec, made.json), newest=KEEP)
        return made


def kept_svg(validated: Validated, layout: str, title: str) -> str:
    """The chart's static ``<svg>`` in ``layout``, named in the cache by its figure (``validated.key``), the layout,
    the title and the package's files (``cache.entry``: the drawing is our code)."""
    if not validated.key:
        return svg.render(validated.spec, layout, title)
    path = entry("charts", validated.key, layout, title, suffix=".svg")
    if isinstance(kept := kept_value(path), str):
        return kept
    drawn = svg.render(validated.spec, layout, title)
    keep_value(path, drawn, newest=2 * KEEP)
    return drawn
