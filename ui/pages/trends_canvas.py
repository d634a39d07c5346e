"""The chart widget: a matplotlib canvas that reads values aloud, by mouse or keyboard.

Imported only when the Trends page first shows a chart: it pulls in
matplotlib's Qt backend. Pointing at the chart, or moving the keyboard cursor
(arrow keys while the chart has focus), picks the nearest day (or result) and
emits ``readout_changed`` with it in words; the marker is drawn by blitting
over a saved background, so reading never redraws the whole figure.

Keys: Left/Right a day (Shift: a week; measures: the previous/next result),
Up/Down the panel above/below, Home/End the first/last day shown, Escape clears.
"""

from __future__ import annotations

from typing import Any

from matplotlib.backend_bases import DrawEvent, MouseEvent
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy

from app.charts.base import Chart, Readout
from ui.style import colours

_FAR = 100_000  # days: "as far as the chart goes"


class ChartCanvas(FigureCanvasQTAgg):
    readout_changed = Signal(str)  # the words for what is under the cursor ("" when none)

    def __init__(self, chart: Chart) -> None:
        super().__init__(chart.figure)
        self.chart = chart
        self.readout: Readout | None = None
        self._background: Any = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 220)
        self.mpl_connect("draw_event", self._on_draw)
        self.mpl_connect("motion_notify_event", self._on_motion)
        self.mpl_connect("figure_leave_event", self._on_leave)

    # -- the chart ------------------------------------------------------------------
    def set_chart(self, chart: Chart) -> None:
        """Show another chart built into this canvas's figure."""
        self.chart = chart
        self.readout = None
        self.refresh()

    def refresh(self) -> None:
        """After the chart changed (range, data): redraw, keeping the reading if still shown."""
        if self.readout is not None:
            self.readout = self.chart.step(self.readout)
        self._emit()
        self.draw_idle()

    # -- drawing --------------------------------------------------------------------
    def _on_draw(self, _event: DrawEvent | None) -> None:
        # Inside a draw (often inside paintEvent): save the clean picture, add the marker
        # to the buffer, and let the paint that follows show it. No repaint from here.
        self._background = self.copy_from_bbox(self.figure.bbox)
        self._draw_cursor()

    def _draw_cursor(self) -> None:
        for cursor in self.chart.mark(self.readout):
            if cursor.get_visible() and cursor.axes is not None:
                cursor.axes.draw_artist(cursor)

    def _blit_cursor(self) -> None:
        """Move the marker without redrawing the figure: the saved picture plus the marker."""
        if self._background is None:
            return
        self.restore_region(self._background)
        self._draw_cursor()
        self.update()  # a queued paint copies the buffer (repaint() here could recurse)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.hasFocus():  # the canvas is no stylesheet widget: draw the focus ring here
            painter = QPainter(self)
            painter.setPen(QPen(QColor(colours().focus), 2))  # the theme's focus ring
            painter.drawRect(self.rect().adjusted(1, 1, -1, -1))
            painter.end()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self.readout is None:  # a keyboard user hears a value straight away
            self._set(self.chart.step(None))
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    # -- reading --------------------------------------------------------------------
    def _on_motion(self, event: Any) -> None:
        if not isinstance(event, MouseEvent) or event.inaxes is None:
            return
        readout = self.chart.readout_at(event.inaxes, event.xdata, event.ydata)
        if readout is not None and readout != self.readout:
            self._set(readout)

    def _on_leave(self, _event: Any) -> None:
        if self.readout is not None and not self.hasFocus():
            self.chart.mark(None)
            self._blit_cursor()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, shift = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        moves = {
            Qt.Key.Key_Left: (-7 if shift else -1, 0),
            Qt.Key.Key_Right: (7 if shift else 1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
            Qt.Key.Key_Home: (-_FAR, 0),
            Qt.Key.Key_End: (_FAR, 0),
        }
        if key in moves:
            days, panels = moves[Qt.Key(key)]
            self._set(self.chart.step(self.readout, days, panels) or self.readout)
            event.accept()
        elif key == Qt.Key.Key_Escape and self.readout is not None:
            self._set(None)
            event.accept()
        else:
            event.ignore()  # Tab, shortcuts and the rest go to the page

    def step(self, days: int = 0, panels: int = 0) -> Readout | None:
        """Move the reading as the arrow keys do (for tests and the page)."""
        self._set(self.chart.step(self.readout, days, panels) or self.readout)
        return self.readout

    def _set(self, readout: Readout | None) -> None:
        self.readout = readout
        self._emit()
        self._blit_cursor()

    def _emit(self) -> None:
        text = "" if self.readout is None else self.readout.text
        # Screen readers read the focused chart's description: keep it the current value.
        self.setAccessibleDescription(text)
        self.readout_changed.emit(text)
