"""``python -m bench`` (``make bench``): every number of issue 12 side by side, written into docs/benchmarks.md.

Options: ``--pairs N`` interleaved build rounds (default 15: on a shared machine single builds vary by a tenth of a second), ``--runs N`` builds per scale
point (default 3), ``--edits N`` preview edits (default 7), ``--skip lighthouse`` (or
``weight``, ``scale``, ``preview``, ``build``; repeatable), ``--out FILE``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
from pathlib import Path

from . import build, machine, pages, preview, rebuild
from .synth import EXAMPLE, ROOT

CHROMIUM = os.environ.get("WRES_CHROMIUM", "/usr/bin/chromium")
RATIO_TARGET = 1.15
LATENCY_TARGET = 0.5
IDLE_TARGET = 0.05
LINEAR_TARGET = 0.10  # the fit's worst point within 10% of the line
LIGHTHOUSE_PERF = {"indicators": 95}  # other page types: 98
LIGHTHOUSE_PERF_OTHER = 98


def met(ok: bool) -> str:
    return "met" if ok else "**not met**"


def kb(n: int) -> str:
    return f"{n / 1024:.1f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=15)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--edits", type=int, default=7)
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="Lighthouse runs a page type; the median is reported")
    parser.add_argument("--skip", action="append", default=[], choices=["build", "scale", "weight", "lighthouse", "preview"])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    args = parser.parse_args(argv)
    rows: list[list[str]] = []  # measure, result, target, met
    sections: list[str] = []
    lighthouse_version = "not run"
    with tempfile.TemporaryDirectory(prefix="wres-bench-") as tmp:
        work = Path(tmp)
        build.use_cache(work / "cache")  # bench-private PDF cache, warmed before anything is timed
        build.compiled()
        if "build" not in args.skip:
            print("report PDFs, cold ...", file=sys.stderr)
            per_report, reports = build.cold_pdf(EXAMPLE, work / "cache")
            rows.append([f"A report PDF made afresh (empty cache; mean of the example's {reports})",
                         f"{per_report:.2f} s a report", "(for reference; every other build here hits the cache)", ""])
            print("build vs bare MkDocs ...", file=sys.stderr)
            pairs = build.compare(EXAMPLE, work / "compare", args.pairs)
            rows.append([f"`wres build` / bare `mkdocs build`, example, data unchanged ({args.pairs} interleaved rounds, medians)",
                         f"{statistics.median(pairs.wres):.2f} s / {statistics.median(pairs.bare):.2f} s = **{pairs.ratio:.2f}×**",
                         f"≤ {RATIO_TARGET}×", met(pairs.ratio <= RATIO_TARGET)])
            rows.append(["CPU time (user + system): `wres build` / bare `mkdocs build`, data unchanged, medians",
                         f"{statistics.median(pairs.cpu_wres):.2f} s / {statistics.median(pairs.cpu_bare):.2f} s = {pairs.cpu_ratio:.2f}×",
                         f"≤ {RATIO_TARGET}×", met(pairs.cpu_ratio <= RATIO_TARGET)])
            rows.append(["`wres build` after an edit to data/ (the report made afresh) / bare `mkdocs build`, medians",
                         f"{statistics.median(pairs.edited):.2f} s / {statistics.median(pairs.bare):.2f} s = **{pairs.ratio_edited:.2f}×**",
                         f"≤ {RATIO_TARGET}×", met(pairs.ratio_edited <= RATIO_TARGET)])
            rows.append(["CPU time: `wres build` after an edit to data/ / bare `mkdocs build`, medians",
                         f"{statistics.median(pairs.cpu_edited):.2f} s / {statistics.median(pairs.cpu_bare):.2f} s = {pairs.cpu_ratio_edited:.2f}×",
                         f"≤ {RATIO_TARGET}×", met(pairs.cpu_ratio_edited <= RATIO_TARGET)])
            rows.append(["`wres build` / `mkdocs build` of the project (the wres plugin)",
                         f"{statistics.median(pairs.wres):.2f} s / {statistics.median(pairs.hooked):.2f} s = {pairs.ratio_hooked:.2f}×",
                         "(for reference)", ""])
            sections.append("Build runs (s), in order: wres " + ", ".join(f"{t:.2f}" for t in pairs.wres)
                            + "; bare (wres generate's output, stock MkDocs) " + ", ".join(f"{t:.2f}" for t in pairs.bare)
                            + "; mkdocs build of the project " + ", ".join(f"{t:.2f}" for t in pairs.hooked)
                            + "; wres build after an edit to data/ " + ", ".join(f"{t:.2f}" for t in pairs.edited)
                            + f". Load average (1 min) {pairs.load[0]:.2f} before, {pairs.load[1]:.2f} after.")
        if "scale" not in args.skip:
            print("scale in years ...", file=sys.stderr)
            points = build.scale(work / "scale", runs=args.runs)
            fixed, per_year, worst = build.linear_fit(points)
            for years, seconds in points.items():
                rows.append([f"`wres build`, {years} synthetic years (median of {args.runs})", f"{seconds:.2f} s",
                             "linear in years", ""])
            rows.append(["Linear fit: fixed + per year", f"{fixed:.2f} s + {per_year * 1000:.0f} ms a year "
                         f"(worst point {worst:.0%} off the line)", f"within {LINEAR_TARGET:.0%} of a line",
                         met(worst <= LINEAR_TARGET)])
        site = None
        if not ({"weight", "lighthouse"} <= set(args.skip)):
            site = work / "site"
            # the example built as 'wres build' builds it (not through the tests' helper, which logs into a test session)
            from generator.data import Project
            from generator.site import build_site

            build_site(Project.folder(EXAMPLE), site)
            types = pages.page_types(site)
        if "weight" not in args.skip and site is not None:
            print("page weight ...", file=sys.stderr)
            measured = pages.weights(site, types, CHROMIUM)
            heaviest = {name: path for name, (path, _) in measured.items()}
            kinds = sorted({k for _, sizes in measured.values() for k in sizes})
            head = "| page type (page) | " + " | ".join(f"{k} raw / gzip (KiB)" for k in kinds) + " | total raw / gzip (KiB) |"
            lines = [head, "| --- " * (len(kinds) + 2) + "|"]
            for name, (path, sizes) in measured.items():
                cells = [f"{kb(sizes[k]['raw'])} / {kb(sizes[k]['gzip'])}" if k in sizes else "–" for k in kinds]
                raw, gz = sum(s["raw"] for s in sizes.values()), sum(s["gzip"] for s in sizes.values())
                lines.append(f"| {name}: {len(types[name])} page{'s' if len(types[name]) > 1 else ''}, heaviest `/{path}` | " + " | ".join(cells) + f" | **{kb(raw)} / {kb(gz)}** |")
            sections.append("### Page weight\n\nPer page type, its heaviest page: everything it fetched in Chromium at 375 px until the network "
                            "was idle, scrolled to the end (lazy loads included), as files on disk and gzipped "
                            "(level 6).\n\n" + "\n".join(lines))
        if "lighthouse" not in args.skip and site is not None:
            print("lighthouse ...", file=sys.stderr)
            chosen = heaviest if "weight" not in args.skip else {name: paths[0] for name, paths in types.items()}
            scores = pages.lighthouse(site, chosen, work, args.lighthouse_runs)
            if isinstance(scores, str):
                rows.append(["Lighthouse mobile, every page type", f"not measured: {scores}", "perf ≥ 95/98, a11y 100", "unknown"])
            else:
                from generator.pages.tested_with import TESTED_WITH

                lighthouse_version = TESTED_WITH["Lighthouse"]
                for name, s in scores.items():
                    target = LIGHTHOUSE_PERF.get(name, LIGHTHOUSE_PERF_OTHER)
                    rows.append([f"Lighthouse mobile, median of {args.lighthouse_runs}, served gzip: {name} (`/{chosen[name]}`)",
                                 f"performance {s['performance']:.0f}, accessibility {s['accessibility']:.0f}",
                                 f"≥ {target}, 100", met(s["performance"] >= target and s["accessibility"] == 100)])
        if "preview" not in args.skip:
            print("preview ...", file=sys.stderr)
            result = preview.measure(work / "preview", edits=args.edits)
            rows.append([f"`wres serve`: YAML edit → page shows it (median of {args.edits}; worst)",
                         f"{result['median']:.2f} s ({result['worst']:.2f} s)", f"≤ {LATENCY_TARGET} s",
                         met(result["median"] <= LATENCY_TARGET)])
            rows.append([f"`wres serve`: edit of a page in content/ → page shows it (median of {args.edits}; worst)",
                         f"{result['content_median']:.2f} s ({result['content_worst']:.2f} s)", f"≤ {LATENCY_TARGET} s",
                         met(result["content_median"] <= LATENCY_TARGET)])
            print("preview rebuild, by phase ...", file=sys.stderr)
            split = rebuild.phases(work / "phases", runs=args.edits)
            polling, delay = rebuild.waits()
            lines = ["| phase | after a content edit (s) | after a data edit (s) |", "| --- | --- | --- |"]
            lines += [f"| {name} | {split['content'][name]:.3f} | {split['data'][name]:.3f} |" for name in split["content"]]
            sections.append("### Where the preview's time goes\n\nBefore a rebuild starts, MkDocs' `serve` polls the files "
                            f"every {polling} s (a change waits {polling / 2} s for it on average) and then waits {delay} s for "
                            "further changes; then it builds the whole site again. The rebuild in phases (medians of "
                            f"{args.edits}, one process, as `mkdocs serve` runs it; `bench/rebuild.py`):\n\n" + "\n".join(lines))
            rows.append(["`wres serve`: CPU over 10 s after the edits", f"{result['idle_cpu']:.1%} of a core",
                         f"< {IDLE_TARGET:.0%}", met(result["idle_cpu"] < IDLE_TARGET)])
    info = machine.describe(CHROMIUM, lighthouse_version)
    text = render(rows, sections, info)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


def render(rows: list[list[str]], sections: list[str], info: dict[str, str]) -> str:
    out = ["# Benchmarks", "",
           f"Written by `make bench` (`python -m bench`) on {dt.date.today().isoformat()}. Timings are noisy on a shared "
           "machine, so this is not part of `make test`; run it again to compare. How each number is taken: "
           "README, \"Benchmarks\".", "",
           "| measure | result | target | |", "| --- | --- | --- | --- |"]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    out += ["", *[s + "\n" for s in sections], "### Machine and versions", "", "| | |", "| --- | --- |"]
    out += [f"| {k} | {v} |" for k, v in info.items()]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.exit(main())
