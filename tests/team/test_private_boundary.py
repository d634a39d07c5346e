"""Nothing from the private store ever reaches the team store.

A person with an unlocked private store writes a check-in, a journal note and an
agenda note for their booking, each carrying a marker; then a whole supervision
flow runs on the team store (book, reschedule, cancel, a supervisor's cancel with
a reason, marking, standing, calendar files). Every row of every team table (and,
for a SQLite file, its raw bytes with the write-ahead log) is searched for the
markers.
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from sqlalchemy.engine import make_url

from app.clock import FixedClock
from app.context import Tend
from app.domain import CheckinDraft, NoteDraft
from app.supervision.model import Slot
from app.supervision.policy import AttendanceStatus
from app.supervision.service import SupervisionService
from tests.team.world import SYDNEY, local, standard


def slot_at(service: SupervisionService, supervisor_id: str, moment: dt.datetime) -> Slot:
    return next(s for s in service.free_slots(supervisor_id) if s.start == moment)


def test_private_words_never_reach_the_team_store(
    unlocked: Tend, clock: FixedClock, team_url: str, role_prefix: str
) -> None:
    marker = f"PRIVATE-{uuid.uuid4().hex}"
    tag = f"mk{uuid.uuid4().hex[:12]}"
    store = unlocked.require_store()
    today = clock.now().date()
    store.checkins.save(CheckinDraft(day=today, mood=2, stress=5, note=marker, tags=(tag,)))
    store.journal.add_note(NoteDraft(day=today, body=f"{marker} after the hearing", tags=(tag,)))

    world = standard(team_url, role_prefix)
    world.clock = clock  # the same moment as the private store's
    try:
        alex, blair, sam = (world.service(n) for n in ("alex", "blair", "sam"))
        sam_id = world.ids["sam"]
        first = alex.book(sam_id, slot_at(alex, sam_id, local(2026, 11, 24, 10)))
        store.agenda.save(first.attendance_id, f"{marker}: talk about the Tuesday client")
        moved = alex.reschedule(
            first.attendance_id, sam_id, slot_at(alex, sam_id, local(2026, 11, 26, 10))
        )
        store.agenda.save(moved.attendance_id, store.agenda.get(first.attendance_id))
        other = alex.book(sam_id, slot_at(alex, sam_id, local(2026, 12, 1, 10)))
        alex.cancel(other.attendance_id, "Leave")
        theirs = blair.book(sam_id, slot_at(blair, sam_id, local(2026, 12, 3, 10)))
        sam.cancel_session(theirs.session_id, "Away that day, sorry")
        clock.set(local(2026, 11, 26, 11, 30).astimezone(SYDNEY))
        sam.mark(moved.attendance_id, AttendanceStatus.HELD)
        alex.my_standing()
        sam.supervisees()
        ics = alex.calendar_for(alex.my_bookings(include_past=True))
        assert marker.encode() not in ics and tag.encode() not in ics
        assert store.agenda.get(moved.attendance_id).startswith(marker)  # it was really there

        dumped = repr(world.dump())
        assert first.attendance_id in dumped  # the dump really holds the bookings
        for secret in (marker, tag):
            assert secret not in dumped
        if team_url.startswith("sqlite"):
            world.close()
            path = Path(str(make_url(team_url).database))
            files = [p for p in path.parent.iterdir() if p.name.startswith(path.name)]
            assert path in files
            for file in files:
                raw = file.read_bytes()
                for secret in (marker, tag):
                    assert secret.encode() not in raw, file.name
                    assert secret.encode("utf-16-le") not in raw, file.name
    finally:
        world.close()
