"""``wres import KIND FILE --year YEAR``: check everything, count, write the kind's blocks of one year file, or nothing.

A kind writes its WRES indicator (counted by ethnicity) and, when its extract has a disability
column, its WDES metric (counted by disability) too: ``staff`` writes ``indicator_1`` and
``wdes.metric_1``, ``recruitment`` ``indicator_2`` and ``wdes.metric_2``, and ``capability``
(a WDES-only kind) ``wdes.metric_3``.

Everything is checked before anything is written, as a build does: the project's files,
``data/import_mapping.yaml``, the extract (every value that cannot be placed), and the year
file as it would be written (validated like ``wres check`` does). A published year changes
only with ``--correction WHY``, which records a correction for every indicator whose
published figures the new counts change.
"""

from __future__ import annotations

import datetime as dt
import math
import shutil
import tempfile
from pathlib import Path

import click
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..data import INDICATORS, DataError, Dataset, Problem, Project, load_dataset, load_project
from ..data.indicators import STANDARDS, Indicator
from ..data.wdes import Wdes
from ..data.yamlfile import display_path
from ..metrics import compute_metrics
from ..site.published import year_figures
from ..site.scaffold import year_text
from .columns import DISABILITY, KINDS, Kind, parse_maps
from .counting import Counted, count
from .mapping_file import load_mapping
from .reading import read_extract
from .section import edit_in_section
from .writing import apply, edit_block, problems_at, provenance_lines, write_atomically

GROUP_WORDS = {"white": "White", "bme": "BME", "disabled": "Disabled", "non_disabled": "non-disabled", "unknown": "unknown"}


def _blocks_of(kind: Kind) -> dict[str, Indicator]:
    """The indicator each grouping of the kind's rows is counted into: ethnicity -> WRES, disability -> WDES."""
    blocks = {}
    if kind.indicator is not None:
        blocks["ethnicity"] = INDICATORS[kind.indicator]
    if kind.wdes_metric is not None:
        blocks[DISABILITY] = next(s for s in STANDARDS["wdes"].indicators.values() if s.key == kind.wdes_metric)
    return blocks


def _representation(spec: Indicator) -> Indicator:
    return next(s for s in STANDARDS[spec.standard].indicators.values() if s.kind == "representation")


def _workforce_note(spec: Indicator) -> str | None:
    """What the provenance says of the workforce: a representation's counts are the denominator of some likelihoods."""
    if spec.kind == "representation":
        users = [s for s in STANDARDS[spec.standard].indicators.values() if s.kind == "likelihood" and s.denominator_key == "workforce"]
        if not users:
            return None
        ids = ", ".join(s.id for s in users[:-1]) + (" and " if len(users) > 1 else "") + users[-1].id
        return (f"{spec.noun.capitalize()}s {ids} take their" if len(users) > 1 else f"{spec.noun.capitalize()} {ids} takes its") + \
            " workforce from these counts."
    if spec.kind == "likelihood" and spec.denominator_key == "workforce":
        return f"The workforce (the denominator) is the year's {_representation(spec).label.lower()} counts."
    return None


def _named(spec: Indicator) -> str:
    """"indicator 1", "WDES metric 1": a WRES indicator as the import has always said it, another standard's with its name."""
    return f"{spec.noun} {spec.id}" if not spec.section else f"{STANDARDS[spec.standard].short_name} {spec.noun} {spec.id}"


def run_import(project: Project, kind_name: str, file: Path, year: int, maps: tuple[str, ...], sheet: str | None,
               correction: str | None, today: dt.date) -> list[str]:
    """Import ``file`` into ``years/<year>.yaml``; returns the lines to show. Raises DataError or ClickException, having written nothing."""
    kind = KINDS[kind_name]
    chosen = parse_maps(maps)
    if DISABILITY in chosen and kind.wdes_metric is None:
        raise click.ClickException(
            f"--map disability={chosen[DISABILITY]}: a {kind_name} extract counts WRES indicator {kind.indicator} only, "
            "by ethnicity. The WDES counts staff entering the formal capability process instead: "
            f"wres import capability FILE --year {year}. Nothing was written.")
    problems: list[Problem] = []
    mapping = load_mapping(project.data_dir, problems)
    try:
        dataset = load_project(project, drafts=True, require_years=False)
    except DataError as exc:
        raise DataError([*exc.problems, *problems]) from None
    if problems:
        raise DataError(problems)
    wdes = any(y.wdes is not None for y in dataset.years)  # the project publishes the WDES
    extract = read_extract(file, kind, chosen, sheet, wdes)
    specs = {field: spec for field, spec in _blocks_of(kind).items() if field in extract.columns.of}
    counted, problems = count(kind, extract, mapping, display_path(file), {f: s.numerator_key for f, s in specs.items()})
    if counted is None:
        raise DataError(problems)

    year_file = project.data_dir / "years" / f"{year}.yaml"
    existing = next((y for y in dataset.years if y.year == year), None)
    before = year_file.read_text(encoding="utf-8") if year_file.exists() else year_text(dataset, year)
    published = existing is not None and existing.status == "published"
    if published and not correction:
        raise click.ClickException(
            f"{year} is published, so its figures are frozen; nothing was written. If the extract corrects them, run the "
            f'import again with --correction "why the figures changed": the correction is recorded in '
            f"{display_path(year_file)} and shown on the site.")
    text = before
    for field, spec in specs.items():
        others = [f for f in specs if f != field]
        provenance = provenance_lines(kind_name, extract.name, extract.sha256, extract.rows,
                                      extract.columns.described(without=others[0] if others else None),
                                      mapping.source, _workforce_note(spec))
        change = (lambda c: lambda block: apply(block, c))(counted[field])
        if spec.section:
            text = edit_in_section(text, spec.section, spec.key, list(Wdes.model_fields), change, provenance)
        else:
            text = edit_block(text, spec.key, change, provenance)
    after = _validated(project, year, text)
    for spec in specs.values():
        _check_workforce(after, year, spec, year_file)
    notes = []
    if published:
        changed = _changed_indicators(dataset, after, year)
        _refuse_other_standards(changed, year, year_file)
        if changed:
            text = edit_block(text, "corrections", lambda seq: _add_correction(seq, today, kind.indicator, changed, correction))
            _validated(project, year, text)
        else:
            notes.append("The published figures did not change, so no correction was recorded.")
    elif correction:
        notes.append(f"{year} is a draft, so --correction was not needed and nothing was recorded for it.")
    unread = extract.columns.unread_disability
    if unread is not None:
        notes.append(f'The extract also has a disability column ("{unread}"), which was not read, as no year of this '
                     f"project has WDES figures. To count {_named(_blocks_of(kind)[DISABILITY])} from it too, run the "
                     f'import again with --map disability="{unread}".')
    if text == before and year_file.exists():
        return [f"{display_path(year_file)} already holds these counts from this file; nothing changed.", *notes]
    write_atomically(year_file, text)
    created = "a new draft, " if existing is None else ""
    named = " and ".join(_named(spec) for spec in specs.values())
    summary = "; ".join(_summary(counted[field], "" if not spec.section else f"{STANDARDS[spec.standard].short_name} ")
                        for field, spec in specs.items())
    return [f"Wrote {display_path(year_file)} ({created}{named}) from {extract.name}: "
            f"{extract.rows:,} rows, {summary}.", *notes,
            "The extract was read and not copied. It holds personal data: keep it out of the project folder."]


def _summary(counted: Counted, standard: str) -> str:
    totals: dict[str, dict[str, int]] = {}
    if counted.by_group is not None:
        staff: dict[str, int] = {}
        for bands in counted.by_group.values():
            for counts in bands.values():
                for group, n in counts.items():
                    staff[group] = staff.get(group, 0) + n
        totals["staff in post"] = staff
    totals.update(counted.counts or {})
    return "; ".join(f"{standard}{what} " + ", ".join(f"{n:,} {GROUP_WORDS[g]}" for g, n in c.items()) for what, c in totals.items())


def _refuse_other_standards(changed: list[int], year: int, year_file: Path) -> None:
    """A correction records WRES indicators only (``corrections:`` in the year file), so other standards' changes wait."""
    others = [INDICATORS[n] for n in changed if INDICATORS[n].section]
    if others:
        ids = [s.id for s in others]
        named = _named(others[0]) if len(ids) == 1 else \
            f"{_named(others[0]).rsplit(' ', 1)[0]}s {', '.join(ids[:-1])} and {ids[-1]}"
        raise click.ClickException(
            f"{year} is published, and this import would change the published figures of {named}. A correction in "
            f"{display_path(year_file)} can name WRES indicators only for now, so the import cannot record one; "
            "nothing was written.")


def _validated(project: Project, year: int, text: str) -> Dataset:
    """The project's data with the year file as it would be written, validated as ``wres check`` does."""
    real = display_path(project.data_dir / "years" / f"{year}.yaml")
    with tempfile.TemporaryDirectory(prefix="wres-import-") as folder:
        data = Path(folder)
        for sub in ("years", "action_plans"):
            if (project.data_dir / sub).is_dir():
                shutil.copytree(project.data_dir / sub, data / sub)
        (data / "years").mkdir(exist_ok=True)
        target = data / "years" / f"{year}.yaml"
        target.write_text(text, encoding="utf-8")
        try:
            return load_dataset(data, project.config_file, drafts=True, base=project.base_dir,
                                site_allowed=project.mkdocs_file is None)
        except DataError as exc:
            found = problems_at(exc.problems, display_path(target), real)
            raise DataError([*found, Problem(real, 1, "", "the import would leave these problems in the year file")]) from None


def _check_workforce(dataset: Dataset, year: int, spec: Indicator, year_file: Path) -> None:
    if spec.kind != "likelihood" or spec.denominator_key != "workforce":
        return
    chosen = next(y for y in dataset.years if y.year == year)
    block = chosen.indicator(spec.number)
    staff = chosen.indicator(_representation(spec).number)
    has_staff = staff is not None and bool(staff.groups())
    if not has_staff and getattr(block, "workforce", None) is None:
        where = f"{spec.section}.{spec.key}" if spec.section else spec.key
        rep = _named(_representation(spec))
        raise DataError([Problem(display_path(year_file), 1, where, (
            f"{_named(spec)} takes its workforce from the year's staff in post ({rep}), and {year} has none "
            f"yet: import the staff in post first (wres import staff FILE --year {year}). Nothing was written."))])


def _changed_indicators(before: Dataset, after: Dataset, year: int) -> list[int]:
    was, now = year_figures(compute_metrics(before), year), year_figures(compute_metrics(after), year)

    def differs(a: float | None, b: float | None) -> bool:
        return (a is None) != (b is None) or (a is not None and b is not None and not math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12))
    return sorted({key[0] for key in set(was) | set(now)
                   if any(differs(x, y) for x, y in zip(was.get(key, (None,) * 3), now.get(key, (None,) * 3)))})


def _add_correction(corrections: CommentedSeq, today: dt.date, indicator: int, changed: list[int], why: str) -> None:
    named = ", ".join(str(n) for n in changed[:-1]) + (" and " if len(changed) > 1 else "") + str(changed[-1])
    entry = CommentedMap()
    entry["date"] = today
    entry["indicators"] = CommentedSeq(changed)
    entry["indicators"].fa.set_flow_style()
    entry["what"] = (f"The indicator {indicator} counts were imported again from a corrected extract; "
                     f"the published figures of indicator{'s' if len(changed) > 1 else ''} {named} changed.")
    entry["why"] = why
    if not any(dict(c) == dict(entry) for c in corrections if isinstance(c, CommentedMap)):
        corrections.append(entry)
