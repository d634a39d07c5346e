""" "Get help now" on every screen: one click or F1, the region's lines, kind words."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel

from app import crisis
from app.crisis import ELSEWHERE
from app.settings import Settings
from tests.helpers.fakes import PASSPHRASE
from ui import helpdialog
from ui.helpdialog import HelpDialog

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _australian_computer(monkeypatch):
    """These tests run as on a computer whose locale says Australia, unless they say otherwise."""
    monkeypatch.setattr(crisis, "system_region", lambda: "AU")


def _dialog_text(dialog: HelpDialog) -> str:
    return "\n".join(label.text() for label in dialog.findChildren(QLabel))


def _assert_shows_lines(window, qtbot) -> HelpDialog:
    qtbot.waitUntil(lambda: window.help_dialog is not None and window.help_dialog.isVisible())
    dialog = window.help_dialog
    text = _dialog_text(dialog)
    assert "13 11 14" in text
    assert dialog.findChild(QLabel, "emergencyLine").text() == (
        "If you're in danger right now, call 000."
    )
    return dialog


def test_from_onboarding(make_window, tend, qtbot):
    window = make_window(tend)
    assert window.onboarding.help_button.isVisible()
    qtbot.mouseClick(window.onboarding.help_button, Qt.MouseButton.LeftButton)
    _assert_shows_lines(window, qtbot)


def test_from_the_lock_screen(make_window, tend, qtbot):
    tend.vault.create(PASSPHRASE).key.wipe()
    window = make_window(tend)
    assert window.state == "locked"
    assert window.lock_screen.help_button.isVisible()
    qtbot.mouseClick(window.lock_screen.help_button, Qt.MouseButton.LeftButton)
    _assert_shows_lines(window, qtbot)


def test_from_the_main_window_button_f1_and_pages(main_window, qtbot):
    button = main_window.workspace.help_button
    assert button.isVisible() and button.text() == "Get help now"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = _assert_shows_lines(main_window, qtbot)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # keyboard closes it
    qtbot.waitUntil(lambda: main_window.help_dialog is None)

    main_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main_window)
    qtbot.keyClick(main_window.workspace.nav, Qt.Key.Key_F1)
    _assert_shows_lines(main_window, qtbot).close()
    qtbot.waitUntil(lambda: main_window.help_dialog is None)

    main_window.ctx.help_requested.emit()  # what a page does
    _assert_shows_lines(main_window, qtbot)


def test_copy_buttons_and_accessible_names(main_window, qtbot):
    main_window.show_help()
    dialog = main_window.help_dialog
    numbers = [
        label for label in dialog.findChildren(QLabel) if label.property("role") == "lineNumber"
    ]
    assert numbers and all(label.accessibleName() for label in numbers)
    lifeline = next(label for label in numbers if label.text() == "13 11 14")
    assert "Lifeline" in lifeline.accessibleName()
    for button in dialog.findChildren(QAbstractButton):
        assert button.accessibleName(), button.text()
    assert dialog.copy_buttons[0].hasFocus() or dialog.focusWidget() is dialog.copy_buttons[0]
    lifeline_copy = next(b for b in dialog.copy_buttons if "Lifeline" in b.accessibleName())
    qtbot.mouseClick(lifeline_copy, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == "13 11 14"


def test_shows_the_organisations_program_first_when_set(main_window, qtbot):
    settings = main_window.ctx.tend.settings
    settings.set("eap_name", "Acme Wellbeing")
    settings.set("eap_phone", "1800 000 111")
    main_window.show_help()
    dialog = main_window.help_dialog
    text = _dialog_text(dialog)
    assert "Acme Wellbeing" in text and "1800 000 111" in text
    names = [label.text() for label in _in_order(dialog, "lineName")]
    assert names[:2] == ["Acme Wellbeing", "Lifeline"]
    assert "Acme Wellbeing" in dialog.copy_buttons[0].accessibleName()  # first in Tab order too
    assert _banner(dialog) == "If you're in danger right now, call 000."  # still above it all


def test_no_traceback_words_and_warm_first_words(main_window):
    main_window.show_help()
    text = _dialog_text(main_window.help_dialog)
    assert "don't have to carry this on your own" in text
    assert "Error" not in text


def _in_order(dialog: HelpDialog, role: str) -> list[QLabel]:
    """The labels with a style role, top to bottom as they are drawn."""
    labels = [label for label in dialog.findChildren(QLabel) if label.property("role") == role]
    return sorted(labels, key=lambda label: label.mapTo(dialog, label.rect().topLeft()).y())


def _numbers(dialog: HelpDialog) -> set[str]:
    return {label.text() for label in _in_order(dialog, "lineNumber")}


def _banner(dialog: HelpDialog) -> str:
    return dialog.findChild(QLabel, "emergencyLine").text()


def _open(qtbot, settings, system_region: str | None) -> HelpDialog:
    dialog = HelpDialog(settings, system_region=lambda: system_region)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


# -- the region: from the locale, or asked once -------------------------------------------
def test_the_locale_picks_the_region_and_nothing_is_asked(qtbot, tmp_path):
    path = tmp_path / "settings.json"
    dialog = _open(qtbot, Settings(path), "NZ")
    assert not dialog.chooser.isVisible()
    assert "1737" in _numbers(dialog) and "13 11 14" not in _numbers(dialog)
    assert _banner(dialog) == "If you're in danger right now, call 111."
    assert "Lines shown for New Zealand, going by this computer's settings." in dialog.where.text()
    assert dialog.change_button.isVisible()
    assert not path.exists()  # nothing chosen, nothing written: the locale decides


def test_a_choice_in_settings_wins_over_the_locale(qtbot, tmp_path):
    settings = Settings(tmp_path / "settings.json")
    settings.set("region", "GB")
    dialog = _open(qtbot, settings, "NZ")
    assert not dialog.chooser.isVisible()
    assert {"116 123", "85258"} <= _numbers(dialog) and "1737" not in _numbers(dialog)
    assert _banner(dialog) == "If you're in danger right now, call 999."
    assert dialog.where.text().startswith("Lines shown for United Kingdom. ")


def test_asks_where_when_the_locale_names_no_region_and_remembers_the_answer(qtbot, tmp_path):
    path = tmp_path / "settings.json"
    dialog = _open(qtbot, Settings(path), None)
    combo = dialog.region_combo
    assert dialog.chooser.isVisible() and not dialog.change_button.isVisible()
    assert dialog.focusWidget() is combo  # first, so the keyboard gets there at once
    assert combo.accessibleName() == "Where are you?"
    assert combo.currentData() == "" and combo.itemData(combo.count() - 1) == ELSEWHERE
    # Meanwhile, ways to find help anywhere, not another country's numbers.
    assert _banner(dialog) == (
        "If you're in danger right now, call the emergency number where you are."
    )
    assert _numbers(dialog) == {"findahelpline.com"}
    assert "don't have to carry this on your own" in _dialog_text(dialog)
    assert "Until you choose your country above" in dialog.where.text()

    qtbot.keyClick(combo, Qt.Key.Key_Down)  # the first country in the list
    assert combo.currentData() == "AU"
    assert Settings(path).get("region") == "AU"  # on disk at once
    assert "13 11 14" in _numbers(dialog) and "findahelpline.com" not in _numbers(dialog)
    assert _banner(dialog) == "If you're in danger right now, call 000."
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert Settings(path).get("region") == combo.currentData() == "CA"
    dialog.close()

    again = _open(qtbot, Settings(path), None)  # asked once: not again
    assert not again.chooser.isVisible()
    assert "9-8-8" in _numbers(again)
    assert again.where.text().startswith("Lines shown for Canada. ")


def test_change_place_opens_the_chooser_from_the_keyboard(qtbot, tmp_path):
    path = tmp_path / "settings.json"
    dialog = _open(qtbot, Settings(path), "NZ")
    qtbot.keyClick(dialog.change_button, Qt.Key.Key_Space)
    combo = dialog.region_combo
    assert dialog.chooser.isVisible() and dialog.focusWidget() is combo
    assert not dialog.change_button.isVisible()
    assert combo.currentData() == "NZ" and combo.findData("") == -1  # starts where we are
    combo.setCurrentIndex(combo.findData("US"))
    assert Settings(path).get("region") == "US"
    assert (
        "988" in _numbers(dialog) and _banner(dialog) == "If you're in danger right now, call 911."
    )
    assert dialog.where.text().startswith("Lines shown for United States. ")
    assert "choose it above" in dialog.where.text()


def test_somewhere_else_opens_the_directory_of_helplines(qtbot, tmp_path, monkeypatch):
    opened: list[str] = []

    class Browser:
        @staticmethod
        def openUrl(url) -> bool:
            opened.append(url.toString())
            return True

    monkeypatch.setattr(helpdialog, "QDesktopServices", Browser)
    settings = Settings(tmp_path / "settings.json")
    settings.set("region", ELSEWHERE)
    dialog = _open(qtbot, settings, "NZ")
    assert not dialog.chooser.isVisible()
    [visit] = dialog.open_buttons
    assert visit.accessibleName() == "Open Find A Helpline in your web browser"
    qtbot.mouseClick(visit, Qt.MouseButton.LeftButton)
    assert opened == ["https://findahelpline.com"]
    qtbot.mouseClick(dialog.copy_buttons[0], Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == "https://findahelpline.com"
    for button in dialog.findChildren(QAbstractButton):
        assert button.accessibleName(), button.text()


def test_before_unlock_it_asks_and_remembers(make_window, tend, qtbot, monkeypatch):
    monkeypatch.setattr(crisis, "system_region", lambda: None)
    tend.vault.create(PASSPHRASE).key.wipe()
    window = make_window(tend)
    assert window.state == "locked"
    qtbot.mouseClick(window.lock_screen.help_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.help_dialog is not None and window.help_dialog.isVisible())
    dialog = window.help_dialog
    assert dialog.chooser.isVisible()
    dialog.region_combo.setCurrentIndex(dialog.region_combo.findData("IE"))
    qtbot.waitUntil(window.tasks.idle)  # saved on the writer lane, not the GUI thread
    assert Settings(tend.paths.settings_file).get("region") == "IE"
    assert "116 123" in _numbers(dialog)
    assert _banner(dialog) == "If you're in danger right now, call 112 or 999."


def test_the_help_text_names_the_real_place_in_settings(main_window, qtbot):
    main_window.show_help()
    dialog = main_window.help_dialog
    workspace = main_window.workspace
    workspace.navigate("settings")
    page = workspace.pages["settings"]
    editor = page.preferences.editors["region"]
    [label] = [lb for lb in page.findChildren(QLabel) if lb.buddy() is editor]
    place = " → ".join((page.title, page.preferences.title(), label.text().rstrip(":")))
    assert place == "Settings → Preferences → Region for support lines"
    assert place in dialog.where.text()
    # The help window's own way is named only while it is there (it works before unlock too).
    assert "“Change place” here" in dialog.where.text()
    assert dialog.change_button.isVisible() and dialog.change_button.text() == "Change place"


def test_a_place_chosen_in_help_shows_in_settings(main_window, qtbot):
    workspace = main_window.workspace
    workspace.navigate("settings")
    editor = workspace.pages["settings"].preferences.editors["region"]
    assert isinstance(editor, QComboBox)
    qtbot.waitUntil(editor.isEnabled)
    assert editor.currentData() == ""
    assert editor.itemText(0) == "Going by this computer: Australia"

    main_window.show_help()
    dialog = main_window.help_dialog
    dialog.ask_where()
    dialog.region_combo.setCurrentIndex(dialog.region_combo.findData("NZ"))
    dialog.close()
    qtbot.waitUntil(main_window.tasks.idle)  # saved on the writer lane
    workspace.navigate("journal")
    workspace.navigate("settings")
    assert editor.currentData() == "NZ"


def test_every_settings_choice_fits_its_box_at_1024_by_640(main_window, qtbot):
    """No choice in a Settings drop-down is cut short, the region's long first one included."""
    main_window.resize(1024, 640)
    workspace = main_window.workspace
    workspace.navigate("settings")
    editors = workspace.pages["settings"].preferences.editors
    qtbot.waitUntil(editors["region"].isEnabled)
    qtbot.wait(30)
    clipped = []
    for key, editor in editors.items():
        if not isinstance(editor, QComboBox):
            continue
        room = editor.width() - editor.iconSize().width() - 36  # the frame and the arrow
        for i in range(editor.count()):
            text = editor.itemText(i)
            if editor.fontMetrics().horizontalAdvance(text) > room:
                clipped.append((key, text))
    assert clipped == []


def test_a_short_list_of_lines_stays_together_at_the_top(main_window, qtbot, monkeypatch):
    """One line (the United States has one besides 911) isn't spread over the window."""
    main_window.ctx.tend.settings.set("region", "US")
    main_window.show_help()
    dialog = main_window.help_dialog
    dialog.resize(560, 600)
    qtbot.waitExposed(dialog)
    qtbot.wait(100)  # the layout settles after the first show
    labels = [
        w for w in dialog.findChildren(QLabel) if w.property("role") in ("lineName", "lineNumber")
    ]
    assert labels
    # Each label is about as tall as its words: the rows were not stretched apart.
    assert [w.height() - w.sizeHint().height() < 12 for w in labels] == [True] * len(labels)


def test_a_place_chosen_in_help_is_saved_off_the_gui_thread(main_window, qtbot, monkeypatch):
    import threading

    settings = main_window.ctx.tend.settings
    real_set, threads = settings.set, []

    def recording_set(key, value):
        threads.append(threading.current_thread() is threading.main_thread())
        real_set(key, value)

    monkeypatch.setattr(settings, "set", recording_set)
    main_window.show_help()
    dialog = main_window.help_dialog
    dialog.ask_where()
    dialog.region_combo.setCurrentIndex(dialog.region_combo.findData("GB"))
    qtbot.waitUntil(lambda: threads != [])
    assert threads == [False]
