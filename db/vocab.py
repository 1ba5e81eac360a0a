"""Every closed list of words Filiform uses, each spelled out once.

Aftercare levels, session phases, paper sizes and the other choice fields
were once written out in the kinds, the lists, the templates, the settings
and the CLI, with different labels in different places. Here each one is a
`Vocabulary`: its terms in their order, with the label a person reads and,
where it matters, the colour it is shown in. The SQL ordering and labels of
the lists (`db/lists.py`), the choices of the kinds (`db/kinds.py`), the
clinic settings, the CLI's `--paper` and the template globals
(`desktop/rendering/templating.py`) are all derived from it.

No Qt here; see docs/ARCHITECTURE.md.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    """One word of a vocabulary: the stored key and what a person reads."""

    key: str
    label: str = ""  # empty: the key is shown as it is
    colour: str | None = None  # the frame colour where the term must stand out
    background: str | None = None  # the tint behind it
    detail: str = ""  # a longer description (a paper size's measurements)

    @property
    def text(self) -> str:
        """The label, or the key when the term has no label of its own."""
        return self.label or self.key


@dataclass(frozen=True)
class Vocabulary:
    """The terms of one choice field, in the order they are listed."""

    name: str
    terms: tuple[Term, ...]

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(t.key for t in self.terms)

    def term(self, key: str) -> Term | None:
        return next((t for t in self.terms if t.key == key), None)

    def label(self, key: str | None) -> str:
        """What a person reads for `key`; an unknown key is shown as it is."""
        term = self.term(key or "")
        return term.text if term else (key or "")

    def rank(self, key: str | None) -> int:
        """Position in the list; unknown keys go last."""
        keys = self.keys
        return keys.index(key) if key in keys else len(keys)

    def order_sql(self, column: str) -> str:
        """A SQL expression ranking `column` in this vocabulary's order (unknown last)."""
        whens = " ".join(f"WHEN '{t.key}' THEN {i}" for i, t in enumerate(self.terms))
        return f"CASE {column} {whens} ELSE {len(self.terms)} END"

    def label_sql(self, column: str) -> str:
        """A SQL expression giving the label of `column` (unknown keys as they are)."""
        whens = " ".join(f"WHEN '{t.key}' THEN '{_sql_text(t.text)}'" for t in self.terms)
        return f"CASE {column} {whens} ELSE {column} END"


def _sql_text(text: str) -> str:
    return text.replace("'", "''")


def _plain(name: str, *keys: str) -> Vocabulary:
    return Vocabulary(name, tuple(Term(k) for k in keys))


AFTERCARE_LEVEL = Vocabulary(
    "aftercare level",
    (
        Term("normal", "Normal"),
        Term("watch", "Keep an eye on it"),
        Term("contact", "Call the clinic", colour="#b36b00", background="#fff4e0"),
        Term("urgent", "Get urgent care", colour="#8b0000", background="#fdecec"),
    ),
)
# The levels that tell a patient to call someone: they stand out on screen and
# on paper, and every handout's "when to call" section lists them.
CALL_LEVELS: tuple[str, ...] = tuple(t.key for t in AFTERCARE_LEVEL.terms if t.colour)

PHASE = Vocabulary(
    "session phase",
    (Term("before", "Before"), Term("during", "During"), Term("after", "After")),
)

PAPER_SIZE = Vocabulary(
    "paper size",
    (
        Term("a4", "A4", detail="210 × 297 mm"),
        Term("letter", "Letter", detail="8.5 × 11 in"),
    ),
)

SAFETY_CATEGORY = _plain("safety category", "contraindication", "precaution", "adverse events")
SAFETY_SEVERITY = _plain("severity", "absolute", "relative", "information")
EVIDENCE_STRENGTH = _plain(
    "strength of evidence", "strong", "moderate", "limited", "debated", "mixed"
)
POINT_KIND = _plain("kind of point", "acupoint", "trigger point", "extra point")
STRATEGY = _plain(
    "strategy",
    "local",
    "distal",
    "ashi",
    "trigger point",
    "channel-based",
    "segmental",
    "auricular",
    "pattern-based",
)


def one_of(vocabulary: Vocabulary) -> str:
    """'A4 or Letter': the terms' labels for a sentence telling a person what is allowed."""
    labels = [t.text for t in vocabulary.terms]
    return labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} or {labels[-1]}"
