"""Stage 2, the metrics: every figure of every year, as one tidy table, computed from the validated data.

A pure function of the :class:`~generator.data.Dataset`: no files, no pages.

- ``formulas``: shares, likelihoods, relative likelihoods with their intervals.
- ``row``: one figure of the table (the shape the pages read), the table of them (:class:`Metrics`) and its CSV.
- ``table``: ``compute_metrics``, the whole table with disclosure control.
- ``travel``: the direction of travel against the previous year.
- ``plans``: action-plan progress, overdue actions and target status.
"""

from .row import COLUMNS, EXTRA_COLUMNS, Metrics, Row, csv_number
from .table import compute_metrics, write_csv

__all__ = ["COLUMNS", "EXTRA_COLUMNS", "Metrics", "Row", "compute_metrics", "csv_number", "write_csv"]
