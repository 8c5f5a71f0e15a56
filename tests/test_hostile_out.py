"""``--out`` pointed at the trust's own files: refused with the reason, every file still there.

``wres build --out DIR`` replaces DIR whole, so DIR may only be new, empty, or an earlier
site (marked by the build). ``wres metrics`` and ``wres pdf`` write one file, never over the
project's own.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.data import Project
from generator.site.out_dir import MARKER, OutError, check_site_out

from .conftest import ROOT
from .site_helpers import build_example

REFUSED = ("The build replaces the whole folder it is given, so nothing was written or deleted; "
           "choose a new folder, such as {default}\n")


def wres(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True, cwd=cwd, check=False)


def snapshot(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize(("out", "reason"), [
    (".", "is the project folder"),
    ("data", "is the project's data folder"),
    ("data/years", "is inside the project's data folder ({root}/data)"),
    ("content", "is the project's content folder"),
    ("..", "holds the project folder ({root})"),
    ("wres.yaml/..", "is the project folder"),
    ("/", "is the root of the file system"),
    ("../notes", "holds files the build did not make (notes.txt)"),
    ("../site", "needs {parent}/site.old for a moment, and that folder holds files the build did not make (keep.txt)"),
])
def test_build_refuses_an_out_that_would_replace_the_trusts_files(example_copy: Path, out: str, reason: str):
    root = example_copy.parent
    (root.parent / "notes").mkdir()
    (root.parent / "notes" / "notes.txt").write_text("the board's notes\n")
    (root.parent / "site.old").mkdir()
    (root.parent / "site.old" / "keep.txt").write_text("not a site\n")
    before = snapshot(root.parent)
    target = out if out.startswith("/") else str(root / out)

    result = wres("build", "--project", str(root), "--out", target)

    assert result.returncode == 1 and result.stdout == "" and "Traceback" not in result.stderr
    shown = str(Path(target).resolve())
    assert result.stderr == (f"Error: the site was not built: --out {shown} {reason.format(root=root, parent=root.parent)}. "
                             + REFUSED.format(default=root / "site"))
    assert snapshot(root.parent) == before, "every file is still there"
    assert sorted(p.name for p in root.parent.iterdir()) == ["notes", "project", "site.old"]


def test_the_home_folder_is_refused(example_copy: Path, monkeypatch: pytest.MonkeyPatch):
    home = example_copy.parent.parent
    monkeypatch.setenv("HOME", str(home))
    for out, reason in ((home, "is your home folder"), (home.parent, f"holds your home folder ({home})")):
        with pytest.raises(OutError, match="^the site was not built: --out .* " + reason.replace("(", r"\(").replace(")", r"\)")):
            check_site_out(Project.folder(example_copy.parent), out)


def test_an_earlier_site_is_replaced(example_copy: Path):
    out = example_copy.parent.parent / "public"
    out.mkdir()
    (out / MARKER).write_text("")
    (out / "stale.html").write_text("an old page\n")

    build_example(out, example_copy)

    assert not (out / "stale.html").exists() and (out / "index.html").is_file() and (out / MARKER).is_file()
    assert (out / "wres-indicators.csv").is_file()


def test_a_site_built_before_the_marker_may_be_replaced(tmp_path: Path, example_copy: Path):
    out = tmp_path / "old-site"
    out.mkdir()
    for name in ("index.html", "wres-indicators.csv", "sitemap.xml", "404.html"):
        (out / name).write_text("")
    assert check_site_out(Project.folder(example_copy.parent), out) == out.resolve()


@pytest.mark.parametrize(("command", "out", "reason"), [
    (("metrics",), "data/years/2024.yaml", "is inside the project's data folder ({root}/data)"),
    (("metrics",), "mkdocs.yml", "is the project's mkdocs.yml"),
    (("pdf", "2024"), "content/about.md", "is inside the project's content folder ({root}/content)"),
    (("metrics",), "README.md", "is a file that is not a .csv file, which it would replace"),
])
def test_a_file_out_never_replaces_the_trusts_files(example_copy: Path, command: tuple[str, ...], out: str, reason: str):
    root = example_copy.parent
    (root / "README.md").write_text("# Our project\n")
    before = snapshot(root)

    result = wres(*command, "--project", str(root), "--out", str(root / out))

    suffix = ".pdf" if command[0] == "pdf" else ".csv"
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr == (f"Error: --out {root / out} {reason.format(root=root)}; nothing was written. "
                             f"Choose a new file name ending {suffix} outside data/ and content/\n")
    assert snapshot(root) == before
