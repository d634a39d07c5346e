"""Child for the agenda privacy test: a marker in supervision agenda notes, reminders of
their bookings, refused input and a refused import, then one export of each kind.

Usage: ``python -m tests.app.services.agenda_privacy_child DATA_DIR EXPORT_DIR MARKER``,
run with TMPDIR pointing at a fresh directory. Prints ``OK`` at the end.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
import tempfile
from pathlib import Path

from app import logsetup
from app.context import Tend
from app.data.export import export_file
from app.data.importer import import_bytes
from app.errors import UserFacingError
from app.paths import AppPaths
from app.security.kdf import TEST_PARAMS
from app.security.secrets import KeyringSecretStore
from tests.helpers.fakes import PASSPHRASE, fixed_clock

log = logging.getLogger("tests.privacy.agenda")
BOOKING = "7f0c1d2e-0000-4000-8000-0000000000b1"
OTHER = "7f0c1d2e-0000-4000-8000-0000000000b2"


def use_agenda(tend: Tend, marker: str) -> None:
    store = tend.require_store()
    now = tend.clock.now()
    start = now + dt.timedelta(days=1, hours=1)
    store.reminders.sync_supervision([(BOOKING, start), (OTHER, start + dt.timedelta(days=7))])
    store.agenda.save(BOOKING, f"bring {marker}")
    store.agenda.save(BOOKING, f"bring {marker} and more")
    store.agenda.save(OTHER, f"gone {marker}")
    store.agenda.save(OTHER, "")
    assert store.agenda.get(BOOKING).endswith("and more")
    tend.clock.set(start - dt.timedelta(days=1))  # type: ignore[attr-defined]
    [notice] = store.reminders.due_now(tend.clock.now())
    words = f"{notice.title} {notice.body} {notice.detail}"
    assert marker not in words and "agenda note" in words
    log.info("agenda notes: %d; reminder shown", len(store.agenda.ids()))
    provoke_errors(tend, marker)


def provoke_errors(tend: Tend, marker: str) -> None:
    agenda = tend.require_store().agenda
    for attempt in (
        lambda: agenda.save(BOOKING, marker * 400),
        lambda: agenda.save(f" {marker}", "fine"),
        lambda: agenda.save(BOOKING, f"{marker}\x00"),
        lambda: agenda.get(marker * 3),
    ):
        try:
            attempt()
        except UserFacingError as exc:
            log.warning("validation: %s", exc)
            log.exception("validation, with traceback")
        else:
            raise AssertionError("that should have been refused")
    for note in (
        {"attendance_id": marker * 2, "text": "x", "updated_at": "2026-11-21T22:00:00Z"},
        {"attendance_id": BOOKING, "text": marker * 400, "updated_at": "2026-11-21T22:00:00Z"},
        {"attendance_id": BOOKING, "text": marker, "updated_at": marker},
    ):
        doc = {
            "format": "tend-export",
            "schema_version": 4,
            "exported_at": "2026-11-21T22:00:00Z",
            "app_version": "x",
            "checkins": [],
            "notes": [],
            "measure_responses": [],
            "measure_wordings": [],
            "selfcare_items": [],
            "weekly_reviews": [],
            "supervision_agenda": [note],
        }
        try:
            import_bytes(tend.require_store(), json.dumps(doc).encode("utf-8"))
        except UserFacingError as exc:
            log.warning("validation: import %s", exc)
        else:
            raise AssertionError("that import should have been refused")


def main() -> None:
    data_dir, export_dir, marker = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    assert tempfile.gettempdir() not in ("/tmp", "/var/tmp")
    paths = AppPaths.from_override(data_dir).ensure()
    logsetup.configure(paths.log_file, level=logging.DEBUG)
    tend = Tend.build(paths, clock=fixed_clock(), secrets=KeyringSecretStore(), kdf=TEST_PARAMS)
    tend.unlock(tend.vault.create(PASSPHRASE).key)
    use_agenda(tend, marker)
    tend.lock()
    tend.unlock(tend.vault.unlock_with_passphrase(PASSPHRASE))
    assert marker in tend.require_store().agenda.get(BOOKING)
    export_file(tend.require_store(), export_dir / "export.json")
    export_file(tend.require_store(), export_dir / "export.csv")
    tend.lock()
    logging.shutdown()
    print("OK", flush=True)


if __name__ == "__main__":
    main()
