"""Property tests: scores stay in range, reverse keys are symmetric, the missing rule holds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.measures.definitions import Definition, load_definitions
from app.measures.scoring import score

DEFS = load_definitions()
definitions = st.sampled_from(list(DEFS.values()))


@st.composite
def answered(draw, missing: bool = True) -> tuple[Definition, list[int | None]]:
    defn = draw(definitions)
    value = st.integers(defn.scale_min, defn.scale_max)
    if missing:
        value = st.none() | value
    return defn, draw(st.lists(value, min_size=defn.item_count, max_size=defn.item_count))


@given(answered())
def test_scores_stay_in_range_and_always_have_a_band(case):
    defn, answers = case
    result = score(defn, answers)
    for sub in defn.subscales:
        value = result.scores[sub.id]
        missing = sum(answers[i - 1] is None for i in sub.items)
        assert (value is None) is (missing > sub.max_missing)
        assert (sub.id in result.incomplete) is (value is None)
        if value is not None:
            assert sub.range[0] <= value <= sub.range[1]
            assert result.bands[sub.id] is not None and result.bands[sub.id].contains(value)
        else:
            assert result.bands[sub.id] is None


@given(answered(missing=False))
def test_complete_answers_give_the_plain_rule(case):
    defn, answers = case
    result = score(defn, answers)
    for sub in defn.subscales:
        keyed = [
            defn.scale_min + defn.scale_max - answers[i - 1] if i in sub.reverse else answers[i - 1]
            for i in sub.items
        ]
        expected = {
            "sum": sum(keyed),
            "mean": round(sum(keyed) / len(keyed), 2),
            "scaled": sum(keyed) * sub.factor,
        }[sub.rule]
        assert abs(result.scores[sub.id] - expected) < 0.006


@given(answered(missing=False))
def test_reverse_scoring_is_symmetric(case):
    """Flipping every answer (min + max − x) mirrors each score within its range."""
    defn, answers = case
    flipped = [defn.scale_min + defn.scale_max - a for a in answers]
    a, b = score(defn, answers), score(defn, flipped)
    for sub in defn.subscales:
        lo, hi = sub.range
        assert abs(a.scores[sub.id] + b.scores[sub.id] - (lo + hi)) < 0.011


@given(definitions, st.data())
def test_missing_answers_are_filled_by_the_mean(defn, data):
    """If the answered items of a subscale (keyed) all equal v, skipping up to
    max_missing of them leaves the score unchanged."""
    sub = data.draw(st.sampled_from(defn.subscales))
    keyed_value = data.draw(st.integers(defn.scale_min, defn.scale_max))
    full: list[int | None] = [defn.scale_min] * defn.item_count
    for item in sub.items:
        raw = defn.scale_min + defn.scale_max - keyed_value if item in sub.reverse else keyed_value
        full[item - 1] = raw
    skip = data.draw(st.lists(st.sampled_from(sub.items), unique=True, max_size=sub.max_missing))
    partial = [None if i + 1 in skip else a for i, a in enumerate(full)]
    assert score(defn, partial).scores[sub.id] == score(defn, full).scores[sub.id]
    too_many = data.draw(
        st.lists(st.sampled_from(sub.items), unique=True, min_size=sub.max_missing + 1)
    )
    gone = [None if i + 1 in too_many else a for i, a in enumerate(full)]
    assert score(defn, gone).scores[sub.id] is None


@given(answered())
def test_scoring_is_pure(case):
    defn, answers = case
    before = list(answers)
    assert score(defn, answers) == score(defn, tuple(answers))
    assert answers == before
