"""The FastAPI application: ``create_app(Settings())``. ``briefpress serve`` runs it under uvicorn."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from .. import __version__
from ..errors import BriefpressError, InputError, UsageError
from ..store import Store, open_store
from . import service
from .auth import RateLimiter
from .middleware import BodyLimit, SecurityHeaders
from .settings import Settings
from .workers import WorkerPool

log = logging.getLogger(__name__)


def _status(exc: BriefpressError) -> int:
    if isinstance(exc, service.NotFound):
        return 404
    if isinstance(exc, service.Unavailable):
        return 503
    if isinstance(exc, (InputError, UsageError)):
        return 422
    return 500


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        loc = ".".join(str(p) for p in err.get("loc", ()) if p != "body") or "body"
        parts.append(f"{loc}: {err.get('msg', 'invalid')}")
    return "bad request: " + "; ".join(parts)


def create_app(settings: Settings | None = None, store: Store | None = None) -> FastAPI:
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        own_store = store is None
        app.state.store = store or open_store(settings.db_url)
        if store is not None:
            store.migrate()
        app.state.pool = WorkerPool(app.state.store, settings)
        if settings.start_workers:
            app.state.pool.start()
        try:
            yield
        finally:
            app.state.pool.stop()
            if own_store:
                app.state.store.close()

    app = FastAPI(
        title="briefpress",
        version=__version__,
        description="News briefs into grounded, search-structured articles. Every /v1 route needs "
                    "'Authorization: Bearer KEY' (see `briefpress keys create`).",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.limiter = RateLimiter(settings.rate_limit)
    app.state.pool = None

    @app.exception_handler(BriefpressError)
    async def _briefpress_error(_: Request, exc: BriefpressError) -> JSONResponse:
        return JSONResponse({"detail": exc.message, "code": exc.code}, status_code=_status(exc))

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"detail": _validation_message(exc), "errors": jsonable_errors(exc)}, status_code=422)

    @app.exception_handler(Exception)
    async def _bug(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error")
        return JSONResponse({"detail": f"internal error: {type(exc).__name__}: {exc}; report it"}, status_code=500)

    from .routes import health, router

    app.include_router(router)
    app.include_router(health)
    try:
        from ..web import mount as mount_web
    except ImportError:  # the web editor is optional in a trimmed build
        pass
    else:
        mount_web(app)

    # Outermost last: headers go on every answer, the body limit applies before anything reads.
    app.add_middleware(BodyLimit, limit=settings.max_body)
    app.add_middleware(SecurityHeaders)
    return app


def jsonable_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    return [{"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")} for e in exc.errors()]
