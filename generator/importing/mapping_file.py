"""``data/import_mapping.yaml``: the trust's additions to the import's tables, validated like every data file.

Each entry maps a value as it appears in the trust's extracts (compared as words: case,
spacing and punctuation do not matter) to what it counts as. The trust's entries are
looked up before the built-in tables (:mod:`.codes`), so they can also change a built-in
meaning, e.g. a code ``T`` that the trust's system uses for Gypsy or Irish Traveller.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field

from ..data.base import Strict
from ..data.errors import Problem
from ..data.yamlfile import read_yaml, validate
from .codes import BANDS, MEDICAL_GROUPS, words

MAPPING_NAME = "import_mapping.yaml"

Band = Literal[BANDS]  # type: ignore[valid-type]
MedicalGroup = Literal[MEDICAL_GROUPS]  # type: ignore[valid-type]
# 99: unknown, unquoted, is a number in YAML: a value in an extract is text either way
Value = Annotated[str, BeforeValidator(lambda v: str(v) if isinstance(v, int) and not isinstance(v, bool) else v)]


class ImportMapping(Strict):
    ethnicity: dict[Value, Literal["white", "bme", "unknown"]] = Field(default_factory=dict, description=(
        'Ethnicity values -> white, bme or unknown, e.g. "T": white (a code your system uses for Gypsy or Irish Traveller) '
        'or "Prefer not to answer": unknown. Looked up before the NHS ethnic categories.'))
    disability: dict[Value, Literal["disabled", "non_disabled", "unknown"]] = Field(default_factory=dict, description=(
        'Disability values (WDES) -> disabled, non_disabled or unknown, e.g. "Y - Long term condition": disabled. '
        'Without an entry: Yes is disabled, No is non_disabled, and Not Declared, Prefer Not To Answer, Unspecified '
        "and a blank cell are unknown."))
    staff_groups: dict[Value, Literal["non_clinical", "clinical", "medical_and_dental"]] = Field(default_factory=dict, description=(
        'Staff groups -> non_clinical, clinical or medical_and_dental, e.g. "Students": non_clinical. '
        "Without an entry: Medical and Dental is medical_and_dental, Administrative and Clerical and Estates and Ancillary "
        "are non_clinical, every other staff group is clinical."))
    bands: dict[Value, Band] = Field(default_factory=dict, description=(
        'Pay bands -> an Agenda for Change band ("Band 1" to "Band 9", "Band 8a" to "Band 8d") or "VSM", '
        'e.g. "Executive Director": VSM.'))
    medical_grades: dict[Value, MedicalGroup] = Field(default_factory=dict, description=(
        'Medical and dental grades -> "Consultants", "Specialty and specialist grades", "Doctors in training" or '
        '"Other medical and dental", e.g. "Clinical Fellow": Doctors in training.'))


@dataclass(frozen=True)
class Mapping:
    """The trust's additions, each table keyed by words; ``source`` says where they came from, for the provenance."""

    ethnicity: dict[str, str] = field(default_factory=dict)
    disability: dict[str, str] = field(default_factory=dict)
    staff_groups: dict[str, str] = field(default_factory=dict)
    bands: dict[str, str] = field(default_factory=dict)
    medical_grades: dict[str, str] = field(default_factory=dict)
    source: str = "the built-in tables"


def load_mapping(data_dir: Path, problems: list[Problem]) -> Mapping:
    """The trust's ``import_mapping.yaml`` (the built-in tables alone when there is none); mistakes go to ``problems``."""
    path = data_dir / MAPPING_NAME
    if not path.is_file():
        return Mapping()
    doc, found = read_yaml(path)
    problems.extend(found)
    if doc is None:
        return Mapping()
    model, found = validate(doc, ImportMapping)
    problems.extend(found)
    if model is None:
        return Mapping()
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    tables = {name: {words(k): v for k, v in getattr(model, name).items()} for name in ImportMapping.model_fields}
    return Mapping(**tables, source=f"the built-in tables with data/{MAPPING_NAME} (sha256 {digest})")
