"""The building blocks of the indicator and year pages: trend, detail and band tables, band charts.

Everything here reads figures from :class:`FigureTable`; nothing computes a figure.
"""

from __future__ import annotations

from ..data import INDICATORS, STAFF_GROUP_TITLES, Indicator
from . import charts
from ..metrics.status import Status
from .figures import Figure, FigureTable, cell_text
from .prose import safe_markdown  # noqa: F401 - the templates, report.py and corrections.py read it here
from .tables import NO_FIGURE, Table
from .travel import cell_words, short_words
from .trend_charts import trend_chart  # noqa: F401 - the templates and report.py read it here
from .wording import capitalise, in_sentence, pct, sentence_end

BENCHMARK_PREFIXES = ("national_", "comparator_", "responses_")
SOURCE_MARKS = {"published": " (published)", "computed": " (computed)"}


def cell(table: FigureTable, fig: Figure | None, where: tuple[int, int, str] | None = None) -> str:
    """A table cell: the figure, or words for why there is none (never a blank or 0).

    ``where`` (year, indicator, measure) lets a missing figure give the trust's reason for it.
    """
    if fig is None:  # the trust's reason, if it gave one, is in the table's notes (missing_notes), once
        return NO_FIGURE
    if fig.has_value:
        if fig.breakdown == "senior" and table.senior_label(fig.year):
            mark = SOURCE_MARKS.get(fig.source, "").strip(" ()")
            return f"{fig.shown} ({table.senior_label(fig.year)}{', ' + mark if mark else ''})"
        return fig.shown + SOURCE_MARKS.get(fig.source, "")
    if fig.status is Status.SUPPRESSED:
        return "Withheld (privacy)"
    if fig.status is Status.NOT_AVAILABLE:
        return "Not available"
    return "Cannot be computed"


def direction_cell(fig: Figure | None, table: FigureTable) -> str:
    if fig is None or not fig.direction:
        return "No comparison"
    if fig.direction == "not_comparable":
        return f"{short_words(fig.direction)} with {table.year_label(fig.compared_with)} (series break)"
    return f"{cell_words(fig)} (against {table.year_label(fig.compared_with)})"


def year_notes(table: FigureTable, number: int, columns: list[tuple[str, str, str]] = ()) -> list[str]:
    """One line per year whose headline figure needs explaining, and one per other figure that cannot be computed.

    A change left untested for the same reason in several years is said once, with those years (an engagement
    score is never tested, so its page says why once, not every year)."""
    spec = INDICATORS[number]
    notes: list[str | tuple[str, str]] = []
    untested: dict[tuple[str, str], list[Figure]] = {}
    for year in table.years:
        fig = table.get(year.year, number, spec.headline_measure, spec.headline_breakdown)
        words = table.note(fig)
        if words:
            notes.append(f"{year.display_label}: {words}")
        if fig is not None and fig.direction in ("not_tested", "not_comparable"):
            why = fig.direction_note if fig.direction == "not_comparable" else capitalise(fig.direction_note) + "."
            key = (fig.direction, sentence_end(why))
            if key not in untested:
                notes.append(key)
            untested.setdefault(key, []).append(fig)
        for heading, measure, breakdown in columns:
            other = table.get(year.year, number, measure, breakdown)
            if other is not None and other is not fig and other.status is Status.CANNOT_COMPUTE:
                notes.append(f"{year.display_label}, {heading}: {table.note(other)}")
    return [note if isinstance(note, str) else _untested_note(table, note, untested[note]) for note in notes]


def _untested_note(table: FigureTable, key: tuple[str, str], figures: list[Figure]) -> str:
    direction, why = key
    if len(figures) == 1:
        fig = figures[0]
        return f"{table.year_label(fig.year)}: {short_words(direction)} against {table.year_label(fig.compared_with)}. {why}"
    years = [table.year_label(fig.year) for fig in figures]
    return f"{', '.join(years[:-1])} and {years[-1]}: {short_words(direction)} against the year before. {why}"


def missing_notes(table: FigureTable, number: int, rows: list[tuple[str, list[str]]], years: list[int]) -> list[str]:
    """What a "—" means, said once under the table, with the trust's reason for each year that gave one."""
    if not any(NO_FIGURE in cells for _, cells in rows):
        return []
    notes = [f"{NO_FIGURE} No figure for that year."]
    for year in years:
        if reason := table.missing_reason(year, number):
            notes.append(f"{table.year_label(year)}: {sentence_end(capitalise(reason))}")
    return notes


# --- trend tables (one row per year) ----------------------------------------


def trend_columns(number: int, table: FigureTable) -> list[tuple[str, str, str]]:
    """(heading, measure, breakdown) for the trend table of an indicator."""
    L = table.labels
    kind = INDICATORS[number].kind
    comparator = table.comparator
    if kind == "representation":
        return [(f"{L.bme} share", "bme_share", "overall"), (f"{L.white} share", "white_share", "overall"),
                (f"{L.unknown} share", "unknown_share", "overall"), ("Headcount", "headcount", "overall"),
                ("Declaration rate", "declaration_rate", "overall")] + [
                (f"{L.bme} share, {title.lower()}", "bme_share", group) for group, title in STAFF_GROUP_TITLES.items()] + [
                (f"{L.bme} share, senior bands", "bme_share", "senior"),
                (f"National average, {L.bme} share", "national_bme_share", "overall"),
                (f"{comparator}, {L.bme} share", "comparator_bme_share", "overall"),
                (f"{L.bme}, declared in the staff survey", "survey_declared_share", "overall"),
                ("Declaration gap (survey minus ESR)", "declaration_gap", "overall")]
    if kind == "likelihood":
        return [("Relative likelihood", "relative_likelihood", ""),
                (f"Likelihood, {L.white}", "likelihood_white", ""), (f"Likelihood, {L.bme}", "likelihood_bme", ""),
                ("National average, relative likelihood", "national_relative_likelihood", ""),
                (f"{comparator}, relative likelihood", "comparator_relative_likelihood", "")]
    if kind == "survey":
        return [(L.white, "white", ""), (L.bme, "bme", ""), (f"Gap ({L.bme} minus {L.white})", "gap", ""),
                (f"Respondents, {L.white}", "responses_white", ""), (f"Respondents, {L.bme}", "responses_bme", ""),
                (f"National average, {L.white}", "national_white", ""), (f"National average, {L.bme}", "national_bme", ""),
                (f"{comparator}, {L.white}", "comparator_white", ""), (f"{comparator}, {L.bme}", "comparator_bme", "")]
    if kind == "score":
        return [(L.white, "score_white", ""), (L.bme, "score_bme", ""), (f"Gap ({L.bme} minus {L.white})", "score_gap", ""),
                ("Whole organisation", "score_overall", ""), (f"National average, {L.white}", "national_score_white", ""),
                (f"National average, {L.bme}", "national_score_bme", "")]
    if kind == "narrative":
        return []
    return [(f"Voting board, {L.bme} share", "board_bme_share", "voting"),
            (f"Executive board, {L.bme} share", "board_bme_share", "executive"),
            (f"Workforce, {L.bme} share", "workforce_bme_share", "overall"),
            ("Voting board minus workforce", "difference", "voting"), ("Executive board minus workforce", "difference", "executive"),
            (f"National average, voting board {L.bme} share", "national_board_bme_share", "voting"),
            (f"{comparator}, voting board {L.bme} share", "comparator_board_bme_share", "voting")]


def _used(columns, number: int, table: FigureTable):
    """Drop columns with no row in any year (e.g. no comparator averages at all)."""
    return [c for c in columns if any(table.get(y.year, number, c[1], c[2]) is not None for y in table.years)]


def trend_table(number: int, table: FigureTable) -> Table:
    spec = INDICATORS[number]
    columns = _used(trend_columns(number, table), number, table)
    head = ["Year"] + [c[0] for c in columns]
    if spec.kind == "likelihood":
        head.insert(2, "95% confidence interval")
        head.insert(3, "Equity band")
    if spec.kind in ("survey", "score"):
        head.insert(1, "Staff survey")
    head.append("Direction of travel")
    rows = []
    for year in reversed(table.years):
        cells = [cell(table, table.get(year.year, number, m, b), (year.year, number, m)) for _, m, b in columns]
        headline = table.get(year.year, number, spec.headline_measure, spec.headline_breakdown)
        if spec.kind == "likelihood":
            cells.insert(1, interval_cell(headline))
            cells.insert(2, _band_cell(headline, table))
        if spec.kind in ("survey", "score"):
            cells.insert(0, str(year.staff_survey_year))
        cells.append(direction_cell(headline, table))
        rows.append((year.display_label, cells))
    caption = f"{spec.label}, {in_sentence(spec.short_title)}: every year"
    notes = missing_notes(table, number, rows, [y.year for y in table.years]) + year_notes(table, number, columns)
    return Table(f"table-{spec.slug}-trend", caption, head, rows, notes)


def trend_table_by_year(number: int, table: FigureTable) -> Table:
    """The trend table for the site: one row per figure, one column per year, so it fits the page."""
    return trend_table(number, table).by_year()


def interval_cell(fig: Figure | None) -> str:
    """A confidence interval, or in words why there is none (never "None" or a blank)."""
    if fig is not None and fig.interval:
        return fig.interval
    if fig is None or not fig.has_value:
        return NO_FIGURE
    if fig.source in ("published", "computed"):
        return "None (no counts)"
    return "Cannot be computed"


def _band_cell(fig: Figure | None, table: FigureTable) -> str:
    if fig is None or fig.in_equity_band is None or not fig.has_value:
        return "Not judged"
    return "Inside" if fig.in_equity_band else "Outside"


# --- indicator 1 by band ----------------------------------------------------


def bands(table: FigureTable, year: int, group: str) -> list[str]:
    prefix = f"{group}/"
    return [b.removeprefix(prefix) for b in table.breakdowns(year, table.representation, prefix)]


def band_table(table: FigureTable, year: int, group: str) -> Table:
    L = table.labels
    head = ["Band", f"{L.bme} share", f"{L.white} share", f"{L.unknown} share", "Headcount"]
    rows = []
    for label in bands(table, year, group):
        key = f"{group}/{label}"
        rows.append((label, [cell(table, table.get(year, table.representation, m, key)) for m in ("bme_share", "white_share", "unknown_share", "headcount")]))
    rows.append((f"All {STAFF_GROUP_TITLES[group].lower()}",
                 [cell(table, table.get(year, table.representation, m, group)) for m in ("bme_share", "white_share", "unknown_share", "headcount")]))
    withheld = sum(1 for _, cells in rows if "Withheld (privacy)" in cells)
    notes = [f"Withheld: fewer than {table.threshold} people, or a figure that would let a reader work out such a number "
             "from the others shown (the band's headcount, the other bands and the group's totals)."] if withheld else []
    caption = f"{STAFF_GROUP_TITLES[group]} by band, {table.year_label(year)}"
    return Table(f"table-{INDICATORS[table.representation].slug}-{group.replace('_', '-')}-{year}", caption, head, rows, notes)


def band_chart(table: FigureTable, year: int, group: str) -> charts.Chart:
    L = table.labels
    labels = bands(table, year, group)
    shares = [table.value(year, table.representation, "bme_share", f"{group}/{b}") for b in labels]
    overall = table.value(year, table.representation, "bme_share", "overall")
    shown = [(b, s) for b, s in zip(labels, shares) if s is not None]
    title = f"{L.bme} share of each band, {STAFF_GROUP_TITLES[group].lower()}, {table.year_label(year)}"
    if shown:
        low = min(shown, key=lambda x: x[1])
        high = max(shown, key=lambda x: x[1])
        spread = (f"The {L.bme} share ranged from {pct(low[1])} ({low[0]}) to {pct(high[1])} ({high[0]})" if len(shown) > 1
                  else f"The {L.bme} share of the one band shown, {low[0]}, was {pct(low[1])}")
        summary = spread + (f", against {pct(overall)} of the whole workforce" if overall is not None else "") + "."
    else:
        summary = "Every band is withheld for privacy."
    withheld = len(labels) - len(shown)
    if withheld:
        summary += f" {withheld} {'band is' if withheld == 1 else 'bands are'} withheld for privacy and left out."
    shows = (f"Each bar is the {L.bme} share of one band" +
             (", and the dashed line is the share of the whole workforce." if overall is not None else "."))
    return charts.bands_chart(f"chart-{INDICATORS[table.representation].slug}-{group.replace('_', '-')}", title, summary, labels, shares, overall, L.bme,
                              shows)


# --- one year against the year before --------------------------------------


def detail_table(number: int, table: FigureTable, year: int) -> Table:
    """Every figure of an indicator in ``year`` beside the previous year in the data."""
    spec = INDICATORS[number]
    earlier = [y for y in table.years if y.year < year]
    previous = earlier[-1].year if earlier else None
    columns = [c for c in trend_columns(number, table)
               if table.get(year, number, c[1], c[2]) is not None or (previous and table.get(previous, number, c[1], c[2]) is not None)]
    head = ["Figure", table.year_label(year)] + ([table.year_label(previous)] if previous else [])
    rows = []
    for heading, measure, breakdown in columns:
        cells = [cell(table, table.get(year, number, measure, breakdown), (year, number, measure))]
        if previous:
            cells.append(cell(table, table.get(previous, number, measure, breakdown), (previous, number, measure)))
        rows.append((heading, cells))
    if spec.kind == "likelihood":
        fig = table.get(year, number, "relative_likelihood")
        ci = [interval_cell(fig)]
        if previous:
            ci.append(interval_cell(table.get(previous, number, "relative_likelihood")))
        rows.insert(1, ("95% confidence interval", ci))
    caption = f"{spec.label}, {in_sentence(spec.short_title)}: {table.year_label(year)}" + (
        f" against {table.year_label(previous)}" if previous else "")
    # the headline's own note is under the headline; other figures that cannot be computed say why here
    notes = [f"{table.year_label(y)}, {heading}: {table.note(fig)}"
             for y in filter(None, (year, previous)) for heading, measure, breakdown in columns
             if (fig := table.get(y, number, measure, breakdown)) is not None and fig.status is Status.CANNOT_COMPUTE
             and (measure, breakdown) != (spec.headline_measure, spec.headline_breakdown)]
    notes = missing_notes(table, number, rows, list(filter(None, (year, previous)))) + notes
    return Table(f"table-{spec.slug}-{year}", caption, head, rows, notes)


def year_summary_table(table: FigureTable, year: int) -> Table:
    """All nine headline figures of a year against the previous year that has each.

    The direction of travel in a few words; why a change is not called, and a caveat shared by several
    figures, said once each in the notes (the indicators' sections below leave them out)."""
    label = table.year_label(year)
    rows = []
    whys: dict[str, list[int]] = {}
    for number, spec in table.standard.indicators.items():
        if spec.kind == "narrative":  # not a figure: the year page gives the organisation's words in full
            continue
        h = table.headline(number, year)
        current = cell_text(h.figure, spec) + SOURCE_MARKS.get(h.figure.source, "") if h.available else h.status_text
        previous = h.previous
        prev_text = f"{cell_text(previous, spec)} ({table.year_label(previous.year)})" if previous else "No earlier figure"
        travel = h.verdict or "No comparison"
        rows.append((f"{spec.id}. {spec.short_title}", [current, prev_text, travel]))
        for said in (h.why and f"{short_words(h.direction)}: {h.why}", h.caveat):
            if said:
                whys.setdefault(sentence_end(capitalise(said)), []).append(number)
    head = [table.standard.noun.capitalize(), label, "Previous figure", "Direction of travel"]
    notes = [f"{_indicators([INDICATORS[n] for n in numbers])}: {words}" for words, numbers in whys.items()]
    return Table(f"table-summary-{year}", f"Headline figures, {label}, against the previous year with a figure", head, rows,
                 notes)


def _indicators(specs: list[Indicator]) -> str:
    """"Indicator 3", "Metrics 4a(i), 5 and 6": several named once."""
    if len(specs) == 1:
        return specs[0].label
    ids = [s.id for s in specs]
    return f"{specs[0].noun.capitalize()}s {', '.join(ids[:-1])} and {ids[-1]}"


def latest_band_year(table: FigureTable) -> int | None:
    """The latest year with indicator 1 counts by band: published-only years have none to show."""
    return next((y.year for y in reversed(table.years)
                 if any(bands(table, y.year, group) for group in STAFF_GROUP_TITLES)), None)
