"""Questions patients ask at the desk, typed as they would say them.

The FIRST hit must carry the answer in what the results list shows: its
title and its snippet (for a patient question whose wording matches, the
first sentence or two of the answer). A receptionist reads it aloud without
opening anything.
"""

from __future__ import annotations

import re

import pytest

from db.search import search

# (what the patient asks, a pattern the first hit's title + snippet must contain)
QUESTIONS = [
    ("will it hurt", r"(?i)(quick|brief) prick.*dull ache"),
    ("does it hurt much", r"(?i)(quick|brief) prick"),
    ("is dry needling just acupuncture", r"(?i)share a lot|same thin"),
    ("whats the difference between acupuncture and dry needling", r"(?i)share a lot|same thin"),
    ("why stick a needle in my foot for shoulder pain", r"(?i)distant|distal|far from"),
    ("my muscles are sore the day after, is that ok", r"(?i)sore.{0,80}normal"),
    ("how long do the needles stay in", r"(?i)20 to 40 minutes"),
    ("am I ok to drive home after", r"(?i)do not drive if you feel sleepy"),
    ("why is it called dry needling", r"(?i)nothing is injected"),
    ("I'm pregnant, can I still have treatment", r"(?i)tell us if you are or might be pregnant"),
    ("I'm on warfarin", r"(?i)blood thinner"),
    ("I can't catch my breath after my session", r"(?i)urgent|emergency"),
    ("my leg jumped when the needle went in", r"(?i)twitch"),
    ("who is allowed to do dry needling", r"(?i)physiotherap|physical therap"),
    ("round purple marks from the cups", r"(?i)marks .{0,40}expected"),
    ("does moxa burn the skin", r"(?i)burn"),
    ("can moxibustion turn a breech baby", r"(?i)breech babies"),
    ("electric acupuncture with a pacemaker", r"(?i)pacemaker"),
    ("injection versus dry needling", r"(?i)injects? a medicine|hollow needle"),
    ("what is a trigger point", r"(?i)tender spot in a tight band"),
    ("what is qi", r"(?i)vital energy"),
    ("what does qi mean", r"(?i)meridian|channel|energy"),
    ("how many treatments will I need", r"(?i)6 to 10 sessions"),
    ("how many sessions", r"(?i)6 to 10 sessions"),
    ("what clothes should I wear", r"(?i)loose clothes"),
    ("should I eat before my appointment", r"(?i)light meal|whether to eat"),
    ("I am diabetic", r"(?i)diabetes"),
    ("acupuncture for migraines", r"(?i)migraine"),
    ("my headaches", r"(?i)headache"),
    ("acupressure point for feeling sick", r"(?i)PC6.{0,120}nausea|nausea.{0,120}PC6"),
    ("bruise where the needle was", r"(?i)bruises? .{0,80}(harmless|fade)"),
    ("pain got worse after treatment", r"(?i)worse for a while"),
    ("is cupping dangerous", r"(?i)rarely|safe"),
    ("does acupuncture actually work", r"(?i)helps many people.{0,40}not a cure"),
    ("what are the side effects", r"(?i)mild.{0,40}bruise"),
    ("can I go to the gym after dry needling", r"(?i)exercise"),
    ("can I exercise afterwards", r"(?i)gentle movement"),
    ("are trigger points the same as acupuncture points", r"(?i)same places|71%"),
    ("what does electroacupuncture feel like", r"(?i)tapping, buzzing or tingling"),
    ("what is moxibustion", r"(?i)warms acupuncture points"),
    ("is the soreness normal", r"(?i)soreness is normal"),
    ("will I bleed", r"(?i)bleeding"),
    ("what if I faint", r"(?i)faint"),
    ("what happens at the first appointment", r"(?i)first visit"),
    ("is ear acupuncture any good", r"(?i)outer ear"),
    ("can I drive after acupuncture", r"(?i)drive"),
]


def test_there_are_at_least_40_questions():
    assert len(QUESTIONS) >= 40
    assert len({q for q, _ in QUESTIONS}) == len(QUESTIONS)


@pytest.mark.parametrize(("question", "fact"), QUESTIONS, ids=[q for q, _ in QUESTIONS])
def test_the_first_hit_shows_the_answer_in_its_title_and_snippet(store, question, fact):
    hits = search(store.db, question, limit=5).hits
    assert hits, question
    shown = f"{hits[0].title} {hits[0].snippet}"
    assert re.search(fact, shown), [(h.title, h.snippet) for h in hits[:3]]


@pytest.mark.parametrize(
    ("question", "key"),
    [
        ("will it hurt", "will-it-hurt"),
        ("what is a trigger point", "what-is-trigger-point"),
        ("what is qi", "what-is-qi"),
        ("how long do the needles stay in", "how-long-needles-stay"),
    ],
)
def test_a_question_whose_wording_matches_comes_first_with_the_lead_of_its_answer(
    store, question, key
):
    hit = search(store.db, question).hits[0]
    assert (hit.kind, hit.key) == ("faqs", key)
    answer = store.db.execute("SELECT answer FROM faqs WHERE key = ?", [key]).fetchone()[0]
    first_sentence = answer.split(". ")[0]
    assert hit.snippet.startswith(first_sentence)
    assert "…" not in hit.snippet[:20]


def test_no_snippet_is_a_list_of_field_values(store):
    """Snippets are sentences from the record, never "TrP-masseter; ST6; Dry needling"."""
    for query in ("masseter", "ST6", "trigger point acupuncture", "upper trapezius", "GB21"):
        for hit in search(store.db, query, limit=20).hits:
            assert not re.search(r"\w+; \w+; \w+", hit.snippet), (query, hit.title, hit.snippet)
