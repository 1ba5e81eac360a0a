"""Which fields of each kind of record a patient reads, under which plain headings.

A record printed as a handout shows its own words only: no table of
internal fields ("Kind: acupoint", keys, categories), no practitioners'
notes on point selection. Points add the body figure slot (`figures.py`).
"""

from __future__ import annotations

from db.records import Record

# kind -> [(heading or None, field)], in printed order.
SECTIONS: dict[str, list[tuple[str | None, str]]] = {
    "faqs": [(None, "answer")],
    "aftercare": [(None, "text")],
    "expectations": [(None, "text")],
    "safety": [(None, "text"), ("Who this is about", "who")],
    "modalities": [
        (None, "summary"),
        ("What happens", "technique"),
        ("How long a visit takes", "session_length"),
        ("What it feels like", "sensations"),
        ("What the research says", "evidence"),
    ],
    "points": [
        ("Where it is", "location"),
        ("Where it can send pain", "referral"),
        ("Why it may be used", "indications"),
        ("Take care", "cautions"),
    ],
    "rationales": [(None, "text")],
    "point_links": [(None, "note")],
    "sources": [(None, "citation")],
}
FALLBACK: list[tuple[str | None, str]] = [(None, "text"), (None, "answer"), (None, "summary")]
SINGLE_ANSWER_KINDS = frozenset({"faqs", "aftercare", "expectations", "safety", "rationales"})


def sections(kind: str) -> list[tuple[str | None, str]]:
    return SECTIONS.get(kind, FALLBACK)


def title_of(record: Record) -> str:
    """A title a patient can read: a point's name before its code, no keys."""
    if record.kind != "points":
        return record.title
    name = str(record.get("name") or record.key)
    if record.get("kind") == "trigger point":
        return f"{name} trigger point"
    return f"{name} ({record.key})"


def aside_of(record: Record) -> str:
    """One short line under the title: other names a patient may hear."""
    if record.kind == "points":
        other = [str(record.get("pinyin") or ""), *(record.get("aliases") or [])]
        other = [o for o in other if o and o != record.get("name")]
        return f"Also called {', '.join(other)}." if other else ""
    return ""
