"""A deterministic project of N synthetic years, shaped like the example's latest year."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT  # the example trust's project is the repository's root
PROJECT_FILES = ("mkdocs.yml", "content", "data", "theme_overrides")


def copy_project(target: Path, ignore=None) -> Path:  # noqa: ANN001 - shutil's ignore callable
    """The example's project files (not the repository's code) copied to ``target``."""
    target.mkdir(parents=True)
    for name in PROJECT_FILES:
        if (EXAMPLE / name).is_dir():
            shutil.copytree(EXAMPLE / name, target / name, ignore=ignore)
        else:
            shutil.copy2(EXAMPLE / name, target / name)
    return target
COUNT = re.compile(r"\b(white|bme|unknown): (\d+)\b(?!\.)")
DATE = re.compile(r"\b(20\d\d)-(\d\d)-(\d\d)\b")
SHARE = re.compile(r"\b(white|bme): (\d{1,2}\.\d)\b")


def _year_text(template: str, year: int) -> str:
    """The template year moved to ``year``, its figures nudged by a factor that depends only on the year."""
    text = re.sub(r"^year: \d{4}$", f"year: {year}", template, flags=re.M)
    text = re.sub(r'^label: ".*"$', f'label: "{year - 1}/{year % 100:02d}"', text, flags=re.M)
    text = re.sub(r"^survey_year: \d{4}$", f"survey_year: {year - 1}", text, flags=re.M)
    # dates (a board approval, corrections) move with the year
    text = DATE.sub(lambda m: f"{int(m[1]) + year - 2024}-{m[2]}-{m[3]}", text)
    factor = 1 + ((year * 7) % 11 - 5) / 100  # 0.95 .. 1.05, the same for every count of a year
    text = COUNT.sub(lambda m: f"{m[1]}: {round(int(m[2]) * factor)}", text)
    return SHARE.sub(lambda m: f"{m[1]}: {min(99.9, round(float(m[2]) * factor, 1))}", text)


def make_project(target: Path, years: int, first: int = 2019) -> Path:
    """A project folder in ``target`` with ``years`` years from ``first`` (the example's config, content and plans)."""
    if target.exists():
        shutil.rmtree(target)
    copy_project(target, ignore=shutil.ignore_patterns("published", "years", "schema"))
    template = (EXAMPLE / "data" / "years" / "2024.yaml").read_text(encoding="utf-8")
    folder = target / "data" / "years"
    folder.mkdir(parents=True)
    for year in range(first, first + years):
        (folder / f"{year}.yaml").write_text(_year_text(template, year), encoding="utf-8")
    return target
