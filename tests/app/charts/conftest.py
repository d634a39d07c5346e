"""Made-to-measure data for chart tests: every value is known from its day number."""

from __future__ import annotations

import datetime as dt

import pytest

from app.charts.figures import ChartData, chart_data
from app.charts.measures import MeasureHistory
from app.domain import Checkin, DayKind, Exposure
from app.measures.definitions import load_definitions
from app.measures.scoring import score
from app.services.measures import MeasureResult

TODAY = dt.date(2026, 11, 22)
DAYS = 200
FIRST = TODAY - dt.timedelta(days=DAYS - 1)
EXPOSURES = (Exposure.NONE, Exposure.SOME, Exposure.A_LOT)


def day(i: int) -> dt.date:
    return FIRST + dt.timedelta(days=i)


def made_checkins() -> list[Checkin]:
    """Day i: mood 1 + i % 5, energy 5 - i % 5, no sleep answer when i % 3 == 0, no
    check-in at all when i % 10 == 9; a day off every 7th day, leave on days 100-109."""
    out = []
    for i in range(DAYS):
        if i % 10 == 9:
            continue
        kind = DayKind.LEAVE if 100 <= i < 110 else DayKind.DAY_OFF if i % 7 == 6 else DayKind.WORK
        out.append(
            Checkin(
                day=day(i),
                mood=1 + i % 5,
                energy=5 - i % 5,
                sleep=None if i % 3 == 0 else 3,
                stress=2,
                workload=4,
                connection=3,
                exposure=EXPOSURES[i % 3],
                exposure_hours=float(i % 3),
                day_kind=kind,
            )
        )
    return out


def result(measure_id: str, on: dt.date, answers: list[int | None]) -> MeasureResult:
    scored = score(load_definitions()[measure_id], answers)
    return MeasureResult(
        id=f"{measure_id}-{on}",
        measure_id=measure_id,
        day=on,
        taken_at=dt.datetime.combine(on, dt.time(9), tzinfo=dt.UTC),
        answers=tuple(answers),
        scores=scored.scores,
        bands=scored.bands,
    )


def made_measures() -> tuple[MeasureHistory, ...]:
    defs = load_definitions()
    who5 = [
        result("who5", TODAY - dt.timedelta(days=14 * k), [3, 3, 3, 3, k % 6]) for k in (3, 2, 1, 0)
    ]
    proqol = [
        result("proqol5", TODAY - dt.timedelta(days=60), [3] * 30),
        result("proqol5", TODAY - dt.timedelta(days=30), [None] * 30),  # unscored: a gap
        result("proqol5", TODAY - dt.timedelta(days=2), [5] * 30),
    ]
    return (
        MeasureHistory(defs["who5"], tuple(who5)),
        MeasureHistory(defs["proqol5"], tuple(proqol)),
    )


@pytest.fixture
def data() -> ChartData:
    return chart_data(made_checkins(), TODAY, made_measures())
