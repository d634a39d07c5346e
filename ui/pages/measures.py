"""Measures: short questionnaires to take now and then, with a gentle "when" and no nagging.

The list shows each questionnaire with a plain description, when it was last
taken and a quiet badge ("ProQOL due in 3 days" / "Ready when you are", or
"Needs its wording first" for a published one not yet given its wording). Taking
one opens ``TakeView`` (measures_take.py); saving shows ``ResultView``
(measures_result.py). Published questionnaires need their wording added first
(``WordingDialog``, measures_wording.py).

``activate("who5")`` (``ctx.navigate_requested.emit("measures:who5")``) starts
that questionnaire straight away. ``badge_text()`` / ``badge_changed`` give a
small count for the navigation: questionnaires already taken before whose time
has come round again ("" when there are none; never one still without its wording).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.domain import Changes
from app.errors import UserFacingError
from app.measures import describe
from app.measures.definitions import Definition, load_definitions
from app.services.measures import DueStatus, MeasureResult
from ui.context import UiContext
from ui.pages.checkin_widgets import may_take_focus, muted
from ui.pages.measures_result import ResultView
from ui.pages.measures_take import TakeView
from ui.pages.measures_wording import WordingDialog
from ui.style import button, centred_scroll, label, themed

log = logging.getLogger(__name__)

_CARD_STYLE = """
QFrame#measureCard { background: $surface; border: 1px solid $border_soft; border-radius: 8px; }
QLabel#dueBadge {
    background: $badge; color: $on_badge; border-radius: 9px; padding: 2px 10px;
}
"""


@dataclass(frozen=True)
class Row:
    defn: Definition
    status: DueStatus
    has_wording: bool

    @property
    def ready(self) -> bool:
        return describe.can_take(self.defn, self.has_wording)


class MeasureCard(QFrame):
    take_requested = Signal(str)
    wording_requested = Signal(str)

    def __init__(self, row: Row, today: dt.date, parent: QWidget | None = None):
        super().__init__(parent)
        defn, status = row.defn, row.status
        self.setObjectName("measureCard")
        themed(self, _CARD_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(4)
        head = QHBoxLayout()
        head.addWidget(label(defn.name, "heading"), 1)
        self.badge = label(
            describe.badge_text(defn, status.days_until, has_wording=row.has_wording)
        )
        self.badge.setWordWrap(False)
        self.badge.setObjectName("dueBadge")
        head.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(head)
        layout.addWidget(label(defn.about))
        when = label(
            f"{describe.last_taken_text(status.last_taken, today)}. {describe.cadence_text(defn)}"
        )
        muted(when)
        layout.addWidget(when)
        if not defn.own:  # an own measure says it isn't clinical in its description
            credit = label(defn.attribution)
            muted(credit)
            layout.addWidget(credit)
        self.ready = row.ready
        buttons = QHBoxLayout()
        self.take_button: QPushButton | None = None
        if self.ready:
            self.take_button = button(self.tr("Take it now"), f"Take {defn.name} now")
            self.take_button.clicked.connect(lambda: self.take_requested.emit(defn.id))
            buttons.addWidget(self.take_button)
        if not defn.own:
            text = (
                self.tr("Change the wording…") if row.has_wording else self.tr("Add the wording…")
            )
            self.wording_button = button(text, f"{text.rstrip('…')} for {defn.name}")
            self.wording_button.clicked.connect(lambda: self.wording_requested.emit(defn.id))
            buttons.addWidget(self.wording_button)
        if self.ready:
            buttons.addStretch(1)
        else:
            hint = label(self.tr("To take this one, first add its wording from the official form."))
            muted(hint)
            buttons.addWidget(hint, 1)
        layout.addLayout(buttons)
        self.setAccessibleName(f"{defn.name}. {self.badge.text()}")

    def first_button(self) -> QPushButton:
        return self.take_button or self.wording_button


class MeasuresPage(QWidget):
    key = "measures"
    title = "Measures"

    badge_changed = Signal(str)  # the nav count ("" for none)
    result_shown = Signal(object)  # app.services.measures.MeasureResult

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.defs = load_definitions()  # cached: read when the store opened, off this thread
        self.cards: dict[str, MeasureCard] = {}
        self.take_view: TakeView | None = None
        self.result_view: ResultView | None = None
        self._badge = ""
        self._generation = 0
        self._saving = False
        self._build()
        self.ctx.changed.connect(self._on_ctx_changed)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.submit)
        self.reload()

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack)
        content = QWidget()
        self.list_layout = QVBoxLayout(content)
        self.list_layout.setContentsMargins(20, 12, 20, 12)
        self.list_layout.setSpacing(10)
        intro = label(
            self.tr(
                "Short questionnaires to help you notice how you're going over time. Take them "
                "when it suits you: Tend only shows when each one comes round again. Nothing "
                "here is a diagnosis, and Tend's own pulse is not a clinical instrument."
            )
        )
        self.list_layout.addWidget(intro)
        self.cards_box = QVBoxLayout()
        self.cards_box.setSpacing(10)
        self.list_layout.addLayout(self.cards_box)
        self.list_layout.addStretch(1)
        scroll = centred_scroll(content, 900)
        self.list_view = scroll
        self.stack.addWidget(scroll)

    # -- page interface ----------------------------------------------------------------------
    def activate(self, arg: str | None) -> None:
        if arg and arg in self.defs and self.take_view is None:
            self.take(arg)
            return
        if self.result_view is not None:
            self.show_list()
        if self.take_view is not None:
            if may_take_focus(self):
                self.take_view.card.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.reload()
        if may_take_focus(self) and self.cards:
            next(iter(self.cards.values())).first_button().setFocus()

    def badge_text(self) -> str:
        return self._badge

    # -- the list ----------------------------------------------------------------------------
    def _today(self) -> dt.date:
        return self.ctx.tend.clock.now().date()

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        today = self._today()
        defs = self.defs

        def load() -> list[Row]:
            service = self.ctx.tend.require_store().measures
            supplied = service.supplied_wordings()
            return [
                Row(defs[s.measure_id], s, s.measure_id in supplied)
                for s in service.due(today)
                if s.measure_id in defs
            ]

        self.ctx.read(load, lambda rows: self._on_loaded(generation, today, rows))

    def _on_loaded(self, generation: int, today: dt.date, rows: list[Row]) -> None:
        if not isValid(self) or generation != self._generation:
            return
        had_focus = self.list_view.isAncestorOf(self.focusWidget()) if self.focusWidget() else False
        for card in self.cards.values():
            card.deleteLater()
        self.cards = {}
        for row in rows:
            card = MeasureCard(row, today)
            card.take_requested.connect(self.take)
            card.wording_requested.connect(self.add_wording)
            self.cards_box.addWidget(card)
            self.cards[row.defn.id] = card
        if had_focus and self.cards:
            next(iter(self.cards.values())).first_button().setFocus()
        badge = describe.due_count(
            (r.status.last_taken, r.status.days_until) for r in rows if r.ready
        )
        text = str(badge) if badge else ""
        if text != self._badge:
            self._badge = text
            self.badge_changed.emit(text)

    def _on_ctx_changed(self, changes: Changes) -> None:
        if changes.measures or changes.everything:
            self.reload()

    def show_list(self) -> None:
        for view in (self.take_view, self.result_view):
            if view is not None:
                self.stack.removeWidget(view)
                view.deleteLater()
        self.take_view = self.result_view = None
        self.stack.setCurrentWidget(self.list_view)
        if self.cards:
            next(iter(self.cards.values())).first_button().setFocus()

    # -- wording -----------------------------------------------------------------------------
    def add_wording(self, measure_id: str, then_take: bool = False) -> WordingDialog:
        dialog = WordingDialog(self.ctx, self.defs[measure_id], self)
        if then_take:
            dialog.saved.connect(lambda: self.take(measure_id))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    # -- taking ------------------------------------------------------------------------------
    def take(self, measure_id: str) -> None:
        defn = self.defs[measure_id]
        self.ctx.read(
            lambda: self.ctx.tend.require_store().measures.wording(measure_id),
            lambda wording: self._begin(defn, wording),
        )

    def _begin(self, defn: Definition, wording: tuple[str, ...] | None) -> None:
        if not isValid(self):
            return
        if wording is None:
            self.add_wording(defn.id, then_take=True)
            return
        self.show_list()
        view = TakeView(defn, wording)
        view.submit_requested.connect(self.submit)
        view.leave_requested.connect(self.show_list)
        view.safety_answered.connect(self._on_safety)
        self.take_view = view
        self.stack.addWidget(view)
        self.stack.setCurrentWidget(view)
        view.card.setFocus(Qt.FocusReason.OtherFocusReason)
        log.info("questionnaire started")

    def _on_safety(self) -> None:
        # Not logged: that this happened is itself private.
        self.ctx.help_requested.emit()

    def submit(self) -> None:
        view = self.take_view
        if view is None or self._saving or self.stack.currentWidget() is not view:
            return
        answers, measure_id = view.answers(), view.defn.id
        self._saving = True
        view.set_busy(True)
        self.ctx.write(
            lambda: self.ctx.tend.require_store().measures.save(measure_id, answers),
            self._on_saved,
            self._on_save_failed,
        )

    def _on_saved(self, result: MeasureResult) -> None:
        if not isValid(self):
            return
        self._saving = False
        defn = self.defs[result.measure_id]
        self.show_list()
        view = ResultView(defn, result)
        view.done_requested.connect(self.show_list)
        view.support_requested.connect(self.ctx.help_requested)
        self.result_view = view
        self.stack.addWidget(view)
        self.stack.setCurrentWidget(view)
        view.done_button.setFocus()
        log.info("questionnaire saved")
        self.result_shown.emit(result)

    def _on_save_failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self._saving = False
        if self.take_view is not None:
            self.take_view.set_busy(False)
            if isinstance(exc, UserFacingError):
                self.take_view.show_message(exc.message, "error")
                return
            self.take_view.show_message(
                self.tr("That didn't save. Your answers are still here, so you can try again."),
                "error",
            )
        self.ctx.report_error(exc)
