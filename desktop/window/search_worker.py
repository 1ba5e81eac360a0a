"""Search off the UI thread, so typing never waits for the database.

A single Python worker thread owns its own read-only SQLite connection (a
connection belongs to the thread that opened it). Answers come back through a
queue; the worker then emits a signal, which Qt delivers as a queued call in
the UI thread, where the queue is drained. Each request carries a number, and
only the answer to the newest one is shown, so a slow answer to an old query
never replaces a newer one.
"""

from __future__ import annotations

import logging
import queue
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal

from db.connection import open_reader
from db.database import Database
from db.errors import FiliformError

if TYPE_CHECKING:  # the search code loads with the first search (in the worker thread)
    from db.search import SearchResult

log = logging.getLogger(__name__)


class _Reader:
    """State of the worker thread: its connection, opened on first use."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.db: Database | None = None

    def search(self, text: str, kinds: list[str], limit: int) -> tuple[SearchResult, float]:
        from db.search import SearchResult, search

        started = time.perf_counter()
        try:
            if self.db is None:
                self.db = open_reader(self.path)
            result = search(self.db, text, kinds or None, limit)
        except FiliformError as e:
            # Not "no results": the person is told the search failed, and the log says why.
            log.warning("search for %r failed: %s", text, e, exc_info=e.__cause__ or e)
            result = SearchResult(query=text, problem=str(e))
        return result, time.perf_counter() - started

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None


class Searcher(QObject):
    """Runs searches in the worker thread; emits `resultReady` for the newest request."""

    resultReady = Signal(object)  # SearchResult, emitted in the UI thread
    _answered = Signal()  # emitted by the worker thread; queued to the UI thread

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._latest = 0
        self._pending = 0
        self.last_seconds = 0.0
        self._reader = _Reader(Path(db_path))
        self._executor: ThreadPoolExecutor | None = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="filiform-search"
        )
        self._answers: queue.SimpleQueue[tuple[int, SearchResult, float]] = queue.SimpleQueue()
        self._answered.connect(self._drain, Qt.ConnectionType.QueuedConnection)

    def request(self, text: str, kinds: list[str] | None = None, limit: int = 50) -> int:
        """Queue a search; returns its request number."""
        self._latest += 1
        number = self._latest
        if self._executor is None:
            return number
        kinds = list(kinds or [])

        def work() -> None:
            result, seconds = self._reader.search(text, kinds, limit)
            self._answers.put((number, result, seconds))
            self._answered.emit()

        self._pending += 1
        self._executor.submit(work)
        return number

    def cancel(self) -> None:
        """Forget every request made so far (their answers are dropped)."""
        self._latest += 1

    @property
    def latest(self) -> int:
        return self._latest

    def _drain(self) -> None:
        newest: tuple[int, SearchResult, float] | None = None
        while True:
            try:
                answer = self._answers.get_nowait()
            except queue.Empty:
                break
            self._pending -= 1
            if answer[0] == self._latest:
                newest = answer
        self._pending = max(self._pending, 0)
        if newest is not None:
            self.last_seconds = newest[2]
            self.resultReady.emit(newest[1])

    def stop(self) -> None:
        """Close the worker's connection and end its thread (idempotent)."""
        executor, self._executor = self._executor, None
        if executor is not None:
            executor.submit(self._reader.close)
            executor.shutdown(wait=True, cancel_futures=True)
