"""The guide "Publish your trust's WRES report", followed word for word with the wheel, outside this repo.

The wheel is built from this checkout and installed into a fresh virtual environment
in a temporary folder. Then every ``sh`` block of docs/publish-your-report.md runs, in
order, in one shell, and every file block (a ``yaml`` block after ``<!-- file: PATH -->``)
is written where the guide says. ``wres serve`` is started in the background and
read once, because it runs until stopped; ``$REPOSITORY`` is a local bare repository.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from .conftest import ROOT
from .site_helpers import visible_text
from .test_serve import free_port

GUIDE = ROOT / "docs" / "publish-your-report.md"
BLOCK = re.compile(r"(?:<!-- file: (?P<path>\S+) -->\n)?```(?P<lang>\w+)\n(?P<body>.*?)```", re.S)


def guide_script(port: int) -> str:
    """The guide as one bash script."""
    lines = ["set -euo pipefail", textwrap.dedent(f"""\
        preview() {{
          command wres serve "$@" --address 127.0.0.1:{port} > "$GUIDE_OUT/serve.log" 2>&1 &
          pid=$!
          python - <<'PY'
        import os, time, urllib.request
        for _ in range(240):
            try:
                page = urllib.request.urlopen("http://127.0.0.1:{port}/years/2024/", timeout=2).read().decode()
                if "Anytown" in page:
                    open(os.path.join(os.environ["GUIDE_OUT"], "preview.html"), "w").write(page)
                    break
            except OSError:
                pass
            time.sleep(0.25)
        else:
            raise SystemExit("the preview did not start")
        PY
          kill "$pid"; wait "$pid" || true
        }}
        wres() {{ if [ "$1" = serve ]; then shift; preview "$@"; else command wres "$@"; fi; }}
        """)]
    for number, match in enumerate(BLOCK.finditer(GUIDE.read_text(encoding="utf-8"))):
        if match.group("path"):
            lines.append(f"cat > {match.group('path')} <<'WRES_GUIDE_{number}'\n{match.group('body')}WRES_GUIDE_{number}")
        elif match.group("lang") == "sh":
            lines.append(match.group("body"))
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)],
                   check=True, capture_output=True)
    return next(out.glob("wres_site-*.whl"))


def test_the_guide_works_word_for_word_from_the_wheel(tmp_path, wheel):
    work = tmp_path / "work"
    work.mkdir()
    (work / wheel.name).write_bytes(wheel.read_bytes())
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "--quiet", "--bare", str(remote)], check=True)
    port = free_port()
    env = {key: value for key, value in os.environ.items() if not key.startswith(("VIRTUAL_ENV", "PYTHON"))}
    env["PATH"] = os.pathsep.join(p for p in env["PATH"].split(os.pathsep) if ".venv" not in p)
    out = tmp_path / "guide-out"  # what the test itself keeps (the preview's page and log), outside the project
    out.mkdir()
    env.update(GUIDE_OUT=str(out), REPOSITORY=str(remote), GIT_AUTHOR_NAME="Comms", GIT_AUTHOR_EMAIL="comms@example.nhs.uk",
               GIT_COMMITTER_NAME="Comms", GIT_COMMITTER_EMAIL="comms@example.nhs.uk", HOME=str(tmp_path))
    script = guide_script(port)
    assert "wres init" in script and "wres publish 2024" in script and "git push" in script
    result = subprocess.run(["bash", "-c", script], cwd=work, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]

    project = work / "anytown-wres"
    site = project / "site"
    # the guide's 'git add .' committed only what the user wrote (and the wheel it asks for), nothing wres made
    assert (project / "build" / "reports" / "wres-report-2024.pdf").is_file()  # 'wres pdf 2024', under build/
    git = ["git", "-C", str(project)]
    assert subprocess.run([*git, "status", "--porcelain"], capture_output=True, text=True, check=True).stdout == ""
    tracked = set(subprocess.run([*git, "ls-files"], capture_output=True, text=True, check=True).stdout.split())
    # the guide's files in the project (HR's extracts are written beside it, never in it)
    written = {match.group("path") for match in BLOCK.finditer(GUIDE.read_text(encoding="utf-8"))
               if match.group("path") and not match.group("path").startswith("../")}
    scaffolded = {".gitignore", ".github/workflows/publish.yml", "README.md", "mkdocs.yml", "content/about.md",
                  "theme_overrides/README.md", "data/schema/organisation.schema.json", "data/schema/year.schema.json",
                  "data/schema/action_plan.schema.json", "data/schema/import_mapping.schema.json", "data/organisation.yaml",
                  "data/years/.gitkeep",
                  "data/action_plans/.gitkeep", "data/published/.gitkeep"}
    frozen = {"data/published/2023.csv", "data/published/2024.csv"}
    assert tracked == written | scaffolded | frozen | {wheel.name}
    # the wres that ran is the wheel's, not this checkout
    installed = subprocess.run([str(work / "wres-env" / "bin" / "python"), "-c", "import generator; print(generator.__file__)"],
                               capture_output=True, text=True, check=True, cwd=tmp_path).stdout
    assert str(work / "wres-env") in installed
    # the draft was previewed, then published and built
    preview = (out / "preview.html").read_text()
    assert "2023/24" in preview
    assert "Draft: not published" in preview and "WRES report 2023/24 (draft)" in preview  # the preview marks the draft
    assert (project / "data" / "published" / "2024.csv").is_file()
    home = visible_text((site / "index.html").read_text())
    assert "Anytown Hospitals" in home and "ethnically diverse" in home
    everything = " ".join(p.read_text(errors="replace") for p in site.rglob("*") if p.suffix in (".html", ".csv", ".json", ".xml"))
    assert "kingsmere" not in everything.lower(), "a word of the example trust reached another trust's site"
    for year in ("2023", "2024"):
        assert (site / "years" / year / "index.html").is_file()
    # the figures real reports print, shown as printed, with national figures and the trust's own reasons
    report_2023 = visible_text((site / "years" / "2023" / "index.html").read_text())
    assert "1.5 " in report_2023 and "1.50" not in report_2023
    assert "58.5%" in report_2023 and "Band 8a and above" in report_2023
    assert "Cannot be computed: no White count was given. The 2022/23 report gave figures for ethnically diverse staff only." in report_2023
    assert "Not published in the 2022/23 report" in report_2023  # the White figure of indicator 5
    report_2024 = (site / "years" / "2024" / "index.html").read_text()
    assert "Approved by the board on 26 September 2024." in visible_text(report_2024)
    assert "Sam Patel, Chief Executive" in visible_text(report_2024)
    assert 'alt="Anytown Hospitals NHS Foundation Trust"' in report_2024
    assert "#00703C" in (site / "assets" / "stylesheets" / "wres-identity.css").read_text()
    # each published year's report as a PDF, linked from its year page; and the one the guide wrote on its own
    for year in ("2023", "2024"):
        assert (site / "reports" / f"wres-report-{year}.pdf").read_bytes().startswith(b"%PDF-1.7")
    assert "Download the full report (PDF, " in visible_text(report_2024)
    assert (work / "anytown-wres-report-2024.pdf").read_bytes() == (site / "reports" / "wres-report-2024.pdf").read_bytes()
    indicator_2 = visible_text((site / "indicators" / "indicator-2" / "index.html").read_text())
    assert "National average" in indicator_2 and "Acute trusts in the Midlands" in indicator_2
    assert "https://wres.anytown.example.nhs.uk/" in (site / "sitemap.xml").read_text()
    log = subprocess.run(["git", "--git-dir", str(remote), "log", "--oneline", "main"], capture_output=True, text=True, check=True)
    assert "WRES report 2023/24" in log.stdout
