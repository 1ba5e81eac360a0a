"""Menu slots that import their module the first time they are chosen.

A menu entry and its shortcut must exist from the first paint, but the code
behind it (dialogs, forms, the printing side) is not needed until a person
chooses it. `chosen(window, module, function)` is a slot that imports
`module` then and calls `module.function(window)`; the lookup happens at
each call, so tests that replace `module.function` are honoured.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from desktop.actions.api import WindowApi


def chosen(window: WindowApi, module: str, function: str) -> Callable[..., None]:
    """A slot for QAction.triggered that runs `module.function(window)`."""

    def slot(_checked: bool = False) -> None:
        getattr(importlib.import_module(module), function)(window)

    return slot
