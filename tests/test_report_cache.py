"""A build whose data/ is unchanged uses the report kept on disk (generator/site/report_cache.py), and only then.

The report (the checked data, the figures, every generated page and chart) is kept between processes
under a digest of everything it is made of; a rebuild after an edit to content/, mkdocs.yml or the
theme takes it as it was. Any change to what it is made of makes it again, and a damaged entry is
only a miss.
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

import pytest
from markupsafe import Markup

from generator import cache as cache_module
from generator.cache import ENTRY, installed
from generator.data import DataError, Project
from generator.site import generate as generate_module
from generator.site import pdf_fonts, report_cache
from generator.site.generate import generate
from generator.site.kept import Report


def project_of(data: Path) -> Project:
    root = data.parent
    return Project.mkdocs(root / "mkdocs.yml", "data", root / "content")


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WRES_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache" / "reports"


def no_report(*_args, **_kwargs):
    raise AssertionError("the report was made again")


def test_a_rebuild_with_unchanged_data_takes_the_kept_report_and_reads_content_afresh(example_copy, cache, monkeypatch):
    project = project_of(example_copy)
    first = generate(project, on_disk=True)
    assert len(list(cache.glob("*.pickle"))) == 1
    about = example_copy.parent / "content" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nA sentence added since the last build.\n", encoding="utf-8")
    monkeypatch.setattr(generate_module, "_report", no_report)
    second = generate(project, on_disk=True)
    assert second.files == first.files and second.warnings == first.warnings and second.nav == first.nav
    assert b"A sentence added since the last build." in second.content["about.md"]
    assert second.organisation == first.organisation


def test_an_edit_to_the_data_makes_the_report_again_and_a_mistake_is_never_covered(example_copy, cache):
    project = project_of(example_copy)
    first = generate(project, on_disk=True)
    year = example_copy / "years" / "2024.yaml"
    text = year.read_text(encoding="utf-8")
    year.write_text(text.replace("summary: >-\n  ", "summary: >-\n  Edited since the last build. "), encoding="utf-8")
    second = generate(project, on_disk=True)
    assert b"Edited since the last build." in second.files["years/2024.md"]
    assert b"Edited since the last build." not in first.files["years/2024.md"]
    year.write_text(text.replace("year: 2024", "year: twenty"), encoding="utf-8")
    with pytest.raises(DataError):
        generate(project, on_disk=True)
    year.write_text(text, encoding="utf-8")  # back as it was: the first build's report, from the cache
    assert generate(project, on_disk=True).files == first.files


def test_content_is_checked_when_the_report_is_taken_from_the_cache(example_copy, cache):
    project = project_of(example_copy)
    generate(project, on_disk=True)
    (example_copy.parent / "content" / "notes.html").write_text("<script>alert(1)</script>\n", encoding="utf-8")
    with pytest.raises(DataError) as kept_build:
        generate(project, on_disk=True)
    assert any("notes.html" in str(problem) for problem in kept_build.value.problems)


def test_the_key_covers_the_switches_the_code_the_libraries_the_python_and_the_fonts(example_copy, cache, monkeypatch):
    project = project_of(example_copy)
    key = report_cache.key_for(project, drafts=False, pdfs=True)
    assert report_cache.key_for(project, drafts=False, pdfs=True) == key
    assert report_cache.key_for(project, drafts=True, pdfs=True) != key
    assert report_cache.key_for(project, drafts=False, pdfs=False) != key
    bare = Project.bare(example_copy)  # the same data as a bare folder, where organisation.yaml may hold site:
    assert report_cache.key_for(bare, drafts=False, pdfs=True) != key
    changes = [(cache_module, "code_digest", lambda: "other code"),
               (cache_module, "installed", lambda: "3.11.7\nplotly-7.0.0.dist-info"),
               (pdf_fonts, "fingerprint", lambda: "another font")]
    for module, name, value in changes:
        with monkeypatch.context() as patched:
            patched.setattr(module, name, value)
            assert report_cache.key_for(project, drafts=False, pdfs=True) != key, name
    assert sys.version in installed() and "pydantic-" in installed() and "plotly-" in installed()


def test_a_damaged_or_foreign_entry_is_a_miss_and_made_again(example_copy, cache):
    project = project_of(example_copy)
    first = generate(project, on_disk=True)
    (entry,) = cache.glob("*.pickle")
    for damaged in (b"not a pickle", ENTRY + b"\x80\x05garbage", pickle.dumps(("a", "b")), ENTRY + pickle.dumps(("a", "b"))):
        entry.write_bytes(damaged)
        assert generate(project, on_disk=True).files == first.files
        assert entry.read_bytes().startswith(ENTRY)  # kept again, whole


def test_an_entry_whose_linked_files_changed_is_a_miss(example_copy, cache, tmp_path):
    project = project_of(example_copy)
    generate(project, on_disk=True)
    key = report_cache.key_for(project, drafts=False, pdfs=False)
    kept = report_cache.get(key)
    assert kept is not None
    pdf = tmp_path / "made.pdf"
    pdf.write_bytes(b"%PDF-1.7 one")
    report_cache.keep("with-a-pdf", Report(kept.dataset, {**kept.files, "reports/x.pdf": pdf}, kept.warnings))
    assert report_cache.get("with-a-pdf") is not None
    pdf.write_bytes(b"%PDF-1.7 another, longer")
    assert report_cache.get("with-a-pdf") is None
    pdf.unlink()
    assert report_cache.get("with-a-pdf") is None


def test_only_the_newest_entries_are_kept(example_copy, cache):
    project = project_of(example_copy)
    generate(project, on_disk=True)
    kept = report_cache.get(report_cache.key_for(project, drafts=False, pdfs=False))
    for n in range(report_cache.KEEP + 3):
        report_cache.keep(f"entry-{n:02d}", kept)
    names = sorted(path.stem for path in cache.glob("*.pickle"))
    assert len(names) == report_cache.KEEP and "entry-00" not in names and f"entry-{report_cache.KEEP + 2:02d}" in names


def test_prose_and_parsed_data_files_are_kept_by_their_text(example_copy, cache, monkeypatch):
    """A build after an edit converts the edited prose and parses the edited file only; the rest is read back."""
    from generator.data import yamlfile
    from generator.pages import prose

    project = project_of(example_copy)
    prose.safe_markdown.cache_clear()  # this process's own copies: the test is of the cache on disk
    yamlfile._parsed.cache_clear()
    first = generate(project)
    assert len(list((cache.parent / "data").glob("*.pickle"))) == len(list(example_copy.rglob("*.yaml")))
    prose.safe_markdown.cache_clear()
    yamlfile._parsed.cache_clear()
    converted, parsed = [], []
    monkeypatch.setattr(prose, "_safe_markdown", lambda text: converted.append(text) or Markup(text))
    real_fast_load = yamlfile.fast_load
    monkeypatch.setattr(yamlfile, "fast_load", lambda text: parsed.append(text) or real_fast_load(text))
    year = example_copy / "years" / "2024.yaml"
    year.write_text(year.read_text(encoding="utf-8").replace("summary: >-\n  ", "summary: >-\n  Edited. "), encoding="utf-8")
    second = generate(project)
    assert len(parsed) == 1 and "Edited." in parsed[0]
    assert len(converted) == 1 and converted[0].startswith("Edited.")
    # the summary shows on its year's page and, as the latest year's, on the home page; nothing else changed
    assert {path for path in first.files if second.files[path] != first.files[path]} == {"index.md", "years/2024.md"}
