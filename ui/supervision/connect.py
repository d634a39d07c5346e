"""Panels shown before the team store is ready: connecting, a password, a problem.

The set-up panel (who you are on a local team file) is in ``ui.supervision.setup``.
A password typed here is handed to the page once and the field is cleared: it is
never kept in a widget, a file, a log or QSettings.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ui.style import button, label, mark

CONNECTING = "Connecting to your team…"
NOT_A_MEMBER = (
    "You're connected, but this login isn't set up as a team member yet. "
    "Your administrator can add you."
)
NO_ROLE = (
    "Supervision here is for caseworkers and supervisors. Your team role doesn't include "
    "either just now; your administrator can add one if it should."
)
NO_ROLE_LOCAL = (
    "Supervision here is for caseworkers and supervisors. If you are one of them, "
    "choose “Change my team details” and tick it."
)


class MessagePanel(QWidget):
    """One calm line, and an optional button (say, "Try again")."""

    action_requested = Signal()

    def __init__(self, action: str = "", name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = label("", "", self)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action = button(action, name or action.replace("&", ""))
        self.action.setVisible(bool(action))
        self.action.clicked.connect(self.action_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addWidget(self.action)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        self.setFocusProxy(self.action if action else self.message)

    def show_message(self, text: str, *, action: bool = True) -> None:
        self.message.setText(text)
        self.message.setAccessibleName(text)
        self.action.setVisible(action and bool(self.action.text()))


class PasswordPanel(QWidget):
    """The password for a PostgreSQL team database (the login is in the team address)."""

    connect_requested = Signal(str, bool)  # (password, remember on this device)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro = label("", "", self)
        self.field = QLineEdit(self)
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAccessibleName(self.tr("Team password"))
        self.field.returnPressed.connect(self._on_connect_clicked)
        caption = QLabel(self.tr("Team &password"), self)
        caption.setBuddy(self.field)
        self.remember = QCheckBox(self.tr("&Remember on this device"), self)
        self.remember.setAccessibleName(self.tr("Remember the team password on this device"))
        self.remember_reason = label("", "muted", self)
        self.problem = label("", "error", self)
        self.problem.hide()
        self.connect_button = button(self.tr("&Connect"), self.tr("Connect to your team"))
        mark(self.connect_button, "primary")
        self.connect_button.clicked.connect(self._on_connect_clicked)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(label(self.tr("Your team"), "heading", self))
        layout.addWidget(self.intro)
        layout.addWidget(caption)
        self.field.setMaximumWidth(420)
        layout.addWidget(self.field)
        layout.addWidget(self.remember)
        layout.addWidget(self.remember_reason)
        layout.addWidget(self.problem)
        row = QHBoxLayout()
        row.addWidget(self.connect_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        self.setFocusProxy(self.field)
        self.set_keyring(False, "")

    def set_address(self, login: str, display: str) -> None:
        self.intro.setText(
            self.tr(
                "Tend keeps supervision bookings in your team's shared database. Please enter "
                "the password for {login} at {where}."
            ).format(login=login or self.tr("your login"), where=display)
        )

    def set_keyring(self, available: bool, reason: str) -> None:
        """Offer "remember" only with a secure keyring; otherwise say why it's off."""
        self.remember.setEnabled(available)
        if not available:
            self.remember.setChecked(False)
        self.remember_reason.setText(
            ""
            if available
            else self.tr("Tend can't remember it here: {reason}").format(
                reason=reason or self.tr("this computer has no secure keyring.")
            )
        )
        self.remember_reason.setVisible(not available)

    def show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setAccessibleName(message)
        self.problem.setVisible(bool(message))
        self.connect_button.setEnabled(True)
        self.field.setEnabled(True)
        self.field.setFocus()

    def _on_connect_clicked(self) -> None:
        password = self.field.text()
        if not password:
            self.show_problem(self.tr("Please enter your team password."))
            return
        # Handed over once, then gone from the widget (and from its undo history).
        self.field.clear()
        self.problem.hide()
        self.connect_button.setEnabled(False)
        self.field.setEnabled(False)
        self.connect_requested.emit(password, self.remember.isChecked())
