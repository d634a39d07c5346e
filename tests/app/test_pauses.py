"""The breathing pace and grounding steps, without Qt."""

from __future__ import annotations

from app.pauses import CALM, GROUNDING_STEPS, BreathPacer, BreathPattern, still_intro


def test_calm_pattern_is_four_in_six_out():
    phases = CALM.phases()
    assert [(p.name, p.seconds) for p in phases] == [("in", 4), ("out", 6)]
    assert CALM.seconds == 10


def test_a_hold_is_only_there_when_asked_for():
    phases = BreathPattern(breathe_in=4, hold=2, breathe_out=6).phases()
    assert [p.name for p in phases] == ["in", "hold", "out"]


def test_pacer_counts_down_each_phase_and_announces_only_phase_changes():
    pacer = BreathPacer()
    seen = [(pacer.phase.name, pacer.remaining, False)]
    for _ in range(10):
        new = pacer.tick()
        seen.append((pacer.phase.name, pacer.remaining, new))
    assert seen == [
        ("in", 4, False),
        ("in", 3, False),
        ("in", 2, False),
        ("in", 1, False),
        ("out", 6, True),
        ("out", 5, False),
        ("out", 4, False),
        ("out", 3, False),
        ("out", 2, False),
        ("out", 1, False),
        ("in", 4, True),
    ]
    assert pacer.breaths == 1
    pacer.reset()
    assert (pacer.phase.name, pacer.remaining, pacer.breaths) == ("in", 4, 0)


def test_still_introduction_follows_the_pattern():
    assert "in for 5, out for 7" in still_intro(BreathPattern(breathe_in=5, breathe_out=7))


def test_grounding_goes_five_to_one_through_the_senses():
    assert [s.count for s in GROUNDING_STEPS] == [5, 4, 3, 2, 1]
    assert [s.sense for s in GROUNDING_STEPS] == ["see", "feel", "hear", "smell", "taste"]
    for step in GROUNDING_STEPS:
        assert step.prompt.endswith(".") and step.hint
