"""Load and validate a data folder: every file, every problem, before anything is written."""

from __future__ import annotations

import re
from pathlib import Path

from . import checks, plan_checks
from .content import content_files
from .errors import DataError, Problem
from .front_matter import check_pages
from .identity import check_identity
from .model import Dataset, Organisation, Year
from .plans import ActionPlan
from .project import Project
from .yamlfile import YamlDocument, display_path, read_yaml, validate

YEAR_FILE = re.compile(r"^(\d{4})\.ya?ml$")
DRAFT = re.compile(r"^status:\s*[\"']?draft[\"']?\s*(#.*)?$", re.M)


def _read(path: Path, problems: list[Problem]) -> YamlDocument | None:
    doc, found = read_yaml(path)
    problems.extend(found)
    return doc


def load_organisation(path: Path, problems: list[Problem], base: Path | None = None, *, site_allowed: bool = True) -> Organisation | None:
    """The organisation file; ``base`` is where its paths (the logo) start, by default its own folder.

    ``site_allowed`` is False in a MkDocs project, whose site settings live in ``mkdocs.yml``.
    """
    if not path.exists():
        problems.append(Problem(display_path(path), 1, "", f"the file is missing: every data folder needs {path.name}"))
        return None
    doc = _read(path, problems)
    if doc is None:
        return None
    model, found = validate(doc, Organisation)
    problems.extend(found)
    problems.extend(doc.problem(loc, msg) for loc, msg in checks.check_organisation(doc.data))
    base = base or path.parent
    problems.extend(doc.problem(loc, msg) for loc, msg in check_identity(doc.data, base))
    if not site_allowed and isinstance(doc.data, dict) and "site" in doc.data:
        problems.append(doc.problem(("site",), "the site's name, address and description are MkDocs settings: move them to "
                                    "mkdocs.yml as site_name, site_url and site_description, and remove site: from here"))
    if model is not None and model.identity is not None:  # type: ignore[attr-defined]
        model.identity.located(base)  # type: ignore[attr-defined]
    return model  # type: ignore[return-value]


def year_files(data_dir: Path, problems: list[Problem], folder_name: str = "years", required: bool = True) -> list[tuple[int, Path]]:
    """``<folder>/<YYYY>.yaml`` files in year order; badly named or duplicate files are problems."""
    folder = data_dir / folder_name
    if not folder.is_dir():
        if required:
            problems.append(Problem(display_path(folder), 1, "",
                                    f"the folder is missing: put one file per WRES year in it, e.g. {folder_name}/2024.yaml"))
        return []
    found: dict[int, Path] = {}
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.is_dir():
            continue
        match = YEAR_FILE.match(path.name)
        if not match:
            if path.suffix in (".yaml", ".yml"):
                problems.append(Problem(display_path(path), 1, "", "the file name must be the year, such as 2024.yaml"))
            continue
        year = int(match.group(1))
        if year in found:
            problems.append(Problem(display_path(path), 1, "year",
                                    f"{year} is given twice, here and in {display_path(found[year])}; keep one file per year"))
            continue
        found[year] = path
    return sorted(found.items())


def load_per_year(data_dir: Path, problems: list[Problem], folder: str, model: type, check, *, required: bool,  # noqa: ANN001
                  skip: set[int] | None = None) -> list:
    """Every ``<folder>/<YYYY>.yaml`` validated as ``model`` and by ``check(data, file_year)``.

    Files of the years in ``skip`` (drafts, when building the public site) are not read at
    all, so a half-written draft never stops a correction to a published year going out.
    """
    loaded = []
    for file_year, path in year_files(data_dir, problems, folder, required=required):
        if skip and file_year in skip:
            continue
        doc = _read(path, problems)
        if doc is None:
            continue
        validated, found = validate(doc, model)
        problems.extend(found)
        problems.extend(doc.problem(loc, msg) for loc, msg in check(doc.data, file_year))
        if validated is not None:
            loaded.append(validated)
    return loaded


def draft_years(data_dir: Path) -> set[int]:
    """Years whose file says ``status: draft``, read with a light scan (the file is not validated)."""
    drafts = set()
    for year, path in year_files(data_dir, [], "years", required=False):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if DRAFT.search(text):
            drafts.add(year)
    return drafts


def load_years(data_dir: Path, problems: list[Problem], skip: set[int] | None = None,
               organisation: Organisation | None = None) -> list[Year]:
    def check(data: dict, file_year: int | None):  # noqa: ANN202
        yield from checks.check_year(data, file_year)
        if organisation is not None:  # an organisation file with mistakes is reported on its own
            yield from checks.check_comparator_named(data, organisation.comparator)

    return load_per_year(data_dir, problems, "years", Year, check, required=True, skip=skip)


def load_plans(data_dir: Path, problems: list[Problem], skip: set[int] | None = None) -> list[ActionPlan]:
    """``action_plans/<YYYY>.yaml``: optional, one per WRES year whose findings it answers."""
    return load_per_year(data_dir, problems, "action_plans", ActionPlan, plan_checks.check_plan, required=False, skip=skip)


def load_dataset(data_dir: Path | str, organisation_file: Path | None = None, *, drafts: bool = True,
                 require_years: bool = True, base: Path | None = None, site_allowed: bool = True) -> Dataset:
    """The validated contents of ``data_dir``, or a :class:`DataError` listing every problem.

    The organisation comes from ``organisation_file`` (an earlier project's ``wres.yaml``) or
    from ``organisation.yaml`` beside ``years/``. With
    ``drafts=False`` (the public site) draft years and their action plans are left out.
    """
    data_dir = Path(data_dir)
    problems: list[Problem] = []
    if not data_dir.is_dir():
        raise DataError([Problem(display_path(data_dir), 1, "", "the data folder does not exist")])
    organisation = load_organisation(organisation_file or data_dir / "organisation.yaml", problems, base, site_allowed=site_allowed)
    skip = set() if drafts else draft_years(data_dir)
    years = load_years(data_dir, problems, skip, organisation)
    plans = load_plans(data_dir, problems, skip)
    if require_years and not years and not problems:
        message = ("every year is still a draft: publish one with 'wres publish YEAR', or preview drafts with 'wres serve --drafts'"
                   if skip else "there are no year files yet, such as years/2024.yaml")
        problems.append(Problem(display_path(data_dir / "years"), 1, "", message))
    if problems or organisation is None:
        raise DataError(problems)
    return Dataset(organisation=organisation, years=tuple(sorted(years, key=lambda y: y.year)),
                   plans=tuple(sorted(plans, key=lambda p: p.year)))


def load_project(project: Project, *, drafts: bool = True, require_years: bool = True) -> Dataset:
    """The validated data of a project folder or bare data folder; its content pages' front matter is checked,
    and a file ``content/`` may not publish is a problem too."""
    page_problems = check_pages(project.content_dir)
    try:
        dataset = load_dataset(project.data_dir, project.config_file, drafts=drafts, require_years=require_years,
                               base=project.base_dir, site_allowed=project.mkdocs_file is None)
    except DataError as exc:
        logo = _named_logo(project)
        content = content_files(project.content_dir, logo)[1]
        if logo is None and any(p.path == display_path(project.config_file) for p in exc.problems):
            # the organisation file could not be read, so which SVG is the logo is not known: say nothing of SVGs yet
            content = [p for p in content if not p.path.lower().endswith(".svg")]
        raise DataError([*exc.problems, *page_problems, *content]) from None
    problems = page_problems + content_problems(project, dataset.organisation, pages=False)
    if problems:
        raise DataError(problems)
    return dataset


def content_problems(project: Project, organisation: Organisation, *, pages: bool = True) -> list[Problem]:
    """What is wrong in ``content/`` (its pages' front matter, with ``pages``, and files it may not publish), for data
    already loaded: the preview checks only this when ``data/`` has not changed since its last build."""
    identity = organisation.identity
    found = check_pages(project.content_dir) if pages else []
    return found + content_files(project.content_dir, identity.logo_path if identity else None)[1]


def _named_logo(project: Project) -> Path | None:
    """The logo the organisation file names, read from the file as it is (when the organisation has other mistakes)."""
    doc = read_yaml(project.config_file)[0] if project.content_dir and project.config_file.is_file() else None
    identity = doc.data.get("identity") if doc is not None and isinstance(doc.data, dict) else None
    logo = identity.get("logo") if isinstance(identity, dict) else None
    return project.base_dir / logo if isinstance(logo, str) else None
