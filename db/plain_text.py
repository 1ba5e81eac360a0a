"""Short, readable text cut from long fields: leads, first sentences, no citations.

A front desk reads answers aloud, so the screen shows the first sentence or
two of an answer, not a fragment from its middle, and never an author-year
citation in patient text. No Qt and no SQL here: the search, the home page,
Compare and the handouts all use these.
"""

from __future__ import annotations

import re
import unicodedata

_CITATION = re.compile(r"\s*\((?=[^()]*\b(?:19|20)\d\d[a-z]?\b)[^()]*\)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(\u201c]?[A-Z0-9])")
LEAD_CHARS = 220


def citation_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every author-year citation, "(Vickers 2018)", in a text."""
    return [(m.start(), m.end()) for m in _CITATION.finditer(text)]


def key_from_title(title: str, max_chars: int = 60) -> str:
    """A record key a person never has to type: "Where do I park?" -> "where-do-i-park"."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_title.lower())
    key = ""
    for word in words:
        if len(key) + len(word) + 1 > max_chars:
            break
        key = f"{key}-{word}" if key else word
    return key or "note"


def strip_citations(text: str | None) -> str:
    """'about 20 minutes (Vickers 2018).' -> 'about 20 minutes.': patients need no author-year."""
    return _CITATION.sub("", text or "").strip()


def sentences(text: str | None) -> list[str]:
    """The sentences of a text, citations removed, whitespace collapsed."""
    flat = " ".join(strip_citations(text).split())
    return [s for s in _SENTENCE_END.split(flat) if s]


def first_sentence(text: str | None) -> str:
    """The first sentence without citations, for a table read at a glance ("" if none)."""
    found = sentences(text)
    return found[0] if found else ""


def lead(text: str | None, max_chars: int = LEAD_CHARS) -> str:
    """The first sentence, and the second too if both fit in `max_chars`.

    A very long first sentence is cut at a word and ends with an ellipsis,
    so a lead always fits the two lines a search hit has.
    """
    found = sentences(text)
    if not found:
        return ""
    out = found[0]
    if len(found) > 1 and len(out) + 1 + len(found[1]) <= max_chars:
        out = f"{out} {found[1]}"
    if len(out) > max_chars:
        out = out[: max_chars - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return out
