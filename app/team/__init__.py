"""The team store: what colleagues share (supervision now; roster and concerns next).

It is an SQLAlchemy URL: a local SQLite file by default, PostgreSQL for an
organisation, where every person logs in as their own database role and
row-level security decides what each role sees. Nothing from the private store
is ever written here.
"""
