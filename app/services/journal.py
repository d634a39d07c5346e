"""The journal: notes, and a combined, filterable, searchable list of entries."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from app.clock import Clock
from app.domain import Changes, EntryKind, JournalFilter, JournalItem, Note, NoteDraft
from app.errors import ValidationError
from app.services.checkins import to_checkin
from app.services.index import (
    drop_unused_tags,
    fts_query,
    get_or_create_tags,
    index_entry,
    unindex_entry,
)
from app.store import models
from app.store.engine import writer

PAGE = 200


def to_note(row: models.Note) -> Note:
    return Note(
        id=row.id,
        day=row.day,
        body=row.body,
        tags=tuple(sorted(t.name for t in row.tags)),
        created_at=row.created_at.replace(tzinfo=dt.UTC),
        updated_at=row.updated_at.replace(tzinfo=dt.UTC),
    )


def _naive_utc(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC).replace(tzinfo=None)


class JournalService:
    def __init__(self, engine: Engine, clock: Clock) -> None:
        self._read = engine
        self._write = writer(engine)
        self._clock = clock

    # -- notes ------------------------------------------------------------------
    def add_note(self, draft: NoteDraft) -> tuple[Note, Changes]:
        draft = draft.validated(self._clock.now().date())
        now = _naive_utc(self._clock.now())
        with Session(self._write) as s, s.begin():
            row = models.Note(
                id=str(uuid.uuid4()), day=draft.day, body=draft.body, created_at=now, updated_at=now
            )
            row.tags = get_or_create_tags(s, draft.tags)
            s.add(row)
            s.flush()
            index_entry(s, EntryKind.NOTE, row.id, row.body, draft.tags)
            note = to_note(row)
        return note, Changes(notes=True, tags=True)

    def update_note(self, note_id: str, draft: NoteDraft) -> tuple[Note, Changes]:
        draft = draft.validated(self._clock.now().date())
        with Session(self._write) as s, s.begin():
            row = s.get(models.Note, note_id)
            if row is None:
                raise ValidationError("That note has been deleted.")
            row.day, row.body = draft.day, draft.body
            row.updated_at = _naive_utc(self._clock.now())
            row.tags = get_or_create_tags(s, draft.tags)
            s.flush()
            index_entry(s, EntryKind.NOTE, row.id, row.body, draft.tags)
            drop_unused_tags(s)
            s.flush()
            note = to_note(row)
        return note, Changes(notes=True, tags=True)

    def get_note(self, note_id: str) -> Note | None:
        with Session(self._read) as s:
            row = s.get(models.Note, note_id)
            return None if row is None else to_note(row)

    def delete_note(self, note_id: str) -> tuple[Note | None, Changes]:
        with Session(self._write) as s, s.begin():
            row = s.get(models.Note, note_id)
            if row is None:
                return None, Changes()
            snapshot = to_note(row)
            unindex_entry(s, EntryKind.NOTE, note_id)
            s.delete(row)
            s.flush()
            drop_unused_tags(s)
        return snapshot, Changes(notes=True, tags=True)

    def restore_note(self, snapshot: Note) -> Changes:
        with Session(self._write) as s, s.begin():
            if s.get(models.Note, snapshot.id) is not None:
                return Changes()
            row = models.Note(
                id=snapshot.id,
                day=snapshot.day,
                body=snapshot.body,
                created_at=_naive_utc(snapshot.created_at),
                updated_at=_naive_utc(snapshot.updated_at),
            )
            row.tags = get_or_create_tags(s, snapshot.tags)
            s.add(row)
            s.flush()
            index_entry(s, EntryKind.NOTE, row.id, row.body, snapshot.tags)
        return Changes(notes=True, tags=True)

    # -- listing ------------------------------------------------------------------
    def tags(self) -> list[str]:
        with Session(self._read) as s:
            return list(s.scalars(select(models.Tag.name).order_by(models.Tag.name)))

    def entries(self, flt: JournalFilter, limit: int = PAGE, offset: int = 0) -> list[JournalItem]:
        """Check-ins and notes matching ``flt``, newest first."""
        sql, params = _listing_sql(flt)
        if sql is None:
            return []
        params.update(limit=limit, offset=offset)
        with Session(self._read) as s:
            keys = s.execute(text(sql), params).all()
            return _load_items(s, [(EntryKind(k), i) for k, i, _d, _c in keys])

    def count(self, flt: JournalFilter) -> int:
        sql, params = _listing_sql(flt, counting=True)
        if sql is None:
            return 0
        with Session(self._read) as s:
            return int(s.execute(text(sql), params).scalar_one())


def _listing_sql(flt: JournalFilter, counting: bool = False) -> tuple[str | None, dict[str, Any]]:
    params: dict[str, Any] = {}
    parts = []
    query = fts_query(flt.query) if flt.query.strip() else None
    if flt.query.strip() and query is None:
        return None, params
    for kind, table, link, fk in (
        (EntryKind.CHECKIN, "checkins", "checkin_tags", "checkin_id"),
        (EntryKind.NOTE, "notes", "note_tags", "note_id"),
    ):
        if kind not in flt.kinds:
            continue
        where = ["1=1"]
        if flt.start is not None:
            where.append("day >= :start")
            params["start"] = flt.start.isoformat()
        if flt.end is not None:
            where.append("day <= :end")
            params["end"] = flt.end.isoformat()
        if flt.tag:
            where.append(
                f"id IN (SELECT {fk} FROM {link} JOIN tags ON tags.id = {link}.tag_id "
                "WHERE tags.name = :tag)"
            )
            params["tag"] = flt.tag
        if query is not None:
            where.append(
                f"id IN (SELECT ref FROM {models.FTS_TABLE} "
                f"WHERE {models.FTS_TABLE} MATCH :q AND kind = '{kind.value}')"
            )
            params["q"] = query
        parts.append(
            f"SELECT '{kind.value}' AS kind, id, day, created_at FROM {table} "
            f"WHERE {' AND '.join(where)}"
        )
    if not parts:
        return None, params
    union = " UNION ALL ".join(parts)
    if counting:
        return f"SELECT count(*) FROM ({union})", params
    return (
        f"{union} ORDER BY day DESC, created_at DESC, kind, id LIMIT :limit OFFSET :offset",
        params,
    )


def _load_items(s: Session, keys: list[tuple[EntryKind, str]]) -> list[JournalItem]:
    checkin_ids = [i for k, i in keys if k is EntryKind.CHECKIN]
    note_ids = [i for k, i in keys if k is EntryKind.NOTE]
    checkins = {
        r.id: to_checkin(r)
        for r in s.scalars(select(models.Checkin).where(models.Checkin.id.in_(checkin_ids)))
    }
    notes = {
        r.id: to_note(r) for r in s.scalars(select(models.Note).where(models.Note.id.in_(note_ids)))
    }
    items = []
    for kind, ident in keys:
        if kind is EntryKind.CHECKIN:
            c = checkins[ident]
            items.append(JournalItem(kind, c.id, c.day, c.created_at, c.note, c.tags, checkin=c))
        else:
            n = notes[ident]
            items.append(JournalItem(kind, n.id, n.day, n.created_at, n.body, n.tags))
    return items
