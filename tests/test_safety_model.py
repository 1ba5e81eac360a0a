"""Random sequences of clinic work against a model of what the clinic should see.

Hypothesis runs add / edit / hide / delete / undo / content update (newer and
older) / backup / restore in any order. After every step the database must
show exactly what the model says, and every text the clinic typed that the
model still remembers (on screen or in History) must be in the file. A
restore is the one step allowed to take text off screen and out of History:
the backup made just before it must then hold all of that text.
"""

from __future__ import annotations

import copy
import json
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from db import backups, editing
from db.connection import open_store
from db.paths import CONTENT_DIR
from db.records import get_record
from db.restore import restore_backup

SOURCE = "who-2008-point-locations"
CLINIC_KEYS = ("clinic-a", "clinic-b")
WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=1, max_size=12)


def _snapshot(rec: dict) -> dict:
    return {"answer": rec["answer"], "hidden": rec["hidden"]}


class ClinicModel(RuleBasedStateMachine):
    built_db: Path = Path()

    @initialize()
    def open_fresh_copy(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="filiform-model-"))
        self.path = self.folder / "clinic.sqlite3"
        shutil.copyfile(self.built_db, self.path)
        self.content = self.folder / "content"
        shutil.copytree(CONTENT_DIR, self.content)
        self.store = open_store(self.path, content_dir=self.content)
        rows = self.store.db["faqs"].rows_where("origin = 'shipped'", order_by="rowid", limit=2)
        self.shipped_keys = tuple(r["key"] for r in rows)
        # The model: what the clinic should see, shipped text, history per record.
        self.live: dict[str, dict | None] = {
            k: _snapshot(get_record(self.store.db, "faqs", k)) for k in self.shipped_keys
        }
        self.live.update({k: None for k in CLINIC_KEYS})
        self.shipped = {k: self.live[k]["answer"] for k in self.shipped_keys}
        self.history: dict[str, list[tuple[str, object, object]]] = {k: [] for k in self.live}
        self.version = 0  # content updates made: manifest 2099.1.<version>
        self.installed = 0  # the content version the file holds (0 = as built)
        self.saved: dict[Path, dict] = {}
        self.counter = 0

    def teardown(self) -> None:
        if hasattr(self, "store"):
            self.store.close()
            shutil.rmtree(self.folder, ignore_errors=True)

    # --- helpers -------------------------------------------------------------

    def _text(self, words: str) -> str:
        self.counter += 1
        return f"t{self.counter} {words.strip() or 'x'}"

    def _state(self) -> dict:
        return copy.deepcopy(
            {
                "live": self.live,
                "shipped": self.shipped,
                "history": self.history,
                "installed": self.installed,
            }
        )

    def _remembered_texts(self) -> set[str]:
        texts = {v["answer"] for v in self.live.values() if v}
        for changes in self.history.values():
            for field, old, new in changes:
                for value in (old, new):
                    if field == "answer" and value:
                        texts.add(value)
                    elif field == "*" and value:
                        texts.add(value["answer"])
        return texts - set(self.shipped.values())

    @staticmethod
    def _texts_in_file(path: Path) -> str:
        import sqlite3

        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            parts = [r[0] or "" for r in conn.execute("SELECT answer FROM faqs")]
            for old, new in conn.execute("SELECT old, new FROM revisions"):
                parts += [old or "", new or ""]
        finally:
            conn.close()
        return "\n".join(parts)

    def _apply_content_update(self, version: int) -> None:
        """What a content update does to the model: untouched records take the new text."""
        for key in self.shipped_keys:
            new = f"Shipped text {version} for {key}."
            if self.live[key]["answer"] == self.shipped[key]:
                self.live[key]["answer"] = new
            self.shipped[key] = new
        self.installed = version

    # --- rules ---------------------------------------------------------------

    @rule(key=st.sampled_from(CLINIC_KEYS), words=WORDS)
    def add(self, key, words):
        if self.live[key] is not None:
            with pytest.raises(editing.EditError, match="already"):
                editing.add_record(self.store, "faqs", self._record(key, words))
            return
        record = self._record(key, words)
        editing.add_record(self.store, "faqs", record)
        self.live[key] = {"answer": record["answer"], "hidden": 0}
        self.history[key].append(("*", None, dict(self.live[key])))

    def _record(self, key: str, words: str) -> dict:
        return {
            "key": key,
            "question": f"Question {key}?",
            "answer": self._text(words),
            "sources": [SOURCE],
        }

    @rule(data=st.data(), words=WORDS)
    def edit(self, data, words):
        present = [k for k, v in self.live.items() if v]
        key = data.draw(st.sampled_from(present))
        text = self._text(words)
        editing.update_record(self.store, "faqs", key, {"answer": text})
        self.history[key].append(("answer", self.live[key]["answer"], text))
        self.live[key]["answer"] = text

    @rule(data=st.data(), hidden=st.booleans())
    def hide_or_show(self, data, hidden):
        present = [k for k, v in self.live.items() if v]
        key = data.draw(st.sampled_from(present))
        editing.set_hidden(self.store, "faqs", key, hidden)
        if bool(self.live[key]["hidden"]) != hidden:
            self.history[key].append(("hidden", self.live[key]["hidden"], int(hidden)))
            self.live[key]["hidden"] = int(hidden)

    @precondition(lambda self: any(self.live[k] for k in CLINIC_KEYS))
    @rule(data=st.data())
    def delete(self, data):
        key = data.draw(st.sampled_from([k for k in CLINIC_KEYS if self.live[k]]))
        editing.delete_record(self.store, "faqs", key)
        self.history[key].append(("*", dict(self.live[key]), None))
        self.live[key] = None

    @precondition(lambda self: any(self.history.values()))
    @rule(data=st.data())
    def undo_newest(self, data):
        """Undo the newest change of a record, confirming as a person would."""
        key = data.draw(st.sampled_from([k for k, h in self.history.items() if h]))
        newest = editing.history(self.store, "faqs", key)[0]
        editing.undo(self.store, newest.id, force=True)
        field, old, new = self.history[key][-1]
        if field == "*":
            self.history[key].append(("*", new and dict(self.live[key]), old))
            self.live[key] = dict(old) if old else None
        else:
            self.history[key].append((field, self.live[key][field], old))
            self.live[key][field] = old

    @rule()
    def content_update(self):
        self.version += 1
        self._write_content(f"2099.1.{self.version}", self.version)
        self._reopen()
        self._apply_content_update(self.version)

    @rule()
    def older_filiform_opens_the_file(self):
        """An older Filiform on a shared file: its content must not win."""
        older = self.folder / "older-content"
        if not older.exists():
            shutil.copytree(CONTENT_DIR, older)
            faqs = json.loads((older / "faqs.json").read_text(encoding="utf-8"))
            for r in faqs["records"]:
                if r["key"] in self.shipped_keys:
                    r["answer"] = "Text from an older Filiform."
            (older / "faqs.json").write_text(json.dumps(faqs), encoding="utf-8")
            manifest = json.loads((older / "manifest.json").read_text(encoding="utf-8"))
            manifest["content_version"] = "2000.1.1"
            (older / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
        self.store.close()
        self.store = open_store(self.path, content_dir=older)
        self.the_clinic_sees_what_the_model_says()  # while the older one has it open
        self._reopen()

    @rule()
    def backup(self):
        made = backups.make_backup(self.store.db.conn, self.path, "manual")
        self.saved[made] = self._state()

    @precondition(lambda self: self.saved)
    @rule(data=st.data())
    def restore(self, data):
        choices = sorted(p for p in self.saved if p.exists())
        if not choices:
            return
        chosen = data.draw(st.sampled_from(choices))
        before = self._remembered_texts()
        safety = restore_backup(self.store, chosen, content_dir=self.content)
        in_safety = self._texts_in_file(safety)
        assert all(t in in_safety for t in before), "the before-restore backup lost text"
        state = copy.deepcopy(self.saved[chosen])
        self.live, self.shipped = state["live"], state["shipped"]
        self.history, self.installed = state["history"], state["installed"]
        if self.installed < self.version:  # an older backup takes the current content
            self._apply_content_update(self.version)

    def _write_content(self, version: str, number: int) -> None:
        faqs_path = self.content / "faqs.json"
        faqs = json.loads(faqs_path.read_text(encoding="utf-8"))
        for r in faqs["records"]:
            if r["key"] in self.shipped_keys:
                r["answer"] = f"Shipped text {number} for {r['key']}."
        faqs_path.write_text(json.dumps(faqs), encoding="utf-8")
        manifest_path = self.content / "manifest.json"
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        manifest["content_version"] = version
        manifest_path.write_text(json.dumps(manifest), encoding="utf-8")

    def _reopen(self) -> None:
        self.store.close()
        self.store = open_store(self.path, content_dir=self.content)

    # --- what the clinic sees -------------------------------------------------

    @invariant()
    def the_clinic_sees_what_the_model_says(self):
        if not hasattr(self, "store"):
            return
        for key, expected in self.live.items():
            record = get_record(self.store.db, "faqs", key)
            if expected is None:
                assert record is None, key
                continue
            assert record is not None, key
            assert record["answer"] == expected["answer"], key
            assert bool(record["hidden"]) == bool(expected["hidden"]), key
            indexed = self.store.db.execute(
                "SELECT count(*) FROM search_docs WHERE kind = 'faqs' AND key = ?", [key]
            ).fetchone()[0]
            assert indexed == (0 if expected["hidden"] else 1), key

    @invariant()
    def no_remembered_text_is_lost(self):
        if not hasattr(self, "store"):
            return
        in_file = self._texts_in_file(self.path)
        missing = [t for t in self._remembered_texts() if t not in in_file]
        assert not missing, missing


def test_random_clinic_work_loses_no_text(built_db):
    ClinicModel.built_db = built_db
    run_state_machine_as_test(
        ClinicModel,
        settings=settings(
            max_examples=10,
            stateful_step_count=12,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )
