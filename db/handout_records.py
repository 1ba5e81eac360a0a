"""The records a handout gathers, asked for by what they are about.

Handouts collect records by modality ("aftercare for dry needling and for all
needling"), by phase or by category. The queries live here, in the data layer,
so that `desktop/printing/` composes pages without writing SQL. No Qt.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlite_utils import Database

from db.kinds import GENERAL_MODALITY
from db.records import Record, list_records

# Columns a caller may filter on besides the modality (a fixed list: the
# column names go into the SQL text, the values only as parameters).
FILTER_COLUMNS = frozenset({"phase", "level", "category"})


def for_modalities(
    db: Database, kind: str, modalities: Iterable[str], *, general: bool = True, **equals: str
) -> list[Record]:
    """Visible records of a kind about any of `modalities` (and 'general'), in stored order.

    `equals` narrows by a column's exact value, e.g. `phase="before"`.
    """
    wanted = list(dict.fromkeys([*modalities, *([GENERAL_MODALITY] if general else [])]))
    if not wanted:
        return []
    where = f"modality IN ({', '.join('?' for _ in wanted)})"
    params: list[str] = list(wanted)
    for column, value in equals.items():
        if column not in FILTER_COLUMNS:
            raise ValueError(f"'{column}' is not a column handouts filter on")
        where += f" AND {column} = ?"
        params.append(value)
    return list_records(db, kind, where=where, params=params)


def modalities(db: Database) -> list[Record]:
    """Every visible modality, in stored order."""
    return list_records(db, "modalities")


def faqs(db: Database) -> list[Record]:
    """Every visible patient question, in stored order."""
    return list_records(db, "faqs")
