"""``wres build`` against a bare ``mkdocs build`` of the same generated Markdown, over interleaved runs.

The bare build is the floor: the Markdown ``wres build`` generates, with the same theme,
plugins and Markdown extensions, but without wres's hook (its navigation, site name and
copyright are written into the bare configuration instead). A third command runs
``mkdocs build`` on the configuration ``wres build`` writes, hook included (the hook keeps
the theme's compiled templates, so this one is a little faster than the bare build). All
run as a fresh ``python -m ...`` process, so each pays the interpreter's start and its
own imports.

``wres build`` also writes one PDF per published year, cached between builds. Every timed
build here runs with a warm, bench-private cache (``WRES_CACHE_DIR`` under the bench's
work folder, filled by an untimed build first), so the timings are those of an edit to
the site that leaves the reports as they were; the time to lay out a report afresh is
measured on its own (``cold_pdf``).
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


def compiled() -> None:
    """Byte-compile the package, as pip does when it installs the wheel, so no timed run compiles it from source.

    Python writes the compiled files itself on first import, except where ``PYTHONDONTWRITEBYTECODE``
    is set (as on these machines): there, without this, every run of an editable install compiled
    every module of the package again (about 0.06 s), which no installed copy does.
    """
    import compileall

    import generator

    compileall.compile_dir(str(Path(generator.__file__).parent), quiet=1)


def use_cache(folder: Path) -> None:
    """Every build from here on (this process's and the timed ones) keeps its PDFs in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    ENV["WRES_CACHE_DIR"] = os.environ["WRES_CACHE_DIR"] = str(folder)


def cold_pdf(project_dir: Path, cache: Path) -> tuple[float, int]:
    """Seconds to make one report PDF with an empty cache (its HTML and its layout; mean over the published
    years), and how many were made. Leaves ``cache`` warm for the builds timed after it."""
    from generator.data import Project, load_project
    from generator.metrics import compute_metrics
    from generator.site.pdf import year_reports

    shutil.rmtree(cache, ignore_errors=True)
    use_cache(cache)
    dataset = load_project(Project.find(project_dir, None))
    figures = compute_metrics(dataset)
    year_reports(dataset, figures)  # imports WeasyPrint and its fonts once, as any build that makes a PDF does
    shutil.rmtree(cache)
    use_cache(cache)
    start = time.perf_counter()
    made = year_reports(dataset, figures)
    return (time.perf_counter() - start) / max(1, len(made)), len(made)


@dataclass
class Pairs:
    wres: list[float]
    bare: list[float]
    hooked: list[float]

    @property
    def ratio(self) -> float:
        return statistics.median(self.wres) / statistics.median(self.bare)

    @property
    def ratio_hooked(self) -> float:
        return statistics.median(self.wres) / statistics.median(self.hooked)


def configs(project_dir: Path, work: Path) -> tuple[Path, Path]:
    """Generate the Markdown as ``wres build`` does; write a hook-free MkDocs config for it and wres's own config."""
    from generator.data import Project
    from generator.site.build import _generate
    from generator.site.config import mkdocs_config, write_config

    docs = work / "docs"
    # the same Markdown as wres build's, links to the year PDFs included (from the warm cache)
    site, organisation = _generate(Project.find(project_dir, None), docs, pdfs=True)
    config = mkdocs_config(organisation, docs, work / "site")
    del config["hooks"]
    config.update(nav=site["nav"], site_name=site["site_name"], copyright=site["copyright"])
    path = work / "bare.yml"
    path.write_text(json.dumps(config, indent=1), encoding="utf-8")
    return path, write_config(organisation, work, docs, work / "site")


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def wres_command(project_dir: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "generator", "build", "--project", str(project_dir), "--out", str(out)]


def compare(project_dir: Path, work: Path, pairs: int = 7) -> Pairs:
    """``pairs`` rounds of the three commands, the order rotating each round, after one warm-up of each
    (the PDF cache is warm: see ``use_cache``)."""
    work.mkdir(parents=True, exist_ok=True)
    if "WRES_CACHE_DIR" not in ENV:
        use_cache(work / "cache")
    bare_file, wres_file = configs(project_dir, work)
    wres = wres_command(project_dir, work / "wres-site")
    bare = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(bare_file)]
    hooked = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(wres_file)]
    timed(wres), timed(bare), timed(hooked)
    out = Pairs([], [], [])
    order = [(wres, out.wres), (bare, out.bare), (hooked, out.hooked)]
    for i in range(pairs):
        for command, into in order[i % 3:] + order[:i % 3]:
            into.append(timed(command))
    shutil.rmtree(work / "site", ignore_errors=True)
    return out


def scale(work: Path, years: tuple[int, ...] = (6, 30, 60), runs: int = 3) -> dict[int, float]:
    """Median ``wres build`` time of a synthetic project of each number of years (runs interleaved across sizes)."""
    from .synth import make_project

    projects = {n: make_project(work / f"years-{n}", n) for n in years}
    if "WRES_CACHE_DIR" not in ENV:
        use_cache(work / "cache")
    for n, project in projects.items():
        timed(wres_command(project, work / f"years-{n}-site"))  # untimed: makes the PDFs, so the runs below hit
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
