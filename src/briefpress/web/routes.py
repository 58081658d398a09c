"""Pages and form endpoints of the web editor. The browser holds its API key in an HttpOnly cookie."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from ..api import checks, parts, service
from ..api.auth import count_failure, too_many_failures
from ..api.routes import scope_of
from ..engines import available as available_engines
from ..errors import BriefpressError, InputError
from ..models import Article
from ..reader import decode
from ..render import render
from ..render.html import script_json
from ..store import KeyRecord, Store
from .annotate import annotate

STATIC_DIR = Path(__file__).parent / "static"
COOKIE = "briefpress_key"
router = APIRouter(include_in_schema=False)
DOWNLOADS = {"txt": ("text", "text/plain; charset=utf-8"), "md": ("md", "text/markdown; charset=utf-8"),
             "html": ("html", "text/html; charset=utf-8"), "json": ("json", "application/json")}


class NeedLogin(Exception):
    pass


@lru_cache(maxsize=1)
def _env() -> Environment:
    env = Environment(loader=PackageLoader("briefpress", "web/templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["script_json"] = lambda data: Markup(script_json(data))
    return env


def page(name: str, status: int = 200, headers: dict[str, str] | None = None, **context: Any) -> HTMLResponse:
    return HTMLResponse(_env().get_template(name).render(**context), status_code=status, headers=headers)


def fragment(name: str, **context: Any) -> str:
    return _env().get_template(name).render(**context)


def _store(request: Request) -> Store:
    return request.app.state.store  # type: ignore[no-any-return]


def _key(request: Request) -> KeyRecord | None:
    """The signed-in key, None under --no-auth; NeedLogin when there is none."""
    if request.app.state.settings.no_auth:
        return None
    token = request.cookies.get(COOKIE)
    key = _store(request).check_key(token) if token else None
    if key is None:
        raise NeedLogin
    return key


def _same_origin(request: Request) -> bool:
    # The cookie is SameSite=Strict already; checking Origin too refuses any cross-site form post.
    origin = request.headers.get("origin")
    if not origin or origin == "null":
        return origin is None
    return urlsplit(origin).netloc == request.headers.get("host", "")


def _guard(request: Request, post: bool = False) -> KeyRecord | None | Response:
    if post and not _same_origin(request):
        return PlainTextResponse("cross-site request refused", status_code=403)
    try:
        key = _key(request)
    except NeedLogin:
        if request.headers.get("accept", "").startswith("application/json") or post:
            return JSONResponse({"detail": "sign in again: your API key is missing or revoked"}, status_code=401)
        return RedirectResponse("/login", status_code=303)
    wait = request.app.state.limiter.check(key.id if key else "web")
    if wait > 0:
        return JSONResponse({"detail": f"rate limit reached; retry in {wait:.1f} s"}, status_code=429,
                            headers={"Retry-After": str(max(1, round(wait)))})
    return key


def _engines() -> list[str]:
    return list(available_engines()) or ["extractive"]


@router.get("/docs", response_class=HTMLResponse)
def docs() -> Response:
    from . import swagger_assets

    return page("docs.html.j2", swagger=swagger_assets() is not None)


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request) -> Response:
    return page("login.html.j2", error=None)


@router.post("/login")
def login(request: Request, key: str = Form("")) -> Response:
    if not _same_origin(request):
        return PlainTextResponse("cross-site request refused", status_code=403)
    wait = too_many_failures(request)
    if wait > 0:
        return page("login.html.j2", status=429, headers={"Retry-After": str(max(1, round(wait)))},
                    error=f"Too many wrong keys from this address; try again in {wait:.0f} s.")
    if _store(request).check_key(key.strip()) is None:
        count_failure(request)
        return page("login.html.j2", status=401,
                    error="That key is unknown or revoked; create one with 'briefpress keys create'.")
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(COOKIE, key.strip(), httponly=True, samesite="strict", path="/",
                        secure=request.url.scheme == "https")
    return response


@router.post("/logout")
def logout(request: Request) -> Response:
    if not _same_origin(request):
        return PlainTextResponse("cross-site request refused", status_code=403)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response


@router.get("/", response_class=HTMLResponse)
def index(request: Request) -> Response:
    key = _guard(request)
    if isinstance(key, Response):
        return key
    return page("index.html.j2", engines=_engines(), error=None, form={}, no_auth=request.app.state.settings.no_auth,
                recent=_store(request).recent_articles(scope=scope_of(key)))


async def _text_of(upload: UploadFile | None) -> str:
    if upload is None or not upload.filename:
        return ""
    data = await upload.read()
    return decode(data, upload.filename) if data else ""


@router.post("/generate")
async def generate(request: Request, brief: str = Form(""), sources: str = Form(""), engine: str = Form("extractive"),
                   keyphrase: str = Form(""), brief_file: UploadFile | None = None,
                   source_files: list[UploadFile] | None = None) -> Response:
    key = _guard(request, post=True)
    if isinstance(key, Response):
        return key
    form = {"brief": brief, "sources": sources, "engine": engine, "keyphrase": keyphrase}
    try:
        uploaded = await _text_of(brief_file)
        brief_text = uploaded or brief
        # Pasted sources are separated by a line holding only '==='.
        source_list = [s.strip() for s in sources.replace("\r\n", "\n").split("\n===\n") if s.strip()]
        for upload in source_files or []:
            text = await _text_of(upload)
            if text.strip():
                source_list.append(text)
        from starlette.concurrency import run_in_threadpool

        payload = await run_in_threadpool(service.validate_request, brief_text, source_list, engine, keyphrase)
        job = await run_in_threadpool(service.submit, _store(request), payload, key)
    except BriefpressError as exc:
        return page("index.html.j2", status=422, engines=_engines(), error=exc.message, form=form,
                    no_auth=request.app.state.settings.no_auth)
    request.app.state.pool.notify()
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


@router.get("/jobs/{job_id}", response_class=HTMLResponse)
def job_page(job_id: str, request: Request) -> Response:
    key = _guard(request)
    if isinstance(key, Response):
        return key
    job = _store(request).get_job(job_id, scope_of(key))
    if job is None:
        return page("error.html.j2", status=404, message=f"There is no job {job_id}.")
    return page("job.html.j2", job=job.public())


@router.get("/jobs/{job_id}/state")
def job_state(job_id: str, request: Request) -> Response:
    key = _guard(request)
    if isinstance(key, Response):
        return key
    job = _store(request).get_job(job_id, scope_of(key))
    if job is None:
        return JSONResponse({"detail": f"no job {job_id}"}, status_code=404)
    return JSONResponse(job.public())


def _editor_context(article_id: str, record: Any) -> dict[str, Any]:
    data = record.data
    annotated = annotate(data)
    try:
        reports = checks.seo(Article.model_validate(data))
    except Exception:  # an SEO bug must not hide the article; the panel says the checks failed
        reports = {"error": "the SEO checks failed on this article"}
    return {"article_id": article_id, "a": data, "ann": annotated, "version": record.version,
            "reports": reports, "checks_available": checks.available()}


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(article_id: str, request: Request, version: int | None = None) -> Response:
    key = _guard(request)
    if isinstance(key, Response):
        return key
    store = _store(request)
    record = store.get_version(article_id, version, scope_of(key))
    if record is None:
        return page("error.html.j2", status=404, message=f"There is no article {article_id}" +
                    (f" version {version}." if version else "."))
    versions = store.list_versions(article_id, scope_of(key))
    return page("article.html.j2", versions=versions, **_editor_context(article_id, record))


@router.post("/articles/{article_id}/sentence")
async def edit_sentence(article_id: str, request: Request) -> Response:
    """Replace one sentence, save a new version, and answer with the re-checked article pane."""
    key = _guard(request, post=True)
    if isinstance(key, Response):
        return key
    try:
        body = json.loads(await request.body() or b"{}")
        part, old, new = str(body["part"]), str(body["old"]), str(body["new"])
    except (ValueError, KeyError, TypeError):
        return JSONResponse({"detail": "send JSON with part, old and new"}, status_code=422)
    from starlette.concurrency import run_in_threadpool

    scope = scope_of(key)

    def save() -> Any:
        store = _store(request)
        current = service.version_or_404(store, article_id, scope=scope)
        data = json.loads(json.dumps(current.data))
        parts.replace_sentence(data, part, old, new)
        return service.save_edit(store, article_id, service.parse_article(data), note=f"edited {part}", scope=scope)

    try:
        record = await run_in_threadpool(save)
    except service.NotFound as exc:
        return JSONResponse({"detail": exc.message}, status_code=404)
    except InputError as exc:
        return JSONResponse({"detail": exc.message}, status_code=422)
    context = _editor_context(article_id, record)
    return JSONResponse({"version": record.version,
                         "article": fragment("_article.html.j2", **context),
                         "checks": fragment("_checks.html.j2", **context)})


@router.get("/articles/{article_id}/download.{fmt}")
def download(article_id: str, fmt: str, request: Request, version: int | None = None) -> Response:
    key = _guard(request)
    if isinstance(key, Response):
        return key
    if fmt not in DOWNLOADS:
        return PlainTextResponse(f"unknown format {fmt}; choose txt, md, html or json", status_code=404)
    record = _store(request).get_version(article_id, version, scope_of(key))
    if record is None:
        return PlainTextResponse(f"no article {article_id}", status_code=404)
    article = Article.model_validate(record.data)
    renderer, media = DOWNLOADS[fmt]
    filename = f"{article.slug or 'article'}-v{record.version}.{fmt}"
    return Response(render(article, renderer), media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})
