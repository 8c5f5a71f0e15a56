"""The base of every model of the data contract."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Strict(BaseModel):
    """Unknown keys are mistakes, not extras; validated data is never changed afterwards."""

    model_config = ConfigDict(extra="forbid", frozen=True)
