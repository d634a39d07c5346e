"""Alembic environment for the team store (its own history, apart from the private store's).

Migrations run from code on a connection Tend hands over
(``config.attributes["connection"]``): at open for a local SQLite file, and by
``tend team init`` (as the owning role) for PostgreSQL.
"""

from __future__ import annotations

from alembic import context

from app.team.models import TeamBase

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("the team store is migrated from code only (app.team.migrate)")

context.configure(
    connection=connection,
    target_metadata=TeamBase.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
    version_table="team_alembic_version",
)
with context.begin_transaction():
    context.run_migrations()
