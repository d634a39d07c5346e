"""A throwaway PostgreSQL cluster for the team-store tests.

``PgCluster.start()`` runs ``initdb`` into a temporary directory and starts ``postgres`` on a free
loopback port (only 127.0.0.1 and a private Unix socket; trust authentication, so no password is
ever needed or stored). Each test gets its own database, cloned from a template. As root the
server runs as the ``postgres`` OS user (or ``nobody``), because PostgreSQL refuses to run as
root. ``stop()`` kills it and removes the directory; it also runs at exit, and a later run sweeps
clusters left behind by a run that was killed outright.

``TEND_TEST_PG_URL`` (a superuser URL) points the tests at an existing server instead.

Roles are shared by every database of a cluster, so a test that creates login roles must give
them a unique prefix (the ``role_prefix`` fixture, ``t<hex>_``); ``drop_login_roles`` removes
them afterwards. Group roles made by ``tend team init`` are idempotent and shared.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pwd
import re
import shutil
import signal
import socket
import stat
import subprocess
import tempfile
import uuid
from pathlib import Path

import psycopg
from psycopg import sql
from sqlalchemy.engine import URL, make_url

MIN_MAJOR = 15
SUPERUSER = "tend_test_super"
DB_PREFIX = "tend_t_"
_DIR_PREFIX = "tend-pg-"
_OWNER_FILE = "owner.pid"
_SERVER_OPTIONS = (
    "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    # 50 racing clients, their pools and the admin connections, with room to spare.
    " -c max_connections=300"
    # Not UTC, so a timestamp that loses its zone on the way in or out shows up in the tests.
    " -c TimeZone=Australia/Sydney"
)


class PgUnavailable(RuntimeError):
    """The test server cannot be used (would not start, unreachable); the message says why."""


class PgMissing(PgUnavailable):
    """No PostgreSQL server installed here: the tests skip, unless it is required."""


def require_postgres() -> bool:
    """True when a missing server must fail the run instead of skipping (make test, CI)."""
    flags = (os.environ.get("TEND_REQUIRE_POSTGRES", ""), os.environ.get("CI", ""))
    return any(f.strip().lower() not in ("", "0", "false", "no") for f in flags)


# -- finding the server ----------------------------------------------------------------------


def _major(bindir: Path) -> int | None:
    try:
        out = subprocess.run(
            [str(bindir / "initdb"), "--version"], capture_output=True, text=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    found = re.search(r"(\d+)", out)
    return int(found.group(1)) if found else None


def _usable(bindir: Path) -> bool:
    tools = ("initdb", "pg_ctl", "postgres")
    if not all(os.access(bindir / t, os.X_OK) for t in tools):
        return False
    major = _major(bindir)
    return major is not None and major >= MIN_MAJOR


def find_bindir() -> Path | None:
    """initdb on PATH, else the highest /usr/lib/postgresql/N/bin (as tools/postgres.sh)."""
    on_path = shutil.which("initdb")
    if on_path and _usable(bindir := Path(on_path).resolve().parent):
        return bindir
    debian = [p for p in Path("/usr/lib/postgresql").glob("*/bin") if p.parent.name.isdigit()]
    for bindir in sorted(debian, key=lambda p: int(p.parent.name), reverse=True):
        if _usable(bindir):
            return bindir
    return None


# -- URLs and admin SQL ---------------------------------------------------------------------


def url_for(url: str, *, database: str | None = None, user: str | None = None) -> str:
    """``url`` with another database and/or user (dropping the password for another user)."""
    parsed = make_url(url)
    if database is not None:
        parsed = parsed.set(database=database)
    if user is not None:
        parsed = parsed.set(username=user, password=None)
    return parsed.render_as_string(hide_password=False)


def connect(url: str) -> psycopg.Connection[tuple[object, ...]]:
    parsed: URL = make_url(url)
    return psycopg.connect(
        host=parsed.host,
        port=parsed.port or 5432,
        user=parsed.username,
        password=parsed.password,
        dbname=parsed.database or "postgres",
        autocommit=True,
        connect_timeout=10,
    )


def drop_login_roles(url: str, prefix: str) -> list[str]:
    """Drop every login role whose name starts with ``prefix``; return their names.

    Drop the databases they were granted things in first (or ``DROP OWNED`` there): a role
    with privileges left in a live database cannot be dropped.
    """
    if not re.fullmatch(r"[a-z0-9_]{4,}", prefix):
        raise ValueError("role prefixes are lower-case letters, digits and _, at least 4 long")
    with connect(url) as conn:
        names = [
            str(r[0])
            for r in conn.execute(
                "SELECT rolname FROM pg_roles WHERE rolcanlogin AND starts_with(rolname, %s)"
                " ORDER BY rolname",
                (prefix,),
            )
        ]
        for name in names:
            conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(name)))
    return names


def login_roles(url: str) -> set[str]:
    with connect(url) as conn:
        return {str(r[0]) for r in conn.execute("SELECT rolname FROM pg_roles WHERE rolcanlogin")}


class Server:
    """Databases on a server reached through a superuser URL."""

    def __init__(self, superuser_url: str) -> None:
        self.superuser_url = superuser_url
        self._made: set[str] = set()

    is_local = False  # a cluster of our own, which nobody else uses

    def create_database(self, *, template: str | None = None) -> str:
        """A new empty database (cloned from ``template``, default template1); its URL."""
        name = f"{DB_PREFIX}{uuid.uuid4().hex[:12]}"
        stmt = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if template is not None:
            stmt += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
        with connect(self.superuser_url) as conn:
            conn.execute(stmt)
        self._made.add(name)
        return url_for(self.superuser_url, database=name)

    def drop_database(self, url_or_name: str) -> None:
        """Drop a database made here, closing any connection a test left open to it."""
        name = make_url(url_or_name).database if "://" in url_or_name else url_or_name
        assert name and name.startswith(DB_PREFIX), name
        with connect(self.superuser_url) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
        self._made.discard(name)

    def stop(self) -> None:
        for name in list(self._made):
            with contextlib.suppress(psycopg.Error):
                self.drop_database(name)


class ExternalServer(Server):
    """A server someone else runs (``TEND_TEST_PG_URL``); we only add and drop databases."""


class PgCluster(Server):
    """A cluster of our own in a temporary directory."""

    is_local = True

    def __init__(self, bindir: Path, base: Path, port: int, run_as: str | None) -> None:
        super().__init__(_local_url(port))
        self.bindir, self.base, self.port, self.run_as = bindir, base, port, run_as
        self.data = base / "data"
        self.log = base / "server.log"

    @classmethod
    def start(cls, bindir: Path | None = None) -> PgCluster:
        bindir = bindir or find_bindir()
        if bindir is None:
            raise PgMissing(
                f"PostgreSQL {MIN_MAJOR} or newer is not installed here"
                " (run `bash tools/postgres.sh` as root, or `sudo apt-get install postgresql`)."
            )
        _sweep_abandoned()
        run_as = _unprivileged_user() if os.geteuid() == 0 else None
        base = Path(tempfile.mkdtemp(prefix=_DIR_PREFIX, dir=_temp_root()))
        (base / _OWNER_FILE).write_text(str(os.getpid()))
        cluster = cls(bindir, base, _free_port(), run_as)
        atexit.register(cluster.stop)
        try:
            cluster._initdb()
            cluster._pg_ctl_start()
        except BaseException:
            cluster.stop()
            raise
        return cluster

    # -- lifecycle ---------------------------------------------------------------------------

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        cmd = list(args)
        if self.run_as is not None:
            cmd = ["runuser", "-u", self.run_as, "--", *cmd]
        env = {**os.environ, "LC_ALL": "C"}
        env.pop("PGDATA", None)
        return subprocess.run(
            cmd, cwd=self.base, env=env, capture_output=True, text=True, timeout=120
        )

    def _initdb(self) -> None:
        if self.run_as is not None:
            os.chmod(self.base, 0o700)
            user = pwd.getpwnam(self.run_as)
            os.chown(self.base, user.pw_uid, user.pw_gid)
        done = self._run(
            str(self.bindir / "initdb"),
            "-D",
            str(self.data),
            "-U",
            SUPERUSER,
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
            "--no-instructions",
        )
        if done.returncode != 0:
            raise PgUnavailable(f"initdb failed: {_tail(done.stderr or done.stdout)}")
        # Trust only the private socket and 127.0.0.1: the server listens nowhere else.
        (self.data / "pg_hba.conf").write_text(
            "local all all trust\nhost all all 127.0.0.1/32 trust\n"
        )

    def _pg_ctl_start(self) -> None:
        sock = self.base / "sock"
        sock.mkdir()
        if self.run_as is not None:
            user = pwd.getpwnam(self.run_as)
            os.chown(sock, user.pw_uid, user.pw_gid)
        for attempt in range(3):
            if attempt:  # another process may have taken the port since we probed it
                self.port = _free_port()
                self.superuser_url = _local_url(self.port)
            opts = f"-k {sock} -h 127.0.0.1 -p {self.port} {_SERVER_OPTIONS}"
            done = self._run(
                str(self.bindir / "pg_ctl"),
                "-D",
                str(self.data),
                "-l",
                str(self.log),
                "-w",
                "-t",
                "60",
                "-o",
                opts,
                "start",
            )
            if done.returncode == 0:
                return
        log = self.log.read_text(errors="replace") if self.log.exists() else done.stderr
        raise PgUnavailable(f"PostgreSQL would not start: {_tail(log)}")

    def stop(self) -> None:
        # Also after a failed or timed-out start, which may have left a server running.
        if (self.data / "postmaster.pid").exists():
            with contextlib.suppress(OSError, subprocess.SubprocessError):
                self._run(
                    str(self.bindir / "pg_ctl"),
                    "-D",
                    str(self.data),
                    "-m",
                    "immediate",
                    "-w",
                    "stop",
                )
        self._made.clear()
        shutil.rmtree(self.base, ignore_errors=True)


# -- helpers ---------------------------------------------------------------------------------


def _tail(text: str, lines: int = 5) -> str:
    return " | ".join(text.strip().splitlines()[-lines:]) or "no output"


def _local_url(port: int) -> str:
    return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{port}/postgres"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _unprivileged_user() -> str:
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            pwd.getpwnam(name)
            return name
    raise PgUnavailable("PostgreSQL cannot run as root and there is no postgres or nobody user.")


def _temp_root() -> str:
    """The temp directory, if another user can reach into it (the server runs as one as root)."""
    root = tempfile.gettempdir()
    if os.geteuid() != 0:
        return root
    path = Path(root)
    for part in (path, *path.parents):
        if not part.stat().st_mode & stat.S_IXOTH:
            return "/tmp"
    return root


def _sweep_abandoned() -> None:
    """Stop and remove clusters whose pytest died without cleaning up (SIGKILL, power cut)."""
    for base in Path(_temp_root()).glob(f"{_DIR_PREFIX}*"):
        try:
            owner = int((base / _OWNER_FILE).read_text())
        except (OSError, ValueError):
            continue
        if _alive(owner):
            continue
        with contextlib.suppress(OSError, ValueError, IndexError):
            pid = int((base / "data" / "postmaster.pid").read_text().split()[0])
            if Path(f"/proc/{pid}/comm").read_text().strip() == "postgres":
                os.kill(pid, signal.SIGQUIT)  # the postmaster's "immediate shutdown"
        shutil.rmtree(base, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
