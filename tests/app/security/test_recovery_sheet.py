"""A recovery code in a file of its own: private, complete, and never inside Tend's folders."""

from __future__ import annotations

import os
import stat

import pytest

from app.errors import UserFacingError
from app.security.recovery_sheet import save_sheet, sheet_text

CODE = "ABCD-EFGH-JKMN-PQRS-TWXY-2345"


def test_the_file_holds_the_code_and_what_it_is_for(paths, tmp_path):
    written = save_sheet(paths, tmp_path / "code", CODE)
    assert written == tmp_path / "code.txt"
    text = written.read_text("utf-8")
    assert text == sheet_text(CODE)
    assert CODE in text and "forget your passphrase" in text
    assert stat.S_IMODE(written.stat().st_mode) == 0o600


def test_replacing_a_readable_file_leaves_it_private(paths, tmp_path):
    away = tmp_path / "usb"
    away.mkdir()
    old = away / "code.txt"
    old.write_text("an old code")
    os.chmod(old, 0o644)
    save_sheet(paths, old, CODE)
    assert CODE in old.read_text("utf-8")
    assert stat.S_IMODE(old.stat().st_mode) == 0o600
    assert [p.name for p in away.iterdir()] == ["code.txt"]  # no temporary file left


@pytest.mark.parametrize("folder", ["data", "config"])
def test_never_inside_tends_own_folders(tmp_path, folder):
    from app.paths import AppPaths

    paths = AppPaths(data=tmp_path / "d", config=tmp_path / "c", logs=tmp_path / "l").ensure()
    target = getattr(paths, folder) / "sub" / "code.txt"
    with pytest.raises(UserFacingError, match="outside Tend's own folders"):
        save_sheet(paths, target, CODE)
    assert not target.exists()


def test_a_folder_that_cannot_be_written_is_a_calm_sentence(paths, tmp_path):
    with pytest.raises(UserFacingError, match="couldn't save the file there"):
        save_sheet(paths, tmp_path / "missing" / "code.txt", CODE)
