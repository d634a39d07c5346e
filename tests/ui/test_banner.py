"""The banner: notices, and an Undo that keeps the journal's promise."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QWidget

from ui.banner import Banner

pytestmark = pytest.mark.gui


@pytest.fixture
def banner(qtbot) -> Iterator[Banner]:
    host = QWidget()
    qtbot.addWidget(host)
    banner = Banner(host)
    host.resize(800, 200)
    host.show()
    qtbot.waitExposed(host)
    yield banner  # `host` stays referenced (alive) until the test ends


def test_undo_stays_until_dismissed(banner, qtbot):
    ran: list[int] = []
    banner.offer_undo("Note deleted.", lambda: ran.append(1))
    assert banner.isVisible() and banner.undo_button.isVisible()
    assert banner.undo_message.text() == "Note deleted."
    assert not [t for t in banner.findChildren(QTimer) if t.isActive()]  # nothing hides it
    qtbot.mouseClick(banner.undo_close_button, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()
    banner.undo_button.click()  # hidden and let go: nothing to run
    assert ran == []


def test_a_notice_shows_alongside_a_pending_undo(banner, qtbot):
    ran: list[int] = []
    banner.offer_undo("Note deleted.", lambda: ran.append(1))
    banner.show_notice("error", "That didn't save.")
    assert banner.undo_button.isVisible() and banner.message.isVisible()
    assert banner.level == "error"
    qtbot.mouseClick(banner.close_button, Qt.MouseButton.LeftButton)  # dismisses the notice only
    assert banner.undo_button.isVisible()
    with qtbot.waitSignal(banner.undo_ran):
        qtbot.mouseClick(banner.undo_button, Qt.MouseButton.LeftButton)
    assert ran == [1]
    assert not banner.isVisible()


def test_a_new_undo_replaces_the_last(banner, qtbot):
    ran: list[str] = []
    banner.offer_undo("Note deleted.", lambda: ran.append("note"))
    banner.offer_undo("Check-in deleted.", lambda: ran.append("check-in"))
    assert banner.undo_message.text() == "Check-in deleted."
    qtbot.mouseClick(banner.undo_button, Qt.MouseButton.LeftButton)
    assert ran == ["check-in"]


def test_undo_and_notice_dismiss_separately(banner):
    banner.show_notice("info", "Saved.")
    banner.offer_undo("Note deleted.", lambda: None)
    banner.dismiss_undo()
    assert banner.isVisible() and not banner.undo_button.isVisible()
    banner.dismiss()
    assert not banner.isVisible()


def test_every_button_has_an_accessible_name(banner):
    banner.show_notice("info", "Saved.")
    banner.offer_undo("Note deleted.", lambda: None)
    buttons = banner.findChildren(QAbstractButton)
    assert len(buttons) == 3
    assert all(b.accessibleName() for b in buttons)
    assert len({b.accessibleName() for b in buttons}) == 3  # the two Dismisses differ


# -- a page's notice belongs to that page -------------------------------------------------------
def test_a_page_notice_shows_on_its_page_and_goes_when_leaving_it(banner):
    banner.show_page("signals")
    banner.show_notice("info", "Summary saved.", page="signals")
    assert banner.isVisible() and banner.message.text() == "Summary saved."
    assert banner.notice_page == "signals"
    banner.show_page("journal")
    assert not banner.isVisible() and not banner.message.isVisible()
    banner.show_page("signals")  # seen once and left: it doesn't come back
    assert not banner.isVisible()


def test_a_notice_for_a_page_not_on_screen_waits_for_it(banner):
    banner.show_page("journal")
    banner.show_notice("info", "Chart saved.", page="trends")  # a slow save, finished later
    assert not banner.isVisible()
    banner.show_page("checkin")
    assert not banner.isVisible()
    banner.show_page("trends")
    assert banner.isVisible() and banner.message.text() == "Chart saved."
    assert banner.notice_page == "trends"


def test_an_app_wide_notice_stays_whichever_page_is_open(banner):
    banner.show_page("settings")
    banner.show_notice("info", "Tend will remember your key on this device.")
    banner.show_page("journal")
    assert banner.isVisible() and banner.message.text().startswith("Tend will remember")
    assert banner.notice_page is None


def test_leaving_a_page_takes_its_notice_but_not_the_undo(banner):
    banner.show_page("journal")
    banner.offer_undo("Note deleted.", lambda: None)
    banner.show_notice("info", "Note saved.", page="journal")
    banner.show_page("checkin")
    assert banner.undo_button.isVisible() and not banner.message.isVisible()


def test_a_problem_shows_at_once_wherever_the_person_is_and_stays(banner):
    """An error from a page that isn't open (a backup that failed while the person moved
    on) is neither held back nor replaced unseen by that page's next notice."""
    banner.show_page("journal")
    banner.show_notice("error", "Tend couldn't write the backup there.", page="settings")
    assert banner.isVisible() and banner.level == "error"
    assert banner.message.text().startswith("Tend couldn't write the backup")
    banner.show_page("checkin")
    assert banner.isVisible() and banner.level == "error"
    banner.show_notice("info", "Exported 3 check-ins.", page="settings")  # waits for Settings
    assert banner.message.text().startswith("Tend couldn't write the backup")
