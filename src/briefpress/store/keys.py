"""API keys in the store: created with a tenant (or none: the key is its own) and an admin flag."""

from __future__ import annotations

import hashlib
import re
import secrets
import uuid
from contextlib import AbstractContextManager
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import UsageError
from .records import KeyRecord
from .tables import ApiKey

# No ':' in a tenant's name: 'key:ID' is the tenant of a key created without one.
TENANT_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")


def hash_key(key: str) -> str:
    # Keys are 256-bit random tokens, so a plain SHA-256 is enough: there is nothing to brute-force.
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.replace(tzinfo=UTC).isoformat()


def _key(row: ApiKey) -> KeyRecord:
    return KeyRecord(row.id, row.name, row.prefix, _iso(row.created_at) or "", _iso(row.revoked_at),
                     tenant=row.tenant, admin=bool(row.admin))


class KeyMethods:
    """The key half of ``Store`` (which supplies ``session``)."""

    def session(self) -> AbstractContextManager[Session]:  # pragma: no cover - Store's
        raise NotImplementedError

    def create_key(self, name: str, tenant: str | None = None, admin: bool = False) -> tuple[KeyRecord, str]:
        """A new key; the plain key is returned once and only its hash is kept."""
        if tenant is not None and not TENANT_NAME.fullmatch(tenant):
            raise UsageError(f"tenant name {tenant[:40]!r} is not allowed; use letters, digits, '.', '_' or '-' "
                             "(at most 100, no ':')")
        plain = "bp_" + secrets.token_urlsafe(32)
        row = ApiKey(id=uuid.uuid4().hex, name=name, prefix=plain[:10], key_hash=hash_key(plain),
                     created_at=datetime.now(UTC).replace(tzinfo=None), tenant=tenant, admin=admin)
        with self.session() as s:
            s.add(row)
        return _key(row), plain

    def list_keys(self) -> list[KeyRecord]:
        with self.session() as s:
            return [_key(r) for r in s.scalars(select(ApiKey).order_by(ApiKey.created_at))]

    def revoke_key(self, key_id_or_prefix: str) -> KeyRecord | None:
        with self.session() as s:
            rows = list(s.scalars(select(ApiKey).where(
                (ApiKey.id == key_id_or_prefix) | (ApiKey.prefix == key_id_or_prefix))))
            if len(rows) != 1:
                return None
            row = rows[0]
            if row.revoked_at is None:
                row.revoked_at = datetime.now(UTC).replace(tzinfo=None)
            return _key(row)

    def check_key(self, plain: str) -> KeyRecord | None:
        """The active key with this value, or None."""
        with self.session() as s:
            row = s.scalar(select(ApiKey).where(ApiKey.key_hash == hash_key(plain)))
            if row is None or row.revoked_at is not None:
                return None
            return _key(row)


__all__ = ["TENANT_NAME", "KeyMethods", "hash_key"]
