"""Child for the self-care privacy test: a marker in the plan and a review, then one export.

Usage: ``python -m tests.app.selfcare.privacy_child DATA_DIR EXPORT_DIR MARKER``, run
with TMPDIR pointing at a fresh directory. Prints ``OK`` at the end.
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

log = logging.getLogger("tests.privacy.selfcare")
WEEK = dt.date(2026, 11, 16)


def use_plan(tend: Tend, marker: str) -> None:
    selfcare = tend.require_store().selfcare
    item, _ = selfcare.add("body", "restores", f"walk {marker}")
    selfcare.update(item.id, f"long walk {marker}")
    gone, _ = selfcare.add("mind", "drains", f"removed {marker}")
    snapshot, _ = selfcare.delete(gone.id)
    assert snapshot is not None
    selfcare.restore(snapshot)
    selfcare.move(gone.id, -1)
    idea = selfcare.suggestions()[0]
    selfcare.keep_suggestion(idea.id, f"kept {marker}")
    selfcare.drop_suggestion(selfcare.suggestions()[0].id)
    selfcare.save_review(WEEK, f"helped {marker}", f"drained {marker}", f"next {marker}")
    selfcare.save_review(WEEK, f"helped again {marker}", "", "")
    prompt = selfcare.pick_prompt(WEEK)
    assert prompt is not None and marker in prompt
    log.info("plan has %d items; review saved for %s", len(selfcare.items()), WEEK)
    provoke_errors(tend, marker)


def provoke_errors(tend: Tend, marker: str) -> None:
    selfcare = tend.require_store().selfcare
    for attempt in (
        lambda: selfcare.add("body", "restores", marker * 40),
        lambda: selfcare.add(marker, "restores", "fine"),
        lambda: selfcare.add("body", marker, "fine"),
        lambda: selfcare.save_review(WEEK, marker * 400, "", ""),
        lambda: selfcare.save_review(WEEK, f"{marker}\x00", "", ""),
        lambda: selfcare.save_review(WEEK + dt.timedelta(days=1), marker, "", ""),
    ):
        try:
            attempt()
        except UserFacingError as exc:
            log.warning("validation: %s", exc)
            log.exception("validation, with traceback")
        else:
            raise AssertionError("that should have been refused")
    doc = {
        "format": "tend-export",
        "schema_version": 3,
        "exported_at": "2026-11-21T22:00:00Z",
        "app_version": "x",
        "checkins": [],
        "notes": [],
        "measure_responses": [],
        "measure_wordings": [],
        "selfcare_items": [
            {
                "id": "5c1a2b3d-0000-4000-8000-0000000000aa",
                "area": marker,
                "kind": "restores",
                "text": marker,
                "position": 0,
                "created_at": "2026-11-21T22:00:00Z",
                "updated_at": "2026-11-21T22:00:00Z",
            }
        ],
        "weekly_reviews": [],
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
    use_plan(tend, marker)
    tend.lock()
    tend.unlock(tend.vault.unlock_with_passphrase(PASSPHRASE))
    assert any(marker in i.text for i in tend.require_store().selfcare.items())
    export_file(tend.require_store(), export_dir / "export.json")
    export_file(tend.require_store(), export_dir / "export.csv")
    tend.lock()
    logging.shutdown()
    print("OK", flush=True)


if __name__ == "__main__":
    main()
