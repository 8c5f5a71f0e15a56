"""Compiled templates kept between runs, so a build compiles each Jinja template once, not on every run.

Used for the site's own templates (``pages/render.py``) and, through the MkDocs hook, for
the theme's. The cache lives in the user's cache folder (``$XDG_CACHE_HOME/wres`` or
``~/.cache/wres``); Jinja checks each entry against its template's source and its own
version, so a changed template is compiled again. A folder that cannot be written only
means no cache: the output is the same either way.
"""

from __future__ import annotations

import functools
import hashlib
import os
import tempfile
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


PACKAGE = Path(__file__).resolve().parent  # generator/: its code, templates and stylesheets shape what is cached


@functools.cache
def code_digest() -> str:
    """A hash naming this copy of the package's files (code, templates, stylesheets), once per process: part of
    every cache key whose output the code shapes (the report PDFs, the static charts).

    Each file by its path, size and modification time, not its bytes: reading them all (1.2 MB of vendored
    plotly.js among them) took 9 ms of every build. Editing, checking out or installing a file gives it a new
    time; only bytes changed behind the file system's back with its size and time put back would go unnoticed.
    """
    hashed = hashlib.sha256()
    for folder, dirs, names in os.walk(PACKAGE):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(names):
            path = os.path.join(folder, name)
            info = os.stat(path)
            rel = os.path.relpath(path, PACKAGE).replace(os.sep, "/")
            hashed.update(f"{rel}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
    return hashed.hexdigest()


def write_whole(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that no reader (another build at the same time) sees half a file: written
    beside it, then renamed over it. Readable as the user's files are (a temporary file starts private)."""
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".tmp-", delete=False) as handle:
        handle.write(data)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(handle.name, 0o666 & ~umask)
    os.replace(handle.name, path)
