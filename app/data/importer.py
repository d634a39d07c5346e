"""Importing a Tend export: strict, all-or-nothing, and safe to repeat.

1. Read at most ``MAX_IMPORT_BYTES``; parse and validate everything
   (app.data.validate). Any problem: ``ImportRejected``, nothing touched.
2. Merge in ONE write transaction, matching entries by id:
   identical → unchanged; the file's copy updated later → replaced;
   the copy here updated later (or at the same moment) → kept.
   Check-ins are one per day: if the file has a different check-in for a day
   that already has one, whichever was updated last is kept and the day is
   counted in ``day_conflicts``. Measure responses are matched by id (a
   response is never edited, so a known id is left alone); a questionnaire's
   supplied wording is replaced when the file's copy was added later.
   Self-care plan items are matched by id like notes; weekly reviews by id like
   check-ins, one per week (whichever was updated last is kept). Supervision
   agenda notes are matched by their booking (attendance id) like notes: the one
   updated later is kept.
Importing the same file twice therefore adds nothing the second time.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TypeVar

from sqlalchemy.orm import Session

from app.data import agenda_entries, entries, measure_entries, selfcare_entries, validate
from app.data.measure_entries import StoredResponse, StoredWording
from app.domain import Checkin, Note
from app.errors import ImportRejected
from app.selfcare.model import PlanItem, WeeklyReview
from app.services.agenda import AgendaNote
from app.services.index import drop_unused_tags
from app.services.store import PrivateStore
from app.store.engine import writer

log = logging.getLogger(__name__)

MAX_IMPORT_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class ImportReport:
    """Counts of entries (check-ins and notes) and, apart, of measure responses and wordings,
    of self-care plan items and weekly reviews, and of supervision agenda notes."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    day_conflicts: int = 0
    measures_added: int = 0
    measures_updated: int = 0
    measures_unchanged: int = 0
    selfcare_added: int = 0
    selfcare_updated: int = 0
    selfcare_unchanged: int = 0
    agenda_added: int = 0
    agenda_updated: int = 0
    agenda_unchanged: int = 0

    @property
    def changed_anything(self) -> bool:
        return bool(
            self.added
            or self.updated
            or self.measures_added
            or self.measures_updated
            or self.selfcare_added
            or self.selfcare_updated
            or self.agenda_added
            or self.agenda_updated
        )

    def summary(self) -> str:
        """What the import did, in plain words (shared by the window and the CLI)."""
        if not self.changed_anything:
            text = "Everything in that file was already here, so nothing changed."
        else:
            parts = [_count(self.added, "new entry", "new entries")] if self.added else []
            if self.updated:
                parts.append(f"{self.updated:,} updated")
            if self.measures_added:
                parts.append(
                    _count(self.measures_added, "questionnaire result", "questionnaire results")
                )
            if self.measures_updated:
                parts.append(f"{self.measures_updated:,} questionnaire results updated")
            if self.selfcare_added:
                parts.append(
                    _count(
                        self.selfcare_added,
                        "self-care item or review",
                        "self-care items and reviews",
                    )
                )
            if self.selfcare_updated:
                parts.append(f"{self.selfcare_updated:,} self-care items or reviews updated")
            if self.agenda_added:
                parts.append(
                    _count(self.agenda_added, "supervision agenda note", "supervision agenda notes")
                )
            if self.agenda_updated:
                parts.append(f"{self.agenda_updated:,} supervision agenda notes updated")
            text = "Imported " + ", ".join(parts) + "."
            already = (
                self.unchanged
                + self.measures_unchanged
                + self.selfcare_unchanged
                + self.agenda_unchanged
            )
            if already:
                text += f" {already:,} {'was' if already == 1 else 'were'} already here."
        if self.day_conflicts:
            text += (
                f" On {_count(self.day_conflicts, 'day', 'days')} there were two different "
                "check-ins; Tend kept the one changed most recently."
            )
        return text


def _count(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


def read_limited(source: Path, limit: int | None = None) -> bytes:
    limit = MAX_IMPORT_BYTES if limit is None else limit
    try:
        with open(source, "rb") as fh:
            data = fh.read(limit + 1)
    except OSError:
        raise ImportRejected(
            "Tend couldn't open that file. Please check it's still there."
        ) from None
    return check_size(data, limit)


def check_size(data: bytes, limit: int | None = None) -> bytes:
    """``data`` (read with one byte to spare) unless it is longer than ``limit``."""
    limit = MAX_IMPORT_BYTES if limit is None else limit
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
    doc = validate.document(validate.parse_json(data), today)
    report = _apply(store, doc)
    log.info(
        "import: %d added, %d updated, %d unchanged, %d day conflicts; self-care %d/%d/%d; "
        "agenda %d/%d/%d",
        report.added,
        report.updated,
        report.unchanged,
        report.day_conflicts,
        report.selfcare_added,
        report.selfcare_updated,
        report.selfcare_unchanged,
        report.agenda_added,
        report.agenda_updated,
        report.agenda_unchanged,
    )
    return report


@dataclass
class _Plan:
    remove_checkins: list[str] = field(default_factory=list)
    add_checkins: list[Checkin] = field(default_factory=list)
    remove_notes: list[str] = field(default_factory=list)
    add_notes: list[Note] = field(default_factory=list)
    add_responses: list[StoredResponse] = field(default_factory=list)
    put_wordings: list[StoredWording] = field(default_factory=list)
    remove_items: list[str] = field(default_factory=list)
    add_items: list[PlanItem] = field(default_factory=list)
    remove_reviews: list[str] = field(default_factory=list)
    add_reviews: list[WeeklyReview] = field(default_factory=list)
    remove_agenda: list[str] = field(default_factory=list)
    add_agenda: list[AgendaNote] = field(default_factory=list)
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    day_conflicts: int = 0
    measures_added: int = 0
    measures_updated: int = 0
    measures_unchanged: int = 0
    selfcare_added: int = 0
    selfcare_updated: int = 0
    selfcare_unchanged: int = 0
    agenda_added: int = 0
    agenda_updated: int = 0
    agenda_unchanged: int = 0


def _apply(store: PrivateStore, doc: validate.Document) -> ImportReport:
    with Session(writer(store.engine)) as s, s.begin():
        plan = _Plan()
        _plan_checkins(plan, entries.load_checkins(s), doc.checkins)
        _plan_notes(plan, entries.load_notes(s), doc.notes)
        _plan_responses(plan, measure_entries.existing_response_ids(s), doc.responses)
        _plan_wordings(plan, measure_entries.load_wordings(s), doc.wordings)
        _plan_items(plan, selfcare_entries.load_items(s), doc.selfcare_items)
        _plan_reviews(plan, selfcare_entries.load_reviews(s), doc.weekly_reviews)
        _plan_agenda(plan, agenda_entries.load_agenda(s), doc.agenda)
        entries.delete_checkins(s, plan.remove_checkins)
        entries.delete_notes(s, plan.remove_notes)
        selfcare_entries.delete_items(s, plan.remove_items)
        selfcare_entries.delete_reviews(s, plan.remove_reviews)
        agenda_entries.delete_agenda(s, plan.remove_agenda)
        s.flush()
        entries.insert_checkins(s, plan.add_checkins)
        entries.insert_notes(s, plan.add_notes)
        measure_entries.insert_responses(s, plan.add_responses)
        measure_entries.replace_wordings(s, plan.put_wordings)
        selfcare_entries.insert_items(s, plan.add_items)
        selfcare_entries.insert_reviews(s, plan.add_reviews)
        agenda_entries.insert_agenda(s, plan.add_agenda)
        drop_unused_tags(s)
    return ImportReport(
        plan.added,
        plan.updated,
        plan.unchanged,
        plan.day_conflicts,
        plan.measures_added,
        plan.measures_updated,
        plan.measures_unchanged,
        plan.selfcare_added,
        plan.selfcare_updated,
        plan.selfcare_unchanged,
        plan.agenda_added,
        plan.agenda_updated,
        plan.agenda_unchanged,
    )


def _plan_agenda(plan: _Plan, existing: list[AgendaNote], incoming: list[AgendaNote]) -> None:
    added, updated, unchanged = _merge_newer(
        existing, incoming, plan.add_agenda, plan.remove_agenda
    )
    plan.agenda_added += added
    plan.agenda_updated += updated
    plan.agenda_unchanged += unchanged


def _plan_items(plan: _Plan, existing: list[PlanItem], incoming: list[PlanItem]) -> None:
    added, updated, unchanged = _merge_newer(existing, incoming, plan.add_items, plan.remove_items)
    plan.selfcare_added += added
    plan.selfcare_updated += updated
    plan.selfcare_unchanged += unchanged


def _plan_reviews(plan: _Plan, existing: list[WeeklyReview], incoming: list[WeeklyReview]) -> None:
    # Like check-ins: one per week, and whichever was updated last is kept.
    by_id = {r.id: r for r in existing}
    by_week = {r.week_start: r for r in existing}
    for r in sorted(incoming, key=lambda r: r.id not in by_id):
        old = by_id.get(r.id)
        if old is not None and (old == r or r.updated_at <= old.updated_at):
            plan.selfcare_unchanged += 1
            continue
        other = by_week.get(r.week_start)
        if other is not None and other.id != r.id:
            if other.updated_at >= r.updated_at:
                plan.selfcare_unchanged += 1
                continue
            plan.remove_reviews.append(other.id)
            by_id.pop(other.id, None)
        if old is not None:
            plan.remove_reviews.append(old.id)
            if by_week.get(old.week_start) is old:
                del by_week[old.week_start]
        if old is not None or other is not None:
            plan.selfcare_updated += 1
        else:
            plan.selfcare_added += 1
        plan.add_reviews.append(r)
        by_id[r.id] = r
        by_week[r.week_start] = r


def _plan_responses(plan: _Plan, known: set[str], incoming: list[StoredResponse]) -> None:
    # A response is never edited after it is saved, so an id already here is kept as it is.
    for r in incoming:
        if r.id in known:
            plan.measures_unchanged += 1
        else:
            plan.measures_added += 1
            plan.add_responses.append(r)


def _plan_wordings(
    plan: _Plan, existing: list[StoredWording], incoming: list[StoredWording]
) -> None:
    # One wording per questionnaire: the one added last wins, as for entries.
    by_id = {w.measure_id: w for w in existing}
    for w in incoming:
        old = by_id.get(w.measure_id)
        if old is not None and (old == w or w.added_at <= old.added_at):
            plan.measures_unchanged += 1
            continue
        if old is None:
            plan.measures_added += 1
        else:
            plan.measures_updated += 1
        plan.put_wordings.append(w)


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
    added, updated, unchanged = _merge_newer(existing, incoming, plan.add_notes, plan.remove_notes)
    plan.added += added
    plan.updated += updated
    plan.unchanged += unchanged


class _Stamped(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def updated_at(self) -> dt.datetime: ...


_S = TypeVar("_S", bound=_Stamped)


def _merge_newer(
    existing: list[_S], incoming: list[_S], to_add: list[_S], to_remove: list[str]
) -> tuple[int, int, int]:
    """A known id is replaced only by a copy changed later; returns (added, updated, unchanged)."""
    by_id = {e.id: e for e in existing}
    added = updated = unchanged = 0
    for new in incoming:
        old = by_id.get(new.id)
        if old is None:
            added += 1
        elif old == new or new.updated_at <= old.updated_at:
            unchanged += 1
            continue
        else:
            to_remove.append(new.id)
            updated += 1
        to_add.append(new)
        by_id[new.id] = new
    return added, updated, unchanged
