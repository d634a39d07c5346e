"""Checking an import file completely before anything is written.

Every problem becomes ``ImportRejected`` with one plain sentence. Messages may
name an entry's position ("check-in 3") and a field name, never the entry's
text, scores or tags. Unknown fields are rejected: each schema version has
exactly the fields in ``app.data.schema``, and any new field comes with a new
schema version (docs/export-format.md, "Versioning").
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from app.data import schema
from app.data.measure_entries import StoredResponse, StoredWording
from app.domain import (
    SCALES,
    Checkin,
    CheckinDraft,
    DayKind,
    Exposure,
    Note,
    NoteDraft,
)
from app.errors import ImportRejected, ValidationError
from app.selfcare.model import PlanItem, WeeklyReview
from app.services.agenda import AgendaNote

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_SAFE_NAME = re.compile(r"[a-z_]{1,30}\Z")
MAX_APP_VERSION_CHARS = 100


class _BadNumber(ValueError):
    pass


class _DuplicateKey(ValueError):
    pass


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _BadNumber("not finite")
    return value


def _reject_constant(_name: str) -> Any:
    raise _BadNumber("not a number")


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey("repeated key")
        out[key] = value
    return out


def parse_json(data: bytes) -> Any:
    """Decode strictly: UTF-8, no NaN/Infinity, no repeated keys, no runaway nesting."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRejected("This file isn't a Tend export (it isn't readable text).") from None
    try:
        return json.loads(
            text,
            parse_constant=_reject_constant,
            parse_float=_finite_float,
            object_pairs_hook=_no_duplicate_keys,
        )
    except _BadNumber:
        raise ImportRejected(
            "This file contains a number Tend can't use (such as NaN or Infinity)."
        ) from None
    except _DuplicateKey:
        raise ImportRejected("This file repeats a field name inside one entry.") from None
    except RecursionError:
        raise ImportRejected("This file is nested too deeply to be a Tend export.") from None
    except ValueError:
        raise ImportRejected(
            "This file isn't complete JSON. It may have been cut short while copying."
        ) from None


def _fields(value: object, expected: Sequence[str], where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ImportRejected(f"{where.capitalize()} isn't written as a set of fields.")
    for name in expected:
        if name not in value:
            raise ImportRejected(f"{where.capitalize()} is missing its “{name}” field.")
    for name in value:
        if name not in expected:
            shown = f" (“{name}”)" if _SAFE_NAME.match(name) else ""
            raise ImportRejected(f"{where.capitalize()} has a field Tend doesn't know{shown}.")
    return value


def _uuid(value: object, where: str) -> str:
    if isinstance(value, str) and len(value) <= 64:
        try:
            return str(uuid.UUID(value))
        except ValueError:
            pass
    raise ImportRejected(f"{where.capitalize()} has an id that isn't a valid UUID.")


def _day(value: object, where: str) -> dt.date:
    if isinstance(value, str) and _DAY.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ImportRejected(f"{where.capitalize()} has a day that isn't a YYYY-MM-DD date.")


def _timestamp(value: object, where: str, field: str) -> dt.datetime:
    if isinstance(value, str) and 10 <= len(value) <= 40:
        try:
            moment = dt.datetime.fromisoformat(value)
            if moment.tzinfo is not None and moment.utcoffset() is not None:
                return moment.astimezone(dt.UTC)
        except (ValueError, OverflowError):
            pass
    raise ImportRejected(
        f"{where.capitalize()} has a “{field}” that isn't a date and time with a time zone."
    )


def _text(value: object, where: str, field: str) -> str:
    if not isinstance(value, str):
        raise ImportRejected(f"{where.capitalize()} has a “{field}” that isn't text.")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ImportRejected(
            f"{where.capitalize()} has a “{field}” with characters Tend can't store."
        ) from None
    return value


def _tags(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or len(value) > 1000:
        raise ImportRejected(f"{where.capitalize()} has tags that aren't a list of words.")
    return tuple(_text(v, where, "tags") for v in value)


def _choice(value: object, kinds: type[Exposure] | type[DayKind], where: str, field: str) -> Any:
    try:
        if isinstance(value, str):
            return kinds(value)
    except ValueError:
        pass
    allowed = ", ".join(f"“{k.value}”" for k in kinds)
    raise ImportRejected(f"{where.capitalize()} has a “{field}” that isn't one of {allowed}.")


def _scale(value: object, where: str, field: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 5:
        return value
    raise ImportRejected(f"{where.capitalize()} has a “{field}” that isn't a number from 1 to 5.")


def _hours(value: object, where: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 24:
        return float(value)
    raise ImportRejected(
        f"{where.capitalize()} has “exposure_hours” that aren't a number from 0 to 24."
    )


def checkin(raw: object, n: int, today: dt.date) -> Checkin:
    where = f"check-in {n}"
    f = _fields(raw, schema.CHECKIN_FIELDS, where)
    draft = CheckinDraft(
        day=_day(f["day"], where),
        **{name: _scale(f[name], where, name) for name in SCALES},
        exposure=None
        if f["exposure"] is None
        else _choice(f["exposure"], Exposure, where, "exposure"),
        exposure_hours=_hours(f["exposure_hours"], where),
        day_kind=_choice(f["day_kind"], DayKind, where, "day_kind"),
        note=_text(f["note"], where, "note"),
        tags=_tags(f["tags"], where),
    )
    draft = _domain_checked(lambda: draft.validated(today), where)
    return Checkin(
        **{name: getattr(draft, name) for name in ("day", *SCALES)},
        exposure=draft.exposure,
        exposure_hours=draft.exposure_hours,
        day_kind=draft.day_kind,
        note=draft.note,
        tags=tuple(sorted(draft.tags)),
        id=_uuid(f["id"], where),
        created_at=_timestamp(f["created_at"], where, "created_at"),
        updated_at=_timestamp(f["updated_at"], where, "updated_at"),
    )


def note(raw: object, n: int, today: dt.date) -> Note:
    where = f"note {n}"
    f = _fields(raw, schema.NOTE_FIELDS, where)
    draft = NoteDraft(
        day=_day(f["day"], where),
        body=_text(f["body"], where, "body"),
        tags=_tags(f["tags"], where),
    )
    draft = _domain_checked(lambda: draft.validated(today), where)
    return Note(
        day=draft.day,
        body=draft.body,
        tags=tuple(sorted(draft.tags)),
        id=_uuid(f["id"], where),
        created_at=_timestamp(f["created_at"], where, "created_at"),
        updated_at=_timestamp(f["updated_at"], where, "updated_at"),
    )


def _domain_checked(fn: Any, where: str) -> Any:
    try:
        return fn()
    except ValidationError as exc:
        # Domain messages are generic ("Tags can be up to 40 characters."), never content.
        raise ImportRejected(f"{where.capitalize()} can't be used: {exc.message}") from None


@dataclass(frozen=True)
class Document:
    """Everything an import file holds, checked. Version 1 files have no measures;
    versions 1 and 2 have no self-care plan or weekly reviews; versions 1 to 3 have no
    supervision agenda notes."""

    checkins: list[Checkin]
    notes: list[Note]
    responses: list[StoredResponse]
    wordings: list[StoredWording]
    selfcare_items: list[PlanItem]
    weekly_reviews: list[WeeklyReview]
    agenda: list[AgendaNote] = field(default_factory=list)


_TOP_FIELDS = {1: schema.TOP_FIELDS_V1, 2: schema.TOP_FIELDS_V2, 3: schema.TOP_FIELDS_V3}


def document(doc: object, today: dt.date) -> Document:
    """Validate a whole parsed export; return its entries or raise ``ImportRejected``."""
    if not isinstance(doc, dict) or doc.get("format") != schema.FORMAT:
        raise ImportRejected("This file isn't a Tend export.")
    version = doc.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ImportRejected("This Tend export has no readable schema version.")
    if version > schema.SCHEMA_VERSION:
        raise ImportRejected(
            "This file was made by a newer version of Tend. "
            "Please update Tend to import it; nothing has been changed."
        )
    f = _fields(doc, _TOP_FIELDS.get(version, schema.TOP_FIELDS), "the file")
    _timestamp(f["exported_at"], "the file", "exported_at")
    app_version = _text(f["app_version"], "the file", "app_version")
    if len(app_version) > MAX_APP_VERSION_CHARS:
        raise ImportRejected("The file's “app_version” is too long.")
    for key in ("checkins", "notes"):
        if not isinstance(f[key], list):
            raise ImportRejected(f"The file's “{key}” isn't a list of entries.")
    checkins = [checkin(raw, i, today) for i, raw in enumerate(f["checkins"], start=1)]
    notes = [note(raw, i, today) for i, raw in enumerate(f["notes"], start=1)]
    responses: list[StoredResponse] = []
    wordings: list[StoredWording] = []
    if version >= 2:
        from app.data.validate_measures import measures

        responses, wordings = measures(f["measure_responses"], f["measure_wordings"], today)
    items: list[PlanItem] = []
    reviews: list[WeeklyReview] = []
    if version >= 3:
        from app.data.validate_selfcare import selfcare

        items, reviews = selfcare(f["selfcare_items"], f["weekly_reviews"], today)
    agenda: list[AgendaNote] = []
    if version >= 4:
        from app.data.validate_agenda import agenda_notes

        agenda = agenda_notes(f["supervision_agenda"])
    ids = [(f"check-in {i}", c.id) for i, c in enumerate(checkins, 1)]
    ids += [(f"note {i}", n.id) for i, n in enumerate(notes, 1)]
    ids += [(f"measure response {i}", r.id) for i, r in enumerate(responses, 1)]
    ids += [(f"self-care item {i}", x.id) for i, x in enumerate(items, 1)]
    ids += [(f"weekly review {i}", w.id) for i, w in enumerate(reviews, 1)]
    _unique(ids, checkins)
    return Document(checkins, notes, responses, wordings, items, reviews, agenda)


def _unique(ids: list[tuple[str, str]], checkins: list[Checkin]) -> None:
    seen: dict[str, str] = {}
    for where, ident in ids:
        if ident in seen:
            raise ImportRejected(f"{where.capitalize()} has the same id as {seen[ident]}.")
        seen[ident] = where
    days: dict[dt.date, int] = {}
    for i, c in enumerate(checkins, 1):
        if c.day in days:
            raise ImportRejected(
                f"Check-in {i} is for the same day as check-in {days[c.day]}; "
                "there can be one check-in a day."
            )
        days[c.day] = i
