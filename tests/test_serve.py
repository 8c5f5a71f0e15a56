"""The live preview: an editor changes a YAML file and the page changes within seconds."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from .conftest import ROOT
from .site_helpers import copy_data, visible_text


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process so far, from /proc (Linux)."""
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def settles(pid: int, seconds: float, window: float = 4.0, share: float = 0.05) -> bool:
    """Whether, within ``seconds``, the process spends under ``share`` of one core over a ``window``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        before, start = cpu_seconds(pid), time.monotonic()
        time.sleep(window)
        if (cpu_seconds(pid) - before) / (time.monotonic() - start) < share:
            return True
    return False


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback only
        return response.read().decode("utf-8")


def wait_for(url: str, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if text in fetch(url):
                return True
        except OSError:
            pass
        time.sleep(0.25)
    return False


def wait_until_gone(url: str, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = ""
        try:
            page = fetch(url)
        except OSError:
            pass
        if page and text not in page:
            return True
        time.sleep(0.25)
    return False


def start_serve(project: Path, *args: str) -> tuple[subprocess.Popen, str]:
    """``wres serve`` on ``project`` at a free port, in its own process group; returns it and its address."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--project", str(project), "--address", f"127.0.0.1:{port}", *args],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
    )
    return server, f"http://127.0.0.1:{port}/"


def test_serve_regenerates_when_the_data_changes(tmp_path):
    data = copy_data(tmp_path / "project")
    server, url = start_serve(data.parent)
    try:
        assert wait_for(url, "At a glance", 60), "the preview did not start"
        year = data / "years" / "2024.yaml"
        year.write_text(year.read_text().replace("The likelihood gap", "Edited in preview: the likelihood gap"))
        started = time.monotonic()
        assert wait_for(url, "Edited in preview", 30), "the preview did not pick up the change"
        assert time.monotonic() - started < 30
        # and then it goes idle: no rebuild when nothing changed, under 5% of a core
        assert settles(server.pid, 60), "the preview kept working after the edit was shown"
        # a mistake is reported, and the last good page stays up
        year.write_text(year.read_text().replace("year: 2024", "year: 2025"))
        assert wait_for(url, "says 2025 but the file is named 2024.yaml", 30), "the mistake is not shown in the preview"
        assert "Edited in preview" in fetch(url)
        # fixed again: the message goes from every page, the unchanged ones included
        year.write_text(year.read_text().replace("year: 2025", "year: 2024"))
        assert wait_for(url + "methodology/", "</html>", 5)
        assert wait_until_gone(url + "methodology/", "says 2025 but", 30), "a fixed mistake is still shown"
        # a new page changes the menu of every page, though their Markdown is the same
        (data.parent / "content" / "glossary.md").write_text("# Glossary of terms\n\nWords we use.\n")
        assert wait_for(url + "methodology/", "Glossary of terms", 30), "a page whose Markdown did not change kept the old menu"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        output = server.communicate(timeout=20)[0].decode()
    assert "years/2024.yaml" in output and "says 2025 but the file is named 2024.yaml" in output


def test_the_preview_marks_a_draft_and_asks_about_values_that_look_wrong(tmp_path):
    data = copy_data(tmp_path / "project")
    year = data / "years" / "2024.yaml"
    year.write_text(year.read_text().replace("year: 2024\n", "year: 2024\nstatus: draft\n"))
    (data / "published" / "2024.csv").unlink()
    plan = data / "action_plans" / "2024.yaml"
    plan.write_text(plan.read_text().replace("owner: Head of Recruitment", 'owner: ""'))
    server, url = start_serve(data.parent, "--drafts")
    try:
        assert wait_for(url, "At a glance", 60), "the preview did not start"
        draft_page = visible_text(fetch(url + "years/2024/"))
        home = visible_text(fetch(url))
        indicator = visible_text(fetch(url + "indicators/indicator-2/"))
        earlier = visible_text(fetch(url + "years/2022/"))
        methodology = visible_text(fetch(url + "methodology/"))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.communicate(timeout=20)
    banner = "Draft: not published This page shows the figures of 2023/24, a draft year."
    for page in (draft_page, home, indicator):
        assert banner in page
    assert "WRES report 2023/24 (draft)" in draft_page  # the page's heading
    assert "2023/24 (draft)" in methodology  # and its entry in the navigation, on every page
    assert "Draft: not published" not in earlier and "Draft: not published" not in methodology
    # a value that looks wrong is a question at the top of every page, with its file and line; the preview goes on
    owner = plan.read_text().split("\n").index('    owner: ""') + 1
    assert "Check these values: they may be right, but they look wrong." in methodology
    assert f"data/action_plans/2024.yaml:{owner}: actions[0].owner: is empty" in methodology
