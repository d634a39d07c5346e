"""Free slots: stepping, notice, horizon, daily limit, buffers, groups, leave and extras."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from app.supervision.model import Busy, Modality, OfferSettings, Slot, Window, WindowKind
from app.supervision.recurrence import weekly_rule
from app.supervision.slots import free_slots, slot_fits

SYDNEY = ZoneInfo("Australia/Sydney")
UTC = dt.UTC
NOW = dt.datetime(2026, 11, 22, 9, tzinfo=SYDNEY)  # a Sunday
OPEN = OfferSettings(min_notice_hours=0, horizon_days=14, daily_max=10)
MONDAYS = Window(
    "mon",
    WindowKind.WEEKLY,
    dt.datetime(2026, 11, 2, 9),
    dt.datetime(2026, 11, 2, 13),
    weekly_rule([0]),
    Modality.IN_PERSON,
    "Room 2",
)


def at(day: int, hour: int, minute: int = 0, month: int = 11) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, tzinfo=SYDNEY)


def busy(start: dt.datetime, minutes: int = 60, *, cap: int = 1, taken: int = 1) -> Busy:
    end = start + dt.timedelta(minutes=minutes + 15)
    return Busy(f"s-{start:%d%H%M}", start.astimezone(UTC), end.astimezone(UTC), cap, taken)


def times(slots: list[Slot]) -> list[str]:
    return [s.start.astimezone(SYDNEY).strftime("%d %H:%M") for s in slots]


def slots(
    windows: list[Window] | None = None,
    taken: list[Busy] | None = None,
    settings: OfferSettings = OPEN,
    now: dt.datetime = NOW,
    **bounds: dt.datetime,
) -> list[Slot]:
    return free_slots(settings, windows or [MONDAYS], taken or [], now, SYDNEY, **bounds)


def test_slots_step_by_session_and_buffer_and_fit_the_window() -> None:
    found = slots()
    assert times(found) == ["23 09:00", "23 10:15", "23 11:30", "30 09:00", "30 10:15", "30 11:30"]
    first = found[0]
    assert first.start == dt.datetime(2026, 11, 22, 22, tzinfo=UTC)
    assert first.end - first.start == dt.timedelta(minutes=60)
    assert (first.modality, first.location, first.capacity, first.seats_left) == (
        Modality.IN_PERSON,
        "Room 2",
        1,
        1,
    )
    assert first.session_id is None
    assert all(s.start.tzinfo is UTC for s in found)


def test_shorter_sessions_without_buffer_fill_the_window() -> None:
    settings = OfferSettings(session_minutes=45, buffer_minutes=0, min_notice_hours=0)
    found = slots(settings=settings, end=at(24, 0))
    assert times(found) == ["23 09:00", "23 09:45", "23 10:30", "23 11:15", "23 12:00"]


def test_minimum_notice() -> None:
    settings = OfferSettings(min_notice_hours=1, horizon_days=14)
    found = slots(settings=settings, now=at(23, 8, 30), end=at(24, 0))
    assert times(found) == ["23 10:15", "23 11:30"]


def test_horizon_ends_before_now_plus_horizon() -> None:
    eight = OfferSettings(min_notice_hours=0, horizon_days=8)  # up to Monday 30th, 09:00
    assert times(slots(settings=eight))[-1] == "23 11:30"
    nine = OfferSettings(min_notice_hours=0, horizon_days=9)
    assert times(slots(settings=nine))[-1] == "30 11:30"


def test_start_and_end_narrow_the_search() -> None:
    assert times(slots(start=at(23, 10), end=at(23, 11, 30))) == ["23 10:15"]
    assert slots(start=at(24, 0), end=at(23, 0)) == []


def test_daily_max_counts_sessions_on_the_supervisors_local_day() -> None:
    # 07:00 Monday in Sydney is still Sunday in UTC: the limit is about Monday.
    early = busy(at(23, 7))
    assert early.start.date() == dt.date(2026, 11, 22)
    settings = OfferSettings(min_notice_hours=0, horizon_days=14, daily_max=1)
    assert times(slots(taken=[early], settings=settings)) == ["30 09:00", "30 10:15", "30 11:30"]
    two = OfferSettings(min_notice_hours=0, horizon_days=14, daily_max=2)
    assert times(slots(taken=[early], settings=two))[:3] == ["23 09:00", "23 10:15", "23 11:30"]


def test_busy_sessions_block_with_buffers_on_both_sides() -> None:
    # 10:20-11:20 plus its buffer blocks to 11:35. The 09:00 slot's own buffer (10:00-10:15)
    # would run into 10:10; 11:30 starts inside the other's buffer.
    assert times(slots(taken=[busy(at(23, 10, 20))], end=at(24, 0))) == ["23 09:00"]
    assert times(slots(taken=[busy(at(23, 10, 10))], end=at(24, 0))) == ["23 11:30"]
    # A session ending, buffer and all, exactly when a slot starts leaves the slot free.
    touching = Busy("t", at(23, 8).astimezone(UTC), at(23, 9).astimezone(UTC), 1, 1)
    assert times(slots(taken=[touching], end=at(24, 0))) == ["23 09:00", "23 10:15", "23 11:30"]


def test_group_window_offers_a_seat_in_an_existing_group_session() -> None:
    group = Window("g", WindowKind.WEEKLY, MONDAYS.start, MONDAYS.end, MONDAYS.rrule, capacity=6)
    found = slots([group], [busy(at(23, 10, 15), cap=6, taken=2)], end=at(24, 0))
    assert times(found) == ["23 09:00", "23 10:15", "23 11:30"]
    join = found[1]
    assert join.session_id == "s-231015"
    assert (join.capacity, join.seats_left) == (6, 4)
    assert [s.session_id for s in (found[0], found[2])] == [None, None]
    assert found[0].seats_left == 6


def test_full_group_session_offers_nothing_at_its_time() -> None:
    group = Window("g", WindowKind.WEEKLY, MONDAYS.start, MONDAYS.end, MONDAYS.rrule, capacity=6)
    found = slots([group], [busy(at(23, 10, 15), cap=6, taken=6)], end=at(24, 0))
    assert times(found) == ["23 09:00", "23 11:30"]


def test_joining_is_not_stopped_by_the_daily_limit() -> None:
    group = Window("g", WindowKind.WEEKLY, MONDAYS.start, MONDAYS.end, MONDAYS.rrule, capacity=6)
    settings = OfferSettings(min_notice_hours=0, daily_max=1)
    found = slots([group], [busy(at(23, 10, 15), cap=6, taken=1)], settings, end=at(24, 0))
    assert [(t, s.session_id) for t, s in zip(times(found), found, strict=True)] == [
        ("23 10:15", "s-231015")
    ]


def test_individual_window_offers_no_seat_in_a_group_session() -> None:
    found = slots(taken=[busy(at(23, 10, 15), cap=6, taken=2)], end=at(24, 0))
    assert times(found) == ["23 09:00", "23 11:30"]


def test_leave_removes_slots_and_extras_add_them() -> None:
    leave = Window("l", WindowKind.LEAVE, dt.datetime(2026, 11, 23, 10), dt.datetime(2026, 11, 28))
    extra = Window(
        "e", WindowKind.EXTRA, dt.datetime(2026, 11, 25, 14), dt.datetime(2026, 11, 25, 16, 30)
    )
    found = slots([MONDAYS, leave, extra])
    # The extra window falls inside the leave, so it stays closed too.
    assert times(found) == ["23 09:00", "30 09:00", "30 10:15", "30 11:30"]
    later = Window(
        "e2", WindowKind.EXTRA, dt.datetime(2026, 12, 2, 14), dt.datetime(2026, 12, 2, 16, 30)
    )
    assert times(slots([MONDAYS, leave, later])) == [
        "23 09:00",
        "30 09:00",
        "30 10:15",
        "30 11:30",
        "02 14:00",
        "02 15:15",
    ]


def test_long_leave_removes_weeks() -> None:
    leave = Window("l", WindowKind.LEAVE, dt.datetime(2026, 11, 20), dt.datetime(2026, 12, 1))
    assert times(slots([MONDAYS, leave])) == []


def test_overlapping_windows_offer_no_clashing_slots() -> None:
    extra = Window(
        "e", WindowKind.EXTRA, dt.datetime(2026, 11, 23, 9, 30), dt.datetime(2026, 11, 23, 11)
    )
    found = slots([extra, MONDAYS], end=at(24, 0))
    assert times(found) == ["23 09:00", "23 10:15", "23 11:30"]


def test_slots_keep_local_time_after_sydney_dst_starts() -> None:
    since = Window(
        "m",
        WindowKind.WEEKLY,
        dt.datetime(2026, 9, 7, 9),
        dt.datetime(2026, 9, 7, 13),
        weekly_rule([0]),
    )
    now = dt.datetime(2026, 9, 27, 9, tzinfo=SYDNEY)
    found = slots([since], now=now, settings=OfferSettings(min_notice_hours=0, horizon_days=9))
    assert [s.start.astimezone(SYDNEY).strftime("%a %d %H:%M %Z") for s in found] == [
        "Mon 28 09:00 AEST",
        "Mon 28 10:15 AEST",
        "Mon 28 11:30 AEST",
        "Mon 05 09:00 AEDT",
        "Mon 05 10:15 AEDT",
        "Mon 05 11:30 AEDT",
    ]


def test_slot_fits_finds_the_exact_slot() -> None:
    slot = slot_fits(OPEN, [MONDAYS], [], NOW, SYDNEY, at(23, 10, 15))
    assert slot is not None and slot.start == at(23, 10, 15)
    assert slot_fits(OPEN, [MONDAYS], [], NOW, SYDNEY, at(23, 10, 20)) is None
    taken = [busy(at(23, 10, 15))]
    assert slot_fits(OPEN, [MONDAYS], taken, NOW, SYDNEY, at(23, 10, 15)) is None
    late = OfferSettings(min_notice_hours=48)
    assert slot_fits(late, [MONDAYS], [], NOW, SYDNEY, at(23, 10, 15)) is None


def test_slot_fits_offers_a_seat_to_join() -> None:
    group = Window("g", WindowKind.WEEKLY, MONDAYS.start, MONDAYS.end, MONDAYS.rrule, capacity=4)
    slot = slot_fits(OPEN, [group], [busy(at(23, 9), cap=4, taken=3)], NOW, SYDNEY, at(23, 9))
    assert slot is not None and slot.session_id == "s-230900" and slot.seats_left == 1


def test_naive_now_is_a_bug() -> None:
    with pytest.raises(ValueError):
        free_slots(OPEN, [MONDAYS], [], dt.datetime(2026, 11, 22, 9), SYDNEY)
