"""The command line as an editor meets it: plain lines, no traceback, nothing written on error."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from generator.data import ActionPlan, Organisation, Year
from generator.data.schema import SCHEMAS, schema_text
from generator.metrics import COLUMNS

from .conftest import EXAMPLE, EXAMPLE_DATA, ROOT


def wres(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, check=False)


def test_check_passes_on_the_example():
    result = wres("check", "--project", str(EXAMPLE))
    assert result.returncode == 0, result.stderr
    assert "no problems found (6 years: 2019, 2020, 2021, 2022, 2023, 2024)" in result.stdout


def test_check_on_a_broken_copy_lists_every_planted_error(example_copy: Path, tmp_path: Path):
    year = example_copy / "years" / "2024.yaml"
    lines = year.read_text().splitlines()
    planted = {}
    for i, line in enumerate(lines):
        if line.startswith("  appointed:"):
            lines[i] = "  appointed: {white: 900, bme: 9999, unknown: 25}"
            planted["indicator_2.appointed.bme"] = i + 1
        elif line.startswith("indicator_3:"):
            lines[i] = "indicatr_3:"
            planted["indicatr_3"] = i + 1
        elif line.strip().startswith('"Band 6": {white: 651'):
            lines[i] = '    "Band 6": {white: 651.5, bme: 243, unknown: 16}'
            planted["indicator_1.clinical.Band 6.white"] = i + 1
        elif line.startswith("  white: 60.1"):
            lines[i] = "  white: 160.1"
            planted["indicator_7.white"] = i + 1
    year.write_text("\n".join(lines) + "\n")
    (example_copy / "years" / "2023.yaml").write_text(
        (example_copy / "years" / "2023.yaml").read_text().replace("year: 2023", "year: 2022"))
    org = example_copy / "organisation.yaml"
    org.write_text(org.read_text().replace("contact_email: equality@kingsmere.example.nhs.uk", "contact_email: nobody"))
    out = tmp_path / "out.csv"

    result = wres("metrics", "--project", str(example_copy.parent), "--out", str(out), cwd=tmp_path)

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert not out.exists(), "a failed run must write nothing"
    for field, line in planted.items():
        assert f"data/years/2024.yaml:{line}: {field}: " in result.stderr, (field, result.stderr)
    assert "data/years/2023.yaml:4: year: says 2022 but the file is named 2023.yaml" in result.stderr
    assert 'project/data/organisation.yaml:6: contact_email: "nobody" is not an email address' in result.stderr
    assert "6 problems found. Nothing was written" in result.stderr


def test_missing_data_folder_is_a_plain_error(tmp_path):
    result = wres("check", "--data", str(tmp_path / "nowhere"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "the data folder does not exist" in result.stderr


def test_metrics_writes_the_csv(tmp_path):
    out = tmp_path / "wres-indicators.csv"
    result = wres("metrics", "--project", str(EXAMPLE), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_text().splitlines()[0] == ",".join(COLUMNS)


def test_committed_schemas_match_the_models(tmp_path):
    for name, model in SCHEMAS.items():
        committed = (EXAMPLE_DATA / "schema" / name).read_text()
        assert committed == schema_text(model), f"run 'make schema' to refresh data/schema/{name}"
    result = wres("schema", "--out", str(tmp_path))
    assert result.returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(SCHEMAS)


def test_example_files_reference_their_schema():
    assert (EXAMPLE_DATA / "organisation.yaml").read_text().startswith("# yaml-language-server: $schema=schema/organisation.schema.json")
    for path in (EXAMPLE_DATA / "years").glob("*.yaml"):
        assert path.read_text().startswith("# yaml-language-server: $schema=../schema/year.schema.json"), path
    for path in (EXAMPLE_DATA / "action_plans").glob("*.yaml"):
        assert path.read_text().startswith("# yaml-language-server: $schema=../schema/action_plan.schema.json"), path


def _properties(schema: dict, node: dict, trail: str):
    """Every property in a JSON Schema, with its dotted path, following $refs."""
    if "$ref" in node:
        node = schema["$defs"][node["$ref"].split("/")[-1]]
    for key in ("anyOf", "allOf"):
        for option in node.get(key, []):
            yield from _properties(schema, option, trail)
    for name, prop in node.get("properties", {}).items():
        yield f"{trail}{name}", prop
        yield from _properties(schema, prop, f"{trail}{name}.")
    if isinstance(node.get("additionalProperties"), dict):
        yield from _properties(schema, node["additionalProperties"], f"{trail}<label>.")


def test_every_data_key_is_described_in_the_schema_and_the_readme():
    readme = (ROOT / "README.md").read_text()
    for model in (Organisation, Year, ActionPlan):
        schema = json.loads(schema_text(model))
        for path, prop in _properties(schema, schema, ""):
            described = prop.get("description") or any(o.get("description") for o in prop.get("anyOf", []))
            assert described, f"{model.__name__}: {path} has no description"
            assert f"`{path.split('.')[-1]}`" in readme or path.split(".")[-1] in readme, f"README does not mention {path}"


def test_help_lists_the_commands():
    result = wres("--help")
    assert result.returncode == 0
    for command in ("check", "metrics", "schema", "build", "serve", "new-year"):
        assert f"  {command} " in result.stdout
