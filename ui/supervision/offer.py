"""How a supervisor offers sessions: length, a break between, notice, how far ahead,
a daily limit and the time zone their times are in.

The settings (and the list of time zones, which means reading the zone database)
load on a worker; saving goes through the service, whose calm ValidationError
shows under the form.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.supervision.model import OfferSettings
from ui.style import button, label
from ui.supervision.calls import Calls

if TYPE_CHECKING:
    from app.supervision.service import SupervisionService

LOCAL_ZONE = "This computer's time zone"


def _zones() -> list[str]:
    from zoneinfo import available_timezones

    return sorted(z for z in available_timezones() if "/" in z and not z.startswith("Etc/"))


def _spin(low: int, high: int, suffix: str, name: str, step: int = 1) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setSingleStep(step)
    box.setSuffix(suffix)
    box.setAccessibleName(name)
    return box


class OfferForm(QGroupBox):
    """The offer settings; saves through the service and says so quietly."""

    def __init__(self, calls: Calls, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.calls = calls
        self.loaded = False
        self.setTitle(self.tr("How you offer sessions"))
        self._generation = 0
        self._build()

    def _build(self) -> None:
        form = QFormLayout()
        self.length = _spin(15, 240, self.tr(" minutes"), self.tr("Session length"), 5)
        self.buffer = _spin(0, 120, self.tr(" minutes"), self.tr("Break between sessions"), 5)
        self.notice = _spin(0, 336, self.tr(" hours"), self.tr("Minimum notice for booking"))
        self.horizon = _spin(1, 366, self.tr(" days"), self.tr("How far ahead people can book"))
        self.daily = _spin(1, 24, "", self.tr("Most sessions in one day"))
        self.zone = QComboBox(self)
        self.zone.setAccessibleName(self.tr("Time zone of your times"))
        self.zone.addItem(self.tr(LOCAL_ZONE), "")
        rows = (
            (self.tr("Session &length:"), self.length),
            (self.tr("&Break between sessions:"), self.buffer),
            (self.tr("Minimum &notice:"), self.notice),
            (self.tr("Booking a&head, up to:"), self.horizon),
            (self.tr("Most sessions a da&y:"), self.daily),
            (self.tr("Time &zone:"), self.zone),
        )
        for text, field in rows:
            field.setMaximumWidth(320 if field is self.zone else 200)  # not stretched wide
            caption = QLabel(text, self)
            caption.setBuddy(field)
            form.addRow(caption, field)
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(
                self.tr(
                    "People you supervise see times that fit these: a session never starts "
                    "sooner than the notice you ask for, and a break follows each one."
                ),
                "muted",
            )
        )
        layout.addLayout(form)
        self.problem = label("", "error")
        self.problem.hide()
        layout.addWidget(self.problem)
        row = QHBoxLayout()
        self.save_button = button(
            self.tr("&Save these settings"), self.tr("Save how you offer sessions"), "primary"
        )
        self.save_button.clicked.connect(self.save)
        self.saved = label("", "ok")
        row.addWidget(self.save_button)
        row.addWidget(self.saved, 1)
        layout.addLayout(row)

    # -- loading ---------------------------------------------------------------------------
    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        need_zones = self.zone.count() <= 1

        def load(service: SupervisionService) -> tuple[OfferSettings, list[str]]:
            return service.offer(), _zones() if need_zones else []

        self.calls.read(load, lambda found: self._on_loaded(generation, found))

    def _on_loaded(self, generation: int, found: tuple[OfferSettings, list[str]]) -> None:
        if not isValid(self) or generation != self._generation:
            return
        settings, zones = found
        for name in zones:
            self.zone.addItem(name, name)
        self.show_settings(settings)
        self.loaded = True

    def show_settings(self, settings: OfferSettings) -> None:
        self.length.setValue(settings.session_minutes)
        self.buffer.setValue(settings.buffer_minutes)
        self.notice.setValue(settings.min_notice_hours)
        self.horizon.setValue(settings.horizon_days)
        self.daily.setValue(settings.daily_max)
        index = self.zone.findData(settings.tz)
        if index < 0:  # a zone saved elsewhere that this list lacks: keep it, don't lose it
            self.zone.addItem(settings.tz, settings.tz)
            index = self.zone.count() - 1
        self.zone.setCurrentIndex(index)

    # -- saving ----------------------------------------------------------------------------
    def settings(self) -> OfferSettings:
        return OfferSettings(
            session_minutes=self.length.value(),
            buffer_minutes=self.buffer.value(),
            min_notice_hours=self.notice.value(),
            horizon_days=self.horizon.value(),
            daily_max=self.daily.value(),
            tz=str(self.zone.currentData() or ""),
        )

    def save(self) -> None:
        chosen = self.settings()
        self.problem.hide()
        self.saved.clear()
        self.calls.write(
            lambda service: service.save_offer(chosen),
            lambda _r: self._on_saved(),
            self.calls.calm_or_report(self.show_problem),
        )

    def _on_saved(self) -> None:
        if isValid(self):
            self.saved.setText(self.tr("Saved. New times follow these settings."))

    def show_problem(self, message: str) -> None:
        if not isValid(self):
            return
        self.problem.setText(message)
        self.problem.setAccessibleName(message)
        self.problem.show()
