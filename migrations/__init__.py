"""Alembic migration histories. ``private`` is the per-person encrypted store."""
