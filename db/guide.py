"""The "Which approach fits me?" guide: its questions, and a fair result from answers.

Questions, answer weights and every text of the result are records (kinds
`guide_questions`, `guide_options`, `guide_evidence`, `guide_texts`), so a
clinic edits them like any other record; this module only reads them and
adds the answers up. It stores nothing: a patient's answers stay at the desk.

The result always presents both traditions, each in its own terms; it says
which one the answers lean towards and which answers made it lean, or that
the answers point both ways when the lead is small. It never diagnoses.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db import lists
from db.database import Database
from db.errors import FiliformError
from db.records import Record, list_records, modality_names

# The two traditions the guide weighs, and the option field holding each weight.
TRADITIONS: tuple[str, str] = ("acupuncture", "dry-needling")
WEIGHT_FIELDS = {"acupuncture": "acupuncture", "dry-needling": "dry_needling"}
# A lead of this many points or fewer is too small to call: "both ways".
BOTH_WAYS_MARGIN = 1
ORDER = "position, rowid"


class AnswersError(FiliformError, ValueError):
    """Answers the guide cannot read; the message is one sentence for a person."""


@dataclass(frozen=True)
class Option:
    """One answer a patient can tick."""

    key: str
    question: str
    label: str
    weights: dict[str, int]
    reason: str = ""
    tell: str = ""
    safety_note: str | None = None


@dataclass(frozen=True)
class Question:
    key: str
    part: str
    text: str
    hint: str
    several: bool
    options: tuple[Option, ...]
    most: int | None = None  # at most this many ticks (None: no limit)


@dataclass(frozen=True)
class GuideText:
    key: str
    role: str
    modality: str
    title: str
    text: str


@dataclass(frozen=True)
class EvidenceLine:
    """What the research says about one kind of complaint, for one tradition."""

    answer: str  # the complaint as the patient ticked it
    modality: str
    modality_name: str
    strength: str
    text: str


@dataclass(frozen=True)
class Reason:
    """An answer that made the result lean one way, and why."""

    answer: str
    text: str


@dataclass(frozen=True)
class SafetyPoint:
    """A safety answer and what to tell the practitioner about it."""

    answer: str
    tell: str
    note_title: str = ""


@dataclass(frozen=True)
class TraditionView:
    """One tradition as the result presents it: in its own terms, with its reasons."""

    modality: str
    name: str
    title: str
    text: str
    score: int
    reasons: tuple[Reason, ...] = ()


@dataclass
class Guide:
    """The guide as the database holds it now."""

    questions: tuple[Question, ...]
    evidence: dict[str, list[Record]]
    texts: tuple[GuideText, ...]
    names: dict[str, str]
    safety_titles: dict[str, str] = field(default_factory=dict)

    def question(self, key: str) -> Question | None:
        return next((q for q in self.questions if q.key == key), None)

    def option(self, key: str) -> Option | None:
        for q in self.questions:
            for o in q.options:
                if o.key == key:
                    return o
        return None

    def text(self, role: str, modality: str | None = None) -> GuideText | None:
        for t in self.texts:
            if t.role == role and (modality is None or t.modality == modality):
                return t
        return None

    def name(self, modality: str) -> str:
        return self.names.get(modality, modality.replace("-", " ").capitalize())


@dataclass
class GuideResult:
    """What the answers add up to; everything a screen or a handout shows."""

    lean: str | None  # the tradition the answers lean towards; None when both ways
    headline: GuideText
    first: TraditionView
    alternative: TraditionView
    evidence: list[EvidenceLine]
    unresearched: list[str]  # complaints ticked that the guide has no research line for
    safety: list[SafetyPoint]
    safety_intro: GuideText | None
    closing: GuideText
    answered: list[tuple[str, list[str]]]  # (question, labels ticked), in order

    @property
    def both_ways(self) -> bool:
        return self.lean is None

    def evidence_by_answer(self) -> list[tuple[str, dict[str, EvidenceLine]]]:
        """Evidence lines grouped by complaint, in the order ticked: one row each on paper."""
        rows: dict[str, dict[str, EvidenceLine]] = {}
        for line in self.evidence:
            rows.setdefault(line.answer, {})[line.modality] = line
        return list(rows.items())

    def plain_text(self) -> str:
        """Every word the result shows, in reading order (for tests and copying)."""
        parts = [self.headline.title, self.headline.text]
        if self.safety_intro:
            parts += [self.safety_intro.title, self.safety_intro.text]
        parts += [f"{s.answer}: {s.tell}" for s in self.safety]
        for view in (self.first, self.alternative):
            parts += [view.title, view.text]
            parts += [f"{r.answer}: {r.text}" for r in view.reasons]
        parts += [f"{e.answer} ({e.modality_name}, {e.strength}): {e.text}" for e in self.evidence]
        parts += self.unresearched
        parts += [self.closing.title, self.closing.text]
        return "\n".join(p for p in parts if p)


# ---------------------------------------------------------------- reading the guide


def _option(record: Record) -> Option:
    return Option(
        key=record.key,
        question=str(record["question"]),
        label=str(record["label"]),
        weights={m: int(record.get(f) or 0) for m, f in WEIGHT_FIELDS.items()},
        reason=str(record.get("reason", "")),
        tell=str(record.get("tell", "")),
        safety_note=record["safety"] or None,
    )


def load_guide(db: Database) -> Guide:
    """The guide's visible questions, answers, evidence lines and texts, in order."""
    options: dict[str, list[Option]] = {}
    for record in list_records(db, "guide_options", order_by=ORDER):
        options.setdefault(str(record["question"]), []).append(_option(record))
    questions = tuple(
        Question(
            key=q.key,
            part=str(q["part"]),
            text=str(q["question"]),
            hint=str(q.get("hint", "")),
            several=q["answers"] == "several",
            options=tuple(options.get(q.key, [])),
            most=int(q["most"]) if q["answers"] == "several" and q["most"] else None,
        )
        for q in list_records(db, "guide_questions", order_by=ORDER)
    )
    evidence: dict[str, list[Record]] = {}
    for line in list_records(db, "guide_evidence"):
        evidence.setdefault(str(line["answer"]), []).append(line)
    texts = tuple(
        GuideText(
            key=t.key,
            role=str(t["role"]),
            modality=str(t["modality"]),
            title=str(t["title"]),
            text=str(t["text"]),
        )
        for t in list_records(db, "guide_texts")
    )
    safety_titles = dict(lists.titles(db, "safety"))  # keys and titles only, no decoding
    return Guide(questions, evidence, texts, modality_names(db), safety_titles)


# ---------------------------------------------------------------- answers


def check_answers(guide: Guide, answers: Any) -> dict[str, list[str]]:
    """`{question key: [option key, ...]}` from what was given, or AnswersError.

    A question answered with one option may be given as a single key. Every
    option must belong to its question; a one-answer question takes one.
    """
    if not isinstance(answers, Mapping):
        raise AnswersError(
            'The answers must be an object of question keys, like {"help-with": ["help-sleep"]}.'
        )
    clean: dict[str, list[str]] = {}
    for qkey, given in answers.items():
        question = guide.question(str(qkey))
        if question is None:
            known = ", ".join(q.key for q in guide.questions)
            raise AnswersError(f"'{qkey}' is not a question in the guide (known: {known}).")
        keys = [given] if isinstance(given, str) else given
        if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
            raise AnswersError(f"The answer to '{qkey}' must be an answer key or a list of them.")
        allowed = {o.key for o in question.options}
        for k in keys:
            if k not in allowed:
                known = ", ".join(sorted(allowed))
                raise AnswersError(f"'{k}' is not an answer to '{qkey}' (its answers: {known}).")
        if not question.several and len(keys) > 1:
            raise AnswersError(f"'{qkey}' takes one answer, but {len(keys)} were given.")
        if question.most and len(set(keys)) > question.most:
            raise AnswersError(
                f"'{qkey}' takes at most {question.most} answers, but {len(set(keys))} were given."
            )
        clean[question.key] = list(dict.fromkeys(keys))
    return clean


def read_answers_file(path: Path | str) -> dict[str, Any]:
    """The `answers` object of an answers file, or AnswersError saying what is wrong."""
    file = Path(path).expanduser()
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AnswersError(f"The answers file {file} does not exist.") from None
    except (OSError, UnicodeDecodeError) as e:
        raise AnswersError(f"The answers file {file} cannot be read ({e}).") from None
    except json.JSONDecodeError as e:
        raise AnswersError(
            f"The answers file {file} is not valid JSON (line {e.lineno}, column {e.colno})."
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("answers"), dict):
        raise AnswersError(
            f'The answers file {file} must hold an object with an "answers" object in it.'
        )
    return data["answers"]


# ---------------------------------------------------------------- scoring


def _fallback(role: str, title: str, text: str) -> GuideText:
    """Used only if the clinic hid a text the result needs, so the result stays whole."""
    return GuideText(key=f"missing-{role}", role=role, modality="general", title=title, text=text)


def _view(guide: Guide, modality: str, score: int, reasons: list[Reason]) -> TraditionView:
    own = guide.text("tradition", modality)
    name = guide.name(modality)
    return TraditionView(
        modality=modality,
        name=name,
        title=own.title if own else name,
        text=own.text if own else "",
        score=score,
        reasons=tuple(reasons),
    )


def score(guide: Guide, answers: Mapping[str, Any]) -> GuideResult:
    """Add up the answers into a result; raises AnswersError for answers it cannot read."""
    chosen_by_question = check_answers(guide, answers)
    chosen: list[Option] = []
    answered: list[tuple[str, list[str]]] = []
    for q in guide.questions:
        keys = chosen_by_question.get(q.key, [])
        picked = [o for o in q.options if o.key in keys]
        chosen += picked
        if picked:
            answered.append((q.text, [o.label for o in picked]))

    scores = {m: sum(o.weights[m] for o in chosen) for m in TRADITIONS}
    a, b = TRADITIONS
    lead = scores[a] - scores[b]
    if abs(lead) <= BOTH_WAYS_MARGIN:
        lean = None
        first, other = (a, b) if lead >= 0 else (b, a)
        role = "no answers" if not any(scores.values()) else "both ways"
        headline = guide.text(role) or guide.text("both ways")
    else:
        lean = a if lead > 0 else b
        first, other = lean, (b if lean == a else a)
        headline = guide.text("leans", lean)
    if headline is None:
        headline = _fallback("both ways", "Your answers", "Both treatments are described below.")

    def reasons_for(modality: str, versus: str) -> list[Reason]:
        leaning = [o for o in chosen if o.weights[modality] > o.weights[versus] and o.reason]
        leaning.sort(key=lambda o: o.weights[versus] - o.weights[modality])
        return [Reason(o.label, o.reason) for o in leaning]

    evidence: list[EvidenceLine] = []
    unresearched: list[str] = []
    rank = {first: 0, other: 1}
    for o in chosen:
        lines = guide.evidence.get(o.key, [])
        if not lines:
            question = guide.question(o.question)
            if question and question.part == "your problem" and any(o.weights.values()):
                unresearched.append(o.label)
            continue
        for line in sorted(lines, key=lambda r: rank.get(str(r["modality"]), 2)):
            modality = str(line["modality"])
            evidence.append(
                EvidenceLine(
                    o.label,
                    modality,
                    guide.name(modality),
                    str(line["strength"]),
                    str(line["text"]),
                )
            )

    safety = [
        SafetyPoint(o.label, o.tell, guide.safety_titles.get(o.safety_note or "", ""))
        for o in chosen
        if o.tell
    ]
    closing = guide.text("closing") or _fallback(
        "closing",
        "Talk it over with a practitioner",
        "This guide is not a diagnosis. Talk it over with a practitioner.",
    )
    return GuideResult(
        lean=lean,
        headline=headline,
        first=_view(guide, first, scores[first], reasons_for(first, other)),
        alternative=_view(guide, other, scores[other], reasons_for(other, first)),
        evidence=evidence,
        unresearched=unresearched,
        safety=safety,
        safety_intro=guide.text("safety") if safety else None,
        closing=closing,
        answered=answered,
    )
