"""First run: what Tend keeps and where, a passphrase, and a recovery code.

A pure view: it asks for things with signals and the main window does the work
off the GUI thread (``create_requested`` → vault created → ``show_recovery_code``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.paths import AppPaths
from app.security import recovery
from ui.style import button, label
from ui.widgets.passphrase import PassphraseEntry
from ui.widgets.recovery import RecoveryCodePanel


class Onboarding(QWidget):
    create_requested = Signal(str, bool)  # (passphrase, remember on this device)
    finished = Signal()
    help_requested = Signal()

    WELCOME, PASSPHRASE, WORKING, RECOVERY = range(4)

    def __init__(self, paths: AppPaths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("onboarding")
        self._paths = paths  # the recovery code may be saved anywhere but inside these
        self.help_button = button(self.tr("Get help now"), self.tr("Get help now"), "help")
        self.help_button.clicked.connect(self.help_requested)
        self.steps = QStackedWidget(self)
        self.steps.addWidget(self._welcome_step(paths.data))
        self.steps.addWidget(self._passphrase_step())
        self.steps.addWidget(self._working_step())
        self.steps.addWidget(self._recovery_step())

        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.help_button)
        column = QVBoxLayout()
        column.addLayout(top)
        column.addWidget(self.steps, 1)
        # A readable column in the middle of a wide window.
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column, 6)
        outer.addStretch(1)
        self.set_keyring_status(None, self.tr("Checking for a system keyring…"))

    # -- steps -------------------------------------------------------------------
    def _welcome_step(self, data_dir: Path) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(label(self.tr("Welcome to Tend"), "title"))
        layout.addWidget(
            label(
                self.tr(
                    "Tend is a private place for a short daily check-in and a journal, for "
                    "people whose work brings them close to other people's pain."
                )
            )
        )
        layout.addWidget(label(self.tr("What's kept, and where"), "heading"))
        layout.addWidget(
            label(
                self.tr(
                    "Your check-ins and journal stay on this computer, in this folder, "
                    "encrypted with a passphrase you choose:"
                )
            )
        )
        where = label(str(data_dir), "path")
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setAccessibleName(self.tr("Data folder: %s") % data_dir)
        layout.addWidget(where)
        layout.addWidget(
            label(
                self.tr(
                    "Only you can read them. Nothing is sent anywhere, and without your "
                    "passphrase or recovery code nobody can open them, not even us."
                )
            )
        )
        layout.addStretch(1)
        self.start_button = button(self.tr("&Get started"), self.tr("Get started"), "primary")
        self.start_button.clicked.connect(lambda: self.go_to(self.PASSPHRASE))
        layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignRight)
        return page

    def _passphrase_step(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(label(self.tr("Choose a passphrase"), "title"))
        layout.addWidget(
            label(
                self.tr(
                    "A few unrelated words are easy to remember and hard to guess. You'll "
                    "type it when you open Tend."
                )
            )
        )
        self.entry = PassphraseEntry(page)
        self.entry.changed.connect(self._update_continue)
        self.entry.submitted.connect(self._on_continue_clicked)
        layout.addWidget(self.entry)
        self.remember = QCheckBox(self.tr("&Remember on this device"), page)
        self.remember.setAccessibleName(self.tr("Remember on this device"))
        self.remember_reason = label("", "muted")
        layout.addWidget(self.remember)
        layout.addWidget(self.remember_reason)
        layout.addStretch(1)
        self.error = label("", "error")
        self.error.hide()
        layout.addWidget(self.error)
        row = QHBoxLayout()
        self.back_button = button(self.tr("&Back"), self.tr("Back"), "quiet")
        self.back_button.clicked.connect(lambda: self.go_to(self.WELCOME))
        self.continue_button = button(self.tr("&Continue"), self.tr("Continue"), "primary")
        self.continue_button.clicked.connect(self._on_continue_clicked)
        row.addWidget(self.back_button)
        row.addStretch(1)  # why Continue waits is said once, under the strength meter
        row.addWidget(self.continue_button)
        layout.addLayout(row)
        self._update_continue()
        return page

    def _working_step(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        self.working_label = label(self.tr("Setting things up…"), "title")
        self.working_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.working_label)
        layout.addWidget(
            label(self.tr("This takes a moment: your passphrase is being made hard to guess."))
        )
        bar = QProgressBar(page)
        bar.setRange(0, 0)
        bar.setTextVisible(False)
        bar.setAccessibleName(self.tr("Setting things up"))
        layout.addWidget(bar)
        layout.addStretch(2)
        return page

    def _recovery_step(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        # The same words as `tend init` prints around the code (app.security.recovery).
        layout.addWidget(label(self.tr(recovery.TITLE), "title"))
        layout.addWidget(label(self.tr(recovery.EXPLAINED)))
        self.code_panel = RecoveryCodePanel(page, paths=self._paths)
        self.code_panel.confirmed_changed.connect(self._update_finish)
        layout.addWidget(self.code_panel)
        layout.addStretch(1)
        self.finish_button = button(self.tr("&Continue"), self.tr("Continue to Tend"), "primary")
        self.finish_button.clicked.connect(self.finished)
        layout.addWidget(self.finish_button, 0, Qt.AlignmentFlag.AlignRight)
        self._update_finish()
        return page

    # -- driven by the main window ---------------------------------------------------
    def go_to(self, step: int) -> None:
        self.steps.setCurrentIndex(step)
        focus = {
            self.WELCOME: self.start_button,
            self.PASSPHRASE: self.entry,
            self.RECOVERY: self.code_panel.code_label,
        }.get(step)
        if focus is not None:
            focus.setFocus()

    def set_keyring_status(self, available: bool | None, reason: str) -> None:
        """None while still checking; False shows the box disabled with the reason."""
        self.remember.setEnabled(bool(available))
        if not available:
            self.remember.setChecked(False)
        self.remember_reason.setText(reason)
        self.remember.setAccessibleDescription(reason)

    def show_recovery_code(self, code: str) -> None:
        self.code_panel.set_code(code)
        self.go_to(self.RECOVERY)

    def show_error(self, message: str) -> None:
        """Creating the vault failed: back to the passphrase, with what happened."""
        self.error.setText(message)
        self.error.show()
        self.go_to(self.PASSPHRASE)

    # -- slots --------------------------------------------------------------------
    def _update_continue(self) -> None:
        ok = self.entry.acceptable()
        self.continue_button.setEnabled(ok)
        self.continue_button.setAccessibleDescription(self.entry.reason())

    def _update_finish(self) -> None:
        ok = self.code_panel.confirmed()
        self.finish_button.setEnabled(ok)
        self.finish_button.setAccessibleDescription(
            "" if ok else self.tr("First tick that you've written the code down.")
        )

    def _on_continue_clicked(self) -> None:
        if not self.entry.acceptable():
            return
        self.error.hide()
        passphrase = self.entry.passphrase()
        remember = self.remember.isEnabled() and self.remember.isChecked()
        self.entry.clear()
        self.go_to(self.WORKING)
        self.create_requested.emit(passphrase, remember)
