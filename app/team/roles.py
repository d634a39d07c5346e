"""Tend's team roles, and their PostgreSQL group roles."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    CASEWORKER = "caseworker"
    SUPERVISOR = "supervisor"
    COORDINATOR = "coordinator"
    HANDLER = "handler"
    ADMIN = "admin"


ROLE_LABEL: dict[Role, str] = {
    Role.CASEWORKER: "Caseworker",
    Role.SUPERVISOR: "Supervisor",
    Role.COORDINATOR: "Peer-support coordinator",
    Role.HANDLER: "Concerns handler",
    Role.ADMIN: "Administrator",
}

# NOLOGIN roles made by `tend team init`. Tables belong to OWNER; every person is a
# member of MEMBER plus one group per Tend role. No login role is ever a member of OWNER.
OWNER = "tend_owner"
MEMBER = "tend_member"


def pg_group(role: Role) -> str:
    return f"tend_{role.value}"


GROUPS: tuple[str, ...] = (MEMBER, *(pg_group(r) for r in Role))


def parse_roles(values: object) -> frozenset[Role]:
    """Roles from names such as "supervisor"; ValueError names the first unknown one."""
    if not isinstance(values, list | tuple | set | frozenset):
        raise ValueError("roles")
    found = set()
    for value in values:
        try:
            found.add(Role(str(value).strip().lower()))
        except ValueError:
            raise ValueError(str(value)) from None
    return frozenset(found)
