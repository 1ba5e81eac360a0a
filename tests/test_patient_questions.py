"""Twenty-five questions patients ask at the desk, typed as they would say
them: the answer's key fact must be in the first five hits."""

from __future__ import annotations

import re

import pytest

from db.kinds import KINDS
from db.records import get_record
from db.search import search

# (what the patient asks, a pattern the answer must contain)
QUESTIONS = [
    ("is dry needling just acupuncture", r"(?i)same thin|share a lot|differ"),
    ("why stick a needle in my foot for shoulder pain", r"(?i)distal|far from"),
    ("does it hurt", r"(?i)(brief|quick|small) (sting|pinch|prick)|dull ache"),
    ("my muscles are sore the day after, is that ok", r"(?i)less than 3 days"),
    ("how long do the needles stay in", r"(?i)20.{1,8}(40|30) minutes"),
    ("am I ok to drive home after", r"(?i)drows|sleepy|tired"),
    ("why is it called dry needling", r"(?i)no (medicine|drug|fluid)|nothing is injected"),
    ("I'm pregnant, can I still have treatment", r"(?i)pregnan"),
    ("I'm on warfarin", r"(?i)anticoagul|blood thinner"),
    ("I can't catch my breath after my session", r"(?i)(999|911|emergency|urgent)"),
    ("my leg jumped when the needle went in", r"(?i)twitch"),
    ("what qualifications does a dry needler have", r"(?i)physiotherap|physical therap"),
    ("round purple marks from the cups", r"(?i)marks?\b.{0,200}(fade|days|week)"),
    ("does moxa burn the skin", r"(?i)burn"),
    ("can moxibustion turn a breech baby", r"(?i)breech"),
    ("needles in my ear", r"(?i)auricular|ear"),
    ("electric acupuncture with a pacemaker", r"(?i)pacemaker"),
    ("injection versus dry needling", r"(?i)inject"),
    ("what is a knot in the muscle", r"(?i)taut band|trigger point"),
    ("what does qi mean", r"(?i)meridian|channel"),
    ("how many treatments will I need", r"(?i)sessions?"),
    ("what clothes should I wear", r"(?i)loose"),
    ("I am diabetic", r"(?i)diabet"),
    ("acupuncture for migraines", r"(?i)migraine"),
    ("acupressure point for feeling sick", r"(?i)PC6|nausea"),
    ("bruise where the needle was", r"(?i)bruis"),
    ("pain got worse after treatment", r"(?i)(call|contact|tell) (us|the clinic|your)"),
    ("is cupping dangerous", r"(?i)burn|bruis|safe"),
]


def _record_text(db, kind: str, key: str) -> str:
    record = get_record(db, kind, key)
    if record is None:
        return ""
    parts = []
    for f in KINDS[kind].fields:
        value = record.get(f.name)
        parts.append(" ".join(value) if isinstance(value, list) else str(value or ""))
    return " ".join(parts)


def test_there_are_at_least_25_questions():
    assert len(QUESTIONS) >= 25


@pytest.mark.parametrize(("question", "fact"), QUESTIONS, ids=[q for q, _ in QUESTIONS])
def test_patient_question_finds_its_answer_in_the_first_five(store, question, fact):
    hits = search(store.db, question, limit=5)
    texts = [_record_text(store.db, h.kind, h.key) for h in hits]
    assert any(re.search(fact, t) for t in texts), [h.title for h in hits]
