"""Alembic environment for the private store.

Tend runs migrations from code on a connection it has already keyed
(``config.attributes["connection"]``); there is no ini file and no URL.
"""

from __future__ import annotations

from alembic import context

from app.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("the private store is migrated from code only (app.store.migrate)")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies tables
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
