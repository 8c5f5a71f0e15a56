"""The trust's own words and identity: a year's narrative slots, and the logo and accent colour of ``wres.yaml``.

``Narrative`` is the optional ``narrative:`` block of ``years/<YYYY>.yaml`` (the
foreword, the staff network's statement, key messages, the conclusion and the date
the board approved the report) and the board paper's cover sheet (meeting and its date, purpose,
decision or recommendation, executive lead and author). Its prose is Markdown, sanitised like every other
prose key when it is shown. ``Identity`` is the optional ``identity:`` block of
``wres.yaml``; the checks that need the file system or arithmetic (the logo file,
WCAG contrast of the accent colour) are in :mod:`generator.data.identity`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

from pydantic import Field, PrivateAttr

from .base import Strict

PROSE_MAX = 6000  # a foreword is a page or so; a longer one is probably a paste gone wrong
MESSAGE_MAX = 400
MESSAGES_MAX = 10

KeyMessage = Annotated[str, Field(min_length=1, max_length=MESSAGE_MAX, description="One key message: a sentence or two, in Markdown (inline).")]


class Narrative(Strict):
    """What the trust writes about the year, beside the figures."""

    foreword: str | None = Field(None, min_length=1, max_length=PROSE_MAX, description=(
        "The foreword, usually by the chief executive, in Markdown: shown near the top of the year's report "
        "and in its PDF, with its signatory."))
    foreword_signatory: str | None = Field(None, min_length=1, max_length=200, description=(
        'Who signs the foreword, e.g. "Dr Jane Smith, Chief Executive". Needs a foreword.'))
    staff_network_statement: str | None = Field(None, min_length=1, max_length=PROSE_MAX, description=(
        "The statement of the staff race equality network about the year, in its own words (Markdown)."))
    key_messages: list[KeyMessage] = Field(default_factory=list, max_length=MESSAGES_MAX, description=(
        f"The key messages of the year, most important first (at most {MESSAGES_MAX}), each a sentence or two."))
    conclusion: str | None = Field(None, min_length=1, max_length=PROSE_MAX, description=(
        "The conclusion of the report, in Markdown: shown at the end of the year's report."))
    board_approved: dt.date | None = Field(None, description=(
        "The date the trust board approved the report, YYYY-MM-DD, e.g. 2024-09-26."))
    # The board paper's cover sheet (the first page of the PDF), as NHS boards expect every paper to open.
    meeting: str | None = Field(None, min_length=1, max_length=200, description=(
        'The meeting the report goes to, e.g. "Trust Board (meeting in public)": on the PDF\'s cover sheet.'))
    meeting_date: dt.date | None = Field(None, description=(
        "The date of that meeting, YYYY-MM-DD, e.g. 2024-09-26: on the PDF's cover sheet."))
    purpose: str | None = Field(None, min_length=1, max_length=MESSAGE_MAX, description=(
        'Why the paper comes to the meeting, a sentence or two, e.g. "For approval: the WRES report and action plan '
        'before they are published." On the PDF\'s cover sheet.'))
    recommendation: str | None = Field(None, min_length=1, max_length=MESSAGE_MAX, description=(
        'The decision or recommendation asked of the meeting, e.g. "The board is asked to approve the report and '
        'the action plan for publication." On the PDF\'s cover sheet.'))
    executive_lead: str | None = Field(None, min_length=1, max_length=200, description=(
        'The executive director who leads on the report, e.g. "Jo Bloggs, Chief People Officer": on the PDF\'s cover sheet.'))
    author: str | None = Field(None, min_length=1, max_length=200, description=(
        'Who wrote the paper, e.g. "Sam Lee, Head of Equality, Diversity and Inclusion": on the PDF\'s cover sheet.'))

    @property
    def cover_sheet(self) -> list[tuple[str, str | dt.date]]:
        """The cover sheet's rows that were given, in the order a board paper lists them."""
        rows = [("Meeting", self.meeting), ("Date of meeting", self.meeting_date), ("Purpose", self.purpose),
                ("Decision or recommendation", self.recommendation), ("Executive lead", self.executive_lead),
                ("Author", self.author)]
        return [(label, value) for label, value in rows if value is not None]


class Identity(Strict):
    """The trust's logo and colour on the site and in the PDF; without it the site keeps its neutral look."""

    logo: str | None = Field(None, min_length=1, json_schema_extra={"pattern": "\\.(svg|SVG|png|PNG)$"}, description=(
        "The trust's logo, an .svg or .png file inside the project folder, given relative to it, e.g. content/logo.svg "
        "(at most 512 KB). Shown in the site's header and on the PDF's cover. Needs logo_alt."))
    logo_alt: str | None = Field(None, min_length=1, max_length=150, description=(
        'The logo\'s text alternative for people who cannot see it, e.g. "Kingsmere Hospitals NHS Foundation Trust". '
        "Required with a logo."))
    accent_colour: str | None = Field(None, min_length=1, json_schema_extra={"pattern": "^#[0-9A-Fa-f]{6}$"}, description=(
        'The trust\'s colour, written #RRGGBB, e.g. "#005EB8": the header\'s background and the colour of links. '
        "It must pass WCAG AA contrast: white header text on it and links on the white page need 4.5:1."))

    _folder: Path | None = PrivateAttr(None)

    @property
    def logo_path(self) -> Path | None:
        """The logo as an absolute path (the loader checked that it exists, inside the project folder)."""
        if self.logo is None or self._folder is None:
            return None
        return (self._folder / self.logo).resolve()

    def located(self, folder: Path) -> Identity:
        """This identity, knowing the folder its logo path is relative to."""
        self._folder = folder.resolve()
        return self
