"""Where the preview's time goes: one rebuild as ``mkdocs serve`` runs it, in phases, and MkDocs' wait for changes.

After a change, ``mkdocs serve`` loads ``mkdocs.yml`` again and builds the whole site in its
own process (the plugin kept). This does the same on a copy of the example, timing each
phase with a plugin of its own listed after ``wres`` (its events run last), and reads from
MkDocs the two waits before a rebuild starts: how often it polls the files, and how long it
waits for more changes.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from .synth import copy_project

SERVE_URL = "http://127.0.0.1:8000/"


def _timer() -> Any:
    from mkdocs.plugins import BasePlugin

    class Timer(BasePlugin):
        """Seconds spent in each phase of one build."""

        def start(self) -> None:
            self.seconds: dict[str, float] = {}
            self.at = time.perf_counter()

        def lap(self, name: str) -> None:
            now = time.perf_counter()
            self.seconds[name] = self.seconds.get(name, 0.0) + now - self.at
            self.at = now

        def on_pre_build(self, config: Any) -> None:
            self.lap("on_config (the wres plugin: data/ read and checked, report pages made, or kept)")

        def on_files(self, files: Any, config: Any) -> Any:
            self.lap("files: the site folder emptied, the theme's files listed, the report's added")
            return files

        def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Any) -> str:
            self.lap("navigation, page templates, search index, writing")
            return markdown

        def on_page_content(self, html: str, page: Any, config: Any, files: Any) -> str:
            self.lap("Markdown to HTML, every page")
            return html

        def on_post_build(self, config: Any) -> None:
            self.lap("navigation, page templates, search index, writing")

    return Timer()


def phases(work: Path, runs: int = 5) -> dict[str, dict[str, float]]:
    """Median seconds of each phase of a rebuild, after an edit to a content page and after one to the data."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project = copy_project(work / "rebuild")
    year_file = max((project / "data" / "years").glob("*.yaml"))
    about = project / "content" / "about.md"
    site = tempfile.mkdtemp(prefix="wres-bench-rebuild-", dir=work)
    timer = _timer()

    def rebuild() -> dict[str, float]:
        timer.start()
        config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=site)
        config.site_url = SERVE_URL
        config.plugins["bench-timer"] = timer
        timer.lap("loading mkdocs.yml")
        build(config, serve_url=SERVE_URL)
        return {**timer.seconds, "the whole rebuild": sum(timer.seconds.values())}

    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=site)
    config.plugins.on_startup(command="serve", dirty=False)  # as serve does: the plugin is kept between rebuilds
    rebuild()
    results: dict[str, list[dict[str, float]]] = {"content": [], "data": []}
    for i in range(runs):
        about.write_text(about.read_text(encoding="utf-8") + f"\nRebuild {i}.\n", encoding="utf-8")
        results["content"].append(rebuild())
        year_file.write_text(year_file.read_text(encoding="utf-8").replace("summary: >-\n  ", f"summary: >-\n  Rebuild {i}. "),
                             encoding="utf-8")
        results["data"].append(rebuild())
    return {kind: {name: statistics.median(run[name] for run in runs_) for name in runs_[0]} for kind, runs_ in results.items()}


def waits() -> tuple[float, float]:
    """MkDocs' polling interval and its wait for further changes, as its live-reload server sets them."""
    import inspect

    from mkdocs.livereload import LiveReloadServer

    polling = inspect.signature(LiveReloadServer.__init__).parameters["polling_interval"].default
    with tempfile.TemporaryDirectory() as root:
        server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=root)  # not bound, not started
        delay = server.build_delay
        server.server_close()
    return polling, delay
