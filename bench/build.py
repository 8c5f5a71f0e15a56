"""``wres build`` against a bare ``mkdocs build`` of the same generated Markdown, over interleaved runs.

The bare build is the floor: the Markdown ``wres build`` generates, with the same theme,
plugins and Markdown extensions, but without wres's hook (its navigation, site name and
copyright are written into the bare configuration instead). Both run as a fresh
``python -m ...`` process, so both pay the interpreter's start and their own imports.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ENV = {**os.environ, "SOURCE_DATE_EPOCH": "0", "PYTHONHASHSEED": "0"}


@dataclass
class Pairs:
    wres: list[float]
    bare: list[float]

    @property
    def ratio(self) -> float:
        return statistics.median(self.wres) / statistics.median(self.bare)


def bare_config(project_dir: Path, work: Path) -> Path:
    """Generate the Markdown as ``wres build`` does and write a hook-free MkDocs config for it; returns its path."""
    from generator.data import Project
    from generator.site.build import _generate
    from generator.site.config import mkdocs_config

    docs = work / "docs"
    site, organisation = _generate(Project.find(project_dir, None), docs)
    config = mkdocs_config(organisation, docs, work / "site")
    del config["hooks"]
    config.update(nav=site["nav"], site_name=site["site_name"], copyright=site["copyright"])
    path = work / "bare.yml"
    path.write_text(json.dumps(config, indent=1), encoding="utf-8")
    return path


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def wres_command(project_dir: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "generator", "build", "--project", str(project_dir), "--out", str(out)]


def compare(project_dir: Path, work: Path, pairs: int = 7) -> Pairs:
    """``pairs`` runs of each, alternating (wres first, then bare first), after one warm-up of each."""
    work.mkdir(parents=True, exist_ok=True)
    config = bare_config(project_dir, work)
    wres = wres_command(project_dir, work / "wres-site")
    bare = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config)]
    timed(wres), timed(bare)
    out = Pairs([], [])
    for i in range(pairs):
        order = [(wres, out.wres), (bare, out.bare)]
        for command, into in order if i % 2 == 0 else reversed(order):
            into.append(timed(command))
    shutil.rmtree(work / "site", ignore_errors=True)
    return out


def scale(work: Path, years: tuple[int, ...] = (6, 30, 60), runs: int = 3) -> dict[int, float]:
    """Median ``wres build`` time of a synthetic project of each number of years (runs interleaved across sizes)."""
    from .synth import make_project

    projects = {n: make_project(work / f"years-{n}", n) for n in years}
    times: dict[int, list[float]] = {n: [] for n in years}
    for _ in range(runs):
        for n, project in projects.items():
            times[n].append(timed(wres_command(project, work / f"years-{n}-site")))
    return {n: statistics.median(t) for n, t in times.items()}


def linear_fit(points: dict[int, float]) -> tuple[float, float, float]:
    """Least squares ``seconds = fixed + per_year * years``; returns (fixed, per_year, worst relative residual)."""
    xs, ys = list(points), list(points.values())
    slope, intercept = statistics.linear_regression(xs, ys)
    worst = max(abs(y - (intercept + slope * x)) / y for x, y in zip(xs, ys))
    return intercept, slope, worst
