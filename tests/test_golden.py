"""Golden files: the generated Markdown and CSV for the example data.

After an intended change, refresh them with `make golden` and read the diff
(`git diff tests/golden`) before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.metrics import compute_metrics
from generator.pages import render_pages

from .conftest import load_example

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("WRES_UPDATE_GOLDEN") == "1"


def generated() -> dict[str, str]:
    dataset = load_example()
    return {page.path: page.text for page in render_pages(dataset, compute_metrics(dataset))}


PAGES = generated()


def _refresh() -> None:
    for path in GOLDEN.rglob("*"):
        if path.is_file():
            path.unlink()
    for name, text in PAGES.items():
        (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
        (GOLDEN / name).write_text(text, encoding="utf-8")


if UPDATE:
    _refresh()


def test_no_golden_file_is_left_over():
    on_disk = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file()}
    assert on_disk == set(PAGES), "run 'make golden' and read the diff"


@pytest.mark.parametrize("path", sorted(PAGES))
def test_generated_page_matches_golden(path):
    golden = GOLDEN / path
    assert golden.exists(), f"no golden file for {path}: run 'make golden' and read the diff"
    assert PAGES[path] == golden.read_text(encoding="utf-8"), f"{path} changed: run 'make golden' and read the diff"
