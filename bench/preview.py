"""The live preview: how long from saving a file to the served page showing the change, and serve's idle CPU.

``wres serve`` runs on a copy of the example project. Each data edit rewrites the latest
year's summary with a new sentence; each content edit adds a sentence to ``content/about.md``
(a page of the trust's own: the report's pages are not made again, see generator/site/kept.py).
The time is from the write to the first response of the edited page that contains it (polled
every 10 ms over HTTP: the browser's live-reload asks the same server as soon as the rebuild
finishes). Afterwards the server's CPU time is read from /proc over a quiet window.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from .synth import copy_project


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback only
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(url: str, text: str, seconds: float, every: float = 0.01) -> float | None:
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        if text in _fetch(url):
            return time.perf_counter() - start
        time.sleep(every)
    return None


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(work: Path, edits: int = 7, quiet: float = 10.0) -> dict[str, object]:
    """Median and worst latency over ``edits`` edits, then the share of one core used over ``quiet`` seconds."""
    project = work / "preview"
    if project.exists():
        shutil.rmtree(project)
    copy_project(project)
    year_file = max((project / "data" / "years").glob("*.yaml"))
    url = f"http://127.0.0.1:{{port}}/years/{year_file.stem}/"
    port = _free_port()
    url = url.format(port=port)
    server = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--project", str(project), "--address", f"127.0.0.1:{port}"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        original = year_file.read_text(encoding="utf-8")
        marker = "summary: >-\n  "
        assert marker in original, f"{year_file} has no folded summary to edit"
        if _wait_for(url, "</html>", 120) is None:
            raise RuntimeError("wres serve did not start")
        time.sleep(3)  # let the first build's own file events settle
        latencies = _edits(year_file, lambda text: original.replace(marker, marker + text + " "), url, edits)
        about = project / "content" / "about.md"
        page = about.read_text(encoding="utf-8")
        content = _edits(about, lambda text: page + "\n" + text + "\n", url.rsplit("/years/", 1)[0] + "/about/", edits)
        time.sleep(3)
        before, start = cpu_seconds(server.pid), time.perf_counter()
        time.sleep(quiet)
        idle = (cpu_seconds(server.pid) - before) / (time.perf_counter() - start)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
    return {"latencies": latencies, "median": statistics.median(latencies), "worst": max(latencies), "idle_cpu": idle,
            "content_median": statistics.median(content), "content_worst": max(content)}


def _edits(path: Path, edited, url: str, edits: int) -> list[float]:  # noqa: ANN001 - the new text of the file, given a sentence
    """Seconds from each of ``edits`` writes of ``path`` to ``url`` showing it."""
    latencies = []
    for i in range(edits):
        text = f"Bench edit number {i} of the preview."
        path.write_text(edited(text), encoding="utf-8")
        latency = _wait_for(url, text, 30)
        latencies.append(latency if latency is not None else float("inf"))
        time.sleep(2)  # the next edit comes after this one has settled, as a person's would
    return latencies
