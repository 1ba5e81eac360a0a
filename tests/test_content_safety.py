"""Safety, aftercare and patient-question text says what its sources say (issue 15, items 1-8).

Each test reads the shipped content the way the app loads it and checks the
words a patient or receptionist sees, plus the sources those words rest on.
"""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from db.content import load_content_dir
from db.kinds import KINDS
from db.paths import CONTENT_DIR
from desktop.printing.handouts import catalogue, compose, when_to_call
from desktop.printing.printer import render_pdf


@pytest.fixture(scope="module")
def bundle():
    return load_content_dir(CONTENT_DIR)


def _records(bundle, kind: str) -> dict[str, dict]:
    return {r["key"]: r for r in bundle.records[kind]}


def _patient_texts(bundle) -> list[tuple[str, str, str]]:
    """(kind, key, text) for every patient-facing field."""
    found = []
    for kind, rows in bundle.records.items():
        for f in KINDS[kind].fields:
            if f.patient_facing:
                found += [(kind, r["key"], r[f.name]) for r in rows if r.get(f.name)]
    return found


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


# 1. Lung puncture (pneumothorax)


LUNG_SIGNS = ("breath", "chest pain", "shoulder blade", "upper back")


def test_lung_puncture_warning_names_shoulder_blade_pain_and_a_delayed_start(bundle):
    safety = _records(bundle, "safety")["pneumothorax-chest-wall"]
    aftercare = _records(bundle, "aftercare")["needle-chest-breathless"]
    for record in (safety, aftercare):
        text = record["text"].lower()
        for sign in LUNG_SIGNS:
            assert sign in text, (record["key"], sign)
        assert "2 days" in text, record["key"]
        assert "hours later" in text, record["key"]
    assert aftercare["level"] == "urgent"
    assert "2 days" in aftercare["time_frame"]


def test_lung_puncture_patient_question_gives_the_same_signs(bundle):
    faq = _records(bundle, "faqs")["breathless-after"]
    answer = faq["answer"].lower()
    for sign in ("breath", "chest pain", "shoulder blade", "upper back", "hours later"):
        assert sign in answer, sign
    assert "shoulder-blade" in faq["question"].lower()


def test_no_text_limits_the_lung_warning_to_the_day_of_treatment(bundle):
    for kind, key, text in _patient_texts(bundle):
        assert "rest of the day" not in text.lower(), (kind, key)


def test_lung_warning_rests_on_the_case_reports_that_show_those_signs(bundle):
    sources = _records(bundle, "sources")
    assert "shoulder" in sources["huisma-2015"]["notes"].lower()
    assert "2-day" in sources["smith-2021-pneumothorax"]["notes"]
    assert "shoulder blade" in sources["smith-2021-pneumothorax"]["notes"]
    for key in ("pneumothorax-chest-wall",):
        cited = set(_records(bundle, "safety")[key]["sources"])
        assert {"huisma-2015", "smith-2021-pneumothorax", "hampton-2014-pneumothorax"} <= cited


def test_each_handout_gives_the_urgent_lung_warning_once(store):
    """Safety text is never left out and never stacked: one urgent lung note per handout."""
    needled = ("acupuncture", "dry-needling", "electroacupuncture", "trigger-point-injection")
    for modality in needled:
        notes = when_to_call(store.db, [modality])
        lung = [n for n in notes if "breath" in n["text"].lower()]
        assert len(lung) == 1, (modality, [n["key"] for n in lung])
        assert lung[0]["level"] == "urgent"


def test_printed_aftercare_handout_carries_the_shoulder_blade_warning(store, qapp):
    names = [info.name for info in catalogue(store.db)]
    assert "dry-needling-aftercare" in names
    data, _pages = render_pdf(compose(store.db, "dry-needling-aftercare"))
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages)
    assert "shoulder blade" in text
    assert "Signs can start hours later" in text
    assert text.count("A needle can rarely puncture a lung") == 1


# 2. Bleeding disorders and BL40


def test_bleeding_record_does_not_stretch_the_blood_thinner_review_to_bleeding_disorders(bundle):
    record = _records(bundle, "safety")["blood-thinners-bleeding"]
    sentences = _sentences(record["text"])
    hopeful = [s for s in sentences if "need not rule out" in s or "possible" in s]
    assert hopeful, "the blood-thinner sentence is there"
    for s in hopeful:
        assert "haemophilia" not in s.lower() and "platelet" not in s.lower(), s
    disorder = [s for s in sentences if "haemophilia" in s.lower()]
    assert disorder, "bleeding disorders are still named"
    following = sentences[sentences.index(disorder[0]) + 1]
    assert "guidelines" in following and "extra care" in following
    assert "only at blood-thinning medicines" in record["text"]
    assert {"munoz-2022", "iscp-2012"} <= set(record["sources"])
    munoz = _records(bundle, "sources")["munoz-2022"]["notes"].lower()
    assert "haemophilia" not in munoz and "antithrombotic" in munoz


def test_blood_thinner_answer_keeps_bleeding_disorders_apart(bundle):
    answer = _records(bundle, "faqs")["blood-thinners"]["answer"]
    for s in _sentences(answer):
        if "need not rule out" in s:
            assert "disorder" not in s and "platelet" not in s
    assert "bleeding disorder" in answer


def test_bl40_warns_about_the_popliteal_vessels(bundle):
    points = _records(bundle, "points")
    caution = points["BL40"]["cautions"]
    assert "popliteal artery and vein" in caution
    assert {"kao-chang-2002-popliteal", "woodley-bl40"} <= set(points["BL40"]["sources"])
    assert "artery" in points["LR3"]["cautions"]


# 3. Pregnancy


def test_pregnancy_guidance_names_gb21_lower_belly_and_sacral_points(bundle):
    texts = {
        "safety": _records(bundle, "safety")["pregnancy-points"]["text"],
        "faq": _records(bundle, "faqs")["safe-when-pregnant"]["answer"],
    }
    for where, text in texts.items():
        for point in ("LI4", "SP6", "BL60", "BL67", "GB21", "BL31", "BL34"):
            assert point in text, (where, point)
        assert "lower belly" in text, where
        assert "no objective evidence" in text, where


def test_gb21_pregnancy_caution_is_sourced_not_marked_unconfirmed(bundle):
    gb21 = _records(bundle, "points")["GB21"]
    caution = gb21["cautions"]
    assert "pregnan" in caution and "lung" in caution
    assert "not confirmed" not in caution
    assert {"tcmstudy-forbidden-points", "goldfields-physio-precautions"} <= set(gb21["sources"])
    notes = _records(bundle, "sources")["tcmstudy-forbidden-points"]["notes"]
    assert "GB21" in notes and "sacral" in notes


# 4. Epilepsy


def test_epilepsy_record_reports_the_seizure_as_the_survey_judged_it(bundle):
    record = _records(bundle, "safety")["epilepsy"]
    text = record["text"]
    assert "probably caused by a faint" in text
    assert "not by epilepsy" in text
    assert "white-2001" in record["sources"]
    assert "reflex anoxic" in _records(bundle, "sources")["white-2001"]["notes"]


# 5. Headache and migraine


def test_headache_answer_gives_migraine_figures_and_the_small_gap_over_sham(bundle):
    faq = _records(bundle, "faqs")["headache-migraine"]
    answer = faq["answer"]
    assert "moderate benefit" not in answer
    assert "migraine" in answer.lower()
    assert "41 of 100" in answer and "17 of 100" in answer
    assert "only slightly better than fake" in answer
    assert {"linde-2016-migraine", "linde-2016-tth", "vickers-2018"} <= set(faq["sources"])
    notes = _records(bundle, "sources")["linde-2016-migraine"]["notes"]
    assert "41 of 100" in notes and "17 of 100" in notes
    assert "0.2 SD" in _records(bundle, "sources")["vickers-2018"]["notes"]


# 6. Soreness after dry needling


def test_no_patient_text_claims_a_24_to_48_hour_soreness(bundle):
    for kind, key, text in _patient_texts(bundle):
        assert not re.search(r"24\s*(to|-)\s*48", text), (kind, key)


def test_soreness_text_says_what_each_study_found(bundle):
    record = _records(bundle, "aftercare")["dn-soreness-24-48h"]
    text = record["text"]
    assert "within 2 to 8 hours" in text  # Hong 1994
    assert "3 days they were followed" in text  # Martin-Pintado-Zugasti 2016
    assert "usually lasts less than 3 days" in text  # Martin-Pintado-Zugasti 2018
    assert {"hong-1994", "martin-pintado-2016", "martin-pintado-2018"} <= set(record["sources"])
    sources = _records(bundle, "sources")
    assert "2-8 hours" in sources["hong-1994"]["notes"]
    assert "72 hours" in sources["martin-pintado-2016"]["notes"]
    assert "less than 72 hours" in sources["martin-pintado-2018"]["notes"]


def test_flare_records_no_longer_promise_a_time_frame_the_sources_lack(bundle):
    aftercare = _records(bundle, "aftercare")
    for key in ("acu-symptoms-flare", "dn-worse-pain"):
        record = aftercare[key]
        assert "24" not in record["time_frame"] and "48" not in record["time_frame"], key
        assert "day or two" not in record["text"], key
    answer = _records(bundle, "faqs")["pain-worse-after"]["answer"]
    assert "day or two" not in answer


# 7. Cupping


def test_wet_cupping_is_described_as_breaking_the_skin_on_purpose(bundle):
    for kind, key, text in _patient_texts(bundle):
        assert "wound is not expected" not in text, (kind, key)
    expectation = _records(bundle, "expectations")["cup-after-marks"]["text"]
    assert "wet cupping" in expectation.lower() and "on purpose" in expectation
    aftercare = _records(bundle, "aftercare")["cup-wet-infection"]
    assert "on purpose" in aftercare["text"]
    assert "wang-2023-wet-cupping" in aftercare["sources"]


def test_who_performs_cupping_is_sourced(bundle):
    cupping = _records(bundle, "modalities")["cupping"]
    practitioners = cupping["practitioners"]
    assert "athletic trainers" in practitioners and "hijama" in practitioners
    assert {"stephens-2022-cupping", "wang-2023-wet-cupping"} <= set(cupping["sources"])


# 8. Auricular


def test_auricular_session_length_matches_its_retention_and_sources(bundle):
    ear = _records(bundle, "modalities")["auricular-acupuncture"]
    assert "few minutes" not in ear["session_length"]
    for field in ("session_length", "retention"):
        assert "for days" in ear[field], field
        assert "Yeh 2012" in ear[field], field
    assert "yeh-2012-auricular-acupressure" in ear["sources"]
    assert "7 days" in _records(bundle, "sources")["yeh-2012-auricular-acupressure"]["notes"]


# Across all patient text


def test_patient_text_never_promises_a_cure(bundle):
    for kind, key, text in _patient_texts(bundle):
        for match in re.finditer(r"\bcur(e|es|ed|ing)\b", text, re.IGNORECASE):
            before = text[max(0, match.start() - 12) : match.start()].lower()
            assert before.endswith(("not a ", "no ")), (kind, key, text[match.start() - 30 :])


def test_every_undated_web_page_source_says_so(bundle):
    for source in bundle.records["sources"]:
        if source.get("type") == "web page" and source["year"] >= 2026:
            assert "undated" in source["notes"], source["key"]
