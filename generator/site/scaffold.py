"""``wres new-year``: start next year's files from this year's.

The year file has every indicator present and empty, with comments saying what
goes where (band labels from the latest year with counts). The action plan
carries over every action that is not complete or cancelled, with its id, so
the same action is tracked across years; editors review each one.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import click
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..data import CLOSED, Dataset, Indicator, Project, load_project
from ..data.indicators import WRES
from ..data.yamlfile import display_path, new_yaml

COUNTS = "{white: , bme: , unknown: }"
def narrative_lines(year: int) -> list[str]:
    """The narrative slots, commented out so the draft still validates, each with what to write in it."""
    return [
        "# The trust's own words, shown on the year's page (and in its PDF). Markdown: **bold**, [links](https://...), lists.",
        "# Remove the # in front of the lines you use; every slot is optional.",
        "# narrative:",
        "#   foreword: |  # from the chief executive or chair: what the figures mean for the trust",
        "#     A few short paragraphs.",
        '#   foreword_signatory: "Name, Chief Executive"  # who signs the foreword',
        "#   key_messages:  # the most important findings, most important first, a sentence each",
        '#     - "..."',
        "#   staff_network_statement: |  # the race equality staff network's statement, in its own words",
        "#     ...",
        "#   conclusion: |  # what happens next; shown at the end of the report",
        "#     ...",
        f"#   board_approved: {year}-09-30  # the date the board approved the report, YYYY-MM-DD",
    ]


def year_text(dataset: Dataset, year: int) -> str:
    lines = [
        "# yaml-language-server: $schema=../schema/year.schema.json",
        f"# WRES {year}: workforce snapshot at 31 March {year}; indicators 2-4 cover the 12 months to 31 March {year};",
        f"# indicators 5-8 come from the NHS Staff Survey run in autumn {year - 1}.",
        "# Fill in each indicator by removing the # in front of its lines. An indicator left empty publishes",
        '# nothing for that year; if a figure cannot be reported, write  not_available: "the reason readers see".',
        f"year: {year}",
        "status: draft  # stays off the built site; 'wres publish YEAR' publishes it",
        f'label: "{year - 1}/{year % 100:02d}"',
        f"survey_year: {year - 1}",
        "summary:  # Markdown: the year in a few plain sentences",
        "",
        *narrative_lines(year),
    ]
    for spec in WRES.indicators.values():
        lines += ["", *_indicator_lines(spec, dataset, year)]
    return "\n".join(lines) + "\n"


def _indicator_lines(spec: Indicator, dataset: Dataset, year: int) -> list[str]:
    """One indicator's commented-out block, as its kind and its definition's count keys say."""
    if spec.kind == "representation":
        lines = [f"{spec.key}:  # {spec.short_title}: headcounts at 31 March {year}, bands in display order"]
        counted = [y for y in dataset.years if (block := y.indicator(spec.number)) is not None and block.groups()]
        groups = counted[-1].indicator(spec.number).groups() if counted else {g: {"Band 2": None} for g in spec.count_keys}
        for group, bands in groups.items():
            lines.append(f"  # {group}:")
            lines.extend(f'  #   "{label}": {COUNTS}' for label in bands)
        return lines
    if spec.kind == "survey":
        return [f"{spec.key}:  # {spec.short_title}: % of respondents who {spec.phrase}", "  # white: ", "  # bme: ",
                "  # responses: {white: , bme: }", "  # national_average: {white: , bme: }",
                "  # comparator_average: {white: , bme: }"]
    when = f": board members at 31 March {year}" if spec.kind == "board" else ""
    lines = [f"{spec.key}:  # {spec.short_title}{when}"]
    lines += [f"  # {key}: {COUNTS}" for key in spec.count_keys if key != "workforce"]
    if "workforce" in spec.count_keys:
        lines.append("  # workforce: {white: , bme: , unknown: }  # only if different from the indicator 1 totals")
    return lines


def plan_text(data_dir: Path, dataset: Dataset, year: int) -> str:
    """Next year's plan: open actions carried over with their ids, as the editors wrote them."""
    earlier = [p for p in dataset.plans if p.year < year]
    header = (
        "# yaml-language-server: $schema=../schema/action_plan.schema.json\n"
        f"# Our response to the WRES {year} findings. Review every action: its status, due date, owner and updates.\n"
    )
    if not earlier:
        return header + (
            f"year: {year}\n"
            f"as_of: {year}-09-01  # the date statuses were last reviewed\n"
            "themes: []\n"
            "actions: []\n"
            "# actions:\n"
            '#   - id: "1.1"\n'
            "#     action: What will be done\n"
            "#     indicators: [2]\n"
            "#     owner: Head of Recruitment\n"
            f"#     due: {year + 1}-03-31\n"
            "#     status: not_started\n"
        )
    previous = earlier[-1]
    yaml = new_yaml()
    source = yaml.load((data_dir / "action_plans" / f"{previous.year}.yaml").read_text(encoding="utf-8"))
    plan = CommentedMap()
    plan["year"] = year
    if previous.period is not None:
        plan["period"] = CommentedMap(start=_next_year(previous.period.start), end=_next_year(previous.period.end))
        plan["period"].fa.set_flow_style()
    plan["as_of"] = max(previous.as_of, dt.date(year, 9, 1))
    plan.yaml_add_eol_comment("the date statuses were last reviewed: change it when you review them", "as_of")
    if "themes" in source:
        plan["themes"] = source["themes"]
    carried = CommentedSeq(a for a in source.get("actions", []) if str(a.get("status")) not in CLOSED)
    plan["actions"] = carried
    plan.yaml_set_comment_before_after_key(
        "actions", before=f"Carried over from the {previous.year} plan because they are not complete or cancelled: "
                          "review each one. Keep the id so the action is tracked across years.")
    targets = CommentedSeq(t for t in source.get("targets", []) if int(t.get("by", 0)) >= year)
    if targets:
        plan["targets"] = targets
    yaml.width = 4096  # never fold an editor's sentence across lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    out = io.StringIO()
    yaml.dump(plan, out)
    return header + out.getvalue()


def _next_year(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def new_year(project: Project, year: int) -> list[Path]:
    """Write ``years/<year>.yaml`` (a draft) and ``action_plans/<year>.yaml``; refuse to overwrite either."""
    data_dir = project.data_dir
    dataset = load_project(project, drafts=True, require_years=False)  # the first year of a new project
    targets = [data_dir / "years" / f"{year}.yaml", data_dir / "action_plans" / f"{year}.yaml"]
    existing = [display_path(p) for p in targets if p.exists()]
    if existing:
        raise click.ClickException(f"{' and '.join(existing)} already {'exists' if len(existing) == 1 else 'exist'}; nothing was written.")
    texts = [year_text(dataset, year), plan_text(data_dir, dataset, year)]
    for path, text in zip(targets, texts):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return targets
