"""Dates in plain words, the same on every machine (no locale, no leading zeros)."""

from __future__ import annotations

import datetime as dt

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ORDINALS = ("", "", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")


def day_month(day: dt.date, *, year: bool = False) -> str:
    """ "2 December", or "2 December 2027" with ``year``."""
    text = f"{day.day} {MONTHS[day.month - 1]}"
    return f"{text} {day.year}" if year else text


def weekday_day_month(day: dt.date, *, year: bool = False) -> str:
    """ "Tuesday 1 December"."""
    return f"{WEEKDAYS[day.weekday()]} {day_month(day, year=year)}"


def clock_time(moment: dt.datetime | dt.time) -> str:
    """ "10:00", "9:30" (24-hour, no leading zero on the hour)."""
    return f"{moment.hour}:{moment.minute:02d}"


def ordinal(n: int) -> str:
    """ "second", "third" ... for small n; "5th" style past the words we have."""
    if 2 <= n < len(ORDINALS):
        return ORDINALS[n]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
