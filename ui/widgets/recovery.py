"""Showing a recovery code once: big, monospace, selectable, with Copy and a promise.

``confirmed`` tells whether the person ticked "I've written it down somewhere
safe"; the Continue/Done button next to this panel follows it.

A copied code doesn't stay on the clipboard: it is cleared after a minute, and
when the panel goes away, if the clipboard still holds it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.style import mark

CLIPBOARD_CLEAR_MS = 60_000


class _CopiedCode:
    """What was put on the clipboard, so it can be taken off again.

    A plain object (not the panel): its ``clear`` still runs once the panel's
    C++ side is gone, from the panel's ``destroyed`` signal.
    """

    def __init__(self) -> None:
        self.code = ""

    def clear(self, *_args: object) -> None:
        code, self.code = self.code, ""
        if not code or QGuiApplication.instance() is None:
            return
        clipboard = QGuiApplication.clipboard()
        if clipboard.text() == code:  # something the person copied since stays
            clipboard.clear()


class RecoveryCodePanel(QWidget):
    confirmed_changed = Signal(bool)

    def __init__(
        self, parent: QWidget | None = None, clear_after_ms: int = CLIPBOARD_CLEAR_MS
    ) -> None:
        super().__init__(parent)
        self._copied = _CopiedCode()
        self.destroyed.connect(self._copied.clear)
        self.clipboard_timer = QTimer(self)
        self.clipboard_timer.setSingleShot(True)
        self.clipboard_timer.setInterval(clear_after_ms)
        self.clipboard_timer.timeout.connect(self._copied.clear)
        self.code_label = QLabel(self)
        self.code_label.setObjectName("recoveryCode")
        self.code_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.code_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setWordWrap(True)
        mark(self.code_label, "code")
        self.copy_button = QPushButton(self.tr("&Copy"), self)
        self.copy_button.setAccessibleName(self.tr("Copy the recovery code"))
        self.copy_button.clicked.connect(self._on_copy_clicked)
        self.written = QCheckBox(self.tr("I've &written it down somewhere safe"), self)
        self.written.setAccessibleName(self.tr("I've written it down somewhere safe"))
        self.written.toggled.connect(self.confirmed_changed)

        row = QHBoxLayout()
        row.addWidget(self.code_label, 1)
        row.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.written)

    def set_code(self, code: str) -> None:
        self.forget_copy()
        self.code_label.setText(code)
        # Screen readers read the groups one by one rather than as a "word".
        self.code_label.setAccessibleName(
            self.tr("Recovery code: %s") % ", ".join(" ".join(group) for group in code.split("-"))
        )
        self.copy_button.setText(self.tr("&Copy"))
        self.written.setChecked(False)

    def code(self) -> str:
        return self.code_label.text()

    def confirmed(self) -> bool:
        return self.written.isChecked()

    def forget_copy(self) -> None:
        """Take the code off the clipboard now, if it is still there."""
        self.clipboard_timer.stop()
        self._copied.clear()

    def _on_copy_clicked(self) -> None:
        self._copied.code = self.code_label.text()
        QGuiApplication.clipboard().setText(self._copied.code)
        self.clipboard_timer.start()
        self.copy_button.setText(self.tr("Copied"))
        self.copy_button.setToolTip(self.tr("Tend takes it off the clipboard again soon"))
