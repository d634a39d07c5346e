""" "Get help now": the region's crisis and support lines, one click or F1 away.

Works before unlock (settings and the lines are not private). Keyboard: Tab
moves between the Copy buttons, Escape closes. Each number is selectable text
with an accessible name that reads the line's name and number together.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.crisis import Line, lines_for
from ui.style import mark


class SettingsLike(Protocol):
    def get(self, key: str) -> Any: ...


class HelpDialog(QDialog):
    def __init__(self, settings: SettingsLike, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(self.tr("Get help now"))
        self.setAccessibleName(self.tr("Get help now"))
        self.setAccessibleDescription(self.tr("Phone numbers of people who can help, right now."))
        region = lines_for(
            str(settings.get("region")),
            str(settings.get("eap_name")),
            str(settings.get("eap_phone")),
        )
        self.copy_buttons: list[QPushButton] = []

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        for line in region.lines:
            if line.kind == "emergency":
                layout.addWidget(self._emergency(line))
        intro = QLabel(
            self.tr(
                "You don't have to carry this on your own. These people are there to "
                "listen, whatever is going on, any time of day or night."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        body = QWidget()
        body.setObjectName("helpLines")
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)
        row = 0
        for line in region.lines:
            if line.kind != "emergency":
                row = self._add_line(grid, row, line)
        scroll = QScrollArea()
        scroll.setObjectName("helpScroll")
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout.addWidget(scroll, 1)

        where = QLabel(
            self.tr("Lines shown for %s. You can change this in Settings.") % region.name
        )
        where.setWordWrap(True)
        mark(where, "muted")
        layout.addWidget(where)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 560)
        if self.copy_buttons:
            self.copy_buttons[0].setFocus()

    def _emergency(self, line: Line) -> QLabel:
        text = self.tr("If you're in danger right now, call %s.") % line.number
        label = QLabel(text)
        label.setObjectName("emergencyLine")
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setAccessibleName(text)
        mark(label, "emergency")
        return label

    def _add_line(self, grid: QGridLayout, row: int, line: Line) -> int:
        verb = self.tr("Text") if line.kind == "text" else self.tr("Call")
        name = QLabel(f"{line.name}")
        mark(name, "lineName")
        number = QLabel(line.number)
        number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        number.setAccessibleName(f"{verb} {line.name}: {line.number}")
        mark(number, "lineNumber")
        copy = QPushButton(self.tr("Copy"))
        copy.setAccessibleName(self.tr("Copy the number for %s") % line.name)
        copy.setAccessibleDescription(line.number)
        copy.clicked.connect(lambda _=False, n=line.number, b=copy: self._copy(n, b))
        self.copy_buttons.append(copy)
        grid.addWidget(name, row, 0, 1, 2)
        grid.addWidget(number, row + 1, 0)
        grid.addWidget(copy, row + 1, 1, Qt.AlignmentFlag.AlignRight)
        about = QLabel(f"{verb}. {line.about}" if line.about else verb)
        about.setWordWrap(True)
        mark(about, "muted")
        grid.addWidget(about, row + 2, 0, 1, 2)
        spacer = QLabel("")
        spacer.setFixedHeight(8)
        grid.addWidget(spacer, row + 3, 0)
        return row + 4

    def _copy(self, number: str, button: QPushButton) -> None:
        QGuiApplication.clipboard().setText(number)
        button.setText(self.tr("Copied"))
