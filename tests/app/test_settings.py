from __future__ import annotations

import json

import pytest

from app.settings import SETTINGS, Settings


def test_defaults_without_a_file(tmp_path):
    s = Settings(tmp_path / "settings.json")
    assert s.get("auto_lock_minutes") == 10
    assert s.get("region") == ""  # not chosen: the locale's country, else "Get help now" asks


def test_set_persists_and_reloads(tmp_path):
    path = tmp_path / "settings.json"
    Settings(path).set("auto_lock_minutes", 3)
    assert Settings(path).get("auto_lock_minutes") == 3
    assert oct(path.stat().st_mode & 0o777) == "0o600"


@pytest.mark.parametrize("value", [-1, 241, True, "5", 2.5, None])
def test_invalid_values_are_refused(tmp_path, value):
    s = Settings(tmp_path / "settings.json")
    with pytest.raises((ValueError, TypeError)):
        s.set("auto_lock_minutes", value)
    assert s.get("auto_lock_minutes") == 10


def test_hostile_file_falls_back_to_defaults(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"auto_lock_minutes": "lots", "unknown": 1, "region": 7}))
    s = Settings(path)
    assert s.get("auto_lock_minutes") == 10
    assert s.get("region") == ""
    path.write_bytes(b"\xff\x00 not json")
    assert Settings(path).get("auto_lock_minutes") == 10


def test_every_setting_has_a_label_and_a_valid_default(tmp_path):
    s = Settings(tmp_path / "settings.json")
    for setting in SETTINGS:
        assert setting.label
        s.set(setting.key, setting.default)


def test_two_settings_over_one_file_keep_each_others_changes(tmp_path):
    from app.settings import Settings

    path = tmp_path / "settings.json"
    early, later = Settings(path), Settings(path)
    assert later.get("auto_lock_minutes") == early.get("auto_lock_minutes")  # both read
    early.set("region", "NZ")
    later.set("auto_lock_minutes", 5)
    fresh = Settings(path)
    assert fresh.get("region") == "NZ" and fresh.get("auto_lock_minutes") == 5
