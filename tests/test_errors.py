"""Filiform's errors: one base type, SQLite's errors as a sentence, and a log file."""

from __future__ import annotations

import importlib
import inspect
import io
import logging
import os
from pathlib import Path

import pytest

from db import lists
from db.connection import open_store
from db.errors import FiliformError, StorageError
from db.lists import Column, ListQuery
from desktop.cli.verbs import COMMANDS, run
from desktop.logfile import LOG_NAME, start_logging, stop_logging
from desktop.widgets.search_panel import SearchPanel
from desktop.window.search_worker import Searcher
from tests.test_architecture import project_modules


def test_every_exception_of_the_project_is_a_filiform_error():
    found = []
    for name in project_modules():
        if name == "main" or name.startswith("desktop.window"):
            continue  # the window's modules define no exceptions (and import Qt widgets)
        module = importlib.import_module(name)
        for _attr, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, BaseException) and value.__module__ == name:
                found.append(value)
    assert len(found) >= 10  # the scan sees the project's errors
    strays = [f"{c.__module__}.{c.__name__}" for c in found if not issubclass(c, FiliformError)]
    assert strays == []


def test_a_database_error_leaves_db_as_one_sentence(store):
    store.db.execute("DROP TABLE faqs")
    with pytest.raises(StorageError) as caught:
        lists.row_ids(store.db, ListQuery("faqs", [Column("Question", "question")]))
    assert isinstance(caught.value, FiliformError)
    assert (
        str(caught.value) == "Filiform could not read the list: SQLite said: no such table: faqs."
    )
    assert caught.value.__cause__ is not None  # the original stays for the log


def test_a_search_that_cannot_read_the_file_says_so_instead_of_no_results(qtbot, tmp_path):
    broken = tmp_path / "filiform.sqlite3"
    broken.write_bytes(b"this is not a database, " * 200)
    searcher = Searcher(broken)
    panel = SearchPanel()
    qtbot.addWidget(panel)
    try:
        with qtbot.waitSignal(searcher.resultReady, timeout=5000) as answer:
            searcher.request("needle")
    finally:
        searcher.stop()
    result = answer.args[0]
    assert not result.hits
    assert result.problem and "damaged" in result.problem
    panel.show_result(result)
    message = panel.message.text()
    assert "The search did not run" in message and "damaged" in message
    assert "No results" not in message


def test_an_unexpected_cli_failure_is_one_sentence_and_a_traceback_in_the_log(db_path, monkeypatch):
    def explode(args, out):
        raise RuntimeError("the gremlin")

    monkeypatch.setitem(COMMANDS, "search", explode)
    out, errors = io.StringIO(), io.StringIO()
    code = run(["--db", str(db_path), "search", "needle"], out, errors)
    err = errors.getvalue()
    assert code == 1
    assert err.count("\n") == 1 and "the gremlin" in err and "please report it" in err
    log_file = start_logging()
    assert log_file is not None and log_file.name == LOG_NAME
    assert str(log_file) in err
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = log_file.read_text(encoding="utf-8")
    assert "Traceback" in text and "RuntimeError: the gremlin" in text


def test_the_log_file_lives_in_the_redirected_user_folder_never_the_real_one():
    log_file = start_logging()
    assert log_file is not None
    assert Path(os.environ["XDG_STATE_HOME"]) in log_file.parents


def test_starting_the_log_twice_keeps_one_file_and_a_folder_that_cannot_be_made_is_no_failure(
    tmp_path,
):
    stop_logging()
    try:
        first = start_logging(tmp_path / "logs")
        assert start_logging(tmp_path / "other") == first
        ours = [h for h in logging.getLogger().handlers if getattr(h, "filiform_log", False)]
        assert len(ours) == 1
        stop_logging()
        blocker = tmp_path / "file"
        blocker.write_text("x")
        assert start_logging(blocker / "logs") is None
    finally:
        stop_logging()


def test_a_damaged_database_put_aside_at_start_up_is_in_the_log(db_path, caplog):
    path = db_path
    path.write_bytes(path.read_bytes()[:4096] + b"\xde\xad" * 40000)
    with caplog.at_level(logging.WARNING, logger="db.connection"):
        store = open_store(path)
    store.close()
    assert any(
        "was damaged" in r.getMessage() and "moved to" in r.getMessage() for r in caplog.records
    )


def test_a_log_past_its_size_is_put_aside_at_the_next_start_and_only_three_old_ones_kept(
    tmp_path,
):
    from desktop.logfile import BACKUP_COUNT, MAX_BYTES

    folder = tmp_path / "logs"
    folder.mkdir()
    stop_logging()
    try:
        for run in range(BACKUP_COUNT + 2):
            (folder / LOG_NAME).write_text(f"run {run}\n" + "x" * MAX_BYTES, encoding="utf-8")
            assert start_logging(folder) == folder / LOG_NAME
            logging.getLogger("filiform.test").warning("started run %s", run + 1)
            stop_logging()
        text = (folder / LOG_NAME).read_text(encoding="utf-8")
        assert "started run" in text and "x" * 100 not in text  # a fresh, small file
        kept = sorted(p.name for p in folder.iterdir())
        assert kept == [LOG_NAME] + [f"{LOG_NAME}.{i}" for i in range(1, BACKUP_COUNT + 1)]
        newest_old = (folder / f"{LOG_NAME}.1").read_text(encoding="utf-8")
        assert newest_old.startswith(f"run {BACKUP_COUNT + 1}\n")  # the last run's big log
        oldest = (folder / f"{LOG_NAME}.{BACKUP_COUNT}").read_text(encoding="utf-8")
        assert oldest.startswith("run 2\n")  # runs 0 and 1 were dropped
    finally:
        stop_logging()
