"""Reminder rules in the private store, and what is due now (``store.reminders``).

A rule is due when its next fire after ``last_fired_at`` (see ``app.reminders.due``),
counted from when it was last edited or last looked at, has come. ``due_now`` and
``catch_up`` record what they return (``last_fired_at``), so a reminder is shown
once however often they are asked; they write, so run them on the writer lane.

Never a flood: fires missed by more than ``LATE`` (the computer slept, Tend was
closed) come back as one coalesced notice, with no count. A pause shows nothing
and leaves no backlog: changing it moves the "last looked" mark to now.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.domain import Changes
from app.errors import ValidationError
from app.reminders import bookings, kinds
from app.reminders.due import SnoozeChoice, local_zone, next_due, snooze_until
from app.reminders.model import (
    WEEKDAYS,
    Reminder,
    ReminderKind,
    Rule,
    Schedule,
    check_bookings,
    check_rule,
    params_json,
    parse_params,
    parse_schedule,
    schedule_json,
)
from app.services.checkins import CheckinService
from app.services.measures import MeasureService
from app.store import models
from app.store.engine import writer

log = logging.getLogger(__name__)

LATE = dt.timedelta(minutes=15)  # later than this, a fire counts as missed: coalesce it
MAX_PAUSE = dt.timedelta(days=731)
MAX_SNOOZE = dt.timedelta(days=31)
PAUSED_KEY = "reminders.paused_until"
CHECKED_KEY = "reminders.last_checked_at"
DEFAULTS_KEY = "reminders.defaults_made"
MEASURES_KEY = "reminders.measures_notified"
KIND_ORDER = {kind: n for n, kind in enumerate(ReminderKind)}


def default_rules() -> list[Rule]:
    """A gentle starting set: each easy to change or turn off. Self-care prompts start
    off, to be turned on once the plan holds something of the person's own."""

    def rule(kind: ReminderKind, times: str, days: frozenset[int], on: bool = True) -> Rule:
        t = dt.time.fromisoformat(times)
        return Rule("", kind, on, Schedule(times=(t,), weekdays=days))

    every_day = frozenset(range(7))
    return [
        rule(ReminderKind.CHECKIN, "17:00", WEEKDAYS),
        rule(ReminderKind.SELFCARE, "12:30", WEEKDAYS, on=False),
        rule(ReminderKind.HEAVY_DAY, "19:30", every_day),
        rule(ReminderKind.NO_DAY_OFF, "12:00", frozenset({4})),
        rule(ReminderKind.MEASURE_DUE, "10:00", frozenset({0})),
    ]


def _naive(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC).replace(tzinfo=None)


def _aware(stored: dt.datetime | None) -> dt.datetime | None:
    return None if stored is None else stored.replace(tzinfo=dt.UTC)


def _check_moment(moment: object) -> dt.datetime:
    if not isinstance(moment, dt.datetime) or moment.utcoffset() is None:
        raise ValidationError("That isn't a time Tend can use.")
    return moment.astimezone(dt.UTC)


@dataclass(frozen=True)
class _Due:
    rule: Rule
    due_at: dt.datetime


class ReminderService:
    def __init__(
        self,
        engine: Engine,
        clock: Clock,
        checkins: CheckinService,
        measures: MeasureService,
        prompts: Callable[[], kinds.PromptSource | None] = lambda: None,
        local_tz: dt.tzinfo | None = None,
    ) -> None:
        self._read = engine
        self._write = writer(engine)
        self._clock = clock
        self._checkins = checkins
        self._measures = measures
        self._prompts = prompts
        self._local_tz = local_tz

    def zone(self) -> dt.tzinfo:
        """The zone rules with ``tz == ""`` follow: this computer's."""
        return self._local_tz or local_zone(self._clock.now())

    # -- rules -----------------------------------------------------------------------
    def rules(self) -> list[Rule]:
        """Every rule, in kind order then oldest first."""
        with Session(self._read) as s:
            rows = s.scalars(select(models.ReminderRule).order_by(models.ReminderRule.created_at))
            found = [r for r in (self._to_rule(row) for row in rows) if r is not None]
        return sorted(found, key=lambda r: KIND_ORDER[r.kind])

    def rule(self, rule_id: str) -> Rule | None:
        with Session(self._read) as s:
            row = s.get(models.ReminderRule, rule_id)
            return None if row is None else self._to_rule(row)

    def save_rule(self, rule: Rule) -> tuple[Rule, Changes]:
        """Create (``rule.id`` "" or not in the store) or update a rule's kind, switch, times
        and options.
        When it fired and any snooze stay as stored; turning a rule off ends its snooze."""
        rule = check_rule(rule)
        sched, params = schedule_json(rule.schedule), params_json(rule.kind, rule.params)
        now = _naive(self._clock.now())
        with Session(self._write) as s, s.begin():
            row = s.get(models.ReminderRule, rule.id) if rule.id else None
            if row is None:
                row = models.ReminderRule(id=rule.id or str(uuid.uuid4()), created_at=now)
                s.add(row)
            row.kind, row.enabled, row.schedule, row.params = rule.kind, rule.enabled, sched, params
            if not rule.enabled:
                row.snoozed_until = None
            row.updated_at = now
            s.flush()
            saved = self._to_rule(row)
        assert saved is not None
        log.info("reminder rule saved: %s", saved.kind)
        return saved, Changes(reminders=True)

    def delete_rule(self, rule_id: str) -> Changes:
        with Session(self._write) as s, s.begin():
            row = s.get(models.ReminderRule, rule_id) if isinstance(rule_id, str) else None
            if row is None:
                return Changes()
            s.delete(row)
        return Changes(reminders=True)

    def ensure_defaults(self) -> Changes:
        """Add the default rules once, the first time. Never again, even if all are deleted."""
        with Session(self._read) as s:
            if s.get(models.PrivateSetting, DEFAULTS_KEY) is not None:
                return Changes()
            # The supervision rule is made by syncing bookings, not by the person: it
            # doesn't mean they already chose their reminders.
            t = models.ReminderRule
            mine = select(t.id).where(t.kind != ReminderKind.SUPERVISION.value).limit(1)
            if s.scalar(mine) is not None:
                self._set(DEFAULTS_KEY, True)
                return Changes()
        for rule in default_rules():
            self.save_rule(rule)
        self._set(DEFAULTS_KEY, True)
        return Changes(reminders=True)

    # -- booked supervision -----------------------------------------------------------
    def sync_supervision(self, upcoming: Sequence[tuple[str, dt.datetime]]) -> Changes:
        """Keep the one SUPERVISION rule in step with the person's upcoming booked sessions
        ((attendance id, start as aware UTC), from the team store). See
        ``app.reminders.bookings``. ``Changes(reminders=True)`` only when something changed."""
        now = self._clock.now().astimezone(dt.UTC)
        found = bookings.future_bookings(upcoming, now)
        with Session(self._write) as s, s.begin():
            changed = bookings.sync_rule(s, found, now)
        if not changed:
            return Changes()
        log.info("supervision reminders synced: %d bookings", len(found))
        return Changes(reminders=True)

    # -- what is due -----------------------------------------------------------------
    def due_now(self, now: dt.datetime) -> list[Reminder]:
        """What to show now: each reminder due on time, plus at most one coalesced notice
        for anything missed by more than ``LATE``. Nothing during a pause."""
        shown = self._take(_check_moment(now))
        on_time = [r for r in shown if now - r.due_at <= LATE]
        late = [r for r in shown if now - r.due_at > LATE]
        return on_time + ([self._coalesce(late)] if late else [])

    def catch_up(self, now: dt.datetime) -> Reminder | None:
        """One notice for everything that came due while Tend was closed (or None)."""
        shown = self._take(_check_moment(now))
        return self._coalesce(shown) if shown else None

    # -- responses -------------------------------------------------------------------
    def done(self, rule_id: str, now: dt.datetime) -> Changes:
        return self._settle(rule_id, now, "done")

    def skip(self, rule_id: str, now: dt.datetime) -> Changes:
        return self._settle(rule_id, now, "skipped")

    def snooze(self, rule_id: str, until: dt.datetime) -> Changes:
        until = _check_moment(until)
        now = self._clock.now()
        if until <= now:
            raise ValidationError("A snooze needs a time that's still to come.")
        if until - now > MAX_SNOOZE:
            raise ValidationError("A snooze can be up to a month.")
        with Session(self._write) as s, s.begin():
            row = s.get(models.ReminderRule, rule_id) if isinstance(rule_id, str) else None
            if row is None:
                return Changes()
            row.snoozed_until = _naive(until)
        log.info("reminder snoozed")
        return Changes(reminders=True)

    def snooze_for(self, rule_id: str, choice: SnoozeChoice, now: dt.datetime) -> Changes:
        """Snooze for 10 minutes, an hour, or until the same time tomorrow."""
        return self.snooze(rule_id, snooze_until(SnoozeChoice(choice), now, self.zone()))

    def paused_until(self) -> dt.datetime | None:
        """When the pause ends (aware UTC), while one is on; None otherwise."""
        paused = self._paused()
        return paused if paused is not None and paused > self._clock.now() else None

    def pause_until(self, when: dt.datetime | None) -> Changes:
        """Pause every reminder until ``when``; None ends the pause now. Either way,
        nothing from before is kept to show later."""
        now = self._clock.now()
        if when is not None:
            when = _check_moment(when)
            if when <= now:
                raise ValidationError("A pause needs an end that's still to come.")
            if when - now > MAX_PAUSE:
                raise ValidationError("A pause can be up to two years long.")
        with Session(self._write) as s, s.begin():
            self._put(s, PAUSED_KEY, None if when is None else when.isoformat())
            self._put(s, CHECKED_KEY, now.astimezone(dt.UTC).isoformat())
        log.info("reminders %s", "paused" if when else "resumed")
        return Changes(reminders=True)

    # -- internals -------------------------------------------------------------------
    def _to_rule(self, row: models.ReminderRule) -> Rule | None:
        try:
            kind = ReminderKind(row.kind)
            schedule, params = parse_schedule(row.schedule), parse_params(kind, row.params)
        except (ValueError, ValidationError):
            log.warning("reminder rule %s unreadable; left out", row.id)
            return None
        return Rule(
            row.id,
            kind,
            bool(row.enabled),
            schedule,
            params,
            _aware(row.last_fired_at),
            _aware(row.snoozed_until),
        )

    def _get(self, s: Session, key: str) -> Any:
        row = s.get(models.PrivateSetting, key)
        return None if row is None else json.loads(row.value)

    def _put(self, s: Session, key: str, value: Any) -> None:
        row = s.get(models.PrivateSetting, key)
        if value is None:
            if row is not None:
                s.delete(row)
        elif row is None:
            s.add(models.PrivateSetting(key=key, value=json.dumps(value)))
        else:
            row.value = json.dumps(value)

    def _set(self, key: str, value: Any) -> None:
        with Session(self._write) as s, s.begin():
            self._put(s, key, value)

    def _moment(self, s: Session, key: str) -> dt.datetime | None:
        value = self._get(s, key)
        return None if not isinstance(value, str) else dt.datetime.fromisoformat(value)

    def _paused(self) -> dt.datetime | None:
        with Session(self._read) as s:
            return self._moment(s, PAUSED_KEY)

    def _settle(self, rule_id: str, now: dt.datetime, how: str) -> Changes:
        """Done or skipped: nothing scheduled up to now comes back, and any snooze ends."""
        now = _check_moment(now)
        with Session(self._write) as s, s.begin():
            row = s.get(models.ReminderRule, rule_id) if isinstance(rule_id, str) else None
            if row is None:
                return Changes()
            last = _aware(row.last_fired_at)
            row.last_fired_at = _naive(now if last is None else max(last, now))
            row.snoozed_until = None
        log.info("reminder %s", how)
        return Changes(reminders=True)

    def _find_due(self, now: dt.datetime) -> list[_Due]:
        zone = self.zone()
        with Session(self._read) as s:
            paused = self._moment(s, PAUSED_KEY)
            checked = self._moment(s, CHECKED_KEY)
            rows = list(s.scalars(select(models.ReminderRule).where(models.ReminderRule.enabled)))
            edited = {row.id: row.updated_at.replace(tzinfo=dt.UTC) for row in rows}
            rules = [r for r in (self._to_rule(row) for row in rows) if r is not None]
        if paused is not None and paused > now:
            return []
        found = []
        for rule in rules:
            since = max(edited[rule.id], checked) if checked else edited[rule.id]
            at = next_due(rule, rule.last_fired_at, since, paused_until=paused, local_tz=zone)
            if at is not None and at <= now:
                found.append(_Due(rule, at))
        return sorted(found, key=lambda d: d.due_at)

    def _take(self, now: dt.datetime) -> list[Reminder]:
        """Find what is due, word it, and record it as fired, all or nothing per rule:
        a rule another call already took in the meantime is left out."""
        due = self._find_due(now)
        if not due:
            return []
        today = now.astimezone(self.zone()).date()
        with Session(self._read) as s:
            notified = self._get(s, MEASURES_KEY) or {}
        worded = [(d, self._word(d, today, notified, now)) for d in due]
        taken: list[Reminder] = []
        with Session(self._write) as s, s.begin():
            for d, reminder in worded:
                row = s.get(models.ReminderRule, d.rule.id)
                if row is None or (_aware(row.last_fired_at), _aware(row.snoozed_until)) != (
                    d.rule.last_fired_at,
                    d.rule.snoozed_until,
                ):
                    continue  # deleted, answered or taken by another call meanwhile
                row.last_fired_at, row.snoozed_until = _naive(now), None
                if reminder is not None:
                    taken.append(reminder)
            self._put(s, CHECKED_KEY, now.isoformat())
            self._put(s, MEASURES_KEY, notified or None)
        log.info("reminders: %d due, %d to show", len(due), len(taken))
        return taken

    def _word(
        self, d: _Due, today: dt.date, notified: dict[str, str], now: dt.datetime
    ) -> Reminder | None:
        """The notice for a due rule, or None when its kind has nothing to say today.
        Updates ``notified`` for measures, so each round of a measure is mentioned once."""
        kind, words, detail = d.rule.kind, kinds.WORDS[d.rule.kind], kinds.WORDS[d.rule.kind].detail
        if kind is ReminderKind.CHECKIN and self._checkins.get(today) is not None:
            return None
        if kind is ReminderKind.HEAVY_DAY:
            if not kinds.heavy_today(self._checkins.get(today)):
                return None
            detail = kinds.with_prompt(detail, self._prompt(today))
        if kind is ReminderKind.SELFCARE:
            detail = kinds.with_prompt(None, self._plan_item(d.rule, today)) or detail
        if kind is ReminderKind.NO_DAY_OFF:
            days = int(d.rule.params.get("days", 21))
            recent = self._checkins.between(today - dt.timedelta(days=days), today)
            if not kinds.no_day_off_for(recent, today, days):
                return None
        if kind is ReminderKind.MEASURE_DUE:
            fresh = kinds.fresh_measures(self._measures.due(today), notified)
            if not fresh:
                return None
            notified.update({m.measure_id: str(m.due_on) for m in fresh})
        if kind is ReminderKind.SUPERVISION:
            booked = check_bookings(d.rule.params.get("bookings", []))
            found = kinds.upcoming_session(booked, d.rule.params.get("leads", []), now)
            if found is None:
                return None  # it already began (a catch-up), or the booking is gone
            with Session(self._read) as s:
                noted = bookings.has_agenda(s, found[0])
            detail = kinds.session_detail(found[1], now, self.zone(), noted)
        return Reminder(
            d.rule.id, kind, d.due_at, words.title, words.body, words.target, detail, (d.rule.id,)
        )

    def _prompt(self, today: dt.date) -> str | None:
        source = self._prompts()
        return None if source is None else source.pick_prompt(today)

    def _plan_item(self, rule: Rule, today: dt.date) -> str | None:
        """The practice this rule names, if it's still in the plan; else one drawn from it."""
        item_id = rule.params.get("item_id")
        if item_id:
            with Session(self._read) as s:
                item = s.get(models.SelfCareItem, item_id)
                if item is not None and item.text.strip():
                    return item.text
        return self._prompt(today)

    @staticmethod
    def _coalesce(shown: list[Reminder]) -> Reminder:
        """One notice standing for several (or the one itself), with no count in it."""
        if len(shown) == 1:
            return shown[0]
        titles = list(dict.fromkeys(r.title for r in shown))
        detail = kinds.CATCH_UP_DETAIL + "\n\n" + "\n".join(f"• {t}" for t in titles)
        return replace(
            shown[0],
            rule_id="",
            title=kinds.CATCH_UP.title,
            body=kinds.CATCH_UP.body,
            target=kinds.coalesced_target(r.target for r in shown),
            detail=detail,
            rule_ids=tuple(r.rule_id for r in shown),
        )
