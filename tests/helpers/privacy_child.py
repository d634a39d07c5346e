"""Child for the privacy test: use Tend with a marker everywhere, then export once.

Usage: ``python -m tests.helpers.privacy_child DATA_DIR EXPORT_DIR MARKER``, run with
TMPDIR pointing at a fresh directory (so SQLite and Python put any temp file
there from the very start of the process). Prints ``OK`` at the end.
"""

from __future__ import annotations

import io
import logging
import sys
import tempfile
from pathlib import Path

from sqlalchemy.exc import IntegrityError

from app import logsetup
from app.cli.main import main as cli_main
from app.context import Tend
from app.data.export import export_file
from app.domain import MAX_NOTE_CHARS, CheckinDraft, JournalFilter, NoteDraft
from app.errors import UserFacingError
from app.paths import AppPaths
from app.security.kdf import TEST_PARAMS
from app.security.secrets import KeyringSecretStore
from tests.helpers.fakes import PASSPHRASE, fixed_clock

log = logging.getLogger("tests.privacy")


def use_tend(tend: Tend, marker: str) -> None:
    store = tend.require_store()
    today = tend.clock.now().date()
    saved, _ = store.checkins.save(
        CheckinDraft(day=today, mood=2, note=f"check-in {marker}", tags=(marker, "work"))
    )
    note, _ = store.journal.add_note(NoteDraft(day=today, body=f"note {marker}", tags=(marker,)))
    store.journal.update_note(note.id, NoteDraft(day=today, body=f"edited {marker} note"))
    gone, _ = store.journal.add_note(NoteDraft(day=today, body=f"deleted {marker}"))
    snapshot, _ = store.journal.delete_note(gone.id)
    assert snapshot is not None
    store.journal.restore_note(snapshot)
    store.journal.delete_note(gone.id)
    found = store.journal.entries(JournalFilter(query=marker))
    assert len(found) == 2, len(found)
    assert store.journal.entries(JournalFilter(tag=marker))
    log.info("saved check-in %s and note %s", saved.id, note.id)
    provoke_errors(tend, marker)


def provoke_errors(tend: Tend, marker: str) -> None:
    store = tend.require_store()
    today = tend.clock.now().date()
    try:
        store.journal.add_note(NoteDraft(day=today, body=marker * (MAX_NOTE_CHARS // 10)))
    except UserFacingError as exc:
        log.warning("validation: %s", exc)
        log.exception("validation, with traceback")
    else:
        raise AssertionError("a note that long should be refused")
    try:
        store.checkins.save(CheckinDraft(day=today, exposure=marker))  # type: ignore[arg-type]
    except UserFacingError as exc:
        log.warning("validation: %s", exc)
    # Past the validation, into the database: the CHECK constraint refuses it, and
    # the bound values must not appear in the error (hide_parameters).
    try:
        with store.engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO checkins (id, day, mood, day_kind, note, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (marker, "2026-01-01", 9, "work", marker, "2026-01-01", "2026-01-01"),
            )
    except IntegrityError as exc:
        log.error("integrity: %s", exc)
        log.exception("integrity, with traceback")
    else:
        raise AssertionError("the CHECK constraint should refuse mood 9")


def main() -> None:
    data_dir, export_dir, marker = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    assert tempfile.gettempdir() not in ("/tmp", "/var/tmp")
    paths = AppPaths.from_override(data_dir).ensure()
    logsetup.configure(paths.log_file, level=logging.DEBUG)
    tend = Tend.build(paths, clock=fixed_clock(), secrets=KeyringSecretStore(), kdf=TEST_PARAMS)
    created = tend.vault.create(PASSPHRASE)
    tend.unlock(created.key)
    use_tend(tend, marker)
    tend.lock()

    # The command line too: it reads the passphrase from stdin and logs its events.
    code = cli_main(
        ["--data-dir", str(data_dir), "--passphrase-stdin", "note", f"from the cli {marker}"],
        stdin=io.StringIO(PASSPHRASE + "\n"),
    )
    assert code == 0, code
    bad = cli_main(
        ["--data-dir", str(data_dir), "--passphrase-stdin", "note", marker * 6000],
        stdin=io.StringIO(PASSPHRASE + "\n"),
    )
    assert bad != 0

    tend.unlock(tend.vault.unlock_with_passphrase(PASSPHRASE))
    export_file(tend.require_store(), export_dir / "export.json")
    export_file(tend.require_store(), export_dir / "export.csv")
    tend.lock()
    logging.shutdown()
    print("OK", flush=True)


if __name__ == "__main__":
    main()
