"""The FastAPI application: ``create_app(Settings())``. ``briefpress serve`` runs it under uvicorn."""

from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import BriefpressError, InputError, UsageError
from ..store import Store, open_store
from . import service
from .auth import RateLimiter
from .middleware import BodyLimit, HostCheck, SecurityHeaders
from .routes import health, router
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


Extension = Callable[[FastAPI], None]
_PARSE_FAILED = "There was an error parsing the body"  # FastAPI's words for a body json.loads gave up on


def create_app(settings: Settings | None = None, store: Store | None = None,
               extensions: Sequence[Extension] = ()) -> FastAPI:
    """The API; each of ``extensions`` is called with the app to add its own routes (the web editor's
    ``briefpress.web.mount``), so the API never imports what is built on it."""
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
    app.state.failures = RateLimiter(settings.auth_failures)  # wrong keys, per client address
    app.state.pool = None

    @app.exception_handler(BriefpressError)
    async def _briefpress_error(_: Request, exc: BriefpressError) -> JSONResponse:
        return JSONResponse({"detail": exc.message, "code": exc.code}, status_code=_status(exc))

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"detail": _validation_message(exc), "errors": jsonable_errors(exc)}, status_code=422)

    _handlers(app)
    app.include_router(router)
    app.include_router(health)
    for extend in extensions:
        extend(app)

    # Outermost last: headers go on every answer, the body limit applies before anything reads.
    app.add_middleware(BodyLimit, limit=settings.max_body)
    if settings.no_auth:
        app.add_middleware(HostCheck, allowed=settings.allowed_hosts())
    app.add_middleware(SecurityHeaders)
    return app


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 400 and exc.detail == _PARSE_FAILED:
            return JSONResponse({"detail": "the request body is not JSON that can be read (nested too deeply?); "
                                 "send one JSON object as /docs shows"}, status_code=400)
        return await http_exception_handler(request, exc)

    @app.exception_handler(RecursionError)
    async def _too_deep(_: Request, exc: RecursionError) -> JSONResponse:
        return JSONResponse({"detail": "the input is nested too deeply to read; flatten it"}, status_code=422)

    @app.exception_handler(Exception)
    async def _bug(_: Request, exc: Exception) -> JSONResponse:
        # The exception's text may quote user data or internals: it goes to the log, under an id the
        # caller can report, and the answer says only that.
        request_id = uuid.uuid4().hex[:12]
        log.error("unhandled error, request id %s", request_id, exc_info=exc)
        return JSONResponse({"detail": f"internal error; report it with request id {request_id}",
                             "request_id": request_id}, status_code=500)


def jsonable_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    return [{"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")} for e in exc.errors()]
