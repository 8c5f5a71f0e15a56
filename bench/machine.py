"""The machine and the versions a bench ran with, for the table's header."""

from __future__ import annotations

import os
import platform
import subprocess
from importlib import metadata


def _first(path: str, key: str, sep: str = ":") -> str | None:
    try:
        for line in open(path, encoding="utf-8"):
            if line.startswith(key):
                return line.split(sep, 1)[1].strip()
    except OSError:
        pass
    return None


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def _command(args: list[str]) -> str:
    try:
        return subprocess.run(args, capture_output=True, text=True, timeout=60, check=True).stdout.strip().splitlines()[0]
    except (OSError, subprocess.SubprocessError, IndexError):
        return "not available"


def describe(chromium: str, lighthouse: str) -> dict[str, str]:
    mem = _first("/proc/meminfo", "MemTotal")
    ram = f"{int(mem.split()[0]) / 1024 / 1024:.1f} GiB" if mem else "unknown"
    load = " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "unknown"
    return {
        "CPU": _first("/proc/cpuinfo", "model name") or platform.processor() or "unknown",
        "Cores": str(os.cpu_count()),
        "RAM": ram,
        "OS": f"{platform.system()} {platform.release()} ({_first('/etc/os-release', 'PRETTY_NAME=', '=') or ''})".replace('"', ""),
        "Load average at start (1, 5, 15 min)": load,
        "Python": platform.python_version(),
        "MkDocs": _version("mkdocs"),
        "Material for MkDocs": _version("mkdocs-material"),
        "pydantic": _version("pydantic"),
        "PyYAML (libyaml)": _version("PyYAML"),
        "ruamel.yaml": _version("ruamel.yaml"),
        "WeasyPrint": _version("weasyprint"),
        "Chromium": _command([chromium, "--version"]),
        "Lighthouse": lighthouse,
        "plotly.js (vendored)": _plotly_js(),
    }


def _plotly_js() -> str:
    """The version in the bundle's banner ("plotly.js (basic - minified) v4.1.1")."""
    from generator.site.generate import PLOTLY_JS  # noqa: PLC0415

    banner = PLOTLY_JS.read_text(encoding="utf-8")[:200]
    return banner.split(" v", 1)[1].split()[0] if " v" in banner else "unknown"
