"""Compare tab: any two modalities side by side, dimension by dimension.

Acupuncture and dry needling are compared by default: it is the question a
front desk hears most ("is dry needling the same as acupuncture?").
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from db import lists
from db.connection import Store
from db.frontdesk import GLANCE_PAIR
from desktop.rendering.record_context import render_compare
from desktop.views import tab_identity
from desktop.widgets.detail import DetailBrowser

DEFAULT_PAIR = GLANCE_PAIR  # the pair patients mix up


class CompareTab(QWidget):
    name, title, kinds = tab_identity("compare")  # from TAB_SPECS

    pairChosen = Signal(str, str)
    linkActivated = Signal(str, str)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.db = store.db
        self.setAccessibleName("Compare tab")
        self._quiet = False
        self._pair: tuple[str, str] | None = None

        self.combo_a = QComboBox()
        self.combo_a.setAccessibleName("First modality")
        self.combo_b = QComboBox()
        self.combo_b.setAccessibleName("Second modality")
        self.swap_button = QPushButton("Swap")
        self.swap_button.setAccessibleName("Swap the two modalities")
        self.swap_button.setToolTip("Swap the two columns")
        self.detail = DetailBrowser("Comparison")
        self.detail.recordLinkActivated.connect(self.linkActivated)

        row = QHBoxLayout()
        row.addWidget(QLabel("Compare"))
        row.addWidget(self.combo_a, 1)
        row.addWidget(QLabel("with"))
        row.addWidget(self.combo_b, 1)
        row.addWidget(self.swap_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(row)
        layout.addWidget(self.detail, 1)

        self.reload_choices()
        self.combo_a.currentIndexChanged.connect(self._on_combo)
        self.combo_b.currentIndexChanged.connect(self._on_combo)
        self.swap_button.clicked.connect(self.swap)
        keys = [self.combo_a.itemData(i) for i in range(self.combo_a.count())]
        if all(k in keys for k in DEFAULT_PAIR):
            first, second = DEFAULT_PAIR
        else:
            first, second = (keys + keys)[:2] if keys else ("", "")
        if first and second:
            # The tab is hidden at start-up: the pair is chosen now and rendered
            # (Jinja2, the template) when the pane is first shown or read.
            self._select(first, second)
            self._pair = (first, second)
            db = self.db
            self.detail.show_later(
                lambda: render_compare(db, first, second), "Choose two modalities to compare."
            )
        else:
            self.show_pair(first, second)

    def _select(self, a: str, b: str) -> None:
        for combo, key in ((self.combo_a, a), (self.combo_b, b)):
            combo.blockSignals(True)
            i = combo.findData(key)
            if i >= 0:
                combo.setCurrentIndex(i)
            combo.blockSignals(False)

    def reload_choices(self) -> None:
        rows = lists.titles(self.db, "modalities")
        for combo in (self.combo_a, self.combo_b):
            combo.blockSignals(True)
            current = combo.currentData()
            combo.clear()
            for key, name in rows:
                combo.addItem(name, key)
            if current is not None:
                combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def _on_combo(self) -> None:
        a, b = self.combo_a.currentData(), self.combo_b.currentData()
        if a and b:
            self.show_pair(a, b)

    def swap(self) -> None:
        if self._pair:
            self.show_pair(self._pair[1], self._pair[0])

    def show_pair(self, a: str, b: str) -> bool:
        """Show modalities a and b side by side; False if either is missing."""
        self._select(a, b)
        html = render_compare(self.db, a, b) if a and b else None
        if html is None:
            self._pair = None
            self.detail.show_message("Choose two modalities to compare.")
            return False
        changed = self._pair != (a, b)
        self._pair = (a, b)
        self.detail.show_fragment(html)
        if changed and not self._quiet:
            self.pairChosen.emit(a, b)
        return True

    def current_pair(self) -> tuple[str, str] | None:
        return self._pair

    def current_record(self) -> tuple[str, str] | None:
        return None

    def show_record(self, kind: str, key: str) -> bool:
        return False

    def current_handout(self) -> tuple[str, dict[str, Any]] | None:
        if self._pair is None:
            return None
        return ("compare", {"a": self._pair[0], "b": self._pair[1]})

    def set_text_size(self, points: int) -> None:
        self.detail.set_text_size(points)

    def refresh(self) -> None:
        self.reload_choices()
        if self._pair:
            pair, self._pair = self._pair, None
            self._quiet = True
            self.show_pair(*pair)
            self._quiet = False
