"""The /v1 JSON API and /healthz."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Body, Depends, Query, Request, Response
from fastapi.responses import JSONResponse, PlainTextResponse
from pydantic import BaseModel, ConfigDict, Field

from ..article_audit import audit as audit_article
from ..errors import InputError
from ..evidence import archive_request
from ..models import Article
from ..render import render
from ..store import KeyRecord, Store
from . import checks, service
from .auth import require_key

router = APIRouter(prefix="/v1", dependencies=[Depends(require_key)])
health = APIRouter()

MEDIA = {"md": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8",
         "txt": "text/plain; charset=utf-8", "json": "application/json"}
RENDER_FORMAT = {"md": "md", "html": "html", "txt": "text", "json": "json"}


class WriteRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    brief: str = Field(min_length=1, description="the brief: dash layout, bullets, prose, JSON or HTML")
    sources: list[str] = Field(default_factory=list, description="further source texts, or http(s) links to "
                               "public web pages, fetched by the job (private and local addresses are refused)")
    engine: str = Field(default="extractive", description="a writing engine; see `briefpress engines`")
    keyphrase: str | None = Field(default=None, description="focus keyphrase (default: chosen from the facts)")
    archive: bool = Field(default=False, description="add dated background from the service's archive")


class Accepted(BaseModel):
    job_id: str
    state: Literal["queued"]


class JobOut(BaseModel):
    job_id: str
    state: Literal["queued", "running", "done", "failed"]
    progress: dict[str, Any]
    error: str | None
    article_id: str | None
    attempts: int
    created: str
    updated: str


class AuditRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    article: dict[str, Any] = Field(description="an article in the briefpress.article/1 JSON form")
    sources: list[str] = Field(default_factory=list, description="source texts (default: the article's own)")


class VersionOut(BaseModel):
    version: int
    created: str
    note: str
    headline: str


class ArticleOut(BaseModel):
    article_id: str
    version: int
    headline: str
    updated: str


def _store(request: Request) -> Store:
    return request.app.state.store  # type: ignore[no-any-return]


def scope_of(key: KeyRecord | None) -> str | None:
    """The tenant a caller sees; None (every tenant) for an admin key and under --no-auth."""
    return None if key is None else key.scope


@router.post("/articles", status_code=202, response_model=Accepted, summary="Queue an article to be written")
def create_article(body: WriteRequest, request: Request, response: Response,
                   key: KeyRecord | None = Depends(require_key)) -> dict[str, Any]:
    payload = service.validate_request(body.brief, body.sources, body.engine, body.keyphrase)
    if body.archive:
        payload.update(archive_request(_store(request).url))
    job = service.submit(_store(request), payload, key)
    request.app.state.pool.notify()
    response.headers["Location"] = f"/v1/jobs/{job.id}"
    return {"job_id": job.id, "state": "queued"}


@router.get("/jobs/{job_id}", response_model=JobOut, summary="A job's state and progress")
def get_job(job_id: str, request: Request, key: KeyRecord | None = Depends(require_key)) -> dict[str, Any]:
    job = _store(request).get_job(job_id, scope_of(key))
    if job is None:
        raise service.NotFound(f"job {job_id} does not exist; use the job_id that POST /v1/articles returned")
    return job.public()


@router.get("/articles", response_model=list[ArticleOut], summary="Your tenant's articles, latest changed first")
def list_articles(request: Request, key: KeyRecord | None = Depends(require_key),
                  limit: int = Query(50, ge=1, le=500)) -> list[dict[str, Any]]:
    return [{"article_id": a.id, "version": a.latest_version, "headline": headline, "updated": a.updated_at}
            for a, headline in _store(request).recent_articles(limit, scope_of(key))]


@router.get("/articles/{article_id}.{fmt}", summary="An article rendered as md, html, txt or json",
            responses={200: {"content": {m: {} for m in MEDIA.values()}}})
def get_article_rendered(article_id: str, fmt: Literal["md", "html", "txt", "json"], request: Request,
                         version: int | None = None, key: KeyRecord | None = Depends(require_key)) -> Response:
    record = service.version_or_404(_store(request), article_id, version, scope_of(key))
    article = Article.model_validate(record.data)
    return PlainTextResponse(render(article, RENDER_FORMAT[fmt]), media_type=MEDIA[fmt],
                             headers={"X-Article-Version": str(record.version)})


@router.get("/articles/{article_id}", summary="An article's JSON (latest version, or ?version=N)")
def get_article(article_id: str, request: Request, version: int | None = None,
                key: KeyRecord | None = Depends(require_key)) -> Response:
    record = service.version_or_404(_store(request), article_id, version, scope_of(key))
    return JSONResponse(record.data, headers={"X-Article-Version": str(record.version)})


@router.put("/articles/{article_id}", summary="Save an edited article as a new version, re-audited")
def put_article(article_id: str, request: Request, key: KeyRecord | None = Depends(require_key),
                body: dict[str, Any] = Body(description="the edited article, briefpress.article/1 JSON")) -> Response:
    service.version_or_404(_store(request), article_id, None, scope_of(key))
    edited = service.parse_article(body)
    record = service.save_edit(_store(request), article_id, edited, scope=scope_of(key))
    if record is None:
        raise service.NotFound(f"article {article_id} does not exist; create it with POST /v1/articles")
    return JSONResponse(record.data, headers={"X-Article-Version": str(record.version)})


@router.delete("/articles/{article_id}", status_code=204, summary="Delete an article and all its versions")
def delete_article(article_id: str, request: Request, key: KeyRecord | None = Depends(require_key)) -> Response:
    if not _store(request).delete_article(article_id, scope_of(key)):
        raise service.NotFound(f"article {article_id} does not exist; list yours with GET /v1/articles")
    return Response(status_code=204)


@router.get("/articles/{article_id}/versions", response_model=list[VersionOut], summary="Every version of an article")
def list_versions(article_id: str, request: Request,
                  key: KeyRecord | None = Depends(require_key)) -> list[dict[str, Any]]:
    versions = _store(request).list_versions(article_id, scope_of(key))
    if not versions:
        raise service.NotFound(f"article {article_id} does not exist; create it with POST /v1/articles")
    return [{"version": v.version, "created": v.created_at, "note": v.note, "headline": v.data.get("headline", "")}
            for v in versions]


@router.post("/audit", summary="Check an article against sources: grounding, SEO and readability")
def audit(body: AuditRequest) -> dict[str, Any]:
    """The one audit (``briefpress.audit``) as the CLI's JSON report: grounding, then the SEO reports."""
    article = service.parse_article(body.article)
    sources = [(f"source{i}", s) for i, s in enumerate(body.sources, start=1)] or checks.source_texts(article)
    if not sources:
        raise InputError("no sources to check the article against; send 'sources' or an article that carries them")
    return audit_article(article, sources).to_json_dict()


@health.get("/healthz", summary="Liveness: the database answers and the workers run")
def healthz(request: Request) -> dict[str, Any]:
    store = _store(request)
    store.ping()
    pool = request.app.state.pool
    return {"status": "ok", "jobs": store.count_jobs(), "workers": pool.settings.workers if pool else 0,
            "busy": pool.busy if pool else 0, "reports": checks.available()}


@health.head("/healthz", include_in_schema=False)
def healthz_head(request: Request) -> Response:
    """What a load balancer's HEAD probe needs: the database answers, and no body."""
    _store(request).ping()
    return Response(status_code=200)
