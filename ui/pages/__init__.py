"""The page registry: which pages the main window shows, in nav order.

Pages are imported only after unlock (they pull in the services). A page whose
module does not exist yet is skipped, so the shell works while pages are written.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

# (key, module, class name)
PAGE_SPECS: tuple[tuple[str, str, str], ...] = (
    ("checkin", "ui.pages.checkin", "CheckinPage"),
    ("journal", "ui.pages.journal", "JournalPage"),
    ("trends", "ui.pages.trends", "TrendsPage"),
    ("measures", "ui.pages.measures", "MeasuresPage"),
    ("signals", "ui.pages.signals", "SignalsPage"),
    ("selfcare", "ui.pages.selfcare", "SelfCarePage"),
    ("reminders", "ui.pages.reminders", "RemindersPage"),
    ("supervision", "ui.pages.supervision", "SupervisionPage"),
    ("settings", "ui.pages.settings", "SettingsPage"),
)


def load_page_classes(
    specs: tuple[tuple[str, str, str], ...] | None = None,
) -> list[type[QWidget]]:
    """Import each page class (``PAGE_SPECS`` by default); skip a page whose module is missing."""
    classes: list[type[QWidget]] = []
    for key, module_name, class_name in PAGE_SPECS if specs is None else specs:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise  # the page exists but something it imports is missing: a real bug
            log.info("page %s not available", key)
            continue
        classes.append(getattr(module, class_name))
    return classes
