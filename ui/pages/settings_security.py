"""Privacy and security: which protection is active, remembering the key, passphrase, code.

The keyring's status and the key file are read off the GUI thread. The actions
themselves live in ``ui.dialogs.security`` (imported when used).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.security.secrets import KeyringStatus
from ui.context import UiContext

PASSPHRASE_ACTIVE = (
    "Your entries are encrypted on this computer. Tend asks for your passphrase each time it opens."
)
KEYRING_ACTIVE = (
    "Your entries are encrypted on this computer. The key is kept in this computer's "
    "system keyring, so Tend opens without asking for your passphrase."
)


class SecuritySection(QGroupBox):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Privacy and security"))
        self.ctx = ctx
        layout = QVBoxLayout(self)

        self.protection = QLabel(self.tr("Checking…"), self)
        self.protection.setObjectName("protection")
        self.protection.setWordWrap(True)
        layout.addWidget(self.protection)

        self.remember = QCheckBox(self.tr("&Remember on this device"), self)
        self.remember.setAccessibleName(self.tr("Remember on this device"))
        self.remember.setEnabled(False)  # until we know the keyring can be used
        self.remember.toggled.connect(self.on_remember_toggled)
        layout.addWidget(self.remember)
        self.keyring_reason = QLabel("", self)
        self.keyring_reason.setObjectName("keyringReason")
        self.keyring_reason.setWordWrap(True)
        self.keyring_reason.setProperty("role", "hint")
        layout.addWidget(self.keyring_reason)

        row = QHBoxLayout()
        self.change_button = QPushButton(self.tr("&Change passphrase…"), self)
        self.change_button.setAccessibleName(self.tr("Change passphrase"))
        self.change_button.clicked.connect(self.on_change_clicked)
        self.code_button = QPushButton(self.tr("&New recovery code…"), self)
        self.code_button.setAccessibleName(self.tr("New recovery code"))
        self.code_button.clicked.connect(self.on_code_clicked)
        row.addWidget(self.change_button)
        row.addWidget(self.code_button)
        row.addStretch(1)
        layout.addLayout(row)

    # -- state ---------------------------------------------------------------------------
    def refresh(self) -> None:
        self.ctx.read(self._read_state(), self._show_state)

    def _read_state(self) -> Any:
        vault = self.ctx.tend.vault

        def job() -> tuple[KeyringStatus, bool]:
            return vault.secrets.status(), vault.remembered()

        return job

    def _show_state(self, state: tuple[KeyringStatus, bool]) -> None:
        status, remembered = state
        text = self.tr(KEYRING_ACTIVE if remembered else PASSPHRASE_ACTIVE)
        self.protection.setText(text)
        self.protection.setAccessibleName(text)
        self.remember.blockSignals(True)
        self.remember.setChecked(remembered)
        self.remember.blockSignals(False)
        # Turning it off is always possible; turning it on needs a usable keyring.
        self.remember.setEnabled(status.available or remembered)
        self.keyring_reason.setText(status.reason)
        self.remember.setAccessibleDescription(status.reason)

    # -- actions -------------------------------------------------------------------------
    def on_remember_toggled(self, on: bool) -> None:
        from ui.dialogs import security

        security.set_remembered(self, self.ctx, on)
        # Queued on the writer lane too, so it runs after set_remembered's job: the box
        # then shows what really happened (also if the keyring refused).
        self.ctx.write(self._read_state(), self._show_state)

    def on_change_clicked(self) -> None:
        from ui.dialogs import security

        security.change_passphrase(self, self.ctx)

    def on_code_clicked(self) -> None:
        from ui.dialogs import security

        security.show_new_recovery_code(self, self.ctx)
