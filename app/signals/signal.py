"""What an early-warning rule says: plain values, no ORM rows, no Qt.

A ``Signal`` is written for the person it is about: a title and body in kind,
non-diagnostic words, one factual line saying what it is based on, and a few
things that might help. Rules build them (app.signals.rules); the signals page
and the supervision summary show them as they are.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

# Page keys a suggestion may open (ctx.navigate_requested), plus "help": the crisis lines.
PAGE_TARGETS = ("checkin", "journal", "measures", "trends", "signals", "selfcare", "reminders")
HELP = "help"

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class Suggestion(NamedTuple):
    """Something that might help. ``target`` is a page key, ``"help"`` for the crisis
    lines, or None for something Tend can't open yet (shown as plain text)."""

    label: str
    target: str | None = None


@dataclass(frozen=True)
class Signal:
    key: str  # stable across runs: "low-mood", "measure-band:proqol5:burnout"
    rule: str  # which rule made it: "low-mood", "exposure-recovery", "measure-band", ...
    title: str
    body: str
    based_on: str  # the numbers and dates, stated plainly
    suggestions: tuple[Suggestion, ...]
    show_crisis: bool = False  # show the crisis lines prominently with this signal


def day_text(day: dt.date) -> str:
    """``3 Aug 2026``: the same in every locale, and unambiguous."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def span_text(start: dt.date, end: dt.date) -> str:
    """``3 Aug – 31 Oct 2026`` (the year once when both ends share it)."""
    if start.year == end.year:
        return f"{start.day} {_MONTHS[start.month - 1]} – {day_text(end)}"
    return f"{day_text(start)} – {day_text(end)}"


def number_text(value: float) -> str:
    """One decimal place, without a trailing ``.0`` for whole numbers."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def days_text(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"
