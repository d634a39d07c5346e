"""Paced breathing: a softly growing and settling circle, or words and a count.

One timer moves an ``app.pauses.BreathPacer`` on a count at a time. With
motion, each new phase starts a slow ``QVariantAnimation`` of the circle's
size. Kept still (the "Keep things still" setting, or when a screen reader is
running), the circle is not shown: the phase is said in words, announced once
per phase through the label's accessible name, and a plain countdown follows.
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QRectF, QSize, Qt, QTimer, QVariantAnimation, Signal
from PySide6.QtGui import QColor, QHideEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.pauses import BREATHING_INTRO, CALM, BreathPacer, BreathPattern, still_intro
from ui.style import button, colours, label

SMALL = 0.42  # the circle's size at rest, as a share of the space it has
LARGE = 1.0
TARGETS = {"in": LARGE, "hold": LARGE, "out": SMALL}
SPACERS = (1, 5)  # the column's stretch items around the words


class BreathingCircle(QWidget):
    """A calm circle whose size follows the breath. Decorative: the words carry the meaning."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("breathingCircle")
        self.setAccessibleName(self.tr("Breathing circle"))
        self.setMinimumSize(QSize(180, 180))
        self.scale = SMALL
        self.animation = QVariantAnimation(self)
        self.animation.setEasingCurve(QEasingCurve.Type.InOutSine)
        self.animation.valueChanged.connect(self._on_animation_value_changed)

    def move_to(self, target: float, duration_ms: int) -> None:
        self.animation.stop()
        self.animation.setStartValue(self.scale)
        self.animation.setEndValue(target)
        self.animation.setDuration(max(1, duration_ms))
        self.animation.start()

    def stop(self) -> None:
        self.animation.stop()

    def _on_animation_value_changed(self, value: object) -> None:
        self.scale = float(value)  # type: ignore[arg-type]
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(240, 240)

    def paintEvent(self, event: QPaintEvent) -> None:
        side = min(self.width(), self.height()) - 8
        centre = self.rect().center()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        # A faint ring marks the full breath, so growing has somewhere to go.
        painter.setBrush(QColor(colours().breath_ring))
        painter.drawEllipse(QRectF(centre.x() - side / 2, centre.y() - side / 2, side, side))
        size = side * self.scale
        painter.setBrush(QColor(colours().breath_fill))
        painter.drawEllipse(QRectF(centre.x() - size / 2, centre.y() - size / 2, size, size))
        painter.end()


class BreathingExercise(QWidget):
    done_requested = Signal()
    still_changed = Signal(bool)  # the person switched "Keep things still"

    def __init__(
        self,
        *,
        still: bool = False,
        pattern: BreathPattern = CALM,
        tick_ms: int = 1000,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("breathingExercise")
        self.pacer = BreathPacer(pattern)
        self.tick_ms = tick_ms
        self.still = still
        self.running = False
        self.timer = QTimer(self)
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(self.tick)
        self._build()
        self._apply_still(still)
        self._show_phase(announce=True)

    def _build(self) -> None:
        self.intro = label("", "muted")
        self.circle = BreathingCircle(self)
        self.phase_label = label("", "pausePhase")
        self.phase_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.count_label = QLabel(self)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.count_label.setProperty("role", "pauseCount")
        self.still_box = QCheckBox(self.tr("&Keep it still"), self)
        self.still_box.setAccessibleName(self.tr("Keep it still, with words and a count"))
        self.still_box.toggled.connect(self.on_still_box_toggled)
        self.pause_button = button(self.tr("&Pause"), self.tr("Pause the breathing"))
        self.pause_button.clicked.connect(self.toggle_running)
        self.done_button = button(self.tr("I'm &done"), self.tr("I'm done"), "primary")
        self.done_button.clicked.connect(self.done_requested)

        row = QHBoxLayout()
        row.addWidget(self.still_box, 1)
        row.addWidget(self.pause_button)
        row.addWidget(self.done_button)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.addWidget(self.intro)
        self.column.addStretch(0)  # SPACERS: take the room when there is no circle
        self.column.addWidget(self.circle, 1)
        self.column.addWidget(self.phase_label)
        self.column.addWidget(self.count_label)
        self.column.addStretch(0)
        self.column.addLayout(row)

    # -- running ---------------------------------------------------------------------
    def start(self) -> None:
        self.running = True
        self.timer.start()
        self._start_motion()
        self.pause_button.setText(self.tr("&Pause"))
        self.pause_button.setAccessibleName(self.tr("Pause the breathing"))

    def stop(self) -> None:
        self.running = False
        self.timer.stop()
        self.circle.stop()
        self.pause_button.setText(self.tr("&Carry on"))
        self.pause_button.setAccessibleName(self.tr("Carry on breathing"))

    def toggle_running(self) -> None:
        if self.running:
            self.stop()
        else:
            self.start()

    def tick(self) -> None:
        new_phase = self.pacer.tick()
        self._show_phase(announce=new_phase)
        if new_phase:
            self._start_motion()

    def _start_motion(self) -> None:
        if self.still or not self.running:
            return
        phase = self.pacer.phase
        self.circle.move_to(TARGETS[phase.name], self.pacer.remaining * self.tick_ms)

    # -- words -----------------------------------------------------------------------
    def _show_phase(self, *, announce: bool) -> None:
        phase = self.pacer.phase
        self.phase_label.setText(self.tr(phase.words))
        self.count_label.setText(str(self.pacer.remaining))
        self.count_label.setAccessibleName(self.tr("%n left", "", self.pacer.remaining))
        if announce:
            # Said once per phase: a count read aloud every second would crowd the calm.
            self.phase_label.setAccessibleName(self.tr(phase.spoken))
            self.setAccessibleDescription(self.tr(phase.spoken))

    # -- still or moving ---------------------------------------------------------------
    def on_still_box_toggled(self, on: bool) -> None:
        self._apply_still(on)
        self.still_changed.emit(on)

    def _apply_still(self, still: bool) -> None:
        self.still = still
        self.still_box.blockSignals(True)
        self.still_box.setChecked(still)
        self.still_box.blockSignals(False)
        self.intro.setText(self.tr(still_intro(self.pacer.pattern) if still else BREATHING_INTRO))
        self.circle.setVisible(not still)
        for index in SPACERS:
            self.column.setStretch(index, 1 if still else 0)
        if still:
            self.circle.stop()
        else:
            self._start_motion()
        # Larger words carry the breath when there is no circle.
        self.phase_label.setProperty("still", still)
        self.phase_label.style().unpolish(self.phase_label)
        self.phase_label.style().polish(self.phase_label)

    def hideEvent(self, event: QHideEvent) -> None:
        self.stop()  # nothing keeps ticking once the pause is out of sight
        super().hideEvent(event)
