"""Every validation rule: its message and its line, in words an editor understands."""

from __future__ import annotations

import textwrap

import pytest

from generator.data import DataError, load_dataset

from .conftest import ORGANISATION, write_data


def problems(tmp_path, years, organisation=ORGANISATION) -> list[str]:
    folder = write_data(tmp_path / "data", years, organisation)
    with pytest.raises(DataError) as caught:
        load_dataset(folder)
    # paths outside the working folder are shown in full; strip the temporary folder for readability
    return [str(p).replace(str(folder) + "/", "") for p in caught.value.problems]


def only(tmp_path, text: str, year: int = 2024) -> list[str]:
    return problems(tmp_path, {year: text})


def test_appointed_more_than_shortlisted(tmp_path):
    assert only(tmp_path, """\
        year: 2024
        indicator_2:
          shortlisted: {white: 427, bme: 40, unknown: 22}
          appointed: {white: 144, bme: 51, unknown: 3}
        """) == ["years/2024.yaml:4: indicator_2.appointed.bme: 51 appointed but only 40 shortlisted"]


def test_entered_and_accessed_more_than_workforce(tmp_path):
    assert only(tmp_path, """\
        year: 2024
        indicator_3:
          workforce: {white: 10, bme: 10}
          entered: {white: 11, bme: 1}
        indicator_4:
          workforce: {white: 10, bme: 10}
          accessed: {white: 1, bme: 12}
        """) == [
        "years/2024.yaml:4: indicator_3.entered.white: 11 entered the disciplinary process but the workforce has only 10",
        "years/2024.yaml:7: indicator_4.accessed.bme: 12 accessed training but the workforce has only 10",
    ]


def test_workforce_taken_from_indicator_1_is_checked_too(tmp_path):
    assert only(tmp_path, """\
        year: 2024
        indicator_1:
          clinical:
            "Band 5": {white: 10, bme: 5}
        indicator_3:
          entered: {white: 1, bme: 6}
        """) == ["years/2024.yaml:6: indicator_3.entered.bme: 6 entered the disciplinary process but the workforce "
                 "has only 5 (the workforce is taken from the indicator 1 totals)"]




def test_unknown_key_suggests_the_right_one(tmp_path):
    assert only(tmp_path, "year: 2024\nindicatr_2:\n  shortlisted: {white: 1, bme: 1}\n") == [
        "years/2024.yaml:2: indicatr_2: unknown key 'indicatr_2'; did you mean 'indicator_2'?"]


def test_unknown_key_deep_inside(tmp_path):
    assert only(tmp_path, "year: 2024\nindicator_2:\n  shortlisted: {white: 1, bme: 1, asian: 3}\n  appointed: {white: 1, bme: 1}\n") == [
        "years/2024.yaml:3: indicator_2.shortlisted.asian: unknown key 'asian'; expected one of: white, bme, unknown"]


def test_negative_and_fractional_counts(tmp_path):
    assert only(tmp_path, """\
        year: 2024
        indicator_1:
          clinical:
            "Band 5": {white: -3, bme: 2.5}
        """) == [
        "years/2024.yaml:4: indicator_1.clinical.Band 5.bme: must be a whole number, not 2.5",
        "years/2024.yaml:4: indicator_1.clinical.Band 5.white: cannot be negative (found -3)",
    ]


def test_percentages_outside_0_to_100_and_wrong_types(tmp_path):
    assert only(tmp_path, "year: 2024\nindicator_5:\n  white: 120\n  bme: thirty\n") == [
        "years/2024.yaml:3: indicator_5.white: must be a percentage from 0 to 100, not 120",
        'years/2024.yaml:4: indicator_5.bme: must be a number, not "thirty"',
    ]


def test_file_name_and_year_disagree(tmp_path):
    assert only(tmp_path, "year: 2023\n") == ["years/2024.yaml:1: year: says 2023 but the file is named 2024.yaml; they must agree"]


def test_duplicate_years(tmp_path):
    found = problems(tmp_path, {2024: "year: 2024\n", "2024.yml": "year: 2024\n"})
    assert found == ["years/2024.yml:1: year: 2024 is given twice, here and in " + found[0].split("here and in ")[1]]
    assert found[0].endswith("years/2024.yaml; keep one file per year")


def test_badly_named_year_file(tmp_path):
    assert problems(tmp_path, {2024: "year: 2024\n", "2024-draft.yaml": "year: 2024\n"}) == [
        "years/2024-draft.yaml:1: the file name must be the year, such as 2024.yaml"]


def test_counts_and_published_together(tmp_path):
    assert only(tmp_path, """\
        year: 2024
        indicator_2:
          shortlisted: {white: 10, bme: 10}
          appointed: {white: 1, bme: 1}
          published: {relative_likelihood: 1.2}
        """) == ["years/2024.yaml:5: indicator_2.published: give counts or published figures, not both "
                 "(counts found: shortlisted, appointed)"]


def test_not_available_with_figures(tmp_path):
    assert only(tmp_path, 'year: 2024\nindicator_5:\n  white: 20\n  bme: 20\n  not_available: "no survey"\n') == [
        "years/2024.yaml:5: indicator_5.not_available: the indicator is marked not available but also has "
        "figures (white, bme); keep one or the other"]


def test_half_an_indicator(tmp_path):
    assert only(tmp_path, "year: 2024\nindicator_2:\n  shortlisted: {white: 10, bme: 10}\n") == [
        "years/2024.yaml:2: indicator_2: appointed is missing: give shortlisted and appointed, or published "
        "figures, or not_available or missing_reason with a reason"]


def test_yaml_syntax_error_has_its_line(tmp_path):
    found = only(tmp_path, "year: 2024\nindicator_2:\n  shortlisted: {white: 427, bme: 40\n  appointed: 3\n")
    assert found == ["years/2024.yaml:3: the { on line 3 is never closed: add } after the last item, on the same line\n"
                     "    2 | indicator_2:\n"
                     "    3 |   shortlisted: {white: 427, bme: 40\n"
                     "      |                ^"]


def test_a_key_given_twice(tmp_path):
    found = only(tmp_path, "year: 2024\nlabel: a\nlabel: b\n")
    assert found == ["years/2024.yaml:3: this is not valid YAML: a key appears twice in the same block; keep one"]


def test_empty_file(tmp_path):
    assert only(tmp_path, "# nothing yet\n") == ["years/2024.yaml:1: the file is empty"]


def test_organisation_problems(tmp_path):
    found = problems(tmp_path, {2024: "year: 2024\n"}, """\
        name: Test
        contact_email: not-an-email
        settings:
          equity_band: [1.25, 0.8]
          suppresion_threshold: 5
        """)
    assert found == [
        'organisation.yaml:2: contact_email: "not-an-email" is not an email address such as equality@trust.example.nhs.uk',
        "organisation.yaml:4: settings.equity_band: must be two numbers with 1 between them, lowest first (found 1.25 and 0.8)",
        "organisation.yaml:5: settings.suppresion_threshold: unknown key 'suppresion_threshold'; did you mean 'suppression_threshold'?",
    ]


def test_missing_required_key(tmp_path):
    assert problems(tmp_path, {2024: "year: 2024\n"}, "name: Test\n") == [
        "organisation.yaml:1: contact_email: is required but missing"]


def test_every_problem_in_every_file_at_once(tmp_path):
    found = problems(tmp_path, {
        2023: "year: 2023\nindicatr_2: {}\nindicator_2:\n  shortlisted: {white: 1, bme: 1}\n  appointed: {white: 2, bme: 1}\n",
        2024: "year: 2024\nindicator_7: {white: 101, bme: 50}\n",
    })
    assert [f.split(":")[0] + ":" + f.split(":")[1] for f in found] == [
        "years/2023.yaml:2", "years/2023.yaml:5", "years/2024.yaml:2"]


def test_the_lifecycle_and_site_keys_when_valid(tmp_path):
    folder = write_data(tmp_path / "data", {2024: """\
        year: 2024
        status: published
        corrections:
          - date: 2025-02-03
            indicators: [2, 3]
            what: The figure was 1.61; it is 1.58.
            why: Twelve appointments were recorded against the wrong year.
        """, 2025: "year: 2025\nstatus: draft\n"}, ORGANISATION + textwrap.dedent("""\
        site:
          name: Test WRES reports
          url: https://wres.test.example.nhs.uk/
          description: Our WRES reports.
        """))
    dataset = load_dataset(folder)
    assert [y.status for y in dataset.years] == ["published", "draft"]
    assert dataset.years[0].corrections[0].indicators == [2, 3]
    assert dataset.organisation.site_name == "Test WRES reports"
    assert dataset.organisation.site.url == "https://wres.test.example.nhs.uk/"


def test_the_lifecycle_and_site_keys_when_wrong(tmp_path):
    found = problems(tmp_path, {2024: """\
        year: 2024
        status: final
        corrections:
          - date: 03/02/2025
            indicators: [12]
            what: The figure was 1.61; it is 1.58.
          - date: 2025-02-03
            indicators: []
            what: ""
            why: A reason.
        """}, ORGANISATION + textwrap.dedent("""\
        site:
          url: http://wres.test.example.nhs.uk
        """))
    assert found == [
        "organisation.yaml:4: site.url: \"http://wres.test.example.nhs.uk\" starts with http:; the address must start with https://, e.g. https://wres.example.nhs.uk/",
        "years/2024.yaml:2: status: must be one of 'draft' or 'published', not \"final\"",
        'years/2024.yaml:4: corrections[0].date: must be a date written as YYYY-MM-DD: write "03/02/2025" as 2025-02-03',
        "years/2024.yaml:4: corrections[0].why: is required but missing",
        "years/2024.yaml:5: corrections[0].indicators[0]: must be 9 or less, not 12",
        "years/2024.yaml:8: corrections[1].indicators: must list at least 1, not none",
        "years/2024.yaml:9: corrections[1].what: must not be empty",
    ]


def test_a_bad_byte_is_reported_on_its_own_line(tmp_path):
    folder = write_data(tmp_path / "data", {2024: "year: 2024\nlabel: \"2023/24\"\n"})
    path = folder / "years" / "2024.yaml"
    path.write_bytes(path.read_bytes() + b"summary: Caf\xe9 staff\n")
    with pytest.raises(DataError) as caught:
        load_dataset(folder)
    assert [str(p).replace(str(folder) + "/", "") for p in caught.value.problems] == [
        "years/2024.yaml:3: this line has a character that is not UTF-8 (byte 0xe9); save the file as UTF-8 or retype the character"]


def test_an_oversized_file_is_refused_with_a_clear_error(tmp_path):
    folder = write_data(tmp_path / "data", {2024: "year: 2024\nsummary: " + "word " * 1_000_000 + "\n"})
    with pytest.raises(DataError) as caught:
        load_dataset(folder)
    assert [str(p).replace(str(folder) + "/", "") for p in caught.value.problems] == [
        "years/2024.yaml:1: the file is 5.0 MB; a data file can be at most 1 MB. Is something pasted in by mistake?"]


def test_a_number_written_with_a_thousands_comma_says_so(tmp_path):
    assert only(tmp_path, """\
        year: 2024
        indicator_4:
          accessed: {white: 1,210, bme: 640}
        """)[0] == ("years/2024.yaml:3: indicator_4.accessed[210]: looks like a number written with a comma (such as 1,210): "
                    "write numbers without commas or spaces, e.g. 1210")
