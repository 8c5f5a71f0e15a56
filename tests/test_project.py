"""A trust's own project folder: wres init, --project and --data from anywhere, drafts, publish, corrections."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from generator.data import DataError, Project, load_dataset, load_project
from generator.site import build_site

from .conftest import ROOT
from .site_helpers import visible_text
from .test_cli import wres

LEGACY = ROOT / "tests" / "fixtures" / "legacy-data"  # data files exactly as they were before projects existed

YEAR_2024 = """\
year: 2024
label: "2023/24"
indicator_2:
  shortlisted: {white: 1200, bme: 800, unknown: 40}
  appointed: {white: 300, bme: 120, unknown: 8}
indicator_5: {white: 27.5, bme: 30.1}
"""


def new_project(tmp_path: Path, name: str = "Anytown Hospitals NHS Trust") -> Path:
    folder = tmp_path / "anytown"
    result = wres("init", str(folder), "--name", name, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    (folder / "data" / "years" / "2024.yaml").write_text(YEAR_2024)
    return folder


def test_init_writes_a_project_a_comms_team_can_follow(tmp_path):
    folder = tmp_path / "anytown"
    result = wres("init", str(folder), "--name", "Anytown: Hospitals \"NHS\" Trust", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    for name in ("mkdocs.yml", "data/organisation.yaml", "theme_overrides/README.md", "README.md", "content/about.md",
                 ".gitignore", ".github/workflows/publish.yml",
                 "data/schema/year.schema.json", "data/schema/organisation.schema.json", "data/years/.gitkeep"):
        assert (folder / name).is_file(), name
    assert "wres build" in (folder / ".github" / "workflows" / "publish.yml").read_text()
    assert "any other host" in (folder / "README.md").read_text().lower()
    # a name with a colon and quotes stays a name
    check = wres("check", cwd=folder)
    assert "there are no year files yet" in check.stderr and "Traceback" not in check.stderr
    (folder / "data" / "years" / "2024.yaml").write_text(YEAR_2024)
    assert load_project(Project.folder(folder)).organisation.name == 'Anytown: Hospitals "NHS" Trust'
    again = wres("init", str(folder), cwd=tmp_path)
    assert again.returncode == 1 and "already a project" in again.stderr


def test_commands_work_inside_the_project_and_with_project_from_anywhere(tmp_path):
    folder = new_project(tmp_path)
    inside = wres("build", cwd=folder)
    assert inside.returncode == 0, inside.stderr
    assert (folder / "site" / "index.html").is_file()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    for args in (["check"], ["metrics", "--out", str(tmp_path / "m.csv")], ["build", "--out", str(tmp_path / "out")]):
        result = wres(*args, "--project", str(folder), cwd=elsewhere)
        assert result.returncode == 0, (args, result.stderr)
    assert (tmp_path / "out" / "indicators" / "indicator-2" / "index.html").is_file()
    outside = wres("check", cwd=elsewhere)
    assert outside.returncode == 1 and "mkdocs.yml is missing" in outside.stderr and "Traceback" not in outside.stderr


def test_nothing_of_the_example_reaches_another_trusts_site(tmp_path):
    folder = new_project(tmp_path)
    (folder / "content" / "about.md").write_text("# About Anytown\n\nOur own words.\n")
    build_site(Project.folder(folder), tmp_path / "site")
    texts = [p.read_text(errors="replace") for p in (tmp_path / "site").rglob("*") if p.is_file() and p.suffix in (".html", ".json", ".csv", ".xml")]
    assert texts
    for text in texts:
        assert "kingsmere" not in text.lower()
    about = (tmp_path / "site" / "about" / "index.html").read_text()
    assert "Our own words." in about
    assert "<title>About Anytown - Anytown Hospitals NHS Trust WRES</title>" in about


def test_a_bare_data_folder_still_works_with_data_from_any_folder(tmp_path):
    """Data files written before project folders and drafts existed load and build unchanged."""
    before = {p: p.read_bytes() for p in LEGACY.rglob("*") if p.is_file()}
    assert [y.status for y in load_dataset(LEGACY).years] == ["published"] * 4
    for args in (["check"], ["metrics", "--out", str(tmp_path / "m.csv")], ["build", "--out", str(tmp_path / "out")]):
        result = wres(*args, "--data", str(LEGACY), cwd=tmp_path)
        assert result.returncode == 0, (args, result.stderr)
    assert (tmp_path / "out" / "years" / "2024" / "index.html").is_file()
    assert not (tmp_path / "out" / "about").exists(), "a bare data folder has no hand-written pages"
    assert {p: p.read_bytes() for p in LEGACY.rglob("*") if p.is_file()} == before


def test_a_draft_is_checked_and_previewed_but_never_built(tmp_path):
    folder = new_project(tmp_path)
    result = wres("new-year", "2025", cwd=folder)
    assert result.returncode == 0, result.stderr
    year_file = folder / "data" / "years" / "2025.yaml"
    assert re.search(r"^status: draft", year_file.read_text(), re.M)
    assert "2025 (draft)" in wres("check", cwd=folder).stdout
    project = Project.folder(folder)
    assert [y.year for y in load_project(project, drafts=True).years] == [2024, 2025]
    assert [y.year for y in load_project(project, drafts=False).years] == [2024]
    build_site(project, tmp_path / "site")
    assert not (tmp_path / "site" / "years" / "2025").exists()
    assert ",2025," not in (tmp_path / "site" / "wres-indicators.csv").read_text()
    assert "2024/25" not in (tmp_path / "site" / "index.html").read_text()
    # a half-written draft never stops the published site from building
    year_file.write_text(year_file.read_text() + "indicatr_3: {}\n")
    build_site(project, tmp_path / "site")
    assert "unknown key 'indicatr_3'" in wres("check", cwd=folder).stderr


def publish(folder: Path, year: int, on: str) -> None:
    result = wres("publish", str(year), "--on", on, cwd=folder)
    assert result.returncode == 0, result.stderr


def test_publish_freezes_the_figures_and_a_change_needs_a_correction(tmp_path):
    folder = new_project(tmp_path)
    wres("new-year", "2025", cwd=folder)
    year_file = folder / "data" / "years" / "2025.yaml"
    year_file.write_text(year_file.read_text().replace("# shortlisted: {white: , bme: , unknown: }", "shortlisted: {white: 1000, bme: 900, unknown: 10}")
                         .replace("# appointed: {white: , bme: , unknown: }", "appointed: {white: 250, bme: 150, unknown: 2}"))
    publish(folder, 2025, "2025-07-01")
    text = year_file.read_text()
    assert re.search(r"^status: published", text, re.M) and "# WRES 2025" in text, "publish keeps the file's comments"
    frozen = (folder / "data" / "published" / "2025.csv").read_text()
    assert frozen.startswith("# published 2025-07-01") and "2,,relative_likelihood," in frozen
    project = Project.folder(folder)
    build_site(project, tmp_path / "site")
    assert (tmp_path / "site" / "years" / "2025" / "index.html").is_file()

    # a published figure changes, with no correction: the build stops and says which figure and what to do
    year_file.write_text(year_file.read_text().replace("appointed: {white: 250, bme: 150", "appointed: {white: 250, bme: 180"))
    with pytest.raises(DataError) as caught:
        build_site(project, tmp_path / "site")
    message = str(caught.value)
    line = next(i for i, text in enumerate(year_file.read_text().splitlines(), 1) if text.startswith("indicator_2:"))
    assert f"2025.yaml:{line}: indicator_2: a published figure changed: indicator 2 relative likelihood was 1.5 when published and is now 1.25" in message
    assert "record it under 'corrections:'" in message and "indicators: [2]" in message
    assert (tmp_path / "site" / "years" / "2025" / "index.html").is_file(), "the previous site stays"

    # a correction dated before the figures were frozen does not cover a later change
    correction = textwrap.dedent("""\
        corrections:
          - date: {date}
            indicators: [2]
            what: The relative likelihood of appointment was 1.50; it is 1.25.
            why: Thirty appointments had been recorded against the wrong year.
        """)
    original = year_file.read_text()
    year_file.write_text(original + correction.format(date="2025-06-30"))
    with pytest.raises(DataError, match="The correction dated 2025-06-30 is earlier than the day the figures were frozen "
                                        r"\(2025-07-01\), so it cannot be the correction of this change"):
        build_site(project, tmp_path / "site")
    # wres check says so too, before anyone builds
    check = wres("check", cwd=folder / "data" / "years")  # from a subfolder, as git finds its repository
    assert check.returncode == 1 and "is earlier than the day the figures were frozen" in check.stderr
    year_file.write_text(original + correction.format(date="2025-09-02"))
    build_site(project, tmp_path / "site")
    site = tmp_path / "site"
    for page in ("years/2025/index.html", "indicators/indicator-2/index.html"):
        text = visible_text((site / page).read_text())
        assert "Correction" in text and "2 September 2025" in text and "Thirty appointments had been recorded" in text, page
    assert "wres-correction" not in (site / "indicators" / "indicator-5" / "index.html").read_text()
    log = visible_text((site / "corrections" / "index.html").read_text())
    assert "2 September 2025: 2024/25 figures" in log and "Affects indicator 2" in log
    assert 'href="corrections/"' in (site / "index.html").read_text(), "the corrections log is in the navigation"


def test_check_reminds_of_published_years_whose_figures_are_not_frozen(tmp_path):
    folder = new_project(tmp_path)
    result = wres("check", cwd=folder)
    assert result.returncode == 0
    assert "(1 year: 2024)" in result.stdout
    assert "Note: 2024 counts as published but its figures are not frozen; run 'wres publish 2024'" in result.stdout
    publish(folder, 2024, "2024-07-01")
    assert "Note:" not in wres("check", cwd=folder).stdout


def test_a_hand_edited_frozen_file_is_refused(tmp_path):
    folder = new_project(tmp_path)
    publish(folder, 2024, "2024-07-01")
    frozen = folder / "data" / "published" / "2024.csv"
    frozen.write_text(frozen.read_text().split("\n", 1)[1])
    result = wres("build", cwd=folder)
    assert result.returncode == 1 and "changed by hand" in result.stderr and "Traceback" not in result.stderr


def test_publish_refuses_a_year_with_problems_or_no_file(tmp_path):
    folder = new_project(tmp_path)
    missing = wres("publish", "2030", cwd=folder)
    assert missing.returncode == 1 and "wres new-year 2030" in missing.stderr
    (folder / "data" / "years" / "2024.yaml").write_text(YEAR_2024.replace("bme: 120", "bme: 1200"))
    broken = wres("publish", "2024", cwd=folder)
    assert broken.returncode == 1 and "1200 appointed but only 800 shortlisted" in broken.stderr
    assert not (folder / "data" / "published" / "2024.csv").exists()


def test_a_changed_figure_is_described_in_the_trusts_own_words():
    from generator.data import Terminology
    from generator.site.published import Change

    change = Change(2, "", "likelihood_bme", 30.11, 27.5)
    assert change.describe(Terminology(bme="ethnically diverse")) == (
        "likelihood (ethnically diverse) was 30.11 when published and is now 27.5")
