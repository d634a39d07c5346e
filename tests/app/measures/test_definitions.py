"""Definition files: the shipped ones load; broken ones are refused, saying where."""

from __future__ import annotations

import copy
import json

import pytest

from app.measures.definitions import (
    DefinitionError,
    load_definitions,
    load_dir,
    load_file,
    parse_definition,
)
from app.measures.scoring import band_for

SHIPPED = ("tend-pulse", "proqol5", "who5", "phq9", "phq8", "gad7")


def _good() -> dict:
    return {
        "format": 1,
        "id": "tiny",
        "version": 1,
        "name": "Tiny",
        "short_name": "Tiny",
        "kind": "own",
        "order": 1,
        "about": "A test measure.",
        "recall": "today",
        "cadence_days": 7,
        "attribution": "",
        "items": 3,
        "scale": {"min": 1, "max": 3, "labels": ["a", "b", "c"]},
        "wording": ["one", "two", "three"],
        "subscales": [
            {
                "id": "all",
                "label": "All",
                "items": [1, 2, 3],
                "reverse": [2],
                "rule": "sum",
                "max_missing": 1,
                "higher_is_better": False,
                "bands": [
                    {"id": "lo", "label": "Lo", "low": 3, "high": 5, "rank": 0},
                    {"id": "hi", "label": "Hi", "low": 6, "high": 9, "rank": 1},
                ],
            }
        ],
        "safety_items": [{"item": 3, "answers": [3]}],
        "follow_up": [{"when": "score_below", "subscale": "all", "value": 4}],
    }


def test_shipped_definitions_load_in_order():
    defs = load_definitions()
    assert tuple(defs) == SHIPPED
    assert load_definitions() is not defs  # callers get their own dict


def test_a_good_definition_parses():
    d = parse_definition(_good())
    assert d.item_count == 3 and d.subscales[0].reverse == (2,)
    assert d.subscales[0].range == (3.0, 9.0)
    assert d.safety_hit(3, 3) and not d.safety_hit(3, 2) and not d.safety_hit(2, 3)
    assert d.wording == ("one", "two", "three")


def _broken(path: str, value: object):
    """A copy of the good definition with one field replaced (or removed, for ...)."""
    data = _good()
    *parents, last = path.split(".")
    target = data
    for p in parents:
        target = target[int(p)] if isinstance(target, list) else target[p]
    if value is ...:
        del target[last]
    elif isinstance(target, list):
        target[int(last)] = value
    else:
        target[last] = value
    return data


BAD = {
    "format": ("format", 2),
    "format bool": ("format", True),
    "missing name": ("name", ...),
    "unknown field": ("colour", "blue"),
    "bad id": ("id", "Tiny Measure"),
    "bad kind": ("kind", "clinical"),
    "items bool": ("items", True),
    "items zero": ("items", 0),
    "items as text": ("items", "3"),
    "cadence zero": ("cadence_days", 0),
    "cadence float": ("cadence_days", 7.5),
    "labels short": ("scale.labels", ["a", "b"]),
    "scale upside down": ("scale.max", 1),
    "empty label": ("scale.labels", ["a", "", "c"]),
    "wording count": ("wording", ["one", "two"]),
    "own without wording": ("wording", ...),
    "item out of range": ("subscales.0.items", [1, 2, 4]),
    "item zero": ("subscales.0.items", [0, 1, 2]),
    "item twice": ("subscales.0.items", [1, 1, 2]),
    "no items": ("subscales.0.items", []),
    "reverse outside": ("subscales.0.reverse", [2, 3, 1, 4]),
    "reverse not in subscale": ("subscales.0.items", [1, 3]),
    "bad rule": ("subscales.0.rule", "median"),
    "scaled without factor": ("subscales.0.rule", "scaled"),
    "factor without scaled": ("subscales.0.factor", 2),
    "max_missing all": ("subscales.0.max_missing", 3),
    "max_missing negative": ("subscales.0.max_missing", -1),
    "higher_is_better text": ("subscales.0.higher_is_better", "yes"),
    "no bands": ("subscales.0.bands", []),
    "band gap": ("subscales.0.bands.1.low", 7),
    "band overlap": ("subscales.0.bands.1.low", 5),
    "band misses bottom": ("subscales.0.bands.0.low", 4),
    "band misses top": ("subscales.0.bands.1.high", 8),
    "band upside down": (
        "subscales.0.bands.0",
        {"id": "lo", "label": "Lo", "low": 5, "high": 3, "rank": 0},
    ),
    "band rank negative": ("subscales.0.bands.0.rank", -1),
    "band unknown field": ("subscales.0.bands.0.colour", "red"),
    "band low nan": ("subscales.0.bands.0.low", float("nan")),
    "safety item out of range": ("safety_items.0.item", 4),
    "safety answer out of scale": ("safety_items.0.answers", [4]),
    "safety no answers": ("safety_items.0.answers", []),
    "follow-up unknown subscale": ("follow_up.0.subscale", "nope"),
    "follow-up bad kind": ("follow_up.0.when", "always"),
    "not an object": ("subscales.0", ["all"]),
    "duplicate subscale": ("subscales", [_good()["subscales"][0]] * 2),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_broken_definitions_are_refused(case):
    path, value = BAD[case]
    with pytest.raises(DefinitionError, match=r"^tiny\.json"):
        parse_definition(_broken(path, value), "tiny.json")


def test_published_definitions_may_not_ship_wording():
    data = _good()
    data["kind"] = "published"
    data["attribution"] = "© Someone"
    with pytest.raises(DefinitionError, match="wording"):
        parse_definition(data)
    del data["wording"]
    assert parse_definition(data).wording is None
    data["attribution"] = ""
    with pytest.raises(DefinitionError, match="attribution"):
        parse_definition(data)


def test_open_ended_bands_are_allowed_at_the_ends_only():
    data = _broken("subscales.0.bands.0.low", None)
    data["subscales"][0]["bands"][1]["high"] = None
    sub = parse_definition(data).subscales[0]
    assert band_for(sub, 3).id == "lo" and band_for(sub, 9).id == "hi"
    with pytest.raises(DefinitionError, match="open"):
        parse_definition(_broken("subscales.0.bands.1.low", None))


def test_files_are_checked_by_name_and_json(tmp_path):
    (tmp_path / "tiny.json").write_text(json.dumps(_good()), "utf-8")
    assert list(load_dir(tmp_path)) == ["tiny"]
    (tmp_path / "other.json").write_text(json.dumps(_good()), "utf-8")
    with pytest.raises(DefinitionError, match="file name"):
        load_dir(tmp_path)
    (tmp_path / "other.json").write_text("{not json", "utf-8")
    with pytest.raises(DefinitionError, match=r"other\.json: not readable"):
        load_file(tmp_path / "other.json")
    (tmp_path / "other.json").write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(DefinitionError, match="not readable"):
        load_file(tmp_path / "other.json")


def test_every_possible_score_falls_in_a_band():
    """Each subscale of each shipped definition: every reachable score has one band."""
    for defn in load_definitions().values():
        for sub in defn.subscales:
            lo, hi = sub.range
            value = lo
            while value <= hi + 1e-9:
                found = [b for b in sub.bands if b.contains(round(value, 2))]
                assert len(found) == 1, (defn.id, sub.id, value)
                value += sub.step


def test_the_shipped_facts():
    defs = load_definitions()
    proqol = defs["proqol5"]
    assert proqol.item_count == 30 and (proqol.scale_min, proqol.scale_max) == (1, 5)
    cs, burnout, sts = proqol.subscales
    assert cs.items == (3, 6, 12, 16, 18, 20, 22, 24, 27, 30) and cs.reverse == ()
    assert burnout.items == (1, 4, 8, 10, 15, 17, 19, 21, 26, 29)
    assert burnout.reverse == (1, 4, 15, 17, 29)
    assert sts.items == (2, 5, 7, 9, 11, 13, 14, 23, 25, 28)
    assert sorted(cs.items + burnout.items + sts.items) == list(range(1, 31))
    assert cs.higher_is_better and not burnout.higher_is_better and not sts.higher_is_better
    assert [b.rank for b in cs.bands] == [2, 1, 0] and [b.rank for b in sts.bands] == [0, 1, 2]
    assert proqol.cadence_days == 30 and "Stamm" in proqol.attribution
    assert defs["who5"].cadence_days == 14 and "WHO" in defs["who5"].attribution
    assert defs["phq9"].safety_items[0].item == 9
    assert not defs["phq8"].safety_items
    for key in ("phq8", "phq9", "gad7"):
        assert "Pfizer" in defs[key].attribution and defs[key].cadence_days == 14
    pulse = defs["tend-pulse"]
    assert pulse.own and pulse.wording is not None and pulse.cadence_days == 7
    assert "isn't a clinical instrument" in pulse.about
    for defn in defs.values():
        assert (defn.wording is None) == (defn.kind == "published")


def test_a_copy_of_a_definition_is_not_the_cache():
    data = copy.deepcopy(_good())
    assert parse_definition(data) == parse_definition(_good())
