"""Security actions used by the settings page: passphrase, recovery code, keyring.

Each function opens a window-modal dialog (``open()``, no nested event loop) or
just runs, does the slow part on the writer lane, and reports with a notice.
Dialogs are parented to the page, so locking closes them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.style import button, label, mark
from ui.widgets.passphrase import PassphraseEntry
from ui.widgets.recovery import RecoveryCodePanel

if TYPE_CHECKING:
    from ui.context import UiContext


def _tr(text: str) -> str:
    return QCoreApplication.translate("security", text)


def _alive(widget: QWidget) -> bool:
    """False once Qt deleted the dialog (it was closed, e.g. by locking)."""
    return shiboken6.isValid(widget) and widget.isVisible()


def _error_handler(ctx: UiContext, dialog: QWidget, show: Any) -> Any:
    from app.errors import UserFacingError

    def on_error(exc: BaseException) -> None:
        if isinstance(exc, UserFacingError) and _alive(dialog):
            show(exc.message)
        else:
            ctx.report_error(exc)

    return on_error


# -- change passphrase -----------------------------------------------------------------
class ChangePassphraseDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("changePassphraseDialog")
        self.setWindowTitle(self.tr("Change passphrase"))
        self.setAccessibleName(self.tr("Change passphrase"))
        self.entry = PassphraseEntry(self, label="New passphrase")
        self.message = label("", "advice")
        self.save_button = button(self.tr("&Change passphrase"), self.tr("Change passphrase"))
        mark(self.save_button, "primary")
        self.cancel_button = button(self.tr("Cancel"), self.tr("Cancel"), "quiet")
        self.entry.changed.connect(self._update)
        self.entry.submitted.connect(self._on_save_clicked)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(
            label(
                self.tr(
                    "Choose a new passphrase. Your entries stay as they are; only the lock "
                    "changes. Your recovery code keeps working."
                )
            )
        )
        layout.addWidget(self.entry)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        self.setMinimumWidth(460)
        self._update()

    def _update(self) -> None:
        self.save_button.setEnabled(self.entry.acceptable())
        self.message.setText(self.entry.reason())
        self.save_button.setAccessibleDescription(self.entry.reason())

    def _on_save_clicked(self) -> None:
        if not self.entry.acceptable():
            return
        tend, passphrase = self.ctx.tend, self.entry.passphrase()
        self.entry.setEnabled(False)
        self.save_button.setEnabled(False)
        self.message.setText(self.tr("Saving your new passphrase…"))
        self.ctx.tasks.write(
            lambda: tend.vault.change_passphrase(tend.key, passphrase),
            self._on_changed,
            _error_handler(self.ctx, self, self._on_failed),
        )

    def _on_changed(self, _result: object) -> None:
        self.ctx.notify(self.tr("Your passphrase has been changed. Use the new one from now on."))
        if _alive(self):
            self.accept()

    def _on_failed(self, message: str) -> None:
        self.entry.setEnabled(True)
        self._update()
        self.message.setText(message)


def change_passphrase(parent: QWidget, ctx: UiContext) -> None:
    dialog = ChangePassphraseDialog(ctx, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    dialog.entry.setFocus()


# -- new recovery code ------------------------------------------------------------------
class NewRecoveryCodeDialog(QDialog):
    CONFIRM, WORKING, SHOWING = range(3)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("newRecoveryCodeDialog")
        self.setWindowTitle(self.tr("New recovery code"))
        self.setAccessibleName(self.tr("New recovery code"))
        self.steps = QStackedWidget(self)

        confirm = QWidget()
        confirm_layout = QVBoxLayout(confirm)
        confirm_layout.addWidget(
            label(
                self.tr(
                    "Make a new recovery code? Your old code will stop working as soon as "
                    "the new one is made, so only do this if you can write the new one down now."
                )
            )
        )
        self.error = label("", "error")
        confirm_layout.addWidget(self.error)
        row = QHBoxLayout()
        row.addStretch(1)
        cancel = button(self.tr("Cancel"), self.tr("Cancel"), "quiet")
        cancel.clicked.connect(self.reject)
        self.make_button = button(self.tr("&Make a new code"), self.tr("Make a new code"))
        mark(self.make_button, "primary")
        self.make_button.clicked.connect(self._on_make_clicked)
        row.addWidget(cancel)
        row.addWidget(self.make_button)
        confirm_layout.addLayout(row)
        self.steps.addWidget(confirm)

        self.steps.addWidget(label(self.tr("Making your new code…")))

        showing = QWidget()
        show_layout = QVBoxLayout(showing)
        show_layout.addWidget(
            label(
                self.tr(
                    "Here is your new recovery code. It is shown only this once. Your old "
                    "code no longer works."
                )
            )
        )
        self.code_panel = RecoveryCodePanel(showing)
        self.done_button = button(self.tr("&Done"), self.tr("Done"), "primary")
        self.done_button.setEnabled(False)
        self.code_panel.confirmed_changed.connect(self.done_button.setEnabled)
        self.done_button.clicked.connect(self.accept)
        show_layout.addWidget(self.code_panel)
        show_layout.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignRight)
        self.steps.addWidget(showing)

        layout = QVBoxLayout(self)
        layout.addWidget(self.steps)
        self.setMinimumWidth(520)

    def _on_make_clicked(self) -> None:
        tend = self.ctx.tend
        self.steps.setCurrentIndex(self.WORKING)
        self.ctx.tasks.write(
            lambda: tend.vault.new_recovery_code(tend.key),
            self._on_made,
            _error_handler(self.ctx, self, self._on_failed),
        )

    def _on_made(self, code: str) -> None:
        if not _alive(self):
            # Closed (or locked) before the code could be shown: say so, without the code.
            self.ctx.notify(
                _tr("A new recovery code was made but not shown. Please make another one.")
            )
            return
        self.code_panel.set_code(code)
        self.steps.setCurrentIndex(self.SHOWING)
        self.code_panel.code_label.setFocus()

    def _on_failed(self, message: str) -> None:
        self.error.setText(message)
        self.steps.setCurrentIndex(self.CONFIRM)


def show_new_recovery_code(parent: QWidget, ctx: UiContext) -> None:
    dialog = NewRecoveryCodeDialog(ctx, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    dialog.make_button.setFocus()


# -- remember on this device -------------------------------------------------------------
def set_remembered(parent: QWidget, ctx: UiContext, remember: bool) -> None:
    """Keep (or remove) the key in the system keyring; a notice says what happened."""
    from app.errors import UserFacingError

    tend = ctx.tend

    def job() -> None:
        status = tend.vault.secrets.status()
        if remember and not status.available:
            raise UserFacingError(status.reason)
        tend.vault.set_remembered(tend.key, remember)

    def done(_result: object) -> None:
        ctx.notify(
            _tr("Tend will open on this computer without asking for your passphrase.")
            if remember
            else _tr("Tend will ask for your passphrase each time it opens.")
        )

    ctx.tasks.write(job, done, ctx.report_error)
