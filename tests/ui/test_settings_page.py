"""The settings page: a generated form, security controls, and own-your-data actions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
)

from app.crisis import ELSEWHERE, choices, regions
from app.data.export import export_file
from app.domain import CheckinDraft, NoteDraft
from app.security.secrets import KeyringSecretStore
from app.settings import SETTINGS
from tests.helpers.fakes import PASSPHRASE, trusted_memory_store
from ui.dialogs import security
from ui.pages import settings_dialogs
from ui.pages.settings import SettingsPage
from ui.pages.settings_security import KEYRING_ACTIVE, PASSPHRASE_ACTIVE

pytestmark = pytest.mark.gui


@pytest.fixture
def page(ui_ctx, qtbot):
    p = SettingsPage(ui_ctx)
    qtbot.addWidget(p)
    p.resize(1024, 640)
    p.show()
    qtbot.waitUntil(ui_ctx.tasks.idle)
    return p


@pytest.fixture
def calls(monkeypatch) -> list[tuple]:
    """Recording stand-ins for ui.dialogs.security (its own tests cover the dialogs)."""
    seen: list[tuple] = []
    monkeypatch.setattr(security, "change_passphrase", lambda p, c: seen.append(("change", c)))
    monkeypatch.setattr(security, "show_new_recovery_code", lambda p, c: seen.append(("code", c)))
    monkeypatch.setattr(
        security, "set_remembered", lambda p, c, on: seen.append(("remember", c, on))
    )
    return seen


def _settled(qtbot, ctx) -> None:
    qtbot.waitUntil(ctx.tasks.idle)


# -- the generated form -------------------------------------------------------------------
def test_the_form_has_one_editor_per_setting(page):
    editors = page.preferences.editors
    assert list(editors) == [s.key for s in SETTINGS if s.shown]
    assert "team_login" not in editors  # kept in settings, chosen on the Supervision page
    spin = editors["auto_lock_minutes"]
    assert isinstance(spin, QSpinBox)
    assert (spin.minimum(), spin.maximum(), spin.value()) == (0, 240, 10)
    combo = editors["region"]
    assert isinstance(combo, QComboBox) and combo.isEnabled()
    # Every region in the data file, "somewhere else" last, after "not chosen yet" (the default).
    assert [combo.itemData(i) for i in range(combo.count())] == ["", *(c for c, _ in choices())]
    assert set(regions()) == {c for c, _ in choices()}
    assert combo.itemData(combo.count() - 1) == ELSEWHERE
    assert combo.currentData() == ""
    assert isinstance(editors["eap_name"], QLineEdit)
    assert page.key == "settings" and page.title == "Settings"


def test_every_control_has_an_accessible_name(page):
    controls = [
        *page.findChildren(QAbstractButton),
        *page.findChildren(QComboBox),
        *page.findChildren(QSpinBox),
        *page.findChildren(QLineEdit),
    ]
    assert len(controls) >= 10
    unnamed = [w.objectName() or type(w).__name__ for w in controls if not w.accessibleName()]
    # Line edits inside spin boxes and combo boxes belong to their (named) owners.
    assert [n for n in unnamed if n != "qt_spinbox_lineedit"] == []


def test_changing_a_setting_saves_it_with_a_calm_hint(page, ui_ctx, qtbot):
    editors = page.preferences.editors
    with qtbot.waitSignal(page.preferences.saved, timeout=5000):
        editors["auto_lock_minutes"].setValue(30)
    _settled(qtbot, ui_ctx)
    assert ui_ctx.tend.settings.get("auto_lock_minutes") == 30
    assert page.preferences.saved_label.text() == "Saved"

    phone = editors["eap_phone"]
    phone.setText("  1800 000 000 ")
    phone.editingFinished.emit()
    region = editors["region"]
    region.setCurrentIndex(region.findData("NZ"))
    _settled(qtbot, ui_ctx)

    on_disk = json.loads(ui_ctx.tend.paths.settings_file.read_text("utf-8"))
    assert on_disk["auto_lock_minutes"] == 30
    assert on_disk["eap_phone"] == "1800 000 000"
    assert ui_ctx.tend.settings.get("region") == region.currentData() == "NZ"


def test_keep_things_still_is_labelled_once(page):
    said = [
        w.text()
        for w in (*page.preferences.findChildren(QLabel), *page.findChildren(QAbstractButton))
        if w.isVisible() and "keep things still" in w.text().lower()
    ]
    box = page.preferences.editors["reduce_motion"]
    assert isinstance(box, QCheckBox)
    assert said == [box.text()] == ["Keep things still"]
    assert box.accessibleName() == "Keep things still"
    assert "moving circle" in page.preferences.hints["reduce_motion"].text()


GIVEN_URL = "postgresql://sam:secret@team.example.org/tend"
SAVED_URL = "sqlite:////srv/shared/team.sqlite3"


def test_team_address_from_the_command_line_is_shown_read_only(ui_ctx, qtbot, monkeypatch):
    monkeypatch.setenv("TEND_TEAM_URL", GIVEN_URL)  # what `tend --team-url …` sets
    ui_ctx.tend.settings.set("team_url", SAVED_URL)
    p = SettingsPage(ui_ctx)
    qtbot.addWidget(p)
    p.show()
    _settled(qtbot, ui_ctx)

    field = p.preferences.editors["team_url"]
    assert isinstance(field, QLineEdit) and field.isReadOnly()
    assert field.text() == "postgresql://sam:***@team.example.org/tend"  # no password shown
    hint = p.preferences.hints["team_url"].text()
    assert "--team-url" in hint and "$TEND_TEAM_URL" in hint and SAVED_URL in hint
    assert field.accessibleDescription() == hint
    assert ui_ctx.tend.team_url() == GIVEN_URL  # what the hint says is in use, is in use

    field.editingFinished.emit()  # leaving the field saves nothing
    p.activate(None)  # nor does coming back to the page put the saved one in
    _settled(qtbot, ui_ctx)
    assert field.text() == "postgresql://sam:***@team.example.org/tend"
    assert ui_ctx.tend.settings.get("team_url") == SAVED_URL


def test_team_address_is_editable_without_one_given_at_start(ui_ctx, qtbot, monkeypatch):
    monkeypatch.delenv("TEND_TEAM_URL", raising=False)
    ui_ctx.tend.settings.set("team_url", SAVED_URL)
    p = SettingsPage(ui_ctx)
    qtbot.addWidget(p)
    _settled(qtbot, ui_ctx)
    field = p.preferences.editors["team_url"]
    assert not field.isReadOnly() and field.text() == SAVED_URL
    assert "--team-url" not in p.preferences.hints["team_url"].text()


# -- privacy and security -----------------------------------------------------------------
def test_remember_is_disabled_with_the_reason_without_a_secure_keyring(ui_ctx, qtbot):
    ui_ctx.tend.vault.secrets = KeyringSecretStore(trusted=())  # no backend counts as secure
    page = SettingsPage(ui_ctx)
    qtbot.addWidget(page)
    _settled(qtbot, ui_ctx)
    status = ui_ctx.tend.vault.secrets.status()
    assert not status.available
    assert not page.security.remember.isEnabled()
    assert page.security.keyring_reason.text() == status.reason
    assert "passphrase each time" in status.reason
    assert page.security.protection.text() == PASSPHRASE_ACTIVE


def test_remember_with_a_usable_keyring_calls_the_security_action(
    ui_ctx, qtbot, memory_keyring, calls
):
    ui_ctx.tend.vault.secrets = trusted_memory_store()
    p = SettingsPage(ui_ctx)
    qtbot.addWidget(p)
    _settled(qtbot, ui_ctx)
    assert p.security.remember.isEnabled()

    p.security.remember.setChecked(True)
    assert calls == [("remember", ui_ctx, True)]
    _settled(qtbot, ui_ctx)
    # The fake didn't store anything, so the page shows what is really true again.
    assert not p.security.remember.isChecked()

    ui_ctx.tend.vault.set_remembered(ui_ctx.tend.key, True)
    p.activate(None)
    _settled(qtbot, ui_ctx)
    assert p.security.remember.isChecked()
    assert p.security.protection.text() == KEYRING_ACTIVE


def test_passphrase_and_recovery_buttons(page, ui_ctx, calls):
    page.security.change_button.click()
    page.security.code_button.click()
    assert calls == [("change", ui_ctx), ("code", ui_ctx)]


# -- your data ----------------------------------------------------------------------------
def _fill(store) -> None:
    store.checkins.save(CheckinDraft(day=store.checkins.today(), mood=3, tags=("walk",)))
    store.journal.add_note(NoteDraft(day=store.checkins.today(), body="a quiet evening"))


def test_export_writes_the_chosen_file(page, ui_ctx, qtbot, monkeypatch, tmp_path):
    _fill(ui_ctx.tend.require_store())
    target = tmp_path / "mine"
    monkeypatch.setattr(
        settings_dialogs,
        "ask_save_path",
        lambda *a: (target, settings_dialogs.CSV_FILTER),
    )
    page.data.export_button.click()
    assert not page.data.export_button.isEnabled()  # busy while it runs
    _settled(qtbot, ui_ctx)

    written = tmp_path / "mine.csv"
    assert written.read_text("utf-8").startswith("kind,id,day")
    assert "Exported 1 check-ins and 1 notes" in page.data.result.text()
    assert page.data.export_button.isEnabled()


def test_cancelling_a_file_dialog_does_nothing(page, ui_ctx, monkeypatch):
    monkeypatch.setattr(settings_dialogs, "ask_save_path", lambda *a: None)
    monkeypatch.setattr(settings_dialogs, "ask_open_path", lambda *a: None)
    for button in (page.data.export_button, page.data.import_button, page.data.backup_button):
        button.click()
    page.data.restore_button.click()
    assert ui_ctx.tasks.idle() and page.data.result.text() == ""


def test_import_reports_in_kind_words(page, ui_ctx, qtbot, monkeypatch, tmp_path, make_other):
    source = make_other()
    export_file(source.require_store(), tmp_path / "in.json")
    monkeypatch.setattr(settings_dialogs, "ask_open_path", lambda *a: tmp_path / "in.json")

    with qtbot.waitSignal(ui_ctx.changed, timeout=5000):
        page.data.import_button.click()
    _settled(qtbot, ui_ctx)
    assert page.data.result.text() == "Imported 2 new entries."

    page.data.import_button.click()
    _settled(qtbot, ui_ctx)
    assert page.data.result.text() == (
        "Everything in that file was already here, so nothing changed."
    )


def test_a_bad_import_file_shows_the_reason(page, ui_ctx, qtbot, monkeypatch, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    monkeypatch.setattr(settings_dialogs, "ask_open_path", lambda *a: bad)
    with qtbot.waitSignal(ui_ctx.notice_requested, timeout=5000) as notice:
        page.data.import_button.click()
    assert notice.args[0] == "error" and "isn't complete JSON" in notice.args[1]
    _settled(qtbot, ui_ctx)
    assert page.data.import_button.isEnabled()


def test_back_up_then_restore_locks_tend(page, ui_ctx, qtbot, monkeypatch, tmp_path):
    _fill(ui_ctx.tend.require_store())
    monkeypatch.setattr(
        settings_dialogs,
        "ask_save_path",
        lambda *a: (tmp_path / "safe", settings_dialogs.BACKUP_FILTER),
    )
    page.data.backup_button.click()
    _settled(qtbot, ui_ctx)
    backup = tmp_path / "safe.tendbackup"
    assert backup.exists() and "Backup saved to" in page.data.result.text()

    monkeypatch.setattr(settings_dialogs, "ask_open_path", lambda *a: backup)
    monkeypatch.setattr(settings_dialogs, "ask_backup_secret", lambda parent: PASSPHRASE)
    with qtbot.waitSignal(ui_ctx.lock_requested, timeout=10000):
        page.data.restore_button.click()
    assert not ui_ctx.tend.unlocked
    assert list(ui_ctx.tend.paths.backups.glob("before-restore-*"))


def test_delete_all_cancel_changes_nothing(page, ui_ctx, qtbot, monkeypatch):
    _fill(ui_ctx.tend.require_store())
    asked: list[Path] = []

    def cancel(parent, folder: Path) -> bool:
        asked.append(folder)
        return False

    monkeypatch.setattr(settings_dialogs, "confirm_delete_all", cancel)
    page.data.delete_button.click()
    _settled(qtbot, ui_ctx)
    assert asked == [ui_ctx.tend.paths.data]
    assert ui_ctx.tend.unlocked and ui_ctx.tend.vault.exists()
    assert ui_ctx.tend.paths.private_db.exists()


def test_delete_all_ok_erases_and_asks_for_first_run(page, ui_ctx, qtbot, monkeypatch):
    _fill(ui_ctx.tend.require_store())
    monkeypatch.setattr(settings_dialogs, "confirm_delete_all", lambda parent, folder: True)
    notices: list[tuple[str, str]] = []
    ui_ctx.notice_requested.connect(lambda level, text: notices.append((level, text)))
    with qtbot.waitSignal(ui_ctx.lock_requested, timeout=10000):
        page.data.delete_button.click()
    _settled(qtbot, ui_ctx)
    assert [level for level, _text in notices] == ["info"]  # no "Tend is locked" errors
    assert not ui_ctx.tend.unlocked
    assert not ui_ctx.tend.vault.exists()
    assert not ui_ctx.tend.paths.private_db.exists()


def test_the_delete_confirmation_names_what_goes_and_defaults_to_cancel(page):
    box = settings_dialogs.build_delete_dialog(page, Path("/data/Tend"))
    words = box.text() + " " + box.informativeText()
    for thing in ("check-in", "note", "backups", "key file", "keyring", "settings", "logs"):
        assert thing in words
    assert "/data/Tend" in words
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    assert box.escapeButton() is box.button(QMessageBox.StandardButton.Cancel)
    box.deleteLater()


@pytest.fixture
def make_other(tmp_path, clock):
    """Another unlocked Tend with one check-in and one note, to import from."""
    from app.context import Tend
    from app.paths import AppPaths
    from app.security.kdf import TEST_PARAMS
    from app.security.secrets import KeyringSecretStore

    made = []

    def make():
        t = Tend.build(
            AppPaths.from_override(tmp_path / "other"),
            clock=clock,
            secrets=KeyringSecretStore(),
            kdf=TEST_PARAMS,
        )
        t.unlock(t.vault.create(PASSPHRASE).key)
        made.append(t)
        _fill(t.require_store())
        return t

    yield make
    for t in made:
        t.lock()
