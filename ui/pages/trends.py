"""Trends: the person's own data over time, as charts, with a words-only view beside them.

The page is created right after unlock, so it stays light: matplotlib (and
numpy) load only when it is first shown, and the data is read on a worker
(``ctx.read``). Charts are built on the GUI thread, once per data load and
kind; switching range moves the x-limits of the chart already built.

Everything a chart shows can also be reached without seeing it: the read-out
line under the chart (pointer or arrow keys) and "Show as text".
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QStandardPaths, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.charts.kinds import ChartKind, Span
from app.domain import SCALE_INFO, SCALES, Changes
from ui.context import UiContext
from ui.pages.trends_controls import KindTabs, RangePicker
from ui.style import label

if TYPE_CHECKING:
    from app.charts.base import Chart
    from app.charts.figures import ChartData
    from app.charts.palette import Theme
    from ui.pages.trends_canvas import ChartCanvas

log = logging.getLogger(__name__)

FILE_FILTERS = "PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"
HINT = "Point at the chart, or select it and use the arrow keys, to read exact values."


def choose_save_path(parent: QWidget, suggested: str) -> str | None:
    """Ask where to save; None if cancelled. Tests replace this function."""
    path, chosen = QFileDialog.getSaveFileName(
        parent, parent.tr("Save chart"), suggested, FILE_FILTERS
    )
    if not path:
        return None
    if not Path(path).suffix:  # take the type from the filter when none was typed
        path += "." + (chosen.split("*.")[-1].rstrip(")") or "png")
    return path


def chart_theme(window: str) -> Theme:
    """The charts' theme for a page whose background is ``window`` (``#rrggbb``): light or
    dark by that colour, with the words, axes and grid of the same colour set as the rest
    of Tend (ui.themes), handed to app.charts, which knows nothing of Qt."""
    from dataclasses import replace

    from app.charts.palette import is_dark, theme_for
    from ui.themes import DARK, LIGHT

    dark = is_dark(window)
    ui = DARK if dark else LIGHT
    return replace(
        theme_for(dark),
        background=window,
        surface=ui.surface,
        text=ui.text,
        muted=ui.muted,
        grid=ui.grid,
    )


class TrendsPage(QWidget):
    key = "trends"
    title = "Trends"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: ChartData | None = None
        self.charts: dict[ChartKind, Chart] = {}
        self.canvases: dict[ChartKind, ChartCanvas] = {}
        self._built: dict[ChartKind, tuple[object, ...]] = {}  # what each chart was built from
        self._chosen: dict[ChartKind, object] = {}  # "Showing" per kind
        self._loaded_once = False
        self._loading = False
        self._build()
        self._wire()

    # -- building -----------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 4, 16, 8)
        layout.setSpacing(6)
        self.tabs = KindTabs()
        layout.addWidget(self.tabs)

        row = QHBoxLayout()
        self.range = RangePicker()
        row.addWidget(self.range)
        row.addSpacing(16)
        self.choice_label = QLabel(self.tr("S&howing:"))
        self.choice = QComboBox()
        self.choice.setAccessibleName(self.tr("What the chart shows"))
        self.choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.choice.setMinimumContentsLength(16)
        self.choice_label.setBuddy(self.choice)
        row.addWidget(self.choice_label)
        row.addWidget(self.choice)
        row.addStretch(1)
        layout.addLayout(row)

        self.stack = QStackedWidget()
        self.message = label("", "muted")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setAccessibleName(self.tr("Trends"))
        self.text_view = QPlainTextEdit()
        self.text_view.setReadOnly(True)
        self.text_view.setAccessibleName(self.tr("The chart in words"))
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.text_view)
        layout.addWidget(self.stack, 1)

        bottom = QHBoxLayout()
        self.readout = label(self.tr(HINT), "muted")
        self.readout.setAccessibleName(self.tr("Chart reading"))
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Two lines always: a longer reading must not resize (and so redraw) the chart.
        self.readout.setMinimumHeight(2 * self.readout.fontMetrics().lineSpacing() + 4)
        self.text_button = QPushButton(self.tr("Show as &text"))
        self.text_button.setCheckable(True)
        self.text_button.setAccessibleName(self.tr("Show the chart as text"))
        self.save_button = QPushButton(self.tr("&Save chart…"))
        self.save_button.setAccessibleName(self.tr("Save chart as a picture or PDF"))
        bottom.addWidget(self.readout, 1)
        bottom.addWidget(self.text_button)
        bottom.addWidget(self.save_button)
        layout.addLayout(bottom)
        self._set_choices(ChartKind.TRENDS)
        self._show_message(self.tr("Gathering your charts…"))

    def _wire(self) -> None:
        self.tabs.kind_changed.connect(self._on_kind_changed)
        self.range.span_changed.connect(self._on_span_changed)
        self.choice.currentIndexChanged.connect(self._on_choice_changed)
        self.text_button.toggled.connect(self._on_text_toggled)
        self.save_button.clicked.connect(self.save_chart)
        self.ctx.changed.connect(self._on_ctx_changed)

    # -- page interface -----------------------------------------------------------------
    def activate(self, arg: str | None) -> None:
        if arg:
            for kind in ChartKind:
                if arg == kind.value:
                    self.tabs.set_kind(kind)
        if not self._loaded_once or self._stale:
            self._loaded_once, self._stale = True, False
            self.reload()

    def reload(self) -> None:
        if self._loading:
            self._reload_again = True
            return
        self._loading, self._reload_again = True, False
        ctx, today = self.ctx, self.ctx.tend.clock.now().date()

        def load() -> ChartData:
            from app.charts.figures import load_chart_data  # numpy + matplotlib: on the worker

            return load_chart_data(ctx.tend.require_store(), today)

        self.ctx.read(load, self._on_loaded, self._on_load_failed)

    def _on_loaded(self, data: ChartData) -> None:
        if not isValid(self):
            return
        self._loading = False
        self.data = data
        self._built.clear()
        log.info("trends loaded: %d check-ins", data.daily.checkin_count)
        if self._reload_again:
            self.reload()
        self._set_choices(self.tabs.kind())
        self.show_current()

    def _on_load_failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return  # locked while loading: the page is gone, and that's fine
        self._loading = False
        self._show_message(self.tr("Your charts couldn't be gathered just now."))
        self.ctx.report_error(exc)

    # -- showing ------------------------------------------------------------------------
    def show_current(self) -> None:
        """Show the current kind's chart, building it if its inputs changed."""
        kind, data = self.tabs.kind(), self.data
        if data is None:
            return
        if not data.has(kind):
            self._show_message(self._empty_words(kind, data))
            return
        inputs = (id(data), self._theme().name, self.choice.currentData())
        if self._built.get(kind) != inputs:
            self._build_chart(kind, data)
            self._built[kind] = inputs
        chart, canvas = self.charts[kind], self.canvases[kind]
        if chart.span != self.range.span():
            chart.set_span(self.range.span())
            canvas.refresh()
        self.save_button.setEnabled(True)
        self.stack.setCurrentWidget(self.text_view if self.text_button.isChecked() else canvas)
        self._update_text()
        self.readout.setText(canvas.readout.text if canvas.readout else self.tr(HINT))

    def _build_chart(self, kind: ChartKind, data: ChartData) -> None:
        from app.charts.figures import build_chart
        from ui.pages.trends_canvas import ChartCanvas

        canvas = self.canvases.get(kind)
        option = self.choice.currentData()
        chart = build_chart(
            kind,
            data,
            self._theme(),
            self.range.span(),
            None if canvas is None else canvas.figure,
            signal=option if kind is ChartKind.CALENDAR and option else "mood",
            measure=option if kind is ChartKind.MEASURES else None,
        )
        self.charts[kind] = chart
        if canvas is None:
            canvas = ChartCanvas(chart)
            canvas.setAccessibleName(self.tr("Chart: {name}").format(name=chart.title))
            canvas.readout_changed.connect(self._on_readout)
            self.canvases[kind] = canvas
            self.stack.addWidget(canvas)
            QWidget.setTabOrder(self.choice, canvas)
            QWidget.setTabOrder(canvas, self.text_button)
        else:
            canvas.set_chart(chart)

    def current_chart(self) -> Chart | None:
        return self.charts.get(self.tabs.kind()) if self.data is not None else None

    def current_canvas(self) -> ChartCanvas | None:
        return self.canvases.get(self.tabs.kind())

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)
        self.save_button.setEnabled(False)
        self.readout.setText("")

    def _empty_words(self, kind: ChartKind, data: ChartData) -> str:
        if not data.has_checkins and not data.has_measures:
            return self.tr(
                "Your charts will grow here as you check in. A few days is enough to start "
                "seeing a shape, and there's no rush."
            )
        if kind is ChartKind.MEASURES:
            return self.tr(
                "Measures you take will appear here over time, with their bands. "
                "You'll find them on the Measures page whenever you'd like."
            )
        return self.tr("Once you've saved a few check-ins, this chart will fill in.")

    def _update_text(self) -> None:
        chart = self.current_chart()
        if chart is not None and self.text_button.isChecked():
            self.text_view.setPlainText(chart.text_summary())

    # -- controls -----------------------------------------------------------------------
    def _on_kind_changed(self, kind: ChartKind) -> None:
        self._set_choices(kind)
        self.show_current()

    def _on_span_changed(self, span: Span) -> None:
        chart, canvas = self.current_chart(), self.current_canvas()
        if (
            chart is not None
            and canvas is not None
            and self.stack.currentWidget() is not self.message
        ):
            chart.set_span(span)
            canvas.refresh()
            self._update_text()

    def _on_choice_changed(self, _index: int) -> None:
        if not self._setting_choices:
            self._chosen[self.tabs.kind()] = self.choice.currentData()
            self.show_current()

    def _on_text_toggled(self, _on: bool) -> None:
        self.show_current()

    def _on_readout(self, text: str) -> None:
        self.readout.setText(text or self.tr(HINT))

    _setting_choices = False
    _reload_again = False
    _stale = False

    def _set_choices(self, kind: ChartKind) -> None:
        """The "Showing" list: signals for the calendar, measures taken for Measures."""
        self._setting_choices = True
        try:
            self.choice.clear()
            if kind is ChartKind.CALENDAR:
                for name in SCALES:
                    self.choice.addItem(self.tr(SCALE_INFO[name].label), name)
            elif kind is ChartKind.MEASURES and self.data is not None:
                self.choice.addItem(self.tr("Every measure taken"), None)
                for history in self.data.measures:
                    defn = history.definition
                    self.choice.addItem(defn.short_name or defn.name, defn.id)
            # What was chosen for this kind stays chosen (across kinds and reloads).
            index = self.choice.findData(self._chosen.get(kind))
            self.choice.setCurrentIndex(max(0, index))
        finally:
            self._setting_choices = False
        shown = self.choice.count() > 0
        self.choice.setVisible(shown)
        self.choice_label.setVisible(shown)

    # -- theme --------------------------------------------------------------------------
    def _theme(self) -> Theme:
        return chart_theme(self.palette().color(QPalette.ColorRole.Window).name())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.data is not None:
            self.show_current()  # rebuilt in the new theme (the theme is part of the inputs)

    # -- saving -------------------------------------------------------------------------
    def save_chart(self) -> None:
        kind, data = self.tabs.kind(), self.data
        if data is None or not data.has(kind):
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder) / f"tend-{kind.value}-{data.today.isoformat()}.png")
        chosen = choose_save_path(self, suggested)
        if chosen is None:
            return
        from app.charts.export import write_export
        from app.charts.figures import export_bytes
        from app.data.export import refuse_own_folder
        from app.errors import UserFacingError

        option = self.choice.currentData()
        path = Path(chosen)
        try:  # rendered here (matplotlib is not thread-safe), written on a worker
            refuse_own_folder(self.ctx.tend.paths, path)
            content = export_bytes(
                kind,
                data,
                self.range.span(),
                path,
                signal=option if kind is ChartKind.CALENDAR and option else "mood",
                measure=option if kind is ChartKind.MEASURES else None,
            )
        except UserFacingError as exc:
            self.ctx.report_error(exc, source=self)
            return
        self.ctx.read(lambda: write_export(path, content), self._on_saved)

    def _on_saved(self, _path: Any) -> None:
        log.info("chart saved")
        self.ctx.notify("Chart saved.", source=self)

    # -- refreshing ---------------------------------------------------------------------
    def _on_ctx_changed(self, changes: Changes) -> None:
        if not (changes.checkins or changes.measures or changes.everything):
            return
        if self.isVisible():
            self.reload()
        elif self._loaded_once:
            self._stale = True  # redrawn when next shown, not behind the person's back
