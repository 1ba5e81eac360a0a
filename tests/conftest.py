"""Test set-up: offscreen Qt, user folders redirected, a fresh database per test.

The shipped content is built into a database once per session; each test
gets its own copy of that file, so tests are isolated and still fast.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
_HOME = Path(tempfile.mkdtemp(prefix="filiform-test-home-"))
for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[var] = str(_HOME / var.lower())
os.environ["XDG_RUNTIME_DIR"] = str(_HOME / "runtime")
(_HOME / "runtime").mkdir(mode=0o700)
os.environ.pop("FILIFORM_DB", None)

import pytest  # noqa: E402

from db.connection import Store, open_store  # noqa: E402
from tests.helpers import show_active  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def pytest_unconfigure(config: pytest.Config) -> None:
    """Remove the redirected home folder, so test runs leave nothing in /tmp."""
    shutil.rmtree(_HOME, ignore_errors=True)


@pytest.fixture(scope="session")
def built_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database built once from the shipped content, to copy from."""
    path = tmp_path_factory.mktemp("template") / "filiform.sqlite3"
    store = open_store(path)
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return path


@pytest.fixture
def db_path(built_db: Path, tmp_path: Path) -> Path:
    """Path of a fresh copy of the shipped database for one test."""
    target = tmp_path / "filiform.sqlite3"
    shutil.copyfile(built_db, target)
    return target


@pytest.fixture
def store(db_path: Path):
    """An open Store on a fresh copy of the shipped database."""
    s: Store = open_store(db_path)
    yield s
    s.close()


@pytest.fixture(scope="session", autouse=True)
def _qt_test_mode():
    """Keep QSettings and QStandardPaths away from the real user folders."""
    try:
        from PySide6.QtCore import QStandardPaths
    except ImportError:  # pragma: no cover - Qt is a dependency
        return
    QStandardPaths.setTestModeEnabled(True)


@pytest.fixture(autouse=True)
def settings_file(tmp_path: Path):
    """Every test keeps its window preferences (QSettings) in its own file."""
    from desktop import preferences as prefs

    path = tmp_path / "settings.ini"
    prefs.use_settings_file(path)
    yield path
    prefs.use_settings_file(None)


@pytest.fixture
def window(qtbot, store):
    """The real main window on a fresh database, shown, active and 1200x800."""
    from desktop.window.main_window import MainWindow

    w = MainWindow(store)
    qtbot.addWidget(w)
    w.resize(1200, 800)
    show_active(qtbot, w)
    return w
