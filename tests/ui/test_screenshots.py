"""``render_all`` writes every screen at both sizes, from throwaway demo data."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from ui.screenshots import SIZES, render_all

pytestmark = pytest.mark.gui


@pytest.fixture
def keep_stylesheet(qapp):
    before = qapp.styleSheet()
    yield
    qapp.setStyleSheet(before)


def test_render_all_writes_non_empty_pngs_of_both_sizes(tmp_path, keep_stylesheet, monkeypatch):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))  # the demo data goes here, then away
    out = tmp_path / "shots"
    files = render_all(out)

    names = {p.name for p in files}
    for width, height in SIZES:
        for screen in ("welcome", "passphrase", "recovery-code", "lock", "help"):
            assert f"{screen}-{width}x{height}.png" in names
    for path in files:
        assert path.parent == out and path.stat().st_size > 1000
        image = QImage(str(path))
        assert not image.isNull()
    lock = QImage(str(out / "lock-1024x640.png"))
    assert (lock.width(), lock.height()) == (1024, 640)
    # The throwaway data directory is gone; only the PNGs remain.
    assert [p.name for p in tmp_path.iterdir()] == ["shots"]
    assert QApplication.instance() is not None
