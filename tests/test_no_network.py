"""Filiform never opens a network connection: not the window, not any CLI verb."""

from __future__ import annotations

import io
import socket
import sys

import pytest

from desktop.cli.verbs import run


@pytest.fixture
def no_network(monkeypatch):
    """Record (and refuse) every attempt to reach the network."""
    attempts: list[str] = []

    def refuse(name):
        def blocked(*args, **kwargs):
            attempts.append(f"{name}{args[1:] if name.startswith('socket.') else args}")
            raise OSError("network access is not allowed in Filiform")

        return blocked

    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    return attempts


def test_every_cli_verb_works_offline(no_network, db_path, tmp_path):
    pack = tmp_path / "pack.json"
    verbs = [
        ["search", "how long do the needles stay in", "--json"],
        ["check"],
        ["export", str(pack)],
        ["import", str(pack)],
        ["handout", "--list"],
    ]
    for verb in verbs:
        out, err = io.StringIO(), io.StringIO()
        code = run(["--db", str(db_path), *verb], out, err)
        assert code == 0, (verb, err.getvalue())
    assert no_network == []


def test_the_window_opens_offline_and_loads_no_network_module(no_network, store, qtbot):
    from desktop.window.main_window import MainWindow

    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.keyClicks(window.search_box, "twitch")
    qtbot.waitUntil(lambda: "twitch" in window.search_box.text())
    assert no_network == []
    assert "PySide6.QtNetwork" not in sys.modules
