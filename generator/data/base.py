"""The base of every model of the data contract."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Strict(BaseModel):
    """Unknown keys are mistakes, not extras; validated data is never changed afterwards; numbers are finite.

    ``.nan`` and ``.inf`` are YAML numbers, but no figure, target or setting can be one: a page would say
    "nan by 2026", a chart would get ``nan`` coordinates and invalid JSON.

    ``defer_build``: each model's validator is built when it first validates, not when the module is imported,
    so a build that takes the report from the cache (``site/report_cache.py``), and validates nothing, builds
    none (about 40 ms of the 59 models).
    """

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False, defer_build=True)
