"""A comms officer's everyday mistakes, each planted in a copy of the example: `wres check` says what is wrong in plain
words, with the file and the line, and what to write instead. YAML syntax errors show the line and the one above it,
with a caret; no parser token ever reaches the reader. Values that are valid but look wrong are warnings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

YEAR = "data/years/2024.yaml"
PLAN = "data/action_plans/2024.yaml"
# what a parser says, which a comms officer should never read
PARSER_WORDS = ("<block end>", "<block mapping start>", "'?'", "mapping values", "could not find expected", "token",
                "while parsing", "while scanning", "not valid YAML")


def plant(project: Path, name: str, old: str, new: str, count: int = 1) -> int:
    """Replace the first ``count`` ``old`` in ``name`` with ``new``; returns the line the change starts on."""
    path = project / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def check(project: Path, monkeypatch) -> tuple[int, str]:
    """``wres check`` run in the project folder: its exit code and everything it printed."""
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["check"])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def problem(project: Path, monkeypatch) -> str:
    """The one problem `wres check` reports, with its excerpt."""
    code, output = check(project, monkeypatch)
    assert code == 1, output
    said, summary = output.rstrip("\n").rsplit("\n", 1)
    assert summary == "1 problem found. Nothing was written; fix the lines above and run again."
    assert not any(word in said for word in PARSER_WORDS), said
    return said


@pytest.fixture
def project(example_copy: Path) -> Path:
    return example_copy.parent


# --- YAML syntax: indentation, tabs, colons, quotes, brackets, list items ------------------------------------------


def test_one_space_too_many(project, monkeypatch):
    line = plant(project, YEAR, "  white: 24.8\n  bme: 27.3\n", "  white: 24.8\n   bme: 27.3\n") + 1
    assert problem(project, monkeypatch) == (
        f"{YEAR}:{line}: line {line} is indented one space more than the line above: line it up with `white:`\n"
        f"    {line - 1} |   white: 24.8\n"
        f"    {line} |    bme: 27.3\n"
        f"       |    ^")


def test_a_field_of_an_action_indented_too_little(project, monkeypatch):
    line = plant(project, PLAN, "    objective: Close the gap", "   objective: Close the gap")
    said = problem(project, monkeypatch)
    assert said.startswith(f"{PLAN}:{line}: line {line} is indented one space less than the line above: "
                           "line it up with `theme:`\n")
    assert said.endswith(f"    {line} |    objective: Close the gap in appointment from shortlisting (indicator 2)\n"
                         "       |    ^")


def test_a_tab(project, monkeypatch):
    line = plant(project, YEAR, "  white: 24.8\n  bme: 27.3\n", "  white: 24.8\n\tbme: 27.3\n") + 1
    assert problem(project, monkeypatch) == (
        f"{YEAR}:{line}: line {line} starts with a tab: YAML needs spaces, not tabs. Replace the tab with spaces, "
        "lined up with the line above\n"
        f"    {line - 1} |   white: 24.8\n"
        f"    {line} | →bme: 27.3\n"
        f"       | ^")


def test_no_space_after_a_colon(project, monkeypatch):
    line = plant(project, YEAR, "  white: 24.8\n  bme: 27.3\n", "  white: 24.8\n  bme:27.3\n") + 1
    assert problem(project, monkeypatch).startswith(
        f"{YEAR}:{line}: line {line} has no space after the colon: write `bme: 27.3`\n")


def test_a_quote_never_closed(project, monkeypatch):
    line = plant(project, YEAR, 'label: "2023/24"', 'label: "2023/24')
    assert problem(project, monkeypatch) == (
        f'{YEAR}:{line}: the text in quotes that starts on line {line} is never closed: add the closing " at the end '
        "of the text (and check for a stray quote inside it)\n"
        f"    {line - 1} | year: 2024\n"
        f'    {line} | label: "2023/24\n'
        f"      |        ^")


def test_a_bracket_never_closed(project, monkeypatch):
    line = plant(project, PLAN, "indicators: [1, 2]", "indicators: [1, 2")
    assert problem(project, monkeypatch).startswith(
        f"{PLAN}:{line}: the [ on line {line} is never closed: add ] after the last item, on the same line\n")


@pytest.mark.parametrize("dash", ["   - id: \"1.2\"", "    - id: \"1.2\"", " - id: \"1.2\""])
def test_a_list_item_at_the_wrong_depth(project, monkeypatch, dash):
    line = plant(project, PLAN, '  - id: "1.2"', dash)
    first = (project / PLAN).read_text(encoding="utf-8").split("\n").index('  - id: "1.1"') + 1
    assert problem(project, monkeypatch).startswith(
        f"{PLAN}:{line}: line {line} starts a list item (-) at a different depth from the item on line {first}: "
        "line up its - with that one's\n")


def test_a_colon_inside_a_value(project, monkeypatch):
    line = plant(project, PLAN, "action: Publish anonymised", "action: Quarterly: publish anonymised")
    assert problem(project, monkeypatch).startswith(
        f'{PLAN}:{line}: line {line} has a second ": " in its value: put the value in quotes, e.g. '
        'action: "Quarterly: publish anonymised shortlisting data by division every quarter"\n')


# --- values that are nearly right -----------------------------------------------------------------------------------


def test_a_status_written_with_a_space(project, monkeypatch):
    line = plant(project, PLAN, "status: in_progress", "status: in progress")
    assert problem(project, monkeypatch) == (
        f"{PLAN}:{line}: actions[0].status: must be one of 'not_started', 'in_progress', 'complete', 'delayed' or "
        "'cancelled', not \"in progress\"; did you mean 'in_progress'?")


def test_a_theme_misspelt(project, monkeypatch):
    line = plant(project, PLAN, "theme: recruitment", "theme: recruitmnet")
    assert problem(project, monkeypatch) == (
        f'{PLAN}:{line}: actions[0].theme: "recruitmnet" is not one of this plan\'s themes (recruitment, culture, '
        "leadership); did you mean 'recruitment'?")


def test_an_indicator_number_in_words(project, monkeypatch):
    line = plant(project, PLAN, "indicators: [1, 2]", 'indicators: [1, "indicator 2"]')
    assert problem(project, monkeypatch) == (
        f"{PLAN}:{line}: actions[0].indicators[1]: must be one of 1, 2, 3, 4, 5, 6, 7, 8 or 9, not \"indicator 2\"; "
        "write 2, a number without quotes or words")


def test_a_percentage_with_its_sign(project, monkeypatch):
    line = plant(project, YEAR, "  bme: 27.3\n", "  bme: 41.2%\n")
    assert problem(project, monkeypatch) == (
        f'{YEAR}:{line}: indicator_5.bme: must be a number, not "41.2%": write 41.2 (without the %)')


def test_a_list_without_brackets(project, monkeypatch):
    line = plant(project, PLAN, "indicators: [1, 2]", "indicators: 1, 2")
    assert problem(project, monkeypatch) == (
        f'{PLAN}:{line}: actions[0].indicators: must be a list, not "1, 2": write [1, 2]')


def test_a_count_with_a_thousands_comma(project, monkeypatch):
    line = plant(project, YEAR, '"Band 2": {white: 439,', '"Band 2": {white: "1,439",')
    assert problem(project, monkeypatch) == (
        f'{YEAR}:{line}: indicator_1.non_clinical.Band 2.white: must be a whole number, not "1,439": '
        "write 1439 (without the comma)")


# --- values that look wrong: warnings, which stop nothing ----------------------------------------------------------


def unfreeze(project: Path, year: int) -> None:
    """Forget that ``year`` was published, so its figures may change without a correction."""
    (project / "data" / "published" / f"{year}.csv").unlink()


def warnings_of(project: Path, monkeypatch) -> list[str]:
    code, output = check(project, monkeypatch)
    assert code == 0, output
    return [line.removeprefix("Warning: ") for line in output.splitlines() if line.startswith("Warning: ")]


def test_the_example_raises_no_warning(project, monkeypatch):
    code, output = check(project, monkeypatch)
    assert code == 0 and "Warning" not in output and "look wrong" not in output


def test_survey_figures_written_as_proportions(project, monkeypatch):
    unfreeze(project, 2024)
    path = project / YEAR
    text = path.read_text(encoding="utf-8")
    survey = re.search(r"^indicator_5:.*?(?=^indicator_9:)", text, re.S | re.M)
    as_proportions = re.sub(r"^(  (?:white|bme): )(\d+)\.(\d)$", lambda m: f"{m[1]}0.{int(m[2]):02d}{m[3]}",
                            survey.group(0), flags=re.M)
    path.write_text(text.replace(survey.group(0), as_proportions), encoding="utf-8")
    line = text[: survey.start()].count("\n") + 2
    assert warnings_of(project, monkeypatch) == [
        f"{YEAR}:{line}: indicator_5.white: every survey figure of this year is below 1, so these look like proportions; "
        "write percentages: 24.8, not 0.248"]


def test_an_empty_owner(project, monkeypatch):
    line = plant(project, PLAN, "owner: Head of Recruitment", 'owner: ""')
    code, output = check(project, monkeypatch)
    assert output.splitlines()[1:] == [
        f"Warning: {PLAN}:{line}: actions[0].owner: is empty: name who is responsible, or remove the line "
        "(the site then says no owner is given)",
        "1 value looks wrong: check it against your report. A warning does not stop a build."]


def test_a_blank_update(project, monkeypatch):
    line = plant(project, PLAN, "text: Band 7 panels now included; 52 panel members trained in total.", 'text: " "')
    assert warnings_of(project, monkeypatch) == [
        f"{PLAN}:{line}: actions[0].updates[0].text: is empty: say what happened, or remove the update"]


def test_shares_that_do_not_add_up(project, monkeypatch):
    unfreeze(project, 2020)
    line = plant(project, "data/years/2020.yaml", "white_share: 72.4", "white_share: 82.4")
    assert warnings_of(project, monkeypatch) == [
        f"data/years/2020.yaml:{line - 1}: indicator_1.published.bme_share: bme_share and white_share add up to 107.5%, "
        "where they should make no more than 100%: check them against the report"]


def test_three_shares_that_do_not_make_a_whole(project, monkeypatch):
    unfreeze(project, 2020)
    line = plant(project, "data/years/2020.yaml", "white_share: 72.4", "white_share: 62.4\n    unknown_share: 2.5")
    assert warnings_of(project, monkeypatch) == [
        f"data/years/2020.yaml:{line - 1}: indicator_1.published.bme_share: bme_share, white_share and unknown_share "
        "add up to 90%, where they should make about 100%: check them against the report"]


def test_an_implausible_change_from_the_year_before(project, monkeypatch):
    unfreeze(project, 2024)
    line = plant(project, YEAR, "  white: 24.8\n", "  white: 48.2\n")
    assert warnings_of(project, monkeypatch) == [
        f"{YEAR}:{line}: indicator_5.white: 25.9 the year before and 48.2 this year, a change of 22.3 percentage points; "
        "more than 20 is rarely real (settings.implausible_change): check the figure"]


def test_the_threshold_is_a_setting(project, monkeypatch):
    unfreeze(project, 2024)
    plant(project, YEAR, "  white: 24.8\n", "  white: 48.2\n")
    organisation = project / "data" / "organisation.yaml"
    text = organisation.read_text(encoding="utf-8")
    assert "\nsettings:\n" in text
    organisation.write_text(text.replace("\nsettings:\n", "\nsettings:\n  implausible_change: 30\n"), encoding="utf-8")
    assert warnings_of(project, monkeypatch) == []


MUTATIONS = {
    "one more space": lambda line: " " + line,
    "one space less": lambda line: line[1:] if line.startswith(" ") else line,
    "a tab": lambda line: "\t" + line.lstrip(" "),
    "no space after the colon": lambda line: line.replace(": ", ":", 1),
    "a quote": lambda line: line.replace(": ", ': "', 1),
    "a bracket": lambda line: line.replace(": ", ": [", 1),
}


@pytest.mark.parametrize("mutation", MUTATIONS)
def test_no_mistake_on_any_line_shows_parser_words(tmp_path, mutation):
    """Each mistake planted on each line of the example's files: every syntax error is in plain words, with an excerpt."""
    from generator.data.yamlfile import read_yaml

    for name in (YEAR, PLAN):
        lines = (Path(__file__).parent.parent / name).read_text(encoding="utf-8").split("\n")
        for index, line in enumerate(lines):
            if not line.strip() or line.lstrip().startswith("#") or index % 3:  # every third line: a few seconds
                continue
            path = tmp_path / "2024.yaml"
            path.write_text("\n".join([*lines[:index], MUTATIONS[mutation](line), *lines[index + 1:]]), encoding="utf-8")
            for found in read_yaml(path)[1]:
                said = str(found)
                assert not any(word in said for word in PARSER_WORDS), (name, index + 1, said)
                assert found.excerpt.count("\n") in (1, 2) and found.excerpt.endswith("^"), (name, index + 1, said)


def test_a_mistake_in_mkdocs_yml_is_in_plain_words_too(project, monkeypatch):
    line = plant(project, "mkdocs.yml", "  name: material\n", "  name: material\n   font: false\n") + 1
    said = problem(project, monkeypatch)
    assert said.startswith(f"mkdocs.yml:{line}: line {line} is indented one space more than the line above: "
                           "line it up with `name:`\n")
