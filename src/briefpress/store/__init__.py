"""The shared store of briefs, jobs, article versions and API keys.

SQLite in WAL mode in the user data directory by default; any SQLAlchemy URL works (PostgreSQL is
tested for real). The schema is created and upgraded by the Alembic migrations shipped in
``briefpress.store.migrations``. Needs the ``server`` extra: ``pip install 'briefpress[server]'``.
"""

from __future__ import annotations

from .db import DEFAULT_DB_NAME, Store, default_url, open_store
from .records import ArticleRecord, JobRecord, KeyRecord, VersionRecord

__all__ = [
    "DEFAULT_DB_NAME",
    "ArticleRecord",
    "JobRecord",
    "KeyRecord",
    "Store",
    "VersionRecord",
    "default_url",
    "open_store",
]
