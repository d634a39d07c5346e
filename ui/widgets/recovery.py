"""Showing a recovery code once: big, monospace, selectable, with Copy and a promise.

``confirmed`` tells whether the person ticked "I've written it down somewhere
safe"; the Continue/Done button next to this panel follows it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.style import mark


class RecoveryCodePanel(QWidget):
    confirmed_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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

    def _on_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.code_label.text())
        self.copy_button.setText(self.tr("Copied"))
