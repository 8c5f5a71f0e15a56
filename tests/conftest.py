"""Small builders for data folders, so each test writes only the lines it is about."""

from __future__ import annotations

import os
import shutil
import tempfile
import textwrap
from pathlib import Path

import pytest

from generator.data import Dataset, Project, load_project
from generator.metrics import Metrics, Row

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT  # the example trust's project: the repository's root is a trust's MkDocs project
EXAMPLE_DATA = EXAMPLE / "data"
PROJECT_FILES = ("mkdocs.yml", "content", "data", "theme_overrides")  # what a trust's project holds (no code)


SESSION_FOLDER = pytest.StashKey[Path]()


def pytest_configure(config: pytest.Config) -> None:
    """Each test session gets a folder of its own, shared by its xdist workers (which inherit the environment of
    the process that starts them) and by the commands tests run: its PDF cache (never the user's) and the
    sites built once (``site_helpers.built_once``)."""
    if hasattr(config, "workerinput") and os.environ.get("WRES_TEST_SESSION"):
        return  # an xdist worker: its session's folder is already set
    folder = Path(tempfile.mkdtemp(prefix="wres-tests-"))
    os.environ["WRES_TEST_SESSION"] = str(folder)
    os.environ["WRES_CACHE_DIR"] = str(folder / "cache")
    config.stash[SESSION_FOLDER] = folder


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    log = config.stash[SESSION_FOLDER] / "builds.log" if SESSION_FOLDER in config.stash else None
    builds = log.read_text(encoding="utf-8").splitlines() if log and log.exists() else []
    if builds:
        terminalreporter.write_line(f"example builds this session: {len(builds)}"
                                    f" ({builds.count('the example')} of the unchanged example)")


def pytest_unconfigure(config: pytest.Config) -> None:
    if SESSION_FOLDER in config.stash:
        shutil.rmtree(config.stash[SESSION_FOLDER], ignore_errors=True)


def copy_project(target: Path, source: Path = EXAMPLE) -> Path:
    """Copy the example trust's project (its files, not the repository's code) to ``target``; returns ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        path = source / name
        if path.is_dir():
            shutil.copytree(path, target / name)
        elif path.exists():
            shutil.copy2(path, target / name)
    return target

ORGANISATION = """\
name: Test Hospitals NHS Trust
contact_email: equality@test.example.nhs.uk
"""


def write_data(folder: Path, years: dict[int | str, str], organisation: str = ORGANISATION) -> Path:
    """A data folder with ``organisation.yaml`` and one ``years/<name>.yaml`` per entry."""
    (folder / "years").mkdir(parents=True, exist_ok=True)
    (folder / "organisation.yaml").write_text(textwrap.dedent(organisation), encoding="utf-8")
    for name, text in years.items():
        file_name = name if isinstance(name, str) else f"{name}.yaml"
        (folder / "years" / file_name).write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


def one_row(metrics: Metrics, year: int, indicator: int, measure: str, breakdown: str = "") -> Row:
    """The one figure at that place in the metrics table (a test fails if there are none, or several)."""
    rows = metrics.where(year=year, indicator=indicator, measure=measure, breakdown=breakdown)
    assert len(rows) == 1, f"expected one row for {year} {indicator} {breakdown!r} {measure}, found {len(rows)}"
    return rows.rows[0]


def load_example(project: Path = EXAMPLE) -> Dataset:
    """The validated data of the example project (or of a copy of it)."""
    return load_project(Project.folder(project))


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    """A private copy of the example project, safe to break; returns its data folder."""
    return copy_project(tmp_path / "project") / "data"
