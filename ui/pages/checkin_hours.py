"""The check-in's hours box: half-hour steps, or "Not counted", said in words to everyone."""

from __future__ import annotations

from PySide6.QtWidgets import QDoubleSpinBox, QWidget

from ui.pages.checkin_wording import hours_text


class HoursBox(QDoubleSpinBox):
    """Hours in half-hour steps, or "Not counted": its lowest value stands for no count.

    The words are shown in the box and given as its accessible description too,
    so a screen reader never says the stand-in number ("minus 0.5").
    """

    def __init__(self, question: str, none_value: float, parent: QWidget | None = None):
        super().__init__(parent)
        self.setRange(none_value, 24.0)
        self.setSingleStep(0.5)
        self.setDecimals(1)
        self.setSpecialValueText(self.tr("Not counted"))
        self.setSuffix(self.tr(" h"))
        self.setAccessibleName(question)
        self.valueChanged.connect(self._describe)
        self.setValue(none_value)
        self._describe()

    def counted(self) -> bool:
        return self.value() > self.minimum()

    def textFromValue(self, value: float) -> str:
        # Qt's accessible value of a spin box comes from here, not from the special text.
        if value <= self.minimum():
            return self.specialValueText()
        return super().textFromValue(value)

    def _describe(self, *_args: object) -> None:
        if not self.counted():
            self.setAccessibleDescription(self.specialValueText())
        else:
            self.setAccessibleDescription(hours_text(self.value()))
