"""Controls that tell the truth, in both themes: disabled boxes look disabled, spin box
arrows are big enough to see and to hit, and date boxes are never cut short."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QLineEdit,
    QSpinBox,
    QStyle,
    QStyleOptionSpinBox,
    QTimeEdit,
    QWidget,
)

from tests.ui.test_theme import contrast
from ui.themes import DARK, LARGE, LIGHT, Colours
from ui.widgets.dates import DateBox, widest_date_width

pytestmark = pytest.mark.gui

BOTH = pytest.mark.parametrize("colours", [LIGHT, DARK], ids=["light", "dark"])


def _spin() -> QWidget:
    box = QSpinBox()
    box.setValue(10)
    return box


def _double() -> QWidget:
    box = QDoubleSpinBox()
    box.setValue(7.5)
    return box


def _combo() -> QWidget:
    box = QComboBox()
    box.addItems(["Dark", "Light"])
    return box


def _time() -> QWidget:
    return QTimeEdit(QTime(17, 30))


def _date() -> QWidget:
    box = QDateEdit(QDate(2026, 5, 1))
    box.setCalendarPopup(True)
    return box


def _shown(qtbot, widget: QWidget, width: int = 240) -> QImage:
    qtbot.addWidget(widget)
    widget.resize(width, widget.sizeHint().height())
    widget.show()
    qtbot.waitExposed(widget)
    return widget.grab().toImage()


def _look(image: QImage) -> tuple[str, str]:
    """(words, ground) of a box: the commonest colour inside its frame, and the colour
    in its text area that stands out most from it."""
    height = image.height()
    field = [
        image.pixelColor(x, y).name()
        for x in range(4, int(image.width() * 0.5))
        for y in range(4, height - 4)
    ]
    ground = Counter(field).most_common(1)[0][0]
    words = max(set(field), key=lambda colour: contrast(colour, ground))
    return words, ground


@BOTH
@pytest.mark.parametrize(
    "make", [_spin, _double, _combo, _time, _date], ids=["spin", "double", "combo", "time", "date"]
)
def test_a_disabled_box_looks_disabled(colours: Colours, make, appearance, qtbot):
    appearance(colours.name)
    enabled = _look(_shown(qtbot, make()))
    off = make()
    off.setEnabled(False)
    disabled = _look(_shown(qtbot, off))
    on_words, on_ground = enabled
    off_words, off_ground = disabled
    assert on_ground == colours.surface and off_ground == colours.sunken
    assert contrast(on_words, colours.text) < 1.3  # the words' own colour, give or take
    assert contrast(off_words, colours.disabled) < 1.3
    assert contrast(on_words, off_words) >= 1.5  # a different colour of words, too
    assert contrast(off_words, off_ground) >= LARGE - 0.3  # still readable (anti-aliased)


def _button_rect(box: QAbstractSpinBox, which: QStyle.SubControl):
    option = QStyleOptionSpinBox()
    box.initStyleOption(option)
    return box.style().subControlRect(QStyle.ComplexControl.CC_SpinBox, option, which, box)


@BOTH
@pytest.mark.parametrize("make", [_spin, _time], ids=["spin", "time"])
def test_spin_box_arrows_are_big_enough_to_see_and_to_click(
    colours: Colours, make, appearance, qtbot
):
    appearance(colours.name)
    box = make()
    image = _shown(qtbot, box, 180)
    for which in (QStyle.SubControl.SC_SpinBoxUp, QStyle.SubControl.SC_SpinBoxDown):
        rect = _button_rect(box, which)
        assert rect.width() >= 20 and rect.height() >= 12, rect
        inks = {
            image.pixelColor(x, y).name()
            for x in range(rect.left(), rect.right())
            for y in range(rect.top(), rect.bottom())
        }
        # The arrow is drawn in the words' colour, clear against the box.
        assert colours.text in inks or max(contrast(i, colours.surface) for i in inks) >= 4.5
    before = box.text()
    up = _button_rect(box, QStyle.SubControl.SC_SpinBoxUp).center()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=up)
    after_up = box.text()
    assert after_up != before
    down = _button_rect(box, QStyle.SubControl.SC_SpinBoxDown).center()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=down)
    assert box.text() == before


def _widest_text_fits(edit: QDateEdit) -> None:
    field = edit.findChild(QLineEdit)
    assert field is not None
    needed = field.fontMetrics().horizontalAdvance(edit.text())
    assert field.width() >= needed, (edit.text(), field.width(), needed)


@pytest.mark.parametrize("appearance_name", ["plain", "light", "dark"])
@pytest.mark.parametrize("fmt", ["d MMMM yyyy", "ddd d MMM yyyy", "dddd d MMMM yyyy"])
def test_a_date_box_fits_its_widest_date(appearance_name, fmt, appearance, qtbot):
    if appearance_name != "plain":
        appearance(appearance_name)
    edit = DateBox()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(fmt)
    qtbot.addWidget(edit)
    narrowest = edit.minimumSizeHint().width()
    edit.resize(narrowest, edit.sizeHint().height())  # as narrow as a layout may make it
    edit.show()
    qtbot.waitExposed(edit)
    first = QDate(2026, 1, 1)
    for day in range(0, 365, 3):
        edit.setDate(first.addDays(day))
        _widest_text_fits(edit)
    assert narrowest >= widest_date_width(edit)
    if fmt == "dddd d MMMM yyyy":  # Qt's own hint is too narrow here (the reason for DateBox)
        assert narrowest > QDateEdit.sizeHint(edit).width()


@pytest.mark.parametrize("appearance_name", ["light", "dark"])
def test_the_reminders_date_is_never_clipped_at_any_window_size(
    appearance_name, appearance, qtbot, page_ctx
):
    from ui.pages.reminders import RemindersPage

    appearance(appearance_name)
    page_ctx.tend.require_store().reminders.ensure_defaults()
    page = RemindersPage(page_ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.loaded)
    edit = page.pause.back_on
    # The widest date the box can be given ("… September …" in English).
    today = edit.minimumDate()
    widest = max(
        (today.addDays(n) for n in range(366)),
        key=lambda day: edit.fontMetrics().horizontalAdvance(
            edit.locale().toString(day, edit.displayFormat())
        ),
    )
    edit.setDate(widest)
    assert isinstance(edit, DateBox)
    for width, height in ((1280, 800), (1024, 640), (640, 480), (360, 480)):
        page.resize(width, height)
        qtbot.wait(20)
        assert edit.width() >= widest_date_width(edit)
        _widest_text_fits(edit)


def test_the_check_in_date_box_fits_its_widest_date(qtbot):
    from ui.pages.checkin_widgets import day_edit

    edit = day_edit(dt.date(2026, 11, 22), "Check-in for")
    qtbot.addWidget(edit)
    assert edit.minimumSizeHint().width() >= widest_date_width(edit) > 0
    edit.resize(edit.minimumSizeHint().width(), edit.sizeHint().height())
    edit.show()
    qtbot.waitExposed(edit)
    edit.setDate(QDate(2026, 9, 30))  # Wed 30 Sep 2026
    _widest_text_fits(edit)
