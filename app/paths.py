"""One object that knows where everything lives."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from app.fsutil import ensure_private_dir

APP_NAME = "Tend"
ENV_DATA_DIR = "TEND_DATA_DIR"


@dataclass(frozen=True)
class AppPaths:
    """Where Tend keeps its files.

    With ``--data-dir`` or ``TEND_DATA_DIR`` everything (data, settings, logs)
    goes under that one directory; otherwise the platform's usual places.
    """

    data: Path
    config: Path
    logs: Path

    @classmethod
    def from_override(cls, data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
        chosen = data_dir if data_dir is not None else os.environ.get(ENV_DATA_DIR)
        if chosen:
            root = Path(chosen).expanduser().resolve()
            return cls(data=root, config=root, logs=root / "logs")
        return cls.platform_default()

    @classmethod
    def platform_default(cls) -> AppPaths:
        """The platform's usual places, ignoring any override."""
        return cls(
            data=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            config=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            logs=Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
        )

    def ensure(self) -> AppPaths:
        for d in (self.data, self.config, self.logs, self.backups):
            ensure_private_dir(d)
        return self

    @property
    def overridden(self) -> bool:
        """True when this isn't the platform's usual data folder (--data-dir, TEND_DATA_DIR)."""
        return self.data.resolve() != AppPaths.platform_default().data.resolve()

    def owns(self, path: Path) -> bool:
        """True if ``path`` is inside Tend's own folders (exports and backups go elsewhere)."""
        target = Path(path).expanduser().resolve()
        return any(
            target == d or d in target.parents for d in (self.data.resolve(), self.config.resolve())
        )

    @property
    def private_db(self) -> Path:
        return self.data / "private.db"

    @property
    def keyfile(self) -> Path:
        return self.data / "keys.json"

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.json"

    @property
    def restore_staging(self) -> Path:
        """Where a restore puts files before swapping them in (see app.data.swap)."""
        return self.data / "restore-staging"

    @property
    def backups(self) -> Path:
        """Automatic copies made before a schema upgrade (still encrypted)."""
        return self.data / "backups"

    @property
    def log_file(self) -> Path:
        return self.logs / "tend.log"
