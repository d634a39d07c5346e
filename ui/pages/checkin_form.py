"""The check-in page's widgets, built in code: one builder per section of the form.

``CheckinForm`` only lays the widgets out; ``ui.pages.checkin.CheckinPage``
wires them up and does the loading and saving.
"""

from __future__ import annotations

import datetime as dt
import itertools

from PySide6.QtWidgets import (
    QDateEdit,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain import DayKind
from ui.pages import checkin_wording as words
from ui.pages.checkin_hours import HoursBox
from ui.pages.checkin_widgets import ChoiceRow, TagsEdit, align_anchors, day_edit, muted
from ui.style import centred_scroll, mark

NO_HOURS = -0.5  # the spin box's "not counted" value, shown as words


class CheckinForm(QWidget):
    """The questions, the note and tags, and the Save bar (no behaviour)."""

    rows: dict[str, ChoiceRow]
    date_edit: QDateEdit
    status: QLabel
    exposure_row: ChoiceRow
    hours_label: QLabel
    hours: QDoubleSpinBox
    day_row: ChoiceRow
    note: QPlainTextEdit
    tags: TagsEdit
    message: QLabel
    save_button: QPushButton

    def _build(self, today: dt.date) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        content = QWidget()
        form = QVBoxLayout(content)
        form.setContentsMargins(20, 16, 20, 12)
        form.setSpacing(6)
        outer.addWidget(centred_scroll(content, 900), 1)
        self._build_header(form, today)
        self._build_scales(form)
        self._build_exposure(form)
        self._build_day_kind(form)
        self._build_note_and_tags(form)
        form.addStretch(1)
        outer.addLayout(self._build_save_bar(content.maximumWidth()))
        self._set_tab_order()

    def _build_header(self, form: QVBoxLayout, today: dt.date) -> None:
        header = QHBoxLayout()
        self.date_edit = day_edit(today, self.tr("Day of this check-in"))
        date_label = QLabel(self.tr("Check-in &for"))
        date_label.setBuddy(self.date_edit)
        header.addWidget(date_label)
        header.addWidget(self.date_edit)
        header.addStretch(1)
        form.addLayout(header)
        self.status = QLabel()
        self.status.setWordWrap(True)
        form.addWidget(self.status)
        hint = QLabel(
            self.tr(
                "Every question is optional. Number keys answer and move on, "
                "Tab skips, Ctrl+Enter saves."
            )
        )
        hint.setWordWrap(True)
        muted(hint)
        form.addWidget(hint)

    def _build_scales(self, form: QVBoxLayout) -> None:
        self.rows = {}
        for scale in words.scales():
            choices = [(n, str(n), scale.labels[n - 1]) for n in range(1, 6)]
            row = ChoiceRow(scale.question, choices, anchors=(scale.low, scale.high))
            self.rows[scale.name] = row
            form.addWidget(row)
        align_anchors(list(self.rows.values()))

    def _build_exposure(self, form: QVBoxLayout) -> None:
        self.exposure_row = ChoiceRow(
            words.exposure_question(), [(v, t, t) for v, t in words.exposure_choices()]
        )
        form.addWidget(self.exposure_row)
        # Hours sit on their own line under the choices, so the row fits at 1024 px wide.
        exposure_line = QHBoxLayout()
        exposure_line.setContentsMargins(8, 0, 0, 0)
        self.hours_label = QLabel(words.hours_question())
        self.hours = HoursBox(words.hours_question(), NO_HOURS)
        self.hours_label.setBuddy(self.hours)
        exposure_line.addWidget(self.hours_label)
        exposure_line.addWidget(self.hours)
        exposure_line.addStretch(1)
        form.addLayout(exposure_line)

    def _build_day_kind(self, form: QVBoxLayout) -> None:
        self.day_row = ChoiceRow(
            words.day_question(),
            [(v, t, t) for v, t in words.day_choices()],
            allow_clear=False,
        )
        self.day_row.set_value(DayKind.WORK)
        form.addWidget(self.day_row)

    def _build_note_and_tags(self, form: QVBoxLayout) -> None:
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(self.tr("Anything you'd like to remember about today?"))
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setMinimumHeight(64)
        self.note.setMaximumHeight(120)
        note_label = QLabel(self.tr("&Note (optional)"))
        note_label.setBuddy(self.note)
        form.addSpacing(4)
        form.addWidget(note_label)
        form.addWidget(self.note)
        self.tags = TagsEdit()
        tags_label = QLabel(self.tr("T&ags"))
        tags_label.setBuddy(self.tags)
        tags_line = QHBoxLayout()
        tags_line.addWidget(tags_label)
        tags_line.addWidget(self.tags, 1)
        form.addLayout(tags_line)

    def _build_save_bar(self, width: int) -> QHBoxLayout:
        bar_box = QWidget()  # as wide as the form above it, so Save sits under the answers
        bar_box.setMaximumWidth(width)
        bar = QHBoxLayout(bar_box)
        bar.setContentsMargins(20, 6, 20, 12)
        self.message = QLabel()  # thanks after saving, or what to fix
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Check-in status"))
        bar.addWidget(self.message, 1)
        self.save_button = QPushButton(self.tr("&Save check-in"))
        self.save_button.setDefault(True)
        mark(self.save_button, "primary")
        self.save_button.setAccessibleName(self.tr("Save check-in"))
        self.save_button.setAccessibleDescription(self.tr("Ctrl+Enter"))
        bar.addWidget(self.save_button)
        bar_line = QHBoxLayout()
        bar_line.addWidget(bar_box)
        return bar_line

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [self.date_edit, *self.rows.values(), self.exposure_row]
        chain += [self.hours, self.day_row, self.note, self.tags, self.save_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
