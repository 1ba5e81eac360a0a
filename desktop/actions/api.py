"""What the action modules may use of the main window: a narrow interface.

`desktop.actions.*.install(window)` is handed the main window, but types it
as `WindowApi`, so the actions never import the window module (no cycle, not
even a type-only one) and a reader sees exactly what they rely on. The window
is also the parent widget of the dialogs the actions open.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QStatusBar, QWidget

from db.connection import Store

# ("record", {"kind", "key"}), ("compare", {"a", "b"}) or a named handout
Shown = tuple[str, dict[str, Any]]


class Menus(Protocol):
    """The window's menu registry (`desktop.window.menus.MenuRegistry`)."""

    menus: dict[str, QMenu]
    actions: dict[str, QAction]

    def menu(self, key: str, title: str, before: str | None = None) -> QMenu: ...

    def submenu(self, parent: str, key: str, title: str, before: str | None = None) -> QMenu: ...

    def separator(self, menu: str, before: str | None = None) -> None: ...

    def add(
        self,
        name: str,
        text: str,
        slot: Callable[..., Any],
        shortcuts: list[QKeySequence | str] | None = None,
        menu: str | None = None,
    ) -> QAction: ...


class WindowApi(Protocol):
    """The main window as the actions see it."""

    store: Store
    menu_registry: Menus
    edit_form: QWidget | None  # the open record form, kept for tests and focus
    history_dialog: QWidget | None
    hidden_dialog: QWidget | None
    guide_dialog: QWidget | None  # the open "Which approach fits me?" guide

    def statusBar(self) -> QStatusBar: ...

    def current_record(self) -> tuple[str, str] | None: ...

    def current_handout(self) -> Shown | None: ...

    def current_view(self) -> Any: ...

    def refresh_all(self) -> None: ...

    def open_record(self, kind: str, key: str) -> bool: ...
