"""Make the example trust's synthetic HR extracts for 2024, whose counts are exactly data/years/2024.yaml's.

Run from the repository root: ``python example_extracts/make_extracts.py``. The rows are made
up, with a fixed seed, so the same files come out every time: no real person is in them.
They look like ESR's staff-in-post export and the recruitment, case and learning systems'
lists, with columns the import never reads (assignment numbers, dates of birth, course
titles) to show that those never reach the project.

The staff and recruitment extracts carry a disability column too, so the same rows give the
WRES counts by ethnicity and the WDES counts (``wdes:``) by disability; the capability extract
gives WDES metric 3. Each pay cluster's people are the WRES bands' people, given the cluster's
disability statuses in a shuffled order.
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
WDES_SEED = 2025  # the disability column's own stream, so the WRES columns come out as they did before it

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
DISABILITY = {  # ESR's values, and a recruitment system's
    "disabled": ["Yes"],
    "non_disabled": ["No"],
    "unknown": ["Not Declared", "Not Declared", "Prefer Not To Answer", ""],
}
APPLICANT_DISABILITY = {"disabled": ["Yes"], "non_disabled": ["No"], "unknown": ["Prefer not to say", ""]}
CLUSTERS = {  # WDES metric 1: the pay clusters, each a set of the WRES bands and medical groups
    "Cluster 1 (Bands 1 to 4)": ("Band 1", "Band 2", "Band 3", "Band 4"),
    "Cluster 2 (Bands 5 to 7)": ("Band 5", "Band 6", "Band 7"),
    "Cluster 3 (Bands 8a and 8b)": ("Band 8a", "Band 8b"),
    "Cluster 4 (Bands 8c to 9 and VSM)": ("Band 8c", "Band 8d", "Band 9", "VSM"),
    "Consultants": ("Consultants",),
    "Non-consultant career grades": ("Specialty and specialist grades", "Other medical and dental"),
    "Medical and dental trainee grades": ("Doctors in training",),
}
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


def statuses(rng: random.Random, counts: dict, values: dict, people: int, where: str) -> list[str]:
    """A disability value for each of ``people`` rows, as many of each group as ``counts`` says, in a shuffled order."""
    if sum(counts.values()) != people:
        raise SystemExit(f"{YEAR_FILE}: {where}: the WDES counts add up to {sum(counts.values())}, the WRES counts to {people}")
    found = [rng.choice(values[group]) for group in ("non_disabled", "disabled", "unknown") for _ in range(counts.get(group, 0))]
    rng.shuffle(found)
    return found


def staff(rng: random.Random, figures: dict, wdes_rng: random.Random) -> None:
    rows = []
    clusters = (figures.get("wdes") or {}).get("metric_1") or {}
    for group, bands in figures["indicator_1"].items():
        if group not in ("non_clinical", "clinical", "medical_and_dental"):
            continue
        by_band = {}
        for label, counts in bands.items():
            by_band[label] = []
            for ethnicity, n in counts.items():
                for _ in range(n):
                    if group == "medical_and_dental":
                        staff_group, pay_band, grade = "Medical and Dental", "", rng.choice(GRADES[label])
                    else:
                        staff_group = rng.choice(NON_CLINICAL if group == "non_clinical" else CLINICAL)
                        pay_band = PAY_BAND.get(label, label)
                        grade = "VSM" if label == "VSM" else f"XR{label.removeprefix('Band ').upper():0>2}"
                    by_band[label].append([staff_group, pay_band, grade, ethnic(rng, ethnicity), birth(rng), f"{rng.uniform(0.4, 1):.2f}"])
        for cluster, counts in clusters.get(group, {}).items():
            people = [row for band in CLUSTERS[cluster] for row in by_band.get(band, [])]
            for row, status in zip(people, statuses(wdes_rng, counts, DISABILITY, len(people), f"{group} {cluster}"), strict=True):
                row.append(status)
        rows += [row for band in by_band.values() for row in band]
    rows.sort(key=lambda row: row[:6])  # as before the disability column, so the WRES columns are as they were
    numbered = [[f"{30000000 + i:08d}", f"{30000000 + i:08d}-1", *row] for i, row in enumerate(rows)]
    write("esr-staff-in-post-2024-03-31.csv", ["Employee Number", "Assignment Number", "Staff Group", "Pay Band", "Grade",
                                                "Ethnic Origin", "Date of Birth", "FTE", *(["Disability"] if clusters else [])],
          numbered, rng)


def recruitment(rng: random.Random, figures: dict, wdes_rng: random.Random) -> None:
    block = figures["indicator_2"]
    wdes = (figures.get("wdes") or {}).get("metric_2")
    rows = []
    for group in ("white", "bme", "unknown"):
        shortlisted, appointed = block["shortlisted"][group], block["appointed"][group]
        not_shortlisted = shortlisted * 3 // 2
        outcomes = [("Yes", "Yes")] * appointed + [("Yes", "No")] * (shortlisted - appointed) + [("No", "No")] * not_shortlisted
        for short, appoint in outcomes:
            rows.append([rng.choice(WORDS[group]), short, appoint])
    if wdes:
        appointed = [row for row in rows if row[2] == "Yes"]
        passed_over = [row for row in rows if row[1] == "Yes" and row[2] == "No"]
        not_shortlisted = {g: n * 3 // 2 for g, n in wdes["shortlisted"].items()}
        for people, counts, where in (
                (appointed, wdes["appointed"], "appointed"),
                (passed_over, {g: n - wdes["appointed"].get(g, 0) for g, n in wdes["shortlisted"].items()}, "shortlisted"),
                ([row for row in rows if row[1] == "No"], not_shortlisted, "not shortlisted")):
            if where == "not shortlisted":  # not counted by either standard: any mix will do
                counts = dict(counts, non_disabled=counts["non_disabled"] + len(people) - sum(counts.values()))
            for row, status in zip(people, statuses(wdes_rng, counts, APPLICANT_DISABILITY, len(people), f"metric_2 {where}"),
                                   strict=True):
                row.append(status)
    rows.sort(key=lambda row: row[:3])  # as before the disability column
    numbered = [[f"APP-{700000 + i}", f"VAC-{rng.randrange(1000, 9999)}", *row] for i, row in enumerate(rows)]
    write("recruitment-applications-2023-24.csv", ["Application ID", "Vacancy Reference", "Applicant Ethnicity",
                                                    "Shortlisted", "Appointed", *(["Disability"] if wdes else [])], numbered, rng)


def cases(rng: random.Random, name: str, counts: dict, extra_header: list[str], extra) -> None:  # noqa: ANN001
    rows = [[ethnic(rng, group)] for group in ("white", "bme", "unknown") for _ in range(counts[group])]
    rows.sort()
    numbered = [[f"{40000000 + i:08d}", *extra(rng), *row] for i, row in enumerate(rows)]
    write(name, ["Employee Number", *extra_header, "Ethnic Origin"], numbered, rng)


def capability(rng: random.Random, figures: dict) -> None:
    """WDES metric 3: staff entering the formal capability process on the grounds of performance, over two years."""
    counts = (figures.get("wdes") or {}).get("metric_3", {}).get("entered")
    if not counts:
        return
    start = dt.date(2022, 4, 1)
    rows = [[status] for status in statuses(rng, counts, DISABILITY, sum(counts.values()), "metric_3 entered")]
    rows.sort()
    numbered = [[f"{50000000 + i:08d}", (start + dt.timedelta(days=rng.randrange(731))).isoformat(), "Performance",
                 rng.choice(["Informal stage completed", "Formal stage 1", "Formal stage 2"]), *row] for i, row in enumerate(rows)]
    write("hr-capability-cases-2022-24.csv", ["Employee Number", "Case Opened", "Grounds", "Stage", "Disability"], numbered, rng)


def main() -> None:
    figures = yaml.safe_load(YEAR_FILE.read_text(encoding="utf-8"))
    rng = random.Random(SEED)
    wdes_rng = random.Random(WDES_SEED)
    staff(rng, figures, wdes_rng)
    recruitment(rng, figures, wdes_rng)
    start = dt.date(2023, 4, 1)
    cases(rng, "hr-disciplinary-cases-2023-24.csv", figures["indicator_3"]["entered"], ["Case Opened", "Case Type"],
          lambda r: [(start + dt.timedelta(days=r.randrange(366))).isoformat(), r.choice(["Conduct", "Capability"])])
    cases(rng, "learning-non-mandatory-2023-24.csv", figures["indicator_4"]["accessed"], ["Course Title"],
          lambda r: [r.choice(["Leadership Programme", "Coaching Skills", "MSc Module", "Conference", "Clinical Skills Update"])])
    capability(wdes_rng, figures)


if __name__ == "__main__":
    main()
