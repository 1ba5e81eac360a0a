"""The main window: one search box on top, tabs below, menus and a status bar.

The search box searches as a person types (debounced, in a worker thread) and
shows ranked hits in place of the tabs; Enter or a click opens the hit in the
tab that lists its kind. Links inside a detail pane open records too, and
Back/Forward move through what was shown, like a browser.
"""

from __future__ import annotations

import html
import time
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.connection import Store
from db.kinds import KINDS
from db.search import Hit, SearchResult
from desktop import preferences as prefs
from desktop.actions import edit_actions, guide_actions, print_actions
from desktop.dialogs.about import about_html
from desktop.views import TAB_CLASSES, CompareTab, RecordTab
from desktop.widgets.search_panel import SearchPanel
from desktop.window.menus import MenuRegistry
from desktop.window.navigation import Entry, History
from desktop.window.search_worker import Searcher

SEARCH_DEBOUNCE_MS = 150
SEARCH_LIMIT = 50
TABS_PAGE, RESULTS_PAGE = 0, 1

STYLE_SHEET = """
QLineEdit#searchBox { font-size: 13pt; padding: 6px 8px; }
QFrame#noticeBanner { background: #e8f1f8; border: 1px solid #a9c7de; border-radius: 3px; }
QLabel#readOnlyBanner { background: #fff3c4; color: #4a3b00; padding: 6px 10px;
    border: 1px solid #e0c45c; border-radius: 3px; }
QToolButton#kindChip { padding: 3px 10px; border: 1px solid #b8c4cc; border-radius: 11px;
    background: palette(base); }
QToolButton#kindChip:checked { background: #1f6f8b; color: white; border-color: #1f6f8b; }
QLabel#searchMessage { padding: 4px 2px; }
QLabel#countLabel { color: palette(mid); }
"""


class SearchBox(QLineEdit):
    """The search field: arrows move through hits, Enter opens, Esc clears."""

    navigate = Signal(int)
    openRequested = Signal()
    escapePressed = Signal()
    focused = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.navigate.emit(1 if key == Qt.Key.Key_Down else -1)
            return
        if key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            self.navigate.emit(8 if key == Qt.Key.Key_PageDown else -8)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.openRequested.emit()
            return
        if key == Qt.Key.Key_Escape:
            self.escapePressed.emit()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: Any) -> None:
        super().focusInEvent(event)
        self.focused.emit()


class MainWindow(QMainWindow):
    """Where the front desk lives all day."""

    searchShown = Signal(object)  # SearchResult, once it is on screen

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.setWindowTitle("Filiform")
        self.setMinimumSize(760, 520)
        self.resize(1200, 800)
        self.history = History()
        self._navigating = False
        self._switching = False
        self._open_when_ready = False
        self._search_started = 0.0
        self.last_search_ms: float | None = None
        self.text_size = prefs.clamp_text_size(prefs.get_int(prefs.TEXT_SIZE))
        self.setStyleSheet(STYLE_SHEET)

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(10, 8, 10, 4)
        outer.setSpacing(6)

        self.read_only_banner = QLabel()
        self.read_only_banner.setObjectName("readOnlyBanner")
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.setAccessibleName("Read-only notice")
        outer.addWidget(self.read_only_banner)
        self.update_read_only_banner()

        # What happened while opening (a new database, a damaged file set aside):
        # shown until dismissed, so nobody misses where a damaged file went.
        self.notice_banner = QFrame()
        self.notice_banner.setObjectName("noticeBanner")
        self.notice_banner.setAccessibleName("Notice")
        notice_row = QHBoxLayout(self.notice_banner)
        notice_row.setContentsMargins(10, 4, 4, 4)
        self.notice_label = QLabel()
        self.notice_label.setWordWrap(True)
        self.notice_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        dismiss = QToolButton(text="Dismiss")
        dismiss.setAccessibleName("Dismiss notice")
        dismiss.clicked.connect(self.notice_banner.hide)
        notice_row.addWidget(self.notice_label, 1)
        notice_row.addWidget(dismiss)
        outer.addWidget(self.notice_banner)
        self.show_notices(store.notices)

        top = QHBoxLayout()
        self.back_button = QToolButton(text="◀")
        self.forward_button = QToolButton(text="▶")
        self.search_box = SearchBox()
        self.search_box.setObjectName("searchBox")
        self.search_box.setPlaceholderText(
            "Search: a question, a word or a point code (Ctrl+K)   e.g. will it hurt?  ST36"
        )
        self.search_box.setAccessibleName("Search")
        self.search_box.setClearButtonEnabled(True)
        top.addWidget(self.back_button)
        top.addWidget(self.forward_button)
        top.addWidget(self.search_box, 1)
        outer.addLayout(top)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Sections")
        self.tabs.setDocumentMode(True)
        self.views: dict[str, RecordTab | CompareTab] = {}
        for cls in TAB_CLASSES:
            view = cls(store)
            self.views[view.name] = view
            self.tabs.addTab(view, view.title)
            view.linkActivated.connect(self.open_record)
            if isinstance(view, CompareTab):
                view.pairChosen.connect(self._on_pair_chosen)
            else:
                view.recordChosen.connect(self._on_record_chosen)
        for i in range(self.tabs.count()):
            if i < 9:
                self.tabs.setTabToolTip(i, f"Ctrl+{i + 1}")

        self.search_panel = SearchPanel()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tabs)
        self.stack.addWidget(self.search_panel)
        outer.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.searcher = Searcher(store.path, self)
        self.searcher.resultReady.connect(self._show_result)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.search_box.textChanged.connect(self._on_text_changed)
        self.search_box.navigate.connect(self._on_search_navigate)
        self.search_box.openRequested.connect(self.open_current_hit)
        self.search_box.escapePressed.connect(self._on_search_escape)
        self.search_box.focused.connect(self._on_search_focused)
        self.search_panel.hitActivated.connect(self.open_hit)
        self.search_panel.kindsChanged.connect(self.run_search)
        self.search_panel.suggestionChosen.connect(self.search_box.setText)
        self.search_panel.list.installEventFilter(self)

        self.menu_registry = MenuRegistry(self)
        self.menus = self.menu_registry.menus
        self.actions_by_name = self.menu_registry.actions
        self._build_menus()
        self.edit_form: QWidget | None = None  # the open record form, if any
        self.history_dialog: QWidget | None = None
        self.hidden_dialog: QWidget | None = None
        self.guide_dialog: QWidget | None = None
        edit_actions.install(self)
        guide_actions.install(self)
        self.back_button.setDefaultAction(self.actions_by_name["back"])
        self.forward_button.setDefaultAction(self.actions_by_name["forward"])
        self.back_button.setText("◀")
        self.forward_button.setText("▶")
        self.back_button.setAccessibleName("Back")
        self.forward_button.setAccessibleName("Forward")

        self.location_label = QLabel()
        self.location_label.setAccessibleName("Content version and database file")
        self.statusBar().addPermanentWidget(self.location_label)
        self.update_status()

        self.apply_text_size()
        self._restore_state()
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self._push_current()
        self._update_history_actions()

    # menus and shortcuts ----------------------------------------------------

    def _build_menus(self) -> None:
        """File, View, Go and Help; the action modules add theirs through the registry."""
        menus = self.menu_registry
        for key, title in (("file", "&File"), ("view", "&View"), ("go", "&Go"), ("help", "&Help")):
            menus.menu(key, title)

        print_actions.install(self)
        quit_action = menus.add("quit", "&Quit", self.close, menu="file")
        quit_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Quit))
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        menus.add("zoom_in", "Larger text", self.zoom_in, ["Ctrl+=", "Ctrl++"], "view")
        menus.add("zoom_out", "Smaller text", self.zoom_out, ["Ctrl+-"], "view")
        menus.add("zoom_reset", "Normal text size", self.zoom_reset, ["Ctrl+0"], "view")
        menus.separator("view")
        for i in range(self.tabs.count()):
            shortcuts = [f"Ctrl+{i + 1}"] if i < 9 else None
            menus.add(
                f"tab_{i}",
                self.tabs.tabText(i),
                lambda _=False, i=i: self.show_tab(i),
                shortcuts,
                "view",
            )

        menus.add("search", "&Search", self.focus_search, ["Ctrl+K", "Ctrl+F", "/"], "go")
        menus.add("back", "&Back", self.go_back, ["Alt+Left"], "go")
        menus.add("forward", "&Forward", self.go_forward, ["Alt+Right"], "go")
        menus.actions["back"].setToolTip("Back (Alt+Left)")
        menus.actions["forward"].setToolTip("Forward (Alt+Right)")

        menus.add("about", "&About Filiform", self.show_about, menu="help")
        about_qt = menus.add(
            "about_qt", "About &Qt", lambda: QMessageBox.aboutQt(self), menu="help"
        )
        about_qt.setMenuRole(QAction.MenuRole.AboutQtRole)
        menus.actions["about"].setMenuRole(QAction.MenuRole.AboutRole)

    # status and banner --------------------------------------------------------

    def update_status(self) -> None:
        version = self.store.content_version or "unknown"
        self.location_label.setText(f"Content {version} · {self.store.path}")
        self.location_label.setToolTip(str(self.store.path))

    def update_read_only_banner(self) -> None:
        """Show why editing is off when the database is read-only."""
        if self.store.read_only:
            reason = self.store.read_only_reason or "the database is read-only"
            self.read_only_banner.setText(
                f"<b>Read-only:</b> {_escape(reason)}. Browsing and printing work; "
                "editing is turned off."
            )
            self.read_only_banner.show()
        else:
            self.read_only_banner.hide()

    def show_notices(self, notices: list[str]) -> None:
        """Show what a person should know about the database, until dismissed."""
        self.notice_label.setText(" ".join(notices))
        self.notice_banner.setVisible(bool(notices))

    def show_about(self) -> None:
        QMessageBox.about(
            self, "About Filiform", about_html(self.store.content_version, str(self.store.path))
        )

    # views ------------------------------------------------------------------------

    def view(self, name: str) -> RecordTab | CompareTab:
        """The tab called `name` ("modalities", "points", "compare", ...)."""
        return self.views[name]

    def current_view(self) -> RecordTab | CompareTab:
        return self.tabs.currentWidget()  # type: ignore[return-value]

    def show_tab(self, index: int) -> None:
        self.show_tabs_page()
        if 0 <= index < self.tabs.count():
            self.tabs.setCurrentIndex(index)
            view = self.current_view()
            focus = view.list if isinstance(view, RecordTab) else view.combo_a
            focus.setFocus()

    def show_tabs_page(self) -> None:
        self.stack.setCurrentIndex(TABS_PAGE)

    def results_visible(self) -> bool:
        return self.stack.currentIndex() == RESULTS_PAGE

    def _tab_for_kind(self, kind: str) -> RecordTab | None:
        for view in self.views.values():
            if isinstance(view, RecordTab) and kind in view.kinds:
                return view
        return None

    def open_record(self, kind: str, key: str) -> bool:
        """Show a record in the tab that lists its kind; False (and a message) if missing."""
        view = self._tab_for_kind(kind)
        if view is None:
            self.statusBar().showMessage(f"Nothing to open for {kind}/{key}.", 5000)
            return False
        self.show_tabs_page()
        self._switch_to(view)
        if not view.show_record(kind, key):
            label = KINDS[kind].label if kind in KINDS else kind
            self.statusBar().showMessage(f"{label} '{key}' is not in the database.", 5000)
            return False
        self._push_current()
        return True

    def show_compare(self, a: str, b: str) -> bool:
        view = self.views["compare"]
        assert isinstance(view, CompareTab)
        self.show_tabs_page()
        self._switch_to(view)
        shown = view.show_pair(a, b)
        self._push_current()
        return shown

    def _switch_to(self, view: QWidget) -> None:
        """Change tab without recording the tab's old record in the history."""
        self._switching = True
        try:
            self.tabs.setCurrentWidget(view)
        finally:
            self._switching = False

    def current_handout(self) -> tuple[str, dict[str, Any]] | None:
        """What Ctrl+P prints for what is on screen.

        ("record", {"kind", "key"}) for the record in the current detail pane
        (or the selected search hit), ("compare", {"a", "b"}) on the Compare
        tab, or None.
        """
        if self.results_visible():
            hit = self.search_panel.current_hit()
            if hit is not None:
                return ("record", {"kind": hit.kind, "key": hit.key})
            return None
        return self.current_view().current_handout()

    def refresh_all(self) -> None:
        """Re-read every list and detail pane (after an edit or an import)."""
        for view in self.views.values():
            view.refresh()
        self.update_status()
        self.update_read_only_banner()
        if self.search_box.text().strip():
            self.run_search()

    # history ------------------------------------------------------------------------

    def _current_entry(self) -> Entry | None:
        view = self.current_view()
        if isinstance(view, CompareTab):
            pair = view.current_pair()
            return ("compare", *pair) if pair else None
        shown = view.current_record()
        return ("record", *shown) if shown else None

    def _push_current(self) -> None:
        if self._navigating or self._switching:
            return
        entry = self._current_entry()
        if entry:
            self.history.push(entry)
        self._update_history_actions()

    def _on_record_chosen(self, _kind: str, _key: str) -> None:
        self._push_current()

    def _on_pair_chosen(self, _a: str, _b: str) -> None:
        self._push_current()

    def _on_tab_changed(self, index: int) -> None:
        prefs.set_value(prefs.LAST_TAB, index)
        self._push_current()

    def _go(self, entry: Entry | None) -> None:
        if entry is None:
            return
        self._navigating = True
        try:
            if entry[0] == "compare":
                self.show_compare(entry[1], entry[2])
            else:
                self.open_record(entry[1], entry[2])
        finally:
            self._navigating = False
        self._update_history_actions()

    def go_back(self) -> None:
        self._go(self.history.back())

    def go_forward(self) -> None:
        self._go(self.history.forward())

    def _update_history_actions(self) -> None:
        self.actions_by_name["back"].setEnabled(self.history.can_go_back())
        self.actions_by_name["forward"].setEnabled(self.history.can_go_forward())

    # search ------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def _on_text_changed(self, text: str) -> None:
        if not text.strip():
            self._timer.stop()
            self._open_when_ready = False
            self.searcher.cancel()  # an answer still on its way is now stale
            self.search_panel.show_result(SearchResult(query=""))
            self.show_tabs_page()
            return
        self._timer.start()

    def run_search(self) -> None:
        """Ask the search thread for hits for what is in the box now."""
        self._timer.stop()
        text = self.search_box.text()
        if not text.strip():
            return
        self._search_started = time.perf_counter()
        self.searcher.request(text, self.search_panel.kinds() or None, SEARCH_LIMIT)

    def _show_result(self, result: SearchResult) -> None:
        if not result.query.strip() or result.query != self.search_box.text():
            return
        self.search_panel.show_result(result)
        self.stack.setCurrentIndex(RESULTS_PAGE)
        self.last_search_ms = (time.perf_counter() - self._search_started) * 1000
        self.searchShown.emit(result)
        if self._open_when_ready:
            self._open_when_ready = False
            self.open_current_hit()

    def _search_pending(self) -> bool:
        if self._timer.isActive():
            return True
        shown = self.search_panel.model.result
        return shown is None or shown.query != self.search_box.text()

    def open_current_hit(self) -> None:
        """Enter in the search box: open the selected hit (waiting for results if needed)."""
        if not self.search_box.text().strip():
            return
        if self._search_pending():
            self._open_when_ready = True
            if self._timer.isActive():
                self.run_search()
            return
        hit = self.search_panel.current_hit()
        if hit is not None:
            self.open_hit(hit)

    def open_hit(self, hit: Hit) -> None:
        if self.open_record(hit.kind, hit.key):
            view = self.current_view()
            if isinstance(view, RecordTab):
                view.list.setFocus()

    def _on_search_navigate(self, step: int) -> None:
        if self.search_box.text().strip() and not self.results_visible():
            if self.search_panel.model.rowCount():
                self.stack.setCurrentIndex(RESULTS_PAGE)
            return
        self.search_panel.move_selection(step)

    def _on_search_escape(self) -> None:
        if self.search_box.text():
            self.search_box.clear()
        else:
            self.show_tabs_page()
            view = self.current_view()
            (view.list if isinstance(view, RecordTab) else view.detail).setFocus()

    def _on_search_focused(self) -> None:
        result = self.search_panel.model.result
        if result is not None and result.query == self.search_box.text() and result.query.strip():
            self.stack.setCurrentIndex(RESULTS_PAGE)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search_panel.list
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            self.search_box.clear()
            self.search_box.setFocus()
            return True
        return super().eventFilter(watched, event)

    # text size ------------------------------------------------------------------------

    def apply_text_size(self) -> None:
        for view in self.views.values():
            view.set_text_size(self.text_size)

    def set_text_size(self, points: int) -> None:
        self.text_size = prefs.clamp_text_size(points)
        prefs.set_value(prefs.TEXT_SIZE, self.text_size)
        self.apply_text_size()
        self.statusBar().showMessage(f"Text size {self.text_size} pt", 2000)

    def zoom_in(self) -> None:
        self.set_text_size(self.text_size + 1)

    def zoom_out(self) -> None:
        self.set_text_size(self.text_size - 1)

    def zoom_reset(self) -> None:
        self.set_text_size(int(prefs.DEFAULTS[prefs.TEXT_SIZE]))

    # remembered state ------------------------------------------------------------------

    def _restore_state(self) -> None:
        s = prefs.settings()
        geometry = s.value(prefs.GEOMETRY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        for view in self.views.values():
            if isinstance(view, RecordTab):
                state = s.value(f"{prefs.SPLITTERS}/{view.name}")
                if isinstance(state, QByteArray) and not state.isEmpty():
                    view.splitter.restoreState(state)
                else:
                    view.splitter.setSizes([520, 680])
        last = prefs.get_int(prefs.LAST_TAB)
        if 0 <= last < self.tabs.count():
            self.tabs.setCurrentIndex(last)

    def save_state(self) -> None:
        s = prefs.settings()
        s.setValue(prefs.GEOMETRY, self.saveGeometry())
        s.setValue(prefs.LAST_TAB, self.tabs.currentIndex())
        s.setValue(prefs.TEXT_SIZE, self.text_size)
        for view in self.views.values():
            if isinstance(view, RecordTab):
                s.setValue(f"{prefs.SPLITTERS}/{view.name}", view.splitter.saveState())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.searcher.stop()
        super().closeEvent(event)


def _escape(text: str) -> str:
    return html.escape(text)
