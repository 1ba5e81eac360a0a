"""`filiform handout`: the batch-printing contract in docs/ARCHITECTURE.md."""

from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader

from desktop.cli.verbs import run
from tests.helpers import pdf_text


def cli(db_path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(["--db", str(db_path), "handout", *args], out, err)
    return code, out.getvalue(), err.getvalue()


def test_list_prints_names_and_titles(db_path):
    code, out, err = cli(db_path, "--list")
    assert code == 0 and err == ""
    assert "dry-needling-aftercare" in out
    assert "Dry needling: aftercare" in out
    assert "before-your-first-appointment" in out


def test_list_json_is_an_array_of_name_and_title(db_path):
    code, out, _ = cli(db_path, "--list", "--json")
    assert code == 0
    items = json.loads(out)
    assert len(items) >= 6
    assert all({"name", "title"} <= set(item) for item in items)
    assert "acupuncture-vs-dry-needling" in [i["name"] for i in items]


def test_export_writes_a_pdf_in_the_paper_size_asked(db_path, tmp_path, qapp):
    target = tmp_path / "aftercare.pdf"
    code, out, err = cli(
        db_path, "dry-needling-aftercare", "--pdf", str(target), "--paper", "letter"
    )
    assert code == 0, err
    assert str(target) in out
    reader = PdfReader(str(target))
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx((612, 792), abs=1)
    assert "usually lasts less than 3 days" in pdf_text(target)


def test_large_print_gives_more_pages(db_path, tmp_path, qapp):
    normal, large = tmp_path / "n.pdf", tmp_path / "l.pdf"
    assert cli(db_path, "acupuncture-aftercare", "--pdf", str(normal))[0] == 0
    assert cli(db_path, "acupuncture-aftercare", "--pdf", str(large), "--large-print")[0] == 0
    assert len(PdfReader(str(large)).pages) > len(PdfReader(str(normal)).pages)


def test_record_and_compare_handouts_by_path(db_path, tmp_path, qapp):
    target = tmp_path / "faq.pdf"
    assert cli(db_path, "record/faqs/will-it-hurt", "--pdf", str(target))[0] == 0
    assert "Will it hurt?" in pdf_text(target)
    assert cli(db_path, "compare/acupuncture/dry-needling", "--pdf", str(target))[0] == 0


def test_an_unknown_name_lists_the_known_ones(db_path, tmp_path):
    code, out, err = cli(db_path, "dry-needling-afercare", "--pdf", str(tmp_path / "x.pdf"))
    assert code == 1 and out == ""
    assert "no handout named 'dry-needling-afercare'" in err
    assert "Known handouts:" in err and "dry-needling-aftercare" in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("where", "says"),
    [
        (lambda p: p / "missing-folder" / "x.pdf", "does not exist"),
        (lambda p: p, "it is a folder"),
        (lambda p: (p / "file.txt").write_text("x") and p / "file.txt" / "x.pdf", "does not exist"),
    ],
)
def test_an_unwritable_path_says_so(db_path, tmp_path, where, says):
    target = where(tmp_path)
    code, out, err = cli(db_path, "dry-needling-aftercare", "--pdf", str(target))
    assert code == 1
    assert err.startswith(f"filiform: Cannot write {target}")
    assert says in err


def test_a_name_without_pdf_or_nothing_at_all_explains(db_path):
    code, _, err = cli(db_path, "dry-needling-aftercare")
    assert code == 1 and "--pdf" in err
    code, _, err = cli(db_path)
    assert code == 1 and "--list" in err


def test_a_missing_logo_prints_anyway_with_a_note(db_path, tmp_path, qapp, capsys):
    from db.connection import open_store
    from db.settings import save_settings

    store = open_store(db_path)
    save_settings(store.db, {"clinic_logo": str(tmp_path / "nope.png")})
    store.close()
    target = tmp_path / "x.pdf"
    code, out, _ = cli(db_path, "dry-needling-aftercare", "--pdf", str(target))
    assert code == 0 and target.exists()
    assert "logo was left out" in capsys.readouterr().err
