"""Figures typed from a printed report keep the precision they were printed with.

A trust that printed "1.5" or "22%" should see "1.5" and "22%" on its site, not
"1.50" and "22.0%". YAML numbers lose that once they are floats, so the reader
(``yamlfile.plain``) turns each one into a :class:`Printed` float that carries its
decimal places, and the contract's typed figures keep the instance through
validation. The metrics table stores ``decimals`` beside the value.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, WrapValidator
from pydantic_core.core_schema import ValidatorFunctionWrapHandler


class Printed(float):
    """A float that remembers how many decimal places it was written with."""

    decimals: int

    def __new__(cls, value: float, decimals: int) -> Printed:
        obj = super().__new__(cls, value)
        obj.decimals = decimals
        return obj

    def __reduce__(self):  # noqa: ANN204 - keeps the precision through copies and pickling
        return (Printed, (float(self), self.decimals))


def decimals_of(value: Any) -> int | None:
    """The decimal places a typed figure was written with: a whole number has 0; unknown is None."""
    if isinstance(value, Printed):
        return value.decimals
    if isinstance(value, int) and not isinstance(value, bool):
        return 0
    return None


def from_yaml_float(value: float, width: int | None, dot: int | None, exponent: Any) -> float:
    """ruamel's ScalarFloat as a :class:`Printed`: its width minus the position of the dot, minus one."""
    if exponent or width is None or dot is None or dot < 0:
        return float(value)
    return Printed(float(value), max(0, width - dot - 1))


def _keep(value: Any, handler: ValidatorFunctionWrapHandler) -> float:
    checked = handler(value)
    places = decimals_of(value)
    return checked if places is None else Printed(checked, places)


# A typed figure (a published percentage or ratio, a survey or national figure): a float that keeps its precision.
Typed = WrapValidator(_keep)
PrintedPercent = Annotated[float, Field(ge=0, le=100), Typed]
PrintedRatio = Annotated[float, Field(gt=0), Typed]
