"""Early-warning rules over daily check-ins: pure functions of plain data and ``today``.

Each rule takes check-ins (any order, any gaps; days after ``today`` are ignored)
and returns a ``Signal`` or None. Thresholds are named constants here and each
rule is described, with its reasons, in docs/signals.md. Missing answers are
never filled in: a rule that hasn't enough answers stays quiet rather than guess.
Measure rules live in app.signals.measure_rules.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from app.domain import CheckinDraft, DayKind, Exposure
from app.signals import suggest
from app.signals.signal import Signal, day_text, days_text, number_text, span_text

DAY = dt.timedelta(days=1)

# (a) a sustained fall of mood or energy below the person's own baseline
RECENT_DAYS = 28  # the recent window: the 28 days ending on the day checked
BASELINE_DAYS = 90  # the baseline: the 90 days just before the recent window
SUSTAIN_DAYS = 14  # the fall must hold on each of the last 14 days
MIN_RECENT_ANSWERS = 14  # answers needed in the recent window (half its days)
MIN_BASELINE_ANSWERS = 30  # answers needed in the baseline (a third of its days)
MIN_GAP = 0.5  # the fall must also be at least half a point on the 1–5 scale
LOW_SCALES = ("mood", "energy")

# (b) heavy exposure rising while recovery falls
WINDOW_DAYS = 28  # the last 28 days against the 28 before them
MIN_EXPOSURE_ANSWERS = 14  # exposure answers needed in each window
MIN_HEAVY_DAYS = 4  # "a lot" days needed in the last 28 (about one a week)
HEAVY_RISE = 3  # at least this many more "a lot" days than the window before
MIN_SLEEP_ANSWERS = 14  # sleep answers needed in each window to compare sleep
SLEEP_FALL = 0.5  # sleep average lower by at least this much counts as falling
DAYS_OFF_FALL = 2  # at least this many fewer days off or leave counts as falling

# (d) no day off or leave for more than 60 days
NO_DAY_OFF_DAYS = 60  # more than this many days since a day off or leave
MIN_CHECKINS_PER_HALF = 15  # check-ins needed in each half of the 61-day stretch

_RESTING = (DayKind.DAY_OFF, DayKind.LEAVE)


def _up_to(checkins: Sequence[CheckinDraft], start: dt.date, today: dt.date) -> list[CheckinDraft]:
    """The check-ins from ``start`` to ``today``, one per day (the last given wins)."""
    by_day = {c.day: c for c in checkins if start <= c.day <= today}
    return [by_day[day] for day in sorted(by_day)]


# -- (a) lower than usual --------------------------------------------------------------------
@dataclass(frozen=True)
class WindowStats:
    count: int
    mean: float
    sd: float


class _Series:
    """One scale's daily answers as prefix sums, so any window's mean and SD is O(1)."""

    def __init__(self, first: dt.date, values: list[int | None]) -> None:
        self.first = first
        self._n = [0]
        self._s = [0.0]
        self._ss = [0.0]
        for value in values:
            v = 0.0 if value is None else float(value)
            self._n.append(self._n[-1] + (value is not None))
            self._s.append(self._s[-1] + v)
            self._ss.append(self._ss[-1] + v * v)

    def stats(self, start: dt.date, end: dt.date) -> WindowStats:
        lo, hi = (start - self.first).days, (end - self.first).days + 1
        n = self._n[hi] - self._n[lo]
        if n == 0:
            return WindowStats(0, math.nan, math.nan)
        total = self._s[hi] - self._s[lo]
        mean = total / n
        if n < 2:
            return WindowStats(n, mean, math.nan)
        var = max(0.0, (self._ss[hi] - self._ss[lo] - total * mean) / (n - 1))
        return WindowStats(n, mean, math.sqrt(var))


def windows(day: dt.date) -> tuple[tuple[dt.date, dt.date], tuple[dt.date, dt.date]]:
    """(recent, baseline) windows for ``day``, each (first day, last day) inclusive."""
    recent = (day - (RECENT_DAYS - 1) * DAY, day)
    baseline_end = recent[0] - DAY
    return recent, (baseline_end - (BASELINE_DAYS - 1) * DAY, baseline_end)


def is_low(recent: WindowStats, baseline: WindowStats) -> bool:
    """The recent average is more than one SD (and at least MIN_GAP) under the baseline."""
    if recent.count < MIN_RECENT_ANSWERS or baseline.count < MIN_BASELINE_ANSWERS:
        return False
    return recent.mean < baseline.mean - max(baseline.sd, MIN_GAP)


def low_scale(scale: str, checkins: Sequence[CheckinDraft], today: dt.date) -> Signal | None:
    """(a) ``scale`` ("mood" or "energy") lower than usual on each of the last 14 days."""
    if scale not in LOW_SCALES:
        raise ValueError(f"no low-{scale} rule")
    first = windows(today - (SUSTAIN_DAYS - 1) * DAY)[1][0]
    values: list[int | None] = [None] * ((today - first).days + 1)
    for c in _up_to(checkins, first, today):
        values[(c.day - first).days] = getattr(c, scale)
    series = _Series(first, values)
    for back in range(SUSTAIN_DAYS):
        recent, baseline = windows(today - back * DAY)
        if not is_low(series.stats(*recent), series.stats(*baseline)):
            return None
    recent, baseline = windows(today)
    return _low_signal(scale, series.stats(*recent), series.stats(*baseline), recent, baseline)


def _low_signal(
    scale: str,
    now: WindowStats,
    usual: WindowStats,
    recent: tuple[dt.date, dt.date],
    baseline: tuple[dt.date, dt.date],
) -> Signal:
    word = "mood" if scale == "mood" else "energy"
    spread = "" if usual.sd < 0.05 else f" (give or take {number_text(usual.sd)})"
    return Signal(
        key=f"low-{scale}",
        rule=f"low-{scale}",
        title=f"Your {word} has been lower than usual for you",
        body=(
            f"For a couple of weeks now, the {word} you've noted in your check-ins has been "
            "clearly lower than what's usual for you. That can happen for many reasons, and "
            "noticing it early is a kindness to yourself. It's a pattern in your own answers, "
            "not a diagnosis."
        ),
        based_on=(
            f"{word.capitalize()}: average {number_text(now.mean)} over "
            f"{span_text(*recent)} ({now.count} answers), against your usual "
            f"{number_text(usual.mean)}{spread} over {span_text(*baseline)} "
            f"({usual.count} answers). Lower than usual on each of the last {SUSTAIN_DAYS} days."
        ),
        suggestions=suggest.for_low(),
    )


def low_mood(checkins: Sequence[CheckinDraft], today: dt.date) -> Signal | None:
    return low_scale("mood", checkins, today)


def low_energy(checkins: Sequence[CheckinDraft], today: dt.date) -> Signal | None:
    return low_scale("energy", checkins, today)


# -- (b) heavy exposure up, recovery down -----------------------------------------------------
@dataclass(frozen=True)
class LoadWindow:
    start: dt.date
    end: dt.date
    exposure_answers: int
    heavy_days: int
    days_off: int
    sleep_answers: int
    sleep_mean: float


def load_window(checkins: Sequence[CheckinDraft], start: dt.date, end: dt.date) -> LoadWindow:
    days = _up_to(checkins, start, end)
    sleep = [c.sleep for c in days if c.sleep is not None]
    return LoadWindow(
        start=start,
        end=end,
        exposure_answers=sum(c.exposure is not None for c in days),
        heavy_days=sum(c.exposure == Exposure.A_LOT for c in days),
        days_off=sum(c.day_kind in _RESTING for c in days),
        sleep_answers=len(sleep),
        sleep_mean=sum(sleep) / len(sleep) if sleep else math.nan,
    )


def exposure_recovery(checkins: Sequence[CheckinDraft], today: dt.date) -> Signal | None:
    """(b) More "a lot" days in the last 28 than the 28 before, while sleep or days off fall."""
    start = today - (WINDOW_DAYS - 1) * DAY
    now = load_window(checkins, start, today)
    before = load_window(checkins, start - WINDOW_DAYS * DAY, start - DAY)
    if min(now.exposure_answers, before.exposure_answers) < MIN_EXPOSURE_ANSWERS:
        return None
    if now.heavy_days < MIN_HEAVY_DAYS or now.heavy_days < before.heavy_days + HEAVY_RISE:
        return None
    sleep_fell = (
        min(now.sleep_answers, before.sleep_answers) >= MIN_SLEEP_ANSWERS
        and before.sleep_mean - now.sleep_mean >= SLEEP_FALL
    )
    rest_fell = before.days_off - now.days_off >= DAYS_OFF_FALL
    if not (sleep_fell or rest_fell):
        return None
    return _load_signal(now, before, sleep_fell, rest_fell)


def _load_signal(now: LoadWindow, before: LoadWindow, sleep_fell: bool, rest_fell: bool) -> Signal:
    recovery = " and ".join(
        part for part, fell in (("your sleep", sleep_fell), ("your days off", rest_fell)) if fell
    )
    facts = [
        f"Days with a lot of distressing material: {now.heavy_days} in "
        f"{span_text(now.start, now.end)}, against {before.heavy_days} in "
        f"{span_text(before.start, before.end)}."
    ]
    if sleep_fell:
        facts.append(
            f"Sleep average {number_text(now.sleep_mean)}, against "
            f"{number_text(before.sleep_mean)}."
        )
    if rest_fell:
        facts.append(f"Days off or leave: {now.days_off}, against {before.days_off}.")
    return Signal(
        key="exposure-recovery",
        rule="exposure-recovery",
        title="More heavy days, less time to recover",
        body=(
            "Over the last four weeks you've had more days with a lot of distressing "
            f"material than in the four weeks before, while {recovery} went the other way. "
            "Heavy weeks are part of this work; having less room to recover at the same time "
            "is worth noticing early."
        ),
        based_on=" ".join(facts),
        suggestions=suggest.for_load(),
    )


# -- (d) a long stretch without a day off --------------------------------------------------
def no_day_off(checkins: Sequence[CheckinDraft], today: dt.date) -> Signal | None:
    """(d) No check-in marked day off or leave for more than 60 days, with enough check-ins."""
    start = today - NO_DAY_OFF_DAYS * DAY  # 61 days: start .. today
    middle = start + (NO_DAY_OFF_DAYS // 2) * DAY  # first half: start .. middle - 1
    days = _up_to(checkins, start, today)
    if any(c.day_kind in _RESTING for c in days):
        return None
    first_half = sum(c.day < middle for c in days)
    if min(first_half, len(days) - first_half) < MIN_CHECKINS_PER_HALF:
        return None
    earlier = [c.day for c in checkins if c.day < start and c.day_kind in _RESTING]
    last_rest = max(earlier, default=None)
    checked = (
        f"You checked in on {len(days)} of the {NO_DAY_OFF_DAYS + 1} days in "
        f"{span_text(start, today)}, none of them a day off."
    )
    if last_rest is None:
        since = "There's no day off or leave in your check-ins before that either."
    else:
        since = (
            f"Your last day off or leave in Tend was {day_text(last_rest)}, "
            f"{days_text((today - last_rest).days)} ago."
        )
    return Signal(
        key="no-day-off",
        rule="no-day-off",
        title="It's been a long stretch without a day off",
        body=(
            f"Tend hasn't seen a day off or leave in your check-ins for more than "
            f"{NO_DAY_OFF_DAYS} days. Rest is part of doing this work well, not a reward for it. "
            "If you've had days off and just didn't check in on them, this may not fit, and "
            "you can set it aside."
        ),
        based_on=f"{since} {checked}",
        suggestions=suggest.for_rest(),
    )


CheckinRule = Callable[[Sequence[CheckinDraft], dt.date], Signal | None]

CHECKIN_RULES: tuple[CheckinRule, ...] = (low_mood, low_energy, exposure_recovery, no_day_off)
