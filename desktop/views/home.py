"""The home page the window opens on: the questions asked all day, one click each.

A receptionist with a patient waiting should not have to know where an
answer lives. The page lists the clinic's pinned questions and the questions
a front desk hears most (a click opens the answer), acupuncture and dry
needling at a glance, the records opened lately, and the keys that save time.
It is built from plain widgets so the window's one zoom scales all of it;
its looks are in the window's style sheet (desktop/window/style.py).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from db.connection import Store
from db.frontdesk import (
    COMMON_QUESTIONS,
    GLANCE_PAIR,
    glance_pair,
    glance_rows,
    pinned_keys,
    question_leads,
    titles,
)
from db.kinds import KINDS
from db.records import Record
from desktop.widgets.icons import icon

# Short enough to read at a glance beside the questions (Compare has the rest).
HOME_GLANCE_ROWS = (("Comes from", "tradition"), ("How long the needles stay in", "retention"))
KEY_HINTS: tuple[tuple[str, str], ...] = (
    ("Ctrl+K or /", "search: type a question as the patient says it"),
    ("↑ ↓", "move through the results; the answer shows beside them"),
    ("Enter", "open the answer in its tab"),
    ("Ctrl+P", "print what is on screen as a handout"),
    ("Ctrl+G", "which approach fits me? a short guide to go through with the patient"),
    ("Alt+Home", "come back here"),
    ("Alt+← / Alt+→", "back and forward"),
    ("Ctrl+= / Ctrl+-", "larger or smaller text"),
)


def _link_button(text: str, tip: str, name: str = "homeQuestion") -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setToolTip(tip)
    button.setAccessibleName(text)
    button.setFlat(True)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return button


class HomePage(QWidget):
    """What the front desk sees first; every item opens something in one click."""

    name = "home"
    title = "Home"
    kinds: tuple[str, ...] = ()

    linkActivated = Signal(str, str)  # kind, key: open a record
    compareRequested = Signal(str, str)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.db = store.db
        self.setAccessibleName("Home page")
        self._text_size = 11
        self._recent: list[tuple[str, str]] = []
        self.question_buttons: dict[str, QPushButton] = {}
        self.pinned_buttons: dict[str, QPushButton] = {}
        self.recent_buttons: list[QPushButton] = []
        self._guide_action: QAction | None = None

        self.title_label = QLabel("What patients ask most")
        self.title_label.setObjectName("homeTitle")
        self.title_label.setAccessibleName("Home title")
        self.intro = QLabel(
            "Click a question to see its answer, or type what the patient asks in the "
            "search box above."
        )
        self.intro.setObjectName("homeHint")
        self.intro.setWordWrap(True)

        self.pinned_box = QVBoxLayout()
        self.common_box = QVBoxLayout()
        self.recent_box = QVBoxLayout()
        self.pinned_heading = self._heading("Pinned by the clinic")
        self.pinned_hint = QLabel("To pin a question here, open it and choose Edit > Pin to Home.")
        self.pinned_hint.setObjectName("homeHint")
        self.pinned_hint.setWordWrap(True)
        self.add_button = QPushButton("Add the clinic's own question…")
        self.add_button.setToolTip(
            "Parking, payment, opening hours: questions only your clinic answers"
        )
        self.add_button.setIcon(icon("plus"))
        self.add_button.hide()
        self._add_action: QAction | None = None
        self.add_button.clicked.connect(lambda: self._add_action and self._add_action.trigger())

        # The glance and the key hints are grids of plain labels, not HTML tables in a
        # label: word-wrapped rich text was ~25 ms of every start-up's layout and paint.
        self.glance = QWidget()
        self.glance.setAccessibleName("Acupuncture and dry needling at a glance")
        self.glance_grid = QGridLayout(self.glance)
        self.glance_grid.setContentsMargins(0, 0, 0, 0)
        self.glance_grid.setHorizontalSpacing(12)
        self.glance_grid.setVerticalSpacing(6)
        self.glance_labels: list[QLabel] = []
        self.compare_button = QPushButton("Compare in full")
        self.compare_button.setAccessibleName("Compare acupuncture and dry needling in full")
        self.compare_button.setIcon(icon("columns-2"))
        self.compare_button.clicked.connect(lambda: self.compareRequested.emit(*GLANCE_PAIR))
        # Hook for the approach guide: the window hands its action over when it has one.
        self.guide_button = QPushButton("Which approach fits me?")
        self.guide_button.setAccessibleName("Which approach fits me?")
        self.guide_button.setIcon(icon("circle-help"))
        self.guide_button.hide()
        self.guide_button.clicked.connect(self._open_guide)

        self.keys_label = QWidget()
        self.keys_label.setAccessibleName("Keyboard hints")
        keys = QGridLayout(self.keys_label)
        keys.setContentsMargins(0, 0, 0, 0)
        keys.setHorizontalSpacing(14)
        keys.setVerticalSpacing(3)
        top = Qt.AlignmentFlag.AlignTop
        for row, (key, hint) in enumerate(KEY_HINTS):
            keys.addWidget(_plain_label(key, "homeKey"), row, 0, top)
            keys.addWidget(_plain_label(hint, wrap=True), row, 1, top)
        keys.setColumnStretch(1, 1)

        left = QVBoxLayout()
        left.setSpacing(2)
        left.addWidget(self.pinned_heading)
        left.addWidget(self.pinned_hint)
        left.addLayout(self.pinned_box)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        left.addLayout(add_row)
        left.addSpacing(8)
        left.addWidget(self._heading("Asked most often"))
        left.addLayout(self.common_box)
        left.addSpacing(8)
        self.recent_heading = self._heading("Opened recently")
        left.addWidget(self.recent_heading)
        left.addLayout(self.recent_box)
        left.addStretch(1)

        right = QVBoxLayout()
        right.setSpacing(4)
        right.addWidget(self._heading("Acupuncture or dry needling? At a glance"))
        right.addWidget(self.glance)
        buttons = QHBoxLayout()
        buttons.addWidget(self.compare_button)
        buttons.addWidget(self.guide_button)
        buttons.addStretch(1)
        right.addLayout(buttons)
        right.addSpacing(10)
        right.addWidget(self._heading("Keys that save time"))
        right.addWidget(self.keys_label)
        right.addStretch(1)

        page = QWidget()
        page.setObjectName("homeContent")
        grid = QGridLayout(page)
        grid.setContentsMargins(16, 10, 16, 10)
        grid.setHorizontalSpacing(28)
        grid.addWidget(self.title_label, 0, 0, 1, 2)
        grid.addWidget(self.intro, 1, 0, 1, 2)
        grid.addLayout(left, 2, 0)
        grid.addLayout(right, 2, 1)
        grid.setColumnStretch(0, 5)
        grid.setColumnStretch(1, 6)
        grid.setRowStretch(2, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.refresh()

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("homeHeading")
        return label

    # content -------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read pinned and common questions, the glance and the recent records."""
        pinned = question_leads(self.db, pinned_keys(self.db))
        self.pinned_buttons = self._fill(self.pinned_box, pinned)
        self.pinned_hint.setVisible(not pinned)
        shown = {q.key for q in pinned}
        common = [q for q in question_leads(self.db, list(COMMON_QUESTIONS)) if q.key not in shown]
        self.question_buttons = self._fill(self.common_box, common)
        pair = glance_pair(self.db)
        self._fill_glance(pair)
        self.compare_button.setEnabled(pair is not None)
        self._fill_recent()

    def _fill(self, box: QVBoxLayout, questions: list[Any]) -> dict[str, QPushButton]:
        _clear(box)
        made: dict[str, QPushButton] = {}
        for q in questions:
            mark = "  (clinic's own)" if q.origin == "clinic" else ""
            button = _link_button(q.question + mark, q.lead)
            button.clicked.connect(lambda _=False, k=q.key: self.linkActivated.emit("faqs", k))
            box.addWidget(button)
            made[q.key] = button
        return made

    def _fill_glance(self, pair: tuple[Record, Record] | None) -> None:
        """Acupuncture and dry needling side by side, a sentence a row (or why not)."""
        grid = self.glance_grid
        while grid.count():
            item = grid.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        if pair is None:
            missing = "Acupuncture or dry needling is hidden or missing."
            self.glance_labels = [_plain_label(missing, "homeHint")]
            grid.addWidget(self.glance_labels[0], 0, 0)
            return
        a, b = pair
        cells = [(0, 1, _plain_label(a.title, "homeGlanceHead"))]
        cells.append((0, 2, _plain_label(b.title, "homeGlanceHead")))
        for row, (label, left, right) in enumerate(glance_rows(a, b, HOME_GLANCE_ROWS), start=1):
            cells.append((row, 0, _plain_label(label, "homeGlanceHead", wrap=True)))
            cells.append((row, 1, _plain_label(left, wrap=True, selectable=True)))
            cells.append((row, 2, _plain_label(right, wrap=True, selectable=True)))
        for row, column, cell in cells:
            grid.addWidget(cell, row, column, Qt.AlignmentFlag.AlignTop)
        self.glance_labels = [cell for _row, _column, cell in cells]
        for column, stretch in enumerate((2, 3, 3)):
            grid.setColumnStretch(column, stretch)

    def glance_text(self) -> str:
        """What the glance shows, cell by cell, row by row."""
        return "\n".join(label.text() for label in self.glance_labels)

    def set_recent(self, records: list[tuple[str, str]]) -> None:
        """The records opened lately on this computer, newest first."""
        self._recent = list(records)
        self._fill_recent()

    def _fill_recent(self) -> None:
        _clear(self.recent_box)
        self.recent_buttons = []
        for kind, key, title in titles(self.db, self._recent):
            button = _link_button(f"{title}", KINDS[kind].label, "homeRecent")
            button.clicked.connect(lambda _=False, k=kind, r=key: self.linkActivated.emit(k, r))
            self.recent_box.addWidget(button)
            self.recent_buttons.append(button)
        self.recent_heading.setVisible(bool(self.recent_buttons))

    def set_guide_action(self, action: QAction | None) -> None:
        """Show "Which approach fits me?" and run this action (the approach guide) on click."""
        self._guide_action = action
        self.guide_button.setVisible(action is not None)

    def set_add_question_action(self, action: QAction | None) -> None:
        """Show "Add the clinic's own question…", which runs this action."""
        self._add_action = action
        self.add_button.setVisible(action is not None and action.isEnabled())

    def _open_guide(self) -> None:
        if self._guide_action is not None:
            self._guide_action.trigger()

    # the view protocol the window uses -------------------------------------------

    def set_text_size(self, points: int) -> None:
        """Fonts come from the window's style sheet (one zoom); nothing to do here."""
        self._text_size = points

    def current_record(self) -> tuple[str, str] | None:
        return None

    def current_handout(self) -> tuple[str, dict[str, Any]] | None:
        return None

    def show_record(self, kind: str, key: str) -> bool:
        return False


def _plain_label(text: str, name: str = "", wrap: bool = False, selectable: bool = False) -> QLabel:
    """A label that shows its text as typed (never as HTML), styled by object name."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    if name:
        label.setObjectName(name)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _clear(box: QVBoxLayout) -> None:
    while box.count():
        item = box.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.hide()  # not painted while it waits to be deleted
            widget.deleteLater()
