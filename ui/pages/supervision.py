"""Supervision: connect to the team store, then the tabs for my roles.

The page only hosts panels (``ui.supervision``): connecting, a password (PostgreSQL),
"you in your team" (a local file), a problem with "Try again", or the tabs: "My
supervision" (caseworkers) and "Supervising" (supervisors). Connecting and every
team-store call run off the GUI thread (see ``ui.supervision.state`` for which lane).
When a team was set up before, the page connects quietly as it is made (at unlock), so
the reminders of bookings are right even if the page is never opened; it never asks
for a password unprompted.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QStackedWidget, QTabWidget, QVBoxLayout, QWidget
from shiboken6 import isValid

from app.domain import Changes
from app.errors import UserFacingError
from app.team.roles import Role
from ui.context import UiContext
from ui.style import button, centred_scroll
from ui.supervision.connect import (
    CONNECTING,
    NO_ROLE,
    NO_ROLE_LOCAL,
    NOT_A_MEMBER,
    MessagePanel,
    PasswordPanel,
)
from ui.supervision.setup import SetupChoice, SetupPanel
from ui.supervision.state import TeamState

if TYPE_CHECKING:
    from app.team.store import Person, TeamStore
    from ui.supervision.caseworker import CaseworkerPanel

log = logging.getLogger(__name__)

SUPERVISOR_MODULE = "ui.supervision.supervisor"
UNEXPECTED = "Tend couldn't reach your team just now. Please try again in a moment."


@dataclass(frozen=True)
class Opened:
    team: TeamStore | None  # None: skipped (PostgreSQL with no remembered password)
    people: list[Person]
    supervisor_ids: list[str]


class SupervisionPage(QWidget):
    key = "supervision"
    title = "Supervision"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.state = TeamState(ctx, self)  # goes with the page (on lock)
        self.connecting = False
        self.caseworker: CaseworkerPanel | None = None
        self.supervisor: QWidget | None = None
        self._built_roles: frozenset[Role] | None = None
        self._build()
        ctx.changed.connect(self._on_ctx_changed)
        settings = ctx.tend.settings
        if settings.get("team_login") or settings.get("team_url"):
            self.connect_team(background=True)

    def _build(self) -> None:
        today = self.ctx.tend.clock.now().date()
        self.stack = QStackedWidget(self)
        self.connecting_panel = MessagePanel(parent=self)
        self.connecting_panel.show_message(self.tr(CONNECTING), action=False)
        self.password_panel = PasswordPanel(self)
        self.password_panel.connect_requested.connect(self._on_password_given)
        self.setup_panel = SetupPanel(today, self)
        self.setup_panel.save_requested.connect(self.on_setup_saved)
        self.setup_panel.cancel_requested.connect(self._show_main)
        self.problem_panel = MessagePanel(self.tr("&Try again"), self.tr("Try again"), self)
        self.problem_panel.action_requested.connect(lambda: self.connect_team())
        self.main = QWidget(self)
        self.tabs = QTabWidget(self.main)
        self.tabs.setAccessibleName(self.tr("Supervision"))
        self.tabs.setDocumentMode(True)
        self.no_role: QWidget | None = None
        self.details_button = button(
            self.tr("Change my team &details"), self.tr("Change my team details"), "quiet"
        )
        self.details_button.clicked.connect(self.show_setup)
        self.tabs.setCornerWidget(self.details_button)  # beside the tabs: no row of its own
        main = QVBoxLayout(self.main)
        main.setContentsMargins(0, 0, 0, 0)
        main.addWidget(self.tabs, 1)
        self.setup_scroll = centred_scroll(self.setup_panel, 760, sideways=False)
        for panel in (
            self.connecting_panel,
            self.password_panel,
            self.setup_scroll,
            self.problem_panel,
            self.main,
        ):
            self.stack.addWidget(panel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    # -- the page interface ------------------------------------------------------------
    def activate(self, arg: str | None) -> None:
        """``arg`` "book" focuses the free times; "supervising" opens that tab."""
        if self.state.team is None:
            if not self.connecting and self.stack.currentWidget() is not self.password_panel:
                self.connect_team()
            return
        if self.caseworker is not None and self.stack.currentWidget() is self.main:
            self.caseworker.refresh()
            if arg == "book":
                self.tabs.setCurrentWidget(self.caseworker)
                self.caseworker.focus_slots()
        if arg == "supervising" and self.supervisor is not None:
            self.tabs.setCurrentWidget(self.supervisor)

    def _on_ctx_changed(self, changes: Changes) -> None:
        if self.caseworker is not None and self.state.team is not None:
            self.caseworker.on_changed(changes)

    # -- connecting --------------------------------------------------------------------
    def connect_team(
        self, password: str | None = None, *, remember: bool = False, background: bool = False
    ) -> None:
        if self.connecting:
            return
        self.connecting = True
        # A new connection may be someone else (another login): nothing of the last one
        # may keep loading through the new one.
        self.state.detach()
        self._build_tabs(frozenset())
        self._built_roles = None
        if not background:
            self.stack.setCurrentWidget(self.connecting_panel)
        tend = self.ctx.tend
        typed = password

        def job() -> Opened:
            from app.team.url import parse
            from ui.supervision.secret import remember_password, saved_password

            address = parse(tend.team_url())
            pw = typed
            if address.is_postgres and pw is None and address.password is None:
                pw = saved_password(tend)
                if pw is None and background:
                    return Opened(None, [], [])  # never ask for a password unprompted
            team = tend.open_team(pw)
            if remember and typed:  # only once it worked: a wrong password is never kept
                remember_password(tend, typed)
            people = [] if team.is_postgres else team.people()
            return Opened(team, people, team.my_supervisor_ids())

        self.ctx.read(
            job,
            lambda opened: self._on_opened(opened, background),
            lambda exc: self._on_connect_failed(exc, background, asked=typed is not None),
        )

    def _on_opened(self, opened: Opened, background: bool) -> None:
        if not isValid(self):
            return
        self.connecting = False
        team = opened.team
        if team is None:
            return
        self.state.attach(team)
        if team.me is None:
            if team.is_postgres:
                self.problem_panel.show_message(self.tr(NOT_A_MEMBER))
                self.stack.setCurrentWidget(self.problem_panel)
            else:
                self._fill_setup(opened.people, None, [], changing=False)
            return
        self._show_main()

    def _on_connect_failed(self, exc: BaseException, background: bool, *, asked: bool) -> None:
        if not isValid(self):
            return
        self.connecting = False
        from app.team.store import SIGN_IN

        if isinstance(exc, UserFacingError) and exc.message == SIGN_IN:
            # The server wants a password: ask (quietly the first time, when none was typed).
            if not background:
                self.ask_password(exc.message if asked else "")
            return
        if background:
            log.info("team store not reached at unlock (%s)", type(exc).__name__)
            return  # the page says so when it's opened
        if isinstance(exc, UserFacingError):
            self.problem_panel.show_message(exc.message)
        else:
            self.ctx.report_error(exc)  # a bug: the crash dialog
            self.problem_panel.show_message(self.tr(UNEXPECTED))
        self.stack.setCurrentWidget(self.problem_panel)
        self.problem_panel.setFocus()

    def ask_password(self, problem: str) -> None:
        from app.team.url import parse
        from ui.supervision.secret import keyring_usable

        tend = self.ctx.tend
        try:
            address = parse(tend.team_url())
            self.password_panel.set_address(address.login or "", address.display)
        except UserFacingError:
            pass
        self.password_panel.show_problem(problem)
        self.stack.setCurrentWidget(self.password_panel)
        self.password_panel.field.setFocus()

        def shown(found: tuple[bool, str]) -> None:
            if isValid(self):
                self.password_panel.set_keyring(*found)

        self.ctx.read(lambda: keyring_usable(tend), shown)

    def _on_password_given(self, password: str, remember: bool) -> None:
        self.connect_team(password, remember=remember)

    # -- who I am (a local team file) ----------------------------------------------------
    def show_setup(self) -> None:
        team = self.state.team
        if team is None or team.is_postgres:
            return

        def load() -> tuple[list[Person], list[str]]:
            return team.people(), team.my_supervisor_ids()

        self.ctx.read(
            load,
            lambda found: (
                self._fill_setup(found[0], team.me, found[1], changing=True)
                if isValid(self)
                else None
            ),
        )

    def _fill_setup(
        self, people: list[Person], me: Person | None, chosen: list[str], *, changing: bool
    ) -> None:
        self.setup_panel.show_people(people, me, chosen, changing=changing)
        self.stack.setCurrentWidget(self.setup_scroll)
        self.setup_panel.name.setFocus()

    def on_setup_saved(self, choice: SetupChoice) -> None:
        team = self.state.team
        if team is None:
            return
        settings = self.ctx.tend.settings

        def save() -> str | None:
            team.choose_local_person(choice.name, choice.roles, choice.started_on)
            if Role.CASEWORKER in choice.roles:
                team.choose_local_supervisors(choice.supervisor_ids)
            return team.login

        def saved(login: str | None) -> None:
            self.ctx.write(lambda: settings.set("team_login", login or ""))
            if isValid(self):
                self._show_main()
                self.state.changed_team()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, UserFacingError) and isValid(self):
                self.setup_panel.show_problem(exc.message)
            else:
                self.ctx.report_error(exc)

        self.ctx.read(save, saved, failed)

    # -- the tabs --------------------------------------------------------------------------
    def _show_main(self) -> None:
        team = self.state.team
        if team is None or team.me is None:
            return
        roles = team.roles
        if roles != self._built_roles:
            self._build_tabs(roles)
        self.details_button.setVisible(not team.is_postgres)
        self.stack.setCurrentWidget(self.main)
        if self.caseworker is not None:
            self.caseworker.refresh()

    def _build_tabs(self, roles: frozenset[Role]) -> None:
        self._built_roles = roles
        while self.tabs.count():
            widget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if widget is not None:
                widget.deleteLater()
        self.caseworker = self.supervisor = None
        if Role.CASEWORKER in roles:
            from ui.supervision.caseworker import CaseworkerPanel

            self.caseworker = CaseworkerPanel(self.state, self.tabs)
            self.tabs.addTab(self.caseworker, self.tr("&My supervision"))
        if Role.SUPERVISOR in roles:
            self.supervisor = _supervisor_panel(self.ctx, self.state)
            if self.supervisor is not None:
                self.tabs.addTab(self.supervisor, self.tr("Super&vising"))
        self.no_role = None
        if roles and not self.tabs.count():
            team = self.state.team
            self.no_role = MessagePanel(parent=self.tabs)
            words = NO_ROLE if team is not None and team.is_postgres else NO_ROLE_LOCAL
            self.no_role.show_message(self.tr(words), action=False)
            self.tabs.addTab(self.no_role, self.tr("Supervision"))


def _supervisor_panel(ctx: UiContext, state: TeamState) -> QWidget | None:
    """The Supervising panel, when its module exists (it is written separately)."""
    try:
        module = importlib.import_module(SUPERVISOR_MODULE)
    except ModuleNotFoundError as exc:
        if exc.name != SUPERVISOR_MODULE:
            raise
        log.info("supervising panel not available")
        return None
    panel: Any = module.SupervisorPanel(ctx, state)
    return panel if isinstance(panel, QWidget) else None
