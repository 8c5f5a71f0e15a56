"""Make the example trust's synthetic HR extracts for 2024, whose counts are exactly data/years/2024.yaml's.

Run from the repository root: ``python example_extracts/make_extracts.py``. The rows are made
up, with a fixed seed, so the same files come out every time: no real person is in them.
They look like ESR's staff-in-post export and the recruitment, case and learning systems'
lists, with columns the import never reads (assignment numbers, dates of birth, course
titles) to show that those never reach the project.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

import yaml

HERE = Path(__file__).parent
YEAR_FILE = HERE.parent / "data" / "years" / "2024.yaml"
SEED = 2024

WHITE = ["A White - British"] * 8 + ["B White - Irish", "C White - Any other White background", "CP White Polish"]
BME = ["D Mixed - White & Black Caribbean", "F Mixed - White & Asian", "G Mixed - Any other mixed background",
       "H Asian or Asian British - Indian", "J Asian or Asian British - Pakistani", "K Asian or Asian British - Bangladeshi",
       "L Asian or Asian British - Any other Asian background", "M Black or Black British - Caribbean",
       "N Black or Black British - African", "P Black or Black British - Any other Black background",
       "R Chinese", "S Any Other Ethnic Group"]
UNKNOWN = ["Z Not Stated", "Z Not Stated", ""]
WORDS = {  # a recruitment system's words for the same categories
    "white": ["White - British", "White - British", "White - Irish", "White - Any other White background"],
    "bme": ["Asian or Asian British - Indian", "Black or Black British - African", "Mixed - White and Asian",
            "Asian or Asian British - Pakistani", "Black or Black British - Caribbean", "Chinese", "Any other ethnic group"],
    "unknown": ["Prefer not to say", "Not stated", ""],
}
NON_CLINICAL = ["Administrative and Clerical"] * 4 + ["Estates and Ancillary"]
CLINICAL = ["Nursing and Midwifery Registered"] * 3 + ["Additional Clinical Services"] * 2 + [
    "Allied Health Professionals", "Healthcare Scientists", "Add Prof Scientific and Technic"]
PAY_BAND = {"Band 8a": "Band 8 - Range A", "Band 8b": "Band 8 - Range B", "Band 8c": "Band 8 - Range C",
            "Band 8d": "Band 8 - Range D"}
GRADES = {
    "Consultants": ["Consultant"],
    "Specialty and specialist grades": ["Specialty Doctor", "Specialty Doctor", "Associate Specialist", "Specialist"],
    "Doctors in training": ["Foundation Year 1", "Foundation Year 2", "Core Training", "Specialty Registrar"],
    "Other medical and dental": ["Clinical Fellow", "Trust Grade Doctor"],
}


def ethnic(rng: random.Random, group: str) -> str:
    return rng.choice({"white": WHITE, "bme": BME, "unknown": UNKNOWN}[group])


def birth(rng: random.Random) -> str:
    return (dt.date(1960, 1, 1) + dt.timedelta(days=rng.randrange(45 * 365))).strftime("%d/%m/%Y")


def write(name: str, header: list[str], rows: list[list[str]], rng: random.Random) -> None:
    rng.shuffle(rows)
    with (HERE / name).open("w", encoding="utf-8", newline="") as file:
        out = csv.writer(file, lineterminator="\n")
        out.writerow(header)
        out.writerows(rows)


def staff(rng: random.Random, figures: dict) -> None:
    rows = []
    for group, bands in figures["indicator_1"].items():
        if group not in ("non_clinical", "clinical", "medical_and_dental"):
            continue
        for label, counts in bands.items():
            for ethnicity, n in counts.items():
                for _ in range(n):
                    if group == "medical_and_dental":
                        staff_group, pay_band, grade = "Medical and Dental", "", rng.choice(GRADES[label])
                    else:
                        staff_group = rng.choice(NON_CLINICAL if group == "non_clinical" else CLINICAL)
                        pay_band = PAY_BAND.get(label, label)
                        grade = "VSM" if label == "VSM" else f"XR{label.removeprefix('Band ').upper():0>2}"
                    rows.append([staff_group, pay_band, grade, ethnic(rng, ethnicity), birth(rng), f"{rng.uniform(0.4, 1):.2f}"])
    rows.sort()
    numbered = [[f"{30000000 + i:08d}", f"{30000000 + i:08d}-1", *row] for i, row in enumerate(rows)]
    write("esr-staff-in-post-2024-03-31.csv", ["Employee Number", "Assignment Number", "Staff Group", "Pay Band", "Grade",
                                                "Ethnic Origin", "Date of Birth", "FTE"], numbered, rng)


def recruitment(rng: random.Random, figures: dict) -> None:
    block = figures["indicator_2"]
    rows = []
    for group in ("white", "bme", "unknown"):
        shortlisted, appointed = block["shortlisted"][group], block["appointed"][group]
        not_shortlisted = shortlisted * 3 // 2
        outcomes = [("Yes", "Yes")] * appointed + [("Yes", "No")] * (shortlisted - appointed) + [("No", "No")] * not_shortlisted
        for short, appoint in outcomes:
            rows.append([rng.choice(WORDS[group]), short, appoint])
    rows.sort()
    numbered = [[f"APP-{700000 + i}", f"VAC-{rng.randrange(1000, 9999)}", *row] for i, row in enumerate(rows)]
    write("recruitment-applications-2023-24.csv", ["Application ID", "Vacancy Reference", "Applicant Ethnicity",
                                                    "Shortlisted", "Appointed"], numbered, rng)


def cases(rng: random.Random, name: str, counts: dict, extra_header: list[str], extra) -> None:  # noqa: ANN001
    rows = [[ethnic(rng, group)] for group in ("white", "bme", "unknown") for _ in range(counts[group])]
    rows.sort()
    numbered = [[f"{40000000 + i:08d}", *extra(rng), *row] for i, row in enumerate(rows)]
    write(name, ["Employee Number", *extra_header, "Ethnic Origin"], numbered, rng)


def main() -> None:
    figures = yaml.safe_load(YEAR_FILE.read_text(encoding="utf-8"))
    rng = random.Random(SEED)
    staff(rng, figures)
    recruitment(rng, figures)
    start = dt.date(2023, 4, 1)
    cases(rng, "hr-disciplinary-cases-2023-24.csv", figures["indicator_3"]["entered"], ["Case Opened", "Case Type"],
          lambda r: [(start + dt.timedelta(days=r.randrange(366))).isoformat(), r.choice(["Conduct", "Capability"])])
    cases(rng, "learning-non-mandatory-2023-24.csv", figures["indicator_4"]["accessed"], ["Course Title"],
          lambda r: [r.choice(["Leadership Programme", "Coaching Skills", "MSc Module", "Conference", "Clinical Skills Update"])])


if __name__ == "__main__":
    main()
