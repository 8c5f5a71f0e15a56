"""Why a figure has no value, or the caveat on one that has: a typed field, never a prefix of a note to decode."""

from __future__ import annotations

from enum import Enum


class Status(str, Enum):
    """What a figure is: shown, or withheld, missing or impossible, and why (in ``reason``).

    Where a figure came from (counts, a printed report, the engine from printed figures) is its ``source``.
    """

    SHOWN = "shown"
    NO_INTERVAL = "no_interval"  # shown, but its confidence interval cannot be computed
    SUPPRESSED = "suppressed"  # withheld to protect privacy
    NOT_AVAILABLE = "not_available"  # the trust says the indicator is not available this year
    CANNOT_COMPUTE = "cannot_compute"  # the figures behind it do not allow it

    @property
    def has_value(self) -> bool:
        return self in (Status.SHOWN, Status.NO_INTERVAL)


def note_text(status: Status, reason: str) -> str:
    """The CSV's ``note`` column for a figure, as it has always been written."""
    if status is Status.SUPPRESSED:
        return "suppressed"
    if status is Status.NOT_AVAILABLE:
        return f"not_available: {reason}"
    if status is Status.CANNOT_COMPUTE:
        return f"cannot be computed: {reason}"
    if status is Status.NO_INTERVAL:
        return f"confidence interval cannot be computed: {reason}"
    return ""
