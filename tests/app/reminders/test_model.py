"""Schedule and options JSON: a documented format, read strictly, never echoing input."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from app.errors import ValidationError
from app.reminders.model import (
    ALL_DAYS,
    ReminderKind,
    Rule,
    Schedule,
    check_kind,
    check_rule,
    check_schedule,
    params_json,
    parse_params,
    parse_schedule,
    schedule_json,
)

SECRET = "my-private-words"  # anything a person might type must never come back in a message


def t(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


def test_the_documented_example_reads_back():
    text = json.dumps(
        {
            "times": ["17:00", "08:30"],
            "weekdays": [4, 0, 1],
            "quiet_start": "22:00",
            "quiet_end": "07:00",
            "tz": "Europe/London",
        }
    )
    s = parse_schedule(text)
    assert s == Schedule(
        times=(t("08:30"), t("17:00")),
        weekdays=frozenset({0, 1, 4}),
        quiet_start=t("22:00"),
        quiet_end=t("07:00"),
        tz="Europe/London",
    )
    assert parse_schedule(schedule_json(s)) == s


def test_defaults_are_every_day_in_the_local_zone():
    s = parse_schedule('{"times": ["09:00"]}')
    assert s.weekdays == ALL_DAYS and s.tz == "" and s.quiet_start is None
    assert parse_schedule('{"every_minutes": 90}').every_minutes == 90


def test_duplicate_times_and_seconds_are_tidied():
    s = check_schedule(Schedule(times=(t("17:00:30"), t("17:00"), t("09:00"))))
    assert s.times == (t("09:00"), t("17:00"))


@pytest.mark.parametrize(
    "data",
    [
        {"times": ["25:00"]},
        {"times": ["7:00"]},
        {"times": ["17:00:00"]},
        {"times": [1700]},
        {"times": "17:00"},
        {"times": []},
        {"times": ["17:00"], "every_minutes": 30},
        {"every_minutes": 4},
        {"every_minutes": 1441},
        {"every_minutes": True},
        {"every_minutes": 30.5},
        {"times": ["17:00"], "weekdays": []},
        {"times": ["17:00"], "weekdays": [7]},
        {"times": ["17:00"], "weekdays": [True]},
        {"times": ["17:00"], "weekdays": ["mon"]},
        {"times": ["17:00"], "quiet_start": "22:00"},
        {"times": ["17:00"], "quiet_start": "22:00", "quiet_end": "22:00"},
        {"times": ["17:00"], "tz": "Mars/Olympus_Mons"},
        {"times": ["17:00"], "tz": "../../etc/passwd"},
        {"times": ["17:00"], "tz": 10},
        {"times": ["17:00"], "colour": "blue"},
        {"times": [f"{h:02d}:{m:02d}" for h in range(24) for m in (0, 30)]},
    ],
)
def test_bad_schedules_are_refused(data):
    with pytest.raises(ValidationError):
        parse_schedule(json.dumps(data))


@pytest.mark.parametrize(
    "text", ["", "null", "[]", '"17:00"', "{", "x" * 5000, '{"times": ["' + SECRET + '"]}']
)
def test_unreadable_json_is_refused_without_repeating_it(text):
    with pytest.raises(ValidationError) as caught:
        parse_schedule(text)
    assert SECRET not in str(caught.value) and "{" not in str(caught.value)


def test_messages_never_repeat_what_was_typed():
    for data in ({"times": [SECRET]}, {"tz": SECRET, "times": ["09:00"]}, {SECRET: 1}):
        with pytest.raises(ValidationError) as caught:
            parse_schedule(json.dumps(data))
        assert SECRET not in str(caught.value)
    with pytest.raises(ValidationError) as caught:
        check_kind(SECRET)
    assert SECRET not in str(caught.value)


def test_params_per_kind_with_gentle_defaults():
    assert parse_params(ReminderKind.NO_DAY_OFF, "{}") == {"days": 21}
    assert parse_params(ReminderKind.NO_DAY_OFF, '{"days": 30}') == {"days": 30}
    assert parse_params(ReminderKind.SELFCARE, "{}") == {}
    assert parse_params(ReminderKind.SELFCARE, '{"item_id": "abc"}') == {"item_id": "abc"}
    assert parse_params(ReminderKind.CHECKIN, "{}") == {}
    assert json.loads(params_json(ReminderKind.NO_DAY_OFF, {})) == {"days": 21}


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        (ReminderKind.NO_DAY_OFF, '{"days": 3}'),
        (ReminderKind.NO_DAY_OFF, '{"days": 91}'),
        (ReminderKind.NO_DAY_OFF, '{"days": "21"}'),
        (ReminderKind.NO_DAY_OFF, '{"days": true}'),
        (ReminderKind.SELFCARE, '{"item_id": 5}'),
        (ReminderKind.SELFCARE, '{"item_id": "' + "x" * 37 + '"}'),
        (ReminderKind.CHECKIN, '{"days": 21}'),
        (ReminderKind.HEAVY_DAY, '{"' + SECRET + '": 1}'),
        (ReminderKind.MEASURE_DUE, "[]"),
    ],
)
def test_bad_params_are_refused(kind, text):
    with pytest.raises(ValidationError) as caught:
        parse_params(kind, text)
    assert SECRET not in str(caught.value)


def test_check_rule_normalises_and_refuses_unknown_kinds():
    rule = Rule("", "checkin", True, Schedule(times=(t("17:00"),)))  # type: ignore[arg-type]
    assert check_rule(rule).kind is ReminderKind.CHECKIN
    with pytest.raises(ValidationError):
        check_rule(Rule("", "nag", True, Schedule(times=(t("17:00"),))))  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        check_rule(Rule("", ReminderKind.CHECKIN, "yes", Schedule(times=(t("09:00"),))))  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        check_rule(Rule("x" * 37, ReminderKind.CHECKIN, True, Schedule(times=(t("09:00"),))))
