"""Filiform's own errors: one base type, and SQLite's errors turned into a sentence.

Every exception the project raises for a person derives from `FiliformError`,
and its text is one sentence that person can act on; the window shows it in
a dialog or a status line, the CLI prints it on stderr. `sqlite3` errors do
not leave `db/` as they are: the read API the window and the CLI call
(`db/lists.py`, `db.search.search`, `db.records`, the clinic settings) wraps
them in `StorageError`, which says what could not be done and why, and
keeps the original as its cause for the log file. docs/ARCHITECTURE.md
describes where errors are caught.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


class FiliformError(Exception):
    """Base of Filiform's own errors; the message is one sentence for a person."""


class StorageError(FiliformError, sqlite3.DatabaseError):
    """The database could not be read or written (a wrapped `sqlite3` error).

    It is also a `sqlite3.DatabaseError`, so code that already handled SQLite's
    errors still handles it.
    """


def is_lock(error: BaseException) -> bool:
    """True if SQLite refused because another connection holds the file (not damage)."""
    text = str(error).lower()
    return "locked" in text or "busy" in text


def _why(error: sqlite3.Error) -> str:
    text = str(error).lower()
    if is_lock(error):
        return "another program is using the database file; try again in a moment"
    if "readonly" in text or "read-only" in text:
        return "the database file is read-only"
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return "the database file is damaged; File > Restore from backup can bring back a copy"
    if "disk" in text and "full" in text:
        return "the disk is full"
    return f"SQLite said: {error}"


def storage_error(error: sqlite3.Error, doing: str) -> StorageError:
    """One sentence for a person: what could not be done, and why."""
    if isinstance(error, StorageError):
        return error
    wrapped = StorageError(f"Filiform could not {doing}: {_why(error)}.")
    wrapped.__cause__ = error
    return wrapped


@contextmanager
def storage(doing: str) -> Iterator[None]:
    """Turn a `sqlite3` error raised inside the block into a `StorageError`."""
    try:
        yield
    except StorageError:
        raise
    except sqlite3.Error as e:
        raise storage_error(e, doing) from e


def wraps_storage(doing: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorate a public read of `db/` so SQLite's errors leave it as `StorageError`."""

    def decorate(function: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(function)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            with storage(doing):
                return function(*args, **kwargs)

        return wrapper

    return decorate
