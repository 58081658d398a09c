"""The runner: one ``Run`` through ingest, plan, write and finish, in that order.

Each stage declares what it needs from the run and what it fills; the runner checks both, so a
stage that forgets its output fails at once with the stage's name, not three stages later.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timezone

from . import ingest as ingest_stage
from . import jsonld
from .engines import ProgressCallback, engine_class, get_engine
from .errors import BriefpressError, InternalError, UsageError
from .models import Article, Options, Run
from .plan import build_outline, make_slug, name_tags


@dataclass(frozen=True)
class Stage:
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    func: Callable[[Run, ProgressCallback | None], Run]


def _write(run: Run, progress: ProgressCallback | None) -> Run:
    engine = get_engine(run.options.engine, **run.options.engine_options)
    outline = build_outline(run.facts, keyphrase=run.options.keyphrase)
    draft = engine.write(run, outline, progress)
    created = normalize_date(run.options.created) if run.options.created else _now()
    published = normalize_date(run.options.date) if run.options.date else created
    slug = make_slug(draft.headline, outline.keyphrase)
    url = f"{run.options.site_url.rstrip('/')}/{slug}/" if run.options.site_url else None
    article = Article(
        headline=draft.headline,
        slug=slug,
        keyphrase=outline.keyphrase,
        meta_description=draft.meta_description,
        summary=draft.summary,
        sections=draft.sections,
        faq=draft.faq,
        takeaways=draft.takeaways,
        conclusion=draft.conclusion,
        body=draft.body,
        facts=run.facts,
        evidence=draft.evidence,
        engine=engine.name,
        created=created,
        tags=_tags(outline.keyphrase, run),
        author=run.options.author,
        date_published=published,
        date_modified=published,
        url=url,
        sources=run.sources,
        repairs=draft.repairs,
    )
    run.article = article.model_copy(update={"jsonld": jsonld.build(article)})
    return run


def _verify(run: Run, progress: ProgressCallback | None) -> Run:
    from .verify.stage import verify_run  # imported lazily: the verifier loads spaCy on first use

    return verify_run(run, progress)


def _seo(run: Run, progress: ProgressCallback | None) -> Run:
    from .seo.stage import seo_run

    return seo_run(run, progress)


STAGES: tuple[Stage, ...] = (
    Stage("write", requires=("facts",), assigns=("article",), func=_write),
    Stage("verify", requires=("facts", "article"), assigns=("article",), func=_verify),
    Stage("seo", requires=("facts", "article"), assigns=("article",), func=_seo),
)


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def normalize_date(value: str) -> str:
    """An ISO 8601 date or date-time, returned with a time zone (UTC when none is given)."""
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError as exc:
        raise UsageError(
            f"--date '{value}' is not an ISO 8601 date; write it like 2026-11-25 or 2026-11-25T09:30:00+01:00"
        ) from exc
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed.isoformat()


def _tags(keyphrase: str, run: Run) -> list[str]:
    """The keyphrase and the brief's most-mentioned whole names (see ``plan.name_tags``)."""
    return name_tags(keyphrase, run.facts)


def run_stages(run: Run, progress: ProgressCallback | None = None, stages: Iterable[Stage] = STAGES) -> Run:
    for stage in stages:
        for need in stage.requires:
            if not getattr(run, need):
                raise InternalError(f"stage '{stage.name}' needs '{need}', which no earlier stage filled; report this bug")
        if progress:
            progress("stage", {"stage": stage.name})
        try:
            result = stage.func(run, progress)
        except BriefpressError:
            raise
        except Exception as exc:  # a bug: keep the cause for --debug, give the user one line
            raise InternalError(f"internal error in stage '{stage.name}': {type(exc).__name__}: {exc}; rerun with --debug and report it") from exc
        if not isinstance(result, Run):
            raise InternalError(f"stage '{stage.name}' returned {type(result).__name__}, not a Run; report this bug")
        for given in stage.assigns:
            if getattr(result, given) is None:
                raise InternalError(f"stage '{stage.name}' did not fill '{given}'; report this bug")
        run = result
    return run


def write(
    brief: str | bytes,
    sources: Iterable[str | bytes | tuple[str, str | bytes]] = (),
    engine: str = "extractive",
    *,
    keyphrase: str | None = None,
    author: str | None = None,
    date: str | None = None,
    site_url: str | None = None,
    brief_name: str = "brief",
    created: str | None = None,
    progress: ProgressCallback | None = None,
    **engine_options: object,
) -> Article:
    """Write an article package from a brief (text or bytes in any form ingest reads).

    ``sources`` are further texts, or ``(name, text)`` pairs; their facts may be used too.
    ``created`` fixes the article's creation time (ISO 8601) instead of the clock, so the same
    input gives the same bytes; the publication date defaults to it when ``date`` is not given.
    """
    options = Options(
        engine=engine, keyphrase=keyphrase, author=author, date=date, site_url=site_url,
        created=created, engine_options=dict(engine_options),
    )
    # Fail on a bad date or engine name before any work is done.
    if date:
        normalize_date(date)
    if created:
        normalize_date(created)
    engine_class(engine)
    named = [s if isinstance(s, tuple) else (f"source{i}", s) for i, s in enumerate(sources, start=1)]
    run = ingest_stage.ingest(Run(options=options), brief, brief_name=brief_name, sources=named)
    if progress:
        progress("ingested", {"sources": len(run.sources), "facts": len(run.facts)})
    run = run_stages(run, progress)
    assert run.article is not None  # run_stages checked it
    return run.article
