"""``wres serve``: the live preview, fast after an edit and idle when nothing changes.

MkDocs' own ``serve`` is rebuilt here from its parts, for three reasons:

- it polls the disk every 0.5 s; this watches with the operating system's file events
  (inotify on Linux), so an edit is seen at once and nothing runs while idle;
- it watches the generated ``docs/`` folder, so every regeneration caused a second
  build; this watches only what a person edits: ``data/``, ``wres.yaml``, ``content/``,
  and only writes, moves and deletions (file events also report reads, and every
  build reads the data);
- it renders every page on every change; this renders only the pages whose Markdown
  changed (MkDocs' "dirty" build), unless the navigation, the site's names or the
  problems shown at the top of every page changed, which needs every page again.
  The search index of the last full build is kept, so search still finds every page.

Before each build the pages are regenerated from the data (only files whose bytes
changed are written). A mistake in the data is logged and shown at the top of every
preview page, and the last good pages stay up.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import signal
import sys
import tempfile
from pathlib import Path

from ..data import DataError, Project
from .build import _generate, _log_to_terminal
from .config import write_config
from .mkdocs_hooks import SITE_FILE

BUILD_DELAY = 0.05  # seconds of quiet after a file event before building (an editor's save is several events)
SEARCH_INDEX = Path("search") / "search_index.json"


class _NoDirtyWarning(logging.Filter):
    """MkDocs warns on every dirty build that navigation may be stale; here a change of navigation builds in full."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "dirty" not in record.getMessage()


class _EditHandler:
    """Asks the server to rebuild when a watched file is written, created, moved or deleted (not merely read)."""

    CHANGES = {"created", "modified", "deleted", "moved", "closed"}

    def __init__(self, server, paths: list[Path]) -> None:  # noqa: ANN001 - mkdocs' LiveReloadServer
        self.server = server
        self.folders = [p.resolve() for p in paths if p.is_dir()]
        self.files = {p.resolve() for p in paths if not p.is_dir()}

    def _watched(self, path: str) -> bool:
        resolved = Path(os.fsdecode(path)).resolve()
        return resolved in self.files or any(resolved.is_relative_to(folder) for folder in self.folders)

    def dispatch(self, event) -> None:  # noqa: ANN001 - a watchdog event
        if event.is_directory or event.event_type not in self.CHANGES:
            return
        if not (self._watched(event.src_path) or (event.dest_path and self._watched(event.dest_path))):
            return
        # LiveReloadServer.watch() would also rebuild on reads; this is its own trigger, without that
        with self.server._rebuild_cond:  # noqa: SLF001
            self.server._want_rebuild = True  # noqa: SLF001
            self.server._rebuild_cond.notify_all()  # noqa: SLF001


def serve(project: Project, address: str, *, drafts: bool = False) -> None:
    """Preview on 127.0.0.1, regenerating the pages whenever the data, the config or content/ changes."""
    import watchdog.observers
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.livereload import LiveReloadServer

    _log_to_terminal()
    logging.getLogger("mkdocs.commands.build").addFilter(_NoDirtyWarning())
    log = logging.getLogger("mkdocs.plugins.wres")
    work = project.work_dir()
    docs_dir = work / "docs"
    _, organisation = _generate(project, docs_dir, drafts=drafts)
    watch = [project.data_dir, project.config_file] + ([project.content_dir] if project.content_dir and project.content_dir.is_dir() else [])
    config_file = write_config(organisation, work, docs_dir, work / "site", watch)
    site_dir = Path(tempfile.mkdtemp(prefix="wres-preview-"))
    site_file = docs_dir / SITE_FILE

    def regenerate() -> list[str]:
        """Write the pages anew from the data; the problems found, if any (the last good pages stay)."""
        try:
            _generate(project, docs_dir, drafts=drafts)
        except DataError as exc:
            for problem in exc.problems:
                log.warning(str(problem))
            log.warning("The preview shows the last good version until these are fixed.")
            return [str(problem) for problem in exc.problems]
        return []

    def get_config():  # noqa: ANN202 - an MkDocsConfig
        config = load_config(str(config_file), site_dir=str(site_dir), dev_addr=address)
        config.site_url = serve_url
        return config

    config = load_config(str(config_file), site_dir=str(site_dir), dev_addr=address)
    host, port = config.dev_addr
    serve_url = f"http://{host}:{port}/"
    config.plugins.on_startup(command="serve", dirty=True)
    last: dict[str, object] = {}

    def builder(config=None) -> None:  # noqa: ANN001 - MkDocs' builder signature
        log.info("Building the preview...")
        problems = regenerate() if "shared" in last else []  # the first build has just been generated
        config = config or get_config()
        if problems:
            config.extra["wres_problems"] = problems  # shown on every page (generator/site/theme/main.html)
        # what every page shows: a change to any of these needs every page again
        shared = (site_file.read_bytes() if site_file.exists() else b"", json.dumps(problems))
        dirty = last.get("shared") == shared
        last["shared"] = shared
        mkdocs_build(config, serve_url=serve_url, dirty=dirty)
        index = site_dir / SEARCH_INDEX
        if dirty and "search" in last:
            index.write_bytes(last["search"])  # the dirty build indexed only the pages it rendered
        elif index.exists():
            last["search"] = index.read_bytes()

    server = LiveReloadServer(builder=builder, host=host, port=port, root=str(site_dir))
    server.observer = watchdog.observers.Observer()  # the OS's file events, not polling
    server.build_delay = BUILD_DELAY
    edits = _EditHandler(server, watch)
    for path in watch:
        # a folder with everything under it; a single file through its folder, as editors save by renaming
        server.observer.schedule(edits, str(path if path.is_dir() else path.parent), recursive=path.is_dir())

    def error_handler(code: int) -> bytes | None:
        page = site_dir / f"{code}.html"
        return page.read_bytes() if code in (404, 500) and page.is_file() else None

    server.error_handler = error_handler
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # stopped by a supervisor: clean up as for Ctrl+C
    try:
        builder(config)
        try:
            log.info("Watching for edits: " + ", ".join(str(path) for path in watch))
            server.observer.start()  # serve() starts it only for paths given to watch()
            server.serve()
        except (KeyboardInterrupt, SystemExit):
            log.info("Shutting down...")
        finally:
            server.shutdown()
    finally:
        config.plugins.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)
