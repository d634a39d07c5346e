"""The supervision summary: what is gathered, and the PDF's text read back with pypdf."""

from __future__ import annotations

import datetime as dt
import io
import os
import re

import pypdf
import pytest

from app.domain import CheckinDraft, DayKind, Exposure
from app.errors import UserFacingError, ValidationError
from app.summary.content import CHARTS, SummaryOptions, checkin_facts, gather
from app.summary.pdf import make_summary, render
from tests.app.signals.factories import TODAY, ago, merged, phq9, run

NOTES = "Talk about the Henderson case load.\nAsk about the leave roster."
START = ago(59)


@pytest.fixture
def store(unlocked):
    """Low mood for the last three weeks, a PHQ-9 twice in range and once before it."""
    s = unlocked.require_store()
    history = merged(
        run(140, mood=4, energy=3, exposure=Exposure.SOME, day_kind=DayKind.WORK),
        run(20, mood=2, energy=3, exposure=Exposure.A_LOT, day_kind=DayKind.WORK),
        run(40, 40, mood=4, exposure=Exposure.SOME, day_kind=DayKind.LEAVE),
    )
    for c in history:
        s.checkins.save(c)
    for total, day in ((4, ago(80)), (7, ago(30)), (12, ago(2))):
        s.measures.save("phq9", list(phq9(total, 0, TODAY).answers), day=day)
    return s


def text_of(data: bytes) -> str:
    """Every page's text, with runs of whitespace made single spaces."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))


def pages_of(data: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(data)).pages)


def everything(**changes) -> SummaryOptions:
    options = SummaryOptions(
        start=START,
        end=TODAY,
        checkins=True,
        signal_keys=("low-mood", "no-day-off"),
        charts=tuple(CHARTS),
        measures=True,
        notes=NOTES,
    )
    return SummaryOptions(**{**options.__dict__, **changes})


def test_checkin_facts_count_only_the_range():
    checkins = [
        CheckinDraft(day=ago(1), mood=2, exposure=Exposure.A_LOT),
        CheckinDraft(day=ago(2), mood=5, sleep=3, day_kind=DayKind.DAY_OFF),
        CheckinDraft(day=ago(3), day_kind=DayKind.LEAVE),
        CheckinDraft(day=ago(30), mood=1),
    ]
    facts = checkin_facts(checkins, ago(6), TODAY)  # type: ignore[arg-type]
    assert (facts.days, facts.checkins, facts.days_off, facts.leave) == (7, 3, 1, 1)
    mood, _energy, sleep, stress, *_ = facts.averages
    assert (mood.label, mood.mean, mood.answers) == ("Mood", 3.5, 2)
    assert (sleep.mean, stress.mean, stress.higher_is_better) == (3.0, None, False)
    assert facts.exposure == {Exposure.NONE: 0, Exposure.SOME: 0, Exposure.A_LOT: 1}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"start": ago(1), "end": ago(2)}, "first day needs to be before"),
        ({"end": ago(-1)}, "up to today"),
        ({"start": ago(4000)}, "up to ten years"),
        ({"charts": ("pie",)}, "doesn't know one of those charts"),
        ({"notes": "x" * 10_001}, "up to 10,000 characters"),
    ],
)
def test_options_are_checked(changes, message):
    with pytest.raises(ValidationError, match=message):
        everything(**changes).validated(TODAY)


def test_gather_reads_only_what_was_chosen(store):
    content = gather(store, everything(), TODAY)
    assert content.checkins is not None and content.checkins.checkins == 60
    assert [s.key for s in content.signals] == ["low-mood"]  # no-day-off isn't showing
    assert content.measures is not None
    [phq] = content.measures
    assert (phq.times, phq.latest, phq.scores) == (2, ago(2), (("Total", "12", "Moderate"),))
    assert content.chart_checkins[0].day == START - dt.timedelta(days=28)

    bare = gather(
        store, everything(checkins=False, signal_keys=(), charts=(), measures=False), TODAY
    )
    assert (bare.checkins, bare.signals, bare.measures) == (None, (), None)
    assert (bare.chart_checkins, bare.chart_measures) == ((), ())


def test_the_pdf_says_what_was_chosen_in_kind_words(store):
    data = render(gather(store, everything(), TODAY))
    text = text_of(data)
    for expected in (
        "Supervision summary",
        "24 Sep – 22 Nov 2026",
        "Made on 22 Nov 2026",
        "made by the person it describes",
        "shared by their choice",
        "not a clinical assessment or a diagnosis",
        "60 check-ins on the 60 days of this range",
        "Mood: 3.3 on average (60 answers; higher is better)",
        "Stress: no answers in this range.",
        "Distressing material: a lot on 21 days, some on 39 days, none on 0 days.",
        "What Tend noticed",
        "Your mood has been lower than usual for you",
        "Based on: Mood: average",
        "Questionnaires",
        "Patient Health Questionnaire (PHQ-9)",
        "Taken 2 times in this range; the latest on 20 Nov 2026.",
        "Total: 12 (Moderate)",
        "Robert L. Spitzer",  # the attribution the instrument's owners ask for
        "Notes",
        "Talk about the Henderson case load. Ask about the leave roster.",
        *CHARTS.values(),
    ):
        assert expected in text, expected
    assert "no-day-off" not in text and "a long stretch without a day off" not in text
    assert b"/FontFile2" in data  # TrueType (fonttype 42): the words are real text
    assert pages_of(data) >= 3


def test_sections_left_out_are_not_in_the_pdf(store):
    options = everything(checkins=False, signal_keys=(), charts=(), measures=False, notes="")
    text = text_of(render(gather(store, options, TODAY)))
    assert "Supervision summary" in text and "shared by their choice" in text
    for absent in (
        "Check-ins",
        "Mood",
        "What Tend noticed",
        "lower than usual",
        "Questionnaires",
        "PHQ-9",
        "Notes",
        "Henderson",
        CHARTS["trends"],
    ):
        assert absent not in text, absent


def test_chart_choices_are_the_chart_kinds():
    from app.charts.kinds import ChartKind

    assert set(CHARTS) == {k.value for k in ChartKind}


def test_nothing_to_say_is_said_plainly(unlocked):
    store = unlocked.require_store()
    options = everything(charts=tuple(CHARTS), notes="")
    data = render(gather(store, options, TODAY))
    assert pages_of(data) == 1 + len(CHARTS)  # every chart still gets its page, however empty
    text = text_of(data)
    assert "No check-ins in this range." in text
    assert "Nothing stands out right now." in text
    assert "No questionnaires were taken in this range." in text


def test_long_notes_flow_onto_more_pages(store):
    notes = "\n".join(f"Line {i}: something I'd like to talk over." for i in range(150))
    options = everything(checkins=False, signal_keys=(), charts=(), measures=False, notes=notes)
    data = render(gather(store, options, TODAY))
    assert pages_of(data) >= 3
    text = text_of(data)
    assert "Line 0:" in text and "Line 149:" in text and "Page 3" in text


def test_the_file_is_written_whole_and_private(store, tmp_path):
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "summary.pdf"
    assert make_summary(store, everything(charts=()), target, TODAY) == target
    assert "Your mood has been lower" in text_of(target.read_bytes())
    assert os.stat(target).st_mode & 0o777 == 0o600
    assert [p.name for p in target.parent.iterdir()] == ["summary.pdf"]  # no temp file left


def test_an_unwritable_place_gets_a_calm_sentence(store, tmp_path):
    with pytest.raises(UserFacingError, match="couldn't save the summary there"):
        make_summary(store, everything(charts=()), tmp_path / "missing" / "s.pdf", TODAY)
