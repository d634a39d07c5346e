"""Free slots: the times a supervisor's offer leaves open.

Slots start every ``session + buffer`` from each window's start and fit wholly
inside it; they start at or after ``now + min_notice`` and before ``now +
horizon``; a slot never overlaps leave, and its own ``[start, end + buffer)`` never
overlaps a session's ``[start, blocked_until)``, so there is a buffer on both
sides. A local day that already has ``daily_max`` sessions offers no new ones.
Group windows also offer a seat in an existing group session at exactly a slot's
time (joining adds no session, so the daily limit doesn't stop it).

Busy sessions and leave are merged into sorted, disjoint intervals and each slot is
checked with a bisect, so the work is about (slots + sessions) x log(sessions).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from app.supervision.model import Busy, OfferSettings, Slot, Window, WindowKind
from app.supervision.recurrence import occurrences

UTC = dt.UTC
Interval = tuple[dt.datetime, dt.datetime]


class Blocks:
    """Sorted, disjoint intervals; asks whether [a, b) touches any of them."""

    def __init__(self, intervals: Sequence[Interval]) -> None:
        merged: list[list[dt.datetime]] = []
        for start, end in sorted(i for i in intervals if i[0] < i[1]):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [m[0] for m in merged]
        self.ends = [m[1] for m in merged]

    def overlaps(self, a: dt.datetime, b: dt.datetime) -> bool:
        # Only the last interval starting before ``b`` can reach past ``a``.
        i = bisect.bisect_left(self.starts, b) - 1
        return i >= 0 and self.ends[i] > a


def _aware(value: dt.datetime, what: str) -> dt.datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{what} must be an aware datetime")
    return value.astimezone(UTC)


def _bounds(
    settings: OfferSettings, now: dt.datetime, start: dt.datetime | None, end: dt.datetime | None
) -> Interval:
    """Where slot starts may fall: [lo, hi)."""
    now = _aware(now, "now")
    lo = now + dt.timedelta(hours=settings.min_notice_hours)
    hi = now + dt.timedelta(days=settings.horizon_days)
    if start is not None:
        lo = max(lo, _aware(start, "start"))
    if end is not None:
        hi = min(hi, _aware(end, "end"))
    return lo, hi


def _joins(window: Window, busy_at: dict[dt.datetime, list[Busy]], t: dt.datetime) -> list[Busy]:
    if window.capacity <= 1:
        return []
    return [b for b in busy_at.get(t, ()) if b.capacity > 1 and b.seats_taken < b.capacity]


def _candidates(
    settings: OfferSettings,
    windows: Sequence[Window],
    busy: Sequence[Busy],
    zone: ZoneInfo,
    lo: dt.datetime,
    hi: dt.datetime,
) -> list[Slot]:
    session, step = settings.session, settings.session + settings.buffer
    leave = Blocks(
        [
            span
            for w in windows
            if w.kind is WindowKind.LEAVE
            for span in occurrences(w, zone, lo - step, hi + step)
        ]
    )
    taken = Blocks([(_aware(b.start, "busy"), _aware(b.blocked_until, "busy")) for b in busy])
    per_day = Counter(b.start.astimezone(zone).date() for b in busy)
    busy_at: dict[dt.datetime, list[Busy]] = {}
    for b in busy:
        busy_at.setdefault(_aware(b.start, "busy"), []).append(b)
    found: list[Slot] = []
    for window in windows:
        if window.kind is WindowKind.LEAVE:
            continue
        # Occurrences starting up to a window-length before ``lo`` can still hold slots.
        for w_start, w_end in occurrences(window, zone, lo, hi):
            t = w_start
            while t + session <= w_end and t < hi:
                if t >= lo and not leave.overlaps(t, t + session):
                    joins = _joins(window, busy_at, t)
                    found.extend(_join_slot(window, b, t, session) for b in joins)
                    full = per_day[t.astimezone(zone).date()] >= settings.daily_max
                    if not joins and not full and not taken.overlaps(t, t + step):
                        found.append(_new_slot(window, t, session))
                t += step
    return found


def _new_slot(window: Window, t: dt.datetime, session: dt.timedelta) -> Slot:
    return Slot(
        t, t + session, window.modality, window.location, window.capacity, window.capacity, None
    )


def _join_slot(window: Window, b: Busy, t: dt.datetime, session: dt.timedelta) -> Slot:
    end = t + session
    seats = b.capacity - b.seats_taken
    return Slot(t, end, window.modality, window.location, b.capacity, seats, b.session_id)


def _tidy(found: list[Slot], buffer: dt.timedelta) -> list[Slot]:
    """Sorted, without duplicates; where overlapping windows offer new sessions that
    would clash with each other, the earlier (then the first listed) one stays."""
    found.sort(key=lambda s: (s.start, s.session_id is None))
    kept: list[Slot] = []
    joined: set[str] = set()
    free_from: dt.datetime | None = None
    for slot in found:
        if slot.session_id is not None:
            if slot.session_id not in joined:
                joined.add(slot.session_id)
                kept.append(slot)
        elif free_from is None or slot.start >= free_from:
            kept.append(slot)
            free_from = slot.end + buffer
    return kept


def free_slots(
    settings: OfferSettings,
    windows: Sequence[Window],
    busy: Sequence[Busy],
    now: dt.datetime,
    zone: ZoneInfo,
    *,
    start: dt.datetime | None = None,
    end: dt.datetime | None = None,
) -> list[Slot]:
    """Every bookable slot starting in [start, end) (and within notice and horizon)."""
    lo, hi = _bounds(settings, now, start, end)
    if lo >= hi:
        return []
    return _tidy(_candidates(settings, windows, busy, zone, lo, hi), settings.buffer)


def slot_fits(
    settings: OfferSettings,
    windows: Sequence[Window],
    busy: Sequence[Busy],
    now: dt.datetime,
    zone: ZoneInfo,
    start: dt.datetime,
) -> Slot | None:
    """The free slot starting exactly at ``start`` (for checking a booking), else None."""
    start = _aware(start, "start")
    # A day before is enough for overlapping windows to settle which of them offers a time.
    around = free_slots(
        settings,
        windows,
        busy,
        now,
        zone,
        start=start - dt.timedelta(days=1),
        end=start + dt.timedelta(microseconds=1),
    )
    return next((s for s in around if s.start == start), None)
