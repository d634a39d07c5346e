"""The "Start Tend when I log in" row writes and removes the XDG entry, off the GUI thread."""

from __future__ import annotations

import pytest

from app import autostart
from ui.autostart import AutostartToggle

pytestmark = pytest.mark.gui


@pytest.fixture
def xdg(tmp_path, monkeypatch):
    config = tmp_path / "xdg-config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    return config


def test_switching_on_writes_the_entry_and_off_removes_it(qtbot, page_ctx, xdg):
    row = AutostartToggle(page_ctx, platform="linux")
    qtbot.addWidget(row)
    qtbot.waitUntil(lambda: row.loaded)
    assert not row.box.isChecked() and row.box.isEnabled()
    row.box.click()
    qtbot.waitUntil(page_ctx.tasks.idle)
    entry = xdg / "autostart" / "tend.desktop"
    assert entry.is_file() and "--minimised" in entry.read_text("utf-8")
    # Tests run on a folder of their own, so login must open that one, not the default.
    assert str(page_ctx.tend.paths.data) in entry.read_text("utf-8")
    assert row.box.isChecked() and row.box.isEnabled()
    row.box.click()
    qtbot.waitUntil(page_ctx.tasks.idle)
    assert not entry.exists()
    assert not row.box.isChecked()


def test_an_existing_entry_shows_as_on(qtbot, page_ctx, xdg):
    autostart.enable(command=["tend", "--minimised"], platform="linux")
    row = AutostartToggle(page_ctx, platform="linux")
    qtbot.addWidget(row)
    qtbot.waitUntil(lambda: row.loaded)
    assert row.box.isChecked()
    assert row.box.accessibleName() == "Start Tend when I log in"


def test_elsewhere_it_points_to_the_steps_instead(qtbot, page_ctx, xdg):
    row = AutostartToggle(page_ctx, platform="win32")
    qtbot.addWidget(row)
    assert not row.box.isEnabled()
    assert "login items" in row.hint.text()
    assert not (xdg / "autostart").exists()
