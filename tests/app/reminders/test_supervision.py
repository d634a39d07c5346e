"""Booked supervision through the reminder rules: sync, wording, catch-up, lead times."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging

import pytest

from app.domain import Changes
from app.errors import ValidationError
from app.reminders import kinds
from app.reminders.model import ReminderKind, Rule, Schedule
from app.reminders.scheduler import ReminderScheduler
from tests.app.reminders.conftest import SYDNEY, sydney
from tests.app.reminders.fakes import ManualScheduler

AGENDA = "the Reynolds file again, and my caseload"  # private: never in a notice or a log
A, B = "att-0000-aaaa", "att-0000-bbbb"
# The clock starts Sunday 22 Nov 2026 09:00 in Sydney.
MONDAY_10 = sydney(2026, 11, 23, 10)
TUESDAY_14 = sydney(2026, 11, 24, 14)


def go(clock, *parts: int) -> dt.datetime:
    clock.set(sydney(*parts))
    return clock.now()


def the_rule(store) -> Rule:
    [rule] = [r for r in store.reminders.rules() if r.kind is ReminderKind.SUPERVISION]
    return rule


def test_the_first_sync_makes_one_rule_on_with_a_day_and_an_hour_before(store):
    assert store.reminders.sync_supervision([(A, MONDAY_10)]) == Changes(reminders=True)
    rule = the_rule(store)
    assert rule.enabled and rule.params["leads"] == [1440, 60]
    assert rule.schedule.at == (
        (MONDAY_10 - dt.timedelta(days=1)).astimezone(dt.UTC),
        (MONDAY_10 - dt.timedelta(hours=1)).astimezone(dt.UTC),
    )


def test_syncing_the_same_bookings_again_changes_nothing(store):
    store.reminders.sync_supervision([(A, MONDAY_10), (B, TUESDAY_14)])
    before = the_rule(store)
    assert store.reminders.sync_supervision([(B, TUESDAY_14), (A, MONDAY_10)]) == Changes()
    assert store.reminders.sync_supervision(
        [(A, MONDAY_10.astimezone(dt.UTC)), (B, TUESDAY_14)]
    ) == (Changes())
    assert the_rule(store) == before


def test_no_bookings_still_makes_the_rule_and_an_empty_sync_is_quiet_after(store):
    assert store.reminders.sync_supervision([]) == Changes(reminders=True)
    assert the_rule(store).schedule.at == ()
    assert store.reminders.sync_supervision([]) == Changes()


def test_a_cancelled_booking_takes_its_reminders_with_it(store, clock):
    store.reminders.sync_supervision([(A, MONDAY_10), (B, TUESDAY_14)])
    assert store.reminders.sync_supervision([(B, TUESDAY_14)]) == Changes(reminders=True)
    rule = the_rule(store)
    assert [b[0] for b in rule.params["bookings"]] == [B]
    # Monday's reminders never come
    assert store.reminders.due_now(go(clock, 2026, 11, 22, 10, 0, 5)) == []
    assert store.reminders.due_now(go(clock, 2026, 11, 23, 9, 0, 5)) == []
    [shown] = store.reminders.due_now(go(clock, 2026, 11, 23, 14, 0, 5))
    assert shown.detail is not None and "tomorrow" in shown.detail


def test_a_rescheduled_booking_moves_its_reminders(store, clock):
    store.reminders.sync_supervision([(A, MONDAY_10)])
    store.reminders.sync_supervision([(A, TUESDAY_14)])
    assert store.reminders.due_now(go(clock, 2026, 11, 23, 9, 0, 5)) == []
    assert len(store.reminders.due_now(go(clock, 2026, 11, 24, 13, 0, 5))) == 1


def test_sessions_already_started_are_dropped(store, clock):
    go(clock, 2026, 11, 23, 10, 30)
    store.reminders.sync_supervision([(A, MONDAY_10), (B, TUESDAY_14)])
    assert [b[0] for b in the_rule(store).params["bookings"]] == [B]


def test_odd_bookings_are_refused_and_nothing_is_saved(store):
    for bad in (
        [(A, MONDAY_10.replace(tzinfo=None))],
        [("", MONDAY_10)],
        [("x" * 37, MONDAY_10)],
        [(A,)],
        [(7, MONDAY_10)],
        [(A, "2026-11-23T10:00:00+11:00")],
    ):
        with pytest.raises(ValidationError):
            store.reminders.sync_supervision(bad)
    assert store.reminders.rules() == []


def test_the_reminder_a_day_before_and_an_hour_before(store, clock):
    store.reminders.sync_supervision([(A, MONDAY_10)])
    assert store.reminders.due_now(go(clock, 2026, 11, 22, 9, 59)) == []
    [day] = store.reminders.due_now(go(clock, 2026, 11, 22, 10, 0, 5))
    words = kinds.WORDS[ReminderKind.SUPERVISION]
    assert (day.title, day.body, day.target) == (words.title, words.body, "supervision")
    assert day.title == "Supervision coming up"
    assert day.body == "You have a supervision session soon."
    assert day.detail == "It starts at 10:00 tomorrow."
    assert day.due_at == sydney(2026, 11, 22, 10)
    assert store.reminders.due_now(go(clock, 2026, 11, 22, 10, 1)) == []
    [hour] = store.reminders.due_now(go(clock, 2026, 11, 23, 9, 0, 5))
    assert hour.detail == "It starts at 10:00 today."
    assert store.reminders.due_now(go(clock, 2026, 11, 23, 12)) == []


def test_a_session_further_off_says_its_day(store, clock):
    store.reminders.save_rule(
        dataclasses.replace(
            Rule("", ReminderKind.SUPERVISION, True, Schedule(at=())),
            params={"leads": [10_080]},
        )
    )
    store.reminders.sync_supervision([(A, sydney(2026, 12, 1, 9, 30))])
    [shown] = store.reminders.due_now(go(clock, 2026, 11, 24, 9, 30, 5))
    assert shown.detail == "It starts on Tuesday 1 December at 09:30."


def test_an_agenda_note_is_mentioned_never_quoted(store, clock, caplog):
    store.reminders.sync_supervision([(A, MONDAY_10)])
    store.agenda.save(A, AGENDA)
    with caplog.at_level(logging.DEBUG):
        [shown] = store.reminders.due_now(go(clock, 2026, 11, 22, 10, 0, 5))
    assert shown.detail == "It starts at 10:00 tomorrow. " + kinds.AGENDA_WAITING
    everything = f"{shown.title} {shown.body} {shown.detail} {caplog.text}"
    assert "Reynolds" not in everything and A not in f"{shown.title} {shown.body}"


def test_a_booking_made_inside_its_lead_time_is_not_reminded_late(store, clock):
    go(clock, 2026, 11, 23, 9, 30)  # booked half an hour before it starts
    store.reminders.sync_supervision([(A, MONDAY_10)])
    assert store.reminders.due_now(go(clock, 2026, 11, 23, 9, 31)) == []
    assert store.reminders.catch_up(clock.now()) is None


def test_a_catch_up_never_announces_a_session_that_already_started(store, clock):
    store.reminders.sync_supervision([(A, MONDAY_10)])
    # Tend closed from Sunday 09:00 until Monday 10:30: both reminders came and went
    assert store.reminders.catch_up(go(clock, 2026, 11, 23, 10, 30)) is None
    assert store.reminders.due_now(go(clock, 2026, 11, 23, 11)) == []


def test_a_catch_up_still_mentions_a_session_to_come(store, clock):
    store.reminders.sync_supervision([(A, MONDAY_10), (B, TUESDAY_14)])
    # closed until Monday 13:00: Monday's session began, Tuesday's is tomorrow
    shown = store.reminders.catch_up(go(clock, 2026, 11, 23, 15))
    assert shown is not None and shown.kind is ReminderKind.SUPERVISION
    assert shown.detail == "It starts at 14:00 tomorrow."


def test_a_snoozed_supervision_reminder_still_knows_its_session(store, clock):
    store.reminders.sync_supervision([(A, MONDAY_10)])
    [shown] = store.reminders.due_now(go(clock, 2026, 11, 23, 9, 0, 5))
    store.reminders.snooze(shown.rule_id, clock.now() + dt.timedelta(minutes=10))
    [again] = store.reminders.due_now(go(clock, 2026, 11, 23, 9, 10, 5))
    assert again.detail == "It starts at 10:00 today."


def test_lead_times_are_the_persons_and_a_sync_keeps_them(store, clock):
    store.reminders.sync_supervision([(A, MONDAY_10)])
    rule = the_rule(store)
    changed = dataclasses.replace(rule, params={**rule.params, "leads": [15]})
    saved, changes = store.reminders.save_rule(changed)
    assert changes == Changes(reminders=True)
    assert saved.schedule.at == ((MONDAY_10 - dt.timedelta(minutes=15)).astimezone(dt.UTC),)
    assert store.reminders.sync_supervision([(A, MONDAY_10)]) == Changes()
    assert store.reminders.sync_supervision([(A, MONDAY_10), (B, TUESDAY_14)]) == Changes(
        reminders=True
    )
    assert the_rule(store).params["leads"] == [15]
    assert store.reminders.due_now(go(clock, 2026, 11, 22, 10, 0, 5)) == []
    [shown] = store.reminders.due_now(go(clock, 2026, 11, 23, 9, 45, 5))
    assert shown.detail == "It starts at 10:00 today."


def test_switched_off_stays_off_through_syncs(store, clock):
    store.reminders.sync_supervision([(A, MONDAY_10)])
    store.reminders.save_rule(dataclasses.replace(the_rule(store), enabled=False))
    store.reminders.sync_supervision([(A, MONDAY_10), (B, TUESDAY_14)])
    assert not the_rule(store).enabled
    assert store.reminders.catch_up(go(clock, 2026, 11, 24, 13, 30)) is None


def test_an_old_hand_made_supervision_rule_becomes_the_one_rule(store):
    old = store.engine  # a rule as issue 4 stored it: times of day, no options
    with old.begin() as conn:
        for rule_id, created in (
            ("old-1", "2026-01-01 00:00:00"),
            ("old-2", "2026-02-01 00:00:00"),
        ):
            conn.exec_driver_sql(
                "INSERT INTO reminder_rules (id, kind, enabled, schedule, params, created_at,"
                " updated_at) VALUES (?, 'supervision', 1, '{\"times\": [\"09:30\"]}', '{}', ?, ?)",
                (rule_id, created, created),
            )
    assert store.reminders.sync_supervision([(A, MONDAY_10)]) == Changes(reminders=True)
    rule = the_rule(store)
    assert rule.id == "old-1" and rule.schedule.times == () and len(rule.schedule.at or ()) == 2


def test_the_scheduler_wakes_at_each_moment(store, clock):
    store.reminders.sync_supervision([(A, MONDAY_10)])
    manual = ManualScheduler()
    scheduler = ReminderScheduler(lambda: manual, local_tz=SYDNEY)
    woke: list[int] = []
    scheduler.on_wake(lambda: woke.append(1))
    try:
        scheduler.start(store.reminders.rules(), clock)
        assert manual.times() == [sydney(2026, 11, 22, 10)]
        manual.run_due(sydney(2026, 11, 22, 10))
        assert woke and manual.times() == [sydney(2026, 11, 23, 9)]
        manual.run_due(sydney(2026, 11, 23, 9))
        assert manual.times() == []
    finally:
        scheduler.stop()


def test_a_sync_before_the_defaults_does_not_stop_them(store):
    store.reminders.sync_supervision([(A, MONDAY_10)])
    assert store.reminders.ensure_defaults() == Changes(reminders=True)
    kinds_made = [r.kind for r in store.reminders.rules()]
    assert ReminderKind.CHECKIN in kinds_made
    assert kinds_made.count(ReminderKind.SUPERVISION) == 1
