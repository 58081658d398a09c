"""``briefpress keys create|list|revoke``: API keys for the HTTP API, stored hashed."""

from __future__ import annotations

import click

from ..errors import UsageError

# The same flag as briefpress.cli.debug_option, declared here so that importing this module never
# imports briefpress.cli (which loads the command modules: `python -m briefpress.cli` would loop).
debug_option = click.option("--debug", is_flag=True, help="Show tracebacks for errors.")


def _store(db_url: str | None):  # type: ignore[no-untyped-def]
    try:
        from ..store import open_store
    except ImportError as exc:
        raise UsageError(f"API keys need more packages ({exc.name} is missing); "
                         "run: pip install 'briefpress[server]'") from exc
    return open_store(db_url)


_db = click.option("--db", "db_url", metavar="URL", help="SQLAlchemy URL (default: SQLite in the user data folder).")


@click.group("keys")
def command() -> None:
    """Create, list and revoke API keys for 'briefpress serve'."""


@command.command("create")
@click.option("--name", default="default", show_default=True, help="A label to tell keys apart.")
@click.option("--tenant", metavar="NAME",
              help="The tenant whose articles this key shares (default: the key's articles are its own).")
@click.option("--admin", is_flag=True, help="The key sees and edits every tenant's articles and jobs.")
@_db
@debug_option
def create(name: str, tenant: str | None, admin: bool, db_url: str | None, debug: bool) -> None:
    """Create a key and print it once; only its hash is stored."""
    record, plain = _store(db_url).create_key(name, tenant=tenant, admin=admin)
    click.echo(plain)
    scope = "admin: every tenant" if record.admin else f"tenant {record.owner}"
    click.echo(f"created key {record.prefix}… ({record.name}, {scope}, id {record.id}); it is shown only this once",
               err=True)


@command.command("list")
@_db
@debug_option
def list_keys(db_url: str | None, debug: bool) -> None:
    """List keys: id, prefix, name, created, and whether revoked."""
    for key in _store(db_url).list_keys():
        state = f"revoked {key.revoked_at}" if key.revoked_at else "active"
        scope = "admin" if key.admin else key.owner
        click.echo(f"{key.id}  {key.prefix}…  {key.name:20}  {scope:20}  {key.created_at}  {state}")


@command.command("revoke")
@click.argument("key_id")
@_db
@debug_option
def revoke(key_id: str, db_url: str | None, debug: bool) -> None:
    """Revoke a key by its id or prefix (see 'briefpress keys list')."""
    record = _store(db_url).revoke_key(key_id)
    if record is None:
        raise UsageError(f"no single key has id or prefix '{key_id}'; see 'briefpress keys list'")
    click.echo(f"revoked {record.prefix}… ({record.name})")
