"""The one exception family for mistakes in a user's files.

A :class:`DataError` carries every :class:`Problem` found, each printed as
``path:line: field: message``. It subclasses :class:`click.ClickException`, so
the command line shows it as plain lines and never as a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass

import click


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str
    excerpt: str = ""  # the lines the message is about, numbered, with a caret (YAML syntax errors)

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}"
        text = f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        return f"{text}\n{self.excerpt}" if self.excerpt else text


class DataError(click.ClickException):
    """One or more mistakes in the data files; nothing has been written."""

    exit_code = 1

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(self.format_message())

    def format_message(self) -> str:
        count = len(self.problems)
        lines = [str(p) for p in self.problems]
        noun = "problem" if count == 1 else "problems"
        lines.append(f"{count} {noun} found. Nothing was written; fix the lines above and run again.")
        return "\n".join(lines)

    def show(self, file=None) -> None:  # noqa: ANN001 - click's signature
        click.echo(self.format_message(), err=True, file=file)
