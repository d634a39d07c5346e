"""The caseworker's lists read truthfully: free times name the supervisor, a moved
session says where it went, and cancelled ones wait under "Show cancelled".

The same team as tests/ui/supervision/test_caseworker.py: Sam Rivers offers Mondays and
Wednesdays at 10:00 and 11:15; the clock stands still at Sunday 22 November 2026, 09:00.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.supervision.policy import AttendanceStatus
from tests.ui.supervision.test_caseworker import (
    LINK,
    book_first,
    click,
    make_caseworker,
    make_supervisor,
    open_panel,
)
from ui.supervision.caseworker import CaseworkerPanel
from ui.supervision.dialogs import CancelDialog, RescheduleDialog

pytestmark = pytest.mark.gui

ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole


@pytest.fixture
def panel(page_ctx, qtbot) -> CaseworkerPanel:
    tend = page_ctx.tend
    url = tend.team_url()
    me = make_caseworker(url, "Casey Lim", make_supervisor(url, tend.clock))
    tend.settings.set("team_login", me.login or "")
    me.close()
    return open_panel(page_ctx, qtbot)


def settle(panel: CaseworkerPanel, qtbot) -> None:
    qtbot.waitUntil(panel.ctx.tasks.idle)


def reschedule_current(panel: CaseworkerPanel, qtbot, row: int = 0) -> RescheduleDialog:
    click(qtbot, panel.bookings.reschedule_button)
    dialog = panel.flows.dialog
    assert isinstance(dialog, RescheduleDialog)
    settle(panel, qtbot)
    assert dialog.picker.select(dialog.picker.slots()[row])
    click(qtbot, dialog.picker.book_button)
    settle(panel, qtbot)
    return dialog


def cancel_current(panel: CaseworkerPanel, qtbot) -> None:
    click(qtbot, panel.bookings.cancel_button)
    dialog = panel.flows.dialog
    assert isinstance(dialog, CancelDialog)
    click(qtbot, dialog.ok_button)
    settle(panel, qtbot)


def lines(panel: CaseworkerPanel) -> list[str]:
    view = panel.bookings.list
    return [view.item(i).text() for i in range(view.count())]


def test_free_times_name_the_supervisor(panel, qtbot):
    view = panel.picker.list
    row = view.item(1)
    assert row.text().strip() == f"10:00 with Sam Rivers · 1 hour · Video call · {LINK}"
    assert row.data(ACCESSIBLE) == (
        f"Tomorrow, 10:00 with Sam Rivers · 1 hour · Video call · {LINK}"
    )
    # Moving a booking offers times that name the supervisor too.
    book_first(panel, qtbot)
    click(qtbot, panel.bookings.reschedule_button)
    dialog = panel.flows.dialog
    assert isinstance(dialog, RescheduleDialog)
    settle(panel, qtbot)
    shown = [dialog.picker.list.item(i).text() for i in range(dialog.picker.list.count())]
    times = [t.strip() for t in shown if t.startswith("    ")]
    assert times and all(" with Sam Rivers · " in t for t in times)
    dialog.reject()


def test_a_rescheduled_session_reads_moved_to_its_new_time(panel, qtbot):
    book_first(panel, qtbot)  # Monday 23 November, 10:00
    reschedule_current(panel, qtbot)  # the first time left: Monday 11:15

    bookings = panel.bookings
    [live] = bookings.shown()
    assert live.status is AttendanceStatus.BOOKED
    assert bookings.current() == live  # the live one, not the one it replaced
    assert bookings.show_cancelled.isVisible()
    assert bookings.show_cancelled.text() == "Show &cancelled (1)"
    click(qtbot, bookings.show_cancelled)
    [first, second] = lines(panel)
    assert first.startswith("Monday 23 November, 10:00–11:00 · with Sam Rivers")
    assert "moved to Monday 23 November at 11:15" in first
    assert "cancelled" not in first
    assert second.startswith("Monday 23 November, 11:15–12:15 · with Sam Rivers")
    assert "moved" not in second
    old = bookings.list.item(0)
    assert "moved to Monday 23 November at 11:15" in old.data(ACCESSIBLE)
    assert bookings.current() == live  # unfolding picks nothing else out


def test_cancelled_bookings_are_folded_and_never_picked_out_by_default(panel, qtbot):
    book_first(panel, qtbot)  # Monday 10:00
    book_first(panel, qtbot)  # Monday 11:15
    bookings = panel.bookings
    assert not bookings.show_cancelled.isVisible()  # nothing cancelled: nothing to show
    assert bookings.list.currentRow() == 0
    cancel_current(panel, qtbot)

    [left] = bookings.shown()
    assert [b.status for b in bookings.bookings()] == [
        AttendanceStatus.CANCELLED,
        AttendanceStatus.BOOKED,
    ]
    assert bookings.current() == left and left.status is AttendanceStatus.BOOKED
    toggle = bookings.show_cancelled
    assert toggle.isVisible() and not toggle.isChecked()
    assert toggle.accessibleName() == "Show cancelled bookings too"
    # Reached from the keyboard: Tab from "Show past", then Space.
    window = panel.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    bookings.show_past.setFocus()
    assert bookings.show_past.hasFocus()
    qtbot.keyClick(bookings.show_past, Qt.Key.Key_Tab)
    assert toggle.hasFocus()
    qtbot.keyClick(toggle, Qt.Key.Key_Space)
    assert toggle.isChecked()
    assert [b.status for b in bookings.shown()] == [
        AttendanceStatus.CANCELLED,
        AttendanceStatus.BOOKED,
    ]
    assert bookings.current() == left  # the cancelled one is shown, not picked out
    assert "cancelled" in lines(panel)[0]

    # Only cancelled ones left: folded, it says where they are; unfolded, none is picked.
    cancel_current(panel, qtbot)
    qtbot.keyClick(toggle, Qt.Key.Key_Space)
    assert not toggle.isChecked()
    assert bookings.shown() == [] and not bookings.list.isVisible()
    assert "Show cancelled" in bookings.empty.text() and bookings.empty.isVisible()
    click(qtbot, toggle)
    assert len(bookings.shown()) == 2
    assert bookings.current() is None
    assert not bookings.cancel_button.isEnabled()
    assert not bookings.reschedule_button.isEnabled()
