"""Search as a person types: keystroke -> debounce -> worker thread -> results panel.

`SearchBox` is the field (arrows move through hits, Enter opens, Esc clears).
`SearchController` builds the results panel at the first keystroke (a
start-up never pays for it; the debounce wait hides it), waits
SEARCH_DEBOUNCE_MS after the last keystroke, asks the
worker thread (`desktop.window.search_worker.Searcher`, which calls
`db.search.search`) for hits, drops answers to a query no longer in the box,
and shows the rest in the results panel. The window it serves is seen only as
a `SearchHost`: it switches pages and opens hits; the controller never
imports it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit

from desktop.window.search_worker import Searcher

if TYPE_CHECKING:  # the results panel and the search code load at the first keystroke
    from db.search import Hit, SearchResult
    from desktop.widgets.search_panel import SearchPanel

SEARCH_DEBOUNCE_MS = 150
SEARCH_LIMIT = 50


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


class SearchHost(Protocol):
    """What the controller asks of the window around it."""

    def show_results_page(self) -> None: ...

    def show_tabs_page(self) -> None: ...

    def results_visible(self) -> bool: ...

    def open_hit(self, hit: Hit) -> None: ...

    def focus_current_view(self) -> None: ...


class SearchController(QObject):
    """Debounces the box, runs searches off the GUI thread and shows the answers."""

    shown = Signal(object)  # SearchResult, once it is on screen

    def __init__(
        self,
        box: SearchBox,
        make_panel: Callable[[], SearchPanel],
        db_path: Path,
        host: SearchHost,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.box = box
        self.host = host
        self._make_panel = make_panel
        self._panel: SearchPanel | None = None
        self._open_when_ready = False
        self._started = 0.0
        self.last_search_ms: float | None = None
        self.searcher = Searcher(db_path, parent)
        self.searcher.resultReady.connect(self._show_result)
        self.timer = QTimer(parent, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self.timer.timeout.connect(self.run)
        box.textChanged.connect(self._on_text_changed)
        box.navigate.connect(self._on_navigate)
        box.openRequested.connect(self.open_current_hit)
        box.escapePressed.connect(self._on_escape)
        box.focused.connect(self._on_focused)

    @property
    def panel(self) -> SearchPanel:
        """The results panel, built the first time it is needed."""
        return self._panel if self._panel is not None else self._build_panel()

    def _build_panel(self) -> SearchPanel:
        panel = self._panel = self._make_panel()
        panel.hitActivated.connect(self.host.open_hit)
        panel.kindsChanged.connect(self.run)
        panel.suggestionChosen.connect(self.box.setText)
        panel.list.installEventFilter(self)
        return panel

    @property
    def panel_built(self) -> bool:
        return self._panel is not None

    def focus(self) -> None:
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def _on_text_changed(self, text: str) -> None:
        if not text.strip():
            self.timer.stop()
            self._open_when_ready = False
            self.searcher.cancel()  # an answer still on its way is now stale
            if self._panel is not None:
                from db.search import SearchResult

                self._panel.show_result(SearchResult(query=""))
            self.host.show_tabs_page()
            return
        self.timer.start()
        if self._panel is None:
            self._build_panel()  # now, while the debounce timer waits
        self._panel.typing()  # the answer beside the hits waits until typing pauses

    def run(self) -> None:
        """Ask the search thread for hits for what is in the box now."""
        self.timer.stop()
        text = self.box.text()
        if not text.strip():
            return
        self._started = time.perf_counter()
        self.searcher.request(text, self.panel.kinds() or None, SEARCH_LIMIT)

    def cancel_pending(self) -> None:
        """The person went to a tab while a search was on its way: its results must
        not come back over the tab (they show again on the next keystroke)."""
        self.timer.stop()
        self._open_when_ready = False
        self.searcher.cancel()

    def _show_result(self, result: SearchResult) -> None:
        if not result.query.strip() or result.query != self.box.text():
            return
        self.panel.show_result(result)
        self.host.show_results_page()
        self.last_search_ms = (time.perf_counter() - self._started) * 1000
        self.shown.emit(result)
        if self._open_when_ready:
            self._open_when_ready = False
            self.open_current_hit()

    def _pending(self) -> bool:
        if self.timer.isActive() or self._panel is None:
            return True
        shown = self._panel.model.result
        return shown is None or shown.query != self.box.text()

    def open_current_hit(self) -> None:
        """Enter in the search box: open the selected hit (waiting for results if needed)."""
        if not self.box.text().strip():
            return
        if self._pending():
            self._open_when_ready = True
            if self.timer.isActive():
                self.run()
            return
        hit = self.panel.current_hit()
        if hit is not None:
            self.host.open_hit(hit)

    def _on_navigate(self, step: int) -> None:
        if self._panel is None:
            return  # nothing was typed yet: no results to move through
        if self.box.text().strip() and not self.host.results_visible():
            if self.panel.model.rowCount():
                self.host.show_results_page()
            return
        self.panel.move_selection(step)

    def _on_escape(self) -> None:
        if self.box.text():
            self.box.clear()
        else:
            self.host.show_tabs_page()
            self.host.focus_current_view()

    def _on_focused(self) -> None:
        if self._panel is None:
            return
        result = self._panel.model.result
        if result is not None and result.query == self.box.text() and result.query.strip():
            self.host.show_results_page()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Esc in the results list clears the search and goes back to the box."""
        if (
            self._panel is not None
            and watched is self._panel.list
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            self.box.clear()
            self.box.setFocus()
            return True
        return super().eventFilter(watched, event)

    def stop(self) -> None:
        self.searcher.stop()
