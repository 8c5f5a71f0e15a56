"""Stage 4, the site: MkDocs builds the pages into a website; the live preview and scaffolding.

- ``build``: generate the pages and build with MkDocs ``--strict`` into a temporary
  folder, then swap it in, so a failed build leaves the previous site as it was.
- ``preview``: ``serve``, the live preview (file events, only changed pages rebuilt).
- ``identity``: the trust's logo in the header and its accent colour as a generated stylesheet.
- ``mkdocs_hooks``: the thin adapter MkDocs loads (navigation, regeneration while previewing).
- ``scaffold``: ``wres new-year``, the next year's files.
"""

from .build import BuildError, build_site, generate
from .preview import serve
from .scaffold import new_year

__all__ = ["BuildError", "build_site", "generate", "new_year", "serve"]
