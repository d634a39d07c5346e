"""The one top-level window: onboarding, the lock screen, or the unlocked workspace.

It also runs the security flows. Everything slow (building the Tend context,
Argon2, opening the store, re-wrapping keys) runs on the task runner; locking is
queued on the writer lane so acknowledged writes finish first. The window title
is always just "Tend".

Startup is split for a fast first paint: the window is built from light modules
only; ``start()`` (called after the first paint) builds the Tend context in a
worker and then, if the key is remembered, unlocks straight away.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget, QWidget

from app.paths import AppPaths
from app.settings import Settings
from ui import window_geometry
from ui.help_host import HelpHost
from ui.lockscreen import DEFAULT_DELAYS, LockScreen
from ui.security_flows import SecurityFlows, open_store
from ui.style import icon
from ui.taskman import TaskManager

if TYPE_CHECKING:
    from app.context import Tend
    from app.security.secrets import KeyringStatus
    from ui.context import UiContext
    from ui.crash import CrashReporter
    from ui.helpdialog import HelpDialog
    from ui.idle import GlobalKeys, IdleWatcher
    from ui.onboarding import Onboarding
    from ui.workspace import Workspace

log = logging.getLogger(__name__)

PASSPHRASE_LINE = "Protected by your passphrase"
KEYRING_LINE = "Key remembered in the system keyring"


@dataclass(frozen=True)
class ShellOptions:
    """Knobs tests turn; the defaults are what people get."""

    idle_timeout_ms: int | None = None  # None: settings' auto_lock_minutes
    retry_delays: Sequence[float] = DEFAULT_DELAYS
    geometry_file: Path | None = None  # where QSettings keeps the window geometry


def default_tend_factory(paths: AppPaths) -> Callable[[], Tend]:
    def build() -> Tend:
        from app.context import Tend

        return Tend.build(paths)

    return build


class MainWindow(QMainWindow, SecurityFlows, HelpHost):
    state_changed = Signal(str)  # "onboarding", "locked", "recovering", "unlocked"
    # Start-up has finished: the context is built and a remembered key was tried
    # (True), or building it failed (False). Emitted once.
    ready = Signal(bool)

    def __init__(
        self,
        paths: AppPaths,
        settings: Settings,
        tasks: TaskManager,
        *,
        tend_factory: Callable[[], Tend] | None = None,
        options: ShellOptions | None = None,
    ) -> None:
        super().__init__()
        self.setWindowTitle("Tend")
        self.setObjectName("mainWindow")
        self.setAccessibleName("Tend")
        self.paths = paths
        self.tasks = tasks
        self.options = options or ShellOptions()
        self.ctx: UiContext | None = None
        self.state = ""
        self._early_settings = settings
        self._tend_factory = tend_factory or default_tend_factory(paths)
        self._pending: Callable[[], None] | None = None  # a request made before start() finished
        self._store_open = False
        self._locking = False
        self.onboarding: Onboarding | None = None
        self.workspace: Workspace | None = None
        self.help_dialog: HelpDialog | None = None

        # Installed right after the first paint (``install_services``): the modules
        # behind them touch PySide6's ``Qt`` namespace, which is slow to build.
        self.crash: CrashReporter
        self.idle: IdleWatcher
        self.keys: GlobalKeys
        self._services_installed = False
        self._ready_announced = False

        self.screens = QStackedWidget(self)
        self.setCentralWidget(self.screens)
        self.lock_screen = LockScreen(self.screens, self.options.retry_delays)
        self.lock_screen.help_requested.connect(self.show_help)
        self.lock_screen.unlock_requested.connect(self._on_unlock_requested)
        self.lock_screen.recovery_requested.connect(self._on_recovery_requested)
        self.lock_screen.new_passphrase_chosen.connect(self._on_new_passphrase_chosen)
        self.screens.addWidget(self.lock_screen)
        self.protection = QLabel(self)
        self.protection.setObjectName("protectionLine")
        self.statusBar().addWidget(self.protection, 1)
        self.statusBar().setSizeGripEnabled(False)

        self.resize(*window_geometry.DEFAULT_SIZE)
        window_geometry.restore(self, self.options.geometry_file)
        self.fit_to_screen()
        # A restore cut short by a crash decides whether a key file exists: finish it first.
        if paths.restore_staging.exists():
            from app.data.swap import finish_pending_restore

            finish_pending_restore(paths)
        if paths.keyfile.exists():
            self.show_state("locked")
        else:
            self.show_onboarding()

    # -- building the context after the first paint -------------------------------------
    def install_services(self) -> None:
        """Crash reporting, auto-lock and the global keys (F1, Ctrl+L). Idempotent."""
        if self._services_installed:
            return
        from ui.crash import CrashReporter
        from ui.dialog_help import DialogHelpButtons
        from ui.idle import GlobalKeys, IdleWatcher

        self._services_installed = True
        self.crash = CrashReporter(self.paths.log_file, lambda: self, self)
        self.tasks.error_unhandled.connect(self.crash.report)
        self.idle = IdleWatcher(self._idle_timeout_ms, self)
        self.idle.idle_timed_out.connect(self.lock)
        self.keys = GlobalKeys(self)
        self.dialog_help = DialogHelpButtons(self)
        self.keys.help_pressed.connect(self.show_help)
        self.keys.lock_pressed.connect(self.lock)
        self.keys.quit_pressed.connect(self.close)

    def start(self) -> None:
        """Build the Tend context off the GUI thread; unlock from the keyring if remembered."""
        self.install_services()
        factory = self._tend_factory

        def boot() -> tuple[Tend, KeyringStatus, bool]:
            import app.security.strength  # noqa: F401  (warm zxcvbn before the first keystroke)

            tend = factory()
            status = tend.vault.secrets.status()
            try:
                remembered = tend.vault.remembered()
            except Exception:  # a damaged key file: the lock screen explains on unlock
                remembered = False
            return tend, status, remembered

        self.tasks.read(boot, self._on_booted, self._on_boot_failed)
        self.setWindowIcon(icon("tend"))  # SVG plugin: loaded after the first paint

    def _on_boot_failed(self, exc: BaseException) -> None:
        self.crash.report(exc)
        self.start_failed()

    def start_failed(self) -> None:
        """Start-up could not finish: say so calmly, instead of "Setting things up…"."""
        if self.state == "onboarding":
            self._drop_onboarding()
            self.show_state("locked")
        self.lock_screen.show_problem(
            self.tr("Tend couldn't start properly. Please close it and open it again.")
        )
        self._announce_ready(False)

    def _announce_ready(self, ok: bool) -> None:
        if not self._ready_announced:
            self._ready_announced = True
            self.ready.emit(ok)

    def _on_booted(self, booted: tuple[Tend, KeyringStatus, bool]) -> None:
        from ui.context import UiContext

        tend, status, remembered = booted
        self.attach(UiContext(tend, self.tasks, self))
        if self.onboarding is not None:
            self.onboarding.set_keyring_status(status.available, status.reason)
        if remembered and self.state == "locked" and self._pending is None:
            self.lock_screen.set_busy(self.tr("Unlocking…"))
            self.tasks.write(
                self._keyring_unlock_job(tend),
                self._on_keyring_unlocked,
                self._on_keyring_unlock_failed,
            )
        else:
            self._announce_ready(True)
        pending, self._pending = self._pending, None
        if pending is not None:
            pending()

    def attach(self, ctx: UiContext, *, unlocked: bool = False) -> None:
        """Use ``ctx`` from now on (tests pass an already unlocked one)."""
        self.install_services()
        self.ctx = ctx
        ctx.lock_requested.connect(self.lock)
        ctx.help_requested.connect(self.show_help)
        # Keyring changes from Settings end with a notice: re-read which protection is active.
        ctx.notice_requested.connect(self._on_notice_requested)
        if unlocked:
            self._store_open = True
            self.enter_workspace()

    @staticmethod
    def _keyring_unlock_job(tend: Tend) -> Callable[[], bool]:
        def job() -> bool:
            key = tend.vault.unlock_with_keyring()
            if key is None:
                return False
            open_store(tend, key)
            return True

        return job

    def _on_keyring_unlock_failed(self, exc: BaseException) -> None:
        self._announce_ready(True)  # started; the lock screen says what went wrong
        self._on_unlock_failed(exc)

    def _on_keyring_unlocked(self, opened: bool) -> None:
        self._announce_ready(True)
        if opened:
            self._store_open = True
            self.enter_workspace()
        else:  # the keyring had nothing for us: the passphrase it is
            self.lock_screen.reset()

    # -- screens ----------------------------------------------------------------------
    def show_state(self, state: str) -> None:
        self.state = state
        screen: QWidget = {
            "onboarding": self.onboarding,
            "unlocked": self.workspace,
        }.get(state) or self.lock_screen
        self.screens.setCurrentWidget(screen)
        self.statusBar().setVisible(state == "unlocked")
        if state == "unlocked" and self.workspace is not None:
            self.workspace.focus_current_page()
        else:
            screen.setFocus()
        self.state_changed.emit(state)

    def show_onboarding(self, step: int | None = None) -> Onboarding:
        from ui.onboarding import Onboarding

        if self.onboarding is None:
            self.onboarding = Onboarding(self.paths, self.screens)
            self.onboarding.help_requested.connect(self.show_help)
            self.onboarding.create_requested.connect(self._on_create_requested)
            self.onboarding.finished.connect(self._on_onboarding_finished)
            self.screens.addWidget(self.onboarding)
        self.show_state("onboarding")
        self.onboarding.go_to(Onboarding.WELCOME if step is None else step)
        return self.onboarding

    def enter_workspace(self) -> None:
        from ui.workspace import Workspace

        assert self.ctx is not None
        self.lock_screen.reset()
        self._drop_onboarding()
        if self.workspace is None:
            self.workspace = Workspace(self.ctx, self.screens)
            self.screens.addWidget(self.workspace)
        self.show_state("unlocked")
        self.idle.start()
        self.refresh_protection()

    def _drop_onboarding(self) -> None:
        if self.onboarding is not None:
            self.screens.removeWidget(self.onboarding)
            self.onboarding.deleteLater()
            self.onboarding = None

    def refresh_protection(self) -> None:
        """The status line: which protection is active (read off the GUI thread)."""
        if self.ctx is None or not self._store_open:
            return
        self.ctx.read(self.ctx.tend.vault.remembered, self._on_protection_read)

    def _on_notice_requested(self, _level: str, _message: str) -> None:
        self.refresh_protection()

    def _on_protection_read(self, remembered: bool) -> None:
        text = KEYRING_LINE if remembered else PASSPHRASE_LINE
        self.protection.setText(self.tr(text))
        self.protection.setAccessibleName(self.tr(text))

    # -- help -------------------------------------------------------------------------
    def settings(self) -> Settings:
        return self.ctx.tend.settings if self.ctx is not None else self._early_settings

    # -- locking ------------------------------------------------------------------------
    def lock(self) -> None:
        """Hide everything now; close the store after queued writes; then drop the pages."""
        if self.ctx is None or not self._store_open or self._locking:
            return
        self._locking = True
        self.idle.stop()
        if self.workspace is not None:
            self.workspace.reminders.stop()  # no reminder may arrive for a closing store
            self.workspace.close_page_dialogs()
        self._drop_onboarding()
        self.lock_screen.reset()
        self.lock_screen.set_busy(self.tr("Locking…"))
        self.show_state("locked")
        self.tasks.write(self.ctx.tend.lock, self._on_store_locked, self._on_store_locked)

    def _on_store_locked(self, _result: Any = None) -> None:
        self._store_open = False
        self._drop_workspace_when_idle()

    def _drop_workspace_when_idle(self) -> None:
        # Reads already in flight still call back into pages: wait for them first.
        if not self.tasks.idle():
            QTimer.singleShot(20, self._drop_workspace_when_idle)
            return
        if self.workspace is not None:
            self.screens.removeWidget(self.workspace)
            self.workspace.deleteLater()
            self.workspace = None
        self.protection.clear()
        self._locking = False
        self.lock_screen.reset()  # clears "Locking…" and gives the field the focus
        if not self.paths.keyfile.exists():
            # "Delete all my data" ran: there is nothing left to unlock, so start afresh,
            # with a new log file for the new start (the old one was deleted with the rest).
            from app.logsetup import configure

            configure(self.paths.log_file)
            self.show_onboarding()

    def is_locking(self) -> bool:
        return self._locking

    def _idle_timeout_ms(self) -> int:
        if self.options.idle_timeout_ms is not None:
            return self.options.idle_timeout_ms
        return int(self.settings().get("auto_lock_minutes")) * 60_000

    # -- window geometry ------------------------------------------------------------------
    def fit_to_screen(self) -> None:
        window_geometry.fit_to_screen(self)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Once the frame is on screen its real size is known: fit again with it.
        QTimer.singleShot(0, self.fit_to_screen)

    def closeEvent(self, event: QCloseEvent) -> None:
        window_geometry.save(self, self.options.geometry_file)
        if self.help_dialog is not None:
            self.help_dialog.close()
        if self.workspace is not None:
            self.workspace.reminders.stop()
        if self.workspace is not None and self._store_open:
            # Queued on the writer lane; run_gui's tasks.shutdown() waits for them.
            self.workspace.save_unsaved_work()
        super().closeEvent(event)
