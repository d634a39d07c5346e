"""The daily check-in: a few quick answers, all optional, keyboard first.

Number keys answer a question and move on; Tab skips one; Ctrl+Enter (or
Ctrl+S) saves from anywhere on the page. One check-in per day: opening a day
that already has one loads it for editing, and saving again updates it.
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget
from shiboken6 import isValid

from app.domain import EARLIEST_DAY, SCALES, Changes, Checkin, CheckinDraft, Exposure
from app.errors import UserFacingError, ValidationError
from ui.context import UiContext
from ui.pages import checkin_wording as words
from ui.pages.checkin_form import NO_HOURS, CheckinForm
from ui.pages.checkin_widgets import from_qdate, limit_to_today, may_take_focus, set_role, to_qdate

log = logging.getLogger(__name__)

_WITH_HOURS = (Exposure.SOME, Exposure.A_LOT)
DATE_SETTLE_MS = 300  # a typed date is loaded this long after the last keystroke


def parse_day(arg: str | None) -> dt.date | None:
    try:
        return None if not arg else dt.date.fromisoformat(arg)
    except ValueError:
        return None


class CheckinPage(CheckinForm):
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
        self._question: QMessageBox | None = None  # "keep your answers?" while it is open
        # Typing a date emits dateChanged for every part typed: load once it settles.
        self.date_timer = QTimer(self)
        self.date_timer.setSingleShot(True)
        self.date_timer.setInterval(DATE_SETTLE_MS)
        self._build(self._today())
        self._sync_hours()
        self._wire()

    def _wire(self) -> None:
        for row in (*self.rows.values(), self.exposure_row, self.day_row):
            row.value_changed.connect(self._on_edited)
        self.exposure_row.value_changed.connect(self._sync_hours)
        self.hours.valueChanged.connect(self._on_edited)
        self.note.textChanged.connect(self._on_edited)
        self.tags.textEdited.connect(self._on_edited)
        self.date_edit.dateChanged.connect(lambda _day: self.date_timer.start())
        self.date_edit.editingFinished.connect(self._on_date_settled)
        self.date_timer.timeout.connect(self._on_date_settled)
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
        """Show ``day``; unsaved answers for another day are kept only if the person says so."""
        if self._question is not None:
            return  # already asking about a change of day
        self.date_timer.stop()
        self._show_date(day)
        if not self._dirty:
            self._load(day)
        elif day != self._day:
            self._ask_keep_answers(day)

    def save_for_lock(self) -> None:
        """Tend is locking or closing: save unsaved answers rather than lose them.

        Queued on the writer lane, so it lands before the store closes. Answers
        that could not be saved as they are (e.g. a note past the limit) are dropped.
        """
        if not self._dirty or self._day is None:
            return
        try:
            draft = self.draft().validated(self._today())
        except ValidationError:
            log.info("unsaved check-in not valid; not saved on lock")
            return
        self._dirty = False
        store = self.ctx.tend.require_store()
        # Straight to the task runner: no ``changed`` (the pages are going away), so no
        # reads start while the store closes.
        self.ctx.tasks.write(lambda: store.checkins.save(draft), None, self.ctx.report_error)
        log.info("unsaved check-in saved on lock")

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
        if not self._dirty:  # never replace answers being typed, or kept on purpose
            self._fill(found or CheckinDraft(day=self._day or self._today()))
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
        if self._existing is not None and self._dirty:  # answers kept from another day
            text = self.tr("There's already a check-in for {day}. Saving replaces it with these.")
        elif self._existing is not None and is_today:
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

    # -- changing the day ------------------------------------------------------------------
    def _show_date(self, day: dt.date) -> None:
        with QSignalBlocker(self.date_edit):
            self.date_edit.setDate(to_qdate(day))

    def _on_date_settled(self) -> None:
        self.date_timer.stop()
        day = from_qdate(self.date_edit.date())
        if day != self._day:
            self.open_day(day)

    def _ask_keep_answers(self, day: dt.date) -> None:
        """Window-modal but not blocking (``open()``): locking can still close it."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Unsaved answers"))
        box.setText(
            self.tr(
                "You haven't saved these answers yet. Keep what you've entered for {day}?"
            ).format(day=words.day_label(day, self._today()))
        )
        keep = box.addButton(self.tr("Keep my answers"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Discard them"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result: self._on_keep_answered(box, keep, day))
        self._question = box
        box.open()

    def _on_keep_answered(self, box: QMessageBox, keep: QAbstractButton, day: dt.date) -> None:
        self._question = None
        clicked = box.clickedButton()
        if clicked is None:  # closed without an answer (Tend is locking): stay where we were
            if self._day is not None:
                self._show_date(self._day)
            return
        if clicked is not keep:
            self._dirty = False
        self._load(day)

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
