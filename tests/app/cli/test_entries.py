"""``tend checkin`` and ``tend note``: saving from the command line, never echoing content."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain import DayKind, Exposure, JournalFilter
from tests.app.cli.conftest import STDIN

TODAY = dt.date(2026, 11, 22)


def _stored(cli, day=TODAY):
    t = cli.tend()
    t.unlock(t.vault.unlock_with_passphrase(STDIN.strip()))
    try:
        store = t.require_store()
        return store.checkins.get(day), store.journal.entries(JournalFilter())
    finally:
        t.lock()


def test_checkin_with_every_flag(ready):
    result = ready(
        "--passphrase-stdin",
        "checkin",
        *("--mood", "2", "--energy", "3", "--sleep", "4", "--stress", "5"),
        *("--workload", "1", "--connection", "2", "--exposure", "a-lot", "--hours", "2.5"),
        *("--day-kind", "day-off", "--note", "quiet words here", "--tag", "Court", "walk"),
        stdin=STDIN,
    )

    assert result.code == 0, result.err
    assert result.out == "Saved your check-in for Sunday 22 November 2026.\n"
    assert result.err == ""
    saved, _ = _stored(ready)
    assert (saved.mood, saved.energy, saved.sleep, saved.stress) == (2, 3, 4, 5)
    assert (saved.workload, saved.connection) == (1, 2)
    assert saved.exposure is Exposure.A_LOT and saved.exposure_hours == 2.5
    assert saved.day_kind is DayKind.DAY_OFF
    assert saved.note == "quiet words here"
    assert saved.tags == ("court", "walk")


def test_later_answers_are_added_to_the_same_day(ready):
    assert ready("--passphrase-stdin", "checkin", "--mood", "3", stdin=STDIN).code == 0
    # Global options may come after the subcommand too.
    assert ready("checkin", "--sleep", "2", "--passphrase-stdin", stdin=STDIN).code == 0
    saved, _ = _stored(ready)
    assert (saved.mood, saved.sleep) == (3, 2)


def test_checkin_for_another_day(ready):
    result = ready(
        "--passphrase-stdin", "checkin", "--day", "yesterday", "--mood", "4", stdin=STDIN
    )
    assert result.out == "Saved your check-in for Saturday 21 November 2026.\n"
    ready("--passphrase-stdin", "checkin", "--day", "2026-01-05", "--mood", "1", stdin=STDIN)
    assert _stored(ready, dt.date(2026, 1, 5))[0].mood == 1


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        ((), 1, "Tell Tend at least one thing"),
        (("--mood", "7"), 2, "choose a number from 1 to 5"),
        (("--mood", "x"), 2, "choose a number from 1 to 5"),
        (("--hours", "30"), 2, "from 0 to 24"),
        (("--exposure", "lots"), 2, "invalid choice"),
        (("--mood", "3", "--day", "22/11/2026"), 1, "YYYY-MM-DD"),
        (("--mood", "3", "--day", "2027-01-01"), 1, "today or any day before it"),
        (("--mood", "3", "--tag", "x" * 41), 1, "Tags can be up to 40 characters"),
    ],
)
def test_checkin_mistakes_are_explained(ready, argv, code, message):
    result = ready("--passphrase-stdin", "checkin", *argv, stdin=STDIN)
    assert result.code == code
    assert message in result.err
    assert result.out == ""


def test_note_from_an_argument(ready):
    result = ready("--passphrase-stdin", "note", "a private thought", "--tag", "team", stdin=STDIN)
    assert result.code == 0
    assert result.out == "Saved your note for Sunday 22 November 2026.\n"
    assert "private" not in result.out + result.err
    _, items = _stored(ready)
    assert [(i.text, i.tags) for i in items] == [("a private thought", ("team",))]


def test_note_from_standard_input_after_the_passphrase(ready):
    result = ready(
        "--passphrase-stdin",
        "note",
        "-",
        "--day",
        "2026-11-20",
        stdin=STDIN + "line one\nline two\n",
    )
    assert result.code == 0, result.err
    _, items = _stored(ready)
    assert items[0].text == "line one\nline two\n"
    assert items[0].day == dt.date(2026, 11, 20)


def test_an_empty_note_is_refused(ready):
    result = ready("--passphrase-stdin", "note", "   ", stdin=STDIN)
    assert (result.code, result.err) == (1, "There's nothing in this note yet.\n")


def test_checkin_note_from_standard_input_stays_out_of_the_arguments(ready):
    result = ready(
        "--passphrase-stdin",
        "checkin",
        "--mood",
        "2",
        "--note",
        "-",
        stdin=STDIN + "a heavy day\n",
    )
    assert result.code == 0, result.err
    checkin, _ = _stored(ready)
    assert checkin is not None and checkin.note == "a heavy day\n" and checkin.mood == 2
