"""Several times of day for one reminder: a time box per row, each removable, and "Add a time"."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTimeEdit, QVBoxLayout, QWidget

from ui.style import button


class TimesList(QWidget):
    def __init__(self, limit: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.limit = limit
        self.rows: list[tuple[QWidget, QTimeEdit, QPushButton]] = []
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(24, 0, 0, 0)
        self.column.setSpacing(4)
        self.add_button = button(self.tr("&Add a time"), self.tr("Add another time of day"))
        self.add_button.clicked.connect(self.on_add_clicked)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        self.column.addLayout(add_row)

    def times(self) -> list[dt.time]:
        return [dt.time(e.time().hour(), e.time().minute()) for _row, e, _b in self.rows]

    def set_times(self, times: tuple[dt.time, ...]) -> None:
        for row, _edit, _remove in self.rows:
            self.column.removeWidget(row)
            row.deleteLater()
        self.rows = []
        for t in times:
            self.add_time(t)

    def add_time(self, t: dt.time) -> QTimeEdit:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        edit = QTimeEdit(QTime(t.hour, t.minute), row)
        edit.setDisplayFormat("HH:mm")
        remove = button(self.tr("Remove"), "", "link")
        remove.clicked.connect(lambda: self.remove_row(row))
        layout.addWidget(edit)
        layout.addWidget(remove)
        layout.addStretch(1)
        self.column.insertWidget(len(self.rows), row)
        self.rows.append((row, edit, remove))
        self._renumber()
        return edit

    def on_add_clicked(self) -> None:
        # A new time an hour after the last, as a starting point to change.
        last = self.times()[-1] if self.rows else dt.time(16, 0)
        edit = self.add_time(dt.time((last.hour + 1) % 24, last.minute))
        edit.setFocus()

    def remove_row(self, row: QWidget) -> None:
        index = next(i for i, (r, _e, _b) in enumerate(self.rows) if r is row)
        self.rows.pop(index)
        self.column.removeWidget(row)
        row.hide()
        row.deleteLater()
        self._renumber()
        if self.rows:
            self.rows[min(index, len(self.rows) - 1)][1].setFocus()
        else:
            self.add_button.setFocus()

    def _renumber(self) -> None:
        for number, (_row, edit, remove) in enumerate(self.rows, start=1):
            edit.setAccessibleName(self.tr("Time %1").replace("%1", str(number)))
            remove.setAccessibleName(self.tr("Remove time %1").replace("%1", str(number)))
            # The last time can't go: a reminder at set times needs one.
            remove.setEnabled(len(self.rows) > 1)
        self.add_button.setEnabled(len(self.rows) < self.limit)
