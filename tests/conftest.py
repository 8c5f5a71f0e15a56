"""Small builders for data folders, so each test writes only the lines it is about."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_DATA = ROOT / "data"

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


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    """A private copy of the example data, safe to break."""
    target = tmp_path / "data"
    shutil.copytree(EXAMPLE_DATA, target)
    return target
