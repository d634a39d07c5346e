"""Deleting everything: no files left, no keyring entry, and Tend is at first run again."""

from __future__ import annotations

import logging

from app import logsetup
from app.data.erase import delete_everything
from app.domain import JournalFilter
from tests.helpers.fakes import PASSPHRASE, trusted_memory_store


def test_delete_everything_leaves_no_files_and_returns_to_first_run(
    make_tend, memory_keyring, tmp_path
):
    tend = make_tend("me", secrets=trusted_memory_store())
    tend.unlock(tend.vault.create(PASSPHRASE, remember=True).key)
    tend.settings.set("auto_lock_minutes", 30)
    # What Tend itself keeps in backups/: a copy before a schema upgrade, and the files a
    # restore replaced. (A person's own backups go outside Tend's folders.)
    (tend.paths.backups / "private-before-upgrade-from-0001-x.db").write_bytes(b"old")
    (tend.paths.backups / "before-restore-x").mkdir()
    (tend.paths.backups / "before-restore-x" / "private.db").write_bytes(b"old")
    level = logging.getLogger().level
    logsetup.configure(tend.paths.log_file)
    logging.getLogger("test").info("something happened")
    assert tend.paths.log_file.exists() and memory_keyring.items

    try:
        delete_everything(tend)
    finally:
        for handler in list(logging.getLogger().handlers):  # never leave a file handler behind
            if getattr(handler, "_tend", False):
                logging.getLogger().removeHandler(handler)
                handler.close()
        logging.getLogger().setLevel(level)

    assert not tend.unlocked
    assert not tend.vault.exists()
    assert not memory_keyring.items
    assert [p for p in tend.paths.data.rglob("*") if p.is_file()] == []
    assert tend.settings.get("auto_lock_minutes") == 10  # defaults again
    # ... and it can be set up afresh.
    tend.unlock(tend.vault.create(PASSPHRASE).key)
    assert tend.require_store().journal.count(JournalFilter()) == 0


def test_files_that_are_not_tends_are_left_alone(make_tend, tmp_path):
    tend = make_tend("shared")
    tend.unlock(tend.vault.create(PASSPHRASE).key)
    mine = tend.paths.data / "my-own-notes.txt"
    mine.write_text("not Tend's")

    delete_everything(tend)

    assert mine.read_text() == "not Tend's"
    assert not tend.paths.private_db.exists()
    assert not tend.paths.keyfile.exists()
