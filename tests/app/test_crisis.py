from __future__ import annotations

from app.crisis import DEFAULT_REGION, lines_for, regions


def test_australia_ships_the_required_lines():
    numbers = {line.number for line in regions()["AU"].lines}
    assert {"13 11 14", "0477 13 11 14", "1300 659 467", "1300 22 4636", "000"} <= numbers


def test_emergency_comes_first():
    assert regions()[DEFAULT_REGION].lines[0].kind == "emergency"


def test_unknown_region_falls_back_to_default():
    assert lines_for("ZZ").code == DEFAULT_REGION


def test_eap_is_added_only_when_set():
    base = lines_for("AU")
    with_eap = lines_for("AU", "Acme EAP", " 1800 000 111 ")
    assert len(with_eap.lines) == len(base.lines) + 1
    assert with_eap.lines[-1].number == "1800 000 111"
    assert with_eap.lines[-1].name == "Acme EAP"
    assert lines_for("AU", "Acme EAP", "   ") == base


def test_every_line_is_well_formed():
    for region in regions().values():
        assert region.name
        for line in region.lines:
            assert line.name and line.number
            assert line.kind in {"call", "text", "emergency"}
