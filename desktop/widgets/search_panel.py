"""The search results page: kind chips, "did you mean", and the ranked hits.

Each hit shows its kind, its title and a snippet with the matched words
highlighted. The snippet HTML comes from db.search, which escapes the text
and adds only <mark>; it is drawn by a delegate with a QTextDocument.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QListView,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.kinds import KINDS
from db.search import Hit, SearchResult
from desktop.models import HIT_ROLE, SearchResultsModel
from desktop.widgets.answer_pane import AnswerPane

# The chips, in the order a front desk asks about things.
KIND_CHIPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("All", ()),
    ("Modalities", ("modalities",)),
    ("Points", ("points",)),
    ("Point selection", ("rationales",)),
    ("Expectations", ("expectations",)),
    ("Aftercare", ("aftercare",)),
    ("Safety", ("safety",)),
    ("Questions", ("faqs",)),
    ("Sources", ("sources",)),
)
KIND_COLOURS = {
    "modalities": "#1f6f8b",
    "points": "#6a4c93",
    "rationales": "#5c6f2b",
    "expectations": "#2b6f4f",
    "aftercare": "#9a5b00",
    "safety": "#b03a2e",
    "faqs": "#3a5fa8",
    "sources": "#5b6670",
}
# Short kind labels leave the title room in a narrow results list.
SHORT_LABELS = {"faqs": "Question", "expectations": "Expectation", "aftercare": "Aftercare"}
_ANY_INDEX = QModelIndex | QPersistentModelIndex


def snippet_html(hit: Hit, selected: bool = False) -> str:
    """The snippet as rich text: db.search escaped it and added only <mark>."""
    colour = "color:#ffffff;" if selected else ""
    return f'<span style="{colour}">{hit.snippet_html}</span>'


class HitDelegate(QStyledItemDelegate):
    """Draws a hit in three lines of fixed height: kind and title, then the snippet.

    Every row has the same height (the list uses uniform item sizes), so showing
    50 hits lays out only the rows on screen, not all of them.
    """

    PADDING = 6
    SNIPPET_LINES = 2

    def _row_height(self, option: QStyleOptionViewItem) -> int:
        line = QFontMetrics(option.font).lineSpacing()
        return line * (1 + self.SNIPPET_LINES) + 2 * self.PADDING + 2

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _ANY_INDEX) -> None:
        hit: Hit | None = index.data(HIT_ROLE)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        if hit is None:
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_colour = option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        rect = option.rect.adjusted(self.PADDING, self.PADDING, -self.PADDING, -self.PADDING)
        line = QFontMetrics(option.font).lineSpacing()
        painter.save()
        painter.setClipRect(option.rect)

        label_font = QFont(option.font)
        label_font.setBold(True)
        label_font.setPointSizeF(max(6.0, option.font.pointSizeF() * 0.8))
        label = SHORT_LABELS.get(hit.kind, KINDS[hit.kind].label).upper()
        painter.setFont(label_font)
        painter.setPen(text_colour if selected else QColor(KIND_COLOURS.get(hit.kind, "#5b6670")))
        label_width = QFontMetrics(label_font).horizontalAdvance(label) + 10
        painter.drawText(
            rect.left(), rect.top(), label_width, line, Qt.AlignmentFlag.AlignVCenter, label
        )

        title_font = QFont(option.font)
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(text_colour)
        title_width = max(0, rect.width() - label_width)
        title = QFontMetrics(title_font).elidedText(
            hit.title, Qt.TextElideMode.ElideRight, title_width
        )
        painter.drawText(
            rect.left() + label_width,
            rect.top(),
            title_width,
            line,
            Qt.AlignmentFlag.AlignVCenter,
            title,
        )

        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(option.font)
        doc.setDefaultStyleSheet("mark { background-color: #ffe680; color: #1d232a; }")
        doc.setHtml(snippet_html(hit, selected))
        doc.setTextWidth(rect.width())
        painter.translate(rect.left(), rect.top() + line)
        painter.setClipRect(0, 0, rect.width(), line * self.SNIPPET_LINES)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, text_colour)
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _ANY_INDEX) -> QSize:
        return QSize(200, self._row_height(option))


class SearchPanel(QWidget):
    """What the window shows while a search is typed."""

    kindsChanged = Signal()
    hitActivated = Signal(object)  # Hit
    suggestionChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Search results page")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        chips = QHBoxLayout()
        chips.setSpacing(4)
        self.chip_group = QButtonGroup(self)
        self.chip_group.setExclusive(True)
        self.chips: dict[str, QToolButton] = {}
        for i, (label, _kinds) in enumerate(KIND_CHIPS):
            button = QToolButton(text=label, checkable=True)
            button.setAccessibleName(f"Show {label.lower()} results")
            button.setObjectName("kindChip")
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            self.chip_group.addButton(button, i)
            self.chips[label] = button
            chips.addWidget(button)
        chips.addStretch(1)
        self.chips["All"].setChecked(True)
        self.chip_group.idToggled.connect(lambda _id, on: on and self.kindsChanged.emit())
        layout.addLayout(chips)

        self.message = QLabel()
        self.message.setObjectName("searchMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.setAccessibleName("Search message")
        self.message.linkActivated.connect(self.suggestionChosen.emit)
        self.message.hide()
        layout.addWidget(self.message)

        self.model = SearchResultsModel(self)
        self.list = QListView()
        self.list.setAccessibleName("Search results")
        self.list.setModel(self.model)
        self.list.setItemDelegate(HitDelegate(self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setUniformItemSizes(True)
        self.list.activated.connect(self._activate)
        self.list.selectionModel().currentChanged.connect(self._on_current_changed)

        # The selected hit's whole answer, beside the results.
        self.answer = AnswerPane()
        self.answer.openRequested.connect(self._open_current)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(self.answer)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.list.setMinimumWidth(260)
        layout.addWidget(self.splitter, 1)

    def typing(self) -> None:
        """A key was typed in the search box: the answer beside the hits waits."""
        self.answer.typing()

    def kinds(self) -> list[str]:
        """The kinds the checked chip limits the search to (empty: all)."""
        return list(KIND_CHIPS[max(0, self.chip_group.checkedId())][1])

    def show_result(self, result: SearchResult) -> None:
        self.model.set_result(result)
        if result.hits:
            self.list.setCurrentIndex(self.model.index(0, 0))
        else:
            self.answer.clear("Nothing found, so there is no answer to show.")
        self.message.setText(self._message_html(result))
        self.message.setVisible(bool(self.message.text()))

    def _message_html(self, result: SearchResult) -> str:
        typed = escape(result.query.strip())
        if result.problem:
            return f"The search did not run. {escape(result.problem)}"
        if result.corrected and result.suggestion:
            return (
                f"No results for <b>{typed}</b>. Showing results for "
                f"<b>{escape(result.suggestion)}</b>."
            )
        if result.suggestion:
            s = escape(result.suggestion)
            return f'Did you mean <a href="{s}">{s}</a>?'
        if not result.hits and typed:
            where = "" if not self.kinds() else " in this kind; try <b>All</b>"
            return (
                f"No results for <b>{typed}</b>{where}. Try fewer or simpler words, "
                "a point code such as <b>ST36</b>, or a plain question such as "
                "<b>how long do the needles stay in</b>."
            )
        return ""

    def current_hit(self) -> Hit | None:
        index = self.list.currentIndex()
        return self.model.hit(index.row()) if index.isValid() else None

    def move_selection(self, step: int) -> None:
        """Arrow keys pressed in the search box move through the hits."""
        count = self.model.rowCount()
        if not count:
            return
        row = self.list.currentIndex().row()
        row = max(0, min(count - 1, (row if row >= 0 else -1) + step))
        self.list.setCurrentIndex(self.model.index(row, 0))

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        hit = self.model.hit(current.row()) if current.isValid() else None
        if hit is not None:
            self.answer.show_record(hit.kind, hit.key)

    def _open_current(self) -> None:
        hit = self.current_hit()
        if hit is not None:
            self.hitActivated.emit(hit)

    def _activate(self, index: QModelIndex) -> None:
        hit = self.model.hit(index.row())
        if hit is not None:
            self.hitActivated.emit(hit)
