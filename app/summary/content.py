"""What goes into a supervision summary: chosen by the person, gathered from the store.

Pure data (no matplotlib): ``gather`` reads the store once and returns plain
values; ``app.summary.pdf`` lays them out. Only what the person ticked is
gathered, so a section left out is not in the file at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.domain import SCALE_INFO, SCALES, Checkin, DayKind, Exposure, check_text
from app.errors import ValidationError
from app.measures.definitions import Definition
from app.services.measures import MeasureResult
from app.signals.signal import Signal, number_text

if TYPE_CHECKING:
    from app.services.store import PrivateStore

# Chart choices: app.charts.figures.ChartKind values and their names in the summary.
CHARTS: dict[str, str] = {
    "trends": "Daily check-ins over time",
    "exposure": "Distressing material, with mood and energy",
    "rest": "Days off and leave",
    "calendar": "A calendar of mood",
    "measures": "Questionnaires over time",
}
CHART_LEAD_IN_DAYS = 28  # the longest rolling average needs this much before the range
MAX_NOTES_CHARS = 10_000
MAX_RANGE_DAYS = 3660


@dataclass(frozen=True)
class SummaryOptions:
    start: dt.date
    end: dt.date
    checkins: bool = True  # check-in averages for the range
    signal_keys: tuple[str, ...] = ()  # which of today's signals to include
    charts: tuple[str, ...] = ()  # keys of CHARTS
    measures: bool = True  # latest scores of questionnaires taken in the range
    notes: str = ""

    def validated(self, today: dt.date) -> SummaryOptions:
        if self.start > self.end:
            raise ValidationError("The summary's first day needs to be before its last day.")
        if self.end > today:
            raise ValidationError("A summary can cover days up to today.")
        if (self.end - self.start).days >= MAX_RANGE_DAYS:
            raise ValidationError("A summary can cover up to ten years.")
        if any(c not in CHARTS for c in self.charts):
            raise ValidationError("Tend doesn't know one of those charts.")
        notes = check_text(self.notes, "Notes").strip()
        if len(notes) > MAX_NOTES_CHARS:
            raise ValidationError(f"Notes can be up to {MAX_NOTES_CHARS:,} characters.")
        return SummaryOptions(
            self.start, self.end, self.checkins, self.signal_keys, self.charts, self.measures, notes
        )


@dataclass(frozen=True)
class ScaleAverage:
    label: str
    mean: float | None
    answers: int
    higher_is_better: bool


@dataclass(frozen=True)
class CheckinFacts:
    days: int  # days in the range
    checkins: int
    averages: tuple[ScaleAverage, ...]
    exposure: dict[Exposure, int]  # days with each answer
    days_off: int
    leave: int


@dataclass(frozen=True)
class MeasureFacts:
    name: str
    attribution: str
    times: int  # taken this many times in the range
    latest: dt.date
    scores: tuple[tuple[str, str, str], ...]  # (subscale label, score, band label)


@dataclass(frozen=True)
class SummaryContent:
    options: SummaryOptions
    made_on: dt.date
    checkins: CheckinFacts | None
    signals: tuple[Signal, ...]
    measures: tuple[MeasureFacts, ...] | None
    charts: tuple[str, ...] = ()
    # What the charts draw: check-ins from a little before the range (for rolling
    # averages) to its end, and each measure's results up to its end.
    chart_checkins: tuple[Checkin, ...] = field(default=(), repr=False)
    chart_measures: tuple[tuple[Definition, tuple[MeasureResult, ...]], ...] = field(
        default=(), repr=False
    )


def checkin_facts(checkins: Sequence[Checkin], start: dt.date, end: dt.date) -> CheckinFacts:
    days = [c for c in checkins if start <= c.day <= end]
    averages = []
    for name in SCALES:
        values = [v for c in days if (v := getattr(c, name)) is not None]
        mean = sum(values) / len(values) if values else None
        info = SCALE_INFO[name]
        averages.append(ScaleAverage(info.label, mean, len(values), info.higher_is_better))
    return CheckinFacts(
        days=(end - start).days + 1,
        checkins=len(days),
        averages=tuple(averages),
        exposure={e: sum(c.exposure == e for c in days) for e in Exposure},
        days_off=sum(c.day_kind == DayKind.DAY_OFF for c in days),
        leave=sum(c.day_kind == DayKind.LEAVE for c in days),
    )


def measure_facts(defn: Definition, results: Sequence[MeasureResult]) -> MeasureFacts | None:
    """The latest result in ``results`` (already limited to the range), or None."""
    if not results:
        return None
    latest = max(results, key=lambda r: (r.day, r.taken_at))
    scores = []
    for sub in defn.subscales:
        value = latest.scores.get(sub.id)
        band = latest.bands.get(sub.id)
        scores.append(
            (
                sub.label,
                "not scored" if value is None else number_text(value),
                "" if band is None else band.label,
            )
        )
    return MeasureFacts(
        name=defn.name,
        attribution=defn.attribution,
        times=len(results),
        latest=latest.day,
        scores=tuple(scores),
    )


def gather(store: PrivateStore, options: SummaryOptions, today: dt.date) -> SummaryContent:
    """Read what ``options`` asks for. Runs on a worker thread."""
    options = options.validated(today)
    facts = None
    if options.checkins:
        facts = checkin_facts(
            store.checkins.between(options.start, options.end), options.start, options.end
        )
    signals: tuple[Signal, ...] = ()
    if options.signal_keys:
        wanted = set(options.signal_keys)
        signals = tuple(s for s in store.signals.active(today) if s.key in wanted)
    measures = None
    if options.measures:
        found = []
        for defn in store.measures.definitions().values():
            results = store.measures.history(defn.id, options.start, options.end)
            line = measure_facts(defn, results)
            if line is not None:
                found.append(line)
        measures = tuple(found)
    chart_checkins: tuple[Checkin, ...] = ()
    chart_measures: list[tuple[Definition, tuple[MeasureResult, ...]]] = []
    if options.charts:
        lead_in = options.start - dt.timedelta(days=CHART_LEAD_IN_DAYS)
        chart_checkins = tuple(store.checkins.between(lead_in, options.end))
        for defn in store.measures.definitions().values():
            history = tuple(store.measures.history(defn.id, end=options.end))
            if history:
                chart_measures.append((defn, history))
    return SummaryContent(
        options,
        today,
        facts,
        signals,
        measures,
        options.charts,
        chart_checkins,
        tuple(chart_measures),
    )
