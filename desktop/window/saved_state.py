"""What the window remembers between runs: geometry, splitters, text size.

The window always opens on the home page, so the last tab is not remembered.

Stored with `desktop.preferences` (QSettings), per computer, never in the
database: two front-desk screens may want different layouts.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMainWindow

from desktop import preferences as prefs

if TYPE_CHECKING:
    from desktop.views.base import RecordTab

DEFAULT_SPLIT = [520, 680]  # list | detail, in pixels, until a person moves it


def restore_geometry(window: QMainWindow) -> None:
    """Put the window back where and as large as it was at the last close."""
    geometry = prefs.settings().value(prefs.GEOMETRY)
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        window.restoreGeometry(geometry)
    else:
        fit_to_screen(window)


def restore_splitter(view: RecordTab) -> None:
    """Put a tab's list | detail split back as it was (tabs are built when first
    needed, so each restores its own when it is built)."""
    state = prefs.settings().value(f"{prefs.SPLITTERS}/{view.name}")
    if isinstance(state, QByteArray) and not state.isEmpty():
        view.splitter.restoreState(state)
    else:
        view.splitter.setSizes(DEFAULT_SPLIT)


def fit_to_screen(window: QMainWindow) -> None:
    """A first start on a small screen (a 1024 x 600 front-desk laptop) opens
    the window inside the screen rather than at its larger default size."""
    screen = window.screen()
    if screen is None:
        return
    room = screen.availableGeometry()
    window.resize(min(window.width(), room.width()), min(window.height(), room.height()))


def save_state(window: QMainWindow, record_tabs: Iterable[RecordTab], text_size: int) -> None:
    """Write geometry, the text size and the splitters of the tabs built in this
    run at close (the others keep what was saved before)."""
    s = prefs.settings()
    s.setValue(prefs.GEOMETRY, window.saveGeometry())
    s.setValue(prefs.TEXT_SIZE, text_size)
    for view in record_tabs:
        s.setValue(f"{prefs.SPLITTERS}/{view.name}", view.splitter.saveState())
    s.sync()
