"""``wres import`` and disability: the WDES counts (``wdes.metric_1``, ``.metric_2``, ``.metric_3``) from the same extracts.

A staff or recruitment extract with a disability column also gives its WDES metric; a capability
extract gives metric 3. A trust that does not publish the WDES sees no trace of it, and an extract
without a disability column imports exactly as before.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.data import Project, load_project
from generator.data.yamlfile import display_path

from .conftest import ROOT, copy_project, load_example
from .test_import import fresh  # noqa: F401 - the example without its 2024 files, the year the extracts are for

EXTRACTS = ROOT / "example_extracts"
STAFF = EXTRACTS / "esr-staff-in-post-2024-03-31.csv"
RECRUITMENT = EXTRACTS / "recruitment-applications-2023-24.csv"
CAPABILITY = EXTRACTS / "hr-capability-cases-2022-24.csv"
UNREAD_NOTE = ('The extract also has a disability column ("Disability"), which was not read, as no year of this project has '
               'WDES figures. To count WDES metric 1 from it too, run the import again with --map disability="Disability".')


def wres(*args: str | Path):  # noqa: ANN201
    return CliRunner().invoke(main, [str(a) for a in args])


def imported(project: Path, kind: str, path: Path, *more: str, year: int = 2024):  # noqa: ANN201
    return wres("import", kind, path, "--year", year, "--project", project, *more)


def year_of(project: Path, year: int = 2024):  # noqa: ANN201
    return next(y for y in load_project(Project.folder(project), drafts=True).years if y.year == year)


@pytest.fixture
def wres_only(tmp_path: Path) -> Path:
    """A new trust's project: no year yet, so no WDES figures anywhere."""
    assert wres("init", tmp_path / "trust", "--name", "Example NHS Trust").exit_code == 0
    return tmp_path / "trust"


def staff_rows() -> pd.DataFrame:
    """Seven people, in ESR's columns, whose counts land in four clusters of three staff groups."""
    return pd.DataFrame({
        "Assignment Number": [f"1000{i}-1" for i in range(7)],
        "Staff Group": ["Nursing and Midwifery Registered", "Nursing and Midwifery Registered", "Administrative and Clerical",
                        "Administrative and Clerical", "Medical and Dental", "Medical and Dental", "Medical and Dental"],
        "Pay Band": ["Band 5", "Band 7", "Band 3", "VSM", "", "", ""],
        "Grade": ["XR05", "XR07", "XR03", "VSM", "Consultant", "Specialty Doctor", "ST3"],
        "Ethnic Origin": ["A White - British", "N Black or Black British - African", "Z Not Stated", "A White - British",
                          "H Asian or Asian British - Indian", "A White - British", "R Chinese"],
        "Disability": ["Yes", "No", "Not Declared", "Prefer Not To Answer", "No", "", "yes"],
    })


def write(frame: pd.DataFrame, path: Path) -> Path:
    if path.suffix == ".xlsx":
        frame.to_excel(path, index=False, engine="openpyxl")
    else:
        frame.to_csv(path, index=False)
    return path


def test_the_example_extracts_give_the_example_wdes_counts(fresh):
    staff = imported(fresh, "staff", STAFF)
    assert staff.exit_code == 0, staff.output
    assert staff.output.splitlines()[0] == (
        f"Wrote {display_path(fresh / 'data' / 'years' / '2024.yaml')} (a new draft, indicator 1 and WDES metric 1) from "
        "esr-staff-in-post-2024-03-31.csv: 7,040 rows, staff in post 4,545 White, 2,285 BME, 210 unknown; "
        "WDES staff in post 5,442 non-disabled, 408 Disabled, 1,190 unknown.")
    recruitment = imported(fresh, "recruitment", RECRUITMENT, "--map", "ethnicity=Applicant Ethnicity")
    assert recruitment.exit_code == 0, recruitment.output
    assert "WDES shortlisted 3,740 non-disabled, 430 Disabled, 170 unknown; WDES appointed 1,130 non-disabled, " \
           "117 Disabled, 45 unknown." in recruitment.output
    capability = imported(fresh, "capability", CAPABILITY)
    assert capability.exit_code == 0, capability.output
    assert "(WDES metric 3) from hr-capability-cases-2022-24.csv: 63 rows, WDES entered 51 non-disabled, 7 Disabled, " \
           "5 unknown." in capability.output
    ours, example = year_of(fresh).wdes, next(y for y in load_example().years if y.year == 2024).wdes
    assert ours.metric_1.groups() == example.metric_1.groups()
    assert list(ours.metric_1.groups()["clinical"]) == list(example.metric_1.groups()["clinical"])  # in cluster order
    assert (ours.metric_2.shortlisted, ours.metric_2.appointed) == (example.metric_2.shortlisted, example.metric_2.appointed)
    assert ours.metric_3.entered == example.metric_3.entered and ours.metric_3.workforce is None
    # the year file says it in the WDES's own keys, under wdes:, each block under its provenance
    text = (fresh / "data" / "years" / "2024.yaml").read_text()
    assert '      "Cluster 1 (Bands 1 to 4)": {non_disabled: 1089, disabled: 93, unknown: 248}\n' in text
    assert '    "Medical and dental trainee grades": {non_disabled: 329, disabled: 19, unknown: 91}\n' in text
    assert "  metric_3:\n    entered: {non_disabled: 51, disabled: 7, unknown: 5}\n" in text
    assert ("  #   Columns read: disability = \"Disability\", staff_group = \"Staff Group\", band = \"Pay Band\" "
            "(medical and dental: \"Grade\").\n  #   Values placed by the built-in tables (see the Methodology page).\n"
            "  #   Metric 3 takes its workforce from these counts.\n  metric_1:\n") in text
    assert '#   Columns read: ethnicity = "Ethnic Origin", staff_group = "Staff Group", band = "Pay Band"' in text  # WRES: no disability
    assert "  #   The workforce (the denominator) is the year's metric 1 counts.\n  metric_3:\n" in text
    # the same files again: the same bytes
    for kind, path, *more in (("staff", STAFF), ("recruitment", RECRUITMENT, "--map", "ethnicity=Applicant Ethnicity"),
                              ("capability", CAPABILITY)):
        assert imported(fresh, kind, path, *more).exit_code == 0
    assert (fresh / "data" / "years" / "2024.yaml").read_text() == text


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_disability_counts_land_in_the_right_keys(fresh, tmp_path, suffix):
    path = write(staff_rows(), tmp_path / f"staff{suffix}")
    result = imported(fresh, "staff", path)
    assert result.exit_code == 0, result.output  # counts of 1 are no problem here: suppression is at publication
    year = year_of(fresh)
    clusters = {group: {label: (c.bme, c.white, c.unknown) for label, c in bands.items()}  # Disabled, non-disabled, unknown
                for group, bands in year.wdes.metric_1.groups().items()}
    assert clusters == {
        "non_clinical": {"Cluster 1 (Bands 1 to 4)": (0, 0, 1), "Cluster 4 (Bands 8c to 9 and VSM)": (0, 0, 1)},
        "clinical": {"Cluster 2 (Bands 5 to 7)": (1, 1, 0)},
        "medical_and_dental": {"Consultants": (0, 1, 0), "Non-consultant career grades": (0, 0, 1),
                               "Medical and dental trainee grades": (1, 0, 0)},
    }
    assert year.indicator_1.groups()["clinical"]["Band 5"].white == 1  # and the WRES counts from the same rows
    text = (fresh / "data" / "years" / "2024.yaml").read_text()
    assert '      "Cluster 2 (Bands 5 to 7)": {non_disabled: 1, disabled: 1, unknown: 0}\n' in text


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_recruitment_and_capability_count_small_numbers(fresh, tmp_path, suffix):
    assert imported(fresh, "staff", STAFF).exit_code == 0
    applications = pd.DataFrame({
        "Applicant Ethnicity": ["White - British", "Indian", "Chinese", "Prefer not to say"],
        "Disability Status": ["No", "Yes", "Prefer not to say", "Yes"],
        "Shortlisted": ["Yes", "Yes", "Yes", "No"],
        "Appointed": ["Yes", "No", "No", "No"],
    })
    result = imported(fresh, "recruitment", write(applications, tmp_path / f"applications{suffix}"),
                      "--map", "ethnicity=Applicant Ethnicity")
    assert result.exit_code == 0, result.output
    cases = pd.DataFrame({"Employee Number": ["1", "2", "3"], "Disability": ["Yes", "No", "Yes"]})
    result = imported(fresh, "capability", write(cases, tmp_path / f"cases{suffix}"))
    assert result.exit_code == 0, result.output
    wdes = year_of(fresh).wdes
    assert (wdes.metric_2.shortlisted.white, wdes.metric_2.shortlisted.bme, wdes.metric_2.shortlisted.unknown) == (1, 1, 1)
    assert (wdes.metric_2.appointed.white, wdes.metric_2.appointed.bme, wdes.metric_2.appointed.unknown) == (1, 0, 0)
    assert (wdes.metric_3.entered.white, wdes.metric_3.entered.bme, wdes.metric_3.entered.unknown) == (1, 2, 0)
    text = (fresh / "data" / "years" / "2024.yaml").read_text()
    assert "  metric_3:\n    entered: {non_disabled: 1, disabled: 2, unknown: 0}\n" in text  # the raw counts, for the engine
    assert '#   Columns read: disability = "Disability Status", shortlisted = "Shortlisted", appointed = "Appointed".' in text


def test_an_unknown_disability_value_names_file_row_and_column(fresh, tmp_path):
    frame = staff_rows()
    frame.loc[1, "Disability"] = "Maybe"
    frame.loc[3, "Disability"] = "Maybe"
    frame.loc[2, "Disability"] = "D"
    frame.loc[5, "Pay Band"] = ""
    frame.loc[0, "Pay Band"] = "Band 10"
    path = write(frame, tmp_path / "staff.csv")
    result = imported(fresh, "staff", path)
    assert result.exit_code == 1
    where = display_path(path)
    assert result.output.splitlines() == [  # every problem, in the order of the rows
        f'{where}:2: band (column "Pay Band"): "Band 10" is not an Agenda for Change band (Band 1 to Band 9, Band 8a to 8d, '
        f'or VSM). Add it to data/import_mapping.yaml under bands:, e.g. "Band 10": VSM (row 2)',
        f'{where}:3: disability (column "Disability"): "Maybe" is not a disability status the import can place (Yes, No, '
        f"Not Declared or Prefer Not To Answer). Add it to data/import_mapping.yaml under disability: as disabled, "
        f"non_disabled or unknown (rows 3 and 5)",
        f'{where}:4: disability (column "Disability"): "D" is not a disability status the import can place (Yes, No, '
        f"Not Declared or Prefer Not To Answer). Add it to data/import_mapping.yaml under disability: as disabled, "
        f"non_disabled or unknown (row 4)",
        "3 problems found. Nothing was written; fix the lines above and run again.",
    ]
    assert not (fresh / "data" / "years" / "2024.yaml").exists()
    # the trust's own values, in data/import_mapping.yaml, place them
    (fresh / "data" / "import_mapping.yaml").write_text('disability: {"Maybe": unknown, "D": disabled}\nbands: {"Band 10": VSM}\n')
    result = imported(fresh, "staff", path)
    assert result.exit_code == 0, result.output
    groups = year_of(fresh).wdes.metric_1.groups()
    assert groups["non_clinical"]["Cluster 1 (Bands 1 to 4)"].bme == 1  # "D" is Disabled
    assert groups["non_clinical"]["Cluster 4 (Bands 8c to 9 and VSM)"].unknown == 1  # "Maybe" is unknown


def test_the_mapping_file_takes_only_the_three_groups(fresh, tmp_path):
    (fresh / "data" / "import_mapping.yaml").write_text('disability:\n  "Maybe": yes\n')
    result = imported(fresh, "capability", CAPABILITY)
    assert result.exit_code == 1
    assert "data/import_mapping.yaml:2: disability.Maybe: " in result.output
    assert "'disabled', 'non_disabled' or 'unknown'" in result.output


def test_a_trust_without_wdes_figures_sees_no_trace(wres_only):
    result = imported(wres_only, "staff", STAFF)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "(a new draft, indicator 1) from esr-staff-in-post-2024-03-31.csv: 7,040 rows, staff in post 4,545 White, " \
           "2,285 BME, 210 unknown." in lines[0]
    assert lines[1] == UNREAD_NOTE
    text = (wres_only / "data" / "years" / "2024.yaml").read_text()
    assert "wdes" not in text.lower() and "disab" not in text.lower()
    assert '#   Columns read: ethnicity = "Ethnic Origin", staff_group = "Staff Group", band = "Pay Band"' in text
    assert year_of(wres_only).wdes is None
    # naming the column starts the WDES
    result = imported(wres_only, "staff", STAFF, "--map", "disability=Disability")
    assert result.exit_code == 0, result.output
    assert "(indicator 1 and WDES metric 1)" in result.output and UNREAD_NOTE not in result.output
    assert year_of(wres_only).wdes.metric_1.groups()["clinical"]["Cluster 2 (Bands 5 to 7)"].total == 2138 + 167 + 429


def test_an_extract_without_a_disability_column_writes_only_the_wres_block(fresh, tmp_path):
    path = tmp_path / "esr.csv"
    pd.read_csv(STAFF, dtype=str, keep_default_na=False).drop(columns="Disability").to_csv(path, index=False)
    result = imported(fresh, "staff", path)
    assert result.exit_code == 0, result.output
    assert "(a new draft, indicator 1) from esr.csv: 7,040 rows, staff in post 4,545 White, 2,285 BME, 210 unknown." \
        in result.output and "WDES" not in result.output and "disability" not in result.output
    text = (fresh / "data" / "years" / "2024.yaml").read_text()
    assert "\nwdes:" not in text and year_of(fresh).wdes is None


def test_metric_2_goes_into_a_hand_written_section_in_its_place(fresh):
    year_file = fresh / "data" / "years" / "2024.yaml"
    assert wres("new-year", "2024", "--project", fresh).exit_code == 0
    section = ("wdes:\n"
               "    # typed from the survey report\n"
               "    survey_declaration: {share: 24.0}\n"
               "\n"
               "    # the survey's harassment question\n"
               "    metric_4a_i:\n"
               "        disabled: 30.6   # as printed\n"
               "        non_disabled: 24.9\n"
               "\n"
               "# the corrections, if any, go last\n")
    before = year_file.read_text()
    at = before.index("corrections:") if "\ncorrections:" in before else len(before)
    year_file.write_text(before[:at] + section + before[at:])
    result = imported(fresh, "recruitment", RECRUITMENT, "--map", "ethnicity=Applicant Ethnicity")
    assert result.exit_code == 0, result.output
    text = year_file.read_text()
    assert text[text.index("wdes:"):] == section.replace("    # the survey's", (
        "    # Counts imported with 'wres import recruitment' from \"recruitment-applications-2023-24.csv\" "
        f"(sha256 {hashlib.sha256(RECRUITMENT.read_bytes()).hexdigest()}, 10,850 rows).\n"
        '    #   Columns read: disability = "Disability", shortlisted = "Shortlisted", appointed = "Appointed".\n'
        "    #   Values placed by the built-in tables (see the Methodology page).\n"
        "    metric_2:\n"
        "      shortlisted: {non_disabled: 3740, disabled: 430, unknown: 170}\n"
        "      appointed: {non_disabled: 1130, disabled: 117, unknown: 45}\n"
        "    # the survey's"))  # before metric 4a(i) and the comment above it, indented as the section is
    assert year_of(fresh).wdes.metric_4a_i.bme == 30.6


def test_capability_needs_a_disability_column(fresh, tmp_path):
    path = write(pd.DataFrame({"Employee Number": ["1"], "Ethnic Origin": ["A"]}), tmp_path / "cases.csv")
    result = imported(fresh, "capability", path)
    assert result.exit_code == 1
    assert (f'{display_path(path)}:1: there is no column "Disability" or "Disability Status" or "Disability Flag" for '
            'disability; name the column that holds it with --map disability=COLUMN (the file\'s columns are '
            '"Employee Number", "Ethnic Origin")') in result.output


def test_disciplinary_is_not_the_capability_process(fresh):
    result = imported(fresh, "disciplinary", CAPABILITY, "--map", "disability=Disability")
    assert result.exit_code == 1
    assert ("--map disability=Disability: a disciplinary extract counts WRES indicator 3 only, by ethnicity. The WDES "
            "counts staff entering the formal capability process instead: wres import capability FILE --year 2024. "
            "Nothing was written.") in result.output


def test_capability_needs_the_staff_in_post_first(fresh):
    result = imported(fresh, "capability", CAPABILITY)
    assert result.exit_code == 1
    assert ("data/years/2024.yaml:1: wdes.metric_3: WDES metric 3 takes its workforce from the year's staff in post "
            "(WDES metric 1), and 2024 has none yet: import the staff in post first (wres import staff FILE --year 2024). "
            "Nothing was written.") in result.output
    assert not (fresh / "data" / "years" / "2024.yaml").exists()


def test_a_published_wdes_figure_is_not_changed_by_an_import(tmp_path):
    project = copy_project(tmp_path / "project")
    year_file = project / "data" / "years" / "2024.yaml"
    before = year_file.read_bytes()
    corrected = tmp_path / "cases.csv"
    corrected.write_text(CAPABILITY.read_text() + "59999999,2024-03-01,Performance,Formal stage 1,Yes\n")
    result = imported(project, "capability", corrected, "--correction", "A case was missing.")
    assert result.exit_code == 1
    assert ("2024 is published, and this import would change the published figures of WDES metric 3. A correction in "
            "data/years/2024.yaml can name WRES indicators only for now, so the import cannot record one; nothing was "
            "written.") in result.output.replace(display_path(year_file), "data/years/2024.yaml")
    assert year_file.read_bytes() == before
    # the same counts again: nothing to correct
    result = imported(project, "capability", CAPABILITY, "--correction", "A check.")
    assert result.exit_code == 0, result.output
    assert "The published figures did not change, so no correction was recorded." in result.output
