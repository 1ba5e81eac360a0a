"""The connection Filiform reads through: plain sqlite3, sqlite-utils only for writes.

sqlite-utils makes migrations, content installs, imports and edits short and
safe, but importing it costs a start-up ~70 ms and ~16 MB (it pulls in click,
dateutil and pluggy), and a warm start, a search or a detail pane only runs
SQL. So `Database` answers `execute` and `query` itself, straight on the
`sqlite3` connection, and builds the `sqlite_utils.Database` over the same
connection only when something asks for more (a table object, `atomic()`,
`executescript`): the write path keeps sqlite-utils, the read path never
imports it.

Behaviour is the same as `sqlite_utils.Database(conn)`: the connection gets
the `recursive_triggers` pragma sqlite-utils sets, and `execute` / `query`
pass parameters and yield rows exactly as sqlite-utils does.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite_utils

Params = Iterable[Any] | dict[str, Any] | None
TRANSACTION_CONTROL = {"BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE"}


def first_keyword(sql: str) -> str:
    """The statement's first keyword, upper-cased, after spaces, `;` and comments."""
    i, n = 0, len(sql)
    while i < n:
        if sql[i].isspace() or sql[i] in (";", "\ufeff"):
            i += 1
        elif sql.startswith("--", i):
            newline = sql.find("\n", i)
            if newline == -1:
                return ""
            i = newline + 1
        elif sql.startswith("/*", i):
            end = sql.find("*/", i + 2)
            if end == -1:
                return ""
            i = end + 2
        else:
            break
    j = i
    while j < n and (sql[j].isalpha() or sql[j] == "_"):
        j += 1
    return sql[i:j].upper()


def _unique_keys(keys: list[str]) -> list[str]:
    """Column names made unique (`name`, `name_2`, ...), as sqlite-utils does."""
    if len(set(keys)) == len(keys):
        return keys
    taken, seen, result = set(keys), set(), []
    for key in keys:
        new_key, suffix = key, 2
        while key in seen and (new_key in seen or new_key in taken):
            new_key = f"{key}_{suffix}"
            suffix += 1
        seen.add(new_key)
        result.append(new_key)
    return result


class Database:
    """A sqlite3 connection with sqlite-utils' read methods; the rest on demand."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._full: sqlite_utils.Database | None = None
        conn.execute("PRAGMA recursive_triggers=on;")  # as sqlite_utils.Database does

    def execute(self, sql: str, parameters: Params = None) -> sqlite3.Cursor:
        """Run one statement, as `sqlite_utils.Database.execute` does: a write that
        opened a transaction of its own is committed, a failed one rolled back."""
        conn = self.conn
        was_in_transaction = conn.in_transaction
        try:
            args = () if parameters is None else (parameters,)
            cursor = conn.execute(sql, *args)
        except Exception:
            if not was_in_transaction and conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        if (
            not was_in_transaction
            and conn.in_transaction
            and cursor.description is None
            and first_keyword(sql) not in TRANSACTION_CONTROL
        ):
            conn.execute("COMMIT")
        return cursor

    def query(self, sql: str, params: Params = None) -> Iterator[dict[str, Any]]:
        """Rows as dicts, like `sqlite_utils.Database.query`. A SELECT runs here;
        anything else (a PRAGMA, a write with RETURNING) goes to sqlite-utils,
        which guards it."""
        if first_keyword(sql) != "SELECT":
            return self.full.query(sql, params)
        cursor = self.conn.execute(sql, params if params is not None else ())  # type: ignore[arg-type]
        keys = _unique_keys([d[0] for d in cursor.description or ()])
        return (dict(zip(keys, row, strict=True)) for row in cursor)

    def has_table(self, name: str) -> bool:
        """Whether a table of that name exists (`db[name].exists()` without sqlite-utils)."""
        row = self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name]
        ).fetchone()
        return row is not None

    def close(self) -> None:
        self.conn.close()

    @property
    def full(self) -> sqlite_utils.Database:
        """The sqlite-utils Database over this connection (imported the first time)."""
        if self._full is None:
            import sqlite_utils

            # recursive_triggers is already on; plugins load as they always did.
            self._full = sqlite_utils.Database(self.conn, recursive_triggers=False)
        return self._full

    def __getitem__(self, table_name: str) -> Any:
        return self.full[table_name]

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in ("conn", "_full"):
            raise AttributeError(name)
        return getattr(self.full, name)


def full_database(db: Database | sqlite_utils.Database) -> sqlite_utils.Database:
    """The sqlite-utils Database behind `db`, for code that hands it to sqlite-utils."""
    return db.full if isinstance(db, Database) else db
