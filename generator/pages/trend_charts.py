"""Each indicator's chart over the years, on a time axis, with its targets and any series break marked."""

from __future__ import annotations

from ..data import INDICATORS
from . import charts
from .figures import FigureTable
from .plans import axis_label
from .wording import in_sentence, ratio

def _span(table: FigureTable, values: list[float | None]) -> tuple[str, str] | None:
    pairs = [(y.display_label, v) for y, v in zip(table.years, values) if v is not None]
    if not pairs:
        return None
    return pairs[0][0], pairs[-1][0]


def time_axis(table: FigureTable, targets: list[tuple[str, float, str]] = ()) -> dict[str, float]:
    """Each year label's place on a chart's time axis (its year), the targets' years included."""
    at = {y.display_label: float(y.year) for y in table.years}
    if targets and table.years:
        # a target's label is written by axis_label; its year is the one whose label it is
        first = table.years[0].year
        later = {axis_label(table, year): float(year) for year in range(first, table.years[-1].year + 30)}
        at.update({x: later[x] for x, _, _ in targets if x in later and x not in at})
    return at


def trend_chart(number: int, table: FigureTable, targets: list[tuple[str, float, str]] = ()) -> charts.Chart:
    """The indicator's chart over the years, on a time axis, with any series break marked on it."""
    at = time_axis(table, targets)
    targets = [t for t in targets if t[0] in at]  # a target year written unlike any year label cannot be placed
    return charts.with_breaks(_trend_chart(number, table, targets, at), table.series_breaks(number),
                              [at[y.display_label] for y in table.years])


def _trend_chart(number: int, table: FigureTable, targets: list[tuple[str, float, str]], at: dict[str, float]) -> charts.Chart:
    spec = INDICATORS[number]
    L = table.labels
    years = [y.display_label for y in table.years]
    chart_id = f"chart-{spec.slug}-trend"
    title = f"{spec.label}, {in_sentence(spec.short_title)}, by year"
    if spec.kind == "likelihood":
        counted = table.series(number, "relative_likelihood", source="counts")
        published = table.series(number, "relative_likelihood", source=("published", "computed"))
        low = [table.get(y.year, number, "relative_likelihood").ci_low if v is not None else None for y, v in zip(table.years, counted)]
        high = [table.get(y.year, number, "relative_likelihood").ci_high if v is not None else None for y, v in zip(table.years, counted)]
        every = [c if c is not None else p for c, p in zip(counted, published)]
        band = table.dataset.organisation.settings.equity_band
        summary = _ratio_summary(table, number, every, band)
        # the benchmark roles reuse the survey charts' open-marker styles: a colour and a shape of their own
        benchmarks = [("National average", "white_national", table.series(number, "national_relative_likelihood")),
                      (table.comparator, "white_comparator", table.series(number, "comparator_relative_likelihood"))]
        benchmarks = [b for b in benchmarks if any(v is not None for v in b[2])]
        shows = ("The line shows the relative likelihood each year"
                 + (", with its 95% confidence interval as a light shaded band" if any(v is not None for v in low) else "")
                 + f". A ratio of 1 means equally likely; the shaded equity band, {ratio(band[0])} to {ratio(band[1])}, "
                 "counts as broadly proportionate."
                 + (" Figures published without counts, so without an interval, are open diamonds." if any(v is not None for v in published) else "")
                 + (" National and comparator figures are open markers." if benchmarks else ""))
        return charts.ratio_chart(chart_id, title, summary, years, counted, low, high, published, band,
                                  "Relative likelihood", targets, benchmarks, shows, at=at)
    if spec.kind == "survey":
        series = [(L.white, "white", table.series(number, "white")), (L.bme, "bme", table.series(number, "bme")),
                  (f"National average, {L.white}", "white_national", table.series(number, "national_white")),
                  (f"National average, {L.bme}", "bme_national", table.series(number, "national_bme")),
                  (f"{table.comparator}, {L.white}", "white_comparator", table.series(number, "comparator_white")),
                  (f"{table.comparator}, {L.bme}", "bme_comparator", table.series(number, "comparator_bme"))]
        series = [s for s in series if any(v is not None for v in s[2])]
        own = 1 if spec.focus_only else 2  # a question asked of one group has one line
        shows = ((f"The line shows the percentage of {L.bme} staff who {spec.phrase}, each year" if spec.focus_only else
                  f"Two lines show the percentage of {L.white} and of {L.bme} staff who {spec.phrase}, each year")
                 + ("; national and comparator figures are open markers." if len(series) > own else "."))
        return charts.lines_chart(chart_id, title, _survey_summary(number, table), years, series,
                                  "Percentage of respondents", targets=targets, shows=shows, at=at)
    if spec.kind == "score":
        series = [(L.white, "white", table.series(number, "score_white")), (L.bme, "bme", table.series(number, "score_bme")),
                  (f"National average, {L.white}", "white_national", table.series(number, "national_score_white")),
                  (f"National average, {L.bme}", "bme_national", table.series(number, "national_score_bme"))]
        series = [s for s in series if any(v is not None for v in s[2])]
        shows = (f"Two lines show the staff engagement score (0 to 10) of {L.white} and of {L.bme} staff, each year"
                 + ("; national figures are open markers." if len(series) > 2 else "."))
        return charts.lines_chart(chart_id, title, _survey_summary(number, table, "score_"), years, series,
                                  "Engagement score (0 to 10)", percent=False, targets=targets, shows=shows, at=at)
    if spec.kind == "representation":
        values = table.series(number, "bme_share", "overall")
        span = _span(table, values)
        if span:
            shown = [table.get(y.year, number, "bme_share", "overall").shown for y, v in zip(table.years, values) if v is not None]
            first, last = shown[0], shown[-1]
            summary = (f"The {L.bme} share of the workforce was {last} in {span[1]}." if span[0] == span[1] else
                       f"The {L.bme} share of the workforce went from {first} in {span[0]} to {last} in {span[1]}.")
        else:
            summary = "No figures are available yet."
        series = [(f"{L.bme} share of the workforce", "bme", values),
                  ("National average", "bme_national", table.series(number, "national_bme_share", "overall")),
                  (table.comparator, "bme_comparator", table.series(number, "comparator_bme_share", "overall"))]
        series = [s for s in series if any(v is not None for v in s[2])]
        shows = (f"The line shows the {L.bme} share of the workforce each year"
                 + ("; national and comparator figures are open markers." if len(series) > 1 else "."))
        return charts.lines_chart(chart_id, title, summary, years, series, f"{L.bme} share of the workforce",
                                  targets=targets, shows=shows, at=at)
    voting = table.series(number, "board_bme_share", "voting")
    executive = table.series(number, "board_bme_share", "executive")
    workforce = table.series(number, "workforce_bme_share", "overall")
    latest = next(((y, v, w) for y, v, w in zip(reversed(table.years), reversed(voting), reversed(workforce)) if v is not None), None)
    if latest:
        board_share = table.get(latest[0].year, number, "board_bme_share", "voting").shown
    if latest and latest[2] is not None:
        workforce_share = table.get(latest[0].year, number, "workforce_bme_share", "overall").shown
        summary = (f"In {latest[0].display_label}, {board_share} of voting board members were {L.bme}, "
                   f"against {workforce_share} of the workforce.")
    elif latest:
        summary = f"In {latest[0].display_label}, {board_share} of voting board members were {L.bme}."
    else:
        summary = "No figures are available yet."
    series = [(f"Voting board, {L.bme} share", "board", voting), (f"Executive board, {L.bme} share", "executive", executive),
              (f"Workforce, {L.bme} share", "workforce", workforce),
              (f"National average, voting board {L.bme} share", "bme_national", table.series(number, "national_board_bme_share", "voting")),
              (f"{table.comparator}, voting board {L.bme} share", "bme_comparator",
               table.series(number, "comparator_board_bme_share", "voting"))]
    series = [s for s in series if any(v is not None for v in s[2])]
    shows = (f"Lines show the {L.bme} share of the voting board, the executive board and the workforce each year"
             + ("; national and comparator figures are open markers." if any(charts.reference(s[1]) for s in series) else "."))
    return charts.lines_chart(chart_id, title, summary, years, series, f"{L.bme} share", targets=targets, shows=shows, at=at)


def _ratio_summary(table: FigureTable, number: int, values: list[float | None], band: tuple[float, float]) -> str:
    # each figure as the site shows it, so a published "1.5" reads 1.5 here too
    pairs = [(y.display_label, v, table.get(y.year, number, "relative_likelihood").shown)
             for y, v in zip(table.years, values) if v is not None]
    if not pairs:
        return "No figures are available yet."
    inside = sum(1 for _, v, _ in pairs if band[0] <= v <= band[1])
    if len(pairs) == 1:
        where = "inside" if inside else "outside"
        return f"The relative likelihood was {pairs[0][2]} in {pairs[0][0]}, {where} the equity band; it is the only year with a figure."
    text = f"The relative likelihood was {pairs[0][2]} in {pairs[0][0]} and {pairs[-1][2]} in {pairs[-1][0]}"
    return text + f"; it was inside the equity band in {inside} of {len(pairs)} years with a figure."


def _survey_summary(number: int, table: FigureTable, prefix: str = "") -> str:
    """The first and the latest year of both groups' figures; ``prefix``: "score_" for engagement scores."""
    L = table.labels
    white, bme = table.series(number, f"{prefix}white"), table.series(number, f"{prefix}bme")
    # as shown on the site: a typed "22" reads 22%
    pairs = [(y.display_label, table.get(y.year, number, f"{prefix}white").shown, table.get(y.year, number, f"{prefix}bme").shown)
             for y, w, b in zip(table.years, white, bme) if w is not None and b is not None]
    if not pairs and INDICATORS[number].focus_only:
        shown = [(y.display_label, table.get(y.year, number, "bme").shown) for y, b in zip(table.years, bme) if b is not None]
        if not shown:
            return "No figures are available yet."
        text = f"In {shown[-1][0]}, {shown[-1][1]} of {L.bme} respondents"
        return text + (f"; in {shown[0][0]}, {shown[0][1]}." if len(shown) > 1 else ".")
    if not pairs:
        return "No figures are available yet."
    first, last = pairs[0], pairs[-1]
    text = f"In {last[0]}, {last[2]} for {L.bme} and {last[1]} for {L.white} staff" if prefix else \
        f"In {last[0]}, {last[2]} of {L.bme} and {last[1]} of {L.white} respondents"
    if len(pairs) > 1:
        text += f"; in {first[0]}, {first[2]} and {first[1]}"
    return text + "."
