"""The scheduler only wakes the app: jobs from rules, re-planned after clock jumps, clean stop."""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest

from app.clock import FixedClock, SystemClock
from app.reminders.model import ReminderKind, Rule
from app.reminders.scheduler import ReminderScheduler
from tests.app.reminders.conftest import SYDNEY, new_rule, sydney
from tests.app.reminders.fakes import ManualScheduler


def ruled(rule: Rule, rule_id: str, **changes) -> Rule:
    return Rule(
        rule_id,
        changes.get("kind", rule.kind),
        changes.get("enabled", rule.enabled),
        rule.schedule,
        rule.params,
        changes.get("last_fired_at"),
        changes.get("snoozed_until"),
    )


@pytest.fixture
def manual() -> ManualScheduler:
    return ManualScheduler()


@pytest.fixture
def wakes() -> list[str]:
    return []


@pytest.fixture
def scheduler(manual, wakes):
    s = ReminderScheduler(lambda: manual, local_tz=SYDNEY)
    s.on_wake(lambda: wakes.append(threading.current_thread().name))
    yield s
    s.stop()


def test_one_job_per_enabled_rule_at_its_next_fire(scheduler, manual, clock):
    rules = [
        ruled(new_rule(ReminderKind.CHECKIN, "17:00"), "a"),
        ruled(new_rule(ReminderKind.SELFCARE, "08:00", "12:30"), "b"),
        ruled(new_rule(ReminderKind.HEAVY_DAY, "19:30", enabled=False), "c"),
    ]
    scheduler.start(rules, clock)
    assert manual.started and len(manual.checks) == 1
    assert scheduler.planned() == {"a": sydney(2026, 11, 22, 17), "b": sydney(2026, 11, 22, 12, 30)}
    assert manual.times() == sorted(scheduler.planned().values())


def test_rebuild_replaces_every_job(scheduler, manual, clock):
    scheduler.start([ruled(new_rule(), "a")], clock)
    scheduler.rebuild([ruled(new_rule(ReminderKind.SELFCARE, "10:00"), "b")])
    assert list(scheduler.planned()) == ["b"] and manual.times() == [sydney(2026, 11, 22, 10)]
    scheduler.rebuild([])
    assert manual.jobs == {} and scheduler.planned() == {}


def test_a_pause_moves_every_job_past_it(scheduler, manual, clock):
    back = sydney(2026, 11, 25, 9)
    scheduler.start([ruled(new_rule(), "a")], clock, paused_until=back)
    assert manual.times() == [sydney(2026, 11, 25, 17)]


def test_a_job_wakes_the_app_and_plans_the_rules_next_fire(scheduler, manual, wakes, clock):
    scheduler.start([ruled(new_rule(ReminderKind.CHECKIN, "17:00", "17:30"), "a")], clock)
    clock.advance(hours=8)  # 17:00
    assert manual.run_due(clock.now()) == 1
    assert len(wakes) == 1
    assert scheduler.planned() == {"a": sydney(2026, 11, 22, 17, 30)}
    clock.advance(hours=1)
    assert manual.run_due(clock.now()) == 1 and len(wakes) == 2
    assert scheduler.planned() == {"a": sydney(2026, 11, 23, 17)}


def test_a_snooze_is_a_wake_and_is_then_used_up(scheduler, manual, wakes, clock):
    snoozed = ruled(new_rule(), "a", snoozed_until=sydney(2026, 11, 22, 9, 10))
    scheduler.start([snoozed], clock)
    assert scheduler.planned() == {"a": sydney(2026, 11, 22, 9, 10)}
    clock.advance(minutes=10)
    manual.run_due(clock.now())
    assert wakes and scheduler.planned() == {"a": sydney(2026, 11, 22, 17)}


def test_a_stale_job_after_a_rebuild_does_nothing(scheduler, manual, wakes, clock):
    scheduler.start([ruled(new_rule(), "a")], clock)
    [(_, stale)] = manual.jobs.values()
    scheduler.rebuild([ruled(new_rule(ReminderKind.CHECKIN, "18:00"), "a")])
    stale()
    assert wakes == [] and scheduler.planned() == {"a": sydney(2026, 11, 22, 18)}


def test_sleep_and_resume_replans_and_wakes_once(scheduler, manual, wakes, clock):
    scheduler.start(
        [ruled(new_rule(), "a"), ruled(new_rule(ReminderKind.SELFCARE, "12:30"), "b")], clock
    )
    clock.advance(seconds=60)
    manual.tick()
    assert wakes == []  # wall and monotonic moved together: nothing to do
    # the lid closes at 9:01 and opens at 18:00: the wall clock jumped, monotonic didn't
    clock.set(sydney(2026, 11, 22, 18))
    manual.tick()
    assert len(wakes) == 1  # one wake: the app shows what came due, once
    assert scheduler.planned() == {"a": sydney(2026, 11, 23, 17), "b": sydney(2026, 11, 23, 12, 30)}
    assert manual.run_due(clock.now()) == 0  # the old 12:30 and 17:00 jobs are gone
    manual.tick()
    assert len(wakes) == 1


def test_a_manual_clock_change_backwards_replans_too(scheduler, manual, wakes, clock):
    scheduler.start([ruled(new_rule(), "a")], clock)
    clock.advance(hours=10)  # 19:00, past today's 17:00
    manual.run_due(clock.now())
    clock.set(sydney(2026, 11, 22, 16))  # set back three hours
    manual.tick()
    assert len(wakes) == 2 and scheduler.planned() == {"a": sydney(2026, 11, 23, 17)}


def test_a_change_of_utc_offset_replans(manual, wakes):
    clock = FixedClock(dt.datetime(2026, 10, 4, 1, 59, tzinfo=SYDNEY))
    s = ReminderScheduler(lambda: manual, local_tz=SYDNEY)
    s.on_wake(lambda: wakes.append("x"))
    s.start([ruled(new_rule(), "a")], clock)
    replaced = manual.replaced
    clock.advance(minutes=2)  # two real minutes pass...
    clock.set(dt.datetime(2026, 10, 3, 16, 1, tzinfo=dt.UTC).astimezone(SYDNEY))  # 3:01 AEDT
    # ... so no jump, but a new offset
    assert s.check_clock() is True and manual.replaced == replaced + 1
    s.stop()


def test_a_failing_callback_does_not_stop_the_others(scheduler, manual, wakes, clock, caplog):
    def broken() -> None:
        raise RuntimeError("boom")

    scheduler.on_wake(broken)
    scheduler.on_wake(lambda: wakes.append("after"))
    scheduler.start([ruled(new_rule(), "a")], clock)
    clock.advance(hours=8)
    manual.run_due(clock.now())
    assert wakes[-1] == "after" and "wake callback failed" in caplog.text


def test_stop_is_clean_and_final(scheduler, manual, wakes, clock):
    scheduler.start([ruled(new_rule(), "a")], clock)
    [(_, job)] = manual.jobs.values()
    scheduler.stop()
    assert manual.stopped and not scheduler.running
    job()  # a job already on its way when stopping
    manual.tick()
    assert wakes == []
    scheduler.stop()  # twice is fine


def test_starting_twice_is_a_bug(scheduler, clock):
    scheduler.start([], clock)
    with pytest.raises(RuntimeError):
        scheduler.start([], clock)


def test_rebuild_before_start_just_remembers(manual, clock):
    s = ReminderScheduler(lambda: manual, local_tz=SYDNEY)
    s.rebuild([ruled(new_rule(), "a")])
    assert s.planned() == {}
    s.start([ruled(new_rule(), "a")], clock)
    assert list(s.planned()) == ["a"]
    s.stop()


def test_the_real_apscheduler_wakes_from_its_thread_and_stops_cleanly():
    """Integration: a real BackgroundScheduler, a snooze 0.3 s away, the wall clock."""
    before = set(threading.enumerate())
    clock = SystemClock()
    woke = threading.Event()
    names: list[str] = []

    def wake() -> None:
        names.append(threading.current_thread().name)
        woke.set()

    s = ReminderScheduler(check_seconds=0.2)
    s.on_wake(wake)
    soon = clock.now() + dt.timedelta(seconds=0.3)
    s.start([ruled(new_rule(), "a", snoozed_until=soon)], clock)
    try:
        assert woke.wait(5)
        time.sleep(0.5)  # a few clock checks: no jump, so no more wakes
        assert len(names) == 1 and names[0] != threading.main_thread().name
        assert s.planned()["a"] > soon
    finally:
        s.stop()
    assert set(threading.enumerate()) == before


def test_sleep_and_resume_end_to_end_what_came_due_is_shown_once(store, clock, manual):
    """Scheduler (fake jobs) + the real store: the app's wake handler asks due_now."""
    store.reminders.save_rule(new_rule(ReminderKind.CHECKIN, "17:00"))
    store.reminders.save_rule(new_rule(ReminderKind.SELFCARE, "12:30"))
    shown = []
    s = ReminderScheduler(lambda: manual, local_tz=SYDNEY)
    s.on_wake(lambda: shown.extend(store.reminders.due_now(clock.now())))
    s.start(store.reminders.rules(), clock)
    try:
        clock.advance(hours=3, minutes=30)  # 12:30: on time, awake
        manual.run_due(clock.now())
        assert [r.kind for r in shown] == ["selfcare"]
        clock.set(sydney(2026, 11, 22, 21))  # asleep from 12:31 to 21:00: 17:00 went by
        manual.tick()
        assert [r.kind for r in shown] == ["selfcare", "checkin"]
        assert shown[1].due_at == sydney(2026, 11, 22, 17)
        manual.run_due(clock.now())
        manual.tick()
        assert len(shown) == 2  # once
    finally:
        s.stop()
