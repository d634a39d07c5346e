"""The Trends page's controls: which chart, which range, what the chart shows.

Light Qt only (no matplotlib): the page builds these as soon as it exists.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QTabBar, QWidget

from app.charts.kinds import ChartKind, Span
from ui.style import themed

# Same look as the check-in's answer buttons (checkin_widgets): teal when chosen.
_SEGMENT_STYLE = """
QPushButton#segment {
    background: $surface; border: 1px solid $border; border-radius: 0px;
    padding: 4px 12px; min-height: 22px;
}
QPushButton#segment:hover { border-color: $accent; }
QPushButton#segment:checked {
    background: $accent; color: $on_accent; border-color: $accent_border;
}
QPushButton#segment:focus { border: 2px solid $focus; }
"""


class RangePicker(QWidget):
    """Four exclusive buttons: 4 weeks, 3 months, a year, all. Alt+4/3/Y/L pick one."""

    span_changed = Signal(object)  # Span

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        themed(self, _SEGMENT_STYLE)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[Span, QPushButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for span, text, name in (
            (Span.WEEKS_4, self.tr("&4 weeks"), self.tr("Show 4 weeks")),
            (Span.MONTHS_3, self.tr("&3 months"), self.tr("Show 3 months")),
            (Span.YEAR, self.tr("A &year"), self.tr("Show a year")),
            (Span.ALL, self.tr("A&ll"), self.tr("Show everything")),
        ):
            button = QPushButton(text)
            button.setObjectName("segment")
            button.setCheckable(True)
            button.setAccessibleName(name)
            self.group.addButton(button)
            self.buttons[span] = button
            layout.addWidget(button)
            button.toggled.connect(lambda on, s=span: on and self.span_changed.emit(s))
        self.buttons[Span.MONTHS_3].setChecked(True)

    def span(self) -> Span:
        return next((s for s, b in self.buttons.items() if b.isChecked()), Span.MONTHS_3)

    def set_span(self, span: Span) -> None:
        self.buttons[span].setChecked(True)  # emits span_changed when it changes


class KindTabs(QTabBar):
    """One tab per chart kind; arrow keys move between them when the bar has focus."""

    kind_changed = Signal(object)  # ChartKind

    LABELS = (
        (ChartKind.TRENDS, "Daily signals"),
        (ChartKind.MEASURES, "Measures"),
        (ChartKind.CALENDAR, "Calendar"),
        (ChartKind.EXPOSURE, "Distressing material"),
        (ChartKind.REST, "Days off"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Chart"))
        self.setExpanding(False)
        self.setDrawBase(False)
        self.kinds = [kind for kind, _ in self.LABELS]
        for _, text in self.LABELS:
            self.addTab(self.tr(text))
        self.currentChanged.connect(lambda i: i >= 0 and self.kind_changed.emit(self.kinds[i]))

    def kind(self) -> ChartKind:
        return self.kinds[max(0, self.currentIndex())]

    def set_kind(self, kind: ChartKind) -> None:
        self.setCurrentIndex(self.kinds.index(kind))
