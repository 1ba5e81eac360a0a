"""The "Which approach fits me?" guide: what a patient's answers add up to.

Each test answers as a patient at the desk would and reads what the result
says: which tradition comes first, why, what to tell the practitioner."""

from __future__ import annotations

import json
import re
import sqlite3

import pytest

from db import editing, schema
from db.connection import open_store
from db.content import load_content_dir
from db.guide import AnswersError, load_guide, read_answers_file, score
from db.kinds import KINDS
from db.paths import CONTENT_DIR

SPORTS_REHAB = {
    "help-with": ["help-sports", "help-rehab"],
    "include": ["include-exercise"],
    "who": "who-physio",
}
STRESS_SLEEP = {"help-with": ["help-stress", "help-sleep"], "include": ["include-rest"]}
MIXED = {"help-with": ["help-rehab", "help-stress"]}
# Words that would name a condition the patient has: the guide never says them.
DIAGNOSIS = re.compile(
    "|".join(
        (
            r"\byou (probably |likely )?have (a |an )?(condition|disorder|syndrome|disease|injury)",
            r"\bthis (means|shows) you have\b",
            r"\byour (diagnosis|condition) is\b",
            r"\bdiagnosed with\b",
            r"\byou are suffering from\b",
        )
    ),
    re.IGNORECASE,
)
ALL_SAFETY = [
    "safety-pregnant",
    "safety-blood-thinners",
    "safety-needle-fear",
    "safety-pacemaker",
    "safety-lymphoedema",
    "safety-immunity",
    "safety-diabetes",
]


@pytest.fixture
def guide(store):
    return load_guide(store.db)


def test_a_sports_injury_in_rehab_shows_dry_needling_first_and_acupuncture_as_the_alternative(
    guide,
):
    result = score(guide, SPORTS_REHAB)
    assert result.lean == "dry-needling"
    assert result.headline.title == "Your answers lean towards dry needling"
    assert result.first.name == "Dry needling" and result.alternative.name == "Acupuncture"
    # why: the answers that drove it, in the patient's own ticks
    why = [r.answer for r in result.first.reasons]
    assert why[0].startswith("An injury I am already having rehab for")
    assert "A hands-on plan with exercises to do at home" in why
    # both traditions in their own terms
    assert "trigger points" in result.first.text
    assert "qi" in result.alternative.text
    # evidence in the content's plain grades, the leaning tradition first
    rehab = [e for e in result.evidence if e.answer.startswith("An injury")]
    assert [e.modality for e in rehab] == ["dry-needling", "acupuncture"]
    assert {e.strength for e in result.evidence} <= {
        "strong",
        "moderate",
        "limited",
        "debated",
        "mixed",
    }


def test_stress_and_sleep_show_acupuncture_first(guide):
    result = score(guide, STRESS_SLEEP)
    assert result.lean == "acupuncture"
    assert result.first.modality == "acupuncture"
    assert result.alternative.modality == "dry-needling"
    assert [r.answer for r in result.first.reasons][:2] == [
        "Stress, tension or worry",
        "Sleeping badly",
    ]
    sleep = [e for e in result.evidence if e.answer == "Sleeping badly"]
    assert sleep and sleep[0].strength == "limited"
    assert "too weak to say" in sleep[0].text


def test_a_pregnant_patient_is_told_to_tell_the_practitioner_first(guide):
    result = score(guide, {**STRESS_SLEEP, "safety": ["safety-pregnant"]})
    assert result.safety_intro is not None
    assert result.safety_intro.title == "Tell the practitioner first"
    assert len(result.safety) == 1
    assert result.safety[0].answer == "I am pregnant, or might be"
    assert "avoided in pregnancy" in result.safety[0].tell
    text = result.plain_text()
    assert text.index("Tell the practitioner first") < text.index(result.first.title)
    assert result.safety[0].note_title == "Pregnancy and needling"
    # without a safety answer there is nothing to tell
    assert score(guide, STRESS_SLEEP).safety == []


def test_every_safety_screen_answer_says_what_to_tell(guide):
    safety = guide.question("safety")
    ticks = [o.key for o in safety.options if o.key != "safety-none"]
    assert len(ticks) == 7
    result = score(guide, {"safety": ticks})
    assert len(result.safety) == 7
    assert all(p.tell and p.note_title for p in result.safety)
    words = " ".join(p.answer + " " + p.tell for p in result.safety).lower()
    for topic in (
        "pregnant",
        "blood thinners",
        "afraid of needles",
        "pacemaker",
        "lymphoedema",
        "immune",
        "diabetes",
    ):
        assert topic in words, topic


def test_mixed_answers_say_both_ways_and_show_both_reasons(guide):
    result = score(guide, MIXED)
    assert result.both_ways and result.lean is None
    assert result.headline.title == "Your answers point both ways"
    reasons = {
        result.first.modality: result.first.reasons,
        result.alternative.modality: result.alternative.reasons,
    }
    assert [r.answer for r in reasons["acupuncture"]] == ["Stress, tension or worry"]
    assert reasons["dry-needling"][0].answer.startswith("An injury I am already having rehab for")


def test_no_answers_lean_neither_way(guide):
    result = score(guide, {})
    assert result.both_ways
    assert result.headline.title == "Not enough answers to lean either way"
    assert result.closing.title == "Talk it over with a practitioner"


def test_a_complaint_without_research_lines_says_so(guide):
    result = score(guide, {"help-with": ["help-wellbeing"]})
    assert result.unresearched == ["Feeling well in general"]


@pytest.mark.parametrize(
    "answers",
    [
        SPORTS_REHAB,
        STRESS_SLEEP,
        MIXED,
        {},
        {"help-with": ["help-long-pain", "help-wellbeing"], "safety": ALL_SAFETY},
    ],
)
def test_no_result_says_cure_or_diagnoses_and_each_ends_with_talk_it_over(guide, answers):
    text = score(guide, answers).plain_text()
    assert "cure" not in text.lower()
    assert not DIAGNOSIS.search(text), DIAGNOSIS.search(text)
    assert text.rstrip().splitlines()[-2] == "Talk it over with a practitioner"


def test_a_clinic_edit_to_a_weight_changes_the_result(store):
    """Weights are records: the clinic's edit, not code, decides the lean."""
    assert score(load_guide(store.db), {"help-with": ["help-sports"]}).both_ways
    editing.update_record(store, "guide_options", "help-sports", {"dry_needling": 4})
    result = score(load_guide(store.db), {"help-with": ["help-sports"]})
    assert result.lean == "dry-needling"


@pytest.mark.parametrize(
    ("answers", "says"),
    [
        ({"mood": ["help-sleep"]}, "'mood' is not a question in the guide"),
        ({"help-with": ["help-pizza"]}, "'help-pizza' is not an answer to 'help-with'"),
        ({"who": ["who-physio", "who-acupuncturist"]}, "'who' takes one answer, but 2 were given"),
        ({"help-with": 3}, "must be an answer key or a list of them"),
        (["help-sleep"], "must be an object of question keys"),
    ],
)
def test_answers_the_guide_cannot_read_get_one_sentence(guide, answers, says):
    with pytest.raises(AnswersError, match=re.escape(says)):
        score(guide, answers)


def test_answers_file_problems_are_named(tmp_path):
    broken = tmp_path / "answers.json"
    broken.write_text('{"answers": {"who": ', encoding="utf-8")
    with pytest.raises(AnswersError, match="is not valid JSON"):
        read_answers_file(broken)
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"who": "who-physio"}), encoding="utf-8")
    with pytest.raises(AnswersError, match='an "answers" object'):
        read_answers_file(wrong)
    with pytest.raises(AnswersError, match="does not exist"):
        read_answers_file(tmp_path / "nowhere.json")


def test_guide_content_is_sourced_where_it_states_a_fact():
    bundle = load_content_dir(CONTENT_DIR)
    for option in bundle.records["guide_options"]:
        if option.get("reason") and option["key"].startswith("before-"):
            continue  # "You said it suited you" restates the patient's answer
        if option.get("reason") or option.get("tell"):
            assert option["sources"], option["key"]
    for text in bundle.records["guide_texts"]:
        if text["role"] in ("tradition", "safety"):
            assert text["sources"], text["key"]
    questions = {q["key"]: q for q in bundle.records["guide_questions"]}
    assert 6 <= len(questions) <= 10
    assert {q["part"] for q in questions.values()} == {"your problem", "what matters", "safety"}


def test_an_older_database_gets_the_guide_when_it_is_upgraded(db_path):
    """A clinic's file made before the guide existed gains its tables and records."""
    conn = sqlite3.connect(db_path)
    for kind in ("guide_questions", "guide_options", "guide_evidence", "guide_texts"):
        conn.execute(f'DROP TABLE "{kind}"')
        conn.execute("DELETE FROM shipped WHERE kind = ?", [kind])
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm004_guide'")
    conn.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    store = open_store(db_path)
    try:
        assert any("Backed up" in n for n in store.notices)
        assert schema.schema_version(store.db) == schema.SCHEMA_VERSION
        assert store.db["guide_questions"].count == 6
        assert score(load_guide(store.db), STRESS_SLEEP).lean == "acupuncture"
        shipped = store.db.execute("SELECT count(*) FROM shipped WHERE kind = 'guide_options'")
        assert shipped.fetchone()[0] == store.db["guide_options"].count
    finally:
        store.close()


def test_guide_kinds_stay_out_of_search():
    assert not any(
        KINDS[k].searchable
        for k in ("guide_questions", "guide_options", "guide_evidence", "guide_texts")
    )
