"""Publish NHS Workforce Race Equality Standard (WRES) reports as an accessible website.

The pipeline, one sub-package per stage, each importing only from the stages before it:
``data`` (read and validate) -> ``metrics`` (every figure) -> ``pages`` (Markdown, charts, tables) -> ``site`` (MkDocs). ``cli`` sits on top.
"""

__version__ = "0.1.0"
