"""The base of every model of the data contract."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Strict(BaseModel):
    """Unknown keys are mistakes, not extras; validated data is never changed afterwards; numbers are finite.

    ``.nan`` and ``.inf`` are YAML numbers, but no figure, target or setting can be one: a page would say
    "nan by 2026", a chart would get ``nan`` coordinates and invalid JSON.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)
