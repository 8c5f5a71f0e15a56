"""Stage 4, the site: MkDocs builds the pages into a website; the live preview and scaffolding.

- ``build``: generate the pages and build with MkDocs ``--strict`` into a temporary
  folder, then swap it in, so a failed build leaves the previous site as it was.
- ``preview``: ``serve``, the live preview (file events, only changed pages rebuilt).
- ``identity``: the trust's logo in the header and its accent colour as a generated stylesheet.
- ``mkdocs_hooks``: the thin adapter MkDocs loads (navigation, regeneration while previewing).
- ``scaffold``: ``wres new-year``, the next year's files.
- ``worker``: MkDocs in a child process, started before generation so the two overlap.

NOTE: the names below are imported when first used, not when the package is: ``wres build``
imports ``worker`` first and starts MkDocs before the pipeline's imports (pydantic, ruamel.yaml, the templates) run.
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {"BuildError": "build", "build_site": "build", "generate": "build", "serve": "preview", "new_year": "scaffold"}

__all__ = ["BuildError", "build_site", "generate", "new_year", "serve"]


def __getattr__(name: str) -> Any:  # a module's lazy attribute (PEP 562)
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
