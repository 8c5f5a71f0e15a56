"""Hostile files in content/: links out of the project, active file types, disguised pictures, names that are HTML.

Each is planted in a copy of the example project; `wres check` must name every one with
its reason, all at once, and none of them may reach the built site, even when the
pages are written without the check (``write_docs``).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.data import DataError, Project, load_dataset, load_project
from generator.data.content import content_files
from generator.pages import published_content

from .conftest import ROOT
from .site_helpers import build_example

PNG = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"
ALLOWED = ".md (pages) and .png, .jpg, .gif or .webp (pictures)"
SECRET = "TOP-SECRET-FROM-OUTSIDE"


def wres(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True, cwd=ROOT, check=False)


@pytest.fixture
def hostile(example_copy: Path, tmp_path: Path) -> Path:
    """The example project with one hostile file of each kind in content/; returns the project folder."""
    root = example_copy.parent
    content = root / "content"
    outside = tmp_path / "outside"
    (outside / "folder").mkdir(parents=True)
    (outside / "secret.md").write_text(f"# {SECRET}\n")
    (outside / "folder" / "page.md").write_text(f"# {SECRET}\n")
    (content / "secret.md").symlink_to(outside / "secret.md")
    (content / "passwd.md").symlink_to("/etc/passwd")
    (content / "linked").symlink_to(outside / "folder", target_is_directory=True)
    (content / "page.html").write_text("<script>alert(1)</script>")
    (content / "x.js").write_text("alert(1)")
    (content / "chart.png").write_text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')
    (content / "picture.txt").write_bytes(PNG)
    (content / "zz<script src=\\x.js>.md").write_text("# Hi\n")
    (content / "Our Story.md").write_text("# Our story\n")
    return root


def test_check_names_every_hostile_file_and_why(hostile: Path):
    result = wres("check", "--project", str(hostile))

    assert result.returncode == 1 and "Traceback" not in result.stderr
    content = hostile / "content"
    assert result.stderr.splitlines() == [
        f"{content}/Our Story.md:1: the name has characters a web address or the menu cannot carry safely (space): "
        "use only letters a-z, digits, '-', '_' and '.', e.g. Our-Story.md",
        f"{content}/chart.png:1: is named .png but its contents are not a picture; export it again as PNG "
        "(or give it the right extension)",
        f"{content}/linked:1: is a link (symlink) to a folder elsewhere: nothing is published through a link; "
        "put the folder itself in content/",
        f"{content}/page.html:1: a file ending .html cannot be published (web pages, scripts and styles would run "
        f"on the site): content/ may hold only {ALLOWED}",
        f"{content}/passwd.md:1: is a link (symlink) to a file elsewhere: nothing is published through a link; "
        "put the file itself in content/",
        f"{content}/picture.txt:1: a file ending .txt cannot be published: content/ may hold only {ALLOWED}; "
        "it is a PNG picture: give it the right extension",
        f"{content}/secret.md:1: is a link (symlink) to a file elsewhere: nothing is published through a link; "
        "put the file itself in content/",
        f"{content}/x.js:1: a file ending .js cannot be published (web pages, scripts and styles would run on the site): "
        f"content/ may hold only {ALLOWED}",
        f"{content}/zz<script src=\\x.js>.md:1: the name has characters a web address or the menu cannot carry safely "
        "(space < = > \\): use only letters a-z, digits, '-', '_' and '.', e.g. zz-script-src-x-js.md",
        "9 problems found. Nothing was written; fix the lines above and run again.",
    ]


def test_an_svg_other_than_the_logo_is_refused(example_copy: Path):
    content = example_copy.parent / "content"
    (content / "chart.svg").write_bytes((content / "logo.svg").read_bytes())  # harmless, but SVG can carry script

    with pytest.raises(DataError) as error:
        load_project(Project.folder(example_copy.parent))

    assert [p.path.rsplit("/", 1)[-1] for p in error.value.problems] == ["chart.svg"]
    assert error.value.problems[0].message.startswith("SVG pictures can carry script")


def test_a_linked_content_folder_is_refused(example_copy: Path, tmp_path: Path):
    root = example_copy.parent
    (root / "content").rename(tmp_path / "elsewhere")
    (root / "content").symlink_to(tmp_path / "elsewhere", target_is_directory=True)

    with pytest.raises(DataError) as error:
        load_project(Project.folder(root))

    assert [str(p) for p in error.value.problems][0].endswith(
        "content:1: is a link (symlink) to a folder elsewhere: nothing is published through a link; make content/ a "
        "real folder in the project and put the pages in it")


def test_pages_and_pictures_of_every_allowed_type_are_published(example_copy: Path, tmp_path: Path):
    content = example_copy.parent / "content"
    pictures = {"a.png": PNG, "b.JPG": b"\xff\xd8\xff\xe0\0\x10JFIF", "c.gif": b"GIF89a\x01\0\x01\0",
                "d.webp": b"RIFF\x24\0\0\0WEBPVP8 "}
    (content / "team").mkdir()
    (content / "team" / "our-board_2024.md").write_text("# Our board\n")
    for name, data in pictures.items():
        (content / "team" / name).write_bytes(data)
    (content / ".DS_Store").write_bytes(b"\0\1")  # hidden: left out without a word

    files, problems = content_files(content, content / "logo.svg")

    assert problems == []
    assert [f.name for f in files] == ["about.md", "team/a.png", "team/b.JPG", "team/c.gif", "team/d.webp",
                                       "team/our-board_2024.md"]
    published, pages = published_content(content, content / "logo.svg")
    assert "team/our-board_2024.md" in pages and published["team/a.png"] == PNG


def test_the_pages_never_read_a_hostile_file_even_without_the_check(hostile: Path, tmp_path: Path):
    """The site's files are only what the policy allows, whether or not the loader refused the rest."""
    project = Project.folder(hostile)
    dataset = load_dataset(project.data_dir, project.config_file, base=project.base_dir)  # the data alone: content/ not checked
    identity = dataset.organisation.identity

    published, pages = published_content(project.content_dir, identity.logo_path if identity else None)

    assert sorted(published) == ["about.md"] and pages == ["about.md"]
    assert not any(SECRET in data.decode(errors="replace") or "root:" in data.decode(errors="replace") for data in published.values())


def test_a_build_with_a_hostile_file_is_refused_and_writes_no_site(hostile: Path, tmp_path: Path):
    with pytest.raises(DataError) as error:
        build_example(tmp_path / "site", hostile / "data")

    assert len(error.value.problems) == 9
    assert not (tmp_path / "site").exists()
