"""How the Supervising panel's sections reach the supervision service: never on the GUI thread.

Everything goes through ``TeamState.run`` (the reader pool: team-store calls keep
off the private writer lane; the team store has its own transactions). After a
change, ``TeamState.changed_team`` tells every supervision view (this panel, and
"My supervision" for someone who is both) to redraw. A section's own
``on_error`` may show a calm problem beside its form; anything else goes to
``ctx.report_error`` (a UserFacingError becomes the page's banner).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from app.errors import UserFacingError

if TYPE_CHECKING:
    from app.supervision.service import SupervisionService
    from ui.context import UiContext
    from ui.supervision.state import TeamState

Job = Callable[["SupervisionService"], Any]
Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class Calls:
    def __init__(self, ctx: UiContext, state: TeamState) -> None:
        self.ctx = ctx
        self.state = state

    def read(self, job: Job, on_done: Done, on_error: Failed | None = None) -> bool:
        """``job(service)`` on a worker; False (and nothing runs) before the team is open."""
        if self.state.service is None:
            return False
        self.state.run(job, on_done, on_error)
        return True

    def write(self, job: Job, on_done: Done | None = None, on_error: Failed | None = None) -> bool:
        """A change: like ``read``, then every supervision view is told to redraw."""
        if self.state.service is None:
            return False

        def done(result: Any) -> None:
            self.state.changed_team()
            if on_done is not None:
                on_done(result)

        self.state.run(job, done, on_error)
        return True

    def calm_or_report(self, show: Callable[[str], None]) -> Failed:
        """An ``on_error`` that shows a UserFacingError's calm sentence with ``show``."""

        def failed(exc: BaseException) -> None:
            if isinstance(exc, UserFacingError):
                show(exc.message)
            else:
                self.ctx.report_error(exc)

        return failed

    def zone(self) -> Any:
        """The zone times are shown in: the service's (this computer's, or the test clock's)."""
        service = self.state.service
        return service.zone if service is not None else self.ctx.tend.clock.now().tzinfo
