"""The index's own words, for "did you mean" and for telling common words apart.

Search asks the unstemmed index's vocabulary (`fts5vocab`) whether a word
exists, how many records hold a word or a prefix, and which known words are
near a misspelt one. Each answer costs FTS5 a walk over the doclist of every
word it reads, which is cheap for a rare word and 1-2 ms for a word in half
of 100,000 records; the words sharing a first letter take 5-16 ms. Typing
asks the same questions on every keystroke ("acupunt", "acupuntu", ...), so
the answers are kept per connection until the data changes (SQLite's
`data_version` for other connections' writes, `total_changes` for this
one's): nothing is read twice and nothing stale is ever used.

No Qt here; see docs/ARCHITECTURE.md.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from db.schema import WORDS_VOCAB

_NO_DIGITS = "term NOT GLOB '*[0-9]*'"  # codes and numbers are not words to suggest
_NAME_WORD = re.compile(r"[^\W_]+")  # as the index's tokenizer splits a name
MAX_CACHED_CONNECTIONS = 4


def after_prefix(prefix: str) -> str:
    """The smallest string greater than every string that starts with `prefix`."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


class Vocabulary:
    """The unstemmed words of the index, asked one word or range at a time.

    Reading the whole vocabulary costs FTS5 a walk over every doclist (about
    0.2-1 s at 100,000 records, paid by the first search after opening the
    file); a word or a prefix is a seek into the index instead, and a first
    letter's words are read once and then answered from memory.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._counts: dict[str, int | None] = {}
        self._prefix_docs: dict[str, int] = {}
        self._letters: dict[str, dict[str, int]] = {}
        self._total: int | None = None
        self._name_words: dict[str, bool] = {}

    def count(self, word: str) -> int | None:
        """Documents holding exactly `word` (None if the index does not have it)."""
        if word not in self._counts:
            letter = self._letters.get(word[:1])
            if letter is not None:
                self._counts[word] = letter.get(word)
            else:
                row = self.conn.execute(
                    f"SELECT doc FROM {WORDS_VOCAB} WHERE term = ? AND {_NO_DIGITS}", [word]
                ).fetchone()
                self._counts[word] = row[0] if row else None
        return self._counts[word]

    def has_word_starting(self, prefix: str) -> bool:
        return self.docs_starting(prefix) > 0

    def docs_starting(self, prefix: str) -> int:
        """Most documents holding any one word that starts with `prefix` (a lower bound
        on how many records the stemmed or prefix term matches)."""
        if not prefix:
            return 0
        if prefix not in self._prefix_docs:
            letter = self._letters.get(prefix[:1])
            if letter is not None:
                found = [d for t, d in letter.items() if t.startswith(prefix)]
                self._prefix_docs[prefix] = max(found, default=0)
            else:
                row = self.conn.execute(
                    f"SELECT max(doc) FROM {WORDS_VOCAB} "
                    f"WHERE term >= ? AND term < ? AND {_NO_DIGITS}",
                    [prefix, after_prefix(prefix)],
                ).fetchone()
                self._prefix_docs[prefix] = row[0] or 0
        return self._prefix_docs[prefix]

    def near(self, word: str) -> dict[str, int]:
        """Words with the same first letter and within two letters of its length,
        with how many documents hold each."""
        if not word:
            return {}
        letter = word[:1]
        if letter not in self._letters:
            rows = self.conn.execute(
                f"SELECT term, doc FROM {WORDS_VOCAB} "
                f"WHERE term >= ? AND term < ? AND {_NO_DIGITS} ORDER BY term",
                [letter, after_prefix(letter)],
            ).fetchall()
            self._letters[letter] = dict(rows)
        low, high = len(word) - 2, len(word) + 2
        return {t: d for t, d in self._letters[letter].items() if low <= len(t) <= high}

    def total_docs(self) -> int:
        """Records in the index."""
        if self._total is None:
            self._total = self.conn.execute("SELECT count(*) FROM search_docs").fetchone()[0]
        return self._total

    def is_point_name_word(self, word: str) -> bool:
        """Whether `word` is a word of some point's code, pinyin or other names.

        Only the points whose names contain the letters are read (a LIKE over
        the table, a few ms at 20,000 points): reading every point's names
        took 80 ms at 100,000 records.
        """
        if word not in self._name_words:
            escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            rows = self.conn.execute(
                "SELECT key, pinyin, aliases FROM points WHERE key LIKE ?1 ESCAPE '\\' "
                "OR pinyin LIKE ?1 ESCAPE '\\' OR aliases LIKE ?1 ESCAPE '\\'",
                [f"%{escaped}%"],
            )
            self._name_words[word] = any(
                word in (w.lower() for w in _NAME_WORD.findall(str(text or "")))
                for row in rows
                for text in row
            )
        return self._name_words[word]


_cache: dict[int, tuple[sqlite3.Connection, tuple[int, int], Vocabulary]] = {}


def vocabulary(db: Any) -> Vocabulary:
    """The vocabulary of `db`'s connection, kept until the data changes."""
    conn = db.conn
    if conn.in_transaction:
        # Words written in an open transaction may yet be rolled back, which
        # changes neither stamp: answer from the file as it is, keep nothing.
        return Vocabulary(conn)
    stamp = (conn.execute("PRAGMA data_version").fetchone()[0], conn.total_changes)
    cached = _cache.get(id(conn))
    if cached and cached[0] is conn and cached[1] == stamp:
        return cached[2]
    vocab = Vocabulary(conn)
    if len(_cache) >= MAX_CACHED_CONNECTIONS:
        _cache.clear()
    _cache[id(conn)] = (conn, stamp, vocab)
    return vocab


def edit_distance(a: str, b: str) -> int:
    """Edits between two words: insert, delete, substitute, or swap two neighbours."""
    rows = [list(range(len(b) + 1))]
    for i, ca in enumerate(a, 1):
        row = [i]
        for j, cb in enumerate(b, 1):
            cost = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, rows[-2][j - 2] + 1)
            row.append(cost)
        rows.append(row)
    return rows[-1][-1]
