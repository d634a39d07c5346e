"""The supervision summary dialog: choose what goes in, then save a PDF.

Nothing is shared: the PDF goes where the person chooses. Building it takes a
second or two (matplotlib), so it runs on a worker (``ctx.read``: it reads the
store and writes only the chosen file) while the dialog waits.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.errors import UserFacingError
from app.signals.signal import Signal as TendSignal
from app.summary.content import CHARTS, SummaryOptions
from ui.context import UiContext
from ui.pages.checkin_widgets import day_edit, from_qdate, to_qdate
from ui.style import button, label

PDF_FILTER = "PDF (*.pdf)"
DEFAULT_DAYS = 28
DEFAULT_CHARTS = ("trends",)


def ask_save_path(parent: QWidget, suggested: Path) -> Path | None:
    """Where to save the PDF (module-level, so tests can swap it)."""
    name, _chosen = QFileDialog.getSaveFileName(
        parent, parent.tr("Save the summary"), str(suggested), PDF_FILTER
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


class SummaryDialog(QDialog):
    def __init__(
        self, ctx: UiContext, signals: list[TendSignal], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = ctx.tend.clock.now().date()
        self.saved_to: Path | None = None
        self.working = False
        self.setWindowTitle(self.tr("Make a supervision summary"))
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(
            label(
                self.tr(
                    "A PDF to take to supervision, with only what you choose. It's saved "
                    "where you pick and isn't encrypted, so keep it somewhere private. "
                    "Nothing is shared automatically."
                )
            )
        )
        layout.addLayout(self._range_row())
        layout.addWidget(self._include_box(signals))
        notes_label = QLabel(self.tr("&Notes to bring (optional)"))
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(self.tr("Notes to bring"))
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(70)
        notes_label.setBuddy(self.notes)
        layout.addWidget(notes_label)
        layout.addWidget(self.notes, 1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.status = label("", "muted")
        outer.addWidget(self.status)
        outer.addLayout(self._buttons())
        self.resize(700, 600)

    def _range_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.start = day_edit(self.today, self.tr("First day of the summary"))
        self.start.setDate(to_qdate(self.today - dt.timedelta(days=DEFAULT_DAYS - 1)))
        self.end = day_edit(self.today, self.tr("Last day of the summary"))
        for text, edit in ((self.tr("&From"), self.start), (self.tr("&to"), self.end)):
            words = QLabel(text)
            words.setBuddy(edit)
            row.addWidget(words)
            row.addWidget(edit)
        row.addStretch(1)
        return row

    def _include_box(self, signals: list[TendSignal]) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        general = QGroupBox(self.tr("Include"))
        row = QHBoxLayout(general)
        self.include_checkins = self._check(self.tr("Check-in averages"), True)
        self.include_measures = self._check(self.tr("Latest questionnaire results"), True)
        row.addWidget(self.include_checkins)
        row.addWidget(self.include_measures)
        row.addStretch(1)
        layout.addWidget(general)
        self.signal_boxes: dict[str, QCheckBox] = {}
        if signals:
            group = QGroupBox(self.tr("Signals showing now"))
            column = QVBoxLayout(group)
            for signal in signals:
                self.signal_boxes[signal.key] = self._check(signal.title, True)
                column.addWidget(self.signal_boxes[signal.key])
            layout.addWidget(group)
        charts = QGroupBox(self.tr("Charts, one page each"))
        grid = QGridLayout(charts)
        self.chart_boxes: dict[str, QCheckBox] = {}
        for i, (key, name) in enumerate(CHARTS.items()):
            self.chart_boxes[key] = self._check(name, key in DEFAULT_CHARTS)
            grid.addWidget(self.chart_boxes[key], i // 2, i % 2)
        layout.addWidget(charts)
        return box

    def _check(self, text: str, checked: bool) -> QCheckBox:
        check = QCheckBox(text)
        check.setAccessibleName(text)
        check.setChecked(checked)
        return check

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel_button = button(self.tr("Cancel"), self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.save_button = button(self.tr("&Save PDF…"), self.tr("Save PDF"), "primary")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.on_save)
        row.addWidget(self.cancel_button)
        row.addWidget(self.save_button)
        return row

    def options(self) -> SummaryOptions:
        return SummaryOptions(
            start=from_qdate(self.start.date()),
            end=from_qdate(self.end.date()),
            checkins=self.include_checkins.isChecked(),
            signal_keys=tuple(k for k, b in self.signal_boxes.items() if b.isChecked()),
            charts=tuple(k for k, b in self.chart_boxes.items() if b.isChecked()),
            measures=self.include_measures.isChecked(),
            notes=self.notes.toPlainText(),
        )

    def on_save(self) -> None:
        try:
            options = self.options().validated(self.today)
        except UserFacingError as exc:
            self.status.setText(exc.message)
            return
        path = ask_save_path(self, Path.home() / f"supervision-summary-{self.today}.pdf")
        if path is None:
            return
        from app.summary.pdf import make_summary

        store, today = self.ctx.tend.require_store(), self.today
        self._busy(True)
        self.ctx.read(
            lambda: make_summary(store, options, path, today), self._on_saved, self._on_failed
        )

    def _busy(self, busy: bool) -> None:
        self.working = busy
        self.save_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
        self.status.setText(self.tr("Making your summary…") if busy else "")

    def reject(self) -> None:
        if not self.working:  # a PDF half-way through is finished, then the dialog closes
            super().reject()

    def _on_saved(self, path: Any) -> None:
        if not isValid(self):
            return  # locked meanwhile: the file is written, the dialog is gone
        self._busy(False)
        self.saved_to = path
        self.ctx.notify(
            self.tr(
                "Summary saved to {path}. It isn't encrypted, so keep it somewhere private."
            ).format(path=path),
            source=self,  # said on the Signals page, which opened this dialog
        )
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self._busy(False)
        if isinstance(exc, UserFacingError):
            self.status.setText(exc.message)  # said here, where the person is looking
        else:
            self.ctx.report_error(exc)
