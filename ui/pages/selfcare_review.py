"""A short look back at the week: three questions, any of which can stay empty.

Weeks start on Monday. The panel opens on this week; last week (and any
earlier week with a review) can be chosen too. Saving goes through
``ctx.write`` and says a calm "Saved". Nothing here counts weeks or mentions
any week without a review.
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.errors import ValidationError
from app.selfcare.model import WeeklyReview, check_review_text, week_start
from ui.context import UiContext
from ui.style import button, label

log = logging.getLogger(__name__)

QUESTIONS = (
    ("helped", "What &helped this week?", "What helped this week"),
    ("drained", "What &drained you?", "What drained you"),
    ("next_week", "&One thing for next week", "One thing for next week"),
)


def week_words(monday: dt.date, this_week: dt.date) -> str:
    if monday == this_week:
        return f"This week (from Monday {monday.day} {monday:%B})"
    if monday == this_week - dt.timedelta(days=7):
        return f"Last week (from Monday {monday.day} {monday:%B})"
    return f"Week from Monday {monday.day} {monday:%B %Y}"


class ReviewPanel(QWidget):
    saved = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._dirty = False
        self._shown_week: dt.date | None = None  # whose answers the boxes hold
        self._loading = False
        self._generation = 0
        self.loaded = False
        self.this_week = week_start(ctx.tend.clock.now().date())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(
            label(
                self.tr(
                    "A few minutes to look back. Write as much or as little as you like; "
                    "any of these can stay empty."
                ),
                "muted",
            )
        )
        top = QHBoxLayout()
        week_label = QLabel(self.tr("Wee&k"))
        self.week = QComboBox(self)
        self.week.setAccessibleName(self.tr("Which week"))
        week_label.setBuddy(self.week)
        top.addWidget(week_label)
        top.addWidget(self.week)
        top.addStretch(1)
        layout.addLayout(top)

        self.fields: dict[str, QPlainTextEdit] = {}
        for key, text, name in QUESTIONS:
            question = QLabel(self.tr(text))
            editor = QPlainTextEdit(self)
            editor.setAccessibleName(self.tr(name))
            editor.setTabChangesFocus(True)
            editor.setMinimumHeight(60)
            editor.setMaximumHeight(84)
            editor.textChanged.connect(self._on_edited)
            question.setBuddy(editor)
            layout.addWidget(question)
            layout.addWidget(editor)
            self.fields[key] = editor

        row = QHBoxLayout()
        self.save_button = button(self.tr("&Save"), self.tr("Save this week's review"), "primary")
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.save_button.clicked.connect(lambda: self.save())
        self.status = QLabel("", self)
        self.status.setAccessibleName(self.tr("Save status"))
        row.addWidget(self.save_button)
        row.addWidget(self.status, 1)
        layout.addLayout(row)
        layout.addStretch(1)
        for keys in (QKeySequence.StandardKey.Save, "Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(lambda: self.save())

        self.set_weeks([])
        self.week.currentIndexChanged.connect(self._on_week_changed)

    # -- weeks ---------------------------------------------------------------------------
    def set_weeks(self, reviewed: list[dt.date]) -> None:
        """This week, last week and any earlier week with a review, newest first."""
        current = self.current_week()
        weeks = sorted(
            {self.this_week, self.this_week - dt.timedelta(days=7), *reviewed}, reverse=True
        )
        self.week.blockSignals(True)
        try:
            self.week.clear()
            for monday in weeks:
                # ISO text as the data: QComboBox.findData can't match a date.
                self.week.addItem(self.tr(week_words(monday, self.this_week)), monday.isoformat())
            self.week.setCurrentIndex(max(0, self.week.findData(current.isoformat())))
        finally:
            self.week.blockSignals(False)

    def follow_today(self) -> None:
        """If a new week began while Tend stayed open, open on it (unless mid-writing)."""
        monday = week_start(self.ctx.tend.clock.now().date())
        if monday == self.this_week or self._dirty:
            return
        self.this_week = monday
        self.set_weeks([])  # the page's next load adds the weeks with reviews
        self.week.blockSignals(True)
        self.week.setCurrentIndex(0)
        self.week.blockSignals(False)
        self.status.clear()
        self.load()

    def current_week(self) -> dt.date:
        value = self.week.currentData()
        return dt.date.fromisoformat(value) if isinstance(value, str) else self.this_week

    def select_week(self, monday: dt.date) -> None:
        index = self.week.findData(monday.isoformat())
        if index >= 0:
            self.week.setCurrentIndex(index)

    # -- loading -------------------------------------------------------------------------
    def _on_week_changed(self, _index: int) -> None:
        self.status.clear()
        if self._dirty and self._shown_week is not None:
            self.save(self._shown_week)  # what was typed belongs to the week it was typed for
        self.load()

    def load(self) -> None:
        """Read the chosen week's review (unless there is unsaved writing)."""
        self._generation += 1
        generation, week = self._generation, self.current_week()
        store = self.ctx.tend.require_store()
        self.ctx.read(
            lambda: store.selfcare.review(week),
            lambda found: self._on_loaded(generation, week, found),
        )

    def _on_loaded(self, generation: int, week: dt.date, review: WeeklyReview | None) -> None:
        if not isValid(self) or generation != self._generation:
            return
        if self._dirty:  # typed while the week was loading: never overwrite the person's words
            return
        self._shown_week = week
        self._loading = True
        try:
            for key, editor in self.fields.items():
                editor.setPlainText("" if review is None else getattr(review, key))
        finally:
            self._loading = False
        self._dirty = False
        self.loaded = True

    def has_unsaved(self) -> bool:
        return self._dirty

    def _on_edited(self) -> None:
        if not self._loading:
            self._dirty = True
            self.status.clear()

    # -- saving --------------------------------------------------------------------------
    def answers(self) -> tuple[str, str, str]:
        helped, drained, next_week = (self.fields[k].toPlainText() for k, _t, _n in QUESTIONS)
        return helped, drained, next_week

    def save(self, week: dt.date | None = None) -> None:
        week, answers = week or self.current_week(), self.answers()
        store = self.ctx.tend.require_store()
        self._dirty = False
        self.ctx.write(
            lambda: store.selfcare.save_review(week, *answers),
            lambda _changes: self._on_saved(),
            self._on_save_failed,
        )

    def _on_saved(self) -> None:
        if isValid(self):
            self.status.setText(self.tr("Saved"))
            self.saved.emit()

    def _on_save_failed(self, exc: BaseException) -> None:
        if isValid(self):
            self._dirty = True
        self.ctx.report_error(exc)

    def save_for_lock(self) -> None:
        """Tend is locking or closing: keep unsaved writing rather than lose it."""
        if not self._dirty:
            return
        week, answers = self._shown_week or self.current_week(), self.answers()
        try:
            for text, (_key, _label, name) in zip(answers, QUESTIONS, strict=True):
                check_review_text(text, name)
        except ValidationError:
            log.info("unsaved weekly review not valid; not saved on lock")
            return
        self._dirty = False
        store = self.ctx.tend.require_store()
        # Straight to the task runner: no ``changed`` while the pages go away.
        self.ctx.tasks.write(
            lambda: store.selfcare.save_review(week, *answers), None, self.ctx.report_error
        )
        log.info("unsaved weekly review saved on lock")
