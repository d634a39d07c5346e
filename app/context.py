"""Everything one running Tend needs, without Qt: paths, settings, vault, clock, store.

The GUI and the command line both build one of these. ``store`` is ``None``
while locked; ``unlock`` opens it from a data key and ``lock`` closes it and
wipes the key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.clock import Clock, SystemClock
from app.data.swap import finish_pending_restore
from app.errors import Locked, UserFacingError
from app.fsutil import remove_stale_temp_files
from app.paths import AppPaths
from app.security.kdf import Argon2Params
from app.security.secrets import KeyringSecretStore, SecretStore
from app.security.vault import DataKey, Vault
from app.services.store import PrivateStore
from app.settings import Settings

if TYPE_CHECKING:
    from app.team.store import TeamStore


@dataclass
class Tend:
    paths: AppPaths
    settings: Settings
    vault: Vault
    clock: Clock
    store: PrivateStore | None = None
    team: TeamStore | None = None
    _key: DataKey | None = field(default=None, repr=False)

    @classmethod
    def build(
        cls,
        paths: AppPaths,
        *,
        clock: Clock | None = None,
        secrets: SecretStore | None = None,
        kdf: Argon2Params | None = None,
    ) -> Tend:
        """``kdf`` is used only when creating or re-wrapping; None means calibrate then."""
        paths.ensure()
        # A restore interrupted by a crash is finished before anything opens the store.
        finish_pending_restore(paths)
        remove_stale_temp_files(paths.data)
        remove_stale_temp_files(paths.config)
        vault = Vault(paths, secrets or KeyringSecretStore(), kdf)
        return cls(
            paths=paths,
            settings=Settings(paths.settings_file),
            vault=vault,
            clock=clock or SystemClock(),
        )

    # -- the first run ---------------------------------------------------------------------
    def is_set_up(self) -> bool:
        """True once this data folder has a key file or a private database."""
        return self.vault.exists() or self.paths.private_db.exists()

    def refuse_if_set_up(self) -> None:
        if self.is_set_up():
            raise UserFacingError(
                f"There is already a Tend store in {self.paths.data}, so nothing was changed."
            )

    def set_up(self, passphrase: str, remember: bool = False) -> str:
        """Create the key file, then the store (opened); return the new recovery code.

        The window's first run and ``tend init`` both come here. Slow (Argon2 and the
        migrations): call off the GUI thread. Nothing is written when the passphrase is
        too weak (ValidationError, with the strength advice) or Tend is already set up.
        """
        self.refuse_if_set_up()
        created = self.vault.create(passphrase, remember)
        try:
            self.unlock(created.key)
        except BaseException:
            created.key.wipe()
            raise
        return created.recovery_code

    @property
    def unlocked(self) -> bool:
        return self.store is not None

    @property
    def key(self) -> DataKey:
        if self._key is None:
            raise Locked("Tend is locked.")
        return self._key

    def require_store(self) -> PrivateStore:
        if self.store is None:
            raise Locked("Tend is locked.")
        return self.store

    def unlock(self, key: DataKey) -> PrivateStore:
        """Open the store with ``key`` (migrating if needed). Slow: call off the GUI thread."""
        self.lock()
        self.store = PrivateStore(self.paths, key, self.clock)
        self._key = key
        return self.store

    # -- the team store (shared with colleagues; never holds anything private) ------------
    def team_url(self) -> str:
        """``$TEND_TEAM_URL`` (``--team-url`` sets it), else the setting, else a local file."""
        from app.team.url import resolve

        return resolve(self.paths, None, str(self.settings.get("team_url")))

    def open_team(self, password: str | None = None) -> TeamStore:
        """Connect (slow: a network round trip or a migration; call off the GUI thread)."""
        from app.team.store import TeamStore

        self.close_team()
        login = str(self.settings.get("team_login")) or None
        team = TeamStore.open(self.team_url(), login=login, password=password)
        if self.store is None:  # locked while connecting: nothing may outlive the lock
            team.close()
            raise Locked("Tend is locked.")
        self.team = team
        return team

    def close_team(self) -> None:
        if self.team is not None:
            self.team.close()
            self.team = None

    def lock(self) -> None:
        self.close_team()
        if self.store is not None:
            self.store.close()
            self.store = None
        if self._key is not None:
            self._key.wipe()
            self._key = None
