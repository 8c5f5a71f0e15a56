"""JSON Schemas of the data files, for editors' completion and inline errors."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from ..importing.mapping_file import ImportMapping  # no pandas behind it
from .model import Organisation, Year
from .plans import ActionPlan

SCHEMAS: dict[str, type[BaseModel]] = {
    "organisation.schema.json": Organisation,
    "year.schema.json": Year,
    "action_plan.schema.json": ActionPlan,
    "import_mapping.schema.json": ImportMapping,  # data/import_mapping.yaml, the trust's additions to wres import's tables
}



def schema_text(model: type[BaseModel]) -> str:
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in SCHEMAS.items():
        path = folder / name
        path.write_text(schema_text(model), encoding="utf-8")
        written.append(path)
    return written
