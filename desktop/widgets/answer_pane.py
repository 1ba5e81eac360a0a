"""The answer beside the search results: the selected hit's whole record.

A receptionist moves through the hits with the arrow keys and reads the
answer without leaving the results; Print and Open in its tab are one click
away. The record is rendered a moment after the selection settles, and not
before the person has stopped typing for TYPING_QUIET_MS, so holding an
arrow key or typing never waits for a detail pane (a long page, such as a
source cited by hundreds of records, takes tens of milliseconds).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from db.kinds import KINDS
from desktop.widgets.detail import DetailBrowser, DetailPage, render_safely
from desktop.widgets.icons import icon

RENDER_DELAY_MS = 40
TYPING_QUIET_MS = 300
Renderer = Callable[[str, str], "DetailPage | None"]


class AnswerPane(QWidget):
    """The selected hit rendered as in its tab, with Print and Open buttons."""

    openRequested = Signal()
    printRequested = Signal()
    linkActivated = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Answer")
        self._render: Renderer | None = None
        self._wanted: tuple[str, str] | None = None
        self.shown: tuple[str, str] | None = None

        self.kind_label = QLabel()
        self.kind_label.setObjectName("answerKind")
        self.kind_label.setAccessibleName("Kind of record")
        self.open_button = QPushButton("Open in its tab")
        self.open_button.setToolTip("Open this record in its tab (Enter)")
        self.open_button.setIcon(icon("external-link"))
        self.open_button.clicked.connect(self.openRequested)
        self.print_button = QPushButton("Print…")
        self.print_button.setToolTip("Print this as a patient handout (Ctrl+P)")
        self.print_button.setIcon(icon("printer"))
        self.print_button.clicked.connect(self.printRequested)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.kind_label, 1)
        bar.addWidget(self.open_button)
        bar.addWidget(self.print_button)

        self.detail = DetailBrowser("Answer")
        self.detail.recordLinkActivated.connect(self.linkActivated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self.detail, 1)

        self._timer = QTimer(self, singleShot=True, interval=RENDER_DELAY_MS)
        self._timer.timeout.connect(self.render_now)
        # Runs while the person types; the answer waits for it to run out.
        self.typing_pause = QTimer(self, singleShot=True, interval=TYPING_QUIET_MS)
        self.typing_pause.timeout.connect(self._settle)
        self.clear()

    def set_renderer(self, render: Renderer) -> None:
        """How a record becomes its page (the window hands over its tabs' renderer)."""
        self._render = render

    def show_record(self, kind: str, key: str) -> None:
        """Show this record soon (after the selection settles and typing pauses)."""
        self._wanted = (kind, key)
        self._settle()

    def typing(self) -> None:
        """A key was typed in the search box: hold the answer until typing pauses."""
        self._timer.stop()
        self.typing_pause.start()

    def refresh(self) -> None:
        """Render the answer on screen again (after an edit or an import)."""
        self.shown = None
        self._settle()

    def _settle(self) -> None:
        if self.shown != self._wanted and not self.typing_pause.isActive():
            self._timer.start()

    def render_now(self) -> None:
        """Render the wanted record at once (tests and Enter use this)."""
        self._timer.stop()
        if self._wanted is None or self._wanted == self.shown or self._render is None:
            return
        if not self.isVisible():
            return  # rendered when shown again (and never after the window closed)
        kind, key = self._wanted
        render = self._render
        page = render_safely(lambda: render(kind, key), kind, key)
        self.shown = self._wanted
        if page is None:
            self.detail.show_message("This record is no longer in the database.")
        else:
            self.detail.show_page(page)
        label = KINDS[kind].label if kind in KINDS else kind
        self.kind_label.setText(label)
        self.open_button.setEnabled(page is not None)
        self.print_button.setEnabled(page is not None)

    def clear(self, message: str = "Choose a result to read its answer here.") -> None:
        self._timer.stop()
        self.typing_pause.stop()
        self._wanted = self.shown = None
        self.kind_label.setText("")
        self.detail.show_message(message)
        self.open_button.setEnabled(False)
        self.print_button.setEnabled(False)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._settle()

    def set_text_size(self, points: int) -> None:
        self.detail.set_text_size(points)
