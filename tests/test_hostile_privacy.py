"""The raw counts stay private: the project says so, and the publishing recipe publishes only the built site.

``data/`` holds every count, 1 to 4 included, that the site withholds; a public project
repository would undo the suppression. (The guide's own commands run in tests/test_guide.py.)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from .conftest import EXAMPLE, ROOT

GUIDE = ROOT / "docs" / "publish-your-report.md"


def wres(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True, cwd=cwd, check=False)


def test_init_says_the_project_must_stay_private(tmp_path: Path):
    result = wres("init", "anytown", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == (
        "Keep this project private (a private repository, never a public one): data/ holds the raw counts, 1 to 4 "
        "included, that the site withholds. Publish only the built site/: README.md says how.")
    readme = (tmp_path / "anytown" / "README.md").read_text()
    assert "**Keep this folder private.**" in readme and "private repository" in readme


def test_the_workflow_publishes_only_the_built_site_and_refuses_a_public_repository(tmp_path: Path):
    wres("init", "anytown", cwd=tmp_path)
    workflow = yaml.safe_load((tmp_path / "anytown" / ".github" / "workflows" / "publish.yml").read_text())

    steps = workflow["jobs"]["publish"]["steps"]
    assert steps[0]["if"] == "${{ !github.event.repository.private }}" and "exit 1" in steps[0]["run"]
    published = [step for step in steps if "with" in step and "publish_dir" in step["with"]]
    assert [step["with"]["publish_dir"] for step in published] == ["./site"]
    assert published[0]["with"]["external_repository"] == "${{ env.SITE_REPOSITORY }}"
    assert not any("pages-artifact" in step.get("uses", "") for step in steps), "nothing of this repository goes to its own Pages"
    assert workflow["permissions"] == {"contents": "read"}


def test_the_guide_says_private_and_that_pages_from_a_private_repository_is_paid():
    guide = GUIDE.read_text()
    assert "create an empty **private** repository" in guide
    assert "GitHub Pages can\nserve a site straight from a private repository only on a paid GitHub plan" in guide


def test_publish_reminds_once(tmp_path: Path):
    shutil.copytree(EXAMPLE, tmp_path / "project")

    result = wres("publish", "2024", "--on", "2024-09-30", cwd=tmp_path / "project")

    assert result.returncode == 0, result.stderr
    reminders = [line for line in result.stdout.splitlines() if "private" in line]
    assert reminders == ["Reminder: publish only the built site/; data/ holds the raw counts and stays in a private repository."]
