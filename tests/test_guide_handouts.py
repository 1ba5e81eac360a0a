"""`handout which-approach-fits`: the blank questionnaire and a filled-in result on paper."""

from __future__ import annotations

import json

import pytest
from pypdf import PdfReader

from tests.test_guide import ALL_SAFETY
from tests.test_handouts_cli import cli, pdf_text

REHAB = {
    "help-with": ["help-sports", "help-rehab"],
    "include": ["include-exercise"],
    "who": "who-physio",
    "safety": ["safety-pregnant"],
}
# Everything a patient can tick at once: the longest result there is.
EVERYTHING = {
    "help-with": ["help-long-pain", "help-sports", "help-rehab"],
    "include": ["include-exercise", "include-whole-person", "include-rest", "include-quick"],
    "who": "who-physio",
    "soreness": "sore-avoid",
    "before": "before-acupuncture",
    "safety": ALL_SAFETY,
}


def guide_pdf(db_path, target, *args: str) -> tuple[int, str, str]:
    """`handout which-approach-fits ... --pdf TARGET`: (exit status, stdout, stderr)."""
    return cli(db_path, "which-approach-fits", *args, "--pdf", str(target))


def write_answers(tmp_path, answers, name="answers.json"):
    path = tmp_path / name
    path.write_text(json.dumps({"answers": answers}), encoding="utf-8")
    return path


def pages(path) -> int:
    return len(PdfReader(str(path)).pages)


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_blank_questionnaire_has_tick_boxes_for_every_question_in_two_pages(
    db_path, tmp_path, qapp, paper
):
    target = tmp_path / "questions.pdf"
    code, out, err = guide_pdf(db_path, target, "--paper", paper)
    assert code == 0, err
    assert "Wrote 'Which approach fits me?'" in out
    assert pages(target) <= 2
    text = pdf_text(target)
    assert "acupuncture" in text.lower() and "dry needling" in text.lower()
    for question in (
        "1. What would you like help with?",
        "Tick up to three.",
        "3. Who would you rather see?",
        "6. Do any of these apply to you?",
        "I am pregnant, or might be",
        "I have a pacemaker or another electrical device in my body",
    ):
        assert question in text, question
    assert text.count("\u2610") == 29  # one box per answer
    assert "Talk it over with a practitioner" in text
    assert "When to call" in text


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("answers", [REHAB, EVERYTHING], ids=["rehab", "everything"])
def test_a_filled_in_result_prints_in_two_pages_and_names_both_traditions(
    db_path, tmp_path, qapp, paper, answers
):
    target = tmp_path / "result.pdf"
    answers_file = write_answers(tmp_path, answers)
    code, _, err = guide_pdf(db_path, target, "--answers", str(answers_file), "--paper", paper)
    assert code == 0, err
    assert pages(target) <= 2
    text = pdf_text(target)
    assert "Dry needling, in its own terms" in text
    assert "Acupuncture, in its own terms" in text
    assert "Tell the practitioner first" in text
    assert "I am pregnant, or might be." in text
    assert "cure" not in text.lower()
    assert "Talk it over with a practitioner" in text


def test_the_rehab_result_leans_to_dry_needling_with_its_evidence(db_path, tmp_path, qapp):
    target = tmp_path / "result.pdf"
    answers = write_answers(tmp_path, REHAB)
    assert guide_pdf(db_path, target, "--answers", str(answers))[0] == 0
    text = pdf_text(target)
    assert "Your answers lean towards dry needling." in text
    assert text.index("First to talk about: Dry needling") < text.index(
        "The other choice: Acupuncture"
    )
    assert "Dry needling, limited evidence:" in text


def test_large_print_at_most_doubles_the_result(db_path, tmp_path, qapp):
    target = tmp_path / "large.pdf"
    answers = write_answers(tmp_path, EVERYTHING)
    code, _, err = guide_pdf(db_path, target, "--answers", str(answers), "--large-print")
    assert code == 0, err
    assert pages(target) <= 4


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ('{"answers": {"who": ', "is not valid JSON (line 1"),
        ('["help-sleep"]', 'must hold an object with an "answers" object in it'),
        (
            '{"answers": {"help-with": ["help-pizza"]}}',
            "'help-pizza' is not an answer to 'help-with'",
        ),
        (
            json.dumps(
                {
                    "answers": {
                        "help-with": ["help-sports", "help-rehab", "help-stress", "help-sleep"]
                    }
                }
            ),
            "'help-with' takes at most 3 answers, but 4 were given",
        ),
    ],
)
def test_a_malformed_answers_file_gets_one_sentence_and_exit_1(
    db_path, tmp_path, qapp, content, says
):
    answers = tmp_path / "answers.json"
    answers.write_text(content, encoding="utf-8")
    target = tmp_path / "result.pdf"
    code, out, err = guide_pdf(db_path, target, "--answers", str(answers))
    assert code == 1
    assert says in err
    assert err.count("\n") == 1  # one sentence, one line
    assert out == "" and not target.exists()


def test_answers_go_only_with_the_guide(db_path, tmp_path):
    answers = write_answers(tmp_path, REHAB)
    code, _, err = cli(
        db_path,
        "dry-needling-aftercare",
        "--answers",
        str(answers),
        "--pdf",
        str(tmp_path / "x.pdf"),
    )
    assert code == 1
    assert "--answers goes with the which-approach-fits handout" in err


def test_the_guide_is_in_the_handout_list(db_path):
    code, out, _ = cli(db_path, "--list")
    assert code == 0
    assert "which-approach-fits" in out and "Which approach fits me?" in out
