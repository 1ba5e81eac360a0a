"""Body tab: "where does it hurt?" answered by both traditions on one body.

Click a region on the chart (or type it) and the tab lists the trigger points
whose referral zone covers it, the acupoints that lie there (local points) and
the distal points the point-selection notes give, with the patient question
that explains local and distal points. The chart is built when the tab is
first shown, so start-up does not pay for it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from db import body
from db.connection import Store
from db.records import Record
from desktop.views import tab_identity
from desktop.widgets.body_figure import BodyFigure

KEY_ROLE = Qt.ItemDataRole.UserRole


def _point_label(point: Record) -> str:
    name = str(point.get("name") or point.key)
    return name if point.key.startswith("TrP-") else f"{point.key}  {name}"


class BodyTab(QWidget):
    name, title, kinds = tab_identity("body")  # from TAB_SPECS

    linkActivated = Signal(str, str)  # (kind, key): open a record in its tab
    recordChosen = Signal(str, str)  # the window's history hook; the chart has no record
    regionShown = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.db = store.db
        self.setAccessibleName("Body tab")
        self.figure: BodyFigure | None = None
        self._region: str | None = None
        self._answer: body.RegionAnswer | None = None
        self._regions: list[body.Region] | None = None  # read when first shown

        self.where = QLineEdit()
        self.where.setPlaceholderText("Where does it hurt?  e.g. back of the knee, heel")
        self.where.setAccessibleName("Where does it hurt?")
        self.where.setClearButtonEnabled(True)
        self.completer: QCompleter | None = None
        self.where.returnPressed.connect(self._on_typed)
        self.heading = QLabel("Click where it hurts on the chart, or type it above.")
        self.heading.setWordWrap(True)
        self.heading.setObjectName("bodyHeading")

        self.trigger_list = self._list("Trigger points that refer pain here")
        self.trigger_list.currentItemChanged.connect(self._on_trigger_point)
        self.referral = QLabel("")
        self.referral.setWordWrap(True)
        self.referral.setAccessibleName("Referral pattern")
        self.local_list = self._list("Acupoints here (local points)")
        self.distal_list = self._list("Distal points the point-selection notes give")
        self.question_button = QPushButton("Why a needle far from the pain? (patient question)")
        self.question_button.setAccessibleName(
            "Open the patient question about local and distal points"
        )
        self.question_button.clicked.connect(self._open_question)

        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(6, 0, 0, 0)
        column.addWidget(self.where)
        column.addWidget(self.heading)
        for label, widget in (
            ("Trigger points that refer pain here", self.trigger_list),
            ("Acupoints here (local points)", self.local_list),
            ("Distal points the point-selection notes give", self.distal_list),
        ):
            caption = QLabel(f"<b>{label}</b>")
            caption.setBuddy(widget)
            column.addWidget(caption)
            column.addWidget(widget, 1)
            if widget is self.trigger_list:
                column.addWidget(self.referral)
        column.addWidget(self.question_button)

        self.figure_box = QWidget()
        self.figure_layout = QVBoxLayout(self.figure_box)
        self.figure_layout.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.figure_box)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.splitter)
        self._show_empty_lists()
        self.setFocusProxy(self.where)

    def _list(self, name: str) -> QListWidget:
        widget = QListWidget()
        widget.setAccessibleName(name)
        widget.setMinimumHeight(48)
        widget.setWordWrap(True)  # long lines wrap instead of scrolling sideways
        widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        widget.setToolTip("Double-click a point, or press Enter, to open it in the Points tab")
        widget.itemActivated.connect(self._open_item)
        return widget

    # the chart, built when first shown ------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        self.ensure_figure()
        super().showEvent(event)

    def _load_regions(self) -> list[body.Region]:
        """Regions and the completer over their names, read once, when first needed."""
        if self._regions is None:
            self._regions = body.regions(self.db)
            words = sorted({t for r in self._regions for t in r.terms()}, key=str.lower)
            self.completer = QCompleter(words, self)
            self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
            self.where.setCompleter(self.completer)
            self.completer.activated.connect(self._on_typed)
        return self._regions

    def ensure_figure(self) -> BodyFigure:
        if self.figure is None:
            self.figure = BodyFigure(self._load_regions())
            self.figure.regionClicked.connect(self.show_region)
            self.figure_layout.addWidget(self.figure)
            width = max(self.width(), 800)
            self.splitter.setSizes([int(width * 0.52), int(width * 0.48)])
            if self._region:
                self._paint_answer()
        return self.figure

    # showing a region -----------------------------------------------------------

    def _on_typed(self, *_args: Any) -> None:
        text = self.where.text().strip()
        if not text:
            return
        found = body.find_region(self.db, text)
        if found is None:
            self.heading.setText(
                f"'{text}' is not a body region Filiform knows. "
                "Pick one from the list as you type, or click the chart."
            )
            return
        self.show_region(found.key)

    def show_region(self, key: str) -> bool:
        """Show what both traditions say about pain in this region."""
        answer = body.where_it_hurts(self.db, key)
        if answer is None:
            return False
        self._region, self._answer = key, answer
        self.heading.setText(f"<b>{answer.region.name}</b>")
        self._fill(self.trigger_list, answer.trigger_points, "No trigger point refers pain here.")
        self._fill(self.local_list, answer.acupoints, "No acupoint lies here.")
        self.distal_list.clear()
        for note in answer.distal:
            for point in note.points:
                complaint = note.rationale.get("complaint") or note.rationale.title
                if note.point_here:
                    text = f"{_point_label(point)}: lies here; used far away for {complaint}"
                else:
                    text = f"{_point_label(point)}: for {complaint}"
                item = QListWidgetItem(text)
                item.setData(KEY_ROLE, point.key)
                item.setToolTip(note.rationale.title)
                self.distal_list.addItem(item)
        if not self.distal_list.count():
            self._placeholder(self.distal_list, "No point-selection note gives distal points here.")
        self.referral.setText("")
        self.question_button.setEnabled(answer.question is not None)
        self._paint_answer()
        self.regionShown.emit(key)
        return True

    def _paint_answer(self) -> None:
        if self.figure is None or self._answer is None:
            return
        self.figure.select(self._region)
        self.figure.highlight(())
        self.figure.mark_points([(p.key, self._region, True) for p in self._answer.acupoints])

    def _fill(self, widget: QListWidget, points: list[Record], empty: str) -> None:
        widget.clear()
        for point in points:
            item = QListWidgetItem(_point_label(point))
            item.setData(KEY_ROLE, point.key)
            widget.addItem(item)
        if not points:
            self._placeholder(widget, empty)

    @staticmethod
    def _placeholder(widget: QListWidget, text: str) -> None:
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        widget.addItem(item)

    def _show_empty_lists(self) -> None:
        for widget in (self.trigger_list, self.local_list, self.distal_list):
            widget.clear()
            self._placeholder(widget, "Choose a region first.")

    def _on_trigger_point(self, item: QListWidgetItem | None, _previous: Any = None) -> None:
        if item is None or self._answer is None or not item.data(KEY_ROLE):
            return
        point = next(p for p in self._answer.trigger_points if p.key == item.data(KEY_ROLE))
        zone = point.get("referral_regions", [])
        if self.figure is not None:
            self.figure.highlight(zone)
        self.referral.setText(f"<b>{point.get('name')}</b> refers pain: {point.get('referral')}")

    def _open_item(self, item: QListWidgetItem) -> None:
        key = item.data(KEY_ROLE)
        if key:
            self.linkActivated.emit("points", key)

    def _open_question(self) -> None:
        self.linkActivated.emit("faqs", body.LOCAL_DISTAL_FAQ)

    # what the window asks of every tab -----------------------------------------------

    def current_region(self) -> str | None:
        return self._region

    def current_record(self) -> tuple[str, str] | None:
        return None

    def show_record(self, kind: str, key: str) -> bool:
        return False

    def current_handout(self) -> tuple[str, dict[str, Any]] | None:
        return None

    def set_text_size(self, points: int) -> None:
        if self.figure is not None:
            self.figure.update()

    def refresh(self) -> None:
        if self._region:
            self.show_region(self._region)
