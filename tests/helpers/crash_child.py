"""Child for the crash test: save check-ins for successive days until SIGKILLed.

Usage: ``python -m tests.helpers.crash_child DATA_DIR``; then one line on stdin:
``<data key hex> <first day ISO>``. Prints ``READY`` once the store is open, then
``ACK <day>`` after each check-in's ``save()`` has returned (and
``NOTE <id> <day>`` after a note's), flushing each line: a line is only ever
printed for a write the store has acknowledged as durable.

Imports stay light (no Qt): a hundred of these start during one test run.
"""

from __future__ import annotations

import datetime as dt
import sys
from zoneinfo import ZoneInfo

from app.clock import FixedClock
from app.domain import SCALES, Checkin, CheckinDraft, DayKind, Exposure, NoteDraft
from app.paths import AppPaths
from app.security.vault import DataKey
from app.services.store import PrivateStore

# Far enough ahead that every day the test saves is in the past.
CLOCK = FixedClock(dt.datetime(2100, 1, 1, 9, 0, tzinfo=ZoneInfo("Australia/Sydney")))
NOTE_EVERY = 5


def draft_for(day: dt.date) -> CheckinDraft:
    """The check-in saved for ``day``: a pure function, so the parent can check it."""
    o = day.toordinal()
    scales = {name: (o * (i + 1)) % 5 + 1 if (o + i) % 7 else None for i, name in enumerate(SCALES)}
    return CheckinDraft(
        day=day,
        **scales,
        exposure=list(Exposure)[o % 3],
        exposure_hours=(o % 49) / 2,
        day_kind=list(DayKind)[o % 3],
        note=f"crash test day {day.isoformat()} " * (o % 4),
        tags=tuple(f"tag{(o + k) % 6}" for k in range(o % 3)),
    )


def note_for(day: dt.date) -> NoteDraft:
    return NoteDraft(day=day, body=f"note for {day.isoformat()}", tags=("crash",))


def matches(saved: Checkin | None, draft: CheckinDraft) -> bool:
    if saved is None:
        return False
    want = draft.validated(CLOCK.now().date())
    fields = (*SCALES, "day", "exposure", "exposure_hours", "day_kind", "note")
    return all(getattr(saved, f) == getattr(want, f) for f in fields) and sorted(
        saved.tags
    ) == sorted(want.tags)


def main() -> None:
    paths = AppPaths.from_override(sys.argv[1])
    key_hex, first = sys.stdin.readline().split()
    store = PrivateStore(paths, DataKey(bytes.fromhex(key_hex)), CLOCK)
    print("READY", flush=True)
    day = dt.date.fromisoformat(first)
    while True:
        store.checkins.save(draft_for(day))
        print(f"ACK {day.isoformat()}", flush=True)
        if day.toordinal() % NOTE_EVERY == 0:
            note, _ = store.journal.add_note(note_for(day))
            print(f"NOTE {note.id} {day.isoformat()}", flush=True)
        day += dt.timedelta(days=1)


if __name__ == "__main__":
    main()
