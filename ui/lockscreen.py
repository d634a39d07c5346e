"""The lock screen: passphrase, "Forgot your passphrase?", and a new passphrase after recovery.

A view only: ``unlock_requested``/``recovery_requested``/``new_passphrase_chosen``
go to the main window, which runs the slow work off the GUI thread and answers
with ``unlock_failed``, ``show_new_passphrase`` or ``reset``. After each miss the
next try waits a little longer (``delays``, in seconds), shown as a countdown.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.style import button, label, mark
from ui.widgets.passphrase import PassphraseEntry

DEFAULT_DELAYS: tuple[float, ...] = (0, 2, 4, 8, 16, 30)


def delay_after(misses: int, delays: Sequence[float]) -> float:
    """Seconds to wait after the ``misses``-th wrong try in a row (capped at the last entry)."""
    if misses <= 0 or not delays:
        return 0.0
    return float(delays[min(misses, len(delays)) - 1])


class LockScreen(QWidget):
    unlock_requested = Signal(str)
    recovery_requested = Signal(str)
    new_passphrase_chosen = Signal(str)
    help_requested = Signal()

    PASSPHRASE, RECOVERY, NEW_PASSPHRASE = range(3)

    def __init__(
        self, parent: QWidget | None = None, delays: Sequence[float] = DEFAULT_DELAYS
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self._delays = tuple(delays)
        self.misses = 0
        self._busy = False
        self._retry_at = 0.0
        self._base_message = ""
        self._tick = QTimer(self)
        self._tick.setInterval(200)
        self._tick.timeout.connect(self._on_tick)

        self.help_button = button(self.tr("Get help now"), self.tr("Get help now"), "help")
        self.help_button.clicked.connect(self.help_requested)
        self.views = QStackedWidget(self)
        self.views.addWidget(self._passphrase_view())
        self.views.addWidget(self._recovery_view())
        self.views.addWidget(self._new_passphrase_view())

        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.help_button)
        column = QVBoxLayout()
        column.addLayout(top)
        column.addStretch(1)
        column.addWidget(self.views)
        column.addStretch(2)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column, 3)
        outer.addStretch(1)
        self.setFocusProxy(self.passphrase)

    # -- views -------------------------------------------------------------------
    def _passphrase_view(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(label(self.tr("Tend is locked"), "title"))
        prompt = label(self.tr("Type your &passphrase to open it."))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        prompt.setBuddy(self.passphrase)
        self.passphrase.returnPressed.connect(self._on_unlock_clicked)
        self.passphrase.textChanged.connect(self._update_buttons)
        self.unlock_button = button(self.tr("&Unlock"), self.tr("Unlock"), "primary")
        self.unlock_button.clicked.connect(self._on_unlock_clicked)
        self.message = label("", "advice")
        self.message.setObjectName("lockMessage")
        self.message.setAccessibleName(self.tr("Unlock status"))
        self.forgot_button = button(
            self.tr("&Forgot your passphrase?"), self.tr("Forgot your passphrase?"), "link"
        )
        self.forgot_button.clicked.connect(lambda: self.show_view(self.RECOVERY))
        row = QHBoxLayout()
        row.addWidget(self.passphrase, 1)
        row.addWidget(self.unlock_button)
        layout.addWidget(prompt)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addLayout(_aligned(self.forgot_button, left=True))
        layout.addStretch(1)  # pack at the top: the stack is as tall as its tallest view
        return page

    def _recovery_view(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(label(self.tr("Use your recovery code"), "title"))
        prompt = label(
            self.tr(
                "Type the &recovery code you wrote down when you set up Tend. "
                "Capitals and dashes don't matter."
            )
        )
        self.code = QLineEdit()
        self.code.setAccessibleName(self.tr("Recovery code"))
        self.code.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        mark(self.code, "code")
        prompt.setBuddy(self.code)
        self.code.returnPressed.connect(self._on_recover_clicked)
        self.code.textChanged.connect(self._update_buttons)
        self.recover_button = button(self.tr("&Unlock"), self.tr("Unlock with recovery code"))
        mark(self.recover_button, "primary")
        self.recover_button.clicked.connect(self._on_recover_clicked)
        self.recovery_message = label("", "advice")
        self.recovery_message.setAccessibleName(self.tr("Unlock status"))
        back = button(self.tr("&Back to passphrase"), self.tr("Back to passphrase"), "link")
        back.clicked.connect(lambda: self.show_view(self.PASSPHRASE))
        row = QHBoxLayout()
        row.addWidget(self.code, 1)
        row.addWidget(self.recover_button)
        layout.addWidget(prompt)
        layout.addLayout(row)
        layout.addWidget(self.recovery_message)
        layout.addLayout(_aligned(back, left=True))
        layout.addStretch(1)
        return page

    def _new_passphrase_view(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(label(self.tr("Choose a new passphrase"), "title"))
        layout.addWidget(
            label(
                self.tr(
                    "You're in. Now choose a new passphrase for next time. Your entries "
                    "stay exactly as they are, and your recovery code keeps working."
                )
            )
        )
        self.new_entry = PassphraseEntry(page, label="New passphrase")
        self.new_entry.changed.connect(self._update_buttons)
        self.new_entry.submitted.connect(self._on_save_clicked)
        self.new_message = label("", "advice")
        self.save_button = button(self.tr("Save and &open Tend"), self.tr("Save and open Tend"))
        mark(self.save_button, "primary")
        self.save_button.clicked.connect(self._on_save_clicked)
        layout.addWidget(self.new_entry)
        layout.addWidget(self.new_message)
        layout.addLayout(_aligned(self.save_button, left=False))
        layout.addStretch(1)
        return page

    # -- driven by the main window -------------------------------------------------
    def show_view(self, view: int) -> None:
        self.views.setCurrentIndex(view)
        focus = {self.PASSPHRASE: self.passphrase, self.RECOVERY: self.code}
        target = focus.get(view, self.new_entry)
        self.setFocusProxy(target)
        self._update_buttons()
        target.setFocus()

    def reset(self) -> None:
        """Back to a fresh passphrase prompt (after unlocking or locking again)."""
        self.misses = 0
        self._retry_at = 0.0
        self._tick.stop()
        self.passphrase.clear()
        self.code.clear()
        self.new_entry.clear()
        for line in (self.message, self.recovery_message, self.new_message):
            line.clear()
        self.set_busy(None)
        self.show_view(self.PASSPHRASE)

    def set_busy(self, text: str | None) -> None:
        """``text`` (e.g. "Unlocking…") while work runs; None when it's done."""
        self._busy = text is not None
        for field in (self.passphrase, self.code, self.new_entry):
            field.setEnabled(not self._busy)
        if text is not None:
            self._current_message().setText(text)
        self._update_buttons()

    def unlock_failed(self, message: str) -> None:
        """A wrong passphrase or code: say so kindly and wait a little before the next try."""
        self.misses += 1
        self.set_busy(None)
        wait = delay_after(self.misses, self._delays)
        self._retry_at = time.monotonic() + wait
        self._current_message().setText(message)
        self._base_message = message
        if wait > 0:
            self._tick.start()
            self._on_tick()
        field = self.code if self.views.currentIndex() == self.RECOVERY else self.passphrase
        field.selectAll()
        field.setFocus()

    def show_problem(self, message: str) -> None:
        """Something other than a wrong secret (e.g. a damaged key file): no waiting."""
        self.set_busy(None)
        self._base_message = message
        self._current_message().setText(message)

    def show_new_passphrase(self) -> None:
        self.set_busy(None)
        self.show_view(self.NEW_PASSPHRASE)

    def new_passphrase_failed(self, message: str) -> None:
        self.set_busy(None)
        self.new_message.setText(message)

    # -- internals -----------------------------------------------------------------
    def waiting_seconds(self) -> int:
        return max(0, math.ceil(self._retry_at - time.monotonic()))

    def _current_message(self) -> QLabel:
        return {
            self.PASSPHRASE: self.message,
            self.RECOVERY: self.recovery_message,
        }.get(self.views.currentIndex(), self.new_message)

    def _on_tick(self) -> None:
        left = self.waiting_seconds()
        if left <= 0:
            self._tick.stop()
            self._current_message().setText(self._base_message)
        else:
            wait = (
                self.tr("You can try again in 1 second.")
                if left == 1
                else self.tr("You can try again in %d seconds.") % left
            )
            self._current_message().setText(f"{self._base_message} {wait}")
        self._update_buttons()

    def _update_buttons(self) -> None:
        ready = not self._busy and self.waiting_seconds() <= 0
        self.unlock_button.setEnabled(ready and bool(self.passphrase.text()))
        self.recover_button.setEnabled(ready and bool(self.code.text().strip()))
        self.save_button.setEnabled(not self._busy and self.new_entry.acceptable())
        reason = self.new_entry.reason()
        self.save_button.setAccessibleDescription(reason)
        if not self._busy and self.views.currentIndex() == self.NEW_PASSPHRASE:
            self.new_message.setText(reason)

    def _on_unlock_clicked(self) -> None:
        if self.unlock_button.isEnabled():
            self.set_busy(self.tr("Unlocking…"))
            self.unlock_requested.emit(self.passphrase.text())

    def _on_recover_clicked(self) -> None:
        if self.recover_button.isEnabled():
            self.set_busy(self.tr("Unlocking…"))
            self.recovery_requested.emit(self.code.text())

    def _on_save_clicked(self) -> None:
        if self.save_button.isEnabled():
            passphrase = self.new_entry.passphrase()
            self.set_busy(self.tr("Saving your new passphrase…"))
            self.new_passphrase_chosen.emit(passphrase)


def _aligned(widget: QWidget, *, left: bool) -> QHBoxLayout:
    """``widget`` pushed to one side by a stretch.

    Stands in for ``Qt.AlignmentFlag``: the lock screen is painted before the
    first use of PySide6's ``Qt`` namespace, which costs ~15 ms to build.
    """
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    if not left:
        row.addStretch(1)
    row.addWidget(widget)
    if left:
        row.addStretch(1)
    return row
