"""Turning records into HTML: the Jinja2 environment and the context each template gets.

Where compiled templates are cached is set here, not in `templating`, so the
window can say it at start-up without loading the rendering code (markupsafe,
the vocabularies, the code finder), which it needs only when a record is
first shown.
"""

from __future__ import annotations

from pathlib import Path

_bytecode_dir: Path | None = None


def use_bytecode_cache(folder: Path | None) -> None:
    """Keep compiled templates in `folder`, so later starts skip compiling them
    (None: compile in memory only). Takes effect at the next render."""
    global _bytecode_dir
    _bytecode_dir = folder


def bytecode_dir() -> Path | None:
    """The folder set by `use_bytecode_cache`, if any."""
    return _bytecode_dir
