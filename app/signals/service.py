"""Signals from the private store: run the rules, honour what the person set aside.

Setting a signal aside (``dismiss``) hides that key for as long as the signal
stays true without a break. If it clears, even for one day, and later comes back,
it shows again: it is news then. Whether it held on every day since it was set
aside is worked out by re-running that one rule for each of those days (rules
take ``today`` as an argument, so this is exact and needs no stored history).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.domain import Changes, CheckinDraft, check_text
from app.errors import ValidationError
from app.measures.definitions import Definition
from app.services.checkins import CheckinService
from app.services.measures import MeasureResult, MeasureService
from app.signals import measure_rules, rules
from app.signals.signal import Signal
from app.store import models
from app.store.engine import writer

log = logging.getLogger(__name__)

DAY = dt.timedelta(days=1)
# Enough history for every check-in rule on its first day to check (rule (a) reaches
# back 13 + 27 + 90 days).
LOOKBACK_DAYS = 140
MAX_KEY_CHARS = 80
MAX_REASON_CHARS = 2000


@dataclass(frozen=True)
class RuleInputs:
    """Everything the rules read, loaded once: check-ins and each measure's results."""

    checkins: tuple[CheckinDraft, ...]
    measures: tuple[tuple[Definition, tuple[MeasureResult, ...]], ...] = ()


@dataclass(frozen=True)
class Dismissal:
    key: str
    dismissed_at: dt.datetime  # aware, UTC
    reason: str


def run_rules(inputs: RuleInputs, today: dt.date) -> list[Signal]:
    """Every signal on ``today``: those asking for the crisis lines first, then rule order."""
    found = [rule(inputs.checkins, today) for rule in rules.CHECKIN_RULES]
    signals = [s for s in found if s is not None]
    for defn, results in inputs.measures:
        signals += measure_rules.measure_signals(defn, results, today)
    return sorted(signals, key=lambda s: not s.show_crisis)  # stable: rule order otherwise


def signal_for(key: str, inputs: RuleInputs, day: dt.date) -> Signal | None:
    """Re-run just the rule behind ``key`` on ``day`` (None for an unknown key)."""
    checkin_rules = {
        "low-mood": rules.low_mood,
        "low-energy": rules.low_energy,
        "exposure-recovery": rules.exposure_recovery,
        "no-day-off": rules.no_day_off,
    }
    if key in checkin_rules:
        return checkin_rules[key](inputs.checkins, day)
    kind, _, rest = key.partition(":")
    measure_id, _, subscale_id = rest.partition(":")
    for defn, results in inputs.measures:
        if defn.id != measure_id:
            continue
        if kind == "measure-safety" and not subscale_id:
            return measure_rules.measure_safety(defn, results, day)
        if kind == "measure-band" and subscale_id in {s.id for s in defn.subscales}:
            return measure_rules.measure_band(defn, subscale_id, results, day)
    return None


def held_since(key: str, inputs: RuleInputs, set_aside_on: dt.date, today: dt.date) -> bool:
    """Whether the signal held on every day after ``set_aside_on`` up to ``today``.

    A measure's signal never "holds" across a new result of that measure: each new answer
    (above all a new PHQ-9 safety answer) deserves to be seen afresh, even if the last
    result's signal was set aside and the rule kept firing in between.
    """
    if _new_result_since(key, inputs, set_aside_on):
        return False
    day = today
    while day > set_aside_on:
        if signal_for(key, inputs, day) is None:
            return False
        day -= DAY
    return True


def _new_result_since(key: str, inputs: RuleInputs, set_aside_on: dt.date) -> bool:
    rule, _, rest = key.partition(":")
    if rule not in ("measure-band", "measure-safety"):
        return False
    measure_id = rest.split(":", 1)[0]
    return any(
        result.day > set_aside_on
        for defn, results in inputs.measures
        if defn.id == measure_id
        for result in results
    )


def visible(
    signals: Sequence[Signal], set_aside: dict[str, dt.date], inputs: RuleInputs, today: dt.date
) -> list[Signal]:
    """``signals`` minus those set aside that haven't cleared since."""
    return [
        s
        for s in signals
        if s.key not in set_aside or not held_since(s.key, inputs, set_aside[s.key], today)
    ]


def _keys(signals: Sequence[Signal]) -> set[str]:
    return {s.key for s in signals}


class SignalService:
    def __init__(
        self, engine: Engine, clock: Clock, checkins: CheckinService, measures: MeasureService
    ) -> None:
        self._read = engine
        self._write = writer(engine)
        self._clock = clock
        self._checkins = checkins
        self._measures = measures

    def inputs(self, start: dt.date, today: dt.date) -> RuleInputs:
        """Check-ins from ``start`` and every measure's results up to ``today``."""
        measures = tuple(
            (defn, tuple(self._measures.history(defn.id, end=today)))
            for defn in self._measures.definitions().values()
        )
        return RuleInputs(tuple(self._checkins.between(start, today)), measures)

    def evaluate(self, today: dt.date) -> list[Signal]:
        """Every signal on ``today``, including those set aside."""
        return run_rules(self.inputs(today - LOOKBACK_DAYS * DAY, today), today)

    def active(self, today: dt.date) -> list[Signal]:
        """The signals to show on ``today``: all of them minus those still set aside."""
        start = today - LOOKBACK_DAYS * DAY
        inputs = self.inputs(start, today)
        signals = run_rules(inputs, today)
        set_aside = {k: d for k, d in self._set_aside_days().items() if k in _keys(signals)}
        if set_aside and min(set_aside.values()) - LOOKBACK_DAYS * DAY < start:
            # Checking that a signal held ever since it was set aside needs data from then.
            inputs = self.inputs(min(set_aside.values()) - LOOKBACK_DAYS * DAY, today)
        shown = visible(signals, set_aside, inputs, today)
        log.info("signals: %d found, %d shown", len(signals), len(shown))
        return shown

    def dismiss(self, key: str, reason: str = "") -> Changes:
        """Set a signal aside; ``reason`` is optional and stays in the private store."""
        if not isinstance(key, str) or not key or len(key) > MAX_KEY_CHARS:
            raise ValidationError("Tend doesn't know that signal.")
        reason = check_text(reason, "A reason").strip()
        if len(reason) > MAX_REASON_CHARS:
            raise ValidationError(f"A reason can be up to {MAX_REASON_CHARS:,} characters.")
        now = self._clock.now().astimezone(dt.UTC).replace(tzinfo=None)
        with Session(self._write) as s, s.begin():
            s.add(models.SignalDismissal(signal_key=key, dismissed_at=now, reason=reason))
        log.info("signal set aside")
        return Changes(signals=True)

    def dismissed(self) -> list[Dismissal]:
        """Everything ever set aside, newest first."""
        query = select(models.SignalDismissal).order_by(
            models.SignalDismissal.dismissed_at.desc(), models.SignalDismissal.id.desc()
        )
        with Session(self._read) as s:
            return [
                Dismissal(r.signal_key, r.dismissed_at.replace(tzinfo=dt.UTC), r.reason)
                for r in s.scalars(query)
            ]

    def _set_aside_days(self) -> dict[str, dt.date]:
        """Each key's latest set-aside, as a local calendar day."""
        tz = self._clock.now().tzinfo
        days: dict[str, dt.date] = {}
        for d in self.dismissed():
            days.setdefault(d.key, d.dismissed_at.astimezone(tz).date())
        return days
