"""Clinic settings: one registry, stored in the database so they travel with it."""

from __future__ import annotations

import pytest

from db.exchange import export_pack
from db.settings import (
    SETTINGS,
    SettingError,
    get_setting_value,
    load_settings,
    save_settings,
)


def test_every_setting_has_a_default_and_a_label(store):
    values = load_settings(store.db)
    assert set(values) == {s.key for s in SETTINGS}
    assert values["paper_size"] == "a4"
    assert values["large_print"] is False
    assert all(s.label for s in SETTINGS)
    for needed in (
        "clinic_name",
        "clinic_address",
        "clinic_phone",
        "clinic_email",
        "clinic_website",
        "clinic_logo",
        "handout_footer",
        "paper_size",
        "large_print",
    ):
        assert needed in values


def test_saved_settings_come_back_and_travel_in_an_exported_pack(store):
    save_settings(
        store.db,
        {
            "clinic_name": "  Riverside   Clinic ",
            "clinic_address": "12 Mill Lane\nRiverside",
            "paper_size": "Letter",
            "large_print": True,
        },
    )
    values = load_settings(store.db)
    assert values["clinic_name"] == "Riverside Clinic"
    assert values["clinic_address"] == "12 Mill Lane\nRiverside"
    assert values["paper_size"] == "letter"
    assert values["large_print"] is True
    assert get_setting_value(store.db, "paper_size") == "letter"
    assert export_pack(store.db)["settings"]["clinic_name"] == "Riverside Clinic"


def test_a_bad_value_writes_nothing(store):
    save_settings(store.db, {"clinic_name": "Before"})
    with pytest.raises(SettingError, match="Paper size must be one of a4, letter"):
        save_settings(store.db, {"clinic_name": "After", "paper_size": "A3"})
    assert load_settings(store.db)["clinic_name"] == "Before"
    with pytest.raises(SettingError, match="not a clinic setting"):
        save_settings(store.db, {"colour": "red"})


def test_a_damaged_stored_value_falls_back_to_the_default(store):
    store.db.execute("INSERT INTO settings (key, value) VALUES ('paper_size', 'A0')")
    store.db.conn.commit()
    assert load_settings(store.db)["paper_size"] == "a4"
