"""A chart's figure as plotly.js reads it: every string is text, none of it label markup.

plotly.js draws every text field (trace names in the legend, hover labels, axis titles,
tick labels, annotations) through its own small HTML-like syntax: ``<br>``, ``<b>``,
``<i>``, ``<sub>``, ``<sup>``, ``<span style>`` and clickable ``<a href>``, with the
entities ``&lt;`` ``&gt;`` ``&amp;`` (and numeric ones) decoded. Text fields also fill in
``%{...}`` templates (``%{meta}``, and in hover labels any field of the point). So a
trust's label such as ``<a href="https://evil.example/">x</a>`` would be a link in the
legend. Here every string of the figure is escaped the way plotly.js decodes it, so it
shows as the characters typed.

The figure keeps plain text (the static SVG escapes it for XML itself); this runs only
on a copy of the figure's dict, the one plotly writes into the page for plotly.js. The
one field left as it is is ``hovertemplate``: it is ours (charts.py builds it from
constants and reaches a trace's name only through ``%{fullData.name}``, whose value
plotly.js inserts without reading templates in it again).
"""

from __future__ import annotations

from typing import Any

# Ours, never a trust's words: written as plotly.js markup and templates.
TEMPLATES = frozenset({"hovertemplate"})

# "&" first, so the entities added after it are not escaped again. "%{" starts a template in text fields.
_ENTITIES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("%{", "&#37;{"))


def escape(value: str) -> str:
    """``value`` as plotly.js text: it shows the same characters, with no tag, entity or template read in it."""
    for char, entity in _ENTITIES:
        value = value.replace(char, entity)
    return value


def as_text(figure: Any, key: str = "") -> Any:
    """A copy of ``figure`` (a plotly figure's dict, ``Figure.to_dict()``) with every string escaped, but in ``TEMPLATES``.

    Structural values (trace types, modes, dash styles, colours) hold none of the escaped
    characters, so escaping every string leaves them as they are: a field added later is
    escaped without being listed here.
    """
    if isinstance(figure, str):
        return figure if key in TEMPLATES else escape(figure)
    if isinstance(figure, dict):
        return {name: as_text(value, name) for name, value in figure.items()}
    if isinstance(figure, (list, tuple)):
        return [as_text(value, key) for value in figure]
    return figure
