"""The benchmark's data generator still makes a sound, searchable database.

The benchmarks are not part of the test run, so without this test the
generator could rot unnoticed until someone needs a figure.
"""

from __future__ import annotations

from pathlib import Path

from db.checks import run_checks
from db.connection import open_store
from db.search import search
from tests.benchmarks.generate import generate


def test_generated_database_passes_checks_and_is_searchable(tmp_path: Path) -> None:
    report = generate(tmp_path / "generated.sqlite3", 300)
    assert report.generated == 300
    store = open_store(report.path)
    try:
        checks = run_checks(store)
        assert checks.problems == []
        assert f"Search index: ok ({report.indexed} records)" in checks.lines
        # A person searching for a generated question by its words finds it.
        faq = report.sample["faqs"]
        hits = search(store.db, faq["question"], kinds=["faqs"], limit=50)
        assert faq["key"] in [h.key for h in hits]
        point = report.sample["points"]
        hits = search(store.db, point["name"], kinds=["points"], limit=50)
        assert point["key"] in [h.key for h in hits]
    finally:
        store.close()
