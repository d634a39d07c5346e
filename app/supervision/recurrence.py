"""Weekly windows as RFC 5545 recurrence rules, turned into moments DST-safely.

A rule repeats a window's local wall-clock times (09:00–12:00 stays 09:00–12:00
across daylight-saving changes). Rules are floating: their UNTIL is a local time
too, so it is written without a zone ("UNTIL=20271231T235959").
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from typing import cast
from zoneinfo import ZoneInfo

from dateutil.rrule import rrule as RRule
from dateutil.rrule import rrulestr

from app.errors import ValidationError
from app.reminders.due import resolve
from app.supervision.dates import day_month, ordinal
from app.supervision.model import Window, WindowKind

UTC = dt.UTC
DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MAX_INTERVAL = 8
MAX_COUNT = 1000
KNOWN_KEYS = {"FREQ", "INTERVAL", "BYDAY", "UNTIL", "COUNT", "WKST"}
UNSURE = "Tend didn't understand that repeat pattern."


# -- building, checking and describing rules -----------------------------------------------
def weekly_rule(weekdays: Iterable[int], *, interval: int = 1, until: dt.date | None = None) -> str:
    """The rule for ``weekdays`` (0 = Monday), every ``interval`` weeks, up to and
    including the local day ``until``."""
    days = sorted(set(weekdays))
    parts = {"FREQ": "WEEKLY", "INTERVAL": str(interval)}
    if days:
        if not all(0 <= d <= 6 for d in days):
            raise ValidationError("Please choose days of the week.")
        parts["BYDAY"] = ",".join(DAY_CODES[d] for d in days)
    if until is not None:
        parts["UNTIL"] = until.strftime("%Y%m%dT235959")
    return check_rule(";".join(f"{k}={v}" for k, v in parts.items()))


def _parts(rule: str) -> dict[str, str]:
    body = rule.strip()
    if body.upper().startswith("RRULE:"):
        body = body[6:]
    parts: dict[str, str] = {}
    for item in body.upper().split(";"):
        key, sep, value = item.strip().partition("=")
        if not sep or not value or key in parts or key not in KNOWN_KEYS:
            raise ValidationError(UNSURE)
        parts[key] = value
    return parts


def _number(text: str, low: int, high: int, message: str) -> int:
    if not text.isdigit() or not low <= int(text) <= high:
        raise ValidationError(message)
    return int(text)


def _until(text: str) -> str:
    """A floating local UNTIL; a date alone means the whole of that day."""
    if text.endswith("Z"):
        raise ValidationError("Please give the last day of the repeat as a plain date.")
    for fmt, suffix in (("%Y%m%d", "T235959"), ("%Y%m%dT%H%M%S", "")):
        try:
            dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
        return text + suffix
    raise ValidationError(UNSURE)


def check_rule(rule: str) -> str:
    """``rule`` normalised (FREQ, INTERVAL, BYDAY, COUNT, UNTIL, WKST, in that order);
    ValidationError unless it is a sane weekly rule."""
    parts = _parts(rule)
    if parts.get("FREQ") != "WEEKLY":
        raise ValidationError("Windows can only repeat weekly.")
    out = ["FREQ=WEEKLY"]
    interval = _number(
        parts.get("INTERVAL", "1"), 1, MAX_INTERVAL, "Repeats can be 1 to 8 weeks apart."
    )
    if interval > 1:
        out.append(f"INTERVAL={interval}")
    if "BYDAY" in parts:
        days = parts["BYDAY"].split(",")
        if not set(days) <= set(DAY_CODES):
            raise ValidationError("Please choose days of the week.")
        out.append("BYDAY=" + ",".join(sorted(set(days), key=DAY_CODES.index)))
    if "COUNT" in parts and "UNTIL" in parts:
        raise ValidationError("A repeat can end on a date or after a number of times, not both.")
    if "COUNT" in parts:
        count = _number(parts["COUNT"], 1, MAX_COUNT, "A window can repeat up to 1000 times.")
        out.append(f"COUNT={count}")
    if "UNTIL" in parts:
        out.append("UNTIL=" + _until(parts["UNTIL"]))
    if parts.get("WKST", "MO") != "MO":
        if parts["WKST"] not in DAY_CODES:
            raise ValidationError(UNSURE)
        out.append("WKST=" + parts["WKST"])
    normal = ";".join(out)
    try:  # the last word is dateutil's: whatever we accept, it must read
        _parse(normal, dt.datetime(2026, 1, 5, 9))
    except (ValueError, TypeError):
        raise ValidationError(UNSURE) from None
    return normal


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def describe_rule(rule: str) -> str:
    """Plain words: "Every Tuesday and Thursday", "Every second Monday"."""
    parts = _parts(check_rule(rule))
    interval = int(parts.get("INTERVAL", "1"))
    codes = parts["BYDAY"].split(",") if "BYDAY" in parts else []
    names = [DAY_NAMES[DAY_CODES.index(c)] for c in codes]
    if len(names) == 7 and interval == 1:
        text = "Every day"
    elif codes == list(DAY_CODES[:5]) and interval == 1:
        text = "Every weekday"
    elif not names:
        text = "Every week" if interval == 1 else f"Every {ordinal(interval)} week"
    elif interval == 1:
        text = "Every " + _join(names)
    elif len(names) == 1:
        text = f"Every {ordinal(interval)} {names[0]}"
    else:
        text = f"Every {ordinal(interval)} week on " + _join(names)
    if "COUNT" in parts:
        count = int(parts["COUNT"])
        text += ", once" if count == 1 else f", {count} times"
    if "UNTIL" in parts:
        until = dt.datetime.strptime(parts["UNTIL"], "%Y%m%dT%H%M%S").date()
        text += f", until {day_month(until, year=True)}"
    return text


# -- occurrences ---------------------------------------------------------------------------
@functools.lru_cache(maxsize=512)
def _parse(rule: str, dtstart: dt.datetime) -> RRule:
    return cast(RRule, rrulestr(rule, dtstart=dtstart, cache=True))


def _aware(value: dt.datetime, what: str) -> dt.datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{what} must be an aware datetime")
    return value.astimezone(UTC)


def _local(moment: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    return moment.astimezone(zone).replace(tzinfo=None)


def _weekly_starts(window: Window, lo: dt.datetime, hi: dt.datetime) -> list[dt.datetime]:
    """Local starts of a weekly window within [lo, hi] (naive, local)."""
    rule = check_rule(window.rrule or "")
    dtstart = window.start
    if "COUNT" not in rule and dtstart < lo:
        # Walking an old rule from its first week costs time for nothing: start it whole
        # periods later instead (same weekday, same phase of INTERVAL, same UNTIL).
        period = 7 * int(_parts(rule).get("INTERVAL", "1"))
        dtstart += dt.timedelta(days=period * ((lo - dtstart).days // period))
    return cast(list[dt.datetime], _parse(rule, dtstart).between(lo, hi, inc=True))


def occurrences(
    window: Window, zone: ZoneInfo, start: dt.datetime, end: dt.datetime
) -> list[tuple[dt.datetime, dt.datetime]]:
    """Aware UTC (start, end) of ``window``'s occurrences that overlap [start, end).

    Weekly windows keep their local wall-clock times across DST; a local time that
    doesn't exist (spring forward) moves to the first valid moment after the gap; one
    that happens twice (fall back) is the first of the two (fold=0).
    """
    lo, hi = _aware(start, "start"), _aware(end, "end")
    if window.kind is WindowKind.WEEKLY:
        length = window.end - window.start
        # A day either side covers any zone offset and any DST jump.
        margin = dt.timedelta(days=1)
        local_lo = _local(lo, zone) - length - margin
        local_hi = _local(hi, zone) + margin
        pairs = [(s, s + length) for s in _weekly_starts(window, local_lo, local_hi)]
    else:
        pairs = [(window.start, window.end)]
    found = []
    for local_start, local_end in pairs:
        s, e = resolve(local_start, zone), resolve(local_end, zone)
        if s < hi and e > lo and s < e:
            found.append((s, e))
    return found
