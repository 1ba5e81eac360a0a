"""Keep every tab label whole on a small screen by dropping the tab icons.

Eleven tabs with icons fit a 1366-pixel window but not a 1024-pixel one,
where the labels would be cut to "Poi…". A label says more than an icon, so
when the bar is too narrow the icons go, and they come back when it widens.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtWidgets import QTabWidget


class TabIconsWhenRoom(QObject):
    """Watches a tab widget's size and shows its icons only when they fit."""

    def __init__(self, tabs: QTabWidget, icon_size: QSize) -> None:
        super().__init__(tabs)
        self._tabs = tabs
        self._icon_size = icon_size
        tabs.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self._tabs and event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        """Icons on if every tab fits with them, off otherwise."""
        bar = self._tabs.tabBar()
        self._tabs.setIconSize(self._icon_size)
        needed = sum(bar.tabSizeHint(i).width() for i in range(bar.count()))
        if needed > self._tabs.width():
            self._tabs.setIconSize(QSize(0, 0))

    @property
    def icons_shown(self) -> bool:
        return not self._tabs.iconSize().isEmpty()
