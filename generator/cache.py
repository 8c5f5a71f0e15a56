"""What the caches between runs share, and the compiled templates.

Compiled templates: used for the site's own templates (``pages/render.py``) and, through the
MkDocs hook, for the theme's. They live in the user's cache folder (``$XDG_CACHE_HOME/wres`` or
``~/.cache/wres``); Jinja checks each entry against its template's source and its own version,
so a changed template is compiled again.

For the other caches (the report PDFs, the charts, the parsed data files, an editor's prose, the
report's part of a build): where they live (:func:`cache_root`), what names this copy of the package
and the libraries beside it (:func:`code_digest`, :func:`installed`), an entry's name made of those
and its inputs (:func:`digest`, :func:`entry`), a write no reader sees half of (:func:`write_whole`),
and pickled entries, pruned by last use (:func:`kept_value`, :func:`keep_value`).

A folder that cannot be written only means no cache: the output is the same either way.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Any

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


@functools.cache
def installed() -> str:
    """The Python running this and the packages installed beside it, by name and version (the names of their
    metadata folders), once per process: part of a cache key whose output a library shapes (pydantic's
    validation, Python-Markdown's HTML, plotly's JSON), so an upgrade makes it again."""
    names: list[str] = [sys.version]
    for folder in sys.path:
        with contextlib.suppress(OSError):
            names += sorted(entry for entry in os.listdir(folder or ".") if entry.endswith((".dist-info", ".egg-info")))
    return "\n".join(names)


def digest(*made_from: str | bytes) -> str:
    """The name of what this code, with these libraries, makes from ``made_from``: their SHA-256 with
    :func:`code_digest` and :func:`installed`, so an edit to the package or an upgrade makes it again."""
    hashed = hashlib.sha256()
    for part in (code_digest(), installed(), *made_from):
        data = part.encode("utf-8") if isinstance(part, str) else part
        hashed.update(len(data).to_bytes(8, "big") + data)
    return hashed.hexdigest()


def entry(kind: str, *made_from: str | bytes, suffix: str = ".pickle") -> Path:
    """Where the cache ``kind`` keeps what is made from ``made_from`` (named by :func:`digest`)."""
    return cache_root() / kind / f"{digest(*made_from)}{suffix}"


ENTRY = b"wres cache entry 1\n"  # the start of every pickled entry: anything else is not ours


def kept_value(path: Path) -> Any:
    """The value :func:`keep_value` wrote to ``path``, or None when there is none or it is damaged (a miss).

    The entries are pickles, written and read only by this code, in the user's own cache folder (as the PDFs
    and compiled templates are): whoever can write there can already change the user's programs. A project's
    files never reach the unpickler; only what this code made from them does.
    """
    try:
        data = path.read_bytes()
        if not data.startswith(ENTRY):
            return None
        value = pickle.loads(data[len(ENTRY):])  # our own entry (above)
    except Exception:  # noqa: BLE001 - a damaged entry, or one of other code, is a miss: the value is made afresh
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # used now: kept by the pruning
    return value


def keep_value(path: Path, value: Any, *, newest: int) -> None:
    """Keep ``value`` at ``path``; an unwritable folder means no cache. The folder's first write in a process
    also removes all but its ``newest`` entries (so a build that writes many does not list the folder each time)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_whole(path, ENTRY + pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    except (OSError, pickle.PicklingError):
        return
    if (path.parent, path.suffix) not in _PRUNED:
        _PRUNED.add((path.parent, path.suffix))
        prune(path.parent, f"*{path.suffix}", newest)


_PRUNED: set[tuple[Path, str]] = set()


def prune(folder: Path, pattern: str, newest: int) -> None:
    """Remove all but the ``newest`` files of ``folder`` matching ``pattern`` (by when they were last used)."""
    entries = []
    for entry in folder.glob(pattern):
        with contextlib.suppress(OSError):
            entries.append((entry.stat().st_mtime_ns, entry.name, entry))
    for *_, entry in sorted(entries, reverse=True)[newest:]:
        entry.unlink(missing_ok=True)
