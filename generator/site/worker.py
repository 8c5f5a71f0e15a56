"""MkDocs in a child process, started before generation, so its start-up overlaps the generator's work.

MkDocs' start-up (a new interpreter importing MkDocs, Material and the Markdown extensions)
and the generator's work (importing the pipeline, loading and validating the trust's data,
writing the pages) need nothing from each other until the configuration is written. So the
build starts this file as a script (``MkDocsWorker``) before it imports the pipeline: the
child imports MkDocs while the parent loads the data. Then it is sent two lines on its
standard input. The first is the path of the ``mkdocs.yml`` that ``config.write_config``
wrote as soon as the organisation was read: the child loads it (the theme, the plugins, the
hook) while the parent makes the pages. The second says the pages are written: the child
builds with ``--strict`` and answers with one JSON line on its standard output,
``{"ok": true}``, or the text of MkDocs' refusal. A child whose input ends before the second
line (the data had a problem, or the user pressed Ctrl-C) ends without building.

NOTE: the child runs this file by its path, not as ``python -m generator.site.worker``:
``-m`` would first run the packages' ``__init__`` files, and with them whatever they come to
import; the child must never pay for the pipeline's imports (pydantic, ruamel.yaml, the templates), which are
what it runs beside. So this module imports nothing from the generator, and the parent's
side of it imports nothing heavy. A child is a new interpreter (no fork), so it works the
same on Windows. It writes its log to the standard error it shares with the parent, with
logging left as an in-process build left it, so the user sees what an in-process build showed;
only the answer uses the pipe. The one handler of ours keeps MkDocs' warnings: a refusal under
``--strict`` only counts them, so the answer carries each one in full.
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Self

SCRIPT = Path(__file__)
# The Markdown extensions of the build's configuration (config.py builds its list from this one), and the modules
# the child imports before it is sent a configuration: MkDocs, the Material theme and its search plugin, these.
# (generator.pages.table_align: aligned table columns as a class, as the CSP refuses the tables' style attributes)
MARKDOWN_EXTENSIONS = ("attr_list", "md_in_html", "tables", "admonition", "sane_lists", "toc", "generator.pages.table_align")
WARM = ("mkdocs.commands.build", "mkdocs.config", "mkdocs.config.defaults", "mkdocs.structure.pages",
        "material", "material.plugins.search.plugin", "markdown",
        *(name if "." in name else f"markdown.extensions.{name}" for name in MARKDOWN_EXTENSIONS))


class WorkerError(RuntimeError):
    """The child stopped without an answer: a bug (its traceback is on standard error), never a user's mistake."""


class MkDocsWorker:
    """The parent's side: start the child now, ``build`` a configuration later, and never leave it running."""

    def __init__(self) -> None:
        self._process = subprocess.Popen([sys.executable, str(SCRIPT)], stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def configure(self, config_file: Path) -> None:
        """Have the child load ``config_file`` now, while the pages are made (``build`` builds it)."""
        self._send({"config": str(config_file)})

    def build(self) -> tuple[str, str] | None:
        """Build the configuration; None when the site was built, else (stage, MkDocs' message), stage "config" or "build"."""
        process = self._process
        self._send({"build": True})
        try:
            process.stdin.close()
        except BrokenPipeError:  # the child has died: it has no answer either, said below
            pass
        # the answer, without waiting for the child's interpreter to shut down: that overlaps the swap
        line = process.stdout.readline()
        if not line:
            raise WorkerError(f"the MkDocs build stopped with exit code {process.wait()} and no answer")
        answer = json.loads(line)
        return None if answer.get("ok") else (answer["stage"], answer["error"])

    def _send(self, message: dict) -> None:
        try:
            self._process.stdin.write((json.dumps(message) + "\n").encode("utf-8"))
            self._process.stdin.flush()
        except BrokenPipeError:  # the child has died: ``build`` says so
            pass

    def close(self) -> None:
        """End the child if it is still running: no configuration is coming (a data error, Ctrl-C)."""
        process = self._process
        try:
            process.stdin.close()  # no line: the child leaves without building (a no-op after build)
        except OSError:  # the child has already gone
            pass
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:  # still building after Ctrl-C, or stuck: it must not outlive the build
            process.kill()
            process.wait()
        process.stdout.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _warned(exc: Exception, kept: Any) -> str:
    """MkDocs' refusal, then each warning it logged (under --strict its message only counts them)."""
    return "\n".join([str(exc), *(f"{record.levelname} -  {record.getMessage()}" for record in kept.buffer)])


@functools.cache
def _keep_warnings() -> Any:
    """One handler keeping MkDocs' warnings and errors (with none, logging would not show them: its counter is a handler)."""
    import logging.handlers

    kept = logging.handlers.BufferingHandler(capacity=1_000_000)
    kept.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(kept)
    return kept


def load(config_file: str) -> Any:
    """The configuration, loaded with --strict; or ("config", MkDocs' message) when it is refused."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    kept = _keep_warnings()
    try:
        return load_config(config_file, strict=True)
    except MkDocsException as exc:
        return "config", _warned(exc, kept)


def run(config: Any) -> tuple[str, str] | None:
    """Build a loaded configuration with MkDocs, as a fixed date; None when built, else ("build", MkDocs' message)."""
    from mkdocs.commands.build import build
    from mkdocs.exceptions import MkDocsException

    # MkDocs stamps today's date into sitemap.xml.gz; a fixed SOURCE_DATE_EPOCH keeps builds byte for byte the same.
    os.environ["SOURCE_DATE_EPOCH"] = os.environ.get("SOURCE_DATE_EPOCH") or "0"
    kept = _keep_warnings()
    kept.buffer.clear()  # a configuration with warnings was refused when it was loaded: these are the build's own
    try:
        build(config)
    except MkDocsException as exc:
        return "build", _warned(exc, kept)
    return None


def _main() -> int:
    """The child: import MkDocs, wait for a configuration's path, build it, answer on the saved standard output."""
    answer_to = sys.stdout.buffer
    sys.stdout = sys.stderr  # whatever a plugin prints reaches the user's terminal, not the answer channel
    try:
        for name in WARM:
            __import__(name)
        line = sys.stdin.buffer.readline()
        if not line.strip():  # the parent closed the pipe: nothing to build
            return 0
        config = load(json.loads(line)["config"])
        if not sys.stdin.buffer.readline().strip():  # no pages are coming
            return 0
        failed = config if isinstance(config, tuple) else run(config)
    except KeyboardInterrupt:  # Ctrl-C reaches the whole process group; the parent says nothing either
        return 130
    answer = {"ok": True} if failed is None else {"ok": False, "stage": failed[0], "error": failed[1]}
    answer_to.write((json.dumps(answer) + "\n").encode("utf-8"))
    answer_to.flush()
    return 0


if __name__ == "__main__":
    # Run by path, Python put this folder first on sys.path, where config.py or build.py could shadow a
    # top-level module of the same name; the folder holding the generator package stands in for it
    # (the MkDocs hook imports generator.cache from there).
    sys.path[0] = str(SCRIPT.resolve().parents[2])
    code = _main()
    # The answer is sent and MkDocs has written and closed every file. The interpreter's own shutdown (freeing
    # MkDocs' objects, about 0.1 s) would only keep the parent waiting for this process to end, so it is skipped.
    sys.stderr.flush()
    os._exit(code)
