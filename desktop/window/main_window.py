"""The main window: it only assembles the parts and keeps the browsing history.

One search box on top, tabs below, menus and a status bar. The parts live
next to this module: `search` (debounce, worker, results), `menus` (the menu
registry), `zoom` (text size), `saved_state` (geometry, splitters),
`style` (the style sheet), `navigation` (Back/Forward history); the menu
actions come from `desktop.actions`, each installed through
`desktop.actions.api.WindowApi`. See docs/ARCHITECTURE.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.connection import Store
from db.kinds import KINDS
from desktop import preferences as prefs
from desktop.actions import edit_menu, guide_actions, print_menu
from desktop.views import EXTRA_TAB_SHORTCUTS, TAB_SPECS
from desktop.views.home import HomePage
from desktop.widgets.banners import NoticeBanner, ReadOnlyBanner
from desktop.widgets.icons import ACTION_ICONS, TAB_ICONS, app_icon, icon
from desktop.window.lazy_tabs import LazyViews
from desktop.window.menus import MenuRegistry
from desktop.window.navigation import Entry, History
from desktop.window.saved_state import restore_geometry, restore_splitter, save_state
from desktop.window.search import SearchBox, SearchController
from desktop.window.style import window_style
from desktop.window.tab_fit import TabIconsWhenRoom
from desktop.window.zoom import TextZoom

if TYPE_CHECKING:  # the tab modules load when a tab is first built (lazy_tabs.py)
    from db.search import Hit
    from desktop.views.base import RecordTab
    from desktop.views.body import BodyTab
    from desktop.views.compare import CompareTab
    from desktop.widgets.answer_pane import AnswerPane
    from desktop.widgets.detail import DetailPage
    from desktop.widgets.search_panel import SearchPanel

    TabView = RecordTab | CompareTab | BodyTab

TABS_PAGE, RESULTS_PAGE = 0, 1
# Shorter tab labels where the full title is long (the tooltip has the full one).
TAB_LABELS = {"expectations": "Expectations", "faqs": "Questions", "body": "Body"}
HOME_TAB = 0
MAX_RECENT = 8
HOME_ENTRY: Entry = ("home", "", "")


class MainWindow(QMainWindow):
    """Where the front desk lives all day."""

    searchShown = Signal(object)  # SearchResult, once it is on screen

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.setWindowTitle("Filiform")
        self.setWindowIcon(app_icon())
        self.setMinimumSize(760, 520)
        self.resize(1200, 800)
        self.history = History()
        self._navigating = False
        self._switching = False
        self.setStyleSheet(window_style(prefs.clamp_text_size(prefs.get_int(prefs.TEXT_SIZE))))

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(10, 8, 10, 4)
        outer.setSpacing(6)

        self.read_only_banner = ReadOnlyBanner()
        outer.addWidget(self.read_only_banner)
        self.update_read_only_banner()
        self.notice_banner = NoticeBanner()
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
        self.home_button = QToolButton()
        top.addWidget(self.back_button)
        top.addWidget(self.forward_button)
        top.addWidget(self.home_button)
        top.addWidget(self.search_box, 1)
        outer.addLayout(top)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Sections")
        self.tabs.setDocumentMode(True)
        # Every tab stays in sight on a small screen: labels shorten, no scroll arrows.
        self.tabs.setUsesScrollButtons(False)
        self.tabs.tabBar().setElideMode(Qt.TextElideMode.ElideRight)
        self.tabs.setIconSize(QSize(14, 14))
        self.tab_fit = TabIconsWhenRoom(self.tabs, QSize(14, 14))
        self.home = HomePage(store)
        self.tabs.addTab(self.home, self.home.title)
        self.tabs.setTabToolTip(HOME_TAB, "Alt+Home")
        self.home.linkActivated.connect(self.open_record)
        self.home.compareRequested.connect(self.show_compare)
        self.home.set_recent(_load_recent())
        # The record tabs are built when first shown or asked for (lazy_tabs.py).
        self.views: LazyViews[TabView] = LazyViews(
            self.tabs,
            TAB_SPECS,
            self._build_view,
            lambda spec: TAB_LABELS.get(spec.name, spec.title),
        )
        for i in range(self.tabs.count()):
            self.tabs.setTabIcon(i, icon(TAB_ICONS.get(self._tab_name(i), "")))
        for i, spec in enumerate(self.views.specs(), start=1):
            key = f"Ctrl+{i}" if i <= 9 else EXTRA_TAB_SHORTCUTS.get(spec.name)
            self.tabs.setTabToolTip(i, f"{spec.title} ({key})" if key else spec.title)

        # The results page is built when a person first types (search_panel).
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tabs)
        outer.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.search = SearchController(
            self.search_box, self._build_search_panel, store.path, host=self, parent=self
        )
        self.search.shown.connect(self.searchShown)
        self.searcher = self.search.searcher
        self._timer = self.search.timer  # the debounce timer (benchmarks skip its wait)
        self.zoom = TextZoom(self._sized_views, self.statusBar().showMessage, self._restyle)

        self.menu_registry = MenuRegistry(self)
        self.menus = self.menu_registry.menus
        self.actions_by_name = self.menu_registry.actions
        self._build_menus()
        self.edit_form: QWidget | None = None  # the open record form, if any
        self.history_dialog: QWidget | None = None
        self.hidden_dialog: QWidget | None = None
        self.guide_dialog: QWidget | None = None
        edit_menu.install(self)
        guide_actions.install(self)
        self.home.set_add_question_action(self.actions_by_name["new_clinic_question"])
        self.home.set_guide_action(self.actions_by_name.get("approach_guide"))
        for name, file in ACTION_ICONS.items():
            if name in self.actions_by_name:
                self.actions_by_name[name].setIcon(icon(file))
        self.back_button.setDefaultAction(self.actions_by_name["back"])
        self.forward_button.setDefaultAction(self.actions_by_name["forward"])
        self.home_button.setDefaultAction(self.actions_by_name["home"])
        self.actions_by_name["home"].setToolTip("Home (Alt+Home)")
        self.back_button.setAccessibleName("Back")
        self.forward_button.setAccessibleName("Forward")
        self.home_button.setAccessibleName("Home")

        self.location_label = QLabel()
        self.location_label.setAccessibleName("Content version and database file")
        self.statusBar().addPermanentWidget(self.location_label)
        self.update_status()

        self.zoom.apply()
        restore_geometry(self)
        # The window always opens on the home page: the questions asked all day.
        self.tabs.setCurrentIndex(HOME_TAB)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self._push_current()
        self._update_history_actions()

    # menus and shortcuts ----------------------------------------------------

    def _build_menus(self) -> None:
        """File, View, Go and Help; the action modules add theirs through the registry."""
        menus = self.menu_registry
        for key, title in (("file", "&File"), ("view", "&View"), ("go", "&Go"), ("help", "&Help")):
            menus.menu(key, title)

        print_menu.install(self)
        quit_action = menus.add("quit", "&Quit", self.close, menu="file")
        quit_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Quit))
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        menus.add("zoom_in", "Larger text", self.zoom.zoom_in, ["Ctrl+=", "Ctrl++"], "view")
        menus.add("zoom_out", "Smaller text", self.zoom.zoom_out, ["Ctrl+-"], "view")
        menus.add("zoom_reset", "Normal text size", self.zoom.reset, ["Ctrl+0"], "view")
        menus.separator("view")
        menus.add("home", "&Home", self.show_home, ["Alt+Home"], "view")
        for i in range(1, self.tabs.count()):
            extra = EXTRA_TAB_SHORTCUTS.get(self._tab_name(i))
            shortcuts = [f"Ctrl+{i}"] if i <= 9 else ([extra] if extra else None)
            menus.add(
                f"tab_{i}",
                self.tabs.tabText(i),
                lambda _=False, i=i: self.show_tab(i),
                shortcuts,
                "view",
            )

        menus.add("search", "&Search", self.search.focus, ["Ctrl+K", "Ctrl+F", "/"], "go")
        menus.menus["go"].addAction(menus.actions["home"])
        menus.add("back", "&Back", self.go_back, ["Alt+Left"], "go")
        menus.add("forward", "&Forward", self.go_forward, ["Alt+Right"], "go")
        menus.actions["back"].setToolTip("Back (Alt+Left)")
        menus.actions["forward"].setToolTip("Forward (Alt+Right)")

        menus.add("about", "&About Filiform", self.show_about, menu="help")
        about_qt = menus.add("about_qt", "About &Qt", self.show_about_qt, menu="help")
        about_qt.setMenuRole(QAction.MenuRole.AboutQtRole)
        menus.actions["about"].setMenuRole(QAction.MenuRole.AboutRole)

    # status and banner --------------------------------------------------------

    def update_status(self) -> None:
        """The content version; where the database lives is in the tooltip and the About box."""
        version = self.store.content_version or "unknown"
        self.location_label.setText(f"Content {version}")
        self.location_label.setToolTip(f"Database: {self.store.path}")

    def update_read_only_banner(self) -> None:
        """Show why editing is off when the database is read-only."""
        self.read_only_banner.show_reason(self.store.read_only, self.store.read_only_reason)

    def show_notices(self, notices: list[str]) -> None:
        """Show what a person should know about the database, until dismissed."""
        self.notice_banner.show_notices(notices)

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox  # dialogs load when first opened

        from desktop.dialogs.about import about_html

        QMessageBox.about(
            self, "About Filiform", about_html(self.store.content_version, str(self.store.path))
        )

    def show_about_qt(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.aboutQt(self)

    # views ------------------------------------------------------------------------

    def _build_view(self, cls: type[TabView]) -> TabView:
        """Make a record tab when it is first needed, wired and sized like the rest."""
        from desktop.views.base import RecordTab  # loaded with the first tab built
        from desktop.views.compare import CompareTab

        view = cls(self.store)
        view.linkActivated.connect(self.open_record)
        if isinstance(view, CompareTab):
            view.pairChosen.connect(self._on_pair_chosen)
        else:
            view.recordChosen.connect(self._on_record_chosen)
        if isinstance(view, RecordTab):
            restore_splitter(view)
        view.set_text_size(self.zoom.size)
        return view

    def view(self, name: str) -> TabView:
        """The tab called `name` ("modalities", "points", "compare", ...)."""
        return self.views[name]

    def _tab_name(self, index: int) -> str:
        return str(getattr(self.tabs.widget(index), "name", ""))

    def current_view(self) -> TabView | HomePage:
        return self.tabs.currentWidget()  # type: ignore[return-value]  # the bar holds only these

    def show_tab(self, index: int) -> None:
        self.search.cancel_pending()
        self.show_tabs_page()
        if 0 <= index < self.tabs.count():
            self.tabs.setCurrentIndex(index)
            self._focus(self.current_view())

    def show_home(self) -> None:
        """The home page: pinned and common questions, the glance, recent records."""
        self.show_tab(HOME_TAB)

    def home_visible(self) -> bool:
        return not self.results_visible() and self.tabs.currentIndex() == HOME_TAB

    def _focus(self, view: QWidget) -> None:
        """Keys go where a person reads: a tab's list, Compare's first choice, the page."""
        for part in ("list", "combo_a"):
            target = getattr(view, part, None)
            if target is not None:
                target.setFocus()
                return
        view.setFocus()

    def show_tabs_page(self) -> None:
        self.stack.setCurrentIndex(TABS_PAGE)

    def results_visible(self) -> bool:
        return self.stack.currentIndex() == RESULTS_PAGE

    def _tab_for_kind(self, kind: str) -> RecordTab | None:
        """The tab that lists records of `kind` (built now if it was not yet)."""
        spec = self.views.spec_for_kind(kind)
        if spec is None:
            return None
        from desktop.views.base import RecordTab  # loaded with the tab

        view = self.views[spec.name]
        return view if isinstance(view, RecordTab) else None

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
        self._remember_recent(*view.current_record() or (kind, key))
        return True

    def show_compare(self, a: str, b: str) -> bool:
        from desktop.views.compare import CompareTab  # loaded with the tab

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

    def current_record(self) -> tuple[str, str] | None:
        """The record on screen, which the Edit menu acts on: (kind, key) of the
        selected search hit, or of the record in the current tab's detail pane."""
        if self.results_visible():
            hit = self.search.panel.current_hit()
            return (hit.kind, hit.key) if hit is not None else None
        return self.current_view().current_record()

    def current_handout(self) -> tuple[str, dict[str, Any]] | None:
        """What Ctrl+P prints for what is on screen.

        ("record", {"kind", "key"}) for the record on screen
        (`current_record`), ("compare", {"a", "b"}) on the Compare tab, or None.
        """
        if self.results_visible():
            shown = self.current_record()
            return ("record", {"kind": shown[0], "key": shown[1]}) if shown else None
        return self.current_view().current_handout()

    def refresh_all(self) -> None:
        """Re-read every list and detail pane (after an edit or an import)."""
        for view in self.views.built_views():  # a tab built later reads fresh data
            view.refresh()
        self.home.refresh()
        if self.search.panel_built:
            self.answer.refresh()
        self.update_status()
        self.update_read_only_banner()
        if self.search_box.text().strip():
            self.run_search()

    # history ------------------------------------------------------------------------

    def _current_entry(self) -> Entry | None:
        view = self.current_view()
        if isinstance(view, HomePage):
            return HOME_ENTRY
        if view.name == "compare":
            from desktop.views.compare import CompareTab  # loaded with the tab

            assert isinstance(view, CompareTab)
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

    def _on_record_chosen(self, kind: str, key: str) -> None:
        self._push_current()
        self._remember_recent(kind, key)

    def _remember_recent(self, kind: str, key: str) -> None:
        """Records opened lately, newest first, for the home page (this computer only)."""
        recent = [(kind, key)] + [r for r in _load_recent() if r != (kind, key)]
        recent = recent[:MAX_RECENT]
        prefs.set_value(prefs.RECENT, [f"{k}/{r}" for k, r in recent])
        self.home.set_recent(recent)

    def _on_pair_chosen(self, _a: str, _b: str) -> None:
        self._push_current()

    def _on_tab_changed(self, _index: int) -> None:
        self._push_current()

    def _go(self, entry: Entry | None) -> None:
        if entry is None:
            return
        self._navigating = True
        try:
            if entry[0] == "compare":
                self.show_compare(entry[1], entry[2])
            elif entry[0] == "home":
                self.show_home()
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

    # search (the work is in desktop/window/search.py) -------------------------------

    def _build_search_panel(self) -> SearchPanel:
        """The results page with its answer pane, made when a person first types: the
        debounce wait hides the ~20 ms it takes, and a start-up does not pay it."""
        from desktop.widgets.search_panel import SearchPanel

        panel = SearchPanel()
        panel.answer.set_renderer(self._render_record)
        panel.answer.linkActivated.connect(self.open_record)
        panel.answer.printRequested.connect(self.actions_by_name["print"].trigger)
        panel.answer.set_text_size(self.zoom.size)
        self.stack.addWidget(panel)
        return panel

    @property
    def search_panel(self) -> SearchPanel:
        """The search results page (built on first use)."""
        return self.search.panel

    @property
    def answer(self) -> AnswerPane:
        """The answer beside the search results (built with the results page)."""
        return self.search.panel.answer

    @property
    def last_search_ms(self) -> float | None:
        return self.search.last_search_ms

    def focus_search(self) -> None:
        self.search.focus()

    def run_search(self) -> None:
        self.search.run()

    def show_results_page(self) -> None:
        self.stack.setCurrentWidget(self.search.panel)

    def open_hit(self, hit: Hit) -> None:
        if self.open_record(hit.kind, hit.key):
            self._focus(self.current_view())

    def focus_current_view(self) -> None:
        self._focus(self.current_view())

    # text size and remembered state ---------------------------------------------------

    @property
    def text_size(self) -> int:
        return self.zoom.size

    def _sized_views(self) -> list[Any]:
        answer = [self.answer] if self.search.panel_built else []
        return [self.home, *answer, *self.views.built_views()]

    def _render_record(self, kind: str, key: str) -> DetailPage | None:
        """A record's page as its tab shows it, for the answer pane: rendered by the
        tab's class, so reading answers never builds a tab nobody opened."""
        spec = self.views.spec_for_kind(kind)
        if spec is None:
            return None
        cls = spec.load()
        return cls.page(self.store.db, *cls.resolve_in(self.store.db, kind, key))

    def _restyle(self, points: int) -> None:
        # Setting the same sheet again re-polishes every widget for nothing (it
        # was the costliest call of a start-up, which sets the size twice).
        sheet = window_style(points)
        if sheet != self.styleSheet():
            self.setStyleSheet(sheet)
            self.tab_fit.fit()  # larger text may no longer leave room for icons

    def _record_tabs(self) -> list[RecordTab]:
        built = self.views.built_views()
        if not built:
            return []
        from desktop.views.base import RecordTab  # loaded with the first tab built

        return [v for v in built if isinstance(v, RecordTab)]

    def save_state(self) -> None:
        save_state(self, self._record_tabs(), self.zoom.size)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.search.panel_built:
            self.answer.clear()  # no answer is rendered after the window (and its database) closes
        self.save_state()
        self.search.stop()
        super().closeEvent(event)


def _load_recent() -> list[tuple[str, str]]:
    """Records opened lately on this computer ("kind/key" strings in QSettings)."""
    value = prefs.settings().value(prefs.RECENT, [])
    items = [value] if isinstance(value, str) else list(value or [])
    found = []
    for item in items:
        kind, _, key = str(item).partition("/")
        if kind and key:
            found.append((kind, key))
    return found[:MAX_RECENT]
