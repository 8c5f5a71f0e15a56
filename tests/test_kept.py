"""The preview makes the report's pages again only when data/ changed (generator/site/kept.py), and still shows every edit.

`mkdocs serve` builds the whole site after any change; the wres plugin keeps what data/ made and uses it again
while the data, the organisation file and the logo are unchanged, reading content/ afresh every time.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.data import DataError, Project
from generator.site.generate import generate
from generator.site.kept import Kept


def project_of(data: Path) -> Project:
    root = data.parent
    return Project.mkdocs(root / "mkdocs.yml", "data", root / "content")


def test_an_edit_to_a_content_page_shows_without_making_the_report_again(example_copy):
    project, kept = project_of(example_copy), Kept()
    first = generate(project, drafts=True, kept=kept)
    report = kept.report
    about = example_copy.parent / "content" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nA sentence added in the preview.\n", encoding="utf-8")
    second = generate(project, drafts=True, kept=kept)
    assert b"A sentence added in the preview." in second.content["about.md"]
    assert kept.report is report and second.files is first.files  # the report's pages were not made again
    assert second.nav == first.nav


def test_an_edit_to_the_data_or_the_drafts_switch_makes_the_report_again(example_copy):
    project, kept = project_of(example_copy), Kept()
    first = generate(project, drafts=True, kept=kept)
    year = example_copy / "years" / "2024.yaml"
    year.write_text(year.read_text(encoding="utf-8").replace("summary: >-\n  ", "summary: >-\n  Edited in the preview. "),
                    encoding="utf-8")
    second = generate(project, drafts=True, kept=kept)
    assert b"Edited in the preview." in second.files["years/2024.md"]
    assert b"Edited in the preview." not in first.files["years/2024.md"]
    third = generate(project, drafts=False, kept=kept)
    assert third.files is not second.files


def test_content_is_checked_at_every_build_as_a_first_build_checks_it(example_copy):
    project, kept = project_of(example_copy), Kept()
    generate(project, drafts=True, kept=kept)
    (example_copy.parent / "content" / "notes.html").write_text("<script>alert(1)</script>\n", encoding="utf-8")
    (example_copy.parent / "content" / "about.md").write_text("---\ntemplate: main.html\n---\nBody.\n", encoding="utf-8")
    with pytest.raises(DataError) as kept_build:
        generate(project, drafts=True, kept=kept)
    with pytest.raises(DataError) as first_build:
        generate(project, drafts=True)
    said = [str(problem) for problem in kept_build.value.problems]
    assert said == [str(problem) for problem in first_build.value.problems]
    assert len(said) == 2 and any("notes.html" in line for line in said) and any("template" in line for line in said)


def test_a_new_logo_is_checked_and_published(example_copy):
    project, kept = project_of(example_copy), Kept()
    generate(project, drafts=True, kept=kept)
    report = kept.report
    logo = example_copy.parent / "content" / "logo.svg"
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>\n', encoding="utf-8")
    with pytest.raises(DataError):  # checked with the organisation: the report is made again, not taken as it was
        generate(project, drafts=True, kept=kept)
    assert kept.report is report
