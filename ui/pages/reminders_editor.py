"""One reminder's editor: what kind, when (times of day or an interval), which days,
quiet hours (which may cross midnight) and the kind's own options.

It builds a ``Rule`` and checks it with ``app.reminders.model.check_rule`` before
anything is saved, so a mistake is a calm sentence under the form, not an error
later. The page saves it (``ctx.write``); the dialog only edits.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.reminders.model import (
    ALL_DAYS,
    MAX_TIMES,
    NO_DAY_OFF_DEFAULT,
    NO_DAY_OFF_MAX,
    NO_DAY_OFF_MIN,
    WEEKDAYS,
    ReminderKind,
    Rule,
    Schedule,
    check_rule,
)
from ui.pages.reminders_times import TimesList
from ui.pages.reminders_wording import DAY_FULL, DAY_NAMES, KINDS, kind_about, kind_name
from ui.style import button, label


def _qtime(t: dt.time) -> QTime:
    return QTime(t.hour, t.minute)


def _time(q: QTime) -> dt.time:
    return dt.time(q.hour(), q.minute())


class RuleEditor(QDialog):
    remove_requested = Signal(str)  # the rule's id

    def __init__(self, rule: Rule | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ruleEditor")
        self.original = rule
        self.result_rule: Rule | None = None
        new = rule is None
        title = self.tr("Add a reminder") if new else self.tr("Change this reminder")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self._build(new)
        self._load(
            rule or Rule("", ReminderKind.CHECKIN, True, Schedule(times=(dt.time(17, 0),)), {})
        )
        # Wide enough for the seven days in a row; the form scrolls down, never sideways.
        self.setMinimumWidth(max(540, self.sizeHint().width()))
        self.resize(self.minimumWidth(), 580)

    # -- building ---------------------------------------------------------------------
    def _build(self, new: bool) -> None:
        form = QFormLayout()
        self.kind_box = QComboBox(self)
        self.kind_box.setAccessibleName(self.tr("Kind of reminder"))
        for kind in KINDS:
            if kind is not ReminderKind.SUPERVISION:  # its times come from bookings
                self.kind_box.addItem(self.tr(kind_name(kind)), kind.value)
        self.kind_box.setEnabled(new)  # a saved rule keeps its kind: add another instead
        self.kind_box.currentIndexChanged.connect(self._on_kind_changed)
        kind_label = QLabel(self.tr("&Kind:"), self)
        kind_label.setBuddy(self.kind_box)
        form.addRow(kind_label, self.kind_box)
        self.about = label("", "muted")
        form.addRow(self.about)

        self.at_times = QRadioButton(self.tr("At set &times of day"), self)
        self.at_times.setAccessibleName(self.tr("At set times of day"))
        self.every = QRadioButton(self.tr("&Every…"), self)
        self.every.setAccessibleName(self.tr("Every so often"))
        self.at_times.toggled.connect(self._on_mode_toggled)
        self.times = TimesList(MAX_TIMES, self)
        self.every_number = QSpinBox(self)
        self.every_number.setRange(1, 1440)
        self.every_number.setAccessibleName(self.tr("How often, number"))
        self.every_unit = QComboBox(self)
        self.every_unit.addItem(self.tr("hours"), 60)
        self.every_unit.addItem(self.tr("minutes"), 1)
        self.every_unit.setAccessibleName(self.tr("How often, unit"))
        self.every_unit.currentIndexChanged.connect(self._on_unit_changed)
        every_row = QHBoxLayout()
        every_row.addWidget(self.every)
        every_row.addWidget(self.every_number)
        every_row.addWidget(self.every_unit)
        every_row.addStretch(1)
        when = QVBoxLayout()
        when.addWidget(self.at_times)
        when.addWidget(self.times)
        when.addLayout(every_row)
        when_label = QLabel(self.tr("When:"), self)
        form.addRow(when_label, when)

        days_row = QHBoxLayout()
        self.day_boxes: list[QCheckBox] = []
        for short, full in zip(DAY_NAMES, DAY_FULL, strict=True):
            box = QCheckBox(self.tr(short), self)
            box.setAccessibleName(self.tr(full))
            self.day_boxes.append(box)
            days_row.addWidget(box)
        days_row.addStretch(1)
        quick = QHBoxLayout()
        self.every_day_button = button(self.tr("Every day"), self.tr("Every day"), "link")
        self.every_day_button.clicked.connect(lambda: self.set_days(ALL_DAYS))
        self.weekdays_button = button(self.tr("Weekdays"), self.tr("Weekdays only"), "link")
        self.weekdays_button.clicked.connect(lambda: self.set_days(WEEKDAYS))
        quick.addWidget(self.every_day_button)
        quick.addWidget(self.weekdays_button)
        quick.addStretch(1)
        days = QVBoxLayout()
        days.addLayout(days_row)
        days.addLayout(quick)
        form.addRow(QLabel(self.tr("Days:"), self), days)

        self.quiet = QCheckBox(self.tr("Keep &quiet hours"), self)
        self.quiet.setAccessibleName(self.tr("Keep quiet hours"))
        self.quiet_start = QTimeEdit(self)
        self.quiet_start.setDisplayFormat("HH:mm")
        self.quiet_start.setAccessibleName(self.tr("Quiet from"))
        self.quiet_end = QTimeEdit(self)
        self.quiet_end.setDisplayFormat("HH:mm")
        self.quiet_end.setAccessibleName(self.tr("Quiet until"))
        self.quiet.toggled.connect(self._on_quiet_toggled)
        quiet_row = QHBoxLayout()
        quiet_row.addWidget(QLabel(self.tr("from"), self))
        quiet_row.addWidget(self.quiet_start)
        quiet_row.addWidget(QLabel(self.tr("until"), self))
        quiet_row.addWidget(self.quiet_end)
        quiet_row.addStretch(1)
        quiet = QVBoxLayout()
        quiet.addWidget(self.quiet)
        quiet.addLayout(quiet_row)
        quiet.addWidget(
            label(
                self.tr(
                    "Nothing arrives in quiet hours; a reminder that falls in them waits "
                    "until they end. They can run overnight, say 22:00 until 07:00."
                ),
                "muted",
            )
        )
        form.addRow(QLabel(self.tr("Quiet:"), self), quiet)

        self.days_off = QSpinBox(self)
        self.days_off.setRange(NO_DAY_OFF_MIN, NO_DAY_OFF_MAX)
        self.days_off.setSuffix(self.tr(" days"))
        self.days_off.setAccessibleName(self.tr("After how many days without a day off"))
        self.days_off_label = QLabel(self.tr("After &this long:"), self)
        self.days_off_label.setBuddy(self.days_off)
        form.addRow(self.days_off_label, self.days_off)

        self.problem = label("", "error")
        self.problem.setAccessibleName(self.tr("Problem"))
        self.problem.hide()

        self.save_button = button(self.tr("&Save"), self.tr("Save this reminder"), "primary")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.on_save_clicked)
        self.cancel_button = button(self.tr("Cancel"), self.tr("Cancel, keep it as it was"))
        self.cancel_button.clicked.connect(self.reject)
        self.remove_button = button(self.tr("&Remove"), self.tr("Remove this reminder"))
        self.remove_button.clicked.connect(self.on_remove_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)

        # The form scrolls at small sizes; the buttons stay in view.
        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addLayout(form)
        body_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields inside
        scroll.setWidget(body)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # After setWidget (which turns it on): the dialog's own background shows through.
        body.setAutoFillBackground(False)
        scroll.viewport().setAutoFillBackground(False)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.problem)
        outer.addLayout(buttons)
        # Only once it has a parent: a parentless widget made visible is a window of its own.
        self.remove_button.setVisible(not new)

    # -- loading -----------------------------------------------------------------------
    def _load(self, rule: Rule) -> None:
        self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(rule.kind.value)))
        self._on_kind_changed()
        s = rule.schedule
        self.times.set_times(s.times or (dt.time(17, 0),))
        if s.every_minutes is not None:
            self.every.setChecked(True)
            hours = s.every_minutes % 60 == 0
            self.every_unit.setCurrentIndex(0 if hours else 1)
            self._on_unit_changed()
            self.every_number.setValue(s.every_minutes // 60 if hours else s.every_minutes)
        else:
            self.at_times.setChecked(True)
            self.every_number.setValue(2)
        self._on_mode_toggled()
        self.set_days(s.weekdays)
        has_quiet = s.quiet_start is not None and s.quiet_end is not None
        self.quiet.setChecked(has_quiet)
        self.quiet_start.setTime(_qtime(s.quiet_start or dt.time(21, 0)))
        self.quiet_end.setTime(_qtime(s.quiet_end or dt.time(7, 0)))
        self._on_quiet_toggled(has_quiet)
        self.days_off.setValue(int(rule.params.get("days", NO_DAY_OFF_DEFAULT)))

    def set_days(self, days: frozenset[int]) -> None:
        for index, box in enumerate(self.day_boxes):
            box.setChecked(index in days)

    def kind(self) -> ReminderKind:
        return ReminderKind(str(self.kind_box.currentData()))

    def _on_kind_changed(self, _index: int = 0) -> None:
        kind = self.kind()
        self.about.setText(self.tr(kind_about(kind)))
        show = kind is ReminderKind.NO_DAY_OFF
        self.days_off.setVisible(show)
        self.days_off_label.setVisible(show)

    def _on_mode_toggled(self, _on: bool = False) -> None:
        timed = self.at_times.isChecked()
        self.times.setEnabled(timed)
        self.every_number.setEnabled(not timed)
        self.every_unit.setEnabled(not timed)

    def _on_unit_changed(self, _index: int = 0) -> None:
        hours = int(self.every_unit.currentData()) == 60
        self.every_number.setRange(1, 24) if hours else self.every_number.setRange(5, 1440)

    def _on_quiet_toggled(self, on: bool) -> None:
        self.quiet_start.setEnabled(on)
        self.quiet_end.setEnabled(on)

    # -- saving ------------------------------------------------------------------------
    def rule(self) -> Rule:
        """The rule as the form says, checked (raises ValidationError with calm words)."""
        kind = self.kind()
        if self.at_times.isChecked():
            times, every = tuple(self.times.times()), None
        else:
            times, every = (), self.every_number.value() * int(self.every_unit.currentData())
        quiet = self.quiet.isChecked()
        schedule = Schedule(
            times=times,
            weekdays=frozenset(i for i, box in enumerate(self.day_boxes) if box.isChecked()),
            every_minutes=every,
            quiet_start=_time(self.quiet_start.time()) if quiet else None,
            quiet_end=_time(self.quiet_end.time()) if quiet else None,
            tz=self.original.schedule.tz if self.original else "",
        )
        params = dict(self.original.params) if self.original else {}
        if kind is ReminderKind.NO_DAY_OFF:
            params["days"] = self.days_off.value()
        if self.original is None:
            return check_rule(Rule("", kind, True, schedule, params))
        return check_rule(dataclasses.replace(self.original, schedule=schedule, params=params))

    def on_save_clicked(self) -> None:
        try:
            self.result_rule = self.rule()
        except ValidationError as exc:
            self.problem.setText(exc.message)
            self.problem.setAccessibleName(exc.message)
            self.problem.show()
            return
        self.accept()

    def on_remove_clicked(self) -> None:
        if self.original is not None:
            self.remove_requested.emit(self.original.id)
        self.reject()
