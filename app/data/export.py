"""Exporting everything to a readable file: JSON (complete, re-importable) or CSV.

An export is the one place Tend writes plaintext, because the person asked
for it. It is still written carefully: to a temporary file beside the target,
fsynced, then renamed, with permissions for this user only.
"""

from __future__ import annotations

import csv
import io
import json
import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from app.data import schema
from app.data.agenda_entries import load_agenda
from app.data.entries import load_checkins, load_notes
from app.data.measure_entries import StoredResponse, StoredWording, load_responses, load_wordings
from app.data.selfcare_entries import load_items, load_reviews
from app.domain import SCALES, Checkin, Note
from app.errors import UserFacingError
from app.fsutil import atomic_write_bytes
from app.paths import AppPaths
from app.selfcare.model import PlanItem, WeeklyReview
from app.services.agenda import AgendaNote
from app.services.store import PrivateStore

log = logging.getLogger(__name__)

FORMATS = ("json", "csv")


@dataclass(frozen=True)
class ExportResult:
    path: Path
    checkins: int
    notes: int


@dataclass(frozen=True)
class _Everything:
    checkins: list[Checkin]
    notes: list[Note]
    responses: list[StoredResponse]
    wordings: list[StoredWording]
    selfcare_items: list[PlanItem]
    weekly_reviews: list[WeeklyReview]
    agenda: list[AgendaNote]


def _load(store: PrivateStore) -> _Everything:
    # One read transaction, so everything comes from the same moment.
    with Session(store.engine) as s, s.begin():
        return _Everything(
            load_checkins(s),
            load_notes(s),
            load_responses(s),
            load_wordings(s),
            load_items(s),
            load_reviews(s),
            load_agenda(s),
        )


def export_bytes(store: PrivateStore, fmt: str = "json") -> tuple[bytes, int, int]:
    """The export's bytes, and how many check-ins and notes it holds.

    CSV holds check-ins and notes only; measure responses and wordings, the self-care
    plan, weekly reviews and supervision agenda notes are in JSON.
    """
    loaded = _load(store)
    checkins, notes = loaded.checkins, loaded.notes
    if fmt == "json":
        doc = schema.document(
            checkins,
            notes,
            store.clock.now(),
            loaded.responses,
            loaded.wordings,
            loaded.selfcare_items,
            loaded.weekly_reviews,
            loaded.agenda,
        )
        data = json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False).encode("utf-8")
    elif fmt == "csv":
        data = _csv(checkins, notes).encode("utf-8")
    else:
        raise ValueError(f"unknown export format {fmt!r}")
    return data + b"\n", len(checkins), len(notes)


def export_file(store: PrivateStore, target: Path, fmt: str | None = None) -> ExportResult:
    """Write everything to ``target``; ``fmt`` None means from its suffix (``.csv`` or JSON)."""
    refuse_own_folder(store.paths, target)
    fmt = fmt or format_for(target)
    data, n_checkins, n_notes = export_bytes(store, fmt)
    try:
        atomic_write_bytes(target, data)
    except OSError as exc:
        log.warning("export failed: %s", type(exc).__name__)
        raise UserFacingError(
            "Tend couldn't write the export there. Please choose another folder."
        ) from None
    log.info("exported %d check-ins and %d notes as %s", n_checkins, n_notes, fmt)
    return ExportResult(target, n_checkins, n_notes)


def refuse_own_folder(paths: AppPaths, target: Path) -> None:
    """Exports and backups never go inside Tend's folders, where they could replace its files."""
    if paths.owns(target):
        raise UserFacingError(
            "Please choose a folder outside Tend's own data folder: saving there could "
            "replace the files that hold your entries."
        )


def format_for(target: Path) -> str:
    return "csv" if target.suffix.lower() == ".csv" else "json"


def _csv(checkins: list[Checkin], notes: list[Note]) -> str:
    buf = io.StringIO()
    out = csv.writer(buf, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    out.writerow(schema.CSV_COLUMNS)
    rows: list[tuple[str, list[object]]] = []
    for c in checkins:
        row: list[object] = [
            "checkin",
            c.id,
            c.day.isoformat(),
            *(_blank(getattr(c, name)) for name in SCALES),
            "" if c.exposure is None else c.exposure.value,
            _blank(c.exposure_hours),
            c.day_kind.value,
            _text(c.note),
            _text(schema.CSV_TAG_SEPARATOR.join(sorted(c.tags))),
            schema.format_timestamp(c.created_at),
            schema.format_timestamp(c.updated_at),
        ]
        rows.append((c.day.isoformat() + "0" + schema.format_timestamp(c.created_at), row))
    for n in notes:
        row = [
            "note",
            n.id,
            n.day.isoformat(),
            *([""] * len(SCALES)),
            "",
            "",
            "",
            _text(n.body),
            _text(schema.CSV_TAG_SEPARATOR.join(sorted(n.tags))),
            schema.format_timestamp(n.created_at),
            schema.format_timestamp(n.updated_at),
        ]
        rows.append((n.day.isoformat() + "1" + schema.format_timestamp(n.created_at), row))
    # By day, the check-in first, then that day's notes in the order they were written.
    for _key, row in sorted(rows, key=lambda pair: pair[0]):
        out.writerow(row)
    return buf.getvalue()


def _text(value: str) -> str:
    """Free text for a spreadsheet: a leading = + - @ would run as a formula, so quote it."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _blank(value: object) -> object:
    return "" if value is None else value
