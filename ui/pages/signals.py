"""Signals: gentle early warnings from the person's own data, as calm cards.

The signals are worked out on a worker (``ctx.read``) each time the page is
shown and whenever check-ins, measures or signals change. Setting one aside
asks, optionally, why. "Make a supervision summary…" opens a dialog that
saves a PDF where the person chooses.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget
from shiboken6 import isValid

from app.domain import Changes
from app.signals.signal import Signal as TendSignal
from ui.context import UiContext
from ui.pages import signals_cards, signals_summary
from ui.pages.signals_cards import SignalCard
from ui.style import button, centred_scroll, label

log = logging.getLogger(__name__)


class SignalsPage(QWidget):
    key = "signals"
    title = "Signals"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.signals: list[TendSignal] = []
        self.cards: list[SignalCard] = []
        self.summary_dialog: signals_summary.SummaryDialog | None = None
        self._generation = 0  # of loads; older replies are dropped
        self.loaded = False
        self._build()
        ctx.changed.connect(self._on_ctx_changed)
        self.refresh()

    # -- building -----------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        content = QWidget()
        outer.addWidget(centred_scroll(content, 900, sideways=False), 1)

        layout = QVBoxLayout(content)
        layout.setContentsMargins(20, 12, 20, 16)
        layout.setSpacing(10)
        self.intro = label(
            self.tr(
                "Signals are gentle early warnings from your own check-ins and questionnaires: "
                "changes worth noticing before they cost you. They are patterns, not a "
                "diagnosis, and you can set any of them aside."
            ),
            "muted",
        )
        layout.addWidget(self.intro)
        self.empty = QWidget()
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.setContentsMargins(0, 12, 0, 12)
        self.empty_title = label(self.tr("Nothing stands out right now."), "heading")
        empty_layout.addWidget(self.empty_title)
        empty_layout.addWidget(
            label(
                self.tr(
                    "Signals only notice patterns in what you've entered, and some need a "
                    "few months of check-ins to learn what's usual for you. They're not a "
                    "diagnosis: however things look here, how you feel matters most, and "
                    "the help button is always there."
                )
            )
        )
        self.empty.hide()
        layout.addWidget(self.empty)
        self.card_area = QVBoxLayout()
        self.card_area.setSpacing(12)
        layout.addLayout(self.card_area)

        row = QHBoxLayout()
        self.summary_button = button(
            self.tr("&Make a supervision summary…"), self.tr("Make a supervision summary")
        )
        self.summary_button.setToolTip(self.tr("A PDF with only what you choose, to take along"))
        self.summary_button.clicked.connect(self.open_summary)
        row.addWidget(self.summary_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)

    # -- loading ------------------------------------------------------------------------
    def activate(self, arg: str | None) -> None:
        self.refresh()

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        store = self.ctx.tend.require_store()
        today = self.ctx.tend.clock.now().date()
        self.ctx.read(
            lambda: store.signals.active(today), lambda found: self._on_loaded(generation, found)
        )

    def _on_loaded(self, generation: int, found: list[TendSignal]) -> None:
        if not isValid(self) or generation != self._generation:
            return
        self.loaded = True
        self.signals = found
        self._show(found)

    def _show(self, found: list[TendSignal]) -> None:
        for card in self.cards:
            card.hide()
            card.deleteLater()
        self.cards = []
        for signal in found:
            card = SignalCard(signal, self)
            card.navigate_requested.connect(self.ctx.navigate_requested)
            card.help_requested.connect(self.ctx.help_requested)
            card.dismiss_requested.connect(self.on_dismiss_requested)
            self.card_area.addWidget(card)
            self.cards.append(card)
        self.empty.setVisible(not found)

    def _on_ctx_changed(self, changes: Changes) -> None:
        if changes.checkins or changes.measures or changes.signals or changes.everything:
            self.refresh()

    # -- actions ------------------------------------------------------------------------
    def on_dismiss_requested(self, key: str) -> None:
        signal = next((s for s in self.signals if s.key == key), None)
        if signal is None:
            return
        reason = signals_cards.ask_dismiss_reason(self, signal)
        if reason is None:
            return
        store = self.ctx.tend.require_store()
        self.ctx.write(
            lambda: store.signals.dismiss(key, reason),
            lambda _changes: self.ctx.notify(
                self.tr("Set aside. Tend will show it again only if it clears and comes back."),
                source=self,
            ),
        )

    def open_summary(self) -> None:
        dialog = signals_summary.SummaryDialog(self.ctx, list(self.signals), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.summary_dialog = dialog
        dialog.open()
