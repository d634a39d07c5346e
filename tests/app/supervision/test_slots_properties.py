"""Properties of free_slots over wide inputs: zones, windows, leave, busy sessions."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from app.supervision.model import Busy, OfferSettings, Window, WindowKind
from app.supervision.recurrence import occurrences, weekly_rule
from app.supervision.slots import free_slots

UTC = dt.UTC
ZONES = [ZoneInfo(z) for z in ("Australia/Sydney", "Europe/London", "America/New_York", "UTC")]
BASE = dt.datetime(2026, 9, 1)  # windows begin around here; "now" ranges over DST changes
FAR = (dt.datetime(2020, 1, 1, tzinfo=UTC), dt.datetime(2030, 1, 1, tzinfo=UTC))


@st.composite
def windows(draw: st.DrawFn) -> Window:
    kind = draw(st.sampled_from(list(WindowKind)))
    # Starts bunched into a few days and hours, so windows often overlap each other.
    start = BASE + dt.timedelta(
        days=draw(st.integers(0, 30)), minutes=15 * draw(st.integers(4 * 7, 4 * 12))
    )
    if kind is WindowKind.LEAVE:
        end = start + dt.timedelta(minutes=15 * draw(st.integers(1, 4 * 24 * 5)))
    else:
        end = min(
            start + dt.timedelta(minutes=15 * draw(st.integers(1, 40))),
            dt.datetime.combine(start.date(), dt.time(23, 59)),
        )
    rule = None
    if kind is WindowKind.WEEKLY:
        days = draw(st.sets(st.integers(0, 6), min_size=1, max_size=3))
        rule = weekly_rule(days, interval=draw(st.integers(1, 2)))
    capacity = draw(st.sampled_from([1, 1, 4]))
    return Window(f"w{draw(st.integers(0, 10**6))}", kind, start, end, rule, capacity=capacity)


@st.composite
def sessions(draw: st.DrawFn) -> Busy:
    start = dt.datetime(2026, 9, 1, tzinfo=UTC) + dt.timedelta(
        minutes=15 * draw(st.integers(0, 4 * 24 * 45))
    )
    blocked = start + dt.timedelta(minutes=15 * draw(st.integers(1, 12)))
    cap = draw(st.sampled_from([1, 4]))
    return Busy(f"s{draw(st.integers(0, 10**6))}", start, blocked, cap, draw(st.integers(1, cap)))


settings_st = st.builds(
    OfferSettings,
    session_minutes=st.sampled_from([30, 45, 60, 90]),
    buffer_minutes=st.sampled_from([0, 10, 15, 30]),
    min_notice_hours=st.integers(0, 72),
    horizon_days=st.integers(1, 45),
    daily_max=st.integers(1, 6),
)


def overlaps(a: dt.datetime, b: dt.datetime, c: dt.datetime, d: dt.datetime) -> bool:
    return a < d and c < b


@given(
    settings=settings_st,
    wins=st.lists(windows(), max_size=6),
    busy=st.lists(sessions(), max_size=40),
    zone=st.sampled_from(ZONES),
    now_hours=st.integers(0, 24 * 40),
)
def test_free_slots_keep_every_promise(
    settings: OfferSettings,
    wins: list[Window],
    busy: list[Busy],
    zone: ZoneInfo,
    now_hours: int,
) -> None:
    now = dt.datetime(2026, 9, 1, tzinfo=UTC) + dt.timedelta(hours=now_hours, minutes=7)
    found = free_slots(settings, wins, busy, now, zone)

    leave = [
        span for w in wins if w.kind is WindowKind.LEAVE for span in occurrences(w, zone, *FAR)
    ]
    open_ = [
        span for w in wins if w.kind is not WindowKind.LEAVE for span in occurrences(w, zone, *FAR)
    ]
    per_day = Counter(b.start.astimezone(zone).date() for b in busy)
    buffer = settings.buffer
    assert [s.start for s in found] == sorted(s.start for s in found)
    for slot in found:
        assert slot.end - slot.start == settings.session
        assert now + dt.timedelta(hours=settings.min_notice_hours) <= slot.start
        assert slot.start < now + dt.timedelta(days=settings.horizon_days)
        assert any(a <= slot.start and slot.end <= b for a, b in open_)
        assert not any(overlaps(slot.start, slot.end, a, b) for a, b in leave)
        for b in busy:
            if b.session_id == slot.session_id:
                assert b.start == slot.start and b.seats_taken < b.capacity
                assert slot.seats_left == b.capacity - b.seats_taken
            elif slot.session_id is None:
                assert not overlaps(slot.start, slot.end + buffer, b.start, b.blocked_until)
        if slot.session_id is None:
            assert per_day[slot.start.astimezone(zone).date()] < settings.daily_max
    new = [s for s in found if s.session_id is None]
    for earlier, later in itertools.pairwise(new):
        assert later.start >= earlier.end + buffer
