"""The repository is a MkDocs project: `mkdocs build` and `mkdocs serve` make the site `wres build` makes.

The `wres` plugin (generator/plugin.py) is what makes it so: listed in mkdocs.yml and registered
under the `mkdocs.plugins` entry point, it adds the report's pages to any MkDocs build of the project.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, copy_project
from .test_serve import fetch, free_port, wait_for

BIN = Path(sys.executable).parent
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "0"}
MARKER = ".wres-site"  # written by `wres build` only: it marks a folder the build may replace


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(list(args), cwd=cwd, capture_output=True, text=True, env=ENV, check=False)


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file() and p.name != MARKER}


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("plugin") / "project")


@pytest.fixture(scope="module")
def wres_site(project: Path) -> dict[str, bytes]:
    result = run(str(BIN / "wres"), "build", "--out", str(project.parent / "wres-site"), cwd=project)
    assert result.returncode == 0, result.stderr
    assert (project.parent / "wres-site" / MARKER).is_file()
    return files(project.parent / "wres-site")


def test_mkdocs_build_makes_the_site_wres_build_makes_byte_for_byte(project, wres_site):
    result = run(str(BIN / "mkdocs"), "build", "--strict", "-d", str(project.parent / "mkdocs-site"), cwd=project)
    assert result.returncode == 0, result.stderr
    built = files(project.parent / "mkdocs-site")
    assert sorted(built) == sorted(wres_site)
    assert [name for name in built if built[name] != wres_site[name]] == []
    assert any(name.startswith("reports/") and name.endswith(".pdf") for name in built), "the PDFs are part of it"


def test_properdocs_builds_the_project(project, wres_site):
    """The ProperDocs fork of MkDocs 1.6 runs the same plugin: the same site but for its name in the generator tag."""
    properdocs = shutil.which("properdocs", path=str(BIN)) or shutil.which("properdocs")
    if properdocs is None:
        pytest.skip("ProperDocs is not installed (it is in the test extras)")
    result = run(properdocs, "build", "--strict", "-f", "mkdocs.yml", "-d", str(project.parent / "properdocs-site"), cwd=project)
    assert result.returncode == 0, result.stderr
    built = files(project.parent / "properdocs-site")
    assert sorted(built) == sorted(wres_site)
    generator_tag = re.compile(rb'<meta name="generator" content="[^"]*">')
    assert [name for name in built if generator_tag.sub(b"", built[name]) != generator_tag.sub(b"", wres_site[name])] == []


def test_wres_generate_builds_with_stock_mkdocs_into_the_same_pages(project, wres_site, tmp_path):
    out = tmp_path / "generated"
    result = run(str(BIN / "wres"), "generate", "--out", str(out), cwd=project)
    assert result.returncode == 0, result.stderr
    text = (out / "mkdocs.yml").read_text(encoding="utf-8")
    assert "wres" not in re.findall(r'"plugins": \[[^\]]*\]', text)[0], "the plain mkdocs.yml lists no wres plugin"
    result = run(str(BIN / "mkdocs"), "build", "--strict", "-d", str(tmp_path / "site"), cwd=out)
    assert result.returncode == 0, result.stderr
    built = files(tmp_path / "site")
    assert sorted(built) == sorted(wres_site)
    pages = [name for name in built if name.endswith(".html")]
    assert len(pages) > 30 and [name for name in pages if built[name] != wres_site[name]] == []


def test_theme_overrides_and_a_site_name_edit_reach_every_page(tmp_path):
    project = copy_project(tmp_path / "project")
    partial = project / "theme_overrides" / "partials" / "copyright.html"
    partial.parent.mkdir(parents=True, exist_ok=True)
    partial.write_text('<div class="md-copyright">Our own footer line</div>\n', encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("site_name: Kingsmere Hospitals WRES and WDES", "site_name: Kingsmere & Co WRES"),
                      encoding="utf-8")
    result = run(str(BIN / "mkdocs"), "build", "-d", str(tmp_path / "site"), cwd=project)
    assert result.returncode == 0, result.stderr
    pages = sorted((tmp_path / "site").rglob("*.html"))
    assert len(pages) > 30
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "Our own footer line" in html, page
        assert re.search(r"<title>[^<]*Kingsmere &amp; Co WRES</title>", html), page
        assert 'title="Kingsmere &amp; Co WRES" class="md-header__button md-logo"' in html, page  # escaped once


def test_a_content_page_never_silently_replaces_a_generated_one(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "content" / "index.md").write_text("# Our own home page\n\nWelcome.\n", encoding="utf-8")
    result = run(str(BIN / "wres"), "build", "--out", str(tmp_path / "site"), cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert ("content/index.md: this page has the same path as a page the report makes (index.md); rename yours, or, if it "
            "is meant to replace the report's, list it under the wres plugin in mkdocs.yml: replace: [index.md]") in result.stderr
    assert not (tmp_path / "site").exists()
    # said in mkdocs.yml, it replaces the generated home page, which the menu lists once
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("      data_dir: data ", "      replace: [index.md]\n      data_dir: data "),
                      encoding="utf-8")
    result = run(str(BIN / "wres"), "build", "--out", str(tmp_path / "site"), cwd=project)
    assert result.returncode == 0, result.stderr
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "Our own home page" in home and "At a glance" not in home
    menu = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>\s*</div>\s*</div>', home, re.S).group(0)
    assert menu.count('href="."') + menu.count('href="./"') <= 2 and len(re.findall(r">\s*Home\s*<", menu)) == 1


def test_a_nav_in_mkdocs_yml_wins_and_places_the_generated_pages(tmp_path):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + (
        "nav:\n  - Home: index.md\n  - About us: about.md\n  - Indicator 2: indicators/indicator-2.md\n"
        "  - Everything else:\n    - Methodology: methodology.md\n    - Data: data.md\n"), encoding="utf-8")
    config.write_text(config.read_text(encoding="utf-8").replace("    omitted_files: warn", "    omitted_files: info"), encoding="utf-8")
    result = run(str(BIN / "mkdocs"), "build", "--strict", "-d", str(tmp_path / "site"), cwd=project)
    assert result.returncode == 0, result.stderr
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    menu = home[home.index('md-nav--primary'):]
    labels = [label for label in re.findall(r'<span class="md-ellipsis">\s*([^<]+?)\s*</span>', menu)
              if label in ("About us", "Indicator 2", "Everything else", "Methodology", "Data", "Reports by year")]
    assert labels == ["About us", "Indicator 2", "Everything else", "Methodology", "Data"], labels


@pytest.mark.parametrize(("edit", "message"), [
    (("strict: true", "strict: false"),
     "strict: the WRES site needs 'strict: true', so that a broken link or a warning stops the build instead of publishing a faulty page"),
    (("  font: false", "  font:\n    text: Roboto"),
     "theme.font: the WRES site loads nothing from another host: write 'font: false' under theme (Material would load Google Fonts)"),
    (("  - admonition\n", ""), "markdown_extensions: the report's pages need these Markdown extensions: add admonition to markdown_extensions"),
])
def test_a_mkdocs_yml_that_contradicts_what_the_site_needs_is_an_error(tmp_path, edit, message):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert edit[0] in text
    config.write_text(text.replace(edit[0], edit[1], 1), encoding="utf-8")
    check = run(str(BIN / "wres"), "check", cwd=project)
    assert check.returncode == 1 and "Traceback" not in check.stderr and message in check.stderr, check.stderr
    assert re.search(r"^mkdocs\.yml:\d+: ", check.stderr, re.M)
    build = run(str(BIN / "mkdocs"), "build", "-d", str(tmp_path / "site"), cwd=project)
    assert build.returncode != 0 and message in build.stderr


def test_wres_init_makes_a_project_mkdocs_builds_and_serves(tmp_path):
    result = run(str(BIN / "wres"), "init", "anytown", "--name", "Anytown Hospitals NHS Trust", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "anytown"
    shutil.copy(ROOT / "tests" / "fixtures" / "legacy-data" / "years" / "2024.yaml", folder / "data" / "years" / "2024.yaml")
    result = run(str(BIN / "mkdocs"), "build", "--strict", cwd=folder)
    assert result.returncode == 0, result.stderr
    assert "Anytown Hospitals NHS Trust WRES" in (folder / "site" / "indicators" / "indicator-2" / "index.html").read_text()
    port = free_port()
    server = subprocess.Popen([str(BIN / "mkdocs"), "serve", "-a", f"127.0.0.1:{port}"], cwd=folder, env=ENV,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}/"
        assert wait_for(url, "At a glance", 60), "mkdocs serve did not start"
        organisation = folder / "data" / "organisation.yaml"
        organisation.write_text(organisation.read_text().replace("bme: BME ", "bme: ethnically diverse "), encoding="utf-8")
        assert wait_for(url + "indicators/indicator-2/", "ethnically diverse", 30), "an edit to data/ did not show"
        assert "ethnically diverse" in fetch(url)
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=20)


def test_a_project_made_before_mkdocs_yml_still_builds(tmp_path):
    """A project with wres.yaml beside data/ (made by an earlier wres init) builds with wres init's mkdocs.yml."""
    project = copy_project(tmp_path / "project")
    (project / "mkdocs.yml").unlink()
    shutil.rmtree(project / "theme_overrides")
    text = (project / "data" / "organisation.yaml").read_text(encoding="utf-8")
    (project / "wres.yaml").write_text(text + "site:\n  name: Kingsmere before mkdocs.yml\n", encoding="utf-8")
    (project / "data" / "organisation.yaml").unlink()
    result = run(str(BIN / "wres"), "build", "--out", str(tmp_path / "site"), cwd=project)
    assert result.returncode == 0, result.stderr
    about = (tmp_path / "site" / "about" / "index.html").read_text(encoding="utf-8")
    assert "<title>About the WRES - Kingsmere before mkdocs.yml</title>" in about
    assert (tmp_path / "site" / "indicators" / "indicator-2" / "index.html").is_file()
