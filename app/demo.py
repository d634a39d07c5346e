"""Synthetic history for screenshots, benchmarks and trying Tend out.

A made-up person: a work week and weekends, occasional heavy-exposure days,
a break every few months, slow drifts through harder stretches and back, some
days skipped, and a short note on about a third of days. Every word is generic
and gentle, written for this file; nothing is about a real case.

Questionnaire responses come from app.demo_measures, and a small self-care
plan with a few weekly reviews from app.demo_selfcare. Deterministic for a
seed. Written in a few large transactions straight to the
same tables, tags and full-text index the services use (app.data.entries).
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import demo_measures, demo_selfcare
from app.data.entries import (
    CHECKINS,
    NOTES,
    existing_checkin_days,
    insert_checkins,
    insert_notes,
)
from app.data.measure_entries import RESPONSES, insert_responses
from app.data.selfcare_entries import ITEMS, REVIEWS, insert_items, insert_reviews
from app.domain import Checkin, DayKind, Exposure, Note
from app.services.store import PrivateStore
from app.store.engine import writer

TAGS = ("court", "home visit", "supervision", "team", "walk", "hard case")
CHUNK_DAYS = 1000

_STEADY = (
    "A steady day. Got through the list and left on time.",
    "Quiet morning, busier afternoon. Made a proper lunch.",
    "Caught up on paperwork. Not exciting, but it feels lighter.",
    "Good chat with a colleague over coffee.",
    "Finished the week's reports. Glad that's done.",
    "Ordinary day, and that was fine.",
)
_HARD = (
    "A heavy one. Took a few minutes in the car before driving home.",
    "Hard conversation today. I did it carefully and I'm tired now.",
    "Carrying a lot from this week. Noticing it in my shoulders.",
    "Didn't sleep well, and the day felt long because of it.",
    "Hard to switch off tonight. Wrote it down so it can wait until tomorrow.",
    "Felt stretched thin. Asked for help with one thing, which helped.",
)
_BETTER = (
    "Lighter today. Laughed properly for the first time in a while.",
    "Slept well for once, and it showed.",
    "Things feel more manageable than last week.",
    "Remembered why I do this work. A small good moment.",
)
_OFF = (
    "Long walk in the morning. Phone stayed in the drawer.",
    "Slow day at home. Cooked something that took all afternoon.",
    "Saw friends. Didn't talk about work at all.",
    "Slept in, then the garden. Nice to be outside.",
    "A lazy day, on purpose.",
)
_LEAVE = (
    "On leave. Starting to feel the difference.",
    "Away for a few days. Nobody needs anything from me.",
    "Rest day. Read half a book.",
)
_EXTRA = (
    "Team meeting ran long, but we sorted out the roster.",
    "Supervision helped me see one case differently.",
    "Back-to-back visits. Remember to drink water.",
    "Court took most of the day. Waiting is tiring too.",
    "Took the stairs and a walk at lunch.",
    "Noted a few things to raise at supervision.",
)


@dataclass
class _Person:
    """Slowly drifting baselines (about 1–5) and a pull towards a target."""

    mood: float = 3.5
    energy: float = 3.3
    sleep: float = 3.4
    target: float = 3.5
    hard_days_left: int = 0

    def drift(self, rng: random.Random, on_break: bool) -> None:
        if self.hard_days_left > 0:
            self.hard_days_left -= 1
            if self.hard_days_left == 0:
                self.target = rng.uniform(3.3, 3.9)  # recovering
        elif rng.random() < 1 / 120:
            self.hard_days_left = rng.randint(14, 45)
            self.target = rng.uniform(2.2, 2.8)
        goal = self.target + (0.5 if on_break else 0.0)
        self.mood += 0.06 * (goal - self.mood) + rng.gauss(0, 0.12)
        self.energy += 0.06 * (goal - 0.2 - self.energy) + rng.gauss(0, 0.12)
        self.sleep += 0.05 * (goal - self.sleep) + rng.gauss(0, 0.10)


def _scale(value: float, rng: random.Random, skip: float = 0.03) -> int | None:
    if rng.random() < skip:
        return None  # nobody answers every question every day
    return max(1, min(5, round(value + rng.gauss(0, 0.45))))


def _leave_days(start: dt.date, end: dt.date, rng: random.Random) -> set[dt.date]:
    out: set[dt.date] = set()
    day = start + dt.timedelta(days=rng.randint(30, 120))
    while day <= end:
        length = rng.randint(5, 14)
        out.update(day + dt.timedelta(days=i) for i in range(length))
        day += dt.timedelta(days=length + rng.randint(70, 160))
    return out


def _exposure(kind: DayKind, rng: random.Random) -> tuple[Exposure, float | None]:
    roll = rng.random()
    if kind is DayKind.WORK:
        if roll < 0.17:
            return Exposure.A_LOT, rng.randint(4, 14) / 2
        if roll < 0.55:
            return Exposure.SOME, rng.randint(1, 6) / 2
        return Exposure.NONE, None
    return (Exposure.SOME, 0.5) if roll < 0.04 else (Exposure.NONE, None)


def _words(kind: DayKind, exposure: Exposure, mood: float, rng: random.Random) -> str:
    pool: tuple[str, ...]
    if kind is DayKind.LEAVE:
        pool = _LEAVE
    elif kind is DayKind.DAY_OFF:
        pool = _OFF
    elif exposure is Exposure.A_LOT or mood < 2.7:
        pool = _HARD
    elif mood > 3.8:
        pool = _BETTER
    else:
        pool = _STEADY
    text = rng.choice(pool)
    if kind is DayKind.WORK and rng.random() < 0.4:
        text += " " + rng.choice(_EXTRA)
    return text


def _tags(kind: DayKind, exposure: Exposure, rng: random.Random) -> tuple[str, ...]:
    chosen: set[str] = set()
    if kind is not DayKind.WORK:
        if rng.random() < 0.5:
            chosen.add("walk")
    else:
        if exposure is Exposure.A_LOT and rng.random() < 0.7:
            chosen.add("hard case")
        if rng.random() < 0.45:
            chosen.add(rng.choice(("court", "home visit", "supervision", "team")))
    return tuple(sorted(chosen))


def _moment(day: dt.date, tz: dt.tzinfo | None, rng: random.Random) -> dt.datetime:
    local = dt.datetime.combine(day, dt.time(17, 0), tzinfo=tz) + dt.timedelta(
        minutes=rng.randint(0, 300)
    )
    return local.astimezone(dt.UTC)


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _history(
    start: dt.date, end: dt.date, rng: random.Random, tz: dt.tzinfo | None
) -> tuple[list[Checkin], list[Note]]:
    person = _Person()
    leave = _leave_days(start, end, rng)
    checkins: list[Checkin] = []
    notes: list[Note] = []
    day = start
    while day <= end:
        kind = (
            DayKind.LEAVE
            if day in leave
            else (DayKind.WORK if day.weekday() < 5 else DayKind.DAY_OFF)
        )
        person.drift(rng, on_break=kind is not DayKind.WORK)
        exposure, hours = _exposure(kind, rng)
        heavy = exposure is Exposure.A_LOT
        skip = {DayKind.WORK: 0.08, DayKind.DAY_OFF: 0.25, DayKind.LEAVE: 0.35}[kind]
        at = _moment(day, tz, rng)
        if rng.random() >= skip:
            busy = 3.4 if kind is DayKind.WORK else 1.2
            text = _words(kind, exposure, person.mood, rng) if rng.random() < 0.22 else ""
            checkins.append(
                Checkin(
                    id=_uuid(rng),
                    day=day,
                    mood=_scale(person.mood - (0.4 if heavy else 0), rng),
                    energy=_scale(person.energy - (0.3 if heavy else 0), rng),
                    sleep=_scale(person.sleep, rng),
                    stress=_scale(busy + (0.9 if heavy else 0) + (3.2 - person.mood) * 0.5, rng),
                    workload=_scale(busy + (0.5 if day.weekday() == 0 else 0), rng),
                    connection=_scale(3.2 + (0.5 if kind is not DayKind.WORK else 0), rng, 0.1),
                    exposure=exposure,
                    exposure_hours=hours,
                    day_kind=kind,
                    note=text,
                    tags=_tags(kind, exposure, rng) if text else (),
                    created_at=at,
                    updated_at=at + dt.timedelta(minutes=rng.choice((0, 0, 0, 3, 40))),
                )
            )
        if rng.random() < 0.14:
            later = at + dt.timedelta(minutes=rng.randint(5, 90))
            notes.append(
                Note(
                    id=_uuid(rng),
                    day=day,
                    body=_words(kind, exposure, person.mood, rng),
                    tags=_tags(kind, exposure, rng),
                    created_at=later,
                    updated_at=later,
                )
            )
        day += dt.timedelta(days=1)
    return checkins, notes


def generate(store: PrivateStore, days: int, seed: int = 7, end: dt.date | None = None) -> int:
    """Write ``days`` days of made-up history ending at ``end`` (today), questionnaire
    responses, a self-care plan and weekly reviews included; return how many entries
    (check-ins and notes) were written.

    Days that already have a check-in keep it (the made-up one is left out), a
    questionnaire already taken on a day isn't made up again for that day, a plan is
    made up only while there is none, and a week with a review keeps its own.
    """
    if days <= 0:
        return 0
    now = store.clock.now()
    end = end or now.date()
    start = end - dt.timedelta(days=days - 1)
    checkins, notes = _history(start, end, random.Random(seed), now.tzinfo)
    # Its own random stream, so adding measures left the check-ins and notes as they were.
    responses = demo_measures.responses(
        checkins, start, end, random.Random(seed * 7919 + 1), now.tzinfo
    )
    written = 0
    engine = writer(store.engine)
    with Session(engine) as s, s.begin():
        taken = existing_checkin_days(s)
        known_checkins = set(s.scalars(select(CHECKINS.c.id)))
        known_notes = set(s.scalars(select(NOTES.c.id)))
        rows = s.execute(select(RESPONSES.c.measure_id, RESPONSES.c.day))
        known_taken = {(str(m), d) for m, d in rows}
        known_responses = set(s.scalars(select(RESPONSES.c.id)))
    # Running again (same seed) or over real entries adds only what isn't there yet.
    checkins = [c for c in checkins if c.day not in taken and c.id not in known_checkins]
    notes = [n for n in notes if n.id not in known_notes]
    responses = [
        r
        for r in responses
        if (r.measure_id, r.day) not in known_taken and r.id not in known_responses
    ]
    if responses:  # not counted: the count is of journal entries (check-ins and notes)
        with Session(engine) as s, s.begin():
            insert_responses(s, responses)
    _selfcare(store, start, end, random.Random(seed * 104729 + 3))
    for offset in range(0, max(len(checkins), len(notes)), CHUNK_DAYS):
        with Session(engine) as s, s.begin():
            batch_c = checkins[offset : offset + CHUNK_DAYS]
            batch_n = notes[offset : offset + CHUNK_DAYS]
            insert_checkins(s, batch_c)
            insert_notes(s, batch_n)
            written += len(batch_c) + len(batch_n)
    return written


def _selfcare(store: PrivateStore, start: dt.date, end: dt.date, rng: random.Random) -> None:
    """A small plan (only into an empty one) and reviews for weeks that have none."""
    tz = store.clock.now().tzinfo
    items = demo_selfcare.plan(start, rng, tz)
    reviews = demo_selfcare.reviews(start, end, rng, tz)
    with Session(writer(store.engine)) as s, s.begin():
        if s.scalars(select(ITEMS.c.id).limit(1)).first() is None:
            insert_items(s, items)
        weeks = set(s.scalars(select(REVIEWS.c.week_start)))
        known = set(s.scalars(select(REVIEWS.c.id)))
        insert_reviews(s, [r for r in reviews if r.week_start not in weeks and r.id not in known])
