"""Render every screen to PNG, offscreen, from throwaway demo data.

Used by ``tend screenshots DIR`` (docs) and by tests. The data lives in a
temporary directory and is deleted afterwards: it is demo data, never the
person's own. Waiting uses a local event loop with a timer poll, which is fine
in this offline tool (the product code never spins the event loop itself).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from app.clock import FixedClock
from app.security.secrets import KeyringStatus

log = logging.getLogger(__name__)

SIZES = ((1280, 800), (1024, 640))
DEMO_PASSPHRASE = "demo harbour lantern 42"  # the throwaway demo vault only
NO_KEYRING_REASON = (
    "This computer has no secure system keyring, so Tend will ask for your passphrase each time."
)


class _NoKeyring:
    """Screenshots never touch the real system keyring."""

    def status(self) -> KeyringStatus:
        return KeyringStatus(False, NO_KEYRING_REASON)

    def get(self, name: str) -> bytes | None:
        return None

    def put(self, name: str, secret: bytes) -> None:
        raise RuntimeError("no keyring in screenshots")

    def delete(self, name: str) -> None:
        pass


def _wait(done: Callable[[], bool], min_ms: int = 60, timeout_ms: int = 15_000) -> None:
    """Run a local event loop until ``done()`` (and at least ``min_ms``, for layouts)."""
    loop = QEventLoop()
    elapsed = 0

    def poll() -> None:
        nonlocal elapsed
        elapsed += 20
        if (elapsed >= min_ms and done()) or elapsed >= timeout_ms:
            loop.quit()

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(20)
    loop.exec()
    timer.stop()


def _fill_demo(store: object) -> None:
    try:
        from app.demo import generate
    except ImportError:
        log.info("demo data not available; rendering an empty store")
        return
    # 150 days of seed 13 end (on SCREENSHOT_DAY) with two gentle signals showing, so the
    # Signals page is shown with cards rather than only its empty state.
    generate(store, days=150, seed=13)  # type: ignore[arg-type]


# The Trends page opens on the daily signals; the other chart kinds get a shot each.
_OTHER_CHART_KINDS = ("measures", "calendar", "exposure", "rest")


def _shoot_reminder_and_pauses(
    window: QWidget,
    workspace: Any,
    ctx: Any,
    shot: Callable[[QWidget, str, tuple[int, int]], None],
    size: tuple[int, int],
) -> None:
    """A reminder notice over the check-in page, and each guided pause."""
    from app.reminders.model import Reminder, ReminderKind
    from ui.pauses import open_pause

    workspace.navigate("checkin")
    notice = Reminder(
        rule_id="demo",
        kind=ReminderKind.SELFCARE,
        due_at=ctx.tend.clock.now(),
        title="A moment for yourself",
        body="A small pause can help. Your own plan has an idea or two.",
        target="selfcare",
        detail="Walk around the block without your phone.",
    )
    workspace.reminders.notifier.notify(notice)
    shot(window, "reminder-notice", size)
    workspace.reminders.notices.clear()
    for kind in ("breathing", "grounding"):
        dialog = open_pause(window, ctx, kind)
        shot(dialog, f"pause-{kind}", size)
        dialog.close()


@contextlib.contextmanager
def _signed_in_as(workspace: Any, ctx: Any, login: str) -> Iterator[Any]:
    """The Supervision page connected as ``login`` on the demo team file (seeded once by
    ui.supervision.supervisor_demo); the page's own login is put back afterwards.
    Yields the page, or None when there is no Supervision page."""
    from app.supervision.service import service_zone
    from app.team.store import TeamStore
    from ui.supervision import supervisor_demo

    page = workspace.pages.get("supervision")
    if page is None:
        yield None
        return
    tend = ctx.tend
    url = tend.team_url()
    probe = TeamStore.open(url)
    try:
        seeded = any(p.login == supervisor_demo.SUPERVISOR for p in probe.people())
    finally:
        probe.close()
    if not seeded:
        supervisor_demo.seed(url, tend.clock.now(), service_zone(tend.clock))
    before = tend.settings.get("team_login")
    tend.settings.set("team_login", login)
    try:
        workspace.navigate("supervision")
        page.connect_team()
        yield page
    finally:
        tend.settings.set("team_login", before)


def _supervision_supervisor_shots(
    window: QWidget,
    workspace: Any,
    ctx: Any,
    shot: Callable[[QWidget, str, tuple[int, int]], None],
    size: tuple[int, int],
) -> None:
    """The Supervising tab (availability, sessions, supervisees) as a demo supervisor."""
    from ui.supervision import supervisor_demo

    with _signed_in_as(workspace, ctx, supervisor_demo.SUPERVISOR) as page:
        if page is None:
            return
        _wait(lambda: page.supervisor is not None and page.supervisor.loaded)
        page.tabs.setCurrentWidget(page.supervisor)
        for tab in ("availability", "sessions", "supervisees"):
            page.supervisor.show_tab(tab)
            shot(window, f"supervising-{tab}", size)


def _supervision_caseworker_shots(
    window: QWidget,
    workspace: Any,
    ctx: Any,
    shot: Callable[[QWidget, str, tuple[int, int]], None],
    size: tuple[int, int],
) -> None:
    """ "My supervision" as a demo caseworker (Priya, on the same demo team file), booking
    a time, and "Change my team details"."""
    with _signed_in_as(workspace, ctx, "priya") as page:
        if page is None:
            return
        _wait(lambda: page.caseworker is not None and page.caseworker.loaded is not None)
        page.tabs.setCurrentWidget(page.caseworker)
        shot(window, "supervision-caseworker", size)
        slot = page.caseworker.picker.current_slot()
        if slot is not None:
            page.caseworker.flows.book(slot)
            dialog = page.caseworker.flows.dialog
            dialog.agenda.setPlainText("The new intake process, and a case I keep thinking about.")
            shot(dialog, "supervision-book", size)
            dialog.reject()
        page.show_setup()
        _wait(lambda: page.stack.currentWidget() is page.setup_scroll)
        shot(window, "supervision-setup", size)


def _screenshot_clock() -> FixedClock:
    """A fixed morning, so the same screenshots come out whenever they are made."""
    return FixedClock(dt.datetime(2026, 11, 22, 9, 0).astimezone())


def render_all(out_dir: Path, appearance: str = "light") -> list[Path]:
    """Write every screen at 1280x800 and 1024x640 to ``out_dir``; return the files.

    ``appearance``: "light" (the default, whatever this desktop uses) or "dark"."""
    if QApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(["tend-screenshots"])
    assert isinstance(app, QApplication)
    from ui import style

    style.apply(app, appearance)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="tend-demo-") as tmp:
        return _render_in(Path(tmp), out_dir)


def _render_in(tmp: Path, out_dir: Path) -> list[Path]:
    from app.context import Tend
    from app.paths import AppPaths
    from app.security.kdf import TEST_PARAMS
    from app.security.recovery import new_code
    from ui.launch import FirstPaintWatcher, after_first_paint
    from ui.mainwindow import MainWindow, ShellOptions
    from ui.onboarding import Onboarding
    from ui.taskman import TaskManager

    paths = AppPaths.from_override(tmp / "data").ensure()
    tend = Tend.build(paths, clock=_screenshot_clock(), secrets=_NoKeyring(), kdf=TEST_PARAMS)
    tend.unlock(tend.vault.create(DEMO_PASSPHRASE).key)
    _fill_demo(tend.require_store())
    # The same pictures on every machine: the demo person is in Australia (otherwise the
    # help window would go by this machine's locale, or ask).
    tend.settings.set("region", "AU")
    tend.lock()
    tasks = TaskManager()
    # The same start-up a person's launch goes through: first paint, then
    # ``after_first_paint`` builds the context (here: the demo one) and the services.
    window = MainWindow(
        paths,
        tend.settings,
        tasks,
        tend_factory=lambda: tend,
        options=ShellOptions(idle_timeout_ms=0),
    )
    watcher = FirstPaintWatcher(window)
    watcher.painted.connect(lambda: after_first_paint(window, paths))
    booted: list[bool] = []
    window.ready.connect(booted.append)
    window.show()
    _wait(lambda: bool(booted))
    if booted != [True] or window.ctx is None:
        raise RuntimeError("Tend did not start, so there is nothing true to take pictures of")
    ctx = window.ctx
    written: list[Path] = []

    def shot(widget: QWidget, name: str, size: tuple[int, int]) -> None:
        _wait(tasks.idle)
        path = out_dir / f"{name}-{size[0]}x{size[1]}.png"
        if not widget.grab().save(str(path)):
            raise OSError(f"could not write {path.name}")
        written.append(path)

    try:
        for size in SIZES:
            window.resize(*size)
            onboarding = window.show_onboarding()
            onboarding.set_keyring_status(False, NO_KEYRING_REASON)
            shot(window, "welcome", size)
            onboarding.go_to(Onboarding.PASSPHRASE)
            onboarding.entry.first.setText("quiet harbour lantern")
            onboarding.entry.second.setText("quiet harbour")
            shot(window, "passphrase", size)
            onboarding.show_recovery_code(new_code())
            shot(window, "recovery-code", size)
            window._drop_onboarding()
            window.show_state("locked")
            shot(window, "lock", size)
            _unlock_as_a_person_does(window)
            workspace = window.workspace
            assert workspace is not None
            for key in list(workspace.pages):
                workspace.navigate(key)
                if key == "journal":
                    _open_first_note(workspace.pages[key], tasks)
                shot(window, key, size)
                if key == "trends":
                    for kind in _OTHER_CHART_KINDS:
                        workspace.navigate(f"trends:{kind}")
                        shot(window, f"trends-{kind}", size)
                if key == "selfcare":
                    for tab in ("ideas", "week"):
                        workspace.navigate(f"selfcare:{tab}")
                        shot(window, f"selfcare-{tab}", size)
            _supervision_supervisor_shots(window, workspace, ctx, shot, size)
            _supervision_caseworker_shots(window, workspace, ctx, shot, size)
            _shoot_reminder_and_pauses(window, workspace, ctx, shot, size)
            window.show_help()
            assert window.help_dialog is not None
            window.help_dialog.resize(min(560, size[0] - 80), min(600, size[1] - 40))
            shot(window.help_dialog, "help", size)
            window.help_dialog.close()
            window.lock()
            _wait(lambda: not window.is_locking())
    finally:
        tasks.shutdown()
        tend.lock()
        window.crash.uninstall_hooks()
        window.close()
        window.deleteLater()
        _wait(lambda: True, min_ms=20)
    return written


def _unlock_as_a_person_does(window: Any) -> None:
    """Type the demo passphrase into the lock screen and press Unlock."""
    window.lock_screen.reset()
    window.lock_screen.passphrase.setText(DEMO_PASSPHRASE)
    window.lock_screen.passphrase.returnPressed.emit()
    _wait(lambda: window.state == "unlocked")
    if window.state != "unlocked":
        raise RuntimeError("the demo store did not unlock")


def _open_first_note(page: QWidget, tasks: object) -> None:
    """Show the journal with a note open, as a person reading it would see it."""
    from app.domain import EntryKind

    _wait(tasks.idle)  # type: ignore[attr-defined]
    model = page.model  # type: ignore[attr-defined]
    for row in range(model.rowCount()):
        item = model.item(row)
        if item is not None and item.kind is EntryKind.NOTE:
            page.list.setCurrentIndex(model.index(row))  # type: ignore[attr-defined]
            return
