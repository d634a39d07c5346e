"""SignalService on a real store: signals from saved data, setting aside, coming back."""

from __future__ import annotations

import datetime as dt
import logging

import pytest

from app.domain import Changes, CheckinDraft, DayKind
from app.errors import ValidationError
from app.signals.service import RuleInputs, held_since, run_rules, signal_for
from tests.app.signals.factories import TODAY, ago, definition, phq9, run

REASON = "I never check in on my days off"  # a private reason: must stay out of logs


@pytest.fixture
def store(unlocked):
    return unlocked.require_store()


def save_all(store, checkins) -> None:
    for c in checkins:
        store.checkins.save(c)


def take_phq9(store, total: int, item9: int = 0, day: dt.date | None = None):
    answers = phq9(total, item9, TODAY).answers
    return store.measures.save("phq9", list(answers), day=day)[0]


def keys(signals) -> list[str]:
    return [s.key for s in signals]


def test_an_empty_store_has_no_signals(store):
    assert store.signals.active(TODAY) == []
    assert store.signals.dismissed() == []


def test_signals_come_from_saved_check_ins_and_measures(store, clock):
    assert clock.now().date() == TODAY
    save_all(store, run(70, day_kind=DayKind.WORK))
    take_phq9(store, 3, item9=1, day=ago(2))
    found = store.signals.active(TODAY)
    assert keys(found) == ["measure-safety:phq9", "no-day-off"]  # crisis lines first
    assert found[0].show_crisis
    assert keys(store.signals.evaluate(TODAY)) == keys(found)


def test_setting_aside_hides_a_signal_and_keeps_the_reason(store, caplog):
    save_all(store, run(70, day_kind=DayKind.WORK))
    caplog.set_level(logging.DEBUG)
    changes = store.signals.dismiss("no-day-off", f"  {REASON}  ")
    assert changes == Changes(signals=True)
    assert store.signals.active(TODAY) == []
    assert keys(store.signals.evaluate(TODAY)) == ["no-day-off"]  # still true, just set aside
    [dismissal] = store.signals.dismissed()
    assert (dismissal.key, dismissal.reason) == ("no-day-off", REASON)
    assert dismissal.dismissed_at.tzinfo is dt.UTC
    assert REASON not in caplog.text


def test_a_set_aside_signal_stays_hidden_while_it_holds(store, clock):
    save_all(store, run(70, day_kind=DayKind.WORK))
    store.signals.dismiss("no-day-off")
    for _ in range(5):
        clock.advance(days=1)
        today = clock.now().date()
        store.checkins.save(CheckinDraft(day=today, day_kind=DayKind.WORK))
        assert store.signals.active(today) == []


def test_a_set_aside_signal_that_clears_and_comes_back_shows_again(store, clock):
    take_phq9(store, 22, day=ago(10))  # severe: the highest band
    assert keys(store.signals.active(TODAY)) == ["measure-band:phq9:total"]
    store.signals.dismiss("measure-band:phq9:total", "")
    assert store.signals.active(TODAY) == []

    clock.advance(days=3)
    assert store.signals.active(clock.now().date()) == []  # still the same result
    take_phq9(store, 6)  # mild: clears
    assert store.signals.active(clock.now().date()) == []
    clock.advance(days=2)
    take_phq9(store, 21)  # severe again, after a clear day: news
    assert keys(store.signals.active(clock.now().date())) == ["measure-band:phq9:total"]


def test_a_reason_has_limits(store):
    with pytest.raises(ValidationError, match="up to 2,000 characters"):
        store.signals.dismiss("no-day-off", "x" * 2001)
    with pytest.raises(ValidationError, match="doesn't know that signal"):
        store.signals.dismiss("", "")
    with pytest.raises(ValidationError, match="doesn't know that signal"):
        store.signals.dismiss("k" * 81)
    assert store.signals.dismissed() == []


# -- the pure parts ------------------------------------------------------------------------
def test_held_since_checks_every_day_after_setting_aside():
    inputs = RuleInputs(tuple(run(100, day_kind=DayKind.WORK)))
    assert held_since("no-day-off", inputs, ago(20), TODAY)
    rested = RuleInputs((*inputs.checkins[:-15], CheckinDraft(day=ago(14), day_kind=DayKind.LEAVE)))
    # The leave day cleared it from 14 days ago on; with no check-ins since, it stays clear.
    assert signal_for("no-day-off", rested, TODAY) is None
    assert not held_since("no-day-off", rested, ago(20), TODAY)
    assert held_since("no-day-off", rested, TODAY, TODAY)  # set aside today: nothing to check


def test_signal_for_knows_every_key_run_rules_makes():
    phq = definition("phq9")
    inputs = RuleInputs(
        tuple(run(80, day_kind=DayKind.WORK)),
        ((phq, (phq9(3, 2, ago(3)), phq9(22, 1, ago(1)))),),
    )
    found = run_rules(inputs, TODAY)
    assert keys(found) == ["measure-safety:phq9", "measure-band:phq9:total", "no-day-off"]
    for signal in found:
        assert signal_for(signal.key, inputs, TODAY) == signal
    for unknown in ("nope", "measure-band:phq9", "measure-band:who5:x", "measure-safety:gad7"):
        assert signal_for(unknown, inputs, TODAY) is None


def test_a_new_safety_answer_shows_even_after_an_earlier_one_was_set_aside(store, clock):
    take_phq9(store, 8, item9=1, day=ago(21))
    assert "measure-safety:phq9" in keys(store.signals.active(TODAY))
    store.signals.dismiss("measure-safety:phq9", "talked to my supervisor")
    assert "measure-safety:phq9" not in keys(store.signals.active(TODAY))

    clock.advance(days=1)
    take_phq9(store, 20, item9=3)  # a new, worse answer well inside the 60 days
    shown = store.signals.active(clock.now().date())
    assert "measure-safety:phq9" in keys(shown)
    assert next(s for s in shown if s.key == "measure-safety:phq9").show_crisis
