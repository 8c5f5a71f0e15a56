"""Benchmarks of issue 12: build vs bare MkDocs, scale in years, page weight, Lighthouse, the preview.

``make bench`` (``python -m bench``) runs them all and writes ``docs/benchmarks.md``.
Timings are noisy on a shared machine, so this is not part of ``make test``.
"""
