"""F1 from inside every dialog: help comes up above it, takes the focus, and Esc
closes help first, leaving the dialog as it was.

Each dialog is opened the way its page opens it (window-modal ``open()``, or a
plain ``show()`` for the guided pause); the key goes to the widget that has the
focus inside it, as a person's key press would.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from app.signals.signal import Signal as TendSignal

pytestmark = pytest.mark.gui

A_SIGNAL = TendSignal(
    key="demo",
    rule="demo",
    title="A gentle note",
    body="Something to notice.",
    based_on="Three days",
    suggestions=(),
)


def _note_editor(window, ctx):
    from ui.pages.journal_editor import NoteEditor

    return NoteEditor(ctx, None, [], window)


def _pause(window, ctx):
    from ui.pauses import open_pause

    return open_pause(window, ctx, "breathing")


def _grounding(window, ctx):
    from ui.pauses import open_pause

    return open_pause(window, ctx, "grounding")


def _book(window, ctx):
    from ui.supervision.dialogs import BookDialog

    return BookDialog("Tue 1 Dec 10:00 with Sam", parent=window)


def _agenda(window, ctx):
    from ui.supervision.dialogs import AgendaDialog

    return AgendaDialog("Tue 1 Dec 10:00 with Sam", window)


def _cancel_booking(window, ctx):
    from ui.supervision.dialogs import CancelDialog

    return CancelDialog("Tue 1 Dec 10:00 with Sam", window)


def _cancel_session(window, ctx):
    from ui.supervision.sessions import CancelSessionDialog

    return CancelSessionDialog("Tue 1 Dec 10:00", "Priya", window)


def _wording(window, ctx):
    from app.measures.definitions import load_definitions
    from ui.pages.measures_wording import WordingDialog

    published = [d for d in load_definitions().values() if d.kind == "published"]
    return WordingDialog(ctx, published[0], window)


def _summary(window, ctx):
    from ui.pages.signals_summary import SummaryDialog

    return SummaryDialog(ctx, [A_SIGNAL], window)


def _dismiss(window, ctx):
    from ui.pages.signals_cards import DismissDialog

    return DismissDialog(A_SIGNAL, window)


def _reminder_rule(window, ctx):
    from ui.pages.reminders_editor import RuleEditor

    return RuleEditor(None, window)


def _reschedule(window, ctx):
    from ui.supervision.dialogs import RescheduleDialog

    return RescheduleDialog("Tue 1 Dec 10:00 with Sam", window)


def _new_recovery_code(window, ctx):
    from ui.dialogs.security import NewRecoveryCodeDialog

    return NewRecoveryCodeDialog(ctx, window)


def _change_passphrase(window, ctx):
    from ui.dialogs.security import ChangePassphraseDialog

    return ChangePassphraseDialog(ctx, window)


DIALOGS: dict[str, Callable[..., QWidget]] = {
    "note editor": _note_editor,
    "breathing pause": _pause,
    "grounding pause": _grounding,
    "booking": _book,
    "agenda": _agenda,
    "cancel a booking": _cancel_booking,
    "cancel a session": _cancel_session,
    "questionnaire wording": _wording,
    "supervision summary": _summary,
    "set a signal aside": _dismiss,
    "reminder editor": _reminder_rule,
    "move a booking": _reschedule,
    "change passphrase": _change_passphrase,
    "new recovery code": _new_recovery_code,
}


@pytest.mark.parametrize("name", list(DIALOGS))
def test_f1_brings_help_above_the_dialog_and_esc_closes_help_first(main_window, qtbot, name):
    dialog = DIALOGS[name](main_window, main_window.ctx)
    if not dialog.isVisible():  # the pause shows itself; the others open as their pages do
        dialog.open()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    # What has the focus in the dialog (a dialog still loading may have nothing that
    # takes it: then the key goes to the dialog itself, as it does on a real screen).
    focused = QApplication.focusWidget()
    target = focused if focused is not None and focused.window() is dialog else dialog

    QTest.keyClick(target, Qt.Key.Key_F1)

    qtbot.waitUntil(lambda: main_window.help_dialog is not None)
    help_dialog = main_window.help_dialog
    qtbot.waitUntil(help_dialog.isVisible)
    # Not blocked by the dialog (it is the dialog's own child, or the dialog isn't modal),
    # and it has the focus.
    if isinstance(dialog, QDialog) and dialog.isModal():
        assert help_dialog.parentWidget() is dialog
    assert not QApplication.activeModalWidget() or help_dialog.isEnabled()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is help_dialog)
    assert help_dialog.windowTitle() == "Get help now"

    QTest.keyClick(QApplication.focusWidget() or help_dialog, Qt.Key.Key_Escape)

    qtbot.waitUntil(lambda: main_window.help_dialog is None)
    assert dialog.isVisible()  # Esc closed help, not the dialog underneath
    dialog.close()


def test_f1_twice_from_a_dialog_keeps_one_help_window(main_window, qtbot):
    dialog = _book(main_window, main_window.ctx)
    dialog.open()
    qtbot.waitExposed(dialog)
    main_window.show_help()
    first = main_window.help_dialog
    main_window.show_help()
    assert main_window.help_dialog is first
    first.close()
    qtbot.waitUntil(lambda: main_window.help_dialog is None)
    dialog.close()


def test_help_opened_before_a_dialog_moves_above_it(main_window, qtbot):
    main_window.show_help()
    earlier = main_window.help_dialog
    qtbot.waitUntil(earlier.isVisible)
    dialog = _agenda(main_window, main_window.ctx)
    dialog.open()
    qtbot.waitExposed(dialog)

    main_window.show_help()

    now = main_window.help_dialog
    assert now is not None and now is not earlier and now.parentWidget() is dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is now)
    now.close()
    qtbot.waitUntil(lambda: main_window.help_dialog is None)  # the old one's end changes nothing
    dialog.close()


@pytest.mark.parametrize("name", list(DIALOGS))
def test_every_dialog_has_its_own_get_help_now_that_opens_help_above_it(main_window, qtbot, name):
    from ui.dialog_help import help_button_of

    dialog = DIALOGS[name](main_window, main_window.ctx)
    if not dialog.isVisible():
        dialog.open()
    qtbot.waitExposed(dialog)
    button = help_button_of(dialog)
    assert button is not None and button.isVisible()
    assert button.accessibleName() == "Get help now"
    button.click()
    qtbot.waitUntil(lambda: main_window.help_dialog is not None)
    assert main_window.help_dialog.isVisible()
    if isinstance(dialog, QDialog) and dialog.isModal():
        assert main_window.help_dialog.parentWidget() is dialog
    assert help_button_of(main_window.help_dialog) is None  # not in help itself
    main_window.help_dialog.close()
    dialog.close()
    dialog.open() if isinstance(dialog, QDialog) and dialog.isModal() else dialog.show()
    qtbot.waitExposed(dialog)
    buttons = [b for b in dialog.findChildren(QWidget) if b.objectName() == button.objectName()]
    assert len(buttons) == 1  # shown again: still one
    dialog.close()
