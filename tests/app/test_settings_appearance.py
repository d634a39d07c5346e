"""The "Light or dark" setting: Light / Dark / Same as system, same as system by default."""

from __future__ import annotations

import json

import pytest

from app.settings import BY_KEY, Settings


def test_appearance_is_a_choice_of_light_dark_or_same_as_system(tmp_path):
    setting = BY_KEY["appearance"]
    assert setting.shown and setting.type is str
    assert setting.choices == (("light", "Light"), ("dark", "Dark"), ("system", "Same as system"))
    assert Settings(tmp_path / "settings.json").get("appearance") == "system"


def test_a_chosen_appearance_is_kept(tmp_path):
    path = tmp_path / "settings.json"
    Settings(path).set("appearance", "dark")
    assert Settings(path).get("appearance") == "dark"


@pytest.mark.parametrize("value", ["purple", "", "Dark", 1, None])
def test_anything_else_is_refused(tmp_path, value):
    settings = Settings(tmp_path / "settings.json")
    with pytest.raises(ValueError):
        settings.set("appearance", value)
    assert settings.get("appearance") == "system"


def test_a_hand_edited_file_with_another_value_falls_back_to_same_as_system(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"appearance": "sepia"}))
    assert Settings(path).get("appearance") == "system"
