"""The Supervising tab, driven through its real widgets over a real SQLite team file.

Sam supervises Alex, Jo and Kim. Sam publishes availability through the forms;
the caseworkers book through the real service (as their own Tend would); Sam
cancels with a reason, marks sessions held or missed, and sees who is due.
The clock is fixed: Sunday 22 November 2026, 09:00 in Sydney.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.domain import CheckinDraft, NoteDraft
from app.supervision.model import Modality, OfferSettings, Window, WindowKind
from app.supervision.policy import AttendanceStatus
from app.supervision.recurrence import weekly_rule
from app.supervision.service import SupervisionService
from app.team import provision
from app.team.roles import Role
from app.team.store import TeamStore
from tests.helpers.fakes import SYDNEY
from ui.supervision.state import TeamState
from ui.supervision.supervisor import SupervisorPanel

pytestmark = pytest.mark.gui

LINK = "https://meet.example.org/sam"
MARKER = "PRIVATE-MARKER-7f3a"


@pytest.fixture
def team_url(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'team.sqlite3'}"
    provision.init(url)
    provision.add_user(url, "sam", [Role.SUPERVISOR], display_name="Sam")
    for login, name, started in (
        ("alex", "Alex", dt.date(2025, 1, 6)),  # over six months: fortnightly
        ("jo", "Jo", dt.date(2026, 10, 1)),  # new: weekly
        ("kim", "Kim", None),
    ):
        provision.add_user(url, login, [Role.CASEWORKER], display_name=name, started_on=started)
        provision.assign(url, login, "sam")
    return url


@pytest.fixture
def stores(team_url) -> Iterator[dict[str, TeamStore]]:
    opened = {login: TeamStore.open(team_url, login=login) for login in ("sam", "alex", "jo")}
    yield opened
    for store in opened.values():
        store.close()


@pytest.fixture
def caseworker(stores, page_ctx):
    """``caseworker("alex")``: that person's own service, on the same fixed clock."""
    return lambda login: SupervisionService(stores[login], page_ctx.tend.clock)


@pytest.fixture
def sam_service(stores, page_ctx) -> SupervisionService:
    return SupervisionService(stores["sam"], page_ctx.tend.clock)


@pytest.fixture
def notices(page_ctx) -> list[tuple[str, str]]:
    seen: list[tuple[str, str]] = []
    page_ctx.notice_requested.connect(lambda level, text: seen.append((level, text)))
    return seen


def _panel(qtbot, ctx, team: TeamStore, size=(1024, 640)) -> SupervisorPanel:
    state = TeamState(ctx)
    panel = SupervisorPanel(ctx, state)
    state.setParent(panel)  # as on the page: the state goes when the panel goes
    qtbot.addWidget(panel)
    panel.resize(*size)
    panel.show()
    state.attach(team)
    qtbot.waitUntil(lambda: panel.loaded)
    qtbot.waitUntil(ctx.tasks.idle)
    return panel


@pytest.fixture
def panel(qtbot, page_ctx, stores) -> SupervisorPanel:
    return _panel(qtbot, page_ctx, stores["sam"])


def _settle(qtbot, panel: SupervisorPanel) -> None:
    qtbot.waitUntil(panel.ctx.tasks.idle)


def _local(moment: dt.datetime) -> str:
    return moment.astimezone(SYDNEY).strftime("%a %d %b %H:%M")


def _book(service: SupervisionService, supervisor_id: str, local: dt.datetime):
    wanted = local.replace(tzinfo=SYDNEY)
    slot = next(s for s in service.free_slots(supervisor_id) if s.start == wanted)
    return service.book(supervisor_id, slot)


def _weekly(service: SupervisionService, days: set[int], first: dt.date) -> None:
    service.add_window(
        Window(
            "",
            WindowKind.WEEKLY,
            dt.datetime.combine(first, dt.time(9)),
            dt.datetime.combine(first, dt.time(12)),
            weekly_rule(days),
            Modality.VIDEO,
            LINK,
        )
    )


def _texts(widget: QWidget) -> list[str]:
    return [w.text() for w in widget.findChildren(QLabel) if w.isVisibleTo(widget) and w.text()]


# -- availability ----------------------------------------------------------------------------
def test_publishing_availability_through_the_forms_gives_the_free_slots(
    qtbot, panel, stores, caseworker, notices
):
    offer = panel.offer
    offer.length.setValue(50)
    offer.buffer.setValue(10)
    offer.notice.setValue(24)
    offer.horizon.setValue(21)
    offer.daily.setValue(4)
    offer.save_button.click()
    _settle(qtbot, panel)
    assert "Saved" in offer.saved.text()
    saved = SupervisionService(stores["sam"], panel.ctx.tend.clock).offer()
    assert saved == OfferSettings(50, 10, 24, 21, 4, "Australia/Sydney")

    form = panel.availability.form
    assert form.weekly.isChecked()
    form.set_days({1, 3})  # Tuesday, Thursday
    form.start_time.setTime(QTime(9, 0))
    form.end_time.setTime(QTime(12, 0))
    form.modality.setCurrentIndex(form.modality.findData(Modality.VIDEO.value))
    form.location.setText(LINK)
    form.add_button.click()
    _settle(qtbot, panel)

    form.once.setChecked(True)
    form.date.setDate(QDate(2026, 11, 28))
    form.start_time.setTime(QTime(14, 0))
    form.end_time.setTime(QTime(16, 0))
    form.modality.setCurrentIndex(form.modality.findData(Modality.IN_PERSON.value))
    form.location.setText("Room 4")
    form.group_size.setCurrentIndex(1)
    form.places.setValue(4)
    form.add_button.click()
    _settle(qtbot, panel)

    leave = panel.availability.leave
    leave.first.setDate(QDate(2026, 12, 1))
    leave.last.setDate(QDate(2026, 12, 3))
    leave.add_button.click()
    _settle(qtbot, panel)

    assert panel.availability.list.texts() == [
        f"Every Tuesday and Thursday, 9:00–12:00 · Video call, {LINK} · one person",
        "Once, on Saturday 28 November, 14:00–16:00 · In person, Room 4 · a group of up to 4",
        "Away from 1 December until 3 December",
    ]
    assert notices == []

    sam_id = stores["sam"].me.id
    slots = caseworker("alex").free_slots(sam_id)
    # 50 minutes + a 10-minute break: a start every hour; 24 hours' notice; 21 days ahead;
    # nothing while Sam is away (Tuesday 1 and Thursday 3 December).
    assert [_local(s.start) for s in slots] == [
        "Tue 24 Nov 09:00",
        "Tue 24 Nov 10:00",
        "Tue 24 Nov 11:00",
        "Thu 26 Nov 09:00",
        "Thu 26 Nov 10:00",
        "Thu 26 Nov 11:00",
        "Sat 28 Nov 14:00",
        "Sat 28 Nov 15:00",
        "Tue 08 Dec 09:00",
        "Tue 08 Dec 10:00",
        "Tue 08 Dec 11:00",
        "Thu 10 Dec 09:00",
        "Thu 10 Dec 10:00",
        "Thu 10 Dec 11:00",
    ]
    assert all(s.end - s.start == dt.timedelta(minutes=50) for s in slots)
    saturday = [s for s in slots if s.start.astimezone(SYDNEY).day == 28]
    assert {(s.modality, s.location, s.capacity) for s in saturday} == {
        (Modality.IN_PERSON, "Room 4", 4)
    }


def test_a_form_mistake_is_a_calm_line_and_nothing_is_saved(qtbot, panel, sam_service):
    form = panel.availability.form
    form.add_button.click()  # no day chosen
    assert form.problem.line.isVisibleTo(panel)
    assert form.problem.line.text() == "Please choose at least one day of the week."
    form.set_days({0})
    form.start_time.setTime(QTime(12, 0))
    form.end_time.setTime(QTime(9, 0))
    form.add_button.click()
    assert form.problem.line.text() == "Please choose an end time after the start time."
    leave = panel.availability.leave
    leave.first.setDate(QDate(2026, 12, 5))
    leave.last.setDate(QDate(2026, 12, 1))
    leave.add_button.click()
    assert leave.problem.line.text() == "Please choose a last day on or after the first."
    _settle(qtbot, panel)
    assert sam_service.windows() == []


def test_remove_a_published_time_and_undo(qtbot, panel, sam_service):
    _weekly(sam_service, {0}, dt.date(2026, 11, 23))
    panel.refresh_lists()
    _settle(qtbot, panel)
    assert panel.availability.list.texts() == [
        f"Every Monday, 9:00–12:00 · Video call, {LINK} · one person · from 23 November"
    ]
    offered: list[tuple[str, object]] = []
    panel.ctx.undo_offered.connect(lambda text, undo: offered.append((text, undo)))
    remove = panel.availability.list.remove_button(0)
    assert remove.accessibleName().startswith("Remove: Every Monday")
    remove.click()
    _settle(qtbot, panel)
    assert sam_service.windows() == []
    assert panel.availability.list.texts() == []
    assert not panel.availability.list.empty.isHidden()
    text, undo = offered[0]
    assert text.startswith("Removed: Every Monday")
    undo()  # type: ignore[operator]
    _settle(qtbot, panel)
    assert [w.rrule for w in sam_service.windows()] == ["FREQ=WEEKLY;BYDAY=MO"]
    assert len(panel.availability.list.texts()) == 1


def test_someone_without_the_supervisor_role_sees_a_calm_banner(qtbot, page_ctx, stores, notices):
    state = TeamState(page_ctx)
    panel = SupervisorPanel(page_ctx, state)
    state.setParent(panel)
    qtbot.addWidget(panel)
    state.attach(stores["alex"])
    qtbot.waitUntil(page_ctx.tasks.idle)
    assert not panel.loaded
    assert notices and all(level == "error" for level, _ in notices)
    assert "role" in notices[0][1]


# -- sessions ----------------------------------------------------------------------------------
@pytest.fixture
def booked(qtbot, panel, stores, sam_service, caseworker):
    """Alex on Tuesday 24 November at 9:00, Jo on Thursday 26 November at 9:00."""
    _weekly(sam_service, {1, 3}, dt.date(2026, 11, 22))
    sam_id = stores["sam"].me.id
    alex = _book(caseworker("alex"), sam_id, dt.datetime(2026, 11, 24, 9))
    jo = _book(caseworker("jo"), sam_id, dt.datetime(2026, 11, 26, 9))
    panel.state.bookings_changed.emit()
    _settle(qtbot, panel)
    return alex, jo


def test_cancel_with_a_reason_reaches_the_caseworker(qtbot, panel, booked, caseworker):
    alex, _jo = booked
    sessions = panel.sessions
    assert [(c.heading.text(), c.how.text()) for c in sessions.cards] == [
        ("Tuesday 24 November, 9:00–10:00", f"Video call · {LINK}"),
        ("Thursday 26 November, 9:00–10:00", f"Video call · {LINK}"),
    ]
    card = sessions.cards[0]
    assert card.lines[alex.attendance_id].text() == "Alex"
    assert card.cancel_button is not None and not card.mark_buttons  # not started yet
    card.cancel_button.click()
    dialog = sessions.dialog
    assert dialog is not None and dialog.isVisible()
    assert "Alex will see" in " ".join(_texts(dialog))
    assert dialog.reason.placeholderText().startswith("For example")
    dialog.ok_button.click()  # no reason yet: asked kindly, still open
    assert dialog.isVisible()
    assert dialog.problem.text() == "Please give a short reason, so people know why."
    dialog.reason.setPlainText("  I'm unwell today,\nsorry to move this.  ")
    dialog.ok_button.click()
    assert not dialog.isVisible()
    _settle(qtbot, panel)

    mine = caseworker("alex").my_bookings(include_past=True)
    assert [(b.status, b.reason) for b in mine] == [
        (AttendanceStatus.CANCELLED, "I'm unwell today, sorry to move this.")
    ]
    card = sessions.cards[0]
    assert card.lines[alex.attendance_id].text() == (
        "Alex — Cancelled: I'm unwell today, sorry to move this."
    )
    assert card.cancel_button is None
    # Jo's session is untouched.
    assert caseworker("jo").my_bookings()[0].status is AttendanceStatus.BOOKED


def test_keep_it_cancels_nothing(qtbot, panel, booked, caseworker):
    panel.sessions.cards[0].cancel_button.click()
    dialog = panel.sessions.dialog
    dialog.reason.setPlainText("Changed my mind")
    dialog.keep_button.click()
    _settle(qtbot, panel)
    assert caseworker("alex").my_bookings()[0].status is AttendanceStatus.BOOKED


def test_a_session_the_caseworker_moved_reads_moved_to_its_new_time(
    qtbot, panel, booked, stores, caseworker
):
    alex, _jo = booked
    service, sam_id = caseworker("alex"), stores["sam"].me.id
    wanted = dt.datetime(2026, 12, 1, 9, tzinfo=SYDNEY)
    slot = next(s for s in service.free_slots(sam_id) if s.start == wanted)
    moved = service.reschedule(alex.attendance_id, sam_id, slot)
    panel.state.bookings_changed.emit()
    _settle(qtbot, panel)

    lines = {i: c.lines[i].text() for c in panel.sessions.cards for i in c.lines}
    assert lines[alex.attendance_id] == "Alex — Moved to Tuesday 1 December at 9:00"
    assert lines[moved.attendance_id] == "Alex"  # the new session, coming up


def test_mark_held_and_missed_once_sessions_have_started(
    qtbot, panel, booked, sam_service, caseworker
):
    alex, jo = booked
    panel.ctx.tend.clock.set(dt.datetime(2026, 11, 27, 9, tzinfo=SYDNEY))
    panel.refresh_lists()
    _settle(qtbot, panel)
    sessions = panel.sessions
    assert not sessions.no_upcoming.isHidden()
    recent = {c.bookings[0].attendance_id: c for c in sessions.cards}
    assert recent[jo.attendance_id].lines[jo.attendance_id].text() == "Jo — Not marked yet"
    assert recent[alex.attendance_id].cancel_button is None

    held = recent[alex.attendance_id].mark_buttons[(alex.attendance_id, AttendanceStatus.HELD)]
    assert isinstance(held, QAbstractButton) and held.accessibleName() == "Mark as held: Alex"
    held.click()
    _settle(qtbot, panel)
    recent = {c.bookings[0].attendance_id: c for c in panel.sessions.cards}
    missed = recent[jo.attendance_id].mark_buttons[(jo.attendance_id, AttendanceStatus.MISSED)]
    missed.click()
    _settle(qtbot, panel)

    statuses = {
        b.person_name: b.status
        for b in sam_service.sessions_between(
            dt.datetime(2026, 11, 1, tzinfo=dt.UTC), dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
        )
    }
    assert statuses == {"Alex": AttendanceStatus.HELD, "Jo": AttendanceStatus.MISSED}
    recent = {c.bookings[0].attendance_id: c for c in panel.sessions.cards}
    alex_card = recent[alex.attendance_id]
    assert alex_card.lines[alex.attendance_id].text() == "Alex — Held"
    # A mark can be changed: only the other choice is offered.
    assert list(alex_card.mark_buttons) == [(alex.attendance_id, AttendanceStatus.MISSED)]
    assert caseworker("jo").my_standing().last_held is None  # a missed session doesn't count


# -- supervisees -------------------------------------------------------------------------------
def test_overdue_supervisee_is_listed_first_without_blame_or_private_data(
    qtbot, panel, stores, sam_service, caseworker
):
    store = panel.ctx.tend.require_store()
    store.checkins.save(CheckinDraft(day=dt.date(2026, 11, 21), mood=2, note=MARKER))
    store.journal.add_note(NoteDraft(day=dt.date(2026, 11, 21), body=MARKER, tags=()))
    clock = panel.ctx.tend.clock
    _weekly(sam_service, {4}, dt.date(2026, 10, 2))  # Fridays
    sam_id = stores["sam"].me.id
    clock.set(dt.datetime(2026, 10, 26, 9, tzinfo=SYDNEY))
    _book(caseworker("alex"), sam_id, dt.datetime(2026, 10, 30, 9))
    _book(caseworker("jo"), sam_id, dt.datetime(2026, 11, 20, 9))
    clock.set(dt.datetime(2026, 11, 22, 9, tzinfo=SYDNEY))
    panel.refresh_lists()
    _settle(qtbot, panel)

    section = panel.supervisees
    assert section.lines == [
        "Alex — last supervision 23 days ago; due by 13 November",
        "Kim — no supervision on record yet; due today",
        "Jo — last supervision 2 days ago; due by 27 November",
    ]
    assert not section.due_heading.isHidden()
    assert section.due.count() == 1  # Alex alone under "Due for supervision now"
    shown = " ".join(_texts(section)).lower()
    for word in ("late", "behind", "failed", "overdue", MARKER.lower(), "mood"):
        assert word not in shown
    assert "Fortnightly" in _texts(section) and "Weekly" in _texts(section)


def test_tabs_and_names_for_keyboard_and_screen_reader(panel):
    tabs = panel.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "Availability",
        "Sessions",
        "Supervisees",
    ]
    panel.show_tab("supervisees")
    assert tabs.currentIndex() == 2
    controls = [
        w
        for w in panel.findChildren(QWidget)
        if isinstance(w, QAbstractButton | QAbstractSpinBox | QComboBox | QLineEdit)
        and not w.objectName().startswith("qt_")  # the parts Qt builds inside a control
    ]
    assert len(controls) > 20
    unnamed = [w for w in controls if not w.accessibleName()]
    assert unnamed == []
