"""The package reads as the pipeline: data -> metrics -> pages -> site, imports running one way."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from .conftest import ROOT

PACKAGE = ROOT / "generator"
STAGES = ["data", "metrics", "pages", "site", "cli"]  # cli sits on top of all of them
MAX_LINES = 400


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def imports_of(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """Every generator module that ``name`` imports, at any level (TYPE_CHECKING and function bodies too)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            targets = [base] + [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        out |= {target for target in targets if target in known and target != name}
    return out


def stage_of(name: str) -> int | None:
    parts = name.split(".")
    return STAGES.index(parts[1]) if len(parts) > 1 and parts[1] in STAGES else None


def test_imports_run_one_way_down_the_pipeline():
    known = modules()
    backwards = []
    for name, path in known.items():
        here = stage_of(name)
        for target in imports_of(name, path, known):
            there = stage_of(target)
            if here is not None and there is not None and there > here:
                backwards.append(f"{name} imports {target} from a later stage")
    assert backwards == []


def test_there_is_no_import_circle():
    known = modules()
    graph = {name: imports_of(name, path, known) for name, path in known.items()}
    # a package's __init__ re-exporting its own modules is not a circle: drop package -> own child edges
    for name in graph:
        graph[name] = {t for t in graph[name] if not (known[name].name == "__init__.py" and t.startswith(name + "."))}
    # parents of an imported module are imported first: a child importing its own package's __init__ is the usual case
    graph = {name: {t for t in targets if not name.startswith(t + ".")} for name, targets in graph.items()}
    state: dict[str, int] = {}
    circles = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                circles.append(" -> ".join(trail[trail.index(target):] + [target]))
            elif target not in state:
                visit(target, trail + [target])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert circles == []


def test_every_module_is_small_and_every_stage_says_its_job():
    for name, path in modules().items():
        lines = len(path.read_text(encoding="utf-8").splitlines())
        assert lines <= MAX_LINES, f"{name} has {lines} lines; split it by role"
    for stage in STAGES[:-1]:
        init = PACKAGE / stage / "__init__.py"
        assert ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))), f"generator/{stage}/__init__.py has no docstring"


def tree_paths(text: str) -> set[str]:
    """The paths drawn by the indented tree in the section (two spaces a level, folders end with /)."""
    block = next(b for b in re.findall(r"```\n(.*?)```", text, re.S) if "\ngenerator/\n" in b)
    paths, stack = set(), []
    for line in block.splitlines():
        depth = (len(line) - len(line.lstrip(" "))) // 2
        name = line.split()[0]
        stack = stack[:depth] + [name.rstrip("/")]
        paths.add("/".join(stack) + ("/" if name.endswith("/") else ""))
    return paths


def test_the_architecture_section_matches_the_tree():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = re.search(r"^## Architecture\n(.*?)(?=^## )", readme, re.S | re.M)
    assert section, "README.md has no '## Architecture' section"
    drawn = tree_paths(section.group(1))
    for path in modules().values():
        relative = path.relative_to(ROOT).as_posix()
        if path.name not in ("__init__.py", "__main__.py"):
            assert relative in drawn, f"the Architecture section's tree does not show {relative}"
    for shown in sorted(drawn):
        if shown.startswith("generator/"):
            assert (ROOT / shown).exists(), f"the Architecture section shows {shown}, which does not exist"
