"""Stage 4, the site: MkDocs builds the pages into a website (through the ``wres`` plugin), and the project's files.

- ``generate``: every page, download, asset and report of a project, and its navigation.
- ``settings``: what the site needs of ``mkdocs.yml`` (checked) and what the plugin adds to it.
- ``mkdocs_yml``: ``wres init``'s ``mkdocs.yml``, also used for a project without one.
- ``build``: ``wres build``, MkDocs' build into a work folder swapped in with renames.
- ``preview``: ``wres serve``, MkDocs' own live preview.
- ``export``: ``wres generate``, the site as a plain MkDocs project.
- ``identity``: the trust's logo in the header and its accent colour as a generated stylesheet.
- ``scaffold`` / ``init``: ``wres new-year`` and ``wres init``.
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {"BuildError": "build", "build_site": "build", "serve": "preview", "new_year": "scaffold"}

__all__ = ["BuildError", "build_site", "new_year", "serve"]


def __getattr__(name: str) -> Any:  # a module's lazy attribute (PEP 562)
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
