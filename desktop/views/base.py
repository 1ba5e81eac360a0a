"""A tab that lists one kind of record beside a detail pane.

Each tab says what its list shows (a ListQuery), which drop-down filters it
offers, and which kinds of record it opens; this base class does the rest:
the filter field, the list (a lazy RecordListModel in a QTreeView), the
splitter, and the detail pane rendered from the record's template.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from db import lists
from db.connection import Store
from db.database import Database
from db.lists import ListQuery
from db.records import get_record
from desktop.models import KEY_ROLE, RecordListModel
from desktop.rendering.record_context import render_record
from desktop.widgets.detail import DetailBrowser, DetailPage, render_safely

FILTER_DEBOUNCE_MS = 120


@dataclass
class FilterChoice:
    """A drop-down filter over one field; its choices are the values in the data.

    `label_field` names what the drop-down shows for a value (a field or a
    value `db.lists` derives, such as "modality_label"); `order` lists values
    to show first, in that order (phases, levels); the rest follow
    alphabetically.
    """

    label: str
    any_text: str
    field: str
    label_field: str | None = None
    order: tuple[str, ...] = ()


class _ListView(QTreeView):
    """A flat, fast list: uniform row heights, no tree decoration."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setAccessibleName(name)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setAllColumnsShowFocus(True)
        self.setItemsExpandable(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.header().setStretchLastSection(True)
        self.header().setSectionsMovable(False)


class _FilterEdit(QLineEdit):
    """The list's filter field: Down moves to the list, Esc clears."""

    def __init__(self, list_view: QTreeView) -> None:
        super().__init__()
        self._list = list_view

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self._list.setFocus()
            if not self._list.currentIndex().isValid() and self._list.model().rowCount():
                self._list.setCurrentIndex(self._list.model().index(0, 0))
            return
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)


class RecordTab(QWidget):
    """Base of the list-and-detail tabs."""

    name = ""  # short id: "points"
    title = ""  # tab label: "Points"
    kinds: tuple[str, ...] = ()  # kinds this tab opens; the first is the list's
    noun = "records"  # "3 points"
    column_widths: tuple[int, ...] = ()
    stretch_column = -1  # the column that takes the spare width (-1: the last)
    hide_first: tuple[int, ...] = ()  # columns dropped first when narrow (default: rightmost)

    # emitted when a person moves to another record in this tab (for history)
    recordChosen = Signal(str, str)
    # emitted when a link in the detail pane is clicked
    linkActivated = Signal(str, str)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.db = store.db
        self.setAccessibleName(f"{self.title} tab")
        self._quiet = False
        self._shown: tuple[str, str] | None = None
        self._text_size = 11

        self.list = _ListView(f"{self.title} list")
        self.model = RecordListModel(self.db, self.list_query(), self)
        self.list.setModel(self.model)
        self.filter_box = _FilterEdit(self.list)
        self.filter_box.setPlaceholderText(f"Filter {self.title.lower()}…")
        self.filter_box.setAccessibleName(f"Filter {self.title.lower()}")
        self.filter_box.setClearButtonEnabled(True)
        self.combos: list[tuple[FilterChoice, QComboBox]] = []
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.count_label.setAccessibleName(f"{self.title} count")
        self.detail = DetailBrowser(f"{self.title} detail")
        self.detail.recordLinkActivated.connect(self.linkActivated)

        left = QWidget()
        left.setMinimumWidth(280)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        column.addWidget(self.filter_box)
        choices = self.filter_choices()
        if choices:
            row = QHBoxLayout()
            row.setSpacing(6)
            for choice in choices:
                combo = self._make_combo(choice)
                self.combos.append((choice, combo))
                row.addWidget(combo, 1)
            column.addLayout(row)
        column.addWidget(self.list, 1)
        column.addWidget(self.count_label)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        outer.addWidget(self.splitter)

        header = self.list.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for i, width in enumerate(self.column_widths):
            if width:
                header.resizeSection(i, width)
        if self.stretch_column >= 0:
            header.setStretchLastSection(False)
            header.setSectionResizeMode(self.stretch_column, QHeaderView.ResizeMode.Stretch)
        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DEBOUNCE_MS)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.filter_box.textChanged.connect(self._filter_timer.start)
        self.list.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self._update_count()
        # The first record is rendered when the tab is first shown: at start-up
        # only the visible tab pays for a detail pane (templates, queries).
        self._first_pending = True

    # what each tab says -----------------------------------------------------

    def list_query(self) -> ListQuery:  # pragma: no cover - each tab defines it
        raise NotImplementedError

    def filter_choices(self) -> list[FilterChoice]:
        return []

    @classmethod
    def page(cls, db: Database, kind: str, key: str) -> DetailPage | None:
        """A record's detail page as this tab shows it; None if it does not exist.

        A class method: the answer pane beside the search results shows a
        record as its tab would without the tab being built.
        """
        record = get_record(db, kind, key)
        if record is None:
            return None
        return DetailPage(render_record(db, record))

    @classmethod
    def resolve_in(cls, db: Database, kind: str, key: str) -> tuple[str, str]:
        """Which record of this tab's list stands for (kind, key)."""
        return kind, key

    # filters ----------------------------------------------------------------

    def _make_combo(self, choice: FilterChoice) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(choice.label)
        combo.setToolTip(choice.label)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)
        combo.addItem(choice.any_text, None)
        values = lists.distinct_values(
            self.db, self.model.query.kind, choice.field, choice.label_field, choice.order
        )
        for value, label in values:
            combo.addItem(label, value)
        combo.currentIndexChanged.connect(self.apply_filter)
        return combo

    def apply_filter(self) -> None:
        """Re-query the list with the filter text and drop-downs (in the database)."""
        self._filter_timer.stop()
        equals = {choice.field: combo.currentData() for choice, combo in self.combos}
        shown = self._shown
        self.model.set_filter(self.filter_box.text(), equals)
        self._update_count()
        self.fit_columns()
        if not self.model.rowCount() and self._filtered():
            # Nothing matches: say so, and do not leave an old record on screen.
            self._shown = None
            self.detail.show_message(
                f"No {self.noun.rstrip('s')} matches this filter. Clear it (Esc) to see all."
            )
            return
        if shown and shown[0] == self.kinds[0]:
            row = self.model.row_of_key(shown[1])
            if row is not None:
                self._select_row(row)
        elif shown is None and not self._first_pending:
            self.select_first()  # the filter was cleared after matching nothing

    def clear_filters(self) -> None:
        self._filter_timer.stop()
        for _choice, combo in self.combos:
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.filter_box.blockSignals(True)
        self.filter_box.clear()
        self.filter_box.blockSignals(False)
        self.apply_filter()

    def _filtered(self) -> bool:
        return bool(self.filter_box.text()) or any(c.currentIndex() > 0 for _, c in self.combos)

    def _update_count(self) -> None:
        n = self.model.rowCount()
        if n:
            self.count_label.setText(f"{n:,} {self.noun if n != 1 else self.noun.rstrip('s')}")
        elif self.filter_box.text() or any(c.currentIndex() > 0 for _, c in self.combos):
            self.count_label.setText(f"No {self.noun} match. Clear the filter (Esc) to see all.")
        else:
            self.count_label.setText(f"No {self.noun} yet.")

    # showing records ----------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        if self._first_pending:
            self._first_pending = False
            self.fit_columns()
            if self._shown is None:
                self.select_first()
        super().showEvent(event)

    def select_first(self) -> None:
        """Show the first record without adding to the history (start-up)."""
        if self.model.rowCount() and not self.list.currentIndex().isValid():
            self._quiet = True
            try:
                self._select_row(0)
            finally:
                self._quiet = False

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.list.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.list.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        key = current.data(KEY_ROLE)
        if not key:
            return
        kind = self.kinds[0]
        if self._shown == (kind, key):
            return
        self._render(kind, key)
        if not self._quiet:
            self.recordChosen.emit(kind, key)

    def _render(self, kind: str, key: str) -> bool:
        page = render_safely(lambda: self.page(self.db, kind, key), kind, key)
        if page is None:
            return False
        self._shown = (kind, key)
        self.detail.show_page(page)
        return True

    def show_record(self, kind: str, key: str) -> bool:
        """Select the record in the list (clearing filters if they hide it) and show it."""
        if kind not in self.kinds:
            return False
        kind, key = self.resolve_in(self.db, kind, key)
        row = self.model.row_of_key(key) if kind == self.kinds[0] else None
        if row is None and kind == self.kinds[0]:
            self.clear_filters()
            row = self.model.row_of_key(key)
        self._quiet = True
        try:
            if row is not None:
                self._select_row(row)
            else:
                self.list.clearSelection()
        finally:
            self._quiet = False
        if self._shown == (kind, key):
            return True
        return self._render(kind, key)

    def current_record(self) -> tuple[str, str] | None:
        return self._shown

    def current_handout(self) -> tuple[str, dict[str, Any]] | None:
        if self._shown is None:
            return None
        return ("record", {"kind": self._shown[0], "key": self._shown[1]})

    def set_text_size(self, points: int) -> None:
        self._text_size = points
        self.detail.set_text_size(points)
        font = self.list.font()
        font.setPointSize(points)
        self.list.setFont(font)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Size each column but the stretching one to what it shows ("Contact the clinic",
        not "Contact th…"). Qt measures up to 1,000 rows (its header's default
        precision), so a long code further down the list fits too; measuring only
        the rows on screen would save ~30 ms when a tab first opens, but cut
        "TrP-upper-trapezius" short when the list is scrolled to it."""
        header = self.list.header()
        stretch = self.stretch_column if self.stretch_column >= 0 else header.count() - 1
        others = [i for i in range(header.count()) if i != stretch]
        if not others:
            return
        available = self.list.viewport().width()
        wanted = {}
        for i in others:
            fixed = self.column_widths[i] if i < len(self.column_widths) else 0
            wanted[i] = max(fixed, self.list.sizeHintForColumn(i) + 12)
        # When the list is narrow, drop the least needed columns (the detail pane
        # shows them) rather than cut every column short: the title keeps half.
        hidden: list[int] = []
        for i in self.hide_first or tuple(reversed(others)):
            shown = [j for j in others if j not in hidden]
            if len(shown) <= 1 or sum(wanted[j] for j in shown) <= available // 2:
                break
            hidden.append(i)
        shown = [j for j in others if j not in hidden]
        share = max(40, available // 2 // max(1, len(shown)))
        for i in others:
            header.setSectionHidden(i, i in hidden)
            if i not in hidden:
                fixed = self.column_widths[i] if i < len(self.column_widths) else 0
                header.resizeSection(i, min(wanted[i], max(fixed, share)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._first_pending:
            self.fit_columns()

    def refresh(self) -> None:
        """Re-read the list and the detail (after an edit or an import)."""
        self.apply_filter()
        if self._shown:
            kind, key = self._shown
            self._shown = None
            if not self._render(kind, key):
                self.detail.show_message("This record is no longer in the database.")
