"""The weekly look back: one per week (weeks start on Monday), saved, changed, cleared."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain import Changes
from app.errors import ValidationError
from app.selfcare.model import MAX_REVIEW_CHARS, week_start

CHANGED = Changes(selfcare=True)
SECRET = "PRIVATE-REVIEW-5120"
TODAY = dt.date(2026, 11, 22)  # a Sunday (the fixed clock's day)
THIS_WEEK = dt.date(2026, 11, 16)


def test_weeks_start_on_monday():
    assert TODAY.weekday() == 6
    assert week_start(TODAY) == THIS_WEEK
    assert week_start(THIS_WEEK) == THIS_WEEK
    assert week_start(dt.date(2024, 3, 1)) == dt.date(2024, 2, 26)  # across a leap day


def test_no_review_yet(selfcare):
    assert selfcare.review(THIS_WEEK) is None
    assert selfcare.reviewed_weeks() == []


def test_saving_and_reading_back(selfcare, clock):
    assert selfcare.save_review(THIS_WEEK, " The walk ", "Late nights", "Book leave") == CHANGED
    review = selfcare.review(THIS_WEEK)
    assert (review.week_start, review.helped, review.drained, review.next_week) == (
        THIS_WEEK,
        "The walk",
        "Late nights",
        "Book leave",
    )
    assert review.created_at == review.updated_at == clock.now()
    clock.advance(hours=1)
    assert selfcare.save_review(THIS_WEEK, "The walk", "Late nights", "Book leave") == Changes()
    assert selfcare.save_review(THIS_WEEK, "The walk, twice", "", "") == CHANGED
    again = selfcare.review(THIS_WEEK)
    assert (again.id, again.helped, again.drained) == (review.id, "The walk, twice", "")
    assert (again.created_at, again.updated_at) == (review.created_at, clock.now())


def test_each_week_has_its_own(selfcare):
    last = THIS_WEEK - dt.timedelta(days=7)
    selfcare.save_review(last, "A", "", "")
    selfcare.save_review(THIS_WEEK, "B", "", "")
    assert selfcare.review(last).helped == "A"
    assert selfcare.reviewed_weeks() == [THIS_WEEK, last]


def test_clearing_every_answer_removes_the_review(selfcare):
    assert selfcare.save_review(THIS_WEEK, "", " ", "") == Changes()
    selfcare.save_review(THIS_WEEK, "A", "", "")
    assert selfcare.save_review(THIS_WEEK, "", "", "  ") == CHANGED
    assert selfcare.review(THIS_WEEK) is None


@pytest.mark.parametrize(
    ("week", "fields", "message"),
    [
        (dt.date(2026, 11, 17), ("a", "", ""), "starts on a Monday"),
        (dt.datetime(2026, 11, 16, 9), ("a", "", ""), "calendar date"),
        ("2026-11-16", ("a", "", ""), "calendar date"),
        (THIS_WEEK + dt.timedelta(days=7), ("a", "", ""), "this week or any week before"),
        (THIS_WEEK, (SECRET * 1000, "", ""), "What helped can be up to"),
        (THIS_WEEK, ("", SECRET + "\x00", ""), "can't store"),
        (THIS_WEEK, ("", "", None), "needs to be text"),
    ],
)
def test_bad_reviews_are_refused_without_repeating_them(selfcare, week, fields, message):
    assert len(SECRET * 1000) > MAX_REVIEW_CHARS
    with pytest.raises(ValidationError, match=message) as caught:
        selfcare.save_review(week, *fields)
    assert SECRET not in str(caught.value)
    assert selfcare.reviewed_weeks() == []
