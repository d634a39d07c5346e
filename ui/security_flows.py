"""The security flows of the main window: creating the vault, unlocking, recovering.

A mixin of ``MainWindow`` (it uses the window's ``tasks``, ``ctx``, ``lock_screen``,
``onboarding``, ``crash`` and screen-switching methods). Everything slow (Argon2,
opening the store, re-wrapping) runs on the task runner; these methods only
react on the GUI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.context import Tend


class SecurityFlows:
    # -- onboarding flow ----------------------------------------------------------------
    def _on_create_requested(self, passphrase: str, remember: bool) -> None:
        if self.ctx is None:  # still starting: do it as soon as the context exists
            self._pending = lambda: self._on_create_requested(passphrase, remember)
            return
        tend = self.ctx.tend

        # The same set-up as `tend init`: the key file, then the store opened.
        self.tasks.write(
            lambda: tend.set_up(passphrase, remember), self._on_created, self._on_create_failed
        )

    def _on_created(self, code: str) -> None:
        self._store_open = True
        self.idle.start()  # the store is open while the code is on screen
        if self.onboarding is not None:
            self.onboarding.show_recovery_code(code)

    def _on_create_failed(self, exc: BaseException) -> None:
        from app.errors import UserFacingError

        if self.onboarding is None:
            return
        if isinstance(exc, UserFacingError):
            self.onboarding.show_error(exc.message)
        else:
            self.crash.report(exc)
            self.onboarding.show_error(
                self.tr("Tend couldn't finish setting up. Please try again.")
            )

    def _on_onboarding_finished(self) -> None:
        if self._store_open:
            self.enter_workspace()

    # -- unlocking ----------------------------------------------------------------------
    def _on_unlock_requested(self, passphrase: str) -> None:
        if self.ctx is None:
            self._pending = lambda: self._on_unlock_requested(passphrase)
            return
        tend = self.ctx.tend
        self.tasks.write(
            lambda: open_store(tend, tend.vault.unlock_with_passphrase(passphrase)),
            lambda _: self._on_unlocked(),
            self._on_unlock_failed,
        )

    def _on_recovery_requested(self, code: str) -> None:
        if self.ctx is None:
            self._pending = lambda: self._on_recovery_requested(code)
            return
        tend = self.ctx.tend
        self.tasks.write(
            lambda: open_store(tend, tend.vault.unlock_with_recovery(code)),
            lambda _: self._on_recovered(),
            self._on_unlock_failed,
        )

    def _on_unlocked(self) -> None:
        self._store_open = True
        self.enter_workspace()

    def _on_recovered(self) -> None:
        self._store_open = True
        self.idle.start()
        self.show_state("recovering")
        self.lock_screen.show_new_passphrase()

    def _on_unlock_failed(self, exc: BaseException) -> None:
        from app.errors import UserFacingError, WrongSecret

        if isinstance(exc, WrongSecret):
            self.lock_screen.unlock_failed(exc.message)
        elif isinstance(exc, UserFacingError):
            self.lock_screen.show_problem(exc.message)
        else:
            self.crash.report(exc)
            self.lock_screen.show_problem(self.tr("Tend couldn't open your entries just now."))

    def _on_new_passphrase_chosen(self, passphrase: str) -> None:
        assert self.ctx is not None
        tend = self.ctx.tend
        self.tasks.write(
            lambda: tend.vault.change_passphrase(tend.key, passphrase),
            lambda _: self._on_passphrase_replaced(),
            self._on_new_passphrase_failed,
        )

    def _on_passphrase_replaced(self) -> None:
        self.enter_workspace()
        assert self.ctx is not None
        self.ctx.notify(self.tr("Your new passphrase is set. Use it next time you open Tend."))

    def _on_new_passphrase_failed(self, exc: BaseException) -> None:
        from app.errors import UserFacingError

        if isinstance(exc, UserFacingError):
            self.lock_screen.new_passphrase_failed(exc.message)
        else:
            self.crash.report(exc)
            self.lock_screen.new_passphrase_failed(self.tr("That didn't work. Please try again."))


def open_store(tend: Tend, key: Any) -> None:
    """Open the store with ``key``; wipe the key if that fails (worker thread)."""
    try:
        tend.unlock(key)
    except BaseException:
        key.wipe()
        raise
