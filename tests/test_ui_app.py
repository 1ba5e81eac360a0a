"""Starting the app: a database that cannot be opened is a dialog, not a traceback."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QMessageBox

from desktop import app as desktop_app


def test_unopenable_database_shows_one_clear_dialog(qapp, tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    bad = blocker / "filiform.sqlite3"  # its folder cannot be created
    monkeypatch.setattr(type(qapp), "exec", lambda self: 0)  # never wait on a real event loop
    shown = []
    monkeypatch.setattr(
        QMessageBox, "critical", lambda parent, title, text: shown.append((title, text))
    )
    assert desktop_app.main(["--db", str(bad)]) == 1
    assert len(shown) == 1
    title, text = shown[0]
    assert "cannot open" in title.lower()
    assert str(blocker) in text and "Traceback" not in text
    assert "Traceback" not in capsys.readouterr().err


def test_unexpected_failure_is_also_a_sentence(qapp, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(
        QMessageBox, "critical", lambda parent, title, text: shown.append((title, text))
    )

    def explode(path):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("db.connection.open_store", explode)
    assert desktop_app.open_database(tmp_path / "x.sqlite3") is None
    assert "disk on fire" in shown[0][1]


def test_qt_calls_do_not_leak_references_to_none(qapp):
    """PySide6 6.12 drops a reference to None on every void call under Python
    3.11 and the interpreter aborts after a few thousand; pyproject keeps it out."""
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(20000):
        label.setText("x")
    assert abs(sys.getrefcount(None) - before) < 100
