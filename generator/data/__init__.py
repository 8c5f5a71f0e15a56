"""Stage 1, the data: read a trust's YAML with line numbers, validate it against the contract, report every problem.

Everything the later stages know about the input comes from here, already
validated: a :class:`Dataset` of the organisation, its years and its action
plans. A user's mistake becomes a :class:`DataError` listing every problem as
``file:line: field: message``; nothing later ever sees invalid data.

- ``yamlfile``: YAML with line numbers, and pydantic errors turned into problems.
- ``model`` / ``plans`` / ``narrative``: the contract of years, the organisation, action plans, and the trust's own words and identity.
- ``checks`` / ``plan_checks``: the rules that span several fields.
- ``indicators``: the nine WRES indicators, their groups and measures.
- ``loading``: the one entry point, ``load_dataset``; ``schema``: JSON Schema export.
"""

from .errors import DataError, Problem
from .indicators import BENCHMARK_MEASURES, INDICATORS, MEASURES, STAFF_GROUP_TITLES, Indicator
from .loading import load_dataset, load_project
from .model import Correction, Counts, Dataset, Indicator1, Indicator9, Organisation, Settings, SurveyIndicator, Terminology, Year
from .narrative import Identity, Narrative
from .plans import CLOSED, STATUSES, Action, ActionPlan, Target
from .project import Project

__all__ = [
    "BENCHMARK_MEASURES", "CLOSED", "INDICATORS", "MEASURES", "STAFF_GROUP_TITLES", "STATUSES",
    "Action", "ActionPlan", "Correction", "Counts", "DataError", "Dataset", "Indicator", "Indicator1", "Indicator9",
    "Identity", "Narrative", "Organisation", "Problem", "Project", "Settings", "SurveyIndicator", "Target", "Terminology", "Year", "load_dataset",
    "load_project",
]
