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
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserFacingError, WrongSecret
from app.security import recovery
from ui.style import button, label, mark
from ui.widgets.passphrase import PassphraseEntry
from ui.widgets.recovery import RecoveryCodePanel

if TYPE_CHECKING:
    from app.context import Tend
    from ui.context import UiContext


WRONG_CURRENT = (
    "That isn't the passphrase you use now, so nothing was changed. Please try it again."
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("security", text)


def _alive(widget: QWidget) -> bool:
    """False once Qt deleted the dialog (it was closed, e.g. by locking)."""
    return shiboken6.isValid(widget) and widget.isVisible()


def _error_handler(ctx: UiContext, dialog: QWidget, show: Any) -> Any:
    """``show(exc)`` for a UserFacingError while the dialog is open; otherwise report it."""

    def on_error(exc: BaseException) -> None:
        if isinstance(exc, UserFacingError) and _alive(dialog):
            show(exc)
        else:
            ctx.report_error(exc)

    return on_error


def check_current_passphrase(tend: Tend, passphrase: str) -> None:
    """Raise WrongSecret unless ``passphrase`` opens the key file. Slow (Argon2): a worker job.

    Someone at an unattended, unlocked Tend must not be able to lock the owner out.
    """
    try:
        tend.vault.unlock_with_passphrase(passphrase).wipe()
    except WrongSecret:
        raise WrongSecret(WRONG_CURRENT) from None


class CurrentPassphrase(QWidget):
    """The passphrase in use now, asked before changing what protects Tend."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit(self)
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAccessibleName(self.tr("Current passphrase"))
        caption = QLabel(self.tr("C&urrent passphrase"), self)
        caption.setBuddy(self.field)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(caption, self.field)
        self.setFocusProxy(self.field)

    def text(self) -> str:
        return self.field.text()

    def try_again(self) -> None:
        self.field.selectAll()
        self.field.setFocus()


# -- change passphrase -----------------------------------------------------------------
class ChangePassphraseDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("changePassphraseDialog")
        self.setWindowTitle(self.tr("Change passphrase"))
        self.setAccessibleName(self.tr("Change passphrase"))
        self.current = CurrentPassphrase(self)
        self.entry = PassphraseEntry(self, label="New passphrase")
        self.message = label("", "advice")
        self.save_button = button(self.tr("&Change passphrase"), self.tr("Change passphrase"))
        mark(self.save_button, "primary")
        self.cancel_button = button(self.tr("Cancel"), self.tr("Cancel"), "quiet")
        self.current.field.textChanged.connect(self._update)
        self.current.field.returnPressed.connect(self.entry.first.setFocus)
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
        layout.addWidget(self.current)
        layout.addWidget(self.entry)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        QWidget.setTabOrder(self.current.field, self.entry.first)
        self.setMinimumWidth(460)
        self._update()

    def _ready(self) -> bool:
        return bool(self.current.text()) and self.entry.acceptable()

    def _update(self) -> None:
        reason = self.entry.reason()
        if not reason and not self.current.text():
            reason = self.tr("Please also type your current passphrase, at the top.")
        self.save_button.setEnabled(self._ready())
        self.message.setText(reason)
        self.save_button.setAccessibleDescription(reason)

    def _on_save_clicked(self) -> None:
        if not self._ready():
            return
        tend, current, passphrase = self.ctx.tend, self.current.text(), self.entry.passphrase()

        def job() -> None:
            check_current_passphrase(tend, current)
            tend.vault.change_passphrase(tend.key, passphrase)

        self.current.setEnabled(False)
        self.entry.setEnabled(False)
        self.save_button.setEnabled(False)
        self.message.setText(self.tr("Saving your new passphrase…"))
        self.ctx.tasks.write(job, self._on_changed, _error_handler(self.ctx, self, self._on_failed))

    def _on_changed(self, _result: object) -> None:
        self.ctx.notify(self.tr("Your passphrase has been changed. Use the new one from now on."))
        if _alive(self):
            self.accept()

    def _on_failed(self, exc: UserFacingError) -> None:
        self.current.setEnabled(True)
        self.entry.setEnabled(True)
        self._update()
        self.message.setText(exc.message)
        if isinstance(exc, WrongSecret):
            self.current.try_again()


def change_passphrase(parent: QWidget, ctx: UiContext) -> None:
    dialog = ChangePassphraseDialog(ctx, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    dialog.current.setFocus()


# -- new recovery code ------------------------------------------------------------------
class NewRecoveryCodeDialog(QDialog):
    """Check the passphrase, show a new code, and save it only once it's written down.

    Cancelling (or Escape, or locking) at any point before "Save" changes nothing:
    the old code keeps working.
    """

    CONFIRM, WORKING, SHOWING = range(3)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._code = ""
        self.setObjectName("newRecoveryCodeDialog")
        self.setWindowTitle(self.tr("New recovery code"))
        self.setAccessibleName(self.tr("New recovery code"))
        self.steps = QStackedWidget(self)
        self.steps.addWidget(self._confirm_step())
        self.working = label("")
        self.steps.addWidget(self.working)
        self.steps.addWidget(self._showing_step())
        self.finished.connect(self.code_panel.forget_copy)  # not left on the clipboard
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps)
        self.setMinimumWidth(520)
        self._update()

    def _confirm_step(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(
            label(
                self.tr(
                    "Make a new recovery code? You'll see it first. Your old code keeps "
                    "working until you save the new one; after that, the old code stops working."
                )
            )
        )
        self.current = CurrentPassphrase(page)
        self.current.field.textChanged.connect(self._update)
        self.current.field.returnPressed.connect(self._on_make_clicked)
        layout.addWidget(self.current)
        self.error = label("", "error")
        layout.addWidget(self.error)
        row = QHBoxLayout()
        row.addStretch(1)
        cancel = button(self.tr("Cancel"), self.tr("Cancel"), "quiet")
        cancel.clicked.connect(self.reject)
        self.make_button = button(self.tr("&Make a new code"), self.tr("Make a new code"))
        mark(self.make_button, "primary")
        self.make_button.clicked.connect(self._on_make_clicked)
        row.addWidget(cancel)
        row.addWidget(self.make_button)
        layout.addLayout(row)
        return page

    def _showing_step(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(
            label(
                self.tr(
                    "Here is your new recovery code. Please write it down, then save it. "
                    "Until you save it, your old code keeps working."
                )
            )
        )
        self.code_panel = RecoveryCodePanel(page)
        self.save_error = label("", "error")
        self.done_button = button(self.tr("&Save the new code"), self.tr("Save the new code"))
        mark(self.done_button, "primary")
        self.done_button.setEnabled(False)
        self.code_panel.confirmed_changed.connect(self.done_button.setEnabled)
        self.done_button.clicked.connect(self._on_save_clicked)
        keep = button(self.tr("Cancel"), self.tr("Cancel and keep my old code"), "quiet")
        keep.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(keep)
        row.addWidget(self.done_button)
        layout.addWidget(self.code_panel)
        layout.addWidget(self.save_error)
        layout.addLayout(row)
        return page

    def _update(self) -> None:
        self.make_button.setEnabled(bool(self.current.text()))

    def _on_make_clicked(self) -> None:
        if not self.current.text():
            return
        tend, current = self.ctx.tend, self.current.text()

        def job() -> str:
            check_current_passphrase(tend, current)
            return recovery.new_code()

        self._work(self.tr("Checking your passphrase…"))
        self.ctx.tasks.write(job, self._on_made, _error_handler(self.ctx, self, self._on_failed))

    def _on_made(self, code: str) -> None:
        if not _alive(self):
            return  # closed (or locked) before it was shown: nothing was changed
        self._code = code
        self.code_panel.set_code(code)
        self.steps.setCurrentIndex(self.SHOWING)
        self.code_panel.code_label.setFocus()

    def _on_failed(self, exc: UserFacingError) -> None:
        self.error.setText(exc.message)
        self.steps.setCurrentIndex(self.CONFIRM)
        self.current.try_again()

    def _on_save_clicked(self) -> None:
        if not self.code_panel.confirmed():
            return
        tend, code = self.ctx.tend, self._code
        self._work(self.tr("Saving your new code…"))
        self.ctx.tasks.write(
            lambda: tend.vault.save_recovery_code(tend.key, code),
            self._on_saved,
            _error_handler(self.ctx, self, self._on_save_failed),
        )

    def _on_saved(self, _result: object) -> None:
        self.ctx.notify(_tr("Your new recovery code is saved. The old one no longer works."))
        if _alive(self):
            self.accept()

    def _on_save_failed(self, exc: UserFacingError) -> None:
        self.save_error.setText(
            _tr("{problem} Your old code still works.").format(problem=exc.message)
        )
        self.steps.setCurrentIndex(self.SHOWING)

    def _work(self, text: str) -> None:
        self.working.setText(text)
        self.steps.setCurrentIndex(self.WORKING)


def show_new_recovery_code(parent: QWidget, ctx: UiContext) -> None:
    dialog = NewRecoveryCodeDialog(ctx, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    dialog.current.setFocus()


# -- remember on this device -------------------------------------------------------------
def set_remembered(parent: QWidget, ctx: UiContext, remember: bool) -> None:
    """Keep (or remove) the key in the system keyring; a notice says what happened."""
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
