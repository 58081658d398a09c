"""``briefpress serve``: the HTTP API and the web editor, under uvicorn."""

from __future__ import annotations

import click

from ..errors import UsageError

# The same flag as briefpress.cli.debug_option, declared here so that importing this module never
# imports briefpress.cli (which loads the command modules: `python -m briefpress.cli` would loop).
debug_option = click.option("--debug", is_flag=True, help="Show tracebacks for errors.")


def _need_server_extra() -> None:
    try:
        import fastapi  # noqa: F401
        import sqlalchemy  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError as exc:
        raise UsageError(f"the server needs more packages ({exc.name} is missing); "
                         "run: pip install 'briefpress[server]'") from exc


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option("--db", "db_url", metavar="URL", help="SQLAlchemy URL (default: SQLite in the user data folder).")
@click.option("--no-auth", is_flag=True, help="Serve /v1 without API keys; only allowed on a loopback address.")
@click.option("--workers", type=click.IntRange(1, 64), help="Articles written at once (default: cores, at most 4).")
@click.option("--rate-limit", type=click.IntRange(0), default=120, show_default=True,
              help="Requests a minute per API key; 0 turns the limit off.")
@click.option("--max-body", type=click.IntRange(1024), default=5 * 1024 * 1024, show_default=True,
              help="Largest request body in bytes.")
@click.option("--stale-after", type=click.FloatRange(1.0), default=10.0, show_default=True,
              help="Seconds without a heartbeat before another worker takes over a running job.")
@click.option("--job-timeout", type=click.FloatRange(1.0), default=300.0, show_default=True,
              help="Seconds one article may take; a job past it is stopped and failed with the reason.")
@click.option("--threads", "use_threads", is_flag=True,
              help="Write in threads of the server process instead of child processes.")
@debug_option
def command(host: str, port: int, db_url: str | None, no_auth: bool, workers: int | None, rate_limit: int,
            max_body: int, stale_after: float, job_timeout: float, use_threads: bool, debug: bool) -> None:
    """Serve the HTTP API (/v1, docs at /docs) and the web editor (/)."""
    _need_server_extra()
    import logging

    import uvicorn

    from ..api import Settings, create_app
    from ..api.settings import is_loopback
    from ..web import mount

    if no_auth and not is_loopback(host):
        raise UsageError(f"--no-auth serves anyone who can reach {host}; bind to 127.0.0.1, "
                         "or create a key with 'briefpress keys create'")
    settings = Settings(db_url=db_url, no_auth=no_auth, rate_limit=rate_limit, max_body=max_body,
                        stale_after=stale_after, heartbeat=min(2.0, stale_after / 3), processes=not use_threads,
                        host=host, job_timeout=job_timeout)
    if workers:
        settings.workers = workers
    logging.basicConfig(level=logging.DEBUG if debug else logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    from ..store import open_store

    # Open and migrate the database here, so a bad --db is one line and exit 2, not a startup traceback.
    store = open_store(db_url)
    app = create_app(settings, store=store, extensions=[mount])
    # uvicorn waits for open connections this long on SIGTERM; the lifespan's shutdown then gives the
    # articles being written Settings.shutdown_grace before their writers are ended.
    uvicorn.run(app, host=host, port=port, log_level="debug" if debug else "info",
                timeout_graceful_shutdown=int(settings.shutdown_grace))
