"""The command-line contract of docs/ARCHITECTURE.md, as a script would use it."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from db.connection import open_store
from desktop.cli.verbs import build_parser, run
from tests.helpers import modalities_of

ROOT = Path(__file__).resolve().parent.parent


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        code = run(list(args), out, err)
    except SystemExit as e:  # argparse usage errors
        code = e.code
    return code, out.getvalue(), err.getvalue()


def test_main_py_search_json_answers_the_retention_question(db_path):
    proc = subprocess.run(
        [
            sys.executable,
            "main.py",
            "--db",
            str(db_path),
            "search",
            "how long do the needles stay in",
            "--json",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    hits = json.loads(proc.stdout)
    assert {"kind", "key", "title", "snippet"} <= set(hits[0])
    store = open_store(db_path)
    answers = [h for h in hits[:3] if "acupuncture" in modalities_of(store.db, h["kind"], h["key"])]
    assert any("minutes" in h["snippet"] for h in answers)


def test_filiform_db_environment_variable_is_used(db_path, monkeypatch):
    monkeypatch.setenv("FILIFORM_DB", str(db_path))
    code, out, _ = cli("search", "Zusanli", "--json")
    assert code == 0
    assert json.loads(out)[0]["key"] == "ST36"


def test_search_text_output_kind_and_limit(db_path):
    code, out, err = cli("--db", str(db_path), "search", "needle", "--kind", "faqs", "--limit", "2")
    assert code == 0, err
    lines = [line for line in out.splitlines() if line[:3].strip().rstrip(".").isdigit()]
    assert len(lines) == 2
    assert all("[Patient question]" in line for line in lines)


def test_search_with_no_results_says_so(db_path):
    code, out, _ = cli("--db", str(db_path), "search", "qwzxv")
    assert code == 0
    assert "No results" in out


def test_search_did_you_mean_in_text_output(db_path):
    code, out, _ = cli("--db", str(db_path), "search", "acupunture")
    assert code == 0
    assert "Showing results for: acupuncture" in out


def test_usage_error_exits_2(db_path):
    code, _, _ = cli("--db", str(db_path), "search")
    assert code == 2
    code, _, _ = cli("--db", str(db_path), "search", "x", "--limit", "many")
    assert code == 2


def test_bad_limit_is_one_sentence_exit_1(db_path):
    code, _, err = cli("--db", str(db_path), "search", "x", "--limit", "0")
    assert code == 1
    assert err.strip() == "filiform: --limit must be at least 1."


def test_check_passes_on_a_fresh_database(db_path):
    code, out, err = cli("--db", str(db_path), "check")
    assert code == 0, err
    assert "Integrity: ok" in out
    assert "All checks passed." in out


def test_check_reports_a_record_citing_a_missing_source(db_path):
    import sqlite3

    conn = sqlite3.connect(db_path)
    conn.execute("""UPDATE faqs SET sources = '["vanished-paper"]' WHERE rowid = 1""")
    conn.commit()
    conn.close()
    code, out, err = cli("--db", str(db_path), "check")
    assert code == 1
    assert "vanished-paper" in err
    assert err.count("\n") == 1


def test_export_then_import_round_trip(db_path, tmp_path):
    pack = tmp_path / "pack.json"
    code, out, err = cli("--db", str(db_path), "export", str(pack))
    assert code == 0, err
    assert "Exported" in out
    code, out, err = cli("--db", str(tmp_path / "other.sqlite3"), "import", str(pack))
    assert code == 0, err
    assert "Imported pack.json" in out


def test_import_of_a_malformed_file_is_one_sentence(db_path, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    code, _, err = cli("--db", str(db_path), "import", str(bad))
    assert code == 1
    assert err.startswith(
        "filiform: Nothing was imported from bad.json: bad.json is not valid JSON"
    )
    assert "Traceback" not in err


def test_export_to_an_unwritable_place_is_one_sentence(db_path, tmp_path):
    code, _, err = cli("--db", str(db_path), "export", str(tmp_path / "no" / "such" / "dir.json"))
    assert code == 1
    assert err.startswith("filiform: Cannot write")


def test_database_that_cannot_be_created_is_one_sentence(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    code, _, err = cli("--db", str(blocker / "filiform.sqlite3"), "search", "x")
    assert code == 1
    assert err.startswith("filiform: Cannot create the folder")
    assert "Traceback" not in err and err.count("\n") == 1


def test_a_damaged_database_is_replaced_and_the_cli_says_where_it_went(db_path):
    # Filiform's own header survives; the pages after it are garbage.
    db_path.write_bytes(db_path.read_bytes()[:4096] + b"not a database at all" * 200)
    code, out, err = cli("--db", str(db_path), "search", "Zusanli")
    assert code == 0
    assert "filiform: note: The database" in err and ".damaged-" in err
    assert "ST36" in out


@pytest.mark.parametrize("verb", ["search", "handout", "export", "import", "check"])
def test_every_verb_is_documented_in_readme_and_help(verb):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"python main.py [--db PATH] {verb}" in readme
    assert verb in build_parser().format_help()


def test_no_traceback_when_run_as_a_process_with_a_bad_db(tmp_path):
    (tmp_path / "blocker").write_text("a file where a folder should be", encoding="utf-8")
    env = {**os.environ, "FILIFORM_DB": str(tmp_path / "blocker" / "x.sqlite3")}
    proc = subprocess.run(
        [sys.executable, "main.py", "check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert proc.stderr.count("\n") == 1


def test_check_works_on_a_read_only_database(db_path):
    import sqlite3

    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE meta SET value = '42' WHERE key = 'schema_version'")  # a newer Filiform
    conn.commit()
    conn.close()
    code, out, err = cli("--db", str(db_path), "check")
    assert "Opened read-only: it was written by a newer version of Filiform" in out
    assert "Search index: ok" in out
    assert code == 0, err
