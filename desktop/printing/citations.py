"""Citations on paper: author-year notes become numbers, the sources a short list at the end.

"(Vickers 2018)" in the middle of a sentence means nothing to a patient. On a
handout each record's text is printed through `Citations.text`: an inline
citation that names one of the record's sources becomes "[n]", any other
inline citation is dropped. The numbered "Sources" list at the end holds the
sources cited inline, and for a text with no inline citation its record's
main (first) source, so the list stays short. With the clinic setting
"Sources on handouts" off (patient-only handouts), the numbers and the list
are left out too.
"""

from __future__ import annotations

import re

from db.database import Database
from db.records import Record, get_record

_INLINE = re.compile(r"\s*\(([^()]*\b(?:19|20)\d\d[a-z]?\b[^()]*)\)")
_YEAR = re.compile(r"\b((?:19|20)\d\d)[a-z]?\b")


class Citations:
    """Numbers the sources of a handout in the order its text first cites them."""

    def __init__(self, db: Database, enabled: bool = True) -> None:
        self._db = db
        self.enabled = enabled
        self._numbers: dict[str, int] = {}
        self._sources: dict[str, Record] = {}

    def _source(self, key: str) -> Record | None:
        if key not in self._sources:
            found = get_record(self._db, "sources", key)
            if found is None:
                return None
            self._sources[key] = found
        return self._sources[key]

    def _number(self, key: str) -> int | None:
        if not self.enabled or self._source(key) is None:
            return None
        return self._numbers.setdefault(key, len(self._numbers) + 1)

    def _match(self, piece: str, keys: list[str]) -> str | None:
        """The record's source that an author-year piece names, if any."""
        year = _YEAR.search(piece)
        names = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z-]{2,}", piece)]
        for key in keys:
            source = self._source(key)
            if source is None:
                continue
            citation = str(source.get("citation", "")).lower()
            same_year = year is not None and (
                str(source.get("year")) == year.group(1) or year.group(1) in citation
            )
            if same_year and (not names or any(n in citation or n in key for n in names)):
                return key
        return None

    def text(self, record: Record | None, field: str) -> str:
        """A field of a record as a patient reads it: citations as [n] or gone."""
        if record is None:
            return ""
        keys = [k for k in record.get("sources", []) or [] if isinstance(k, str)]
        raw = str(record.get(field) or "")
        if raw and keys and not _INLINE.search(raw):
            self._number(keys[0])  # uncited prose: its main source keeps the list short

        def replace(match: re.Match[str]) -> str:
            numbers = sorted(
                {
                    n
                    for piece in match.group(1).split(";")
                    if (key := self._match(piece, keys)) and (n := self._number(key))
                }
            )
            return f" [{', '.join(map(str, numbers))}]" if numbers else ""

        return _INLINE.sub(replace, raw).strip()

    def add(self, record: Record | None) -> str:
        """Count a record's main source when only its title is printed; '' for templates."""
        keys = (record.get("sources", []) or []) if record is not None else []
        if keys:
            self._number(keys[0])
        return ""

    def listing(self) -> list[tuple[int, str]]:
        """(number, short citation) for the Sources list, in number order."""
        return [
            (n, short_citation(self._sources[key]))
            for key, n in sorted(self._numbers.items(), key=lambda item: item[1])
        ]


def short_citation(source: Record) -> str:
    """'Huisma F, Konrad G, Thomas S. Pneumothorax after acupuncture (2015).': authors and
    title, enough to find it, without the journal's volume and pages."""
    citation = " ".join(str(source.get("citation") or source.key).split())
    parts = re.split(r"(?<=[a-z0-9)\]])\.\s+(?=[A-Z0-9])", citation)
    # Initials ("Huisma F, Thomas S.") do not split, so the first part is usually
    # authors and title; a short first part is an organisation: add the title.
    short = parts[0] if len(parts[0]) >= 60 or len(parts) < 2 else f"{parts[0]}. {parts[1]}"
    short = short.rstrip(".")
    year = source.get("year")
    if year and str(year) not in short:
        short += f" ({year})"
    return short + "."
