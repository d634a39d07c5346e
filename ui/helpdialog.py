""" "Get help now": the region's crisis and support lines, one click or F1 away.

Works before unlock (settings and the lines are not private). The region is the
one chosen in Settings, else the one the system locale names; when neither is
known the window asks "Where are you?" at the top (a plain combo box, first in
the Tab order) and remembers the answer, showing meanwhile the lines that work
anywhere: the local emergency number and an international directory.
Keyboard: Tab moves between the chooser and the Copy buttons, Escape closes.
Each number is selectable text with an accessible name that reads the line's
name and number together. The organisation's own support line, when set, comes
first after the emergency banner.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app import crisis
from app.crisis import Line, Region
from app.settings import BY_KEY
from ui.style import mark

log = logging.getLogger(__name__)


class SettingsLike(Protocol):
    def get(self, key: str) -> Any: ...
    def set(self, key: str, value: Any) -> None: ...


class HelpDialog(QDialog):
    def __init__(
        self,
        settings: SettingsLike,
        parent: QWidget | None = None,
        system_region: Callable[[], str | None] | None = None,
        save: Callable[[str, str], None] | None = None,
    ) -> None:
        """``save(key, value)`` keeps a choice made here; the window passes one that
        writes on its writer lane, so the GUI thread never waits on the disk."""
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(self.tr("Get help now"))
        self.setAccessibleName(self.tr("Get help now"))
        self.setAccessibleDescription(self.tr("Phone numbers of people who can help, right now."))
        self._settings = settings
        self._save = save or self._save_now
        self._detected = (system_region or crisis.system_region)()
        chosen = str(settings.get("region"))
        self.region_code = crisis.resolve_region(chosen, self._detected)
        self._by_choice = self.region_code is not None and self.region_code == chosen
        self.copy_buttons: list[QPushButton] = []
        self.open_buttons: list[QPushButton] = []

        self._layout = QVBoxLayout(self)
        self._layout.setSpacing(12)
        self.chooser = self._build_chooser()
        self._layout.addWidget(self.chooser)
        self._lines = QWidget(self)
        self._layout.addWidget(self._lines, 1)

        footer = QHBoxLayout()
        self.where = QLabel(self)
        self.where.setObjectName("helpWhere")
        self.where.setWordWrap(True)
        mark(self.where, "muted")
        footer.addWidget(self.where, 1)
        self.change_button = QPushButton(self.tr("Change place"), self)
        self.change_button.setObjectName("changeRegion")
        self.change_button.setAccessibleName(self.tr("Change the place these lines are for"))
        self.change_button.clicked.connect(self.ask_where)
        footer.addWidget(self.change_button, 0, Qt.AlignmentFlag.AlignBottom)
        self._layout.addLayout(footer)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        self._layout.addWidget(buttons)

        self.chooser.setVisible(self.region_code is None)
        self._show_lines()
        self.resize(560, 600)
        if self.chooser.isVisibleTo(self):
            self.region_combo.setFocus()
        elif self.copy_buttons:
            self.copy_buttons[0].setFocus()

    # -- the region -----------------------------------------------------------------------
    def _build_chooser(self) -> QFrame:
        frame = QFrame(self)
        frame.setObjectName("regionChooser")
        row = QVBoxLayout(frame)
        row.setContentsMargins(0, 0, 0, 0)
        question = QLabel(
            self.tr("Where are you? Choose your country and we'll show the lines that work there."),
            frame,
        )
        question.setWordWrap(True)
        self.region_combo = QComboBox(frame)
        self.region_combo.setObjectName("regionCombo")
        self.region_combo.setAccessibleName(self.tr("Where are you?"))
        self.region_combo.setAccessibleDescription(
            self.tr("Your country, so the help lines shown are ones you can call. Remembered.")
        )
        if self.region_code is None:
            self.region_combo.addItem(self.tr("Choose your country…"), "")
        for code, name in crisis.choices():
            self.region_combo.addItem(name, code)
        self.region_combo.setCurrentIndex(max(0, self.region_combo.findData(self.region_code)))
        question.setBuddy(self.region_combo)
        self.region_combo.currentIndexChanged.connect(self._on_region_picked)
        row.addWidget(question)
        row.addWidget(self.region_combo)
        return frame

    def _save_now(self, key: str, value: str) -> None:
        try:
            self._settings.set(key, value)
        except (OSError, ValueError):
            log.warning("could not remember the %s; showing it for now", key)

    def ask_where(self) -> None:
        """Show the chooser (already set to the current place) and put the focus on it."""
        self.chooser.setVisible(True)
        self.region_combo.setFocus()
        self._show_where()

    def _on_region_picked(self, _index: int) -> None:
        code = self.region_combo.currentData()
        if not code:
            return
        self._save("region", code)
        self.region_code = code
        self._by_choice = True
        self._show_lines()

    # -- the lines ------------------------------------------------------------------------
    def _show_lines(self) -> None:
        region = crisis.lines_for(
            self.region_code,
            str(self._settings.get("eap_name")),
            str(self._settings.get("eap_phone")),
        )
        self.copy_buttons = []
        self.open_buttons = []
        new = self._build_lines(region)
        old = self._lines
        self._layout.replaceWidget(old, new)
        old.setParent(None)  # out of findChildren at once
        old.deleteLater()
        self._lines = new
        self._show_where()

    def _build_lines(self, region: Region) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        for line in region.lines:
            if line.kind == "emergency":
                column.addWidget(self._emergency(line, box))
        words = (
            self.tr(
                "You don't have to carry this on your own. Wherever you are, there are "
                "people ready to listen, whatever is going on."
            )
            if region.code == crisis.ELSEWHERE
            else self.tr(
                "You don't have to carry this on your own. These people are there to "
                "listen, whatever is going on, any time of day or night."
            )
        )
        intro = QLabel(words, box)
        intro.setWordWrap(True)
        column.addWidget(intro)

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
        grid.setRowStretch(row, 1)  # a short list stays together at the top
        scroll = QScrollArea(box)
        scroll.setObjectName("helpScroll")
        scroll.setAccessibleName(self.tr("Help lines"))
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its buttons take the focus, not it
        column.addWidget(scroll, 1)
        return box

    def _show_where(self) -> None:
        asking = self.chooser.isVisibleTo(self)
        self.change_button.setVisible(not asking)
        # The page, its group and the row's label, as the Settings page shows them.
        place = " → ".join(
            (self.tr("Settings"), self.tr("Preferences"), self.tr(BY_KEY["region"].label))
        )
        if self.region_code is None:
            text = (
                self.tr(
                    "Until you choose your country above, these are ways to find help anywhere. "
                    "You can also choose it later in %s."
                )
                % place
            )
        else:
            name = crisis.regions()[self.region_code].name
            shown = (
                self.tr("Lines shown for %s.") % name
                if self._by_choice
                else self.tr("Lines shown for %s, going by this computer's settings.") % name
            )
            how = (
                self.tr("To change the place, choose it above, or later in %s.")
                if asking
                else self.tr("To change the place, use “Change place” here, or later in %s.")
            ) % place
            text = f"{shown} {how}"
        self.where.setText(text)

    def _emergency(self, line: Line, parent: QWidget) -> QLabel:
        if line.number:
            text = self.tr("If you're in danger right now, call %s.") % line.number
        else:
            text = self.tr(
                "If you're in danger right now, call the emergency number where you are."
            )
        label = QLabel(text, parent)
        label.setObjectName("emergencyLine")
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setAccessibleName(text)
        mark(label, "emergency")
        return label

    def _verb(self, line: Line) -> str:
        if line.kind == "text":
            return self.tr("Text")
        if line.kind == "web":
            return self.tr("Website")
        return self.tr("Call")

    def _add_line(self, grid: QGridLayout, row: int, line: Line) -> int:
        verb = self._verb(line)
        name = QLabel(f"{line.name}")
        mark(name, "lineName")
        number = QLabel(line.number)
        number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        number.setAccessibleName(f"{verb} {line.name}: {line.number}")
        mark(number, "lineNumber")
        copied = line.url or line.number
        copy = QPushButton(self.tr("Copy"))
        if line.kind == "web":
            copy.setAccessibleName(self.tr("Copy the address for %s") % line.name)
        else:
            copy.setAccessibleName(self.tr("Copy the number for %s") % line.name)
        copy.setAccessibleDescription(copied)
        copy.clicked.connect(lambda _=False, n=copied, b=copy: self._copy(n, b))
        self.copy_buttons.append(copy)
        actions = QHBoxLayout()
        actions.setContentsMargins(0, 0, 0, 0)
        if line.kind == "web" and line.url:
            visit = QPushButton(self.tr("Open"))
            visit.setAccessibleName(self.tr("Open %s in your web browser") % line.name)
            visit.setAccessibleDescription(line.url)
            visit.clicked.connect(lambda _=False, u=line.url: QDesktopServices.openUrl(QUrl(u)))
            self.open_buttons.append(visit)
            actions.addWidget(visit)
        actions.addWidget(copy)
        grid.addWidget(name, row, 0, 1, 2)
        grid.addWidget(number, row + 1, 0)
        grid.addLayout(actions, row + 1, 1, Qt.AlignmentFlag.AlignRight)
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
