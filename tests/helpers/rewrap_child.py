"""Child for the crash-safe re-wrap test: change the passphrase forever, until killed.

Usage: ``python -m tests.helpers.rewrap_child DATA_DIR``, then one line on stdin:
``<data key hex> <first index>``. Cycles through ``PASSPHRASES`` from that index,
printing ``DONE <index>`` after each change has been saved, and ``READY`` after
the first (so every kill lands after at least one completed change).
"""

from __future__ import annotations

import sys

from app.paths import AppPaths
from app.security.kdf import TEST_PARAMS
from app.security.secrets import KeyringSecretStore
from app.security.vault import DataKey, Vault

PASSPHRASES = (
    "quiet harbour lantern 42",
    "amber tide under seven gulls",
    "copper fern beside the slow river",
)


def main() -> None:
    paths = AppPaths.from_override(sys.argv[1])
    key_hex, first = sys.stdin.readline().split()
    key = DataKey(bytes.fromhex(key_hex))
    vault = Vault(paths, KeyringSecretStore(), TEST_PARAMS)
    n = int(first)
    while True:
        index = n % len(PASSPHRASES)
        vault.change_passphrase(key, PASSPHRASES[index])
        print(f"DONE {index}", flush=True)
        if n == int(first):
            print("READY", flush=True)
        n += 1


if __name__ == "__main__":
    main()
