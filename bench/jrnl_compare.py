"""Side by side with jrnl, on the same 10,000 entries, both encrypted.

Two kinds of line, never mixed in one ratio:

* ``cli_*``: one process per operation, as a person at a terminal would run it:
  ``tend note TEXT --passphrase-stdin`` against ``jrnl TEXT`` with the password on
  stdin (jrnl is started without a controlling terminal, so its getpass reads
  stdin). Both pay their key derivation: Tend's Argon2id, calibrated to about
  0.7 s on purpose, and jrnl's PBKDF2 (100,000 rounds). ``cli_unlock_tend_s`` shows
  how much of Tend's time that is.
* ``inproc_*``: in one process, journal already open (Tend unlocked; jrnl decrypted
  with the password set through its API): adding one entry, and searching.
  Tend's search is its full-text index (word prefixes); jrnl's is a substring scan
  of the decrypted entries in memory (``Journal.filter(contains=...)``).
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from app.context import Tend
from app.domain import EntryKind, JournalFilter, JournalItem, NoteDraft
from bench.common import BIN, PASSPHRASE, median, open_tend, ratio, report, timed
from bench.store import WORDS, fill

CLI_RUNS = 5
ADD_RUNS = 9
SEARCH_RUNS = 5  # per word


def _jrnl_text(item: JournalItem) -> str:
    if item.kind is EntryKind.CHECKIN and item.checkin is not None:
        c = item.checkin
        text = f"Check-in: mood {c.mood}, energy {c.energy}, stress {c.stress}. {item.text}"
    else:
        text = item.text
    return " ".join([text, *(f"@{t.replace(' ', '-')}" for t in item.tags)])


def _jrnl_config(journal: Path) -> dict[str, Any]:
    from jrnl.config import get_default_config

    cfg = get_default_config()
    cfg["journals"] = {"default": {"journal": str(journal), "encrypt": True}}
    cfg.update(encrypt=True, highlight=False, editor="", linewrap=79)
    cfg["colors"] = {"body": "none", "date": "none", "tags": "none", "title": "none"}
    return cfg


def _jrnl_journal(cfg: dict[str, Any]) -> Any:
    """An encrypted jrnl Journal whose password is set here, never prompted for."""
    from jrnl.journals.Journal import Journal

    journal = Journal("default", **{**cfg, **cfg["journals"]["default"]})
    journal._reconfigure_encryption_method()
    journal.encryption_method.password = PASSPHRASE
    journal.encryption_method.check_keyring = False
    return journal


def build_jrnl(tend: Tend, folder: Path) -> dict[str, Any]:
    """Write Tend's entries into a new encrypted jrnl journal; return its config."""
    from jrnl.config import save_config

    cfg = _jrnl_config(folder / "journal.txt")
    save_config(dict(cfg), str(folder / "jrnl.yaml"))
    items = tend.require_store().journal.entries(JournalFilter(), limit=1_000_000)
    journal = _jrnl_journal(cfg)
    for item in items:
        local = item.created_at.astimezone().replace(tzinfo=None, microsecond=0)
        journal.new_entry(_jrnl_text(item), date=local, sort=False)
    journal.sort()
    journal.write()
    report("jrnl_entries", len(journal))
    return cfg


def bench_inproc(tend: Tend, cfg: dict[str, Any]) -> None:
    store = tend.require_store()
    today = tend.clock.now().date()
    journal = _jrnl_journal(cfg)
    report("inproc_open_jrnl_10k_s", timed(journal.open))

    tend_add = [
        timed(lambda n=n: store.journal.add_note(NoteDraft(day=today, body=f"Bench note {n}.")))
        for n in range(ADD_RUNS)
    ]

    def jrnl_add(n: int) -> None:
        journal.new_entry(f"Bench note {n}.")
        journal.write()

    jrnl_add_times = [timed(lambda n=n: jrnl_add(n)) for n in range(ADD_RUNS)]
    report("inproc_add_tend_ms", median(tend_add) * 1000)
    report("inproc_add_jrnl_ms", median(jrnl_add_times) * 1000)
    report("inproc_add_ratio_tend_over_jrnl", ratio(median(tend_add), median(jrnl_add_times)))

    everything = list(journal.entries)

    def jrnl_search(word: str) -> None:
        journal.entries = everything
        journal.filter(contains=[word])

    tend_search, jrnl_search_times = [], []
    for word in WORDS:
        flt = JournalFilter(query=word)
        for _ in range(SEARCH_RUNS):
            tend_search.append(timed(lambda flt=flt: store.journal.entries(flt)))
            jrnl_search_times.append(timed(lambda word=word: jrnl_search(word)))
    journal.entries = everything
    report("inproc_search_tend_ms", median(tend_search) * 1000)
    report("inproc_search_jrnl_ms", median(jrnl_search_times) * 1000)
    report(
        "inproc_search_ratio_tend_over_jrnl", ratio(median(tend_search), median(jrnl_search_times))
    )


def _run(cmd: list[str], secret: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        cmd,
        input=secret + "\n",
        capture_output=True,
        text=True,
        env=env,
        start_new_session=True,  # no controlling terminal: getpass falls back to stdin
        timeout=120,
    )
    took = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{Path(cmd[0]).name} failed ({done.returncode}): {done.stderr[-500:]}")
    return took


def bench_cli(tend: Tend, folder: Path) -> None:
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    env.pop("TEND_DATA_DIR", None)
    data = str(tend.paths.data)
    tend_times, jrnl_times = [], []
    for n in range(CLI_RUNS):
        text = f"Added from the command line, run {n}."
        tend_times.append(
            _run(
                [str(BIN / "tend"), "--data-dir", data, "--passphrase-stdin", "note", text],
                PASSPHRASE,
                env,
            )
        )
        jrnl_times.append(
            _run(
                [str(BIN / "jrnl"), "--config-file", str(folder / "jrnl.yaml"), text],
                PASSPHRASE,
                env,
            )
        )
    unlock = [timed(lambda: tend.vault.unlock_with_passphrase(PASSPHRASE)) for _ in range(3)]
    report("cli_add_tend_s", median(tend_times))
    report("cli_add_jrnl_s", median(jrnl_times))
    report("cli_add_ratio_tend_over_jrnl", ratio(median(tend_times), median(jrnl_times)))
    report("cli_unlock_tend_s", median(unlock))
    report("cli_add_tend_without_unlock_s", median(tend_times) - median(unlock))
    report(
        "cli_add_ratio_tend_without_unlock_over_jrnl",
        ratio(median(tend_times) - median(unlock), median(jrnl_times)),
    )


def run() -> None:
    with tempfile.TemporaryDirectory(prefix="tend-bench-") as tmp:
        folder = Path(tmp)
        # Argon2 calibrated as for a real person (kdf=None), since the CLI pays it.
        with open_tend(folder / "tend", kdf=None) as tend:
            fill(tend)
            cfg = build_jrnl(tend, folder)
            bench_inproc(tend, cfg)
            bench_cli(tend, folder)
