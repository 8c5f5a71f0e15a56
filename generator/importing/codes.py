"""What an extract's values mean: ethnicity, disability, staff group, pay band and medical grade, as documented tables.

Pure data and small functions (no pandas): the Methodology page shows :data:`ETHNIC_CATEGORIES`,
and :mod:`.counting` places each distinct value of an extract once. A trust adds to every
table in ``data/import_mapping.yaml`` (:mod:`.mapping_file`); its entries are looked up first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WHITE, BME, UNKNOWN = "white", "bme", "unknown"
GROUPS = (WHITE, BME, UNKNOWN)


@dataclass(frozen=True)
class Category:
    code: str
    group_words: str  # the heading the census puts it under, e.g. "Asian or Asian British"
    description: str  # ESR's and the NHS Data Dictionary's words
    counted_as: str  # white, bme or unknown
    also: tuple[str, ...] = ()  # other words for it: the 2021 census, recruitment systems


# The NHS Data Dictionary's ETHNIC CATEGORY (the 2001 census's 16+1 categories), which ESR
# records as "A White - British". A code is grouped on its first character: ESR's local
# two-character sub-codes (e.g. "CA White English", "CN White Gypsy") roll up to their letter.
ETHNIC_CATEGORIES = (
    Category("A", "White", "British", WHITE, ("English, Welsh, Scottish, Northern Irish or British",)),
    Category("B", "White", "Irish", WHITE),
    Category("C", "White", "Any other White background", WHITE, ("Other White", "Gypsy or Irish Traveller", "Roma")),
    Category("D", "Mixed", "White and Black Caribbean", BME),
    Category("E", "Mixed", "White and Black African", BME),
    Category("F", "Mixed", "White and Asian", BME),
    Category("G", "Mixed", "Any other mixed background", BME, ("Any other Mixed or multiple ethnic background", "Other Mixed")),
    Category("H", "Asian or Asian British", "Indian", BME),
    Category("J", "Asian or Asian British", "Pakistani", BME),
    Category("K", "Asian or Asian British", "Bangladeshi", BME),
    Category("L", "Asian or Asian British", "Any other Asian background", BME, ("Other Asian",)),
    Category("M", "Black or Black British", "Caribbean", BME),
    Category("N", "Black or Black British", "African", BME),
    Category("P", "Black or Black British", "Any other Black background", BME,
             ("Any other Black, Black British or Caribbean background", "Other Black")),
    Category("R", "Other Ethnic Groups", "Chinese", BME, ("Asian or Asian British - Chinese",)),
    Category("S", "Other Ethnic Groups", "Any other ethnic group", BME, ("Arab", "Other ethnic group")),
    Category("Z", "", "Not stated", UNKNOWN, ("Prefer not to say", "I do not wish to disclose my ethnic origin")),
    Category("99", "", "Not known", UNKNOWN, ("Unknown", "Not specified", "Undefined")),
)
GROUP_WORDS = {  # other headings the same groups go by (the 2011 and 2021 censuses)
    "White": ("White",),
    "Mixed": ("Mixed", "Mixed or multiple ethnic groups", "Mixed/multiple ethnic groups"),
    "Asian or Asian British": ("Asian or Asian British", "Asian/Asian British"),
    "Black or Black British": ("Black or Black British", "Black, Black British, Caribbean or African",
                               "Black/African/Caribbean/Black British"),
    "Other Ethnic Groups": ("Other Ethnic Groups", "Other ethnic group"),
}
LABEL = re.compile(r"^(?P<code>[A-Z][A-Z0-9]?|99)(?:\s+(?P<words>\S.*))?$")  # "A", "99", "A White - British", "CN White Gypsy"


def words(text: str) -> str:
    """Text compared as words: case, punctuation and spacing do not matter ("White - British" = "white british")."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.lower().replace("&", " and ")).split())


def _word_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for category in ETHNIC_CATEGORIES:
        for text in (category.description, *category.also):
            table[words(text)] = category.counted_as
            for heading in GROUP_WORDS.get(category.group_words, ()):
                table[words(f"{heading} {text}")] = category.counted_as
    return table


ETHNIC_WORDS = _word_table()
CODE_GROUPS = {c.code: c.counted_as for c in ETHNIC_CATEGORIES}


def ethnic_group(value: str, extra: dict[str, str]) -> str | None:
    """white, bme or unknown for one cell of the ethnicity column; None when it cannot be placed.

    ``extra`` is the trust's table (value as words -> group), looked up first: on the whole
    value, then on its code. Blank is unknown.
    """
    text = value.strip()
    if not text:
        return UNKNOWN
    whole = words(text)
    if whole in extra:
        return extra[whole]
    if whole in ETHNIC_WORDS:
        return ETHNIC_WORDS[whole]
    match = LABEL.match(text if len(text) > 2 else text.upper())
    if match is None:
        return None
    code = match.group("code")
    if words(code) in extra:
        return extra[words(code)]
    return CODE_GROUPS.get(code if code == "99" else code[0])


# --- disability (WDES) -------------------------------------------------------------

DISABLED, NON_DISABLED = "disabled", "non_disabled"
DISABILITY_GROUPS = (NON_DISABLED, DISABLED, UNKNOWN)  # the keys of a year file's wdes: counts, in order (as white, bme, unknown)
# ESR's disability field holds "Yes", "No", "Not Declared", "Prefer Not To Answer" or "Unspecified"; recruitment
# systems ask the Equality Act question and write the answer in words. A blank cell is not known. Compared as words.
DISABILITY_TABLE = {
    **dict.fromkeys(("yes", "y", "disabled", "has a disability",
                     "yes i have a disability or long term condition"), DISABLED),
    **dict.fromkeys(("no", "n", "not disabled", "non disabled", "no disability", "no i do not have a disability",
                     "no i do not have a disability or long term condition"), NON_DISABLED),
    **dict.fromkeys(("", "not declared", "prefer not to answer", "prefer not to say", "i do not wish to disclose",
                     "unspecified", "not specified", "not stated", "not known", "unknown", "undefined"), UNKNOWN),
}


def disability_group(value: str, extra: dict[str, str]) -> str | None:
    """disabled, non_disabled or unknown for one cell of the disability column; None when it cannot be placed.

    ``extra`` is the trust's table (value as words -> group), looked up first. Blank is unknown.
    """
    key = words(value)
    if key in extra:
        return extra[key]
    return DISABILITY_TABLE.get(key)


# --- staff groups -----------------------------------------------------------------

NON_CLINICAL, CLINICAL, MEDICAL = "non_clinical", "clinical", "medical_and_dental"
STAFF_GROUP_TABLE = {  # every other staff group is clinical
    "medical and dental": MEDICAL,
    "administrative and clerical": NON_CLINICAL,
    "admin and clerical": NON_CLINICAL,
    "estates and ancillary": NON_CLINICAL,
}


def staff_group(value: str, extra: dict[str, str]) -> str | None:
    """non_clinical, clinical or medical_and_dental; None for a blank cell."""
    key = words(value)
    if not key:
        return None
    return extra.get(key) or STAFF_GROUP_TABLE.get(key, CLINICAL)


# --- Agenda for Change bands ------------------------------------------------------

BANDS = ("Band 1", "Band 2", "Band 3", "Band 4", "Band 5", "Band 6", "Band 7",
         "Band 8a", "Band 8b", "Band 8c", "Band 8d", "Band 9", "VSM")
VSM_WORDS = {"vsm", "very senior manager", "very senior managers"}
BAND_NOISE = re.compile(r"\b(review body|agenda for change|afc|band|range)\b")


def pay_band(value: str, extra: dict[str, str]) -> str | None:
    """"Band 5", "Band 8A", "Band 8 - Range A" -> the contract's band label ("Band 8a"); None if it is none."""
    key = words(value)
    if key in extra:
        return extra[key]
    if key in VSM_WORDS:
        return "VSM"
    compact = BAND_NOISE.sub(" ", key).replace(" ", "")
    match = re.fullmatch(r"([1-9])([a-d]?)", compact)
    if match is None or (match.group(2) and match.group(1) != "8") or compact == "8":
        return None
    return f"Band {compact}"


# --- medical grades ---------------------------------------------------------------

CONSULTANTS = "Consultants"
SAS = "Specialty and specialist grades"
TRAINING = "Doctors in training"
OTHER_MEDICAL = "Other medical and dental"
MEDICAL_GROUPS = (CONSULTANTS, SAS, TRAINING, OTHER_MEDICAL)
GRADE_RULES = (  # first match wins; training first, so "Specialist Registrar" is a doctor in training
    (TRAINING, re.compile(r"\b(foundation|fy ?[12]|f[12]|core (training|trainee)|ct ?[1-3]|st ?[1-8]|str|spr|"
                          r"special(i?ty|ist) (registrar|training|trainee)|registrar|(senior )?house officer|sho|"
                          r"trainee|training)\b")),
    (CONSULTANTS, re.compile(r"\bconsultant\b")),
    (SAS, re.compile(r"\b(special(i?ty) doctor|associate specialist|specialist|staff grade)\b")),
)
GRADE_TABLE_TEXT = (  # for the Methodology page
    (CONSULTANTS, "Consultant"),
    (SAS, "Specialty Doctor, Associate Specialist, Specialist"),
    (TRAINING, "foundation, core and specialty training grades, such as FY1, CT2, ST4 and Specialty Registrar"),
    (OTHER_MEDICAL, "every other grade"),
)


# The WDES reports metric 1 by pay cluster, not band (WDES 2023 technical guidance, metric 1: AfC clusters 1 to 4,
# medical and dental clusters 5 to 7): the import counts the bands and groups above, then adds them up by cluster.
# Locally employed doctors (other medical and dental) are not in training, so they are non-consultant career grades.
AFC_CLUSTERS = {
    "Cluster 1 (Bands 1 to 4)": ("Band 1", "Band 2", "Band 3", "Band 4"),
    "Cluster 2 (Bands 5 to 7)": ("Band 5", "Band 6", "Band 7"),
    "Cluster 3 (Bands 8a and 8b)": ("Band 8a", "Band 8b"),
    "Cluster 4 (Bands 8c to 9 and VSM)": ("Band 8c", "Band 8d", "Band 9", "VSM"),
}
MEDICAL_CLUSTERS = {
    "Consultants": (CONSULTANTS,),
    "Non-consultant career grades": (SAS, OTHER_MEDICAL),
    "Medical and dental trainee grades": (TRAINING,),
}
CLUSTER_OF = {band: cluster for table in (AFC_CLUSTERS, MEDICAL_CLUSTERS) for cluster, bands in table.items() for band in bands}


def medical_grade(value: str, extra: dict[str, str]) -> str | None:
    """One of the four medical and dental groups; None only for a blank cell."""
    key = words(value)
    if not key:
        return None
    if key in extra:
        return extra[key]
    for group, rule in GRADE_RULES:
        if rule.search(key):
            return group
    return OTHER_MEDICAL


# --- yes and no (recruitment) -----------------------------------------------------

YES = {"yes", "y", "true", "1"}
NO = {"no", "n", "false", "0", ""}


def yes_no(value: str) -> bool | None:
    key = words(value)
    return True if key in YES else False if key in NO else None
