"""A caseworker books, cancels and reschedules supervision through the real widgets.

A supervisor with weekly availability is made with the service on the same team file
(SQLite here; PostgreSQL too for the booking itself). The clock stands still at Sunday
22 November 2026, 09:00 in Sydney: Sam offers Mondays and Wednesdays, 10:00 and 11:15.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtCore import Qt

from app.reminders.model import ReminderKind
from app.supervision.model import Modality, OfferSettings, Slot, Window, WindowKind
from app.supervision.policy import AttendanceStatus
from app.supervision.service import SupervisionService
from app.team.roles import Role
from app.team.store import TeamStore
from tests.helpers.fakes import SYDNEY
from ui.pages.supervision import SupervisionPage
from ui.supervision.caseworker import CaseworkerPanel
from ui.supervision.dialogs import BookDialog, CancelDialog, RescheduleDialog

pytestmark = pytest.mark.gui

MARKER = "AGENDA-MARKER-5521 my caseload after the flood"
TAKEN = "That time was just taken. Please choose another."
LINK = "https://meet.example/sam"


@dataclass
class Team:
    url: str
    sam: str  # the supervisor's person id


def make_supervisor(url: str, clock) -> str:
    store = TeamStore.open(url)
    try:
        sam = store.choose_local_person("Sam Rivers", {Role.SUPERVISOR})
        service = SupervisionService(store, clock)
        service.save_offer(OfferSettings(min_notice_hours=24, horizon_days=14, tz=SYDNEY.key))
        service.add_window(
            Window(
                "",
                WindowKind.WEEKLY,
                dt.datetime(2026, 11, 23, 10, 0),
                dt.datetime(2026, 11, 23, 12, 30),
                rrule="FREQ=WEEKLY;BYDAY=MO,WE",
                modality=Modality.VIDEO,
                location=LINK,
            )
        )
        return sam.id
    finally:
        store.close()


def make_caseworker(url: str, name: str, supervisor_id: str, login: str | None = None):
    store = TeamStore.open(url, login=login)
    store.choose_local_person(name, {Role.CASEWORKER})
    store.choose_local_supervisors([supervisor_id])
    return store


@pytest.fixture
def team(page_ctx) -> Team:
    tend = page_ctx.tend
    url = tend.team_url()
    sam = make_supervisor(url, tend.clock)
    me = make_caseworker(url, "Casey Lim", sam)
    tend.settings.set("team_login", me.login or "")
    me.close()
    return Team(url, sam)


@pytest.fixture
def notices(page_ctx) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    page_ctx.notice_requested.connect(lambda level, text: found.append((level, text)))
    return found


def open_panel(ctx, qtbot) -> CaseworkerPanel:
    page = SupervisionPage(ctx)
    qtbot.addWidget(page)
    page.resize(1024, 640)
    page.show()
    page.activate(None)
    qtbot.waitUntil(ctx.tasks.idle)
    assert page.caseworker is not None, page.stack.currentWidget()
    return page.caseworker


def click(qtbot, widget) -> None:
    assert widget.isEnabled() and widget.isVisible(), widget.accessibleName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def book_first(panel: CaseworkerPanel, qtbot, agenda: str = "") -> Slot:
    slot = panel.picker.current_slot()
    assert slot is not None
    click(qtbot, panel.picker.book_button)
    dialog = panel.flows.dialog
    assert isinstance(dialog, BookDialog) and dialog.isVisible()
    if agenda:
        qtbot.keyClicks(dialog.agenda, agenda)
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(panel.ctx.tasks.idle)
    return slot


def team_files(url: str) -> bytes:
    path = Path(url.removeprefix("sqlite:///"))
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))


def test_free_times_are_shown_by_day_in_plain_words(page_ctx, team, qtbot):
    panel = open_panel(page_ctx, qtbot)

    slots = panel.picker.slots()
    assert len(slots) == 8  # Mon 23, Wed 25, Mon 30, Wed 2: 10:00 and 11:15 each
    first = slots[0].start.astimezone(SYDNEY)
    assert (first.day, first.hour) == (23, 10)
    texts = [panel.picker.list.item(i).text().strip() for i in range(3)]
    assert texts == [
        "Tomorrow",
        f"10:00 with Sam Rivers · 1 hour · Video call · {LINK}",
        f"11:15 with Sam Rivers · 1 hour · Video call · {LINK}",
    ]
    assert "no supervision on record" in panel.standing.text()
    assert "due" in panel.standing.text()
    assert not panel.picker.supervisor.isVisible()  # only one supervisor: no picker
    click(qtbot, panel.book_button)
    assert panel.picker.list.hasFocus()


def test_booking_keeps_the_agenda_private_and_reminds(page_ctx, team, qtbot, notices):
    panel = open_panel(page_ctx, qtbot)
    slot = book_first(panel, qtbot, MARKER)

    [booking] = panel.bookings.bookings()
    assert booking.start == slot.start and booking.status is AttendanceStatus.BOOKED
    assert booking.supervisor_name == "Sam Rivers"
    assert slot.start not in [s.start for s in panel.picker.slots()]
    assert "booked for Monday 23 November at 10:00" in panel.standing.text()
    assert "agenda noted" in panel.bookings.list.item(0).text()
    assert ("info", "Booked for Monday 23 November at 10:00.") in notices
    store = page_ctx.tend.require_store()
    # The agenda note is in the private store, and nowhere in the team file.
    assert store.agenda.get(booking.attendance_id) == MARKER
    assert MARKER.encode() not in team_files(team.url)
    assert b"AGENDA-MARKER" not in team_files(team.url)
    # The reminders know about the booking.
    [rule] = [r for r in store.reminders.rules() if r.kind is ReminderKind.SUPERVISION]
    assert [b[0] for b in rule.params["bookings"]] == [booking.attendance_id]


def test_cancelling_with_a_reason(page_ctx, team, qtbot, notices):
    panel = open_panel(page_ctx, qtbot)
    book_first(panel, qtbot)
    assert panel.bookings.cancel_button.isEnabled()

    click(qtbot, panel.bookings.cancel_button)
    dialog = panel.flows.dialog
    assert isinstance(dialog, CancelDialog)
    qtbot.keyClicks(dialog.reason, "Court day moved")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(page_ctx.tasks.idle)

    [booking] = panel.bookings.bookings()
    assert booking.status is AttendanceStatus.CANCELLED
    assert booking.reason == "Court day moved"
    assert panel.bookings.shown() == []  # folded away under "Show cancelled"
    click(qtbot, panel.bookings.show_cancelled)
    assert "cancelled (Court day moved)" in panel.bookings.list.item(0).text()
    assert not panel.bookings.cancel_button.isEnabled()
    assert not panel.bookings.reschedule_button.isEnabled()
    store = page_ctx.tend.require_store()
    [rule] = [r for r in store.reminders.rules() if r.kind is ReminderKind.SUPERVISION]
    assert rule.params["bookings"] == []  # no reminder for a cancelled session


def test_cancelling_inside_the_notice_period_is_explained_kindly(
    page_ctx, team, qtbot, notices, clock
):
    panel = open_panel(page_ctx, qtbot)
    book_first(panel, qtbot)
    clock.advance(hours=2)  # Sunday 11:00: Monday 10:00 is now 23 hours away

    click(qtbot, panel.bookings.cancel_button)
    click(qtbot, panel.flows.dialog.ok_button)
    qtbot.waitUntil(page_ctx.tasks.idle)

    level, text = notices[-1]
    assert level == "error" and "starts soon" in text and "supervisor" in text
    [booking] = panel.bookings.bookings()
    assert booking.status is AttendanceStatus.BOOKED


def test_rescheduling_moves_the_booking_and_its_agenda(page_ctx, team, qtbot, notices):
    panel = open_panel(page_ctx, qtbot)
    first = book_first(panel, qtbot, MARKER)
    old_id = panel.bookings.bookings()[0].attendance_id

    click(qtbot, panel.bookings.reschedule_button)
    dialog = panel.flows.dialog
    assert isinstance(dialog, RescheduleDialog)
    qtbot.waitUntil(page_ctx.tasks.idle)
    choices = dialog.picker.slots()
    assert first.start not in [s.start for s in choices]
    target = choices[0]  # Monday 11:15
    assert dialog.picker.select(target)
    click(qtbot, dialog.picker.book_button)
    qtbot.waitUntil(page_ctx.tasks.idle)

    live = [b for b in panel.bookings.bookings() if b.status is AttendanceStatus.BOOKED]
    assert [b.start for b in live] == [target.start]
    old = [b for b in panel.bookings.bookings() if b.attendance_id == old_id]
    assert [b.status for b in old] == [AttendanceStatus.CANCELLED]
    assert first.start in [s.start for s in panel.picker.slots()]  # free again
    store = page_ctx.tend.require_store()
    assert store.agenda.get(live[0].attendance_id) == MARKER
    assert store.agenda.get(old_id) == ""
    assert ("info", "Moved to Monday 23 November at 11:15.") in notices


def test_a_slot_taken_meanwhile_says_so_and_refreshes(page_ctx, team, qtbot, notices):
    panel = open_panel(page_ctx, qtbot)
    slot = panel.picker.current_slot()
    assert slot is not None
    # Someone else books the same time between listing and booking.
    alex = make_caseworker(team.url, "Alex Tran", team.sam)
    try:
        SupervisionService(alex, page_ctx.tend.clock).book(team.sam, slot)
    finally:
        alex.close()

    assert book_first(panel, qtbot, MARKER) == slot
    assert ("error", TAKEN) in notices
    assert panel.bookings.bookings() == []
    assert slot.start not in [s.start for s in panel.picker.slots()]
    # The words typed for the agenda are offered again with the next time picked.
    click(qtbot, panel.picker.book_button)
    dialog = panel.flows.dialog
    assert isinstance(dialog, BookDialog) and dialog.agenda_text() == MARKER
    dialog.reject()
    assert MARKER.encode() not in team_files(team.url)


def test_agenda_can_be_edited_later(page_ctx, team, qtbot):
    panel = open_panel(page_ctx, qtbot)
    book_first(panel, qtbot)
    click(qtbot, panel.bookings.agenda_button)
    dialog = panel.flows.dialog
    qtbot.waitUntil(page_ctx.tasks.idle)
    assert dialog.agenda.isEnabled() and dialog.agenda_text() == ""
    qtbot.keyClicks(dialog.agenda, MARKER)
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(page_ctx.tasks.idle)

    [booking] = panel.bookings.bookings()
    assert page_ctx.tend.require_store().agenda.get(booking.attendance_id) == MARKER
    assert "agenda noted" in panel.bookings.list.item(0).text()


def test_add_to_calendar_writes_an_ics_without_the_agenda(page_ctx, team, qtbot, tmp_path):
    panel = open_panel(page_ctx, qtbot)
    slot = book_first(panel, qtbot, MARKER)
    panel.bookings.list.setCurrentRow(0)
    out = tmp_path / "one.ics"

    panel.flows.save_calendar(panel.bookings.bookings(), out)
    qtbot.waitUntil(page_ctx.tasks.idle)

    data = out.read_bytes()
    assert MARKER.encode() not in data
    [event] = Calendar.from_ical(data).walk("VEVENT")
    assert event.decoded("DTSTART").astimezone(dt.UTC) == slot.start
    assert LINK in str(event.get("LOCATION"))


def test_show_past_includes_earlier_sessions(page_ctx, team, qtbot, clock):
    panel = open_panel(page_ctx, qtbot)
    book_first(panel, qtbot)
    clock.advance(days=2)  # Tuesday: Monday's session is over
    panel.refresh()
    qtbot.waitUntil(page_ctx.tasks.idle)
    assert panel.bookings.bookings() == []

    click(qtbot, panel.bookings.show_past)
    qtbot.waitUntil(page_ctx.tasks.idle)
    [past] = panel.bookings.bookings()
    assert past.status is AttendanceStatus.BOOKED  # not marked yet: presumed held
    assert not panel.bookings.cancel_button.isEnabled()
    assert "yesterday" in panel.standing.text()


def test_booking_on_postgres(page_ctx, qtbot, pg_admin_url, role_prefix, monkeypatch, notices):
    from app.team import provision
    from tests.helpers.pgcluster import url_for

    provision.init(pg_admin_url)
    sup, me = f"{role_prefix}sam", f"{role_prefix}casey"
    provision.add_user(pg_admin_url, sup, [Role.SUPERVISOR], display_name="Sam Rivers")
    provision.add_user(pg_admin_url, me, [Role.CASEWORKER], display_name="Casey Lim")
    provision.assign(pg_admin_url, me, sup)
    sam = TeamStore.open(url_for(pg_admin_url, user=sup))
    try:
        service = SupervisionService(sam, page_ctx.tend.clock)
        service.add_window(
            Window(
                "",
                WindowKind.WEEKLY,
                dt.datetime(2026, 11, 23, 10, 0),
                dt.datetime(2026, 11, 23, 11, 0),
                rrule="FREQ=WEEKLY;BYDAY=MO",
                location=LINK,
            )
        )
    finally:
        sam.close()
    monkeypatch.setenv("TEND_TEAM_URL", url_for(pg_admin_url, user=me))

    panel = open_panel(page_ctx, qtbot)
    slot = book_first(panel, qtbot, MARKER)

    [booking] = panel.bookings.bookings()
    assert booking.start == slot.start and booking.status is AttendanceStatus.BOOKED
    assert page_ctx.tend.require_store().agenda.get(booking.attendance_id) == MARKER
    assert not [n for n in notices if n[0] == "error"]


def test_every_control_has_an_accessible_name(page_ctx, team, qtbot):
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QComboBox, QWidget

    panel = open_panel(page_ctx, qtbot)
    book_first(panel, qtbot)
    kinds = (QAbstractButton, QAbstractItemView, QComboBox)
    controls = [
        w
        for w in panel.findChildren(QWidget)
        if isinstance(w, kinds)
        and not isinstance(w.parentWidget(), QComboBox)
        and w.window() is panel.window()  # not the combo box's own pop-up list
    ]
    assert len(controls) >= 10
    assert [type(w).__name__ for w in controls if not w.accessibleName()] == []
