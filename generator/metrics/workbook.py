"""``wres metrics --format xlsx``: the table of every figure as an Excel workbook, for analysts checking the site.

The same rows and columns as the published CSV (``Metrics.to_csv``), figures as numbers
(unrounded), written by pandas with openpyxl. Imported only by that command: a build never
loads pandas. The workbook's dates (its properties and the zip entries) are fixed, so the
same figures give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

from .row import COLUMNS, Metrics

FIXED = dt.datetime(2000, 1, 1)  # no "today" in output: the workbook depends only on the figures
WIDTHS = {"breakdown": 34, "measure": 22, "direction": 16, "movement": 14, "source": 12, "note": 60}


def workbook_bytes(metrics: Metrics) -> bytes:
    import pandas as pd

    # the CSV's columns, by their names: a column added to the table is in the workbook too
    frame = pd.DataFrame([[getattr(r, name) for name in COLUMNS] for r in metrics], columns=COLUMNS)
    out = io.BytesIO()
    with pd.ExcelWriter(out, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name="Figures", index=False)
        sheet = writer.sheets["Figures"]
        sheet.freeze_panes = "A2"
        for number, name in enumerate(COLUMNS):
            sheet.column_dimensions[chr(ord("A") + number)].width = WIDTHS.get(name, 10)
        writer.book.properties.created = writer.book.properties.modified = FIXED
        writer.book.properties.creator = "wres metrics"
    return _fixed_dates(out.getvalue())


def _fixed_dates(raw: bytes) -> bytes:
    """The same zip with every entry dated 1980-01-01 (zip's earliest date) and no time of saving, in the same order."""
    source = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the time of saving here
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2000-01-01T00:00:00Z", data)
            target.writestr(fixed, data)
    return out.getvalue()


def write_workbook(metrics: Metrics, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(workbook_bytes(metrics))
