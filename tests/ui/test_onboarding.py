"""First run: welcome → passphrase (weak refused) → recovery code → main window."""

from __future__ import annotations

import io
import logging
import stat

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLabel

from app.cli.main import main as cli_main
from app.context import Tend
from app.security import recovery
from app.security.kdf import TEST_PARAMS
from app.security.recovery import normalise
from tests.helpers.fakes import PASSPHRASE, trusted_memory_store
from ui.mainwindow import KEYRING_LINE, PASSPHRASE_LINE
from ui.onboarding import Onboarding
from ui.style import stylesheet
from ui.widgets import recovery as recovery_panel
from ui.widgets.passphrase import METER_HEIGHT

pytestmark = pytest.mark.gui


def _labels_text(widget) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel))


def _choose(qtbot, onboarding: Onboarding, passphrase: str) -> None:
    onboarding.entry.first.clear()
    onboarding.entry.second.clear()
    qtbot.keyClicks(onboarding.entry.first, passphrase)
    qtbot.keyClicks(onboarding.entry.second, passphrase)


def _finish_onboarding(qtbot, window, *, remember: bool = False) -> str:
    onboarding = window.onboarding
    qtbot.mouseClick(onboarding.start_button, Qt.MouseButton.LeftButton)
    _choose(qtbot, onboarding, PASSPHRASE)
    if remember:
        onboarding.remember.setChecked(True)
    qtbot.mouseClick(onboarding.continue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: onboarding.steps.currentIndex() == Onboarding.RECOVERY, timeout=10_000)
    code = onboarding.code_panel.code()
    onboarding.code_panel.written.setChecked(True)
    qtbot.mouseClick(onboarding.finish_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.state == "unlocked")
    return code


def test_welcome_says_what_is_kept_where_and_who_reads_it(make_window, tend):
    window = make_window(tend)
    assert window.state == "onboarding"
    assert window.windowTitle() == "Tend"
    text = _labels_text(window.onboarding.steps.widget(Onboarding.WELCOME))
    assert str(tend.paths.data) in text
    assert "Only you can read them" in text


def test_weak_passphrase_is_refused_with_the_reason(make_window, tend, qtbot):
    window = make_window(tend)
    onboarding = window.onboarding
    qtbot.mouseClick(onboarding.start_button, Qt.MouseButton.LeftButton)
    assert onboarding.steps.currentIndex() == Onboarding.PASSPHRASE
    assert not onboarding.continue_button.isEnabled()

    _choose(qtbot, onboarding, "password1")
    assert not onboarding.continue_button.isEnabled()
    assert "at least 10 characters" in onboarding.entry.feedback.text()
    assert "at least 10 characters" in onboarding.continue_button.accessibleDescription()

    _choose(qtbot, onboarding, "passwordpassword")
    assert not onboarding.continue_button.isEnabled()
    assert onboarding.entry.feedback.text()  # the reason is shown, under the meter
    assert onboarding.continue_button.accessibleDescription()  # and told on the button

    qtbot.keyClicks(onboarding.entry.first, "")
    onboarding.entry.first.setText(PASSPHRASE)
    onboarding.entry.second.setText(PASSPHRASE + "x")
    assert not onboarding.continue_button.isEnabled()
    assert "don't match" in onboarding.entry.feedback.text()

    onboarding.entry.second.setText(PASSPHRASE)
    assert onboarding.continue_button.isEnabled()
    assert onboarding.continue_button.accessibleDescription() == ""
    assert not tend.vault.exists()  # nothing is written before Continue


def test_keyring_option_disabled_with_reason_on_this_machine(make_window, tend):
    window = make_window(tend)
    status = tend.vault.secrets.status()
    assert not status.available
    assert not window.onboarding.remember.isEnabled()
    assert window.onboarding.remember_reason.text() == status.reason


def test_onboarding_end_to_end_reaches_the_main_window(make_window, tend, qtbot):
    window = make_window(tend)
    code = _finish_onboarding(qtbot, window)

    assert normalise(code) == code
    assert window.workspace is not None and window.workspace.isVisible()
    assert window.onboarding is None
    assert tend.unlocked and tend.vault.exists()
    assert not tend.vault.remembered()
    # The code shown is the one that opens Tend, and so does the passphrase.
    assert tend.vault.unlock_with_recovery(code).raw == tend.key.raw
    assert tend.vault.unlock_with_passphrase(PASSPHRASE).raw == tend.key.raw
    qtbot.waitUntil(lambda: window.protection.text() == PASSPHRASE_LINE)


def test_recovery_step_needs_the_written_down_tick(make_window, tend, qtbot):
    window = make_window(tend)
    onboarding = window.onboarding
    qtbot.mouseClick(onboarding.start_button, Qt.MouseButton.LeftButton)
    _choose(qtbot, onboarding, PASSPHRASE)
    qtbot.keyClick(onboarding.entry.second, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: onboarding.steps.currentIndex() == Onboarding.RECOVERY, timeout=10_000)
    assert not onboarding.finish_button.isEnabled()
    qtbot.mouseClick(onboarding.code_panel.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == onboarding.code_panel.code()
    assert onboarding.code_panel.code_label.textInteractionFlags() & (
        Qt.TextInteractionFlag.TextSelectableByMouse
    )
    onboarding.code_panel.written.setChecked(True)
    assert onboarding.finish_button.isEnabled()


def test_recovery_step_uses_the_words_tend_init_prints(make_window, tend):
    window = make_window(tend)
    text = _labels_text(window.onboarding.steps.widget(Onboarding.RECOVERY))
    assert recovery.TITLE in text.splitlines()
    assert recovery.EXPLAINED in text.splitlines()


def test_a_store_set_up_by_tend_init_opens_in_the_window(make_window, tend, qtbot, capsys):
    root = logging.getLogger()
    try:
        code = cli_main(
            ["--data-dir", str(tend.paths.data), "--passphrase-stdin", "init"],
            stdin=io.StringIO(PASSPHRASE + "\n"),
            tend_factory=lambda paths: Tend.build(paths, kdf=TEST_PARAMS),
        )
    finally:  # main logs to the data folder's file: take that handler off again
        for handler in [h for h in root.handlers if getattr(h, "_tend", False)]:
            root.removeHandler(handler)
            handler.close()
    assert code == 0, capsys.readouterr().err
    window = make_window(tend)
    assert window.state == "locked"
    window.lock_screen.passphrase.setText(PASSPHRASE)
    qtbot.mouseClick(window.lock_screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.state == "unlocked", timeout=10_000)


def test_remember_on_this_device_skips_the_lock_screen_next_time(
    make_window, paths, clock, memory_keyring, qtbot
):
    first = Tend.build(paths, clock=clock, secrets=trusted_memory_store(), kdf=TEST_PARAMS)
    try:
        window = make_window(first)
        assert window.onboarding.remember.isEnabled()
        _finish_onboarding(qtbot, window, remember=True)
        assert first.vault.remembered()
        assert memory_keyring.items  # the key went to the (trusted) keyring
        qtbot.waitUntil(lambda: window.protection.text() == KEYRING_LINE)
        window.lock()
        qtbot.waitUntil(lambda: not first.unlocked and not window.is_locking())
        window.close()
    finally:
        first.lock()

    second = Tend.build(paths, clock=clock, secrets=trusted_memory_store(), kdf=TEST_PARAMS)
    try:
        again = make_window(second)
        qtbot.waitUntil(lambda: again.state == "unlocked", timeout=10_000)
        assert second.unlocked
        qtbot.waitUntil(lambda: again.protection.text() == KEYRING_LINE)
        again.lock()
        qtbot.waitUntil(lambda: not again.is_locking())
    finally:
        qtbot.waitUntil(again.tasks.idle)
        second.lock()

    # The keyring lost the key (e.g. reset by the system): back to the passphrase, calmly.
    memory_keyring.items.clear()
    third = Tend.build(paths, clock=clock, secrets=trusted_memory_store(), kdf=TEST_PARAMS)
    try:
        last = make_window(third)
        qtbot.waitUntil(lambda: last.lock_screen.passphrase.isEnabled())
        qtbot.waitUntil(last.tasks.idle)
        assert last.state == "locked" and not third.unlocked
        assert last.lock_screen.message.text() == ""
    finally:
        third.lock()


# -- the passphrase step: a meter, and its advice said once ----------------------------------
CODE = "ABCD-EFGH-JKMN-PQRS-TWXY-2345"


def _colours_down_the_middle(widget) -> set[str]:
    """The colours of the widget's middle column, top to bottom (a frame adds its own)."""
    image = widget.grab().toImage()
    x = image.width() // 2
    return {QColor(image.pixel(x, y)).name() for y in range(image.height())}


def test_the_empty_strength_meter_is_a_thin_bar_not_a_box(make_window, tend, qtbot):
    window = make_window(tend)
    window.setStyleSheet(stylesheet())  # the look a person gets (tests have no app stylesheet)
    onboarding = window.onboarding
    onboarding.go_to(Onboarding.PASSPHRASE)
    entry = onboarding.entry
    QApplication.processEvents()  # lay out the step just shown, in the stylesheet's sizes
    assert entry.meter.value() == entry.meter.minimum()  # empty
    assert not entry.meter.isTextVisible()
    assert entry.meter.isVisible()
    assert entry.meter.height() <= METER_HEIGHT < entry.first.height() // 3
    # A text field has a frame round a white inside; the empty meter is one flat line.
    assert len(_colours_down_the_middle(entry.first)) > 1
    assert len(_colours_down_the_middle(entry.meter)) == 1
    # Labelled, on its own row: the label sits beside the bar, at the same height.
    assert entry.meter_label.text() == "Strength" and entry.meter_label.isVisible()
    label_box, bar_box = entry.meter_label.geometry(), entry.meter.geometry()
    assert label_box.right() < bar_box.left()
    assert label_box.top() <= bar_box.center().y() <= label_box.bottom()
    assert entry.meter.accessibleName() and entry.meter.accessibleDescription()


def _visible_texts(page) -> list[str]:
    return [w.text() for w in page.findChildren(QLabel) if w.isVisible() and w.text()]


def test_passphrase_advice_is_shown_once(make_window, tend, qtbot):
    window = make_window(tend)
    onboarding = window.onboarding
    onboarding.go_to(Onboarding.PASSPHRASE)
    page = onboarding.steps.widget(Onboarding.PASSPHRASE)
    entry = onboarding.entry
    for first, second in (("short", ""), ("password1", "password1"), (PASSPHRASE, "")):
        entry.first.setText(first)
        entry.second.setText(second)
        reason = entry.reason()
        assert reason
        assert [t for t in _visible_texts(page) if reason in t] == [entry.feedback.text()]
        assert onboarding.continue_button.accessibleDescription() == reason  # for screen readers
    entry.second.setText(PASSPHRASE)
    assert onboarding.continue_button.isEnabled()
    assert [t for t in _visible_texts(page) if "strong" in t.lower()] == [entry.feedback.text()]


# -- the recovery step: saved to a file, or printed -------------------------------------------
def _at_recovery_step(window) -> recovery_panel.RecoveryCodePanel:
    window.onboarding.show_recovery_code(CODE)
    panel = window.onboarding.code_panel
    assert panel.save_button.isVisible() and panel.print_button.isVisible()
    assert panel.save_button.accessibleName() and panel.print_button.accessibleName()
    return panel


def test_the_recovery_code_can_be_saved_to_a_private_file(
    make_window, tend, qtbot, monkeypatch, tmp_path, caplog
):
    window = make_window(tend)
    panel = _at_recovery_step(window)
    away = tmp_path / "usb"
    away.mkdir()
    monkeypatch.setattr(recovery_panel, "ask_sheet_path", lambda parent: away / "my code")
    caplog.set_level(logging.DEBUG)
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)

    saved = away / "my code.txt"
    assert CODE in saved.read_text("utf-8")
    assert "forget your passphrase" in saved.read_text("utf-8")
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert sorted(p.name for p in away.iterdir()) == ["my code.txt"]  # no temporary file left
    assert panel.kept.isVisible() and str(saved) in panel.kept.text()
    assert CODE not in caplog.text
    assert not panel.written.isChecked()  # saving doesn't tick "written down" for them


def test_the_recovery_code_is_never_saved_inside_tends_own_folder(
    make_window, tend, qtbot, monkeypatch
):
    window = make_window(tend)
    panel = _at_recovery_step(window)
    inside = tend.paths.data / "code.txt"
    monkeypatch.setattr(recovery_panel, "ask_sheet_path", lambda parent: inside)
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert not inside.exists()
    assert "outside Tend's own folders" in panel.kept.text()
    assert panel.kept.property("role") == "error"

    monkeypatch.setattr(recovery_panel, "ask_sheet_path", lambda parent: None)  # cancelled
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert [p.name for p in tend.paths.data.glob("*code*")] == []


def test_the_recovery_code_can_be_printed(make_window, tend, qtbot, monkeypatch, tmp_path):
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter

    window = make_window(tend)
    panel = _at_recovery_step(window)
    monkeypatch.setattr(recovery_panel, "ask_printer", lambda parent: None)  # cancelled
    qtbot.mouseClick(panel.print_button, Qt.MouseButton.LeftButton)
    assert not panel.kept.isVisible()

    printed = tmp_path / "printed.pdf"
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))  # what "Print to file" in the dialog sets
    monkeypatch.setattr(recovery_panel, "ask_printer", lambda parent: printer)
    qtbot.mouseClick(panel.print_button, Qt.MouseButton.LeftButton)

    words = " ".join("".join(p.extract_text() for p in PdfReader(printed).pages).split())
    assert CODE in words.replace(" ", "")
    assert "forget your passphrase" in words
    assert stat.S_IMODE(printed.stat().st_mode) == 0o600
    assert str(printed) in panel.kept.text()
