"""The export format's words: field names, versions and how values are written.

docs/export-format.md describes the same thing for people; keep them in step.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import app
from app.data.measure_entries import StoredResponse, StoredWording
from app.domain import SCALES, Checkin, Note
from app.selfcare.model import PlanItem, WeeklyReview
from app.services.agenda import AgendaNote

FORMAT = "tend-export"
# 2 added measure_responses and measure_wordings; 3 added selfcare_items and weekly_reviews;
# 4 added supervision_agenda.
SCHEMA_VERSION = 4

CHECKIN_FIELDS = (
    "id",
    "day",
    *SCALES,
    "exposure",
    "exposure_hours",
    "day_kind",
    "note",
    "tags",
    "created_at",
    "updated_at",
)
NOTE_FIELDS = ("id", "day", "body", "tags", "created_at", "updated_at")
TOP_FIELDS_V1 = ("format", "schema_version", "exported_at", "app_version", "checkins", "notes")
TOP_FIELDS_V2 = (*TOP_FIELDS_V1, "measure_responses", "measure_wordings")
TOP_FIELDS_V3 = (*TOP_FIELDS_V2, "selfcare_items", "weekly_reviews")
TOP_FIELDS = (*TOP_FIELDS_V3, "supervision_agenda")
MEASURE_RESPONSE_FIELDS = (
    "id",
    "measure_id",
    "definition_version",
    "day",
    "taken_at",
    "answers",
    "scores",
)
MEASURE_WORDING_FIELDS = ("measure_id", "items", "added_at")
SELFCARE_ITEM_FIELDS = ("id", "area", "kind", "text", "position", "created_at", "updated_at")
WEEKLY_REVIEW_FIELDS = (
    "id",
    "week_start",
    "helped",
    "drained",
    "next_week",
    "created_at",
    "updated_at",
)
SUPERVISION_AGENDA_FIELDS = ("attendance_id", "text", "updated_at")

CSV_COLUMNS = (
    "kind",
    "id",
    "day",
    *SCALES,
    "exposure",
    "exposure_hours",
    "day_kind",
    "text",
    "tags",
    "created_at",
    "updated_at",
)
CSV_TAG_SEPARATOR = "; "


def format_timestamp(moment: dt.datetime) -> str:
    """ISO-8601 in UTC with microseconds and a ``Z``, e.g. ``2026-11-21T22:00:00.000000Z``.

    Microseconds are always written so a round trip gives back the exact same
    value, which is what makes importing the same file twice a no-op.
    """
    if moment.tzinfo is None:
        raise ValueError("timestamps must be aware")
    utc = moment.astimezone(dt.UTC).replace(tzinfo=None)
    return utc.isoformat(timespec="microseconds") + "Z"


def checkin_to_json(c: Checkin) -> dict[str, Any]:
    return {
        "id": c.id,
        "day": c.day.isoformat(),
        **{name: getattr(c, name) for name in SCALES},
        "exposure": None if c.exposure is None else c.exposure.value,
        "exposure_hours": c.exposure_hours,
        "day_kind": c.day_kind.value,
        "note": c.note,
        "tags": sorted(c.tags),
        "created_at": format_timestamp(c.created_at),
        "updated_at": format_timestamp(c.updated_at),
    }


def note_to_json(n: Note) -> dict[str, Any]:
    return {
        "id": n.id,
        "day": n.day.isoformat(),
        "body": n.body,
        "tags": sorted(n.tags),
        "created_at": format_timestamp(n.created_at),
        "updated_at": format_timestamp(n.updated_at),
    }


def response_to_json(r: StoredResponse) -> dict[str, Any]:
    return {
        "id": r.id,
        "measure_id": r.measure_id,
        "definition_version": r.definition_version,
        "day": r.day.isoformat(),
        "taken_at": format_timestamp(r.taken_at),
        "answers": list(r.answers),
        "scores": dict(r.scores),
    }


def wording_to_json(w: StoredWording) -> dict[str, Any]:
    return {
        "measure_id": w.measure_id,
        "items": list(w.items),
        "added_at": format_timestamp(w.added_at),
    }


def selfcare_item_to_json(i: PlanItem) -> dict[str, Any]:
    return {
        "id": i.id,
        "area": i.area.value,
        "kind": i.kind.value,
        "text": i.text,
        "position": i.position,
        "created_at": format_timestamp(i.created_at),
        "updated_at": format_timestamp(i.updated_at),
    }


def weekly_review_to_json(r: WeeklyReview) -> dict[str, Any]:
    return {
        "id": r.id,
        "week_start": r.week_start.isoformat(),
        "helped": r.helped,
        "drained": r.drained,
        "next_week": r.next_week,
        "created_at": format_timestamp(r.created_at),
        "updated_at": format_timestamp(r.updated_at),
    }


def agenda_to_json(a: AgendaNote) -> dict[str, Any]:
    return {
        "attendance_id": a.attendance_id,
        "text": a.text,
        "updated_at": format_timestamp(a.updated_at),
    }


def document(
    checkins: Sequence[Checkin],
    notes: Sequence[Note],
    exported_at: dt.datetime,
    responses: Sequence[StoredResponse] = (),
    wordings: Sequence[StoredWording] = (),
    selfcare_items: Sequence[PlanItem] = (),
    weekly_reviews: Sequence[WeeklyReview] = (),
    agenda: Sequence[AgendaNote] = (),
) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "exported_at": format_timestamp(exported_at),
        "app_version": app.__version__,
        "checkins": [checkin_to_json(c) for c in checkins],
        "notes": [note_to_json(n) for n in notes],
        "measure_responses": [response_to_json(r) for r in responses],
        "measure_wordings": [wording_to_json(w) for w in wordings],
        "selfcare_items": [selfcare_item_to_json(i) for i in selfcare_items],
        "weekly_reviews": [weekly_review_to_json(r) for r in weekly_reviews],
        "supervision_agenda": [agenda_to_json(a) for a in agenda],
    }
