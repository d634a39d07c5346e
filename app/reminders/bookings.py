"""Booked supervision sessions as one reminder rule (``store.reminders.sync_supervision``).

The team store knows the person's bookings; the private store keeps one
SUPERVISION rule whose options hold the upcoming bookings (attendance id and
start) and the lead times, and whose schedule is one-off moments: each start
less each lead (``app.reminders.model.supervision_moments``). The rule is made,
switched on, by the first sync; after that its switch and lead times are the
person's, and a sync only replaces the bookings.

Syncing stamps the rule as edited when it changes, so a moment already past (a
session booked inside its lead time) is never fired late: reminders count from
the last edit. Sessions that already started are dropped, and a booking that is
gone (cancelled, moved) takes its moments with it.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.reminders.model import (
    DEFAULT_LEADS,
    MAX_BOOKINGS,
    MAX_ID_CHARS,
    ReminderKind,
    Rule,
    Schedule,
    check_bookings,
    check_rule,
    params_json,
    parse_params,
    schedule_json,
)
from app.store import models

log = logging.getLogger(__name__)

BAD_BOOKINGS = "Tend couldn't read your booked sessions."


def _moment(value: object) -> dt.datetime:
    if not isinstance(value, dt.datetime) or value.utcoffset() is None:
        raise ValidationError(BAD_BOOKINGS)
    return value.astimezone(dt.UTC)


def future_bookings(
    upcoming: Sequence[tuple[str, dt.datetime]], now: dt.datetime
) -> list[tuple[str, dt.datetime]]:
    """The bookings still to start, soonest first, each id once, at most ``MAX_BOOKINGS``."""
    seen: dict[str, dt.datetime] = {}
    for pair in upcoming:
        if not isinstance(pair, tuple | list) or len(pair) != 2:
            raise ValidationError(BAD_BOOKINGS)
        ident, start = pair[0], _moment(pair[1])
        if not isinstance(ident, str) or not 0 < len(ident) <= MAX_ID_CHARS:
            raise ValidationError(BAD_BOOKINGS)
        if start > now:
            seen.setdefault(ident, start)
    ordered = sorted(seen.items(), key=lambda b: (b[1], b[0]))[:MAX_BOOKINGS]
    return list(check_bookings(ordered))


def _leads(row: models.ReminderRule | None) -> tuple[int, ...]:
    if row is None:
        return DEFAULT_LEADS
    try:
        return tuple(parse_params(ReminderKind.SUPERVISION, row.params)["leads"])
    except ValidationError:
        log.warning("supervision reminder options unreadable; using the defaults")
        return DEFAULT_LEADS


def sync_rule(s: Session, found: list[tuple[str, dt.datetime]], now: dt.datetime) -> bool:
    """Bring the SUPERVISION rule in line with ``found`` inside ``s``; True if it changed."""
    t = models.ReminderRule
    query = select(t).where(t.kind == ReminderKind.SUPERVISION.value).order_by(t.created_at, t.id)
    rows = list(s.scalars(query))
    row, extra = (rows[0], rows[1:]) if rows else (None, [])
    for old in extra:  # one rule only (an older hand-made one, say)
        s.delete(old)
    params = {"leads": list(_leads(row)), "bookings": [[i, st] for i, st in found]}
    enabled = True if row is None else bool(row.enabled)
    rule = check_rule(Rule("", ReminderKind.SUPERVISION, enabled, Schedule(at=()), params))
    sched, pjson = schedule_json(rule.schedule), params_json(rule.kind, rule.params)
    naive_now = now.astimezone(dt.UTC).replace(tzinfo=None)
    if row is None:
        row = models.ReminderRule(id=str(uuid.uuid4()), created_at=naive_now)
        row.kind, row.enabled = ReminderKind.SUPERVISION.value, True
        s.add(row)
    elif (row.schedule, row.params) == (sched, pjson) and not extra:
        return False
    row.schedule, row.params, row.updated_at = sched, pjson, naive_now
    return True


def has_agenda(s: Session, attendance_id: str) -> bool:
    """Whether the person wrote an agenda note for this booking (never what it says)."""
    return s.get(models.SupervisionAgenda, attendance_id) is not None
