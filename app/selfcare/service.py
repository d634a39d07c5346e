"""The self-care plan in the private store (``store.selfcare``).

Items live in eight small lists: each area (body, mind, connection, boundaries
at work) has what restores the person and what drains them. ``position`` orders
an item within its list and is renumbered 0..n-1 whenever a list changes.
Starter ideas the person dropped or kept are remembered by id in
``private_settings``. Logs carry ids and counts only, never plan text.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import uuid
from collections.abc import Sequence

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.domain import Changes
from app.errors import ValidationError
from app.selfcare.model import (
    AREA_ORDER,
    Area,
    Kind,
    PlanItem,
    Suggestion,
    WeeklyReview,
    check_item_text,
    check_review_text,
    check_week,
    to_area,
    to_kind,
)
from app.selfcare.suggestions import starter_suggestions
from app.store import models
from app.store.engine import writer

log = logging.getLogger(__name__)

DROPPED_KEY = "selfcare.dropped_suggestions"
KEPT_KEY = "selfcare.kept_suggestions"
CHANGED = Changes(selfcare=True)


def to_item(row: models.SelfCareItem) -> PlanItem:
    return PlanItem(
        id=row.id,
        area=Area(row.area),
        kind=Kind(row.kind),
        text=row.text,
        position=row.position,
        created_at=row.created_at.replace(tzinfo=dt.UTC),
        updated_at=row.updated_at.replace(tzinfo=dt.UTC),
    )


def to_review(row: models.WeeklyReview) -> WeeklyReview:
    return WeeklyReview(
        id=row.id,
        week_start=row.week_start,
        helped=row.helped,
        drained=row.drained,
        next_week=row.next_week,
        created_at=row.created_at.replace(tzinfo=dt.UTC),
        updated_at=row.updated_at.replace(tzinfo=dt.UTC),
    )


def plan_order(item: PlanItem) -> tuple[int, int, int, dt.datetime, str]:
    return (AREA_ORDER.index(item.area), item.kind != Kind.RESTORES, item.position,
            item.created_at, item.id)  # fmt: skip


def _group(s: Session, area: str, kind: str) -> list[models.SelfCareItem]:
    """One list (an area's restoring or draining items), in order."""
    t = models.SelfCareItem
    query = select(t).where(t.area == area, t.kind == kind)
    return list(s.scalars(query.order_by(t.position, t.created_at, t.id)))


def _renumber(rows: Sequence[models.SelfCareItem]) -> None:
    for i, row in enumerate(rows):
        if row.position != i:
            row.position = i


def _read_ids(s: Session, key: str) -> list[str]:
    row = s.get(models.PrivateSetting, key)
    if row is None:
        return []
    value = json.loads(row.value)
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _write_ids(s: Session, key: str, ids: list[str]) -> None:
    row = s.get(models.PrivateSetting, key)
    if row is None:
        row = models.PrivateSetting(key=key)
        s.add(row)
    row.value = json.dumps(ids)


class SelfCareService:
    def __init__(self, engine: Engine, clock: Clock) -> None:
        self._read = engine
        self._write = writer(engine)
        self._clock = clock

    def _now(self) -> dt.datetime:
        return self._clock.now().astimezone(dt.UTC).replace(tzinfo=None)

    # -- the plan -------------------------------------------------------------------------
    def items(self) -> list[PlanItem]:
        """Every item, by area (body, mind, connection, boundaries), restoring before
        draining, then in the person's own order."""
        with Session(self._read) as s:
            items = [to_item(r) for r in s.scalars(select(models.SelfCareItem))]
        return sorted(items, key=plan_order)

    def get(self, item_id: str) -> PlanItem | None:
        with Session(self._read) as s:
            row = s.get(models.SelfCareItem, item_id)
            return None if row is None else to_item(row)

    def add(self, area: Area | str, kind: Kind | str, text: str) -> tuple[PlanItem, Changes]:
        """Add an item at the end of its list."""
        area, kind, text = to_area(area), to_kind(kind), check_item_text(text)
        with Session(self._write) as s, s.begin():
            item = self._insert(s, area, kind, text)
        log.info("self-care item %s added", item.id)
        return item, CHANGED

    def _insert(self, s: Session, area: Area, kind: Kind, text: str) -> PlanItem:
        now = self._now()
        rows = _group(s, area.value, kind.value)
        row = models.SelfCareItem(
            id=str(uuid.uuid4()),
            area=area.value,
            kind=kind.value,
            text=text,
            position=len(rows),
            created_at=now,
            updated_at=now,
        )
        s.add(row)
        s.flush()
        return to_item(row)

    def update(
        self,
        item_id: str,
        text: str,
        area: Area | str | None = None,
        kind: Kind | str | None = None,
    ) -> tuple[PlanItem, Changes]:
        """Change an item's words; a new area or kind moves it to the end of that list."""
        text = check_item_text(text)
        new_area = None if area is None else to_area(area)
        new_kind = None if kind is None else to_kind(kind)
        with Session(self._write) as s, s.begin():
            row = s.get(models.SelfCareItem, item_id)
            if row is None:
                raise ValidationError("That item has been removed from your plan.")
            old = (row.area, row.kind)
            target = ((new_area or Area(row.area)).value, (new_kind or Kind(row.kind)).value)
            if target != old:
                joining = _group(s, *target)
                row.area, row.kind = target
                row.position = len(joining)
                s.flush()
                _renumber(_group(s, *old))
            row.text = text
            row.updated_at = self._now()
            s.flush()
            item = to_item(row)
        return item, CHANGED

    def delete(self, item_id: str) -> tuple[PlanItem | None, Changes]:
        """Remove an item; the snapshot returned can put it back (``restore``)."""
        with Session(self._write) as s, s.begin():
            row = s.get(models.SelfCareItem, item_id)
            if row is None:
                return None, Changes()
            snapshot = to_item(row)
            s.delete(row)
            s.flush()
            _renumber(_group(s, row.area, row.kind))
        log.info("self-care item %s removed", item_id)
        return snapshot, CHANGED

    def restore(self, snapshot: PlanItem) -> Changes:
        """Put a removed item back where it was (undo)."""
        with Session(self._write) as s, s.begin():
            if s.get(models.SelfCareItem, snapshot.id) is not None:
                return Changes()
            rows = _group(s, snapshot.area.value, snapshot.kind.value)
            at = min(max(snapshot.position, 0), len(rows))
            row = models.SelfCareItem(
                id=snapshot.id,
                area=snapshot.area.value,
                kind=snapshot.kind.value,
                text=snapshot.text,
                position=at,
                created_at=snapshot.created_at.astimezone(dt.UTC).replace(tzinfo=None),
                updated_at=snapshot.updated_at.astimezone(dt.UTC).replace(tzinfo=None),
            )
            _renumber([*rows[:at], row, *rows[at:]])
            s.add(row)
        return CHANGED

    def move(self, item_id: str, step: int) -> Changes:
        """Move an item ``step`` places within its list (-1 up, +1 down); stops at the ends."""
        with Session(self._write) as s, s.begin():
            row = s.get(models.SelfCareItem, item_id)
            if row is None:
                raise ValidationError("That item has been removed from your plan.")
            rows = _group(s, row.area, row.kind)
            at = rows.index(row)
            to = min(max(at + step, 0), len(rows) - 1)
            if to == at:
                _renumber(rows)
                return Changes()
            rows.insert(to, rows.pop(at))
            _renumber(rows)
        return CHANGED

    # -- starter ideas --------------------------------------------------------------------
    def suggestions(self) -> list[Suggestion]:
        """Starter ideas still to look at: not dropped, not kept, not already in the plan."""
        with Session(self._read) as s:
            hidden = set(_read_ids(s, DROPPED_KEY)) | set(_read_ids(s, KEPT_KEY))
            t = models.SelfCareItem
            have = {(a, x.casefold()) for a, x in s.execute(select(t.area, t.text))}
        return [
            g
            for g in starter_suggestions()
            if g.id not in hidden and (g.area.value, g.text.casefold()) not in have
        ]

    def dropped_count(self) -> int:
        with Session(self._read) as s:
            return len(_read_ids(s, DROPPED_KEY))

    def _suggestion(self, suggestion_id: str) -> Suggestion:
        found = next((g for g in starter_suggestions() if g.id == suggestion_id), None)
        if found is None:
            raise ValidationError("Tend doesn't know that idea.")
        return found

    def keep_suggestion(
        self, suggestion_id: str, text: str | None = None
    ) -> tuple[PlanItem, Changes]:
        """Add an idea to the plan, in its own words or in ``text`` (the person's edit)."""
        idea = self._suggestion(suggestion_id)
        words = check_item_text(idea.text if text is None else text)
        with Session(self._write) as s, s.begin():
            item = self._insert(s, idea.area, idea.kind, words)
            kept = _read_ids(s, KEPT_KEY)
            if idea.id not in kept:
                _write_ids(s, KEPT_KEY, [*kept, idea.id])
        log.info("self-care idea %s kept as item %s", idea.id, item.id)
        return item, CHANGED

    def drop_suggestion(self, suggestion_id: str) -> Changes:
        idea = self._suggestion(suggestion_id)
        with Session(self._write) as s, s.begin():
            dropped = _read_ids(s, DROPPED_KEY)
            if idea.id in dropped:
                return Changes()
            _write_ids(s, DROPPED_KEY, [*dropped, idea.id])
        return CHANGED

    def bring_back_dropped(self) -> Changes:
        """Show every dropped idea again."""
        with Session(self._write) as s, s.begin():
            if not _read_ids(s, DROPPED_KEY):
                return Changes()
            _write_ids(s, DROPPED_KEY, [])
        return CHANGED

    # -- weekly review --------------------------------------------------------------------
    def review(self, week_start: dt.date) -> WeeklyReview | None:
        with Session(self._read) as s:
            t = models.WeeklyReview
            row = s.scalars(select(t).where(t.week_start == week_start)).first()
            return None if row is None else to_review(row)

    def reviewed_weeks(self) -> list[dt.date]:
        """The Mondays of weeks that have a review, newest first."""
        t = models.WeeklyReview
        with Session(self._read) as s:
            return list(s.scalars(select(t.week_start).order_by(t.week_start.desc())))

    def save_review(
        self, week_start: dt.date, helped: str, drained: str, next_week: str
    ) -> Changes:
        """Keep a week's review (all three empty: there's nothing to keep, so none is)."""
        week = check_week(week_start, self._clock.now().date())
        helped = check_review_text(helped, "What helped")
        drained = check_review_text(drained, "What drained you")
        next_week = check_review_text(next_week, "One thing for next week")
        t = models.WeeklyReview
        with Session(self._write) as s, s.begin():
            row = s.scalars(select(t).where(t.week_start == week)).first()
            if not (helped or drained or next_week):
                if row is None:
                    return Changes()
                s.delete(row)
                return CHANGED
            now = self._now()
            if row is None:
                row = t(id=str(uuid.uuid4()), week_start=week, created_at=now)
                s.add(row)
            elif (row.helped, row.drained, row.next_week) == (helped, drained, next_week):
                return Changes()
            row.helped, row.drained, row.next_week = helped, drained, next_week
            row.updated_at = now
        return CHANGED

    # -- prompts ----------------------------------------------------------------------------
    def pick_prompt(self, today: dt.date) -> str | None:
        """One restoring practice from the plan for ``today``: the same all day, another
        the next day, each in turn (areas take turns). None if nothing restoring is planned.

        Plan text: show it only inside the unlocked app, never in a desktop
        notification or a log.
        """
        restoring = [i for i in self.items() if i.kind is Kind.RESTORES]
        if not restoring:
            return None
        by_area = [[i for i in restoring if i.area is a] for a in AREA_ORDER]
        turns = [lst[n] for n in range(max(map(len, by_area))) for lst in by_area if n < len(lst)]
        return turns[today.toordinal() % len(turns)].text
