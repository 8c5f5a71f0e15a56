"""Compiled templates kept between runs, so a build compiles each Jinja template once, not on every run.

Used for the site's own templates (``pages/render.py``) and, through the MkDocs hook, for
the theme's. The cache lives in the user's cache folder (``$XDG_CACHE_HOME/wres`` or
``~/.cache/wres``); Jinja checks each entry against its template's source and its own
version, so a changed template is compiled again. A folder that cannot be written only
means no cache: the output is the same either way.
"""

from __future__ import annotations

import os
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from jinja2.bccache import Bucket


class TemplateCache(FileSystemBytecodeCache):
    """Jinja's file cache, where a failure to read or write an entry means compiling, never an error."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, ValueError, EOFError):
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def template_cache() -> TemplateCache | None:
    folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "wres" / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return TemplateCache(str(folder))


def cache_root() -> Path:
    """The user's cache folder for wres: ``$WRES_CACHE_DIR``, or ``$XDG_CACHE_HOME/wres``, or ``~/.cache/wres``."""
    if os.environ.get("WRES_CACHE_DIR"):
        return Path(os.environ["WRES_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "wres"
