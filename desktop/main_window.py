"""The main window: search bar on top, results below.

A first version for the foundation issue; the desktop issue adds the tabs.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLineEdit, QListWidget, QMainWindow, QVBoxLayout, QWidget

from db.connection import Store
from db.search import search

SEARCH_DEBOUNCE_MS = 150


class MainWindow(QMainWindow):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.setWindowTitle("Filiform")
        self.resize(1000, 700)
        central = QWidget()
        layout = QVBoxLayout(central)
        self.search_box = QLineEdit(placeholderText="Search: a question, a word or a point code")
        self.search_box.setAccessibleName("Search")
        self.results = QListWidget()
        self.results.setAccessibleName("Search results")
        layout.addWidget(self.search_box)
        layout.addWidget(self.results)
        self.setCentralWidget(central)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.search_box.textChanged.connect(self._timer.start)
        self.statusBar().showMessage(f"Content {store.content_version} · {store.path}")

    def run_search(self) -> None:
        self.results.clear()
        result = search(self.store.db, self.search_box.text())
        for hit in result.hits:
            self.results.addItem(f"{hit.kind_label}: {hit.title} — {hit.snippet}")
