"""Tables, search index and migrations: the schema lives here and only here.

Every content table is built from `db.kinds`, so a field added there becomes
a column here. Search runs over one table, `search_docs`, that SQL triggers
keep in step with every content table; sqlite-utils' `enable_fts` then keeps
two FTS5 indexes in step with `search_docs`: a stemmed one for matching and an
unstemmed one whose vocabulary feeds "did you mean".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from db.database import full_database
from db.kinds import GUIDE_KINDS, KINDS, Kind

if TYPE_CHECKING:
    from sqlite_utils import Database

SCHEMA_VERSION = 6
MIGRATION_SET = "filiform"

STEMMED_TOKENIZER = "porter unicode61 remove_diacritics 2"
PLAIN_TOKENIZER = "unicode61 remove_diacritics 2"
# Search reads at most this much of each field (and of a title): FTS5's
# snippet and ranking cost grows faster than the text, so one pasted 1 MB
# answer would otherwise stall every search that matches it. Real fields are
# a few thousand characters; the record itself always keeps all of its text.
SEARCH_FIELD_CHARS = 20_000
SEARCH_TITLE_CHARS = 1_000
WORDS_FTS = "search_words_fts"
WORDS_VOCAB = "search_words_vocab"

MIGRATIONS_TABLE = "_sqlite_migrations"  # sqlite-utils' record of what ran


class MigrationSet:
    """Filiform's migrations, registered like `sqlite_utils.Migrations` ones.

    Checking what is pending runs on every start, so it is one plain query;
    applying them (the write path) hands the set to sqlite-utils' `Migrations`,
    which runs each in a transaction with its record.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self.functions: list[tuple[str, Callable[[Any], None]]] = []

    def __call__(self, *, name: str | None = None) -> Callable[[Any], Any]:
        def register(func: Callable[[Any], None]) -> Callable[[Any], None]:
            self.functions.append((name or func.__name__, func))
            return func

        return register

    def _applied_names(self, db: Any) -> set[str]:
        found = db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [MIGRATIONS_TABLE]
        ).fetchone()
        if found is None:
            return set()
        rows = db.execute(
            f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ?", [self.name]
        )
        return {r[0] for r in rows}

    def pending(self, db: Any) -> list[Any]:
        """What has not run on this file (objects with a `name`, as sqlite-utils gives)."""
        done = self._applied_names(db)
        return [_Named(name) for name, _f in self.functions if name not in done]

    def _sqlite_utils(self) -> Any:
        from sqlite_utils import Migrations

        real = Migrations(self.name)
        for name, func in self.functions:
            real(name=name)(func)
        return real

    def applied(self, db: Any) -> list[Any]:
        return self._sqlite_utils().applied(full_database(db))

    def apply(self, db: Any) -> None:
        self._sqlite_utils().apply(full_database(db))


class _Named:
    def __init__(self, name: str) -> None:
        self.name = name


migrations: Any = MigrationSet(MIGRATION_SET)


def _column_type(kind: Kind, field_name: str) -> type:
    return int if kind.field(field_name).type == "int" else str


def _sql_text(kind: Kind, field_name: str, row: str = "new") -> str:
    """SQL that renders one field as plain text (lists joined with '; ')."""
    f = kind.field(field_name)
    col = f'{row}."{field_name}"'
    if f.type in ("list", "reflist"):
        return (
            f"coalesce((SELECT group_concat(value, '; ') FROM json_each("
            f"CASE WHEN json_valid({col}) THEN {col} ELSE '[]' END)), '')"
        )
    return f"coalesce(CAST({col} AS TEXT), '')"


def _title_sql(kind: Kind, row: str) -> str:
    if kind.name == "points":
        return (
            f"CASE WHEN {row}.kind = 'trigger point' THEN {row}.name || ' (trigger point)' "
            f"ELSE {row}.key || coalesce(' ' || nullif({row}.pinyin, ''), '') "
            f"|| ' (' || {row}.name || ')' END"
        )
    return _sql_text(kind, kind.title_field, row)


def _modality_names_sql(kind: Kind, row: str) -> str | None:
    """Names of the modalities a record belongs to, so 'dry needling soreness' finds it."""
    names = kind.field_names
    if "modality" in names:
        return f"coalesce((SELECT m.name FROM modalities m WHERE m.key = {row}.modality), '')"
    if "modalities" in names:
        col = f"{row}.modalities"
        return (
            "coalesce((SELECT group_concat(m.name, '; ') FROM json_each("
            f"CASE WHEN json_valid({col}) THEN {col} ELSE '[]' END) j "
            "JOIN modalities m ON m.key = j.value), '')"
        )
    return None


def _joined(parts: list[str]) -> str:
    return " || char(10) || ".join(parts) if parts else "''"


def search_doc_select(kind: Kind, row: str = "new", from_clause: str = "") -> str:
    """SELECT that yields the search_docs row of a record (`new` in a trigger)."""
    aliases = [_bounded(_sql_text(kind, f, row)) for f in kind.alias_fields]
    modality_names = _modality_names_sql(kind, row)
    if modality_names:
        aliases.append(modality_names)
    body = [_bounded(_sql_text(kind, f, row)) for f in kind.body_fields]
    if kind.name == "regions":
        # A region has no prose: say what it is in a sentence, so a hit reads
        # "Body region: Calf. Also called: calves, ..." rather than a list.
        also = f"replace({_sql_text(kind, 'synonyms', row)}, '; ', ', ')"
        body = [
            _bounded(
                f"'Body region: ' || {row}.name || coalesce('. Also called: ' "
                f"|| nullif({also}, ''), '') || '.'"
            )
        ]
    title = _bounded(_title_sql(kind, row), SEARCH_TITLE_CHARS)
    return (
        f"SELECT '{kind.name}', {row}.key, {title}, {_joined(aliases)}, "
        f"{_joined(body)} {from_clause} WHERE {row}.hidden = 0"
    )


def _bounded(sql: str, chars: int = SEARCH_FIELD_CHARS) -> str:
    """The first `chars` characters of a text expression (see SEARCH_FIELD_CHARS)."""
    return f"substr({sql}, 1, {int(chars)})"


def install_search_triggers(db: Database) -> None:
    """(Re)create the triggers that copy each content table into search_docs.

    Call again after any `table.transform()`, which drops a table's triggers.
    """
    for kind in KINDS.values():
        if not kind.searchable:
            continue
        t = kind.table
        insert = "INSERT INTO search_docs (kind, key, title, aliases, body) " + search_doc_select(
            kind
        )
        delete = f"DELETE FROM search_docs WHERE kind = '{t}' AND key = old.key"
        db.executescript(
            f"""
            DROP TRIGGER IF EXISTS "{t}_search_ai";
            DROP TRIGGER IF EXISTS "{t}_search_ad";
            DROP TRIGGER IF EXISTS "{t}_search_au";
            CREATE TRIGGER "{t}_search_ai" AFTER INSERT ON "{t}" BEGIN {insert}; END;
            CREATE TRIGGER "{t}_search_ad" AFTER DELETE ON "{t}" BEGIN {delete}; END;
            CREATE TRIGGER "{t}_search_au" AFTER UPDATE ON "{t}" BEGIN
                {delete}; {insert};
            END;
            """
        )


def _enable_word_index(db: Database) -> None:
    """An unstemmed index over search_docs whose vocabulary suggests spellings."""
    db.executescript(
        f"""
        CREATE VIRTUAL TABLE IF NOT EXISTS {WORDS_FTS} USING fts5(
            title, aliases, body, content='search_docs', content_rowid='id',
            tokenize='{PLAIN_TOKENIZER}'
        );
        CREATE VIRTUAL TABLE IF NOT EXISTS {WORDS_VOCAB} USING fts5vocab({WORDS_FTS}, 'row');
        DROP TRIGGER IF EXISTS search_words_ai;
        DROP TRIGGER IF EXISTS search_words_ad;
        DROP TRIGGER IF EXISTS search_words_au;
        CREATE TRIGGER search_words_ai AFTER INSERT ON search_docs BEGIN
            INSERT INTO {WORDS_FTS}(rowid, title, aliases, body)
            VALUES (new.id, new.title, new.aliases, new.body);
        END;
        CREATE TRIGGER search_words_ad AFTER DELETE ON search_docs BEGIN
            INSERT INTO {WORDS_FTS}({WORDS_FTS}, rowid, title, aliases, body)
            VALUES ('delete', old.id, old.title, old.aliases, old.body);
        END;
        CREATE TRIGGER search_words_au AFTER UPDATE ON search_docs BEGIN
            INSERT INTO {WORDS_FTS}({WORDS_FTS}, rowid, title, aliases, body)
            VALUES ('delete', old.id, old.title, old.aliases, old.body);
            INSERT INTO {WORDS_FTS}(rowid, title, aliases, body)
            VALUES (new.id, new.title, new.aliases, new.body);
        END;
        """
    )


def _create_kind_table(db: Database, kind: Kind) -> None:
    """A content table with the fields of `kind` plus origin, hidden and updated_at."""
    columns: dict[str, type] = {f.name: _column_type(kind, f.name) for f in kind.fields}
    columns.update(kind.extra_columns)
    columns.update({"origin": str, "hidden": int, "updated_at": str})
    db[kind.table].create(
        columns,
        pk="key",
        not_null={"key", "origin", "hidden"},
        defaults={"origin": "shipped", "hidden": 0},
        if_not_exists=True,
    )


def _record_schema_version(db: Database, version: int) -> None:
    """Record `version` unless the file already says a later one (migrations may land
    in either order on a branch)."""
    rows = list(db.query("SELECT value FROM meta WHERE key = 'schema_version'"))
    if rows and int(rows[0]["value"]) >= version:
        return
    db["meta"].insert({"key": "schema_version", "value": str(version)}, replace=True)


@migrations()
def m001_initial(db: Database) -> None:
    """Content tables from db.kinds, bookkeeping tables and the search index."""
    for kind in KINDS.values():
        _create_kind_table(db, kind)
    db["shipped"].create(
        # data: the latest shipped text; previous: the shipped text it replaced
        # while the clinic's edit was kept (so "a newer shipped text exists").
        {"kind": str, "key": str, "data": str, "content_version": str, "previous": str},
        pk=("kind", "key"),
    )
    db["settings"].create({"key": str, "value": str}, pk="key")
    db["meta"].create({"key": str, "value": str}, pk="key")
    db["revisions"].create(
        {
            "id": int,
            "at": str,
            "table": str,
            "key": str,
            "field": str,
            "old": str,
            "new": str,
            "action": str,
        },
        pk="id",
    )
    db["revisions"].create_index(["table", "key"])
    db["search_docs"].create(
        {"id": int, "kind": str, "key": str, "title": str, "aliases": str, "body": str},
        pk="id",
    )
    db["search_docs"].create_index(["kind", "key"], unique=True)
    db["search_docs"].enable_fts(
        ["title", "aliases", "body"], create_triggers=True, tokenize=STEMMED_TOKENIZER
    )
    _enable_word_index(db)
    install_search_triggers(db)
    db["meta"].insert({"key": "schema_version", "value": "1"}, replace=True)


@migrations()
def m002_point_regions(db: Database) -> None:
    """Body-map region keys on points (where a point lies, where a trigger point refers)."""
    table = db["points"]
    for name in ("regions", "referral_regions"):
        if name not in table.columns_dict:
            table.add_column(name, str)
    install_search_triggers(db)
    db["meta"].insert({"key": "schema_version", "value": "2"}, replace=True)


@migrations()
def m003_bounded_search_text(db: Database) -> None:
    """Search indexes a bounded prefix of each field (SEARCH_FIELD_CHARS), so a
    huge record cannot stall search. Triggers are rewritten and records whose
    text is longer than the bound are indexed again."""
    install_search_triggers(db)
    for kind in KINDS.values():
        if not kind.searchable:
            continue
        names = [*kind.alias_fields, *kind.body_fields]
        long_text = " OR ".join(
            f'length(CAST("{n}" AS TEXT)) > {SEARCH_FIELD_CHARS}' for n in names
        )
        table = f'"{kind.table}"'
        title = f"length({_title_sql(kind, table)}) > {SEARCH_TITLE_CHARS}"
        where = f"{long_text} OR {title}" if long_text else title
        # An update fires the _au trigger, which re-indexes the row bounded.
        db.execute(f'UPDATE "{kind.table}" SET hidden = hidden WHERE {where}')
    _record_schema_version(db, 5)


@migrations()
def m004_guide(db: Database) -> None:
    """Tables of the "Which approach fits me?" guide; a file that already holds the
    shipped content gets the guide's shipped records too (a new file gets them
    with the rest of the content)."""
    for name in GUIDE_KINDS:
        kind = KINDS[name]
        _create_kind_table(db, kind)
        for f in kind.fields:  # a guide table made by an earlier m001 may lack a field
            if f.name not in db[kind.table].columns_dict:
                db[kind.table].add_column(f.name, _column_type(kind, f.name))
    from db.content import install_missing_kinds

    install_missing_kinds(db, GUIDE_KINDS)
    _record_schema_version(db, 4)


@migrations()
def m005_regions(db: Database) -> None:
    """The body map's regions (names, synonyms, shapes); a file that already holds
    the shipped content gets the shipped regions at once."""
    _create_kind_table(db, KINDS["regions"])
    install_search_triggers(db)
    from db.content import install_missing_kinds

    install_missing_kinds(db, ("regions",))
    _record_schema_version(db, 6)


def apply_migrations(db: Database) -> list[str]:
    """Apply pending migrations; returns the names applied (empty if none)."""
    pending = pending_migrations(db)
    if pending:
        migrations.apply(_for(db))
        # Every migration this Filiform knows is applied, whatever order they
        # landed in on a branch: the file is at this version.
        _record_schema_version(db, SCHEMA_VERSION)
    return pending


def pending_migrations(db: Database) -> list[str]:
    return [m.name for m in migrations.pending(_for(db))]


def _for(db: Any) -> Any:
    """Our set reads the plain connection; a sqlite-utils set (a test's) gets sqlite-utils."""
    return db if isinstance(migrations, MigrationSet) else full_database(db)


def schema_version(db: Database) -> int:
    """The schema version recorded in the file (0 for an empty file)."""
    if not db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
    ).fetchone():
        return 0
    rows = list(db.query("SELECT value FROM meta WHERE key = 'schema_version'"))
    return int(rows[0]["value"]) if rows else 0
