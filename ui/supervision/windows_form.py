"""Forms for adding availability: a weekly (or once-only) time, and leave.

The forms only build a ``Window`` in the supervisor's local wall-clock time and
ask for it to be added (a signal); the availability section does the saving,
and a calm problem from the service comes back through ``show_problem``.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.supervision.model import (
    MAX_CAPACITY,
    MAX_LOCATION_CHARS,
    MODALITY_LABEL,
    Modality,
    Window,
    WindowKind,
)
from app.supervision.recurrence import weekly_rule
from ui.style import button, label

DAY_SHORT = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
DAY_FULL = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WHERE_HINT = {
    Modality.IN_PERSON: "Where: a room or an address",
    Modality.PHONE: "A note, such as “I'll ring you on your work mobile”",
    Modality.VIDEO: "The video link, such as https://meet.example.org/supervision",
}


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def pytime(value: QTime) -> dt.time:
    return dt.time(value.hour(), value.minute())


def _date_edit(day: dt.date, name: str) -> QDateEdit:
    edit = QDateEdit(qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")
    edit.setAccessibleName(name)
    return edit


def _time_edit(hour: int, name: str) -> QTimeEdit:
    edit = QTimeEdit(QTime(hour, 0))
    edit.setDisplayFormat("HH:mm")
    edit.setAccessibleName(name)
    return edit


class _Problem:
    """A calm line under a form, read out by screen readers when it changes."""

    def __init__(self) -> None:
        self.line = label("", "error")
        self.line.hide()

    def show(self, message: str) -> None:
        self.line.setText(message)
        self.line.setAccessibleName(message)
        self.line.show()

    def clear(self) -> None:
        self.line.hide()


class WindowForm(QGroupBox):
    """A time people can book: every week (or second week) on chosen days, or once."""

    add_requested = Signal(object)  # Window (id "")

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Add a time you're available"))
        self.problem = _Problem()
        self._build(today)
        self._on_kind_toggled()
        self._on_modality_changed()
        self._on_size_changed()

    def _build(self, today: dt.date) -> None:
        form = QFormLayout()
        self.weekly = QRadioButton(self.tr("Repeats &weekly"), self)
        self.weekly.setAccessibleName(self.tr("Repeats weekly"))
        self.weekly.setChecked(True)
        self.once = QRadioButton(self.tr("&Once, on one date"), self)
        self.once.setAccessibleName(self.tr("Once, on one date"))
        self.weekly.toggled.connect(self._on_kind_toggled)
        kinds = QHBoxLayout()
        kinds.addWidget(self.weekly)
        kinds.addWidget(self.once)
        kinds.addStretch(1)
        form.addRow(kinds)

        self.day_boxes: list[QCheckBox] = []
        days = QHBoxLayout()
        for short, full in zip(DAY_SHORT, DAY_FULL, strict=True):
            box = QCheckBox(self.tr(short), self)
            box.setAccessibleName(self.tr(full))
            self.day_boxes.append(box)
            days.addWidget(box)
        days.addStretch(1)
        self.days_label = QLabel(self.tr("On:"), self)
        form.addRow(self.days_label, days)
        self.repeat = QComboBox(self)
        self.repeat.addItem(self.tr("Every week"), 1)
        self.repeat.addItem(self.tr("Every second week"), 2)
        self.repeat.setAccessibleName(self.tr("How often it repeats"))
        self.starting = _date_edit(today, self.tr("First week it starts"))
        repeat_row = QHBoxLayout()
        repeat_row.addWidget(self.repeat)
        repeat_row.addWidget(QLabel(self.tr("starting"), self))
        repeat_row.addWidget(self.starting)
        repeat_row.addStretch(1)
        self.repeat_label = QLabel(self.tr("&Repeat:"), self)
        self.repeat_label.setBuddy(self.repeat)
        form.addRow(self.repeat_label, repeat_row)
        self.ends = QCheckBox(self.tr("&Ends on"), self)
        self.ends.setAccessibleName(self.tr("Stops repeating after a date"))
        self.until = _date_edit(today + dt.timedelta(days=90), self.tr("Last day it repeats"))
        self.ends.toggled.connect(self.until.setEnabled)
        self.until.setEnabled(False)
        ends_row = QHBoxLayout()
        ends_row.addWidget(self.ends)
        ends_row.addWidget(self.until)
        ends_row.addStretch(1)
        form.addRow(ends_row)
        self.date = _date_edit(today, self.tr("The date"))
        self.date_label = QLabel(self.tr("Date:"), self)
        self.date_label.setBuddy(self.date)
        form.addRow(self.date_label, self.date)

        self.start_time = _time_edit(9, self.tr("Available from"))
        self.end_time = _time_edit(12, self.tr("Available until"))
        times = QHBoxLayout()
        times.addWidget(self.start_time)
        times.addWidget(QLabel(self.tr("to"), self))
        times.addWidget(self.end_time)
        times.addStretch(1)
        from_label = QLabel(self.tr("&Times:"), self)
        from_label.setBuddy(self.start_time)
        form.addRow(from_label, times)

        self.modality = QComboBox(self)
        for modality, text in MODALITY_LABEL.items():
            self.modality.addItem(self.tr(text), modality.value)
        self.modality.setCurrentIndex(self.modality.findData(Modality.VIDEO.value))
        self.modality.setAccessibleName(self.tr("How you meet"))
        self.modality.setMaximumWidth(240)
        self.modality.currentIndexChanged.connect(self._on_modality_changed)
        via = QLabel(self.tr("Meet&ing:"), self)
        via.setBuddy(self.modality)
        form.addRow(via, self.modality)
        self.location = QLineEdit(self)
        self.location.setMaxLength(MAX_LOCATION_CHARS)
        where = QLabel(self.tr("&Place or link:"), self)
        where.setBuddy(self.location)
        form.addRow(where, self.location)

        self.group_size = QComboBox(self)
        self.group_size.addItem(self.tr("One person at a time"), 1)
        self.group_size.addItem(self.tr("A group"), 2)
        self.group_size.setAccessibleName(self.tr("Individual or group supervision"))
        self.group_size.currentIndexChanged.connect(self._on_size_changed)
        self.places = QSpinBox(self)
        self.places.setRange(2, MAX_CAPACITY)
        self.places.setValue(6)
        self.places.setSuffix(self.tr(" places"))
        self.places.setAccessibleName(self.tr("Places in the group"))
        size_row = QHBoxLayout()
        size_row.addWidget(self.group_size)
        size_row.addWidget(self.places)
        size_row.addStretch(1)
        for_label = QLabel(self.tr("&For:"), self)
        for_label.setBuddy(self.group_size)
        form.addRow(for_label, size_row)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem.line)
        row = QHBoxLayout()
        self.add_button = button(self.tr("&Add this time"), self.tr("Add this time"), "primary")
        self.add_button.clicked.connect(self.submit)
        self.added = label("", "ok")
        row.addWidget(self.add_button)
        row.addWidget(self.added, 1)
        layout.addLayout(row)

    # -- reacting --------------------------------------------------------------------------
    def _on_kind_toggled(self, _on: bool = False) -> None:
        weekly = self.weekly.isChecked()
        for widget in (self.days_label, self.repeat_label, self.repeat, self.starting, self.ends):
            widget.setVisible(weekly)
        for box in self.day_boxes:
            box.setVisible(weekly)
        self.until.setVisible(weekly)
        self.date.setVisible(not weekly)
        self.date_label.setVisible(not weekly)

    def _on_modality_changed(self, _index: int = 0) -> None:
        self.location.setPlaceholderText(self.tr(WHERE_HINT[self.chosen_modality()]))
        self.location.setAccessibleName(self.location.placeholderText())

    def _on_size_changed(self, _index: int = 0) -> None:
        self.places.setEnabled(int(self.group_size.currentData()) > 1)

    def chosen_modality(self) -> Modality:
        return Modality(str(self.modality.currentData()))

    def set_days(self, days: set[int]) -> None:
        for index, box in enumerate(self.day_boxes):
            box.setChecked(index in days)

    # -- building the window ---------------------------------------------------------------
    def window(self) -> Window:
        """The window the form describes; ValidationError (calm words) when it can't be."""
        start, end = pytime(self.start_time.time()), pytime(self.end_time.time())
        if end <= start:
            raise ValidationError("Please choose an end time after the start time.")
        capacity = self.places.value() if int(self.group_size.currentData()) > 1 else 1
        common = {
            "modality": self.chosen_modality(),
            "location": self.location.text().strip(),
            "capacity": capacity,
        }
        if self.once.isChecked():
            day = pydate(self.date.date())
            begins, ends = dt.datetime.combine(day, start), dt.datetime.combine(day, end)
            return Window("", WindowKind.EXTRA, begins, ends, **common)
        days = {i for i, box in enumerate(self.day_boxes) if box.isChecked()}
        if not days:
            raise ValidationError("Please choose at least one day of the week.")
        first = pydate(self.starting.date())
        until = pydate(self.until.date()) if self.ends.isChecked() else None
        if until is not None and until < first:
            raise ValidationError("Please choose a last day after the first.")
        rule = weekly_rule(days, interval=int(self.repeat.currentData()), until=until)
        begins, ends = dt.datetime.combine(first, start), dt.datetime.combine(first, end)
        return Window("", WindowKind.WEEKLY, begins, ends, rule, **common)

    def submit(self) -> None:
        self.problem.clear()
        self.added.clear()
        try:
            window = self.window()
        except ValidationError as exc:
            self.problem.show(exc.message)
            return
        self.add_requested.emit(window)

    def show_added(self, text: str) -> None:
        self.added.setText(self.tr("Added: {what}").format(what=text))


class LeaveForm(QGroupBox):
    """Days away: no one can book them, whatever the weekly times say."""

    add_requested = Signal(object)  # Window (id "", kind LEAVE)

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Time away"))
        self.problem = _Problem()
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(self.tr("Leave, training, a conference: no one can book these days."), "muted")
        )
        self.first = _date_edit(today, self.tr("Away from"))
        self.last = _date_edit(today + dt.timedelta(days=7), self.tr("Away until, and including"))
        row = QHBoxLayout()
        away = QLabel(self.tr("Away from"), self)
        away.setBuddy(self.first)
        row.addWidget(away)
        row.addWidget(self.first)
        row.addWidget(QLabel(self.tr("until and including"), self))
        row.addWidget(self.last)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.problem.line)
        buttons = QHBoxLayout()
        self.add_button = button(self.tr("Add time away"), self.tr("Add time away"))
        self.add_button.clicked.connect(self.submit)
        self.added = label("", "ok")
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.added, 1)
        layout.addLayout(buttons)

    def window(self) -> Window:
        first, last = pydate(self.first.date()), pydate(self.last.date())
        if last < first:
            raise ValidationError("Please choose a last day on or after the first.")
        start = dt.datetime.combine(first, dt.time())
        end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time())
        return Window("", WindowKind.LEAVE, start, end)

    def submit(self) -> None:
        self.problem.clear()
        self.added.clear()
        try:
            window = self.window()
        except ValidationError as exc:
            self.problem.show(exc.message)
            return
        self.add_requested.emit(window)

    def show_added(self, text: str) -> None:
        self.added.setText(self.tr("Added: {what}").format(what=text))
