""" "Get help now" inside every dialog, not only in the window behind it.

While a modal dialog is open the window's own "Get help now" can't be pressed, so
each of Tend's dialogs gets one of its own, top right, the first time it is shown.
It does what F1 does (``GlobalKeys`` turns both into the help window, above the
dialog). Added here, once, for every dialog: a new dialog can't forget it.
Left out: the help window itself, the crash notice, and Qt's own message, file and
print dialogs (they are short questions; F1 works in them all the same).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QWidget,
)

from ui.idle import belongs_to
from ui.style import mark

ADDED = "tendHelpButton"  # the dynamic property that marks a dialog already given one
LEFT_OUT = ("helpDialog", "crashDialog")  # object names


def help_button_of(dialog: QWidget) -> QPushButton | None:
    found = dialog.findChild(QPushButton, ADDED)
    return found if isinstance(found, QPushButton) else None


class DialogHelpButtons(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QDialog)
            and not isinstance(watched, QMessageBox | QFileDialog)
            and watched.objectName() not in LEFT_OUT
            and type(watched).__module__.startswith("ui.")
            and help_button_of(watched) is None
            and belongs_to(watched, self._window)
            and watched is not self._window
        ):
            add_help_button(watched)
        return False


def add_help_button(dialog: QDialog) -> QPushButton | None:
    layout = dialog.layout()
    if not isinstance(layout, QBoxLayout):
        return None
    button = QPushButton(dialog.tr("Get help now"), dialog)
    button.setObjectName(ADDED)
    button.setAccessibleName(dialog.tr("Get help now"))
    button.setToolTip(dialog.tr("Phone numbers of people who can help (F1)"))
    button.setAutoDefault(False)  # Enter in the dialog still means its own action
    mark(button, "help")
    button.clicked.connect(lambda: _press_f1(dialog))
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.addStretch(1)
    row.addWidget(button)
    layout.insertLayout(0, row)
    button.show()  # added while its dialog is being shown: Qt won't show it by itself
    layout.activate()  # lay the dialog out again now, at the size it is being shown at
    return button


def _press_f1(dialog: QDialog) -> None:
    """The same as pressing F1 in the dialog (ui.idle.GlobalKeys opens help from it)."""
    event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(dialog, event)
