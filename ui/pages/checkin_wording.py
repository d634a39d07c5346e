"""The words of the daily check-in, shared by the check-in page and the journal.

Written to be plain, kind and non-clinical. Low numbers are always the "left"
end; for stress and workload a higher number means a heavier day, and the
anchors say so in everyday words rather than with colours or warnings.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from app.domain import SCALES, Checkin, DayKind, Exposure


def _t(text: str) -> str:
    return QCoreApplication.translate("Checkin", text)


@dataclass(frozen=True)
class Scale:
    name: str  # the domain field, e.g. "mood"
    short: str  # "Mood", for summaries
    question: str
    low: str  # end-anchor under 1
    high: str  # end-anchor under 5
    labels: tuple[str, str, str, str, str]  # what each of 1..5 means, read aloud


def scales() -> list[Scale]:
    """The six 1–5 questions, in the order they are asked."""
    found = [
        Scale(
            "mood",
            _t("Mood"),
            _t("How's your mood?"),
            _t("Low"),
            _t("Good"),
            (_t("Very low"), _t("Low"), _t("Okay"), _t("Good"), _t("Really good")),
        ),
        Scale(
            "energy",
            _t("Energy"),
            _t("How's your energy?"),
            _t("Running on empty"),
            _t("Plenty"),
            (_t("Running on empty"), _t("Low"), _t("Some"), _t("Good"), _t("Plenty")),
        ),
        Scale(
            "sleep",
            _t("Sleep"),
            _t("How did you sleep?"),
            _t("Poorly"),
            _t("Really well"),
            (_t("Poorly"), _t("Not great"), _t("Okay"), _t("Well"), _t("Really well")),
        ),
        Scale(
            "stress",
            _t("Stress"),
            _t("How stressed do you feel?"),
            _t("Calm"),
            _t("Very stressed"),
            (_t("Calm"), _t("A little"), _t("Somewhat"), _t("Quite stressed"), _t("Very stressed")),
        ),
        Scale(
            "workload",
            _t("Workload"),
            _t("How heavy was your workload?"),
            _t("Light"),
            _t("Very heavy"),
            (_t("Light"), _t("Manageable"), _t("Busy"), _t("Heavy"), _t("Very heavy")),
        ),
        Scale(
            "connection",
            _t("Support"),
            _t("Do you feel connected and supported?"),
            _t("On my own"),
            _t("Well supported"),
            (_t("On my own"), _t("A little"), _t("Somewhat"), _t("Mostly"), _t("Well supported")),
        ),
    ]
    assert tuple(s.name for s in found) == SCALES  # the domain and the words agree
    return found


def exposure_choices() -> list[tuple[Exposure, str]]:
    return [(Exposure.NONE, _t("None")), (Exposure.SOME, _t("Some")), (Exposure.A_LOT, _t("A lot"))]


def day_choices() -> list[tuple[DayKind, str]]:
    return [
        (DayKind.WORK, _t("Work day")),
        (DayKind.DAY_OFF, _t("Day off")),
        (DayKind.LEAVE, _t("Leave")),
    ]


def exposure_question() -> str:
    return _t("Distressing material today?")


def hours_question() -> str:
    return _t("About how many hours?")


def day_question() -> str:
    return _t("What kind of day was it?")


def hours_text(hours: float) -> str:
    shown = f"{hours:g}"
    return _t("1 hour") if shown == "1" else _t("{n} hours").format(n=shown)


def day_label(day: dt.date, today: dt.date) -> str:
    """A short, friendly date: "Fri 20 Nov", with the year only when it isn't this year."""
    text = f"{day:%a} {day.day} {day:%b}"
    return text if day.year == today.year else f"{text} {day.year}"


def summary(checkin: Checkin) -> str:
    """A gentle one-line summary of a check-in, e.g. "Mood 4 · Energy 3 · Day off"."""
    parts = [f"{s.short} {getattr(checkin, s.name)}" for s in scales() if getattr(checkin, s.name)]
    if checkin.day_kind is not DayKind.WORK:
        parts.append(dict(day_choices())[checkin.day_kind])
    return " · ".join(parts) if parts else _t("Check-in")


def answers(checkin: Checkin) -> list[tuple[str, str]]:
    """(question, answer) pairs for showing a saved check-in, skipped ones included."""
    skipped = _t("Not answered")
    rows = []
    for s in scales():
        value = getattr(checkin, s.name)
        rows.append((s.short, skipped if value is None else f"{value} · {s.labels[value - 1]}"))
    if checkin.exposure is None:
        exposure = skipped
    else:
        exposure = dict(exposure_choices())[checkin.exposure]
        if checkin.exposure is not Exposure.NONE and checkin.exposure_hours is not None:
            exposure = f"{exposure} · {hours_text(checkin.exposure_hours)}"
    rows.append((_t("Distressing material"), exposure))
    rows.append((_t("Day"), dict(day_choices())[checkin.day_kind]))
    return rows
