from __future__ import annotations

import datetime as dt
import json
from urllib.parse import urlparse

import pytest

import resources
from app.crisis import (
    ELSEWHERE,
    KINDS,
    choices,
    lines_for,
    regions,
    resolve_region,
    system_region,
    territory,
)

REQUIRED = {"AU", "NZ", "GB", "IE", "US", "CA", ELSEWHERE}


def _no_locale() -> tuple[None, None]:
    return (None, None)


def test_australia_ships_the_required_lines():
    numbers = {line.number for line in regions()["AU"].lines}
    assert {"13 11 14", "0477 13 11 14", "1300 659 467", "1300 22 4636", "000"} <= numbers


@pytest.mark.parametrize(
    ("code", "emergency", "line"),
    [
        ("NZ", "111", "1737"),
        ("GB", "999", "116 123"),
        ("IE", "112 or 999", "116 123"),
        ("US", "911", "988"),
        ("CA", "9-1-1", "9-8-8"),
    ],
)
def test_each_region_has_its_own_numbers(code, emergency, line):
    region = regions()[code]
    assert [ln.number for ln in region.lines if ln.kind == "emergency"] == [emergency]
    assert line in {ln.number for ln in region.lines if ln.kind == "call"}


def test_the_required_regions_are_there():
    assert set(regions()) >= REQUIRED


def test_every_region_has_an_emergency_line_first_and_someone_to_call():
    for code, region in regions().items():
        kinds = [line.kind for line in region.lines]
        assert kinds[0] == "emergency", code
        assert kinds.count("emergency") == 1, code
        if code == ELSEWHERE:
            # No one number works everywhere: a directory of the world's helplines instead.
            web = [line for line in region.lines if line.kind == "web"]
            assert web and all(urlparse(line.url).scheme == "https" for line in web)
            assert "findahelpline.com" in {urlparse(line.url).netloc for line in web}
        else:
            assert "call" in kinds, code


def test_every_line_records_its_source_and_when_it_was_checked():
    raw = json.loads(resources.read_text("crisis_lines.json"))["regions"]
    for code, region in regions().items():
        for line, data in zip(region.lines, raw[code]["lines"], strict=True):
            where = f"{code} {line.name}"
            for url in (line.source, data["confirmed_on"]):
                parsed = urlparse(url)
                assert parsed.scheme == "https" and "." in parsed.netloc, where
            checked = dt.date.fromisoformat(line.checked)
            assert dt.date(2026, 1, 1) <= checked <= dt.date.today(), where


def test_every_line_is_well_formed():
    for code, region in regions().items():
        assert region.name
        for line in region.lines:
            assert line.name and line.about, (code, line.name)
            assert line.kind in KINDS
            # Only "somewhere else" has an emergency line with no number (it says: your local one).
            assert line.number or (code == ELSEWHERE and line.kind == "emergency")
            assert bool(line.url) == (line.kind == "web")


def test_choices_are_by_name_with_somewhere_else_last():
    listed = choices()
    assert {code for code, _ in listed} == set(regions())
    assert listed[-1] == (ELSEWHERE, regions()[ELSEWHERE].name)
    names = [name for _, name in listed[:-1]]
    assert names == sorted(names)
    assert ("NZ", "New Zealand") in listed


def test_unknown_region_falls_back_to_somewhere_else():
    assert lines_for("ZZ").code == ELSEWHERE
    assert lines_for(None).code == ELSEWHERE
    assert lines_for("").code == ELSEWHERE


# -- the locale ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "en_NZ.UTF-8"}, "NZ"),
        ({"LANG": "mi_NZ.UTF-8"}, "NZ"),
        ({"LANG": "en_AU.UTF-8"}, "AU"),
        ({"LANG": "en_GB.UTF-8"}, "GB"),
        ({"LANG": "cy_GB.UTF-8"}, "GB"),
        ({"LANG": "ga_IE.UTF-8@euro"}, "IE"),
        ({"LANG": "en_US.UTF-8"}, "US"),
        ({"LANG": "fr_CA.UTF-8"}, "CA"),
        ({"LANG": "en-NZ"}, "NZ"),
        ({"LANG": "de_DE.UTF-8"}, None),  # a country we have no lines for: ask
        ({"LANG": "C.UTF-8"}, None),
        ({"LANG": "POSIX"}, None),
        ({}, None),
        # The formats' country counts, not the language's.
        ({"LANG": "en_US.UTF-8", "LC_TIME": "en_NZ.UTF-8"}, "NZ"),
        ({"LANG": "en_US.UTF-8", "LC_MONETARY": "en_ZA.UTF-8"}, None),
        ({"LANG": "en_NZ.UTF-8", "LC_TIME": "C.UTF-8"}, "NZ"),
        # LC_ALL overrides everything else.
        ({"LC_ALL": "en_IE.UTF-8", "LANG": "en_US.UTF-8"}, "IE"),
        ({"LC_ALL": "C", "LANG": "en_US.UTF-8"}, None),
    ],
)
def test_the_locale_names_the_region(env, expected):
    assert system_region(env, _no_locale) == expected


def test_the_process_locale_is_the_last_resort():
    assert system_region({}, lambda: ("en_NZ", "UTF-8")) == "NZ"
    assert system_region({}, lambda: ("English_New Zealand", "1252")) == "NZ"  # Windows
    assert system_region({"LANG": "en_GB.UTF-8"}, lambda: ("en_NZ", "UTF-8")) == "GB"
    assert system_region({}, lambda: ("de_DE", "UTF-8")) is None


def test_the_real_environment_is_read_when_none_is_given(monkeypatch):
    for name in ("LC_ALL", "LC_TELEPHONE", "LC_ADDRESS", "LC_MONETARY", "LC_TIME", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LC_ALL", "en_CA.UTF-8")
    assert system_region() == "CA"


@pytest.mark.parametrize(
    ("name", "country"),
    [("en_NZ.UTF-8", "NZ"), ("zh-Hant-TW", "TW"), ("C", None), ("", None), (None, None)],
)
def test_territory(name, country):
    assert territory(name) == country


def test_the_choice_wins_then_the_locale_then_asking():
    assert resolve_region("GB", "NZ") == "GB"
    assert resolve_region(ELSEWHERE, "NZ") == ELSEWHERE  # "somewhere else" is a real answer
    assert resolve_region("", "NZ") == "NZ"
    assert resolve_region("ZZ", "NZ") == "NZ"  # a region dropped from the data file
    assert resolve_region("", None) is None
    assert resolve_region("", ELSEWHERE) is None  # never from a locale


# -- the organisation's own line ----------------------------------------------------------
@pytest.mark.parametrize("code", sorted(REQUIRED))
def test_eap_comes_first_after_the_emergency_line(code):
    base = lines_for(code)
    with_eap = lines_for(code, "Acme EAP", " 1800 000 111 ")
    assert len(with_eap.lines) == len(base.lines) + 1
    assert with_eap.lines[0] == base.lines[0] and with_eap.lines[0].kind == "emergency"
    eap = with_eap.lines[1]
    assert (eap.name, eap.number, eap.kind) == ("Acme EAP", "1800 000 111", "call")
    assert with_eap.lines[2:] == base.lines[1:]


def test_eap_is_added_only_when_its_number_is_set():
    base = lines_for("AU")
    assert lines_for("AU", "Acme EAP", "   ") == base
    unnamed = lines_for("AU", "", "1800 000 111").lines[1]
    assert unnamed.name == "Your organisation's support program"
