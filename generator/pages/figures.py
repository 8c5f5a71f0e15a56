"""Read access to the metrics table for the pages: one figure, one series, one headline."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..data import INDICATORS, Dataset, Indicator, Year
from ..data.indicators import STANDARDS
from ..metrics import Metrics, Row
from ..metrics.status import Status
from .travel import cell_words, travel_html, travel_text, why_words
from .wording import (
    Labels,
    capitalise,
    gap_words,
    headline_sentence,
    missing,
    note_words,
    number,
    ratio,
    sentence_end,
)


@dataclass(frozen=True)
class Figure(Row):
    """One row of the metrics table, with what the pages say of it."""

    @property
    def has_value(self) -> bool:
        return not missing(self.value)

    @property
    def shown(self) -> str:
        return number(self.measure, self.value, self.decimals) if self.has_value else ""

    @property
    def interval(self) -> str:
        if missing(self.ci_low) or missing(self.ci_high):
            return ""
        return f"{ratio(self.ci_low)} to {ratio(self.ci_high)}"


class FigureTable:
    """The metrics table indexed by (year, indicator, breakdown, measure)."""

    def __init__(self, metrics: Metrics, dataset: Dataset, labels: Labels, standard: str = "wres") -> None:
        self.dataset = dataset
        self.labels = labels
        self.standard = STANDARDS[standard]
        # the standard's representation indicator: its counts are the workforce, its bands the band tables
        self.representation = next(n for n, s in self.standard.indicators.items() if s.kind == "representation")
        self.threshold = dataset.organisation.settings.suppression_threshold
        self._rows: dict[tuple[int, int, str, str], Figure] = {}
        self._with_figures: set[tuple[int, int]] = set()  # (year, indicator) with any figure: asked for by every page
        self._headcounts: dict[tuple[int, int], list[str]] = {}  # the breakdowns with a headcount, in the table's order
        ours = self.standard.indicators
        for row in metrics:
            if row.indicator not in ours:  # another standard's figures: its own table holds them
                continue
            fig = Figure(**vars(row))
            self._rows[(fig.year, fig.indicator, fig.breakdown, fig.measure)] = fig
            if fig.has_value:
                self._with_figures.add((fig.year, fig.indicator))
            if fig.measure == "headcount":
                self._headcounts.setdefault((fig.year, fig.indicator), []).append(fig.breakdown)
        self.years: list[Year] = list(dataset.years)

    def get(self, year: int, indicator: int, measure: str, breakdown: str = "") -> Figure | None:
        return self._rows.get((year, indicator, breakdown, measure))

    def value(self, year: int, indicator: int, measure: str, breakdown: str = "") -> float | None:
        fig = self.get(year, indicator, measure, breakdown)
        return fig.value if fig is not None and fig.has_value else None

    def breakdowns(self, year: int, indicator: int, prefix: str) -> list[str]:
        """Breakdowns of a year's indicator that start with ``prefix``, in the table's order (bands as the data lists them)."""
        return [b for b in self._headcounts.get((year, indicator), ()) if b.startswith(prefix)]

    def series(self, indicator: int, measure: str, breakdown: str = "",
               source: str | tuple[str, ...] | None = None) -> list[float | None]:
        sources = (source,) if isinstance(source, str) else source
        out = []
        for year in self.years:
            fig = self.get(year.year, indicator, measure, breakdown)
            keep = fig is not None and fig.has_value and (sources is None or fig.source in sources)
            out.append(fig.value if keep else None)
        return out

    def year_label(self, year: int) -> str:
        return next((y.display_label for y in self.years if y.year == year), str(year))

    def headline(self, number_: int, year: int) -> Headline:
        spec = INDICATORS[number_]
        fig = self.get(year, number_, spec.headline_measure, spec.headline_breakdown)
        return Headline(self, spec, year, fig)

    def note(self, fig: Figure | None) -> str:
        if fig is None:
            return ""
        words = note_words(fig.status, fig.reason, fig.source, self.threshold, self.published_in(fig.year, fig.indicator))
        if fig.has_value and fig.source in ("published", "computed") and fig.measure == "relative_likelihood":
            words += " Without the counts there is no confidence interval."
        reason = getattr(self._block(fig.year, fig.indicator), "missing_reason", None)
        if reason and fig.status is Status.CANNOT_COMPUTE:
            words += " " + sentence_end(reason)  # the trust's own words for why the figures behind it are missing
        return words

    def _block(self, year: int, indicator: int) -> Any:
        found = next((y for y in self.years if y.year == year), None)
        return found.indicator(indicator) if found is not None else None

    def series_breaks(self, indicator: int) -> list[tuple[int, str, str]]:
        """(position among the years, year label, the trust's reason) of each series break of an indicator."""
        return [(i, y.display_label, sentence_end(reason)) for i, y in enumerate(self.years)
                if (reason := getattr(y.indicator(indicator), "series_break", None))]

    def published_in(self, year: int, indicator: int) -> str:
        """Where a published figure was printed: the trust's words (``published.source``) or the year's report."""
        block = self._block(year, indicator)
        source = getattr(getattr(block, "published", None), "source", None)
        return source or f"the {self.year_label(year)} report"

    def missing_words(self, year: int, indicator: int) -> str:
        """Why a figure is not there: the trust's ``missing_reason``, else plainly that there is none."""
        reason = getattr(self._block(year, indicator), "missing_reason", None)
        return sentence_end(reason) if reason else "No figure is available for this year."

    def missing_reason(self, year: int, indicator: int) -> str:
        """The trust's own words for why a year has no figures for an indicator, or "" when it gave none."""
        return (getattr(self._block(year, indicator), "missing_reason", None) or "").strip()

    def senior_label(self, year: int) -> str:
        published = getattr(self._block(year, 1), "published", None)
        senior = getattr(published, "senior", None)
        return senior.label if senior is not None else ""

    @property
    def comparator(self) -> str:
        return self.dataset.organisation.comparator or "Comparator"

    def has_figures(self, year: int, indicator: int | None = None) -> bool:
        if indicator is not None:
            return (year, indicator) in self._with_figures
        return any((year, i) in self._with_figures for i in self.standard.indicators)

    def lead_year(self, indicator: int | None = None) -> int | None:
        """What a page leads with: the latest year with any figure, or for one indicator the latest year
        with its headline row (a value, or a reason such as withheld or not available), else any of its figures."""
        for year in reversed(self.years):
            if indicator is None and self.has_figures(year.year):
                return year.year
            if indicator is not None and self.headline(indicator, year.year).figure is not None:
                return year.year
        if indicator is not None:
            return next((y.year for y in reversed(self.years) if self.has_figures(y.year, indicator)), None)
        return None

    def benchmarks(self, year: int, indicator: int) -> str:
        """National and comparator figures beside the trust's headline, e.g. "National average: 1.14."."""
        spec = INDICATORS[indicator]
        kind = spec.kind
        parts = []
        for prefix, who in (("national", "National average"), ("comparator", self.comparator)):
            if kind in ("survey", "score"):
                score = "score_" if kind == "score" else ""
                bme, white = self.get(year, indicator, f"{prefix}_{score}bme"), self.get(year, indicator, f"{prefix}_{score}white")
                shown = [f"{f.shown} of {label} staff" for f, label in ((bme, self.labels.bme), (white, self.labels.white))
                         if f is not None and f.has_value]
                if shown:
                    parts.append(f"{who}: {' and '.join(shown)}.")
                continue
            measure, breakdown = {"representation": ("bme_share", "overall"), "likelihood": ("relative_likelihood", ""),
                                  "board": ("board_bme_share", "voting")}[kind]
            fig = self.get(year, indicator, f"{prefix}_{measure}", breakdown)
            if fig is not None and fig.has_value:
                what = {"representation": f" ({self.labels.bme} share of the workforce)",
                        "board": f" ({self.labels.bme} share of voting board members)"}.get(kind, "")
                parts.append(f"{who}{what}: {fig.shown}.")
        return " ".join(parts)


@dataclass(frozen=True)
class Headline:
    """An indicator's headline figure for one year, with everything a card or summary row shows."""

    table: FigureTable
    spec: Indicator
    year: int
    figure: Figure | None

    @property
    def title(self) -> str:
        return f"{self.spec.label}: {self.spec.short_title}"

    @property
    def available(self) -> bool:
        return self.figure is not None and self.figure.has_value

    @property
    def value_text(self) -> str:
        """The figure as shown; the board's signed difference as a phrase a reader can quote, its sign in words."""
        if not self.available:
            return ""
        if self.spec.kind == "board":
            return f"{capitalise(self.table.labels.bme)} share of voting board {gap_words(self.figure.value)}"
        return self.figure.shown

    @property
    def value_is_words(self) -> bool:
        """The headline is a phrase, not a number (the board's), so the pages set it smaller."""
        return self.available and self.spec.kind == "board"

    @property
    def status_text(self) -> str:
        """What stands in place of a value: never a blank or a 0."""
        if self.available:
            return ""
        if self.figure is None:
            return "No figure"
        if self.figure.status is Status.SUPPRESSED:
            return "Withheld for privacy"
        if self.figure.status is Status.NOT_AVAILABLE:
            return "Not available"
        return "Cannot be computed"

    @property
    def sentence(self) -> str:
        if not self.available:
            return self.table.note(self.figure) or self.table.missing_words(self.year, self.spec.number)
        values = {self.spec.headline_measure: self.figure.value}
        places = {self.spec.headline_measure: self.figure.decimals}
        n, t = self.spec.number, self.table
        if self.spec.kind == "survey" and self.spec.focus_only:
            return f"{self.value_text} of {self.table.labels.bme} staff {self.spec.phrase}."
        if self.spec.kind in ("survey", "score"):  # the reference group's figure beside the headline's
            reference = "score_white" if self.spec.kind == "score" else "white"
            values[reference] = t.value(self.year, n, reference)
            places[reference] = getattr(t.get(self.year, n, reference), "decimals", None)
            if values[reference] is None and self.spec.kind == "score":
                return (f"{capitalise(self.table.labels.bme)} staff {self.spec.phrase} {self.value_text} out of 10; "
                        f"no score for {self.table.labels.white} staff was given.")
            if values[reference] is None:
                return (f"{self.value_text} of {self.table.labels.bme} staff {self.spec.phrase}; "
                        f"no figure for {self.table.labels.white} staff was given.")
        if self.spec.kind == "board":
            for measure, breakdown in (("board_bme_share", "voting"), ("workforce_bme_share", "overall")):
                values[measure] = t.value(self.year, n, measure, breakdown)
                places[measure] = getattr(t.get(self.year, n, measure, breakdown), "decimals", None)
        return headline_sentence(n, self.table.labels, values, self.year, places)

    @property
    def previous(self) -> Figure | None:
        """The latest earlier year with this figure."""
        for year in reversed(self.table.years):
            if year.year < self.year:
                fig = self.table.get(year.year, self.spec.number, self.spec.headline_measure, self.spec.headline_breakdown)
                if fig is not None and fig.has_value:
                    return fig
        return None

    @property
    def previous_text(self) -> str:
        prev = self.previous
        if prev is None:
            return "No earlier figure to compare with."
        shown = gap_words(prev.value) if self.spec.kind == "board" else prev.shown
        return f"{self.table.year_label(prev.year)}: {shown}"

    def _marker(self, render, why: bool = True) -> str:  # noqa: ANN001 - travel_text or travel_html
        if not self.available or not self.figure.direction:
            return ""
        prev = self.table.get(self.figure.compared_with, self.spec.number, self.spec.headline_measure, self.spec.headline_breakdown)
        return render(prev, self.figure, (self.table.year_label(self.figure.compared_with), self.year_label),
                      self._travel_more(prev), why)

    def _travel_more(self, prev: Figure | None) -> str:
        """What the direction of travel adds for this indicator: a ratio crossing 1.00, the board's members."""
        if prev is None or not prev.has_value or self.figure.direction == "not_comparable":
            return ""
        if self.spec.kind == "likelihood" and (prev.value - 1) * (self.figure.value - 1) < 0:
            now_top = self.figure.value > 1
            group = self.table.labels.group(self.spec.top_group if now_top else self.spec.bottom_group)
            return f"The ratio crossed 1.00: {group} {self.spec.people} are now the more likely {self.spec.phrase}."
        if self.spec.kind == "board":
            return board_members(self.table, self.spec.number, prev.year, self.year)
        return ""

    @property
    def marker(self) -> str:
        """E.g. "▲ Worsened, 1.89 → 2.45" or "▶ No significant change: 1.57 (95% CI 0.60 to 4.12) in 2022/23 and ..."."""
        return self._marker(travel_text)

    @property
    def marker_html(self) -> str:
        return self._marker(travel_html)

    @property
    def marker_brief_html(self) -> str:
        """The direction of travel without why a change is not called: for a page that says each reason once."""
        return self._marker(travel_html, why=False)

    @property
    def why(self) -> str:
        """Why the change is not called ("a change this size could be chance"), or ""."""
        return why_words(self.figure) if self.available and self.figure.direction else ""

    @property
    def direction(self) -> str:
        return self.figure.direction if self.available else ""

    @property
    def verdict(self) -> str:
        """The movement and the verdict in a few words, e.g. "Better; no significant change, against 2022/23"."""
        if not self.available or not self.figure.direction:
            return "No earlier figure to compare with" if self.available else ""
        if self.figure.direction == "not_comparable":
            return f"Not comparable with {self.compared_label} (series break)"
        return f"{cell_words(self.figure)}, against {self.compared_label}"

    @property
    def compared_label(self) -> str:
        return self.table.year_label(self.figure.compared_with) if self.available and self.figure.compared_with else ""

    @property
    def interval_text(self) -> str:
        if not self.available or not self.figure.interval:
            return ""
        return f"95% confidence interval: {self.figure.interval}."

    @property
    def band_text(self) -> str:
        if not self.available or self.spec.kind != "likelihood" or self.figure.in_equity_band is None:
            return ""
        low, high = self.table.dataset.organisation.settings.equity_band
        where = "Inside" if self.figure.in_equity_band else "Outside"
        meaning = "broadly proportionate" if self.figure.in_equity_band else "not broadly proportionate"
        return f"{where} the equity band of {ratio(low)} to {ratio(high)} ({meaning})."

    @property
    def benchmark_text(self) -> str:
        return self.table.benchmarks(self.year, self.spec.number)

    @property
    def year_label(self) -> str:
        return self.table.year_label(self.year)

    @property
    def caveat(self) -> str:
        return self.table.note(self.figure) if self.available else ""


NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def cell_text(figure: Figure, spec: Indicator) -> str:
    """A headline figure in a summary table's cell; the board's difference with its sign in words
    ("3.9 percentage points below the workforce"), never a bare minus."""
    return gap_words(figure.value) if spec.kind == "board" else figure.shown


def board_members(table: FigureTable, number: int, before: int, after: int) -> str:
    """E.g. "One more BME voting member than in 2022/23 (3 of 14, was 2 of 13).": a board is counted, not sampled."""
    counts = []
    for year in (before, after):
        fig = table.get(year, number, "board_bme_share", "voting")
        if fig is None or not fig.has_value or not fig.base:
            return ""
        counts.append((round(fig.value * fig.base / 100), fig.base))
    (was, was_of), (now, of) = counts
    change, who = now - was, f"{table.labels.bme} voting member"
    amount = NUMBER_WORDS[abs(change)] if abs(change) < len(NUMBER_WORDS) else f"{abs(change):,}"
    if change == 0:
        said = f"The same number of {who}s as in {table.year_label(before)}"
    else:
        said = f"{capitalise(amount)} {'more' if change > 0 else 'fewer'} {who}{'s' if abs(change) > 1 else ''} than in {table.year_label(before)}"
    return f"{said} ({now} of {of}, was {was} of {was_of})."
