"""Offer settings and windows: what can be saved, and calm words when it can't."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from app.errors import ValidationError
from app.supervision.model import MODALITY_LABEL, Modality, OfferSettings, Window, WindowKind

MON = dt.datetime(2026, 11, 23, 9)


def weekly(**changes: object) -> Window:
    base = Window("w1", WindowKind.WEEKLY, MON, MON.replace(hour=12), "FREQ=WEEKLY;BYDAY=MO")
    return dataclasses.replace(base, **changes)


def test_default_settings_are_valid() -> None:
    assert OfferSettings().validate() == OfferSettings()
    assert OfferSettings(tz="Europe/London").validate().tz == "Europe/London"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("session_minutes", 14),
        ("session_minutes", 241),
        ("buffer_minutes", -1),
        ("buffer_minutes", 121),
        ("min_notice_hours", 337),
        ("horizon_days", 0),
        ("horizon_days", 367),
        ("daily_max", 0),
        ("daily_max", 25),
    ],
)
def test_out_of_range_settings_are_refused_calmly(field: str, value: int) -> None:
    with pytest.raises(ValidationError) as caught:
        OfferSettings(**{field: value}).validate()  # type: ignore[arg-type]
    message = caught.value.message
    assert message.endswith(".") and message.count(".") <= 2
    assert str(value) not in message


def test_unknown_zone_is_refused_without_repeating_it() -> None:
    with pytest.raises(ValidationError) as caught:
        OfferSettings(tz="Mars/Olympus_Mons").validate()
    assert "Mars" not in caught.value.message


def test_edges_of_the_ranges_are_allowed() -> None:
    OfferSettings(15, 0, 0, 1, 1).validate()
    OfferSettings(240, 120, 336, 366, 24).validate()


def test_weekly_window_normalises_its_rule() -> None:
    window = weekly(rrule="rrule:byday=th,mo;freq=weekly").validate()
    assert window.rrule == "FREQ=WEEKLY;BYDAY=MO,TH"


@pytest.mark.parametrize(
    "changes",
    [
        {"end": MON},  # ends as it starts
        {"end": MON.replace(hour=8)},
        {"end": MON + dt.timedelta(days=1)},  # a weekly window is one day's stretch
        {"rrule": None},
        {"rrule": "FREQ=DAILY;SECRETWORD=1"},
        {"location": "x" * 501},
        {"capacity": 0},
        {"capacity": 21},
        {"start": MON.replace(tzinfo=dt.UTC)},
    ],
)
def test_bad_windows_are_refused(changes: dict[str, object]) -> None:
    with pytest.raises(ValidationError) as caught:
        weekly(**changes).validate()
    assert "SECRETWORD" not in caught.value.message
    assert "xxxx" not in caught.value.message


def test_leave_may_last_days_but_never_repeats() -> None:
    leave = Window("l", WindowKind.LEAVE, MON, MON + dt.timedelta(days=10))
    assert leave.validate() is leave
    with pytest.raises(ValidationError):
        dataclasses.replace(leave, rrule="FREQ=WEEKLY").validate()


def test_extra_window_is_one_day() -> None:
    extra = Window("e", WindowKind.EXTRA, MON, MON.replace(hour=15), capacity=6)
    assert extra.validate() is extra
    with pytest.raises(ValidationError):
        dataclasses.replace(extra, end=MON + dt.timedelta(days=2)).validate()


def test_every_modality_has_a_label() -> None:
    assert set(MODALITY_LABEL) == set(Modality)
    assert MODALITY_LABEL[Modality.VIDEO] == "Video call"
