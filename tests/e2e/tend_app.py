"""Tend as a person starts it: the installed ``tend`` console script, on a desktop.

``Person`` is one computer account: a home folder of its own (so Tend's data,
settings and logs go where platformdirs puts them for anyone), a keyring that
is honestly absent (the ``fail`` backend, as on this machine), and the installed
``tend`` on its PATH. ``start()`` runs ``tend`` with no arguments, exactly as
``make run`` does; ``cli()`` runs a ``tend`` subcommand in the same account.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.e2e.desktop import Desktop

TEND = Path(sys.executable).with_name("tend")  # the console script pip installed


class Person:
    def __init__(self, desktop: Desktop, home: Path) -> None:
        self.desktop = desktop
        self.home = home
        home.mkdir(parents=True, exist_ok=True)
        self.env = desktop.env(
            {
                "HOME": str(home),
                "XDG_CONFIG_HOME": str(home / ".config"),
                "XDG_DATA_HOME": str(home / ".local/share"),
                "XDG_STATE_HOME": str(home / ".local/state"),
                "XDG_CACHE_HOME": str(home / ".cache"),
                "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
                "LANG": "C.UTF-8",
                "LC_ALL": "C.UTF-8",
                "PATH": f"{TEND.parent}:/usr/bin:/bin",
            }
        )
        for name in ("TEND_DATA_DIR", "TEND_TEAM_URL"):
            self.env.pop(name, None)
        self.runs: list[TendWindow] = []

    def start(self) -> TendWindow:
        run = TendWindow(self, len(self.runs))
        self.runs.append(run)
        return run

    def cli(
        self, *args: str, stdin: str = "", timeout: float = 120
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(TEND), *args],
            input=stdin,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=self.home,
            check=False,
        )

    def logs(self) -> str:
        return "\n".join(
            p.read_text(errors="replace") for p in sorted(self.home.rglob("tend.log*"))
        )


class TendWindow:
    """One run of the window: ``tend`` with no arguments."""

    def __init__(self, person: Person, number: int) -> None:
        self.person = person
        self.stderr_file = person.home / f"tend-{number}.stderr"
        with self.stderr_file.open("wb") as stderr:
            self.proc = subprocess.Popen(
                [str(TEND)],
                env=person.env,
                cwd=person.home,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=stderr,
            )

    def stderr(self) -> str:
        return self.stderr_file.read_text(errors="replace")

    def running(self) -> bool:
        return self.proc.poll() is None

    def wait(self, timeout: float = 20) -> int:
        return self.proc.wait(timeout=timeout)

    def kill(self) -> None:
        if self.running():
            self.proc.kill()
            self.proc.wait()
