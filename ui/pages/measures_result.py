"""What a questionnaire came to, in kind words, with the "not a diagnosis" line."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from app.measures import describe
from app.measures.definitions import Definition
from app.services.measures import MeasureResult
from ui.pages.checkin_widgets import muted
from ui.style import button, centred_scroll, label, themed

_BOX_STYLE = (
    "QFrame#resultBox { background: $surface; border: 1px solid $border_soft; border-radius: 8px; }"
)


class ResultView(QWidget):
    done_requested = Signal()
    support_requested = Signal()

    def __init__(self, defn: Definition, result: MeasureResult, parent: QWidget | None = None):
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        content = QWidget()
        body = QVBoxLayout(content)
        body.setContentsMargins(20, 12, 20, 8)
        body.setSpacing(8)
        outer.addWidget(centred_scroll(content, 820), 1)

        body.addWidget(label(self.tr("Thank you. Here's how it came out."), "heading"))
        when = label(
            self.tr("{name}, {day}").format(
                name=defn.name, day=f"{result.day:%A} {result.day.day} {result.day:%B %Y}"
            )
        )
        muted(when)
        body.addWidget(when)
        self.boxes: list[QFrame] = []
        for sub in defn.subscales:
            body.addWidget(self._box(defn, sub.id, result))
        if result.safety_triggered:
            body.addWidget(label(describe.SAFETY, "advice"))
            support = button(self.tr("See support l&ines"), self.tr("See support lines"))
            support.clicked.connect(self.support_requested)
            body.addWidget(support, 0, Qt.AlignmentFlag.AlignLeft)
        if result.follow_up:
            body.addWidget(label(describe.FOLLOW_UP, "advice"))
        self.diagnosis = label(describe.NOT_A_DIAGNOSIS)
        body.addWidget(self.diagnosis)
        footer = label(describe.NOT_CLINICAL if defn.own else defn.attribution)
        muted(footer)
        body.addWidget(footer)
        body.addStretch(1)

        bar = QHBoxLayout()
        bar.setContentsMargins(20, 6, 20, 12)
        bar.addStretch(1)
        self.done_button = button(
            self.tr("&Back to measures"), self.tr("Back to measures"), "primary"
        )
        self.done_button.clicked.connect(self.done_requested)
        bar.addWidget(self.done_button)
        outer.addLayout(bar)

    def _box(self, defn: Definition, sub_id: str, result: MeasureResult) -> QFrame:
        sub = defn.subscale(sub_id)
        band = result.bands.get(sub_id)
        box = QFrame()
        box.setObjectName("resultBox")
        themed(box, _BOX_STYLE)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(2)
        head = sub.label if band is None else f"{sub.label}: {band.label.lower()}"
        layout.addWidget(label(head, "heading"))
        score = label(describe.score_text(sub, result.scores.get(sub_id)))
        muted(score)
        layout.addWidget(score)
        if band is not None and band.about:
            layout.addWidget(label(band.about))
        box.setAccessibleName(head)
        self.boxes.append(box)
        return box
