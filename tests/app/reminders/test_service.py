"""store.reminders on a real store with a fixed clock: rules, due now, responses, pauses."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging

import pytest
from sqlalchemy.orm import Session

from app.domain import Changes, CheckinDraft, DayKind, Exposure
from app.errors import ValidationError
from app.reminders import kinds
from app.reminders.due import SnoozeChoice
from app.reminders.model import ReminderKind, Schedule
from app.reminders.service import ReminderService, default_rules
from app.store import models
from tests.app.reminders.conftest import new_rule, sydney

NOTE = "court again, the Reynolds file"  # private words: never in notices or logs
PLAN = "ring my sister on the way home"


def go(clock, *parts: int) -> dt.datetime:
    """Move the store's clock to a Sydney wall time; return that moment."""
    clock.set(sydney(*parts))
    return clock.now()


def add(store, *args, **kwargs):
    return store.reminders.save_rule(new_rule(*args, **kwargs))[0]


def test_saving_listing_updating_and_deleting_rules(store):
    assert store.reminders.rules() == []
    heavy, changes = store.reminders.save_rule(new_rule(ReminderKind.HEAVY_DAY, "19:30"))
    checkin = add(store, ReminderKind.CHECKIN, "17:00", "08:00")
    assert changes == Changes(reminders=True)
    assert heavy.id and checkin.id and heavy.id != checkin.id
    assert [r.kind for r in store.reminders.rules()] == ["checkin", "heavy_day"]
    assert checkin.schedule.times == (dt.time(8), dt.time(17))
    changed = dataclasses.replace(checkin, schedule=Schedule(every_minutes=60), enabled=False)
    saved, _ = store.reminders.save_rule(changed)
    assert store.reminders.rule(checkin.id) == saved
    assert saved.schedule.every_minutes == 60 and saved.enabled is False
    assert store.reminders.delete_rule(checkin.id) == Changes(reminders=True)
    assert store.reminders.delete_rule(checkin.id) == Changes()
    assert [r.id for r in store.reminders.rules()] == [heavy.id]


def test_bad_rules_are_refused_and_nothing_is_saved(store):
    with pytest.raises(ValidationError):
        store.reminders.save_rule(new_rule(ReminderKind.NO_DAY_OFF, params={"days": 2}))
    with pytest.raises(ValidationError):
        store.reminders.save_rule(new_rule(ReminderKind.CHECKIN, days=frozenset()))
    assert store.reminders.rules() == []


def test_a_stored_rule_that_cannot_be_read_is_left_out_quietly(store, caplog):
    rule = add(store)
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE reminder_rules SET schedule = ?", (f'{{"x": "{NOTE}"}}',))
    with caplog.at_level(logging.INFO):
        assert store.reminders.rules() == []
    assert rule.id in caplog.text and NOTE not in caplog.text


def test_defaults_are_gentle_made_once_and_easy_to_turn_off(store):
    assert store.reminders.ensure_defaults() == Changes(reminders=True)
    rules = store.reminders.rules()
    assert [r.kind for r in rules] == [r.kind for r in default_rules()]
    on = {r.kind for r in rules if r.enabled}
    assert ReminderKind.CHECKIN in on and ReminderKind.SELFCARE not in on
    checkin = next(r for r in rules if r.kind is ReminderKind.CHECKIN)
    assert checkin.schedule.times == (dt.time(17),) and checkin.schedule.weekdays == set(range(5))
    assert store.reminders.ensure_defaults() == Changes()
    for r in rules:
        store.reminders.delete_rule(r.id)
    assert store.reminders.ensure_defaults() == Changes()  # deleting all is respected
    assert store.reminders.rules() == []


def test_a_store_with_rules_already_gets_no_defaults(store):
    add(store)
    assert store.reminders.ensure_defaults() == Changes()
    assert len(store.reminders.rules()) == 1


# -- due now -------------------------------------------------------------------------------
def test_a_reminder_is_due_at_its_time_and_shown_once(store, clock):
    rule = add(store, ReminderKind.CHECKIN, "17:00")
    assert store.reminders.due_now(go(clock, 2026, 11, 22, 16, 59)) == []
    now = go(clock, 2026, 11, 22, 17, 0, 1)
    [shown] = store.reminders.due_now(now)
    assert (shown.rule_id, shown.kind, shown.target) == (rule.id, "checkin", "checkin")
    assert shown.due_at == sydney(2026, 11, 22, 17) and shown.rule_ids == (rule.id,)
    assert shown.title == "Time for a quick check-in" and not shown.coalesced
    assert store.reminders.due_now(now) == []
    assert store.reminders.due_now(go(clock, 2026, 11, 23, 9)) == []
    assert len(store.reminders.due_now(go(clock, 2026, 11, 23, 17))) == 1


def test_a_rule_made_just_now_has_nothing_missed(store, clock):
    go(clock, 2026, 11, 22, 18)
    add(store, ReminderKind.CHECKIN, "17:00")  # 17:00 today was before it existed
    assert store.reminders.due_now(go(clock, 2026, 11, 22, 18, 30)) == []
    assert store.reminders.catch_up(clock.now()) is None


def test_disabled_rules_stay_quiet(store, clock):
    add(store, ReminderKind.CHECKIN, "17:00", enabled=False)
    assert store.reminders.due_now(go(clock, 2026, 11, 22, 17, 1)) == []


def test_the_checkin_reminder_skips_a_day_already_checked_in(store, clock):
    add(store, ReminderKind.CHECKIN, "17:00")
    go(clock, 2026, 11, 22, 12)
    store.checkins.save(CheckinDraft(day=dt.date(2026, 11, 22), mood=3))
    assert store.reminders.due_now(go(clock, 2026, 11, 22, 17, 1)) == []
    assert store.reminders.due_now(go(clock, 2026, 11, 22, 17, 30)) == []  # not later either
    assert len(store.reminders.due_now(go(clock, 2026, 11, 23, 17, 1))) == 1


@pytest.mark.parametrize(
    ("choice", "quiet_until", "back_at"),
    [
        (SnoozeChoice.TEN_MINUTES, (2026, 11, 22, 17, 9), (2026, 11, 22, 17, 10, 5)),
        (SnoozeChoice.ONE_HOUR, (2026, 11, 22, 17, 59), (2026, 11, 22, 18, 0, 5)),
        (SnoozeChoice.TOMORROW, (2026, 11, 23, 16, 59), (2026, 11, 23, 17, 0, 5)),
    ],
)
def test_snooze(store, clock, choice, quiet_until, back_at):
    rule = add(store, ReminderKind.SELFCARE, "17:00", "17:30")
    now = go(clock, 2026, 11, 22, 17, 0, 5)
    assert len(store.reminders.due_now(now)) == 1
    assert store.reminders.snooze_for(rule.id, choice, now) == Changes(reminders=True)
    # the snooze wins: not even the 17:30 time while it lasts
    assert store.reminders.due_now(go(clock, *quiet_until)) == []
    [again] = store.reminders.due_now(go(clock, *back_at))
    assert again.rule_id == rule.id
    assert store.reminders.rule(rule.id).snoozed_until is None  # used up
    assert store.reminders.due_now(go(clock, *back_at[:4], 20)) == []  # once, not twice


def test_snoozing_until_tomorrow_fires_once_with_the_same_time_tomorrow(store, clock):
    rule = add(store, ReminderKind.CHECKIN, "17:00")
    now = go(clock, 2026, 11, 22, 17, 0, 5)
    store.reminders.due_now(now)
    store.reminders.snooze_for(rule.id, SnoozeChoice.TOMORROW, now)
    assert len(store.reminders.due_now(go(clock, 2026, 11, 23, 17, 0, 10))) == 1
    assert store.reminders.due_now(go(clock, 2026, 11, 23, 17, 5)) == []
    assert len(store.reminders.due_now(go(clock, 2026, 11, 24, 17, 0, 1))) == 1


@pytest.mark.parametrize("response", ["skip", "done"])
def test_skip_and_done_end_a_snooze_and_nothing_comes_back(store, clock, response):
    rule = add(store, ReminderKind.SELFCARE, "17:00")
    now = go(clock, 2026, 11, 22, 17, 0, 5)
    store.reminders.due_now(now)
    store.reminders.snooze(rule.id, now + dt.timedelta(minutes=10))
    changes = getattr(store.reminders, response)(rule.id, go(clock, 2026, 11, 22, 17, 2))
    assert changes == Changes(reminders=True)
    assert store.reminders.rule(rule.id).snoozed_until is None
    assert store.reminders.due_now(go(clock, 2026, 11, 22, 17, 15)) == []
    assert store.reminders.catch_up(go(clock, 2026, 11, 22, 20)) is None
    assert len(store.reminders.due_now(go(clock, 2026, 11, 23, 17, 0, 1))) == 1


def test_responses_to_a_rule_deleted_meanwhile_do_nothing(store, clock):
    now = go(clock, 2026, 11, 22, 17)
    for call in (store.reminders.done, store.reminders.skip):
        assert call("gone", now) == Changes()
    assert store.reminders.snooze("gone", now + dt.timedelta(hours=1)) == Changes()


def test_snooze_and_pause_refuse_odd_times(store, clock):
    rule = add(store)
    now = go(clock, 2026, 11, 22, 17)
    for bad in (
        now - dt.timedelta(minutes=1),
        now + dt.timedelta(days=32),
        now.replace(tzinfo=None),
    ):
        with pytest.raises(ValidationError):
            store.reminders.snooze(rule.id, bad)
    for bad in (now, now + dt.timedelta(days=800), now.replace(tzinfo=None)):
        with pytest.raises(ValidationError):
            store.reminders.pause_until(bad)
    assert store.reminders.paused_until() is None


# -- catch-up, sleep, pauses ---------------------------------------------------------------
def several(store) -> list:
    return [
        add(store, ReminderKind.CHECKIN, "17:00"),
        add(store, ReminderKind.SELFCARE, "12:30"),
        add(store, ReminderKind.CHECKIN, "09:30", days=frozenset({0})),
        add(store, ReminderKind.HEAVY_DAY, "19:30"),
    ]


def test_after_a_week_closed_one_gentle_catch_up(store, clock):
    store.selfcare.add("body", "restores", PLAN)
    rules = several(store)
    go(clock, 2026, 11, 29, 8)
    store.checkins.save(CheckinDraft(day=dt.date(2026, 11, 28), note=NOTE, tags=("court",)))
    back = go(clock, 2026, 11, 29, 20)  # a week later
    shown = store.reminders.catch_up(back)
    assert shown is not None and shown.coalesced
    assert shown.title == kinds.CATCH_UP.title and shown.body == kinds.CATCH_UP.body
    assert set(shown.rule_ids) == {r.id for r in rules[:3]}  # no heavy day: nothing was heavy
    assert shown.target is None  # they point to different pages
    words = f"{shown.title} {shown.body} {shown.detail}"
    for private in (NOTE, "court", PLAN, "7", "seven", "missed"):
        assert private not in words
    # everything it stood for is settled: nothing more today, and no second catch-up
    assert store.reminders.due_now(back) == []
    assert store.reminders.catch_up(go(clock, 2026, 11, 29, 20, 30)) is None
    assert [r.kind for r in store.reminders.due_now(go(clock, 2026, 11, 30, 9, 31))] == ["checkin"]


def test_a_catch_up_for_just_one_rule_is_that_rules_own_notice(store, clock):
    rule = add(store, ReminderKind.CHECKIN, "17:00", days=frozenset({0}))
    shown = store.reminders.catch_up(go(clock, 2026, 11, 25, 9))
    assert shown is not None and shown.rule_id == rule.id and shown.target == "checkin"
    assert shown.due_at == sydney(2026, 11, 23, 17)


def test_waking_late_from_sleep_gives_one_notice_for_what_was_missed(store, clock):
    several(store)
    add(store, ReminderKind.CHECKIN, "08:00", "20:00")
    # asleep from Sunday 11:00 until 20:00 (12:30 and 17:00 came and went), waking at 20:00
    shown = store.reminders.due_now(go(clock, 2026, 11, 22, 20, 0, 2))
    assert [r.coalesced for r in shown] == [False, True]
    on_time, late = shown
    assert on_time.due_at == sydney(2026, 11, 22, 20)
    assert len(late.rule_ids) == 2 and late.title == kinds.CATCH_UP.title
    assert store.reminders.due_now(clock.now()) == []


def test_nothing_during_a_pause_and_no_backlog_after(store, clock):
    rule = add(store, ReminderKind.CHECKIN, "17:00")
    now = go(clock, 2026, 11, 22, 10)
    back = sydney(2026, 11, 27, 0, 0)
    assert store.reminders.pause_until(back) == Changes(reminders=True)
    assert store.reminders.paused_until() == back
    for day in range(22, 27):
        assert store.reminders.due_now(go(clock, 2026, 11, day, 17, 1)) == []
    # back on the 27th: no catch-up for the days away, and the day's own time still comes
    assert store.reminders.catch_up(go(clock, 2026, 11, 27, 8)) is None
    assert store.reminders.paused_until() is None
    [first] = store.reminders.due_now(go(clock, 2026, 11, 27, 17, 0, 1))
    assert first.rule_id == rule.id and first.due_at == sydney(2026, 11, 27, 17)
    assert now < back


def test_ending_a_pause_early_leaves_no_backlog(store, clock):
    add(store, ReminderKind.CHECKIN, "17:00")
    go(clock, 2026, 11, 22, 10)
    store.reminders.pause_until(sydney(2026, 12, 20))
    go(clock, 2026, 11, 25, 9)
    assert store.reminders.pause_until(None) == Changes(reminders=True)
    assert store.reminders.paused_until() is None
    assert store.reminders.catch_up(go(clock, 2026, 11, 25, 9, 1)) is None
    assert len(store.reminders.due_now(go(clock, 2026, 11, 25, 17, 0, 1))) == 1


def test_a_snooze_into_a_pause_is_dropped(store, clock):
    rule = add(store, ReminderKind.SELFCARE, "17:00")
    now = go(clock, 2026, 11, 22, 17, 0, 5)
    store.reminders.due_now(now)
    store.reminders.snooze_for(rule.id, SnoozeChoice.TOMORROW, now)
    store.reminders.pause_until(sydney(2026, 11, 25))
    assert store.reminders.due_now(go(clock, 2026, 11, 23, 17, 1)) == []
    assert store.reminders.catch_up(go(clock, 2026, 11, 25, 9)) is None


# -- kinds ---------------------------------------------------------------------------------
class Prompts:
    def __init__(self, text: str | None) -> None:
        self.text = text
        self.asked: list[dt.date] = []

    def pick_prompt(self, today: dt.date) -> str | None:
        self.asked.append(today)
        return self.text


def service_with(store, prompts) -> ReminderService:
    return ReminderService(
        store.engine, store.clock, store.checkins, store.measures, lambda: prompts
    )


def test_selfcare_draws_from_the_plan_only_into_the_in_app_detail(store, clock, caplog):
    prompts = Prompts(PLAN)
    reminders = service_with(store, prompts)
    reminders.save_rule(new_rule(ReminderKind.SELFCARE, "12:30"))
    with caplog.at_level(logging.DEBUG):
        [shown] = reminders.due_now(go(clock, 2026, 11, 22, 12, 31))
    assert PLAN in (shown.detail or "") and prompts.asked == [dt.date(2026, 11, 22)]
    assert PLAN not in shown.title + shown.body and PLAN not in caplog.text
    assert shown.target == "selfcare"


def test_selfcare_without_a_plan_still_says_something_kind(store, clock):
    add(store, ReminderKind.SELFCARE, "12:30")  # the real store.selfcare, with an empty plan
    [shown] = store.reminders.due_now(go(clock, 2026, 11, 22, 12, 31))
    assert shown.detail == kinds.WORDS[ReminderKind.SELFCARE].detail


def test_selfcare_can_name_one_practice_and_falls_back_when_it_is_gone(store, clock):
    item, _ = store.selfcare.add("connection", "restores", PLAN)
    rule = add(store, ReminderKind.SELFCARE, "12:30", params={"item_id": item.id})
    [shown] = store.reminders.due_now(go(clock, 2026, 11, 22, 12, 31))
    assert PLAN in shown.detail
    store.selfcare.delete(item.id)
    [later] = store.reminders.due_now(go(clock, 2026, 11, 23, 12, 31))
    assert later.rule_id == rule.id and PLAN not in (later.detail or "")


def test_heavy_day_only_after_a_day_marked_a_lot(store, clock):
    add(store, ReminderKind.HEAVY_DAY, "19:30")
    go(clock, 2026, 11, 22, 18)
    store.checkins.save(CheckinDraft(day=dt.date(2026, 11, 22), exposure=Exposure.SOME))
    assert store.reminders.due_now(go(clock, 2026, 11, 22, 19, 31)) == []
    go(clock, 2026, 11, 23, 18)
    store.checkins.save(
        CheckinDraft(day=dt.date(2026, 11, 23), exposure=Exposure.A_LOT, note=NOTE, stress=5)
    )
    [shown] = store.reminders.due_now(go(clock, 2026, 11, 23, 19, 31))
    assert shown.kind is ReminderKind.HEAVY_DAY and "a lot" in shown.detail
    notice = (shown.title + shown.body).lower()
    assert "heavy" not in notice and "lot" not in notice and NOTE not in shown.detail


def test_no_day_off_for_a_long_stretch(store, clock):
    rule = add(store, ReminderKind.NO_DAY_OFF, "12:00", params={"days": 14})
    go(clock, 2026, 11, 22, 9)
    for n in range(1, 15, 2):  # every other day for a fortnight, all work days
        store.checkins.save(CheckinDraft(day=dt.date(2026, 11, 22) - dt.timedelta(days=n)))
    [shown] = store.reminders.due_now(go(clock, 2026, 11, 22, 12, 1))
    assert shown.rule_id == rule.id and shown.target == "selfcare"
    store.checkins.save(CheckinDraft(day=dt.date(2026, 11, 22), day_kind=DayKind.LEAVE))
    assert store.reminders.due_now(go(clock, 2026, 11, 23, 12, 1)) == []


def test_no_day_off_needs_enough_check_ins_to_say_so(store, clock):
    add(store, ReminderKind.NO_DAY_OFF, "12:00", params={"days": 14})
    go(clock, 2026, 11, 22, 9)
    for n in (0, 1, 2, 3):  # only the last few days: silence isn't a stretch without rest
        store.checkins.save(CheckinDraft(day=dt.date(2026, 11, 22) - dt.timedelta(days=n)))
    assert store.reminders.due_now(go(clock, 2026, 11, 22, 12, 1)) == []


def test_measures_falling_due_once_per_round(store, clock):
    rule = add(store, ReminderKind.MEASURE_DUE, "10:00")
    go(clock, 2026, 11, 14, 9)
    answers = [3] * store.measures.definition("tend-pulse").item_count
    store.measures.save("tend-pulse", answers)  # weekly: due again on the 21st
    go(clock, 2026, 11, 22, 9)
    [shown] = store.reminders.due_now(go(clock, 2026, 11, 22, 10, 1))
    assert shown.rule_id == rule.id and shown.target == "measures"
    assert store.reminders.due_now(go(clock, 2026, 11, 23, 10, 1)) == []  # same round
    go(clock, 2026, 11, 23, 11)
    store.measures.save("tend-pulse", answers)
    assert store.reminders.due_now(go(clock, 2026, 11, 29, 10, 1)) == []
    assert len(store.reminders.due_now(go(clock, 2026, 11, 30, 10, 1))) == 1  # next round


def test_a_hand_made_supervision_rule_has_no_times_of_its_own(store, clock):
    """Issue 4 let supervision be a plain timed reminder; now its bookings say when."""
    rule = add(store, ReminderKind.SUPERVISION, "09:30")
    assert rule.schedule.at == () and rule.schedule.times == ()
    assert store.reminders.due_now(go(clock, 2026, 11, 22, 9, 31)) == []


def test_every_notice_is_generic(store):
    for kind, words in kinds.WORDS.items():
        text = f"{words.title} {words.body}".lower()
        for word in ("heavy", "score", "missed", "streak", "forgot", "overdue", "!", "plan:"):
            assert word not in text, (kind, word)


def test_responses_and_checks_log_no_private_words(store, clock, caplog):
    store.selfcare.add("mind", "restores", PLAN)
    rule = add(store, ReminderKind.SELFCARE, "12:30")
    with caplog.at_level(logging.DEBUG):
        now = go(clock, 2026, 11, 22, 12, 31)
        store.reminders.due_now(now)
        store.reminders.snooze_for(rule.id, SnoozeChoice.ONE_HOUR, now)
        store.reminders.due_now(go(clock, 2026, 11, 22, 13, 32))
        store.reminders.done(rule.id, clock.now())
    assert caplog.records and PLAN not in caplog.text
    with store.engine.connect() as conn:
        stored = conn.exec_driver_sql("SELECT value FROM private_settings").all()
    assert all(PLAN not in v for (v,) in stored)


def test_stored_times_are_utc(store, clock):
    rule = add(store, ReminderKind.CHECKIN, "17:00")
    store.reminders.due_now(go(clock, 2026, 11, 22, 17, 0, 1))
    with Session(store.engine) as s:
        row = s.get(models.ReminderRule, rule.id)
        assert row.last_fired_at == dt.datetime(2026, 11, 22, 6, 0, 1)
