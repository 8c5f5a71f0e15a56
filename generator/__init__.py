"""Publish NHS Workforce Race Equality Standard (WRES) reports as an accessible website.

The pipeline, one module per step: ``loading`` (read and validate ``data/``) ->
``model`` -> ``metrics`` (every figure) -> ``charts`` -> ``render`` -> ``build``.
"""

__version__ = "0.1.0"
