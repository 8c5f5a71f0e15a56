"""A year's narrative slots: the trust's own words, validated like every other key and shown on the year page."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.data import DataError, load_dataset
from generator.data.narrative import MESSAGES_MAX, PROSE_MAX

from .conftest import write_data
from .test_loading import only

VALID = """\
year: 2024
narrative:
  foreword: |
    This year we **listened**. Read [our strategy](https://www.example.nhs.uk/strategy).
  foreword_signatory: "Dr Jane Smith, Chief Executive"
  staff_network_statement: |
    The network welcomes the progress on recruitment.
  key_messages:
    - "The appointment gap narrowed."
    - "Discrimination from colleagues fell."
  conclusion: |
    There is more to do.
  board_approved: 2024-09-26
"""


def test_valid_narrative_is_read_with_every_field(tmp_path):
    dataset = load_dataset(write_data(tmp_path / "data", {2024: VALID}))
    narrative = dataset.years[0].narrative
    assert narrative.foreword.startswith("This year we **listened**.")
    assert narrative.foreword_signatory == "Dr Jane Smith, Chief Executive"
    assert narrative.staff_network_statement.startswith("The network welcomes")
    assert narrative.key_messages == ["The appointment gap narrowed.", "Discrimination from colleagues fell."]
    assert narrative.conclusion == "There is more to do.\n"
    assert narrative.board_approved == dt.date(2024, 9, 26)


def test_narrative_is_optional_and_every_slot_too(tmp_path):
    dataset = load_dataset(write_data(tmp_path / "data", {2023: "year: 2023\n", 2024: "year: 2024\nnarrative:\n  board_approved: 2024-10-01\n"}))
    assert dataset.years[0].narrative is None
    assert dataset.years[1].narrative.foreword is None
    assert dataset.years[1].narrative.key_messages == []


def test_a_date_written_another_way_shows_how_to_write_it(tmp_path):
    assert only(tmp_path, """\
        year: 2024
        narrative:
          board_approved: 26/09/2024
        """) == ['years/2024.yaml:3: narrative.board_approved: must be a date written as YYYY-MM-DD: write "26/09/2024" as 2024-09-26']


def test_an_impossible_date_and_a_date_before_the_figures(tmp_path):
    assert only(tmp_path, "year: 2024\nnarrative:\n  board_approved: 2024-09-31\n") == [
        "years/2024.yaml:3: narrative.board_approved: 2024-09-31 is not a real date"]
    assert only(tmp_path, "year: 2024\nnarrative:\n  board_approved: 2023-09-26\n") == [
        "years/2024.yaml:3: narrative.board_approved: 2023-09-26 is before 31 March 2024, the date of the figures the board approved; check the year"]


def test_unknown_key_names_the_likely_one(tmp_path):
    assert only(tmp_path, """\
        year: 2024
        narrative:
          foreward: Hello
        """) == ["years/2024.yaml:3: narrative.foreward: unknown key 'foreward'; did you mean 'foreword'?"]


def test_wrong_types_are_plain(tmp_path):
    found = only(tmp_path, """\
        year: 2024
        narrative:
          foreword: [one, two]
          key_messages: "one message, not a list"
          conclusion: 42
          board_approved: soon
        """)
    assert found == [
        "years/2024.yaml:3: narrative.foreword: must be text, not a list",
        ('years/2024.yaml:4: narrative.key_messages: must be a list, not "one message, not a list": write it as a list, '
         "each item on its own line starting with '- ', e.g. - one message, not a list"),
        "years/2024.yaml:5: narrative.conclusion: must be text, not 42",
        'years/2024.yaml:6: narrative.board_approved: must be a date written as YYYY-MM-DD, not "soon"',
    ]
    assert only(tmp_path, "year: 2024\nnarrative: yes please\n") == [
        "years/2024.yaml:2: narrative: must be a block of 'key: value' lines, not \"yes please\""]


def test_too_long_and_too_many_and_empty(tmp_path):
    messages = "\n".join(f"    - message {i}" for i in range(MESSAGES_MAX + 1))
    found = only(tmp_path, f"year: 2024\nnarrative:\n  foreword: {'x' * (PROSE_MAX + 1)}\n  key_messages:\n{messages}\n  conclusion: ''\n")
    assert found == [
        f"years/2024.yaml:3: narrative.foreword: is {PROSE_MAX + 1:,} characters long; the most it can be is {PROSE_MAX:,}",
        f"years/2024.yaml:4: narrative.key_messages: lists {MESSAGES_MAX + 1}; the most it can list is {MESSAGES_MAX}",
        "years/2024.yaml:16: narrative.conclusion: must not be empty",
    ]


def test_a_signatory_needs_a_foreword(tmp_path):
    assert only(tmp_path, "year: 2024\nnarrative:\n  foreword_signatory: Dr Jane Smith\n") == [
        "years/2024.yaml:3: narrative.foreword_signatory: there is no foreword to sign: add the foreword, or remove its signatory"]


def test_every_problem_at_once(tmp_path):
    folder = write_data(tmp_path / "data", {2024: "year: 2024\nnarrative:\n  foreword: 1\n  board_approved: 31.07.24\n"})
    with pytest.raises(DataError) as caught:
        load_dataset(folder)
    assert [p.field for p in caught.value.problems] == ["narrative.foreword", "narrative.board_approved"]


def test_new_year_scaffolds_the_slots_commented_out_with_guidance(tmp_path):
    from generator.data import Project
    from generator.site import new_year

    from .conftest import load_example
    from .site_helpers import copy_data

    data = copy_data(tmp_path / "project")
    year_file, _ = new_year(Project.folder(data.parent), 2025)
    text = year_file.read_text(encoding="utf-8")
    assert load_example(data.parent).years[-1].narrative is None  # the draft is valid as it stands
    for slot in ("foreword", "foreword_signatory", "key_messages", "staff_network_statement", "conclusion", "board_approved"):
        assert f"#   {slot}:" in text
    # an editor who removes the # in front of every line of the block gets a valid narrative
    lines = text.splitlines()
    start = lines.index("# narrative:")
    for i in range(start, start + 11):
        lines[i] = lines[i][2:]
    year_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    narrative = load_example(data.parent).years[-1].narrative
    assert narrative.foreword_signatory == "Name, Chief Executive"
    assert narrative.board_approved == dt.date(2025, 9, 30)
    assert narrative.key_messages == ["..."]
