"""``wres import``: the year's counts from the trust's own HR extracts, never retyped.

An extract (ESR's staff in post, the recruitment system's applications, HR's case list,
the learning records) is read once with pandas, only the columns the import needs, and
forgotten: what reaches ``data/years/YEAR.yaml`` is counts, and a provenance comment
naming the file, its sha256, its row count and the mapping used.

The pipeline: :mod:`.columns` (which column holds each field) → :mod:`.reading` (the file,
checked before it is read) → :mod:`.codes` and :mod:`.mapping_file` (ethnicity, staff group
and band, with the trust's additions) → :mod:`.counting` → :mod:`.writing` (the year file).
:mod:`.command` runs them. :mod:`.extracts` recognises an extract left in a project folder.

Only :mod:`.reading`, :mod:`.counting` and :mod:`.command` import pandas, and only the
``wres import`` and ``wres metrics --format xlsx`` commands import them: a build never does.
"""
