"""The daily check-in: one per day, editable."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.domain import SCALES, Changes, Checkin, CheckinDraft, DayKind, EntryKind, Exposure
from app.services.index import drop_unused_tags, get_or_create_tags, index_entry, unindex_entry
from app.store import models
from app.store.engine import writer


def to_checkin(row: models.Checkin) -> Checkin:
    return Checkin(
        id=row.id,
        day=row.day,
        **{name: getattr(row, name) for name in SCALES},
        exposure=None if row.exposure is None else Exposure(row.exposure),
        exposure_hours=row.exposure_hours,
        day_kind=DayKind(row.day_kind),
        note=row.note,
        tags=tuple(sorted(t.name for t in row.tags)),
        created_at=row.created_at.replace(tzinfo=dt.UTC),
        updated_at=row.updated_at.replace(tzinfo=dt.UTC),
    )


def apply_draft(row: models.Checkin, draft: CheckinDraft) -> None:
    for name in SCALES:
        setattr(row, name, getattr(draft, name))
    row.exposure = None if draft.exposure is None else draft.exposure.value
    row.exposure_hours = draft.exposure_hours
    row.day_kind = draft.day_kind.value
    row.note = draft.note


class CheckinService:
    def __init__(self, engine: Engine, clock: Clock) -> None:
        self._read = engine
        self._write = writer(engine)
        self._clock = clock

    def today(self) -> dt.date:
        return self._clock.now().date()

    def get(self, day: dt.date) -> Checkin | None:
        with Session(self._read) as s:
            row = s.scalar(select(models.Checkin).where(models.Checkin.day == day))
            return None if row is None else to_checkin(row)

    def get_by_id(self, checkin_id: str) -> Checkin | None:
        with Session(self._read) as s:
            row = s.get(models.Checkin, checkin_id)
            return None if row is None else to_checkin(row)

    def save(self, draft: CheckinDraft) -> tuple[Checkin, Changes]:
        """Create or replace the check-in for ``draft.day``. Durable on return."""
        draft = draft.validated(self.today())
        now = self._clock.now().astimezone(dt.UTC).replace(tzinfo=None)
        with Session(self._write) as s, s.begin():
            row = s.scalar(select(models.Checkin).where(models.Checkin.day == draft.day))
            if row is None:
                row = models.Checkin(id=str(uuid.uuid4()), day=draft.day, created_at=now)
                s.add(row)
            apply_draft(row, draft)
            row.updated_at = now
            row.tags = get_or_create_tags(s, draft.tags)
            s.flush()
            index_entry(s, EntryKind.CHECKIN, row.id, row.note, draft.tags)
            drop_unused_tags(s)
            s.flush()
            saved = to_checkin(row)
        return saved, Changes(checkins=True, tags=True)

    def delete(self, checkin_id: str) -> tuple[Checkin | None, Changes]:
        """Delete and return what was deleted, so the caller can offer Undo."""
        with Session(self._write) as s, s.begin():
            row = s.get(models.Checkin, checkin_id)
            if row is None:
                return None, Changes()
            snapshot = to_checkin(row)
            unindex_entry(s, EntryKind.CHECKIN, checkin_id)
            s.delete(row)
            s.flush()
            drop_unused_tags(s)
        return snapshot, Changes(checkins=True, tags=True)

    def restore(self, snapshot: Checkin) -> Changes:
        """Put back a check-in removed by ``delete`` (same id and timestamps)."""
        with Session(self._write) as s, s.begin():
            if s.scalar(select(models.Checkin.id).where(models.Checkin.day == snapshot.day)):
                return Changes()  # a new check-in for that day was made since; keep it
            row = models.Checkin(
                id=snapshot.id,
                day=snapshot.day,
                created_at=snapshot.created_at.astimezone(dt.UTC).replace(tzinfo=None),
                updated_at=snapshot.updated_at.astimezone(dt.UTC).replace(tzinfo=None),
            )
            apply_draft(row, snapshot)
            row.tags = get_or_create_tags(s, snapshot.tags)
            s.add(row)
            s.flush()
            index_entry(s, EntryKind.CHECKIN, row.id, row.note, snapshot.tags)
        return Changes(checkins=True, tags=True)

    def between(self, start: dt.date, end: dt.date) -> list[Checkin]:
        with Session(self._read) as s:
            rows = s.scalars(
                select(models.Checkin)
                .where(models.Checkin.day >= start, models.Checkin.day <= end)
                .order_by(models.Checkin.day)
            )
            return [to_checkin(r) for r in rows]
