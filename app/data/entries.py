"""Reading and writing many entries at once, inside one caller-owned Session.

The services save one entry per call; export, import and demo data move
thousands, so they use SQLAlchemy Core on the same tables, the same tag rows
(``get_or_create_tags``/``drop_unused_tags``) and the same full-text index
layout (``index_entry``) as the services. Nothing here commits: the caller
owns the transaction, so an import is all-or-nothing.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Table, delete, insert, select, text
from sqlalchemy.orm import Session

from app.domain import SCALES, Checkin, DayKind, EntryKind, Exposure, Note
from app.services.index import get_or_create_tags, unindex_entry
from app.store import models

CHECKINS: Table = models.Checkin.__table__  # type: ignore[assignment]
NOTES: Table = models.Note.__table__  # type: ignore[assignment]
TAGS: Table = models.Tag.__table__  # type: ignore[assignment]
TAG_SLICE = 500


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment.replace(tzinfo=dt.UTC)


def _naive_utc(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC).replace(tzinfo=None)


def _tags_by_owner(session: Session, link: Table, owner: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    rows = session.execute(
        select(link.c[owner], TAGS.c.name).join(TAGS, TAGS.c.id == link.c.tag_id)
    )
    for owner_id, name in rows:
        out[owner_id].append(name)
    return out


def load_checkins(session: Session) -> list[Checkin]:
    tags = _tags_by_owner(session, models.checkin_tags, "checkin_id")
    out = []
    for row in session.execute(select(CHECKINS).order_by(CHECKINS.c.day)).mappings():
        out.append(
            Checkin(
                id=row["id"],
                day=row["day"],
                **{name: row[name] for name in SCALES},
                exposure=None if row["exposure"] is None else Exposure(row["exposure"]),
                exposure_hours=row["exposure_hours"],
                day_kind=DayKind(row["day_kind"]),
                note=row["note"],
                tags=tuple(sorted(tags.get(row["id"], ()))),
                created_at=_aware(row["created_at"]),
                updated_at=_aware(row["updated_at"]),
            )
        )
    return out


def load_notes(session: Session) -> list[Note]:
    tags = _tags_by_owner(session, models.note_tags, "note_id")
    out = []
    query = select(NOTES).order_by(NOTES.c.day, NOTES.c.created_at)
    for row in session.execute(query).mappings():
        out.append(
            Note(
                id=row["id"],
                day=row["day"],
                body=row["body"],
                tags=tuple(sorted(tags.get(row["id"], ()))),
                created_at=_aware(row["created_at"]),
                updated_at=_aware(row["updated_at"]),
            )
        )
    return out


def tag_ids(session: Session, names: Iterable[str]) -> dict[str, int]:
    """Ids for these tag names, creating the missing ones (the services' own helper).

    In slices, because the helper asks ``name IN (...)`` and SQLite caps the
    number of bound values in one statement.
    """
    unique = sorted(set(names))
    out: dict[str, int] = {}
    for start in range(0, len(unique), TAG_SLICE):
        tags = get_or_create_tags(session, unique[start : start + TAG_SLICE])
        session.flush()
        out.update((t.name, t.id) for t in tags)
    return out


def _insert_index(session: Session, rows: list[dict[str, Any]]) -> None:
    # Same columns and tag spelling as app.services.index.index_entry.
    if rows:
        session.execute(
            text(f"INSERT INTO {models.FTS_TABLE}(body, tags, kind, ref) VALUES (:b, :t, :k, :r)"),
            rows,
        )


def _insert_links(session: Session, link: Table, owner: str, pairs: list[tuple[str, int]]) -> None:
    if pairs:
        session.execute(insert(link), [{owner: o, "tag_id": t} for o, t in pairs])


def insert_checkins(session: Session, items: Sequence[Checkin]) -> None:
    """Insert new check-ins (ids and days must be free) with their tags and index rows."""
    if not items:
        return
    ids = tag_ids(session, (t for c in items for t in c.tags))
    session.execute(
        insert(CHECKINS),
        [
            {
                "id": c.id,
                "day": c.day,
                **{name: getattr(c, name) for name in SCALES},
                "exposure": None if c.exposure is None else c.exposure.value,
                "exposure_hours": c.exposure_hours,
                "day_kind": c.day_kind.value,
                "note": c.note,
                "created_at": _naive_utc(c.created_at),
                "updated_at": _naive_utc(c.updated_at),
            }
            for c in items
        ],
    )
    pairs = [(c.id, ids[t]) for c in items for t in c.tags]
    _insert_links(session, models.checkin_tags, "checkin_id", pairs)
    kind = EntryKind.CHECKIN.value
    _insert_index(
        session, [{"b": c.note, "t": " ".join(c.tags), "k": kind, "r": c.id} for c in items]
    )


def insert_notes(session: Session, items: Sequence[Note]) -> None:
    """Insert new notes (ids must be free) with their tags and index rows."""
    if not items:
        return
    ids = tag_ids(session, (t for n in items for t in n.tags))
    session.execute(
        insert(NOTES),
        [
            {
                "id": n.id,
                "day": n.day,
                "body": n.body,
                "created_at": _naive_utc(n.created_at),
                "updated_at": _naive_utc(n.updated_at),
            }
            for n in items
        ],
    )
    pairs = [(n.id, ids[t]) for n in items for t in n.tags]
    _insert_links(session, models.note_tags, "note_id", pairs)
    kind = EntryKind.NOTE.value
    _insert_index(
        session, [{"b": n.body, "t": " ".join(n.tags), "k": kind, "r": n.id} for n in items]
    )


def delete_checkins(session: Session, ids: Iterable[str]) -> None:
    """Remove check-ins, their tag links and their index rows (tags are tidied by the caller)."""
    for ident in ids:
        unindex_entry(session, EntryKind.CHECKIN, ident)
        session.execute(
            delete(models.checkin_tags).where(models.checkin_tags.c.checkin_id == ident)
        )
        session.execute(delete(CHECKINS).where(CHECKINS.c.id == ident))


def delete_notes(session: Session, ids: Iterable[str]) -> None:
    for ident in ids:
        unindex_entry(session, EntryKind.NOTE, ident)
        session.execute(delete(models.note_tags).where(models.note_tags.c.note_id == ident))
        session.execute(delete(NOTES).where(NOTES.c.id == ident))


def existing_checkin_days(session: Session) -> set[dt.date]:
    return set(session.scalars(select(CHECKINS.c.day)))
