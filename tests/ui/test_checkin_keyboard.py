"""The check-in is ready for the keyboard: the focus is on its first question after
unlock, after onboarding and whenever the page is opened, and a check-in without a
note takes nine key presses."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

from app.domain import SCALES
from tests.helpers.fakes import PASSPHRASE
from tests.ui.test_onboarding import _finish_onboarding

pytestmark = pytest.mark.gui


def _first_question(window) -> QWidget:
    return window.workspace.pages["checkin"].rows[SCALES[0]]


def _close(window, qtbot) -> None:
    """Close as a person would: reminders stop, queued work finishes before teardown."""
    window.close()
    qtbot.waitUntil(window.tasks.idle)


def _focus_is_on_the_first_question(window) -> bool:
    focused = QApplication.focusWidget()
    first = _first_question(window)
    return focused is not None and (focused is first or first.isAncestorOf(focused))


def test_after_unlock_the_focus_is_on_the_first_question(make_window, tend, qtbot):
    tend.vault.create(PASSPHRASE).key.wipe()
    window = make_window(tend)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.lock_screen.passphrase.setText(PASSPHRASE)
    QTest.keyClick(window.lock_screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.state == "unlocked", timeout=10_000)
    # Offscreen Qt drops the window's activation when the busy lock screen disables the
    # focused field (a real X server doesn't: tests/e2e); activating again shows which
    # widget the window gave its focus to.
    window.activateWindow()
    qtbot.waitUntil(lambda: _focus_is_on_the_first_question(window))
    _close(window, qtbot)


def test_after_onboarding_the_focus_is_on_the_first_question(make_window, tend, qtbot):
    window = make_window(tend)
    window.activateWindow()
    _finish_onboarding(qtbot, window)
    qtbot.waitUntil(lambda: _focus_is_on_the_first_question(window))
    _close(window, qtbot)


def test_opening_the_page_puts_the_focus_on_the_first_question(main_window, qtbot):
    main_window.activateWindow()
    QTest.keyClick(main_window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: main_window.workspace.current_key() == "journal")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _focus_is_on_the_first_question(main_window))


def test_no_unnamed_scroll_area_sits_in_the_tab_chain(main_window, qtbot):
    page = main_window.workspace.pages["checkin"]
    start = QApplication.focusWidget() or page
    seen, widget = [], start.nextInFocusChain()
    while widget is not start and len(seen) < 400:
        if page.isAncestorOf(widget) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            seen.append(widget)
        widget = widget.nextInFocusChain()
    unnamed = [w for w in seen if isinstance(w, QAbstractScrollArea) and not w.accessibleName()]
    assert unnamed == [] or all(not (w.focusPolicy() & Qt.FocusPolicy.TabFocus) for w in unnamed)


def test_a_check_in_without_a_note_takes_nine_key_presses(main_window, qtbot):
    """Six answers, exposure, kind of day, Ctrl+Enter: each a real key event sent to
    whatever has the focus at that moment."""
    main_window.activateWindow()
    qtbot.waitUntil(lambda: _focus_is_on_the_first_question(main_window))
    page = main_window.workspace.pages["checkin"]
    keys = [
        (Qt.Key.Key_4, Qt.KeyboardModifier.NoModifier),  # mood
        (Qt.Key.Key_3, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_4, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_2, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_3, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_5, Qt.KeyboardModifier.NoModifier),  # connection
        (Qt.Key.Key_2, Qt.KeyboardModifier.NoModifier),  # exposure: some
        (Qt.Key.Key_1, Qt.KeyboardModifier.NoModifier),  # kind of day
        (Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier),  # save
    ]
    assert len(keys) == 9
    for key, mods in keys:
        QTest.keyClick(QApplication.focusWidget(), key, mods)
    store = main_window.ctx.tend.require_store()
    today = main_window.ctx.tend.clock.now().date()
    qtbot.waitUntil(lambda: store.checkins.get(today) is not None)
    saved = store.checkins.get(today)
    answers = [getattr(saved, scale) for scale in SCALES]
    assert answers == [4, 3, 4, 2, 3, 5]
    assert saved.exposure is not None and saved.exposure.value != "none"
    qtbot.waitUntil(lambda: page.message.text().startswith("Saved"))
