"""``wres build`` against a bare ``mkdocs build`` of the same site, over interleaved runs, wall and CPU time.

The bare build is the floor: ``wres generate``'s output (the generated Markdown, assets and
reports, with a plain ``mkdocs.yml`` and no wres plugin) built by stock MkDocs. A third command
runs ``mkdocs build`` on the project itself, the plugin included, which is what ``wres build``
runs plus the atomic swap. All run as a fresh process, so each pays the interpreter's start and
its own imports. CPU time is the children's user + system time of each run (``getrusage``), and
the load average is read before and after, since the machines are shared.

``wres build`` also writes one PDF per published year, cached between builds. Every timed
build here runs with a warm, bench-private cache (``WRES_CACHE_DIR`` under the bench's
work folder, filled by an untimed build first), so the timings are those of an edit to
the site that leaves the reports as they were; the time to lay out a report afresh is
measured on its own (``cold_pdf``).

The report's part of a build (the checked data, figures, pages and charts) is kept on disk too,
while ``data/`` is unchanged (``generator/site/report_cache.py``). So ``wres build`` is timed
twice: as it is (unchanged data: an edit to ``content/``, ``mkdocs.yml`` or the theme, or a
build run again), and after an edit to ``data/`` (``edit_data``: a new comment line, so the
report is made afresh while no figure, and so no PDF, changes). The scale runs are all of the second kind.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
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
    cpu_wres: list[float]
    cpu_bare: list[float]
    load: tuple[float, float]  # the 1-minute load average before and after
    edited: list[float] = field(default_factory=list)  # ``wres build`` after an edit to data/: the report made afresh
    cpu_edited: list[float] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return _ratio(self.wres, self.bare)

    @property
    def ratio_hooked(self) -> float:
        return _ratio(self.wres, self.hooked)

    @property
    def cpu_ratio(self) -> float:
        return _ratio(self.cpu_wres, self.cpu_bare)

    @property
    def ratio_edited(self) -> float:
        return _ratio(self.edited, self.bare)

    @property
    def cpu_ratio_edited(self) -> float:
        return _ratio(self.cpu_edited, self.cpu_bare)


def _ratio(times: list[float], floor: list[float]) -> float:
    """Of the medians: one slow run (the machine is shared) moves neither."""
    return statistics.median(times) / statistics.median(floor)


def generated(project_dir: Path, work: Path) -> Path:
    """``wres generate``'s plain MkDocs project of the example (links to the PDFs from the warm cache)."""
    subprocess.run([sys.executable, "-m", "generator", "generate", "--project", str(project_dir), "--out", str(work / "generated")],
                   check=True, env=ENV, stdout=subprocess.DEVNULL)
    return work / "generated" / "mkdocs.yml"


def timed(command: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system of the child) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def wres_command(project_dir: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "generator", "build", "--project", str(project_dir), "--out", str(out)]


def edit_data(project_dir: Path) -> None:
    """An edit to ``data/`` that changes no figure: one more comment line in the organisation file. The report's
    cache key covers the file's bytes, so the report is made again; the PDFs' keys cover the data as loaded, so
    no PDF is laid out again."""
    path = project_dir / "data" / "organisation.yaml"
    with path.open("a", encoding="utf-8") as file:
        file.write("# an edit\n")


def compare(project_dir: Path, work: Path, pairs: int = 7) -> Pairs:
    """``pairs`` rounds of the four commands, the order rotating each round, after one warm-up of each
    (the PDF cache is warm: see ``use_cache``). The fourth is ``wres build`` of a copy of the project, its
    data edited before each run (``edit_data``)."""
    from .synth import copy_project

    work.mkdir(parents=True, exist_ok=True)
    if "WRES_CACHE_DIR" not in ENV:
        use_cache(work / "cache")
    bare_file = generated(project_dir, work)
    edited_project = work / "edited-project"
    shutil.rmtree(edited_project, ignore_errors=True)
    copy_project(edited_project)
    wres = wres_command(project_dir, work / "wres-site")
    edited = wres_command(edited_project, work / "edited-site")
    bare = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(bare_file), "-d", str(work / "bare-site")]
    hooked = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(project_dir / "mkdocs.yml"),
              "-d", str(work / "plugin-site")]
    timed(wres), timed(bare), timed(hooked), timed(edited)
    out = Pairs([], [], [], [], [], (os.getloadavg()[0], 0.0))
    order = [(wres, out.wres, out.cpu_wres), (bare, out.bare, out.cpu_bare), (hooked, out.hooked, None),
             (edited, out.edited, out.cpu_edited)]
    for i in range(pairs):
        for command, into, cpu in order[i % 4:] + order[:i % 4]:
            if command is edited:
                edit_data(edited_project)
            wall, used = timed(command)
            into.append(wall)
            if cpu is not None:
                cpu.append(used)
    out.load = (out.load[0], os.getloadavg()[0])
    return out


def scale(work: Path, years: tuple[int, ...] = (6, 30, 60), runs: int = 3) -> dict[int, float]:
    """Median ``wres build`` time of a synthetic project of each number of years (runs interleaved across sizes),
    each run after an edit to its data, so the report is made afresh."""
    from .synth import make_project

    projects = {n: make_project(work / f"years-{n}", n) for n in years}
    if "WRES_CACHE_DIR" not in ENV:
        use_cache(work / "cache")
    for n, project in projects.items():
        timed(wres_command(project, work / f"years-{n}-site"))  # untimed: makes the PDFs, so the runs below hit
    times: dict[int, list[float]] = {n: [] for n in years}
    for _ in range(runs):
        for n, project in projects.items():
            edit_data(project)  # the report made afresh: its making is what grows with the years
            times[n].append(timed(wres_command(project, work / f"years-{n}-site"))[0])  # wall seconds
    return {n: statistics.median(t) for n, t in times.items()}


def linear_fit(points: dict[int, float]) -> tuple[float, float, float]:
    """Least squares ``seconds = fixed + per_year * years``; returns (fixed, per_year, worst relative residual)."""
    xs, ys = list(points), list(points.values())
    slope, intercept = statistics.linear_regression(xs, ys)
    worst = max(abs(y - (intercept + slope * x)) / y for x, y in zip(xs, ys))
    return intercept, slope, worst
