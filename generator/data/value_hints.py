""""Did you mean" for values that are nearly right: a status with a space, a percentage with its %, a list without brackets.

Keys get their hint from the model's field names (``yamlfile``); a value gets it from what the field
accepts: the choices of a fixed list (statuses, indicator numbers), a number, a list.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

CHOICE = re.compile(r"'([^']*)'|(\d+)")
NUMBER = re.compile(r"^[-+]?\d+(\.\d+)?$")


def choices(expected: str) -> list[str | int]:
    """pydantic's ``'a', 'b' or 'c'`` (or ``1, 2 or 3``) as the values themselves."""
    return [text if text or not number else int(number) for text, number in CHOICE.findall(expected)]


def choice_hint(value: Any, options: list[Any]) -> str:
    """``; did you mean 'in_progress'?`` for a value close to one of ``options``, or ""."""
    if not isinstance(value, (str, int)) or isinstance(value, bool):
        return ""
    text = str(value).strip()
    numbers = [o for o in options if isinstance(o, int)]
    if numbers and isinstance(value, str):
        digits = re.findall(r"\d+", text)
        if len(digits) == 1 and int(digits[0]) in numbers:
            return f"; write {digits[0]}, a number without quotes or words"
        return ""
    names = [o for o in options if isinstance(o, str)]
    folded = re.sub(r"[\s-]+", "_", text.lower())
    if folded in names:
        return f"; did you mean '{folded}'?"
    close = difflib.get_close_matches(folded, names, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def theme_hint(theme: str, themes: list[str]) -> str:
    """``; did you mean 'culture'?`` for a theme id close to one of the plan's."""
    return choice_hint(theme, themes)


def number_hint(value: Any) -> str:
    """What to write instead of a number typed with a unit, a comma or a space, or ""."""
    if not isinstance(value, str):
        return ""
    text = value.strip()
    for unit in ("%", "percent", "per cent", "pp", "p.p."):
        bare = text.removesuffix(unit).strip()
        if bare != text and NUMBER.match(bare):
            return f": write {bare} (without the {unit})"
    if re.fullmatch(r"\d{1,3}(,\d{3})+", text):
        return f": write {text.replace(',', '')} (without the comma)"
    if re.fullmatch(r"\d+,\d{1,2}", text):
        return f": write {text.replace(',', '.')} (with a point, not a comma)"
    if re.fullmatch(r"\d{1,3}( \d{3})+", text):
        return f": write {text.replace(' ', '')} (without the spaces)"
    return ""


def list_hint(value: Any) -> str:
    """``: write [1, 2]`` for a list typed without its brackets, or ""."""
    if isinstance(value, int) and not isinstance(value, bool):
        return f": write [{value}]"
    if isinstance(value, str) and value.strip():
        items = [item.strip() for item in re.split(r"[,;]|\band\b", value) if item.strip()]
        if all(re.fullmatch(r"\d+", item) for item in items):  # numbers, e.g. indicators: 1, 2
            return f": write [{', '.join(items)}]"
        # words: brackets would split a sentence at its commas; one item a line keeps it whole
        return f": write it as a list, each item on its own line starting with '- ', e.g. - {value.strip()}"
    return ""
