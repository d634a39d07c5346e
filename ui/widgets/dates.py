"""Date boxes wide enough for every date they can show.

Qt sizes a date box from its earliest and latest dates ("14 September 1752",
"31 December 9999"), so a longer month or weekday name in between ("Wednesday
30 September") is cut short, and a narrow window squeezes it further. A
``DateBox`` asks for the width of the widest date its format can show instead,
as its preferred and its minimum width, so no layout can clip it at any size.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QDateTime, QSize, QTime
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QWidget


def _text_width(edit: QDateTimeEdit, when: QDateTime) -> int:
    """How wide Qt reckons ``when`` is in ``edit`` (its format, locale and font, plus a space)."""
    text = edit.locale().toString(when, edit.displayFormat())
    return edit.fontMetrics().horizontalAdvance(text + " ")


def widest_text_width(edit: QDateTimeEdit) -> int:
    """The width of the widest date ``edit``'s format can show, in its font."""
    # A whole year has every weekday in every month; day numbers and years are as wide
    # as each other in any year.
    first, noon = QDate(2026, 1, 1), QTime(12, 0)
    return max(_text_width(edit, QDateTime(first.addDays(day), noon)) for day in range(365))


def widest_date_width(edit: QDateTimeEdit, widest_text: int | None = None) -> int:
    """The width ``edit`` needs (frame, padding and button included) for its widest date."""
    edit.ensurePolished()
    if widest_text is None:
        widest_text = widest_text_width(edit)
    # Qt's own hint is the style's frame and buttons around the wider of these two texts.
    qt_hint = QDateTimeEdit.sizeHint(edit).width()
    qt_text = max(
        _text_width(edit, edit.minimumDateTime()), _text_width(edit, edit.maximumDateTime())
    )
    return qt_hint + max(0, widest_text - qt_text)


class DateBox(QDateEdit):
    """A QDateEdit never narrower than the widest date its format can show."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._widest: tuple[tuple[str, str, str], int] | None = None

    def _widest_text(self) -> int:
        key = (self.displayFormat(), self.locale().name(), self.font().key())
        if self._widest is None or self._widest[0] != key:
            self._widest = (key, widest_text_width(self))
        return self._widest[1]

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(max(hint.width(), widest_date_width(self, self._widest_text())), hint.height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()
