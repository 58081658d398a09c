"""Alembic migrations of the briefpress store (script location ``briefpress.store:migrations``)."""
