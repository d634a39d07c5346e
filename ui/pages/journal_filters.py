"""The journal's filter bar: search words, a date range, a tag and a kind of entry.

Typing in the search box waits for a quarter-second pause before asking the
store, so a query is sent per pause rather than per key.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.domain import EntryKind, JournalFilter
from ui.pages.checkin_widgets import day_edit, from_qdate, limit_to_today, to_qdate

DEBOUNCE_MS = 250
ANY_TIME, CUSTOM = "any", "custom"


class FilterBar(QWidget):
    filter_changed = Signal(object)  # app.domain.JournalFilter

    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._emit)
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search_row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search notes and check-ins  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search the journal"))
        self.search_row.addWidget(self.search, 1)
        layout.addLayout(self.search_row)

        self.options_row = row = QHBoxLayout()
        self.range = QComboBox()
        self.range.setAccessibleName(self.tr("Dates"))
        for label, data in (
            (self.tr("Any time"), ANY_TIME),
            (self.tr("Last 7 days"), "7"),
            (self.tr("Last 30 days"), "30"),
            (self.tr("Last 12 months"), "365"),
            (self.tr("Choose dates…"), CUSTOM),
        ):
            self.range.addItem(label, data)
        today = self._today()
        self.start = day_edit(today - dt.timedelta(days=29), self.tr("From"))
        self.start.setDate(to_qdate(today - dt.timedelta(days=29)))
        self.end = day_edit(today, self.tr("To"))
        self.to_label = QLabel(self.tr("to"))
        self.tag = QComboBox()
        self.tag.setAccessibleName(self.tr("Tag"))
        self.tag.addItem(self.tr("All tags"), None)
        self.tag.setMinimumContentsLength(10)
        self.tag.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind of entry"))
        self.kind.addItem(self.tr("Notes and check-ins"), None)
        self.kind.addItem(self.tr("Check-ins only"), EntryKind.CHECKIN)
        self.kind.addItem(self.tr("Notes only"), EntryKind.NOTE)
        for widget in (self.range, self.start, self.to_label, self.end, self.tag, self.kind):
            row.addWidget(widget)
        row.addStretch(1)
        layout.addLayout(row)
        self._sync_custom()

        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.range.currentIndexChanged.connect(self._on_range_changed)
        for edit in (self.start, self.end):
            edit.dateChanged.connect(lambda _d: self._emit())
        self.tag.currentIndexChanged.connect(lambda _i: self._emit())
        self.kind.currentIndexChanged.connect(lambda _i: self._emit())

    # -- state ------------------------------------------------------------------------
    def current_filter(self) -> JournalFilter:
        today = self._today()
        start: dt.date | None = None
        end: dt.date | None = None
        choice = self.range.currentData()
        if choice == CUSTOM:
            start, end = sorted((from_qdate(self.start.date()), from_qdate(self.end.date())))
        elif choice != ANY_TIME:
            start, end = today - dt.timedelta(days=int(choice) - 1), today
        kind = self.kind.currentData()
        return JournalFilter(
            start=start,
            end=end,
            tag=self.tag.currentData(),
            query=self.search.text().strip(),
            kinds=frozenset(EntryKind) if kind is None else frozenset({kind}),
        )

    def is_default(self) -> bool:
        return self.current_filter() == JournalFilter()

    def set_tags(self, tags: list[str]) -> None:
        """Offer ``tags``; keep the chosen one if it still exists, else show all."""
        chosen = self.tag.currentData()
        self.tag.blockSignals(True)
        try:
            self.tag.clear()
            self.tag.addItem(self.tr("All tags"), None)
            for tag in tags:
                self.tag.addItem(f"#{tag}", tag)
            index = self.tag.findData(chosen) if chosen in tags else 0
            self.tag.setCurrentIndex(index)
        finally:
            self.tag.blockSignals(False)
        if chosen is not None and chosen not in tags:
            self._emit()

    def refresh_today(self) -> None:
        """Keep the pickers from offering days after today (the app may stay open overnight)."""
        for edit in (self.start, self.end):
            limit_to_today(edit, self._today())

    # -- signals ------------------------------------------------------------------------
    def _on_range_changed(self, _index: int) -> None:
        self._sync_custom()
        self._emit()

    def _sync_custom(self) -> None:
        custom = self.range.currentData() == CUSTOM
        for widget in (self.start, self.to_label, self.end):
            widget.setVisible(custom)

    def flush(self) -> None:
        """Send a pending search now (e.g. Enter pressed in the box)."""
        if self._debounce.isActive():
            self._emit()

    def _emit(self) -> None:
        self._debounce.stop()
        self.filter_changed.emit(self.current_filter())
