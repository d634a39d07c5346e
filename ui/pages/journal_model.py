"""The journal list: a lazily paged model of check-ins and notes, and how a row looks.

Only one page (200 rows) is read at a time; the view asks for more as it
scrolls (``canFetchMore``/``fetchMore``), so a journal of 10,000 entries opens
as fast as one of ten. Every load carries a generation number: a reply to an
older query (a search typed over, a filter changed) is dropped, so stale
results never overwrite fresh ones.

While searching, a row's second line is a snippet around the first matched word
(not the note's first line), and the matched words are highlighted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget
from shiboken6 import isValid

from app.domain import EntryKind, JournalFilter, JournalItem
from app.services.matches import match_spans, query_words, snippet
from ui.context import UiContext
from ui.pages import checkin_wording as words

PAGE = 200
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
_PREVIEW_CHARS = 160
# A search hit: dark text on a soft yellow, readable on light and dark themes alike
# and on a selected row (about 13:1).
MATCH_BACKGROUND = QColor("#ffe27a")
MATCH_TEXT = QColor("#1b1b1b")

Index = QModelIndex | QPersistentModelIndex


def kind_label(kind: EntryKind) -> str:
    text = "Check-in" if kind is EntryKind.CHECKIN else "Note"
    return QCoreApplication.translate("Journal", text)


def preview(item: JournalItem, found_by: Sequence[str] = ()) -> str:
    """A snippet around the first of the search words ``found_by`` in the text; otherwise
    the first line of the text, or for a check-in without a note a gentle summary."""
    if found_by:
        around = snippet(item.text, found_by, width=_PREVIEW_CHARS)
        if around is not None:
            return around
    for line in item.text.splitlines():
        if line.strip():
            return line.strip()[:_PREVIEW_CHARS]
    if item.checkin is not None:
        return words.summary(item.checkin)
    return ""


def tags_text(tags: tuple[str, ...]) -> str:
    return "  ".join(f"#{t}" for t in tags)


def extra_line(item: JournalItem) -> str:
    """The muted third line: tags, and a check-in's answers when its note took line two."""
    parts = []
    if item.checkin is not None and item.text.strip():
        parts.append(words.summary(item.checkin))
    if item.tags:
        parts.append(tags_text(item.tags))
    return "  ·  ".join(parts)


class JournalModel(QAbstractListModel):
    loaded = Signal(int)  # the total number of matching entries, after each (re)load

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._items: list[JournalItem] = []
        self._total = 0
        self._filter = JournalFilter()
        self._words: list[str] = []  # the search words of the rows shown
        self._generation = 0
        self._fetching = False
        self.page_size = PAGE

    # -- loading ----------------------------------------------------------------------
    @property
    def total(self) -> int:
        return self._total

    @property
    def current_filter(self) -> JournalFilter:
        return self._filter

    @property
    def words(self) -> list[str]:
        """The words searched for, as the rows now shown were found by them."""
        return self._words

    def load(self, flt: JournalFilter) -> None:
        """Replace the contents with the first page matching ``flt`` (asynchronously)."""
        self._filter = flt
        self._generation += 1
        generation, size = self._generation, self.page_size
        self._fetching = True

        def job() -> tuple[int, list[JournalItem]]:
            journal = self._ctx.tend.require_store().journal
            return journal.count(flt), journal.entries(flt, size, 0)

        self._ctx.read(
            job,
            lambda result: self._on_loaded(generation, result),
            lambda exc: self._on_failed(generation, exc),
        )

    def _on_loaded(self, generation: int, result: tuple[int, list[JournalItem]]) -> None:
        if not isValid(self) or generation != self._generation:
            return  # an older query's answer: a newer one is on its way
        total, items = result
        self.beginResetModel()
        self._items, self._total, self._fetching = items, max(total, len(items)), False
        self._words = query_words(self._filter.query)
        self.endResetModel()
        self.loaded.emit(self._total)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._fetching and len(self._items) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        generation, flt, offset, size = (
            self._generation,
            self._filter,
            len(self._items),
            self.page_size,
        )
        self._ctx.read(
            lambda: self._ctx.tend.require_store().journal.entries(flt, size, offset),
            lambda items: self._on_more(generation, offset, items),
            lambda exc: self._on_failed(generation, exc),
        )

    def _on_more(self, generation: int, offset: int, items: list[JournalItem]) -> None:
        if not isValid(self) or generation != self._generation or offset != len(self._items):
            return
        self._fetching = False
        if not items:
            self._total = len(self._items)  # fewer than counted: something was deleted
            return
        self.beginInsertRows(QModelIndex(), offset, offset + len(items) - 1)
        self._items.extend(items)
        self.endInsertRows()

    def _on_failed(self, generation: int, exc: BaseException) -> None:
        if isValid(self) and generation == self._generation:
            self._fetching = False
        self._ctx.report_error(exc)

    # -- reading ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def item(self, row: int) -> JournalItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, kind: EntryKind, ident: str) -> int | None:
        for row, item in enumerate(self._items):
            if item.kind is kind and item.id == ident:
                return row
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item(index.row()) if index.isValid() else None
        if item is None:
            return None
        if role == ITEM_ROLE:
            return item
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{self.day_text(item.day)}, {kind_label(item.kind)}: {self.preview(item)}"
        return None  # deliberately no tooltips: private text stays out of them

    def day_text(self, day: dt.date) -> str:
        return words.day_label(day, self._ctx.tend.clock.now().date())

    def preview(self, item: JournalItem) -> str:
        return preview(item, self._words)


class JournalDelegate(QStyledItemDelegate):
    """Three short lines per entry: day and kind, a preview, then tags."""

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        bold = QFont(option.font)
        bold.setBold(True)
        return bold, QFont(option.font)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        line = QFontMetrics(option.font).lineSpacing()
        return QSize(200, line * 3 + 16)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        item = index.data(ITEM_ROLE)
        model = index.model()
        if not isinstance(item, JournalItem) or not isinstance(model, JournalModel):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = opt.palette
        main = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        soft = main if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        bold, plain = self._fonts(opt)
        rect: QRect = opt.rect.adjusted(10, 8, -10, -8)
        line = QFontMetrics(plain).lineSpacing()
        rows = [
            (f"{model.day_text(item.day)}  ·  {kind_label(item.kind)}", bold, main, False),
            (model.preview(item), plain, main, True),
            (extra_line(item), plain, soft, True),
        ]
        painter.save()
        if not selected:  # a hairline between entries, so each reads as one block
            painter.setPen(palette.color(QPalette.ColorRole.Midlight))
            bottom = opt.rect.bottom()
            painter.drawLine(opt.rect.left() + 10, bottom, opt.rect.right() - 10, bottom)
        for i, (text, font, colour, searched) in enumerate(rows):
            box = QRect(rect.left(), rect.top() + i * line, rect.width(), line)
            spans = match_spans(text, model.words) if searched and model.words else []
            _draw_line(painter, box, text, font, colour, spans)
        painter.restore()


_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def _draw_line(
    painter: QPainter,
    box: QRect,
    text: str,
    font: QFont,
    colour: QColor,
    spans: list[tuple[int, int]],
) -> None:
    """One line, elided to fit, with the ``spans`` (search hits) highlighted."""
    metrics = QFontMetrics(font)
    elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, box.width())
    painter.setFont(font)
    painter.setPen(colour)
    painter.drawText(box, _LEFT, elided)
    visible = elided if elided == text else elided[:-1]  # without the "…" Qt added
    if not text.startswith(visible):
        return
    painter.setPen(MATCH_TEXT)
    for start, end in spans:
        end = min(end, len(visible))
        if start >= end:
            continue
        x = box.left() + metrics.horizontalAdvance(visible[:start])
        hit = QRect(x, box.top(), metrics.horizontalAdvance(visible[start:end]), box.height())
        painter.fillRect(hit.adjusted(-1, 1, 1, -1), MATCH_BACKGROUND)
        painter.drawText(hit, _LEFT, visible[start:end])
