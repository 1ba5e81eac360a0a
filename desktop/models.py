"""Qt models for the lists: they hold row ids only and fetch rows lazily.

Like Anki's browser table, `RecordListModel` keeps the ordered row ids that
`db.lists` returned and asks it for the visible rows' columns a page at a
time, so a list of 100,000 records costs one list of integers, and filtering
happens in the database, not in a Python loop. No SQL here: `db/lists.py`
writes it (docs/ARCHITECTURE.md).
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from db import lists
from db.database import Database
from db.lists import ListQuery
from db.search import Hit, SearchResult

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
HIT_ROLE = Qt.ItemDataRole.UserRole + 2
HTML_ROLE = Qt.ItemDataRole.UserRole + 3
PAGE_SIZE = 200
MAX_CACHED_PAGES = 32
_ANY_INDEX = QModelIndex | QPersistentModelIndex


def _row_flags(index: _ANY_INDEX) -> Qt.ItemFlag:
    """Rows of both models: selectable, read-only, flat."""
    if not index.isValid():
        return Qt.ItemFlag.NoItemFlags
    return (
        Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
    )


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


# How an emphasised row looks ("contact the clinic"): bold, dark red on pale red.
_EMPHASIS = {
    Qt.ItemDataRole.FontRole: _bold,
    Qt.ItemDataRole.BackgroundRole: lambda: QBrush(QColor("#fdecea")),
    Qt.ItemDataRole.ForegroundRole: lambda: QBrush(QColor("#7a1a10")),
}


class RecordListModel(QAbstractTableModel):
    """Rows of one table, filtered in SQL; only rowids are held in memory."""

    def __init__(self, db: Database, query: ListQuery, parent: Any = None) -> None:
        super().__init__(parent)
        self.db = db
        self.query = query
        self._rowids: list[int] = []
        self._row_of: dict[int, int] | None = None
        self._pages: OrderedDict[int, list[tuple[Any, ...]]] = OrderedDict()
        self._text = ""
        self._equals: dict[str, Any] = {}
        self.refresh()

    # filtering ------------------------------------------------------------

    def set_filter(self, text: str = "", equals: dict[str, Any] | None = None) -> None:
        """Show only rows containing every word of `text` and matching `equals`.

        `equals` maps a field (or a value `db.lists` derives) to a value;
        empty values are ignored.
        """
        self._text = text or ""
        self._equals = dict(equals or {})
        self.refresh()

    def refresh(self) -> None:
        """Re-run the query (after a filter change or an edit)."""
        rowids = lists.row_ids(self.db, self.query, self._text, self._equals)
        self.beginResetModel()
        self._rowids = rowids
        self._row_of = None
        self._pages.clear()
        self.endResetModel()

    # lookups --------------------------------------------------------------

    def key_at(self, row: int) -> str | None:
        if 0 <= row < len(self._rowids):
            return self._fetch_row(row)[-1]
        return None

    def row_of_key(self, key: str) -> int | None:
        """The row showing the record with this key, or None if filtered out."""
        rowid = lists.row_id_of(self.db, self.query.kind, key)
        if rowid is None:
            return None
        if self._row_of is None:
            self._row_of = {rowid: i for i, rowid in enumerate(self._rowids)}
        return self._row_of.get(rowid)

    def _fetch_row(self, row: int) -> tuple[Any, ...]:
        page_no = row // PAGE_SIZE
        page = self._pages.get(page_no)
        if page is None:
            page = self._load_page(page_no)
        else:
            self._pages.move_to_end(page_no)
        return page[row - page_no * PAGE_SIZE]

    def _load_page(self, page_no: int) -> list[tuple[Any, ...]]:
        ids = self._rowids[page_no * PAGE_SIZE : (page_no + 1) * PAGE_SIZE]
        by_id = lists.page(self.db, self.query, ids)
        blank = tuple([""] * (len(self.query.columns) + 1)) + ("",)
        page = [by_id.get(i, blank) for i in ids]
        self._pages[page_no] = page
        while len(self._pages) > MAX_CACHED_PAGES:
            self._pages.popitem(last=False)
        return page

    # Qt model API -----------------------------------------------------------

    def rowCount(self, parent: _ANY_INDEX = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rowids)

    def columnCount(self, parent: _ANY_INDEX = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.query.columns)

    def data(self, index: _ANY_INDEX, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rowids)):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = self._fetch_row(index.row())[index.column()]
            return "" if value is None else str(value)
        if role == KEY_ROLE:
            return self._fetch_row(index.row())[-1]
        if self.query.emphasised and role in _EMPHASIS and self._fetch_row(index.row())[-2]:
            return _EMPHASIS[role]()
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.query.columns)
        ):
            return self.query.columns[section].header
        return None

    def flags(self, index: _ANY_INDEX) -> Qt.ItemFlag:
        return _row_flags(index)


class SearchResultsModel(QAbstractListModel):
    """The hits of one search, best first (at most a few hundred rows)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.result: SearchResult | None = None
        self._hits: list[Hit] = []

    def set_result(self, result: SearchResult | None) -> None:
        self.beginResetModel()
        self.result = result
        self._hits = list(result.hits) if result else []
        self.endResetModel()

    def hit(self, row: int) -> Hit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def rowCount(self, parent: _ANY_INDEX = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: _ANY_INDEX, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._hits)):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{hit.kind_label}: {hit.title} — {hit.snippet}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{hit.kind_label}: {hit.title}. {hit.snippet}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.snippet
        if role == HIT_ROLE:
            return hit
        if role == HTML_ROLE:
            return hit.snippet_html
        if role == KEY_ROLE:
            return hit.key
        return None

    def flags(self, index: _ANY_INDEX) -> Qt.ItemFlag:
        return _row_flags(index)
