"""MkDocs in a child process (site/worker.py): light to start, the same site, the same errors, never left running."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.data import DataError, Project
from generator.site import build as build_module
from generator.site import worker
from generator.site.config import mkdocs_config
from generator.site.out_dir import MARKER

from .conftest import EXAMPLE, ROOT, load_example
from .site_helpers import build_example, copy_data

HEAVY = ("generator.data", "generator.metrics", "generator.pages.render", "pandas", "pydantic", "ruamel")


def imported(*args: str) -> set[str]:
    """The modules a fresh interpreter imports running ``args``, with its standard input closed."""
    result = subprocess.run([sys.executable, "-X", "importtime", *args], capture_output=True, text=True,
                            stdin=subprocess.DEVNULL, cwd=ROOT, check=True)
    return {line.rsplit("|", 1)[1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}


def children() -> list[int]:
    """This process's child processes (Linux: /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # ended while being read
            continue
        if int(fields[1]) == os.getpid() and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


@pytest.fixture
def left_behind() -> Callable[[], set[int]]:
    """The child processes of this process started since the test began and still running.

    Other tests in the same pytest worker may keep processes of their own (a browser, a server)."""
    before = set(children())
    return lambda: set(children()) - before


@pytest.fixture
def started(monkeypatch) -> list[worker.MkDocsWorker]:
    """Every MkDocs worker the build starts, kept to check it ended."""
    made: list[worker.MkDocsWorker] = []

    class Recorded(worker.MkDocsWorker):
        def __init__(self) -> None:
            super().__init__()
            made.append(self)

    monkeypatch.setattr(build_module, "MkDocsWorker", Recorded)
    return made


def test_the_worker_imports_mkdocs_and_nothing_of_the_pipeline():
    modules = imported(str(worker.SCRIPT))
    assert set(worker.WARM) <= modules
    assert not [name for name in modules if name.startswith(HEAVY)]


def test_wres_imports_nothing_of_the_pipeline_before_it_starts_mkdocs():
    modules = imported("-c", "import generator.cli, generator.site.worker")
    assert not [name for name in modules if name.startswith(HEAVY)]
    assert not [name for name in modules if name.startswith("mkdocs")], "MkDocs starts in the child, not here"


def test_the_worker_warms_the_extensions_the_configuration_uses(tmp_path):
    config = mkdocs_config(load_example().organisation, tmp_path / "docs", tmp_path / "site")
    names = [next(iter(item)) if isinstance(item, dict) else item for item in config["markdown_extensions"]]
    assert set(names) <= set(worker.MARKDOWN_EXTENSIONS)
    assert config["theme"]["name"] == "material" and config["plugins"] == ["search"]


def test_the_site_is_what_mkdocs_builds_in_process(tmp_path, started):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    out = build_example(tmp_path / "site")
    assert len(started) == 1 and started[0]._process.returncode == 0
    # the same Markdown and configuration, built in this process as wres built it before the worker
    docs, site = tmp_path / "work" / "docs", tmp_path / "work" / "site"
    _, organisation = build_module._generate(Project.folder(EXAMPLE), docs, pdfs=True)
    config = load_config(str(build_module.write_config(organisation, tmp_path / "work", docs, site)), strict=True)
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = before or "0"
    try:
        build(config)
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]
    files = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    assert (out / MARKER).is_file(), "wres marks its site, so a later build may replace it"
    assert files == sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file() and p.name != MARKER)
    assert [p for p in files if (site / p).read_bytes() != (out / p).read_bytes()] == []


def test_a_data_error_ends_the_worker_and_publishes_nothing(tmp_path, started, left_behind):
    data = copy_data(tmp_path / "project")
    year = data / "years" / "2024.yaml"
    year.write_text(year.read_text().replace("appointed: {white: 900", "appointed: {white: 9000"))
    with pytest.raises(DataError):
        build_example(tmp_path / "site", data)
    assert len(started) == 1 and started[0]._process.returncode is not None, "the worker has ended"
    assert left_behind() == set(), "no process is left behind"
    assert not (tmp_path / "site").exists()


def test_ctrl_c_during_generation_ends_the_worker(tmp_path, started, left_behind, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(build_module, "_generate", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build_example(tmp_path / "site")
    assert started[0]._process.returncode is not None and left_behind() == set()


def test_a_mkdocs_failure_shows_each_warning_in_full_and_keeps_the_site(tmp_path, started):
    data = copy_data(tmp_path / "project")
    out = build_example(tmp_path / "site", data)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    (data.parent / "content" / "about.md").write_text("# About\n\nSee [the missing page](missing.md).\n")
    result = subprocess.run([sys.executable, "-m", "generator", "build", "--project", str(data.parent), "--out", str(out)],
                            capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == ("Error: the site was not built, and the previous site is unchanged: "
                             "Aborted with 1 warnings in strict mode!\n"
                             "WARNING -  Doc file 'about.md' contains a link 'missing.md', but the target is not found "
                             "among documentation files.\n")
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert not list(tmp_path.glob(".wres-build-*")), "temporary build folders are cleaned up"


def test_the_build_says_what_it_said_before(tmp_path):
    out = tmp_path / "site"
    result = subprocess.run([sys.executable, "-m", "generator", "build", "--project", str(EXAMPLE), "--out", str(out)],
                            capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "" and result.stdout == f"Built the site into {out}/ (the figures are in {out}/wres-indicators.csv).\n"


@pytest.mark.skipif(sys.platform == "win32", reason="process groups and SIGINT as a terminal sends them: POSIX")
@pytest.mark.parametrize("after", [0.4, 0.9, 1.4])  # generating (the child waiting), then likely the child building
def test_ctrl_c_in_a_terminal_ends_both_processes_quietly(tmp_path, after):
    process = subprocess.Popen([sys.executable, "-m", "generator", "build", "--project", str(EXAMPLE), "--out", str(tmp_path / "site")],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, start_new_session=True)
    time.sleep(after)
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C does: the whole foreground group
    _, err = process.communicate(timeout=30)
    assert "Traceback" not in err
    time.sleep(0.2)
    with pytest.raises(ProcessLookupError):
        os.killpg(process.pid, 0)
    assert not list(tmp_path.glob(".wres-build-*")), "the work folder is removed"
    if process.returncode == 0:  # the build had already finished: a whole site, nothing half done
        assert (tmp_path / "site" / "index.html").is_file()
    else:
        assert not (tmp_path / "site").exists()


def test_the_theme_listing_gives_mkdocs_the_same_files_without_walking_the_icons(tmp_path):
    """The hook lists the theme without its hidden folders (Material's 14,000 icons): MkDocs copies the same files."""
    import jinja2
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files

    from generator.site.mkdocs_hooks import ThemeLoader

    (tmp_path / "docs").mkdir()
    config = load_config(str(build_module.write_config(load_example().organisation, tmp_path, tmp_path / "docs", tmp_path / "site")))
    env = config.theme.get_env()  # MkDocs' own: the hook's on_config has not run
    assert type(env.loader) is jinja2.FileSystemLoader
    copied = {}
    for loader in (env.loader, ThemeLoader(env.loader.searchpath)):
        env.loader = loader
        files = Files([])
        files.add_files_from_theme(env, config)
        copied[type(loader).__name__] = [(f.src_uri, f.abs_src_path) for f in files]
    assert copied["ThemeLoader"] == copied["FileSystemLoader"] and len(copied["ThemeLoader"]) > 20
    assert len(ThemeLoader(env.loader.searchpath).list_templates()) * 10 < len(jinja2.FileSystemLoader(env.loader.searchpath).list_templates())


def test_a_configuration_mkdocs_refuses_is_raised_as_in_process_and_publishes_nothing(tmp_path, started, left_behind, monkeypatch):
    from mkdocs.exceptions import ConfigurationError

    write_config = build_module.write_config

    def unknown_theme(*args, **kwargs):
        path = write_config(*args, **kwargs)
        path.write_text(path.read_text(encoding="utf-8").replace('"name": "material"', '"name": "no-such-theme"'), encoding="utf-8")
        return path

    monkeypatch.setattr(build_module, "write_config", unknown_theme)
    with pytest.raises(ConfigurationError, match="configuration error"):
        build_example(tmp_path / "site")
    assert started[0]._process.returncode is not None and left_behind() == set()
    assert not (tmp_path / "site").exists() and not list(tmp_path.glob(".wres-build-*"))
