"""Self-care: the person's own plan, Tend's starter ideas, and a short weekly look back.

Three tabs, each scrolling on its own so everything stays readable at
1024x640: "My plan" (by area, what restores and what drains), "Ideas to start
from" (keep, reword or drop) and "This week" (three questions). Everything is
read and written through ``ctx.read``/``ctx.write``; the page redraws on
``ctx.changed`` when the self-care flag is set. Plan text is shown only here.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from PySide6.QtWidgets import QScrollArea, QTabWidget, QVBoxLayout, QWidget
from shiboken6 import isValid

from app.domain import Changes
from app.selfcare.model import AREA_LABELS, Area, Kind, PlanItem, Suggestion
from ui.context import UiContext
from ui.pages.journal import UndoShelf, make_undo
from ui.pages.selfcare_plan import PlanView
from ui.pages.selfcare_review import ReviewPanel
from ui.pages.selfcare_suggestions import SuggestionsPanel
from ui.style import centred_scroll, themed

log = logging.getLogger(__name__)

PAGE_STYLE = """
QLabel[role="subheading"] { font-weight: 600; }
QGroupBox { font-weight: 600; border: 1px solid $border_soft; border-radius: 6px;
            margin-top: 14px; padding-top: 6px; background: $surface; }
QGroupBox::title { subcontrol-origin: margin; left: 10px; padding: 0 4px; }
QGroupBox QLabel, QGroupBox QPushButton, QGroupBox QLineEdit, QGroupBox QListWidget {
    font-weight: normal; }
QGroupBox QLabel[role="subheading"] { font-weight: 600; }
QListWidget::item { padding: 4px; }
"""
TABS = ("plan", "ideas", "week")


@dataclass(frozen=True)
class _Loaded:
    items: list[PlanItem]
    suggestions: list[Suggestion]
    dropped: int
    reviewed_weeks: list[dt.date]


def _scrolling(inner: QWidget) -> QScrollArea:
    """``inner`` in a vertical scroll area, at most 900 px wide, the page's colour behind."""
    return centred_scroll(inner, 900, margins=(16, 12, 16, 16), sideways=False)


class SelfCarePage(QWidget):
    key = "selfcare"
    title = "Self-care"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.loaded = False
        self.shelf = UndoShelf()
        self.destroyed.connect(self.shelf.clear)
        self._generation = 0
        self._select: str | None = None  # an item to select once the plan is redrawn
        themed(self, PAGE_STYLE)
        self._build()
        ctx.changed.connect(self._on_ctx_changed)
        self.refresh()
        self.review.load()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Self-care"))
        self.tabs.setDocumentMode(True)
        self.plan = PlanView()
        self.suggestions = SuggestionsPanel()
        self.review = ReviewPanel(self.ctx)
        self.tabs.addTab(_scrolling(self.plan), self.tr("My &plan"))
        self.tabs.addTab(_scrolling(self.suggestions), self.tr("&Ideas to start from"))
        self.tabs.addTab(_scrolling(self.review), self.tr("This &week"))
        layout.addWidget(self.tabs)

        self.plan.add_requested.connect(self.on_add_requested)
        self.plan.edit_requested.connect(self.on_edit_requested)
        self.plan.remove_requested.connect(self.on_remove_requested)
        self.plan.move_requested.connect(self.on_move_requested)
        self.suggestions.keep_requested.connect(self.on_keep_requested)
        self.suggestions.drop_requested.connect(self.on_drop_requested)
        self.suggestions.bring_back_requested.connect(self.on_bring_back_requested)

    # -- showing ---------------------------------------------------------------------------
    def activate(self, arg: str | None) -> None:
        """``arg`` may name a tab: "plan", "ideas" or "week"."""
        if arg in TABS:
            self.tabs.setCurrentIndex(TABS.index(arg))
        self.review.follow_today()
        self.refresh()

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        selfcare = self.ctx.tend.require_store().selfcare

        def load() -> _Loaded:
            return _Loaded(
                selfcare.items(),
                selfcare.suggestions(),
                selfcare.dropped_count(),
                selfcare.reviewed_weeks(),
            )

        self.ctx.read(load, lambda loaded: self._on_loaded(generation, loaded))

    def _on_loaded(self, generation: int, loaded: _Loaded) -> None:
        if not isValid(self) or generation != self._generation:
            return
        select, self._select = self._select, None
        self.plan.show_items(loaded.items, select)
        self.suggestions.show_suggestions(loaded.suggestions, loaded.dropped)
        self.review.set_weeks(loaded.reviewed_weeks)
        self.loaded = True

    def _on_ctx_changed(self, changes: Changes) -> None:
        if changes.selfcare or changes.everything:
            self.refresh()
            if not self.review.has_unsaved():
                self.review.load()

    def save_for_lock(self) -> None:
        self.review.save_for_lock()

    # -- the plan --------------------------------------------------------------------------
    def on_add_requested(self, area: str, kind: str, text: str) -> None:
        selfcare = self.ctx.tend.require_store().selfcare
        plan_list = self.plan.plan_list(Area(area), Kind(kind))

        def added(item: PlanItem) -> None:
            if isValid(self):
                self._select = item.id
                plan_list.item_added()

        self.ctx.write(lambda: selfcare.add(area, kind, text), added)

    def on_edit_requested(self, item_id: str, text: str) -> None:
        selfcare = self.ctx.tend.require_store().selfcare
        self._select = item_id
        self.ctx.write(lambda: selfcare.update(item_id, text), on_error=self._on_write_failed)

    def on_remove_requested(self, item_id: str) -> None:
        selfcare = self.ctx.tend.require_store().selfcare
        self.ctx.write(lambda: selfcare.delete(item_id), self._offer_undo)

    def _offer_undo(self, snapshot: PlanItem | None) -> None:
        if snapshot is None or not isValid(self):
            return
        selfcare = self.ctx.tend.require_store().selfcare
        token = self.shelf.put(lambda: selfcare.restore(snapshot))
        log.info("self-care item removed, undo offered")
        self.ctx.undo_offered.emit(
            self.tr("Removed from your plan."), make_undo(self.ctx, self.shelf, token)
        )

    def on_move_requested(self, item_id: str, step: int) -> None:
        selfcare = self.ctx.tend.require_store().selfcare
        self._select = item_id
        self.ctx.write(lambda: selfcare.move(item_id, step))

    def _on_write_failed(self, exc: BaseException) -> None:
        self.ctx.report_error(exc, source=self)
        if isValid(self):
            self.refresh()  # put back the words the list showed before the edit

    # -- starter ideas -----------------------------------------------------------------------
    def on_keep_requested(self, suggestion_id: str, words: str) -> None:
        selfcare = self.ctx.tend.require_store().selfcare

        def kept(item: PlanItem) -> None:
            self.ctx.notify(
                self.tr("Kept in your plan, under {area}.").format(
                    area=self.tr(AREA_LABELS[item.area])
                ),
                source=self,
            )

        self.ctx.write(lambda: selfcare.keep_suggestion(suggestion_id, words), kept)

    def on_drop_requested(self, suggestion_id: str) -> None:
        selfcare = self.ctx.tend.require_store().selfcare
        self.ctx.write(lambda: selfcare.drop_suggestion(suggestion_id))

    def on_bring_back_requested(self) -> None:
        selfcare = self.ctx.tend.require_store().selfcare
        self.ctx.write(selfcare.bring_back_dropped)
