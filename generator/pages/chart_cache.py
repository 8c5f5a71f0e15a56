"""What plotly made of each chart, and each chart's static drawings, kept between builds.

Importing plotly and validating a figure costs a process about 0.1 s, and drawing every chart twice (narrow
and wide) an eighth of making the pages; a build whose charts did not change does neither: it reads what was
made last time from the user's cache (``generator/cache.py``: ``charts/``). A cache that cannot be read or
written only means the work is done again; the bytes are the same either way.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..cache import cache_root, code_digest, write_whole
from . import plotly_text, svg


@functools.cache
def _plotly_version() -> str:
    """plotly's installed version, read once (each read parses its package metadata: 1 ms a chart)."""
    from importlib.metadata import version

    return version("plotly")


@dataclass(frozen=True)
class Validated:
    """A figure as plotly validated it: plotly's dict of it, and the JSON plotly writes of it for the page.

    plotly checks every property when the figure is built (an invalid one raises its ``ValueError``)
    and writes its JSON. Importing plotly and loading its validators costs a process about 0.1 s of
    CPU, most of plotly's cost to a build; so, as with the PDFs and the templates, what plotly made
    of a figure is kept in the user's cache (``generator/cache.py``: ``charts/``), named by the
    SHA-256 of the figure's input and plotly's version, and a build whose charts did not change
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
    key: str = ""  # the SHA-256 of the figure's input and plotly's version: its name in the cache

    @classmethod
    def of(cls, data: list[dict[str, Any]], layout: dict[str, Any]) -> Validated:
        source = json.dumps({"data": data, "layout": layout, "plotly": _plotly_version()}, sort_keys=True, default=repr)
        key = hashlib.sha256(source.encode()).hexdigest()
        path = cache_root() / "charts" / f"{key}.json"
        try:
            kept = json.loads(path.read_text(encoding="utf-8"))
            return cls(kept["spec"], kept["json"], key)
        except (OSError, ValueError, KeyError, TypeError):
            pass
        import plotly.graph_objects as go
        import plotly.io as pio

        spec = go.Figure(data=data, layout=layout).to_dict()
        text = pio.to_json(plotly_text.as_text(spec), validate=False, engine="json")
        made = cls(spec, text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"), key)
        _keep(path, json.dumps({"spec": made.spec, "json": made.json}))
        return made


def _keep(path: Path, text: str) -> None:
    """Keep a cache entry (written whole); a cache that cannot be written is no error."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        write_whole(path, text.encode("utf-8"))


def kept_svg(validated: Validated, layout: str, title: str) -> str:
    """The chart's static ``<svg>`` in ``layout``, named in the cache by its figure (``validated.key``), the layout,
    the title and the package's files (``cache.code_digest``: the drawing is our code)."""
    if not validated.key:
        return svg.render(validated.spec, layout, title)
    name = json.dumps([validated.key, layout, title, code_digest()])
    path = cache_root() / "charts" / f"{hashlib.sha256(name.encode()).hexdigest()}.svg"
    with contextlib.suppress(OSError):
        return path.read_text(encoding="utf-8")
    drawn = svg.render(validated.spec, layout, title)
    _keep(path, drawn)
    return drawn
