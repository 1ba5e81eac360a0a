"""The menu registry: the one place the window's menus and named actions are made.

The window and the action modules (`desktop.actions`) add menus and actions
here by name ("file", "print", "quit", ...), so no module reaches into
another's menus, and tests find any action as `actions["name"]`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu


class MenuRegistry:
    """Menus and actions of one main window, each under a short name."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        self.menus: dict[str, QMenu] = {}
        self.actions: dict[str, QAction] = {}

    def menu(self, key: str, title: str, before: str | None = None) -> QMenu:
        """A menu in the menu bar, at the end or in front of menu `before`."""
        menu = QMenu(title, self.window)
        bar = self.window.menuBar()
        if before is None:
            bar.addMenu(menu)
        else:
            bar.insertMenu(self.menus[before].menuAction(), menu)
        self.menus[key] = menu
        return menu

    def submenu(self, parent: str, key: str, title: str, before: str | None = None) -> QMenu:
        """A menu inside menu `parent`, at the end or in front of action `before`."""
        menu = QMenu(title, self.window)
        if before is None:
            self.menus[parent].addMenu(menu)
        else:
            self.menus[parent].insertMenu(self.actions[before], menu)
        self.menus[key] = menu
        return menu

    def separator(self, menu: str, before: str | None = None) -> None:
        if before is None:
            self.menus[menu].addSeparator()
        else:
            self.menus[menu].insertSeparator(self.actions[before])

    def add(
        self,
        name: str,
        text: str,
        slot: Callable[..., Any],
        shortcuts: list[QKeySequence | str] | None = None,
        menu: str | None = None,
    ) -> QAction:
        """A named action with its shortcuts, live in the whole window, listed in `menu`."""
        action = QAction(text, self.window)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.window.addAction(action)
        self.actions[name] = action
        if menu:
            self.menus[menu].addAction(action)
        return action
