"""The daily check-in: a few quick answers, all optional, keyboard first.

Number keys answer a question and move on; Tab skips one; Ctrl+Enter (or
Ctrl+S) saves from anywhere on the page. One check-in per day: opening a day
that already has one loads it for editing, and saving again updates it.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging

from PySide6.QtCore import QDate, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.domain import EARLIEST_DAY, SCALES, Changes, Checkin, CheckinDraft, DayKind, Exposure
from app.errors import UserFacingError, ValidationError
from ui.context import UiContext
from ui.pages import checkin_wording as words
from ui.pages.checkin_widgets import (
    ChoiceRow,
    TagsEdit,
    align_anchors,
    day_edit,
    from_qdate,
    limit_to_today,
    may_take_focus,
    muted,
    set_role,
    to_qdate,
)
from ui.style import mark

log = logging.getLogger(__name__)

_WITH_HOURS = (Exposure.SOME, Exposure.A_LOT)
NO_HOURS = -0.5  # the spin box's "not counted" value, shown as words


def parse_day(arg: str | None) -> dt.date | None:
    try:
        return None if not arg else dt.date.fromisoformat(arg)
    except ValueError:
        return None


class CheckinPage(QWidget):
    key = "checkin"
    title = "Check in"

    checkin_saved = Signal(object)  # app.domain.Checkin

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._day: dt.date | None = None
        self._existing: Checkin | None = None
        self._generation = 0  # of day loads; older replies are dropped
        self._saving = False
        self._dirty = False
        self._populating = False
        self._build()
        self._wire()

    # -- building -----------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget()
        content.setMaximumWidth(900)
        form = QVBoxLayout(content)
        form.setContentsMargins(20, 16, 20, 12)
        form.setSpacing(6)
        holder = QWidget()
        centred = QHBoxLayout(holder)
        centred.setContentsMargins(0, 0, 0, 0)
        centred.addWidget(content)
        scroll.setWidget(holder)
        scroll.viewport().setAutoFillBackground(False)  # the page's own background shows
        holder.setAutoFillBackground(False)
        outer.addWidget(scroll, 1)

        today = self.ctx.tend.clock.now().date()
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

        self.rows: dict[str, ChoiceRow] = {}
        for scale in words.scales():
            choices = [(n, str(n), f"{n}, {scale.labels[n - 1]}") for n in range(1, 6)]
            row = ChoiceRow(scale.question, choices, anchors=(scale.low, scale.high))
            self.rows[scale.name] = row
            form.addWidget(row)
        align_anchors(list(self.rows.values()))

        self.exposure_row = ChoiceRow(
            words.exposure_question(), [(v, t, t) for v, t in words.exposure_choices()]
        )
        form.addWidget(self.exposure_row)
        # Hours sit on their own line under the choices, so the row fits at 1024 px wide.
        exposure_line = QHBoxLayout()
        exposure_line.setContentsMargins(8, 0, 0, 0)
        self.hours_label = QLabel(words.hours_question())
        self.hours = QDoubleSpinBox()
        self.hours.setRange(NO_HOURS, 24.0)
        self.hours.setSingleStep(0.5)
        self.hours.setDecimals(1)
        self.hours.setSpecialValueText(self.tr("Not counted"))
        self.hours.setSuffix(self.tr(" h"))
        self.hours.setValue(NO_HOURS)
        self.hours.setAccessibleName(words.hours_question())
        self.hours.setAccessibleDescription(self.tr("Optional"))
        self.hours_label.setBuddy(self.hours)
        exposure_line.addWidget(self.hours_label)
        exposure_line.addWidget(self.hours)
        exposure_line.addStretch(1)
        form.addLayout(exposure_line)

        self.day_row = ChoiceRow(
            words.day_question(),
            [(v, t, t) for v, t in words.day_choices()],
            allow_clear=False,
        )
        self.day_row.set_value(DayKind.WORK)
        form.addWidget(self.day_row)

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
        form.addStretch(1)

        bar_box = QWidget()  # as wide as the form above it, so Save sits under the answers
        bar_box.setMaximumWidth(content.maximumWidth())
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
        outer.addLayout(bar_line)

        chain: list[QWidget] = [self.date_edit, *self.rows.values(), self.exposure_row]
        chain += [self.hours, self.day_row, self.note, self.tags, self.save_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self._sync_hours()

    def _wire(self) -> None:
        for row in (*self.rows.values(), self.exposure_row, self.day_row):
            row.value_changed.connect(self._on_edited)
        self.exposure_row.value_changed.connect(self._sync_hours)
        self.hours.valueChanged.connect(self._on_edited)
        self.note.textChanged.connect(self._on_edited)
        self.tags.textEdited.connect(self._on_edited)
        self.date_edit.dateChanged.connect(self._on_date_changed)
        self.save_button.clicked.connect(self.save)
        for keys in ("Ctrl+Return", "Ctrl+Enter", QKeySequence.StandardKey.Save):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save)
        self.ctx.changed.connect(self._on_ctx_changed)

    # -- page interface -------------------------------------------------------------------
    def activate(self, arg: str | None) -> None:
        today = self._today()
        limit_to_today(self.date_edit, today)
        day = parse_day(arg)
        if day is not None and not EARLIEST_DAY <= day <= today:
            day = None
        if day is None and arg is None and self._dirty and self._day is not None:
            day = self._day  # coming back to unsaved answers: keep them
        self.open_day(day or today)
        self._load_tags()
        if may_take_focus(self):
            self.focus_first()

    def open_day(self, day: dt.date) -> None:
        with QSignalBlocker(self.date_edit):
            self.date_edit.setDate(to_qdate(day))
        if day != self._day or not self._dirty:
            self._load(day)

    def focus_first(self) -> None:
        self.rows[SCALES[0]].setFocus(Qt.FocusReason.OtherFocusReason)

    # -- loading --------------------------------------------------------------------------
    def _today(self) -> dt.date:
        return self.ctx.tend.clock.now().date()

    def _load(self, day: dt.date) -> None:
        self._day = day
        self._generation += 1
        generation = self._generation
        self.message.clear()
        self.ctx.read(
            lambda: self.ctx.tend.require_store().checkins.get(day),
            lambda found: self._on_loaded(generation, found),
        )

    def _on_loaded(self, generation: int, found: Checkin | None) -> None:
        if not isValid(self) or generation != self._generation:
            return  # the page is gone, or a newer day was asked for since
        self._existing = found
        if found is not None:
            self._fill(found)
        elif not self._dirty:
            self._fill(CheckinDraft(day=self._day or self._today()))
        # else: a day without a check-in; keep what the person already typed
        self._show_status()

    def _fill(self, draft: CheckinDraft) -> None:
        self._populating = True
        try:
            for name, row in self.rows.items():
                row.set_value(getattr(draft, name))
            self.exposure_row.set_value(draft.exposure)
            self.hours.setValue(NO_HOURS if draft.exposure_hours is None else draft.exposure_hours)
            self.day_row.set_value(draft.day_kind)
            self.note.setPlainText(draft.note)
            self.tags.set_tags(draft.tags)
        finally:
            self._populating = False
        self._dirty = False

    def _show_status(self) -> None:
        day = self._day or self._today()
        label = words.day_label(day, self._today())
        is_today = day == self._today()
        if self._existing is not None and is_today:
            text = self.tr("You checked in earlier today. You can change anything and save again.")
        elif self._existing is not None:
            text = self.tr("You checked in on {day}. You can change anything and save again.")
        elif is_today:
            text = self.tr("How are you today? Answer what you like and skip the rest.")
        else:
            text = self.tr("No check-in for {day} yet. You can add one now if you like.")
        self.status.setText(text.format(day=label))

    def _load_tags(self) -> None:
        self.ctx.read(lambda: self.ctx.tend.require_store().journal.tags(), self._on_tags)

    def _on_tags(self, tags: list[str]) -> None:
        if isValid(self):
            self.tags.set_known_tags(tags)

    def _on_ctx_changed(self, changes: Changes) -> None:
        if changes.tags or changes.everything:
            self._load_tags()
        quiet = not (self._dirty or self._saving)  # never replace answers being typed
        if (changes.checkins or changes.everything) and quiet and self._day is not None:
            self._load(self._day)

    # -- editing --------------------------------------------------------------------------
    def _on_edited(self, *_args: object) -> None:
        if not self._populating:
            self._dirty = True
            self.message.clear()

    def _sync_hours(self, *_args: object) -> None:
        enabled = self.exposure_row.value() in _WITH_HOURS
        self.hours.setEnabled(enabled)
        self.hours_label.setEnabled(enabled)

    def _on_date_changed(self, day: QDate) -> None:
        self._load(from_qdate(day))

    def draft(self) -> CheckinDraft:
        exposure = self.exposure_row.value()
        hours = self.hours.value()
        return CheckinDraft(
            day=self._day or self._today(),
            **{name: row.value() for name, row in self.rows.items()},
            exposure=exposure,
            exposure_hours=hours if exposure in _WITH_HOURS and hours >= 0 else None,
            day_kind=self.day_row.value(),
            note=self.note.toPlainText(),
            tags=self.tags.tags(),
        )

    # -- saving ---------------------------------------------------------------------------
    def save(self) -> None:
        if self._saving:
            return  # one write at a time; the button is disabled meanwhile
        draft = self.draft()
        self._saving = True
        self.save_button.setEnabled(False)
        self.message.clear()
        self.ctx.write(
            lambda: self.ctx.tend.require_store().checkins.save(draft),
            self._on_saved,
            self._on_save_failed,
        )

    def _on_saved(self, checkin: Checkin) -> None:
        if not isValid(self):
            return
        updated = self._existing is not None
        self._saving = False
        self.save_button.setEnabled(True)
        self._existing = checkin
        self._dirty = False
        if checkin.day == self._day:
            self._fill(checkin)  # show what was stored (tags tidied, hours dropped)
        self._show_status()
        set_role(self.message, "ok")
        if updated:
            self.message.setText(self.tr("Saved your changes. Thank you."))
        else:
            self.message.setText(self.tr("Saved. Thanks for taking a moment for yourself."))
        log.info("check-in saved (updated=%s)", updated)
        self.checkin_saved.emit(checkin)

    def _on_save_failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self._saving = False
        self.save_button.setEnabled(True)
        set_role(self.message, "error")
        if isinstance(exc, UserFacingError):
            self.message.setText(exc.message)
            if not isinstance(exc, ValidationError):
                self.ctx.report_error(exc)
        else:
            self.message.setText(
                self.tr("That didn't save. Your answers are still here, so you can try again.")
            )
            self.ctx.report_error(exc)
