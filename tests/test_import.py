"""``wres import``: the example's synthetic extracts give exactly its 2024 counts; bad files write nothing.

Also the privacy around it (no row-level value in the project, ``wres check`` refusing an
extract in the project, ``wres init``'s ``.gitignore``), ``wres metrics --format xlsx``, and
that a build never imports pandas.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.data import Dataset, Project, load_project
from generator.importing import codes
from generator.metrics import compute_metrics

from .conftest import EXAMPLE, ROOT, copy_project, load_example

EXTRACTS = ROOT / "example_extracts"
STAFF = EXTRACTS / "esr-staff-in-post-2024-03-31.csv"
RECRUITMENT = EXTRACTS / "recruitment-applications-2023-24.csv"
DISCIPLINARY = EXTRACTS / "hr-disciplinary-cases-2023-24.csv"
TRAINING = EXTRACTS / "learning-non-mandatory-2023-24.csv"
IMPORTS = [("staff", STAFF), ("recruitment", RECRUITMENT, "--map", "ethnicity=Applicant Ethnicity"),
           ("disciplinary", DISCIPLINARY), ("training", TRAINING)]


def wres(*args: str | Path):  # noqa: ANN201
    return CliRunner().invoke(main, [str(a) for a in args])


def imported(project: Path, kind: str, path: Path, *more: str, year: int = 2024):  # noqa: ANN201
    return wres("import", kind, path, "--year", year, "--project", project, *more)


@pytest.fixture
def fresh(tmp_path: Path) -> Path:
    """The example project without its 2024 files: the year the extracts are for."""
    project = copy_project(tmp_path / "project")
    for path in ("data/years/2024.yaml", "data/action_plans/2024.yaml", "data/published/2024.csv"):
        (project / path).unlink()
    return project


def test_the_four_imports_reproduce_the_example_counts(fresh):
    for kind, path, *more in IMPORTS:
        result = imported(fresh, kind, path, *more)
        assert result.exit_code == 0, result.output
    text = (fresh / "data" / "years" / "2024.yaml").read_text()
    assert "status: draft" in text  # a new year starts as a draft
    ours = next(y for y in load_project(Project.folder(fresh), drafts=True).years if y.year == 2024)
    example = next(y for y in load_example().years if y.year == 2024)
    assert ours.indicator_1.groups() == example.indicator_1.groups()
    assert list(ours.indicator_1.groups()["clinical"]) == list(example.indicator_1.groups()["clinical"])  # in band order
    assert ours.indicator_2.shortlisted == example.indicator_2.shortlisted
    assert ours.indicator_2.appointed == example.indicator_2.appointed
    assert ours.indicator_3.entered == example.indicator_3.entered and ours.indicator_3.workforce is None
    assert ours.indicator_4.accessed == example.indicator_4.accessed and ours.indicator_4.workforce is None
    # and so every figure of indicators 1-4, denominators of 3 and 4 included, is the example's
    theirs = compute_metrics(load_example()).where(year=2024)
    mine = compute_metrics(Dataset(organisation=load_example().organisation, years=(ours,))).where(year=2024)
    for number in (1, 2, 3, 4):  # the national and comparator figures are typed in, not imported
        counted = [r for r in theirs.where(indicator=number) if not r.measure.startswith(("national", "comparator"))]
        assert [(r.breakdown, r.measure, r.value, r.ci_low, r.ci_high) for r in mine.where(indicator=number)] == \
               [(r.breakdown, r.measure, r.value, r.ci_low, r.ci_high) for r in counted]


def test_the_provenance_comment_and_nothing_else_changes(tmp_path):
    project = copy_project(tmp_path / "project")
    year_file = project / "data" / "years" / "2024.yaml"
    before = year_file.read_text()
    for kind, path, *more in IMPORTS:
        result = imported(project, kind, path, *more, "--correction", "a check")
        assert result.exit_code == 0, result.output
        assert "The published figures did not change, so no correction was recorded." in result.output
    after = year_file.read_text()
    added = [line for line in after.splitlines() if line not in before.splitlines()]
    assert [line for line in after.splitlines() if line not in added] == before.splitlines()  # every other line as it was
    sha = hashlib.sha256(STAFF.read_bytes()).hexdigest()
    assert added[:4] == [
        f"# Counts imported with 'wres import staff' from \"esr-staff-in-post-2024-03-31.csv\" (sha256 {sha}, 7,040 rows).",
        '#   Columns read: ethnicity = "Ethnic Origin", staff_group = "Staff Group", band = "Pay Band" (medical and dental: "Grade").',
        "#   Values placed by the built-in tables (see the Methodology page).",
        "#   Indicators 3 and 4 take their workforce from these counts.",
    ]
    assert after.index(added[0]) < after.index("\nindicator_1:")
    # 15 lines above the four WRES blocks, 7 above wdes.metric_1 and .metric_2 (the example's extracts have a disability column)
    assert len(added) == 22 and not any(re.search(r"20\d\d-\d\d-\d\d|\d\d:\d\d", re.sub(r'"[^"]*"', "", line)) for line in added)  # no timestamp (the file names have dates)
    # the same files again: the same bytes
    for kind, path, *more in IMPORTS:
        assert imported(project, kind, path, *more, "--correction", "a check").exit_code == 0
    assert year_file.read_text() == after
    assert wres("check", "--project", project).exit_code == 0


def test_a_published_year_needs_a_correction(tmp_path):
    project = copy_project(tmp_path / "project")
    year_file = project / "data" / "years" / "2024.yaml"
    before = year_file.read_bytes()
    result = imported(project, "disciplinary", DISCIPLINARY)
    assert result.exit_code == 1
    assert "2024 is published, so its figures are frozen; nothing was written." in result.output
    assert year_file.read_bytes() == before
    # a corrected extract: one more case
    corrected = tmp_path / "cases.csv"
    corrected.write_text(DISCIPLINARY.read_text() + "40009999,2024-03-01,Conduct,N Black or Black British - African\n")
    result = imported(project, "disciplinary", corrected, "--correction", "A case opened in March was missing from the extract.")
    assert result.exit_code == 0, result.output
    year = next(y for y in load_example(project).years if y.year == 2024)
    assert year.indicator_3.entered.bme == 7
    (entry,) = year.corrections
    assert entry.date == dt.datetime.now(dt.timezone.utc).date() and entry.indicators == [3]
    assert entry.why == "A case opened in March was missing from the extract."
    assert entry.what == ("The indicator 3 counts were imported again from a corrected extract; "
                          "the published figures of indicator 3 changed.")
    assert wres("check", "--project", project).exit_code == 0  # the build accepts the changed figure
    again = year_file.read_bytes()
    imported(project, "disciplinary", corrected, "--correction", "A case opened in March was missing from the extract.")
    assert year_file.read_bytes() == again  # no second correction


def _bad(tmp_path: Path, name: str, content: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return path


STAFF_HEADER = "Assignment Number,Staff Group,Pay Band,Grade,Ethnic Origin\n"


@pytest.mark.parametrize("kind,name,content,expected", [
    ("staff", "unknown-ethnicity.csv",
     STAFF_HEADER + "1,Administrative and Clerical,Band 5,,Whte British\n2,Administrative and Clerical,Band 5,,A White - British\n"
     "3,Estates and Ancillary,Band 3,,Whte British\n",
     ['unknown-ethnicity.csv:2: ethnicity (column "Ethnic Origin"): "Whte British" is not an ethnic category the import can '
      "place. Add it to data/import_mapping.yaml under ethnicity: as white, bme or unknown (rows 2 and 4)"]),
    ("staff", "no-column.csv", "Assignment Number,Staff Group,Pay Band\n1,Administrative and Clerical,Band 5\n",
     ['no-column.csv:1: there is no column "Ethnic Origin" or "Ethnicity" or "Ethnic Group" or "Ethnic Category" for ethnicity; '
      'name the column that holds it with --map ethnicity=COLUMN (the file\'s columns are "Assignment Number", "Staff Group", "Pay Band")']),
    ("staff", "bad-band.csv", STAFF_HEADER + "1,Nursing and Midwifery Registered,Band 10,,A\n2,Nursing and Midwifery Registered,,,A\n",
     ['bad-band.csv:2: band (column "Pay Band"): "Band 10" is not an Agenda for Change band (Band 1 to Band 9, Band 8a to 8d, '
      'or VSM). Add it to data/import_mapping.yaml under bands:, e.g. "Band 10": VSM (row 2)',
      'bad-band.csv:3: band (column "Pay Band"): has no pay band (row 3)']),
    ("training", "empty.csv", "", ["empty.csv:1: the file is empty: export the extract again"]),
    ("training", "header-only.csv", "Ethnic Origin\n", ["header-only.csv:1: the file has a header but no rows: export the extract again"]),
    ("training", "picture.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
     ["picture.csv:1: this is not a spreadsheet: save the extract as CSV or as an Excel workbook (.xlsx)"]),
    ("training", "document.xlsx", b"PK\x03\x04not really a workbook",
     ["document.xlsx:1: this is not a spreadsheet: it is a zip file but not an Excel workbook (.xlsx)"]),
    ("training", "old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100,
     ["old.xls:1: this is an old Excel workbook (.xls): save it as .xlsx or CSV and import that"]),
    ("recruitment", "stray.csv", "Ethnicity,Shortlisted,Appointed\nA,Yes,Yes\nA,No,Yes\nA,Maybe,No\n",
     ['stray.csv:4: shortlisted (column "Shortlisted"): "Maybe" is neither yes nor no; shortlisted must be Yes or No '
      "(Y/N, True/False, 1/0; an empty cell is No) (row 4)"]),
])
def test_a_bad_file_writes_nothing_and_says_why(fresh, tmp_path, monkeypatch, kind, name, content, expected):
    monkeypatch.chdir(tmp_path)  # messages name the file as given, relative to the working folder
    year_file = fresh / "data" / "years" / "2024.yaml"
    if kind == "training":
        assert imported(fresh, "staff", STAFF).exit_code == 0
    before = year_file.read_bytes() if year_file.exists() else None
    result = imported(fresh, kind, _bad(tmp_path, name, content))
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert lines[:-1] == ["Error: " + expected[0], *expected[1:]] if lines[0].startswith("Error: ") else lines[:-1] == expected
    assert lines[-1].endswith("Nothing was written; fix the lines above and run again.")
    assert (year_file.read_bytes() if year_file.exists() else None) == before
    assert "Traceback" not in result.output


def test_every_problem_of_a_file_at_once(fresh, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = _bad(tmp_path, "two.csv", STAFF_HEADER + "1,Medical and Dental,,,Q Unknown letter\n2,Estates and Ancillary,Band 99,,Z\n"
                "3,Medical and Dental,,,A\n")
    result = imported(fresh, "staff", path)
    assert result.exit_code == 1
    assert 'two.csv:2: ethnicity (column "Ethnic Origin"): "Q Unknown letter" is not an ethnic category' in result.output
    assert 'two.csv:3: band (column "Pay Band"): "Band 99" is not an Agenda for Change band' in result.output
    assert 'two.csv:2: band (column "Grade"): a medical and dental member of staff has no grade (rows 2 and 4)' in result.output
    assert "3 problems found. Nothing was written" in result.output
    assert not (fresh / "data" / "years" / "2024.yaml").exists()


def test_a_file_of_a_gigabyte_is_refused_before_it_is_read(fresh, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    huge = tmp_path / "huge.csv"
    with huge.open("wb") as file:  # sparse: it takes no room on the disk
        file.write(b"Ethnic Origin\n")
        file.truncate(1_000_000_000)
    monkeypatch.setattr(pd, "read_csv", lambda *a, **k: pytest.fail("pandas was asked to read it"))
    result = imported(fresh, "staff", huge)
    assert result.exit_code == 1
    assert ("huge.csv:1: the file is 1.0 GB; an extract can be at most 100 MB (30,000 staff make about 3 MB). "
            "Is it the right file? Export only the columns the import needs.") in result.output


def test_an_excel_workbook_its_sheet_and_a_mapping_of_the_trust(fresh, tmp_path):
    book = tmp_path / "staff.xlsx"
    frame = pd.read_csv(STAFF, dtype=str, keep_default_na=False)
    frame.loc[frame.index[:3], "Ethnic Origin"] = "T"  # a code the trust's system uses for Gypsy or Irish Traveller
    with pd.ExcelWriter(book) as writer:
        pd.DataFrame({"Note": ["cover"]}).to_excel(writer, sheet_name="Cover", index=False)
        frame.to_excel(writer, sheet_name="Staff in post", index=False)
    result = imported(fresh, "staff", book, "--sheet", "Nope")
    assert result.exit_code == 1 and "there is no sheet named \"Nope\"; the sheets are 'Cover', 'Staff in post'" in result.output
    result = imported(fresh, "staff", book, "--sheet", "Staff in post")
    assert result.exit_code == 1 and '"T" is not an ethnic category the import can place' in result.output
    mapping = fresh / "data" / "import_mapping.yaml"
    mapping.write_text('ethnicity:\n  T: White\n')
    result = wres("check", "--project", fresh)
    assert result.exit_code == 1 and "data/import_mapping.yaml:2: ethnicity.T:" in result.output  # validated as every data file
    mapping.write_text("# Gypsy or Irish Traveller, in our system\nethnicity:\n  T: white\n")
    result = imported(fresh, "staff", book, "--sheet", "Staff in post")
    assert result.exit_code == 0, result.output
    counts = next(y for y in load_project(Project.folder(fresh), drafts=True).years if y.year == 2024).indicator_1.total()
    example = next(y for y in load_example().years if y.year == 2024).indicator_1.total()
    assert counts.total == example.total and counts.white - example.white == sum(
        1 for v in pd.read_csv(STAFF, dtype=str, keep_default_na=False)["Ethnic Origin"][:3] if codes.ethnic_group(v, {}) != "white")
    assert "with data/import_mapping.yaml (sha256 " in (fresh / "data" / "years" / "2024.yaml").read_text()


def test_no_row_level_value_reaches_the_project(fresh):
    before = {p: p.read_bytes() for p in fresh.rglob("*") if p.is_file()}
    for kind, path, *more in IMPORTS:
        assert imported(fresh, kind, path, *more).exit_code == 0
    year_file = fresh / "data" / "years" / "2024.yaml"
    assert [p for p in fresh.rglob("*") if p.is_file() and before.get(p) != p.read_bytes()] == [year_file]  # nothing else
    staff = pd.read_csv(STAFF, dtype=str, keep_default_na=False)
    cases = pd.read_csv(DISCIPLINARY, dtype=str, keep_default_na=False)
    personal = {*staff["Assignment Number"], *staff["Employee Number"], *staff["Date of Birth"], *staff["FTE"],
                *staff["Ethnic Origin"], *staff["Grade"], *pd.read_csv(RECRUITMENT, dtype=str)["Application ID"],
                *cases["Employee Number"], *cases["Case Opened"], *pd.read_csv(TRAINING, dtype=str)["Course Title"]} - {"", "VSM"}
    text = re.sub(r"sha256 [0-9a-f]{64}", "", year_file.read_text())
    assert [v for v in personal if re.search(rf"(?<![\w-]){re.escape(v)}(?![\w-])", text)] == []
    assert "Consultants" in text and "Band 8a" in text  # the counts' own labels, which are the contract's words


def test_check_refuses_an_extract_in_the_project(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "extracts").mkdir()
    (project / "extracts" / "staff.csv").write_bytes(STAFF.read_bytes())
    result = wres("check", "--project", project)
    assert result.exit_code == 1
    assert "staff.csv:1: this looks like an HR extract (its columns include 'Employee Number', 'Assignment Number', " \
           "'Staff Group'). Extracts hold personal data: keep them outside the project folder" in result.output
    (project / "extracts" / "staff.csv").unlink()
    metrics = wres("metrics", "--project", project, "--format", "xlsx", "--out", project / "figures.xlsx")
    assert metrics.exit_code == 0, metrics.output
    assert wres("check", "--project", project).exit_code == 0  # the figures are not an extract


def test_init_gitignore_leaves_extracts_out(tmp_path):
    project = tmp_path / "anytown"
    assert wres("init", project).exit_code == 0
    subprocess.run(["git", "init", "-q", str(project)], check=True)
    names = ["ESR staff in post 2024.csv", "data/extract.xlsx", "Recruitment.XLSX", "cases.xls", "training.ods", "data/published/2024.csv"]
    ignored = subprocess.run(["git", "-C", str(project), "check-ignore", "--no-index", *names], capture_output=True, text=True).stdout
    assert ignored.splitlines() == names[:-1]  # every extract, but not the frozen figures


def test_metrics_as_a_workbook(tmp_path):
    out = tmp_path / "figures.xlsx"
    result = wres("metrics", "--project", EXAMPLE, "--format", "xlsx", "--out", out)
    assert result.exit_code == 0, result.output
    first = out.read_bytes()
    sheet = pd.read_excel(out, sheet_name="Figures", dtype=str, keep_default_na=False)
    csv = pd.read_csv(io.StringIO(compute_metrics(load_example()).to_csv()), dtype=str, keep_default_na=False)
    assert list(sheet.columns) == list(csv.columns) and len(sheet) == len(csv)
    assert [float(v) for v in sheet["value"] if v] == pytest.approx([float(v) for v in csv["value"] if v], rel=1e-12)
    assert wres("metrics", "--project", EXAMPLE, "--format", "xlsx", "--out", out).exit_code == 0
    assert out.read_bytes() == first  # no date inside


def test_a_build_never_imports_pandas(tmp_path):
    script = ("import sys\nfrom generator.cli import main\n"
              f"try:\n    main(['build', '--project', {str(EXAMPLE)!r}, '--out', {str(tmp_path / 'site')!r}])\n"
              "except SystemExit as exc:\n    assert not exc.code, exc.code\n"
              "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pandas', 'openpyxl')))\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path,
                            env={**os.environ, "WRES_CACHE_DIR": str(tmp_path / "cache")}, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_twenty_thousand_staff_import_fast_and_small(fresh, tmp_path):
    """Under 3 s and 300 MB. The time is the process's CPU time (interpreter start and imports included):
    on a shared machine the wall time also counts other people's work, so it is printed, not asserted."""
    big = tmp_path / "big.csv"
    frame = pd.read_csv(STAFF, dtype=str, keep_default_na=False)
    pd.concat([frame] * 3, ignore_index=True).head(20_000).to_csv(big, index=False)
    script = ("import resource\nfrom generator.cli import main\n"
              f"try:\n    main(['import', 'staff', {str(big)!r}, '--year', '2024', '--project', {str(fresh)!r}])\n"
              "except SystemExit as exc:\n    assert not exc.code\n"
              "use = resource.getrusage(resource.RUSAGE_SELF)\n"
              # the peak of this process's own memory: VmHWM starts anew at exec, while Linux carries ru_maxrss over
              # from the forking process (here a pytest worker that may have held a built site)
              "peak = next(int(line.split()[1]) for line in open('/proc/self/status') if line.startswith('VmHWM:'))\n"
              "print(use.ru_utime + use.ru_stime, peak / 1024)\n")
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    wall = time.perf_counter() - started
    assert result.returncode == 0, result.stderr[-2000:]
    cpu, megabytes = map(float, result.stdout.split()[-2:])
    print(f"20,000 staff rows: {cpu:.2f} s of CPU, {wall:.2f} s on the clock, {megabytes:.0f} MB at most")
    assert "20,000 rows" in result.stdout
    assert cpu < 3 and megabytes < 300


@pytest.mark.parametrize("value,group", [
    ("A", "white"), ("a", "white"), ("A White - British", "white"), ("CN White Gypsy", "white"), ("White British", "white"),
    ("White: English, Welsh, Scottish, Northern Irish or British", "white"), ("Gypsy or Irish Traveller", "white"),
    ("N Black or Black British - African", "bme"), ("Mixed - White & Asian", "bme"), ("Chinese", "bme"), ("S", "bme"),
    ("Z Not Stated", "unknown"), ("99", "unknown"), ("", "unknown"), ("  ", "unknown"), ("Prefer not to say", "unknown"),
    ("T", None), ("Whte British", None), ("I", None), ("Q Unknown letter", None),
])
def test_ethnicity_forms(value, group):
    assert codes.ethnic_group(value, {}) == group


@pytest.mark.parametrize("value,band", [
    ("Band 5", "Band 5"), ("band 5", "Band 5"), ("Band 8A", "Band 8a"), ("Band 8 - Range A", "Band 8a"), ("Band 8d", "Band 8d"),
    ("Band 9", "Band 9"), ("VSM", "VSM"), ("Very Senior Manager", "VSM"), ("Band 8", None), ("Band 10", None), ("Band 5e", None),
    ("", None), ("Consultant", None),
])
def test_pay_bands(value, band):
    assert codes.pay_band(value, {}) == band


@pytest.mark.parametrize("value,group", [
    ("Consultant", "Consultants"), ("Locum Consultant", "Consultants"), ("Specialty Doctor", codes.SAS),
    ("Associate Specialist", codes.SAS), ("Specialist", codes.SAS), ("Specialist Registrar", codes.TRAINING),
    ("Foundation Year 1", codes.TRAINING), ("FY2", codes.TRAINING), ("Core Training", codes.TRAINING), ("ST4", codes.TRAINING),
    ("Specialty Registrar", codes.TRAINING), ("Clinical Fellow", codes.OTHER_MEDICAL), ("Trust Grade Doctor", codes.OTHER_MEDICAL),
])
def test_medical_grades(value, group):
    assert codes.medical_grade(value, {}) == group


@pytest.mark.parametrize("value,group", [
    ("Medical and Dental", "medical_and_dental"), ("Administrative and Clerical", "non_clinical"),
    ("Estates & Ancillary", "non_clinical"), ("Nursing and Midwifery Registered", "clinical"), ("Students", "clinical"),
])
def test_staff_groups(value, group):
    assert codes.staff_group(value, {}) == group


def test_the_synthetic_extracts_are_made_by_their_script(tmp_path):
    copy = tmp_path / "example_extracts"
    copy.mkdir()
    (copy / "make_extracts.py").write_text((EXTRACTS / "make_extracts.py").read_text().replace(
        'HERE.parent / "data"', f'Path({str(EXAMPLE)!r}) / "data"'))
    subprocess.run([sys.executable, str(copy / "make_extracts.py")], check=True, timeout=120)
    for path in (STAFF, RECRUITMENT, DISCIPLINARY, TRAINING, EXTRACTS / "hr-capability-cases-2022-24.csv"):
        assert (copy / path.name).read_bytes() == path.read_bytes(), path.name
