"""The one description of every kind of record Filiform keeps.

Content validation, the database schema, search indexing, export/import and
the editing forms all read this module, so a field is added in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from db import vocab

# The closed lists of words are spelled out once, in db/vocab.py.
EVIDENCE_STRENGTHS = vocab.EVIDENCE_STRENGTH.keys
POINT_KINDS = vocab.POINT_KIND.keys
STRATEGIES = vocab.STRATEGY.keys
PHASES = vocab.PHASE.keys
AFTERCARE_LEVELS = vocab.AFTERCARE_LEVEL.keys
SAFETY_CATEGORIES = vocab.SAFETY_CATEGORY.keys
SAFETY_SEVERITIES = vocab.SAFETY_SEVERITY.keys
GENERAL_MODALITY = "general"
# The "Which approach fits me?" guide (db/guide.py): its questions come in parts,
# take one answer or several, and its texts each play one role in the result.
GUIDE_PARTS = ("your problem", "what matters", "safety")
GUIDE_ANSWER_COUNTS = ("one", "several")
GUIDE_TEXT_ROLES = ("tradition", "leans", "both ways", "no answers", "safety", "closing")


@dataclass(frozen=True)
class Field:
    """One field of a record: how it is validated and shown."""

    name: str
    label: str
    type: str = "text"  # text | int | list | choice | ref | reflist | shape
    required: bool = False
    choices: tuple[str, ...] = ()
    ref: str | None = None  # kind a ref / reflist points to
    patient_facing: bool = False
    long: bool = False  # shown as a multi-line editor


@dataclass(frozen=True)
class Kind:
    """A kind of record: its table, fields and how it is searched."""

    name: str
    label: str
    plural: str
    title_field: str
    fields: tuple[Field, ...]
    alias_fields: tuple[str, ...] = ()
    body_fields: tuple[str, ...] = ()
    searchable: bool = True
    needs_sources: bool = True
    extra_columns: dict[str, type] = field(default_factory=dict)

    @property
    def table(self) -> str:
        return self.name

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


_KEY = Field("key", "Key", required=True)
_SOURCES = Field("sources", "Sources", "reflist", required=True, ref="sources")
_MODALITY = Field("modality", "Modality", "ref", required=True, ref="modalities")

SOURCES = Kind(
    "sources",
    "Source",
    "Sources",
    "citation",
    (
        _KEY,
        Field("citation", "Citation", required=True, long=True),
        Field("year", "Year", "int", required=True),
        Field("type", "Type"),
        Field("locator", "Where to find it", required=True),
        Field("notes", "Notes", long=True),
    ),
    body_fields=("notes",),
    needs_sources=False,
)

REGIONS = Kind(
    "regions",
    "Body region",
    "Body regions",
    "name",
    (
        _KEY,
        Field("name", "Name", required=True),
        Field("synonyms", "Other names", "list"),
        # Shapes on the body figure: SVG path data (absolute M/L/Z) in the
        # figure's 540 x 960 box, one per view; made by
        # scripts/build_body_regions.py from the vendored outlines.
        Field("front", "Shape in the front view", "shape", long=True),
        Field("back", "Shape in the back view", "shape", long=True),
    ),
    alias_fields=("synonyms",),
    # Anatomy the figure draws, not a claim: nothing to cite.
    needs_sources=False,
)

MODALITIES = Kind(
    "modalities",
    "Modality",
    "Modalities",
    "name",
    (
        _KEY,
        Field("name", "Name", required=True),
        Field("also_known_as", "Also known as", "list"),
        Field("tradition", "Tradition", required=True),
        Field("summary", "In brief", required=True, patient_facing=True, long=True),
        Field("practitioners", "Who performs it", required=True, long=True),
        Field("assessment", "How they assess", required=True, long=True),
        Field("goal", "Treatment goal", required=True, long=True),
        Field("mechanism", "Proposed mechanism", required=True, long=True),
        Field("technique", "Technique", required=True, long=True),
        Field("retention", "Needle retention", required=True, long=True),
        Field("session_length", "Typical session", required=True),
        Field("sensations", "What it feels like", required=True, long=True),
        Field("common_uses", "Commonly used for", required=True, long=True),
        Field("evidence", "Evidence", required=True, long=True),
        Field(
            "evidence_strength",
            "Strength of evidence",
            "choice",
            required=True,
            choices=EVIDENCE_STRENGTHS,
        ),
        Field("paired_with", "Often paired with", "reflist", ref="modalities"),
        _SOURCES,
    ),
    alias_fields=("also_known_as", "tradition"),
    body_fields=(
        "summary",
        "practitioners",
        "assessment",
        "goal",
        "mechanism",
        "technique",
        "retention",
        "session_length",
        "sensations",
        "common_uses",
        "evidence",
    ),
)

POINTS = Kind(
    "points",
    "Point",
    "Points",
    "name",
    (
        Field("key", "Code", required=True),
        Field("kind", "Kind", "choice", required=True, choices=POINT_KINDS),
        Field("name", "Name", required=True),
        Field("pinyin", "Pinyin"),
        Field("aliases", "Other names", "list"),
        Field("channel", "Channel or muscle", required=True),
        Field("region", "Region"),
        # Body-map region keys (resources/content/regions): where the point
        # lies, and for a trigger point where it refers pain.
        Field("regions", "Body regions", "reflist", ref="regions"),
        Field("location", "Location", long=True),
        Field("indications", "Why it is selected", long=True),
        Field("referral", "Referral pattern", long=True),
        Field("referral_regions", "Refers pain to (body regions)", "reflist", ref="regions"),
        Field("cautions", "Cautions", long=True),
        Field("categories", "Categories", "list"),
        _SOURCES,
    ),
    alias_fields=("key", "pinyin", "aliases", "channel"),
    body_fields=("region", "location", "indications", "referral", "cautions", "categories"),
    extra_columns={"detail": int},
)

POINT_LINKS = Kind(
    "point_links",
    "Corresponding points",
    "Corresponding points",
    "key",
    (
        _KEY,
        Field("a", "Point", "ref", required=True, ref="points"),
        Field("b", "Corresponds to", "ref", required=True, ref="points"),
        Field("note", "Note", long=True),
        _SOURCES,
    ),
    searchable=False,
)

RATIONALES = Kind(
    "rationales",
    "Rationale",
    "Point selection",
    "title",
    (
        _KEY,
        Field("title", "Title", required=True),
        Field("modalities", "Modalities", "reflist", required=True, ref="modalities"),
        Field("strategy", "Strategy", "choice", required=True, choices=STRATEGIES),
        Field("complaint", "Complaint"),
        Field("text", "Rationale", required=True, long=True),
        Field("points", "Points", "reflist", ref="points"),
        _SOURCES,
    ),
    alias_fields=("strategy", "complaint", "points"),
    body_fields=("text",),
)

EXPECTATIONS = Kind(
    "expectations",
    "Session expectation",
    "Session expectations",
    "title",
    (
        _KEY,
        _MODALITY,
        Field("phase", "Phase", "choice", required=True, choices=PHASES),
        Field("title", "Title", required=True),
        Field("text", "What to expect", required=True, patient_facing=True, long=True),
        _SOURCES,
    ),
    alias_fields=("phase",),
    body_fields=("text",),
)

AFTERCARE = Kind(
    "aftercare",
    "Aftercare note",
    "Aftercare",
    "title",
    (
        _KEY,
        _MODALITY,
        Field("title", "Title", required=True),
        Field("text", "Advice", required=True, patient_facing=True, long=True),
        Field("time_frame", "Time frame", required=True),
        Field("level", "Level", "choice", required=True, choices=AFTERCARE_LEVELS),
        _SOURCES,
    ),
    alias_fields=("time_frame",),
    body_fields=("text",),
)

SAFETY = Kind(
    "safety",
    "Safety note",
    "Safety",
    "title",
    (
        _KEY,
        _MODALITY,
        Field("category", "Category", "choice", required=True, choices=SAFETY_CATEGORIES),
        Field("severity", "Severity", "choice", choices=SAFETY_SEVERITIES),
        Field("who", "Who it concerns", required=True),
        Field("title", "Title", required=True),
        Field("text", "Details", required=True, patient_facing=True, long=True),
        _SOURCES,
    ),
    alias_fields=("category", "who"),
    body_fields=("text",),
)

FAQS = Kind(
    "faqs",
    "Patient question",
    "Patient questions",
    "question",
    (
        _KEY,
        Field("question", "Question", required=True),
        Field("answer", "Answer", required=True, patient_facing=True, long=True),
        Field("modalities", "Related modalities", "reflist", ref="modalities"),
        _SOURCES,
    ),
    body_fields=("answer",),
)

# The guide's records are searchable=False: they are read by the guide, not
# found in the search box, and a patient's answers never reach the index.
GUIDE_QUESTIONS = Kind(
    "guide_questions",
    "Guide question",
    "Guide questions",
    "question",
    (
        _KEY,
        Field("position", "Order", "int", required=True),
        Field("part", "Part", "choice", required=True, choices=GUIDE_PARTS),
        Field("question", "Question", required=True, patient_facing=True),
        Field("hint", "Hint", patient_facing=True),
        Field("answers", "Answers allowed", "choice", required=True, choices=GUIDE_ANSWER_COUNTS),
        # With "several": at most this many ticks (keeps the result to two pages).
        Field("most", "At most this many answers", "int"),
    ),
    searchable=False,
    needs_sources=False,
)

GUIDE_OPTIONS = Kind(
    "guide_options",
    "Guide answer",
    "Guide answers",
    "label",
    (
        _KEY,
        Field("question", "Question", "ref", required=True, ref="guide_questions"),
        Field("position", "Order", "int", required=True),
        Field("label", "Answer", required=True, patient_facing=True),
        Field("acupuncture", "Weight towards acupuncture", "int"),
        Field("dry_needling", "Weight towards dry needling", "int"),
        Field("reason", "Why it leans that way", patient_facing=True, long=True),
        Field("safety", "Safety note", "ref", ref="safety"),
        Field("tell", "What to tell the practitioner", patient_facing=True, long=True),
        # Required where the answer states a fact (a reason or what to tell);
        # checked by the guide's content test, not for "I do not mind".
        Field("sources", "Sources", "reflist", ref="sources"),
    ),
    searchable=False,
)

GUIDE_EVIDENCE = Kind(
    "guide_evidence",
    "Guide evidence line",
    "Guide evidence",
    "text",
    (
        _KEY,
        Field("answer", "For the answer", "ref", required=True, ref="guide_options"),
        _MODALITY,
        Field(
            "strength", "Strength of evidence", "choice", required=True, choices=EVIDENCE_STRENGTHS
        ),
        Field("text", "What the research says", required=True, patient_facing=True, long=True),
        _SOURCES,
    ),
    searchable=False,
)

GUIDE_TEXTS = Kind(
    "guide_texts",
    "Guide text",
    "Guide texts",
    "title",
    (
        _KEY,
        Field("role", "Role", "choice", required=True, choices=GUIDE_TEXT_ROLES),
        _MODALITY,
        Field("title", "Title", required=True, patient_facing=True),
        Field("text", "Text", required=True, patient_facing=True, long=True),
        Field("sources", "Sources", "reflist", ref="sources"),
    ),
    searchable=False,
)

GUIDE_KINDS = ("guide_questions", "guide_options", "guide_evidence", "guide_texts")

# Load order matters: a kind is loaded after the kinds it refers to.
KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        SOURCES,
        REGIONS,
        MODALITIES,
        POINTS,
        POINT_LINKS,
        RATIONALES,
        EXPECTATIONS,
        AFTERCARE,
        SAFETY,
        FAQS,
        GUIDE_QUESTIONS,
        GUIDE_OPTIONS,
        GUIDE_EVIDENCE,
        GUIDE_TEXTS,
    )
}

SEARCHABLE_KINDS: tuple[str, ...] = tuple(k for k, v in KINDS.items() if v.searchable)
