"""What a project's ``content/`` folder may publish: the trust's own pages and pictures, nothing else.

The site is public and served from one address, so a file in ``content/`` is published as
it is, at that address. Only two kinds are allowed:

- pages: Markdown (``.md``), cleaned as they are built (``pages/escape.py``);
- pictures: PNG, JPEG, GIF and WebP, each checked by its first bytes, not only its name,
  so a web page or a script renamed ``.png`` is refused.

SVG pictures are refused, as raw HTML and script are: an SVG can carry script that runs
at the site's address. The one SVG allowed is the logo named in ``wres.yaml``
(``identity.logo``), which ``identity.py`` checks on its own and the build publishes
from there (not again from here).

Every file must be a plain file kept in ``content/`` itself: a link (symlink) to a file
or folder is refused and never followed, so nothing from elsewhere on the computer
(``/etc/passwd``, the build's environment, a page of another project) can be published
through one. Names are plain: ASCII letters, digits, ``-``, ``_`` and ``.``, no spaces.
A name becomes a web address and a menu entry, so a space, quote, ``<`` or ``\\`` has no
business in it. Files and folders whose names start with ``.`` (``.DS_Store``, ``.git``)
are left out without a word, as MkDocs leaves them out.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .errors import Problem
from .yamlfile import display_path

PAGE_SUFFIX = ".md"
# NOTE: checked by hand, not with an imaging library: each format's first bytes are fixed by its specification,
# and they are all the check needs (a browser never reads a file that starts like this as a page or a script).
IMAGE_SIGNATURES: dict[str, tuple[str, tuple[bytes, ...]]] = {
    ".png": ("PNG", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("JPEG", (b"\xff\xd8\xff",)),
    ".jpeg": ("JPEG", (b"\xff\xd8\xff",)),
    ".gif": ("GIF", (b"GIF87a", b"GIF89a")),
    ".webp": ("WebP", ()),  # RIFF....WEBP: the size between the two words varies, see _image_type
}
ALLOWED = ".md (pages) and .png, .jpg, .gif or .webp (pictures)"
PLAIN_NAME = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]*")
ACTIVE = {".svg", ".svgz", ".html", ".htm", ".xhtml", ".js", ".mjs", ".css", ".xml", ".php", ".swf", ".wasm"}


@dataclass(frozen=True)
class ContentFile:
    """One publishable file of ``content/``: where it is, and its path in the site (``/`` between folders)."""

    source: Path
    name: str

    @property
    def is_page(self) -> bool:
        return self.name.endswith(PAGE_SUFFIX)

    def read(self) -> bytes:
        """The file's bytes, never through a link, even one put in its place since it was listed."""
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(self.source, flags)
        with os.fdopen(fd, "rb") as file:
            if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
                raise OSError(f"{self.source} is not an ordinary file")
            return file.read()


def content_files(content_dir: Path | None, logo: Path | None = None) -> tuple[list[ContentFile], list[Problem]]:
    """The files of ``content_dir`` the site may publish, in name order, and a problem for each one it may not.

    ``logo``: the logo's path from ``wres.yaml`` (checked by ``identity.py``), the one SVG allowed here.
    """
    files: list[ContentFile] = []
    problems: list[Problem] = []
    if content_dir is None:
        return files, problems
    try:
        info = content_dir.lstat()
    except FileNotFoundError:
        return files, problems
    if stat.S_ISLNK(info.st_mode):
        problems.append(_problem(content_dir, "is a link (symlink) to a folder elsewhere: nothing is published through a "
                                              "link; make content/ a real folder in the project and put the pages in it"))
        return files, problems
    if not stat.S_ISDIR(info.st_mode):
        problems.append(_problem(content_dir, "must be a folder of pages and pictures"))
        return files, problems
    try:
        logo = logo.resolve() if logo is not None else None
    except (OSError, ValueError):  # a path no file can have (identity.py says what is wrong with it)
        logo = None
    _walk(content_dir, "", logo, files, problems)
    return files, problems


def _walk(folder: Path, prefix: str, logo: Path | None, files: list[ContentFile], problems: list[Problem]) -> None:
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as exc:
        problems.append(_problem(folder, f"cannot be read ({exc.strerror}); check its permissions"))
        return
    for entry in entries:
        if entry.name.startswith("."):  # hidden: never published, as MkDocs leaves dot files out
            continue
        path = Path(entry.path)
        if entry.is_symlink():
            kind = "folder" if path.is_dir() else "file"
            problems.append(_problem(path, f"is a link (symlink) to a {kind} elsewhere: nothing is published through a "
                                           f"link; put the {kind} itself in content/"))
            continue
        if not PLAIN_NAME.fullmatch(entry.name):
            problems.append(_problem(path, _name_problem(entry.name)))
            continue
        if entry.is_dir(follow_symlinks=False):
            _walk(path, f"{prefix}{entry.name}/", logo, files, problems)
            continue
        if not entry.is_file(follow_symlinks=False):
            problems.append(_problem(path, "is not an ordinary file (a device, a pipe or a socket); remove it"))
            continue
        if logo is not None and path.resolve() == logo:  # published by the identity, under its own name and checks
            continue
        problem = _type_problem(path)
        if problem is not None:
            problems.append(_problem(path, problem))
            continue
        files.append(ContentFile(path, prefix + entry.name))


def _type_problem(path: Path) -> str | None:
    """Why the file at ``path`` (a plain file with a plain name) is not a page or a picture of the type it is named, or None."""
    suffix = path.suffix.lower()
    if path.suffix == PAGE_SUFFIX:
        return None
    if suffix == PAGE_SUFFIX:
        return f"a page's name must end in .md, in small letters: rename it {path.stem}.md"
    if suffix in (".svg", ".svgz"):
        return ("SVG pictures can carry script, which would run on the site, so content/ takes only the logo as SVG "
                "(identity.logo in data/organisation.yaml): save this picture as PNG instead")
    try:
        with path.open("rb") as file:  # listed as a plain file, not a link
            found = _image_type(file.read(12))
    except OSError as exc:
        return f"cannot be read ({exc.strerror}); check its permissions"
    if suffix not in IMAGE_SIGNATURES:
        kind = f"a file ending {suffix}" if suffix else "a file without an extension"
        why = " (web pages, scripts and styles would run on the site)" if suffix in ACTIVE else ""
        hint = f"; it is a {found} picture: give it the right extension" if found else ""
        return f"{kind} cannot be published{why}: content/ may hold only {ALLOWED}{hint}"
    named = IMAGE_SIGNATURES[suffix][0]
    if found == named:
        return None
    actual = f"it is a {found} picture" if found else "its contents are not a picture"
    return f"is named {path.suffix} but {actual}; export it again as {named} (or give it the right extension)"


def _image_type(head: bytes) -> str | None:
    """PNG, JPEG, GIF or WebP, from a file's first 12 bytes; None for anything else."""
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WebP"
    return next((kind for kind, signatures in IMAGE_SIGNATURES.values() if any(head.startswith(s) for s in signatures)), None)


def _name_problem(name: str) -> str:
    bad = sorted({char for char in name if not re.fullmatch(r"[A-Za-z0-9._-]", char)})
    shown = " ".join("space" if char == " " else _safe(char) for char in bad)
    if not bad:  # only a leading "-" or "." is wrong
        shown = f"'{name[0]}' at the start"
    suggestion = _plain(name)
    hint = f", e.g. {suggestion}" if suggestion and suggestion != name else ""
    return (f"the name has characters a web address or the menu cannot carry safely ({shown}): "
            f"use only letters a-z, digits, '-', '_' and '.'{hint}")


def _plain(name: str) -> str:
    """A plain name like ``name``: accents dropped, anything else a '-', the extension kept."""
    stem, dot, suffix = name.rpartition(".") if "." in name.lstrip(".") else (name, "", "")

    def plain(part: str) -> str:
        ascii_part = unicodedata.normalize("NFKD", part).encode("ascii", "ignore").decode("ascii")
        return re.sub(r"-{2,}", "-", re.sub(r"[^A-Za-z0-9_-]", "-", ascii_part)).strip("-")

    return plain(stem) + dot + plain(suffix) if plain(stem) else ""


def _safe(text: str) -> str:
    """``text`` with anything unprintable (a newline, a terminal escape) shown as a code, for a message."""
    return "".join(char if char.isprintable() else f"\\x{ord(char):02x}" for char in text)


def _problem(path: Path, message: str) -> Problem:
    return Problem(_safe(display_path(path)), 1, "", message)
