"""Importing a Tend export: strict, all-or-nothing, and safe to repeat.

1. Read at most ``MAX_IMPORT_BYTES``; parse and validate everything
   (app.data.validate). Any problem: ``ImportRejected``, nothing touched.
2. Merge in ONE write transaction, matching entries by id:
   identical → unchanged; the file's copy updated later → replaced;
   the copy here updated later (or at the same moment) → kept.
   Check-ins are one per day: if the file has a different check-in for a day
   that already has one, whichever was updated last is kept and the day is
   counted in ``day_conflicts``.
Importing the same file twice therefore adds nothing the second time.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from app.data import entries, validate
from app.domain import Checkin, Note
from app.errors import ImportRejected
from app.services.index import drop_unused_tags
from app.services.store import PrivateStore
from app.store.engine import writer

log = logging.getLogger(__name__)

MAX_IMPORT_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class ImportReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    day_conflicts: int = 0

    @property
    def changed_anything(self) -> bool:
        return bool(self.added or self.updated)


def read_limited(source: Path, limit: int | None = None) -> bytes:
    limit = MAX_IMPORT_BYTES if limit is None else limit
    try:
        with open(source, "rb") as fh:
            data = fh.read(limit + 1)
    except OSError:
        raise ImportRejected(
            "Tend couldn't open that file. Please check it's still there."
        ) from None
    if len(data) > limit:
        raise ImportRejected(
            f"That file is larger than {limit // (1024 * 1024)} MB, "
            "which is more than a Tend export can be."
        )
    return data


def import_file(store: PrivateStore, source: Path) -> ImportReport:
    return import_bytes(store, read_limited(source))


def import_bytes(store: PrivateStore, data: bytes) -> ImportReport:
    today = store.clock.now().date()
    checkins, notes = validate.document(validate.parse_json(data), today)
    report = _apply(store, checkins, notes)
    log.info(
        "import: %d added, %d updated, %d unchanged, %d day conflicts",
        report.added,
        report.updated,
        report.unchanged,
        report.day_conflicts,
    )
    return report


@dataclass
class _Plan:
    remove_checkins: list[str]
    add_checkins: list[Checkin]
    remove_notes: list[str]
    add_notes: list[Note]
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    day_conflicts: int = 0


def _apply(store: PrivateStore, checkins: list[Checkin], notes: list[Note]) -> ImportReport:
    with Session(writer(store.engine)) as s, s.begin():
        plan = _Plan([], [], [], [])
        _plan_checkins(plan, entries.load_checkins(s), checkins)
        _plan_notes(plan, entries.load_notes(s), notes)
        entries.delete_checkins(s, plan.remove_checkins)
        entries.delete_notes(s, plan.remove_notes)
        s.flush()
        entries.insert_checkins(s, plan.add_checkins)
        entries.insert_notes(s, plan.add_notes)
        drop_unused_tags(s)
    return ImportReport(plan.added, plan.updated, plan.unchanged, plan.day_conflicts)


def _plan_checkins(plan: _Plan, existing: list[Checkin], incoming: list[Checkin]) -> None:
    by_id = {c.id: c for c in existing}
    by_day: dict[dt.date, Checkin] = {c.day: c for c in existing}

    def remove(c: Checkin) -> None:
        plan.remove_checkins.append(c.id)
        by_id.pop(c.id, None)
        if by_day.get(c.day) is c:
            del by_day[c.day]

    # Entries we already know go first, so one that moved to another day frees
    # its old day before a new entry for that day is considered.
    for c in sorted(incoming, key=lambda c: c.id not in by_id):
        old = by_id.get(c.id)
        if old is not None and (old == c or c.updated_at <= old.updated_at):
            plan.unchanged += 1
            continue
        other = by_day.get(c.day)
        if other is not None and other.id != c.id:
            plan.day_conflicts += 1
            if other.updated_at >= c.updated_at:
                plan.unchanged += 1
                continue
            remove(other)
        if old is not None:
            remove(old)
            plan.updated += 1
        elif other is not None:
            plan.updated += 1  # replaced that day's older check-in
        else:
            plan.added += 1
        plan.add_checkins.append(c)
        by_id[c.id] = c
        by_day[c.day] = c


def _plan_notes(plan: _Plan, existing: list[Note], incoming: list[Note]) -> None:
    by_id = {n.id: n for n in existing}
    for n in incoming:
        old = by_id.get(n.id)
        if old is None:
            plan.added += 1
        elif old == n or n.updated_at <= old.updated_at:
            plan.unchanged += 1
            continue
        else:
            plan.remove_notes.append(n.id)
            plan.updated += 1
        plan.add_notes.append(n)
        by_id[n.id] = n
