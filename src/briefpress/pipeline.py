"""The runner: one ``Run`` from ingest through the stages, in the order of ``STAGES``.

``briefpress.write`` (what ``briefpress write`` calls before it renders) ingests the brief into
facts, then each stage fills its product on the run: ``plan`` the outline,
``write`` the engine's draft and the article assembled from it, ``address`` the article's slug,
URL and tags, ``verify`` the grounding report (repairing the article in strict mode), ``seo`` the
SEO and readability result (fixing the article within the grounding rules), and ``package`` the
JSON-LD of the final article. Each stage declares what it needs from the run and what it fills;
the runner checks both, so a stage that forgets its output fails at once with the stage's name,
not three stages later.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from typing import Any

from . import evidence, jsonld
from . import ingest as ingest_stage
from .engines import ProgressCallback, engine_class, get_engine
from .errors import BriefpressError, InternalError, UsageError
from .models import Article, Options, Run
from .plan import build_outline, make_slug, name_tags
from .plan.crossheads import with_crossheads
from .seo.stage import seo_run
from .urls import check_web_url
from .verify.stage import verify_run


@dataclass(frozen=True)
class Stage:
    """One step of ``write``. ``requires`` and ``assigns`` name products on the run, or fields of
    its article ("article.slug"); a product counts as filled when it is neither None nor empty."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    func: Callable[[Run, ProgressCallback | None], Run]


def _plan(run: Run, progress: ProgressCallback | None) -> Run:
    run.outline = build_outline(run.facts, keyphrase=run.options.keyphrase)
    return run


def _write(run: Run, progress: ProgressCallback | None) -> Run:
    assert run.outline is not None  # the runner checked it
    engine = get_engine(run.options.engine, **run.options.engine_options)
    run.draft = engine.write(run, run.outline, progress)
    # A long body's crossheads come with the article, so verify and seo see the page it ships as.
    run.article = with_crossheads(_assemble(run, engine.name))
    return run


def _assemble(run: Run, engine_name: str) -> Article:
    """The article from the draft, its dates and byline; the ``address`` stage gives it its slug."""
    draft, outline, options = run.draft, run.outline, run.options
    assert draft is not None and outline is not None
    created = normalize_date(options.created) if options.created else _now()
    published = normalize_date(options.date) if options.date else created
    return Article(
        headline=draft.headline,
        slug="",
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
        engine=engine_name,
        created=created,
        author=options.author,
        date_published=published,
        date_modified=published,
        sources=run.sources,
        repairs=draft.repairs,
    )


def _address(run: Run, progress: ProgressCallback | None) -> Run:
    """Slug, URL and tags from the headline and keyphrase the article was written with. It comes
    before ``seo`` because the seo stage scores the page at its address, and moves the address
    when it picks another keyphrase."""
    article = run.article
    assert article is not None
    slug = make_slug(article.headline, article.keyphrase)
    url = f"{run.options.site_url.rstrip('/')}/{slug}/" if run.options.site_url else None
    tags = name_tags(article.keyphrase, run.facts)
    run.article = article.model_copy(update={"slug": slug, "url": url, "tags": tags})
    return run


def _verify(run: Run, progress: ProgressCallback | None) -> Run:
    return verify_run(run, progress)


def _seo(run: Run, progress: ProgressCallback | None) -> Run:
    # The sources' links and the archive's background first, so the stage scores the page they
    # ship on; the background's facts join the run at the package stage (see _package).
    run.article = evidence.page_evidence(run)
    return seo_run(run, progress)


def _package(run: Run, progress: ProgressCallback | None) -> Run:
    """The archive's background sources and facts, the links and the picture (after ``seo``, so
    that no archive sentence can reach the lead, meta description or headline), then the JSON-LD,
    built once, from the article as it ships."""
    article = evidence.package_evidence(run)
    run.article = article.model_copy(update={"jsonld": jsonld.build(article)})
    return run


STAGES: tuple[Stage, ...] = (
    Stage("plan", requires=("facts",), assigns=("outline",), func=_plan),
    Stage("write", requires=("facts", "outline"), assigns=("draft", "article"), func=_write),
    Stage("address", requires=("facts", "article"), assigns=("article.slug", "article.tags"), func=_address),
    Stage("verify", requires=("facts", "article"), assigns=("article.grounding", "grounding"), func=_verify),
    Stage("seo", requires=("facts", "article"), assigns=("article.seo", "seo"), func=_seo),
    Stage("package", requires=("article",), assigns=("article.jsonld",), func=_package),
)


def stages_through(last: str) -> tuple[Stage, ...]:
    """The stages up to and including the one named ``last``: a run stopped there."""
    names = [s.name for s in STAGES]
    if last not in names:
        raise UsageError(f"no stage named '{last}'; the stages are: {', '.join(names)}")
    return STAGES[: names.index(last) + 1]


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def normalize_date(value: str) -> str:
    """An ISO 8601 date or date-time, returned with a time zone (UTC when none is given)."""
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError as exc:
        raise UsageError(
            f"--date '{value}' is not an ISO 8601 date; write it like 2026-11-25 or 2026-11-25T09:30:00+01:00"
        ) from exc
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.isoformat()


def _product(run: Run, name: str) -> Any:
    """The run's product ``name`` ("outline", "article.slug"), None where a step of it is missing."""
    value: Any = run
    for step in name.split("."):
        value = getattr(value, step, None)
    return value


def _filled(value: Any) -> bool:
    return value is not None and not (isinstance(value, (str, list, tuple, dict)) and not value)


def run_stages(run: Run, progress: ProgressCallback | None = None, stages: Iterable[Stage] = STAGES) -> Run:
    for stage in stages:
        for need in stage.requires:
            if not _filled(_product(run, need)):
                raise InternalError(f"stage '{stage.name}' needs '{need}', which no earlier stage filled; "
                                    "report this bug")
        if progress:
            progress("stage", {"stage": stage.name})
        try:
            result = stage.func(run, progress)
        except BriefpressError:
            raise
        except Exception as exc:  # a bug: keep the cause for --debug, give the user one line
            raise InternalError(f"internal error in stage '{stage.name}': {type(exc).__name__}: {exc}; "
                                "rerun with --debug and report it") from exc
        if not isinstance(result, Run):
            raise InternalError(f"stage '{stage.name}' returned {type(result).__name__}, not a Run; report this bug")
        for given in stage.assigns:
            if not _filled(_product(result, given)):
                raise InternalError(f"stage '{stage.name}' did not fill '{given}'; report this bug")
        run = result
    return run


_OPTION_NAMES = frozenset(f.name for f in fields(Options)) - {"engine_options"}


def options_from(**settings: Any) -> Options:
    """An ``Options`` from keyword settings: its own fields by name, every other keyword an option
    of the engine (``model``, ``base_url``, ``responses``)."""
    engine_options = dict(settings.pop("engine_options", None) or {})
    known = {name: settings.pop(name) for name in list(settings) if name in _OPTION_NAMES}
    return Options(**known, engine_options={**engine_options, **settings})


def check_options(options: Options) -> None:
    """Fail on a bad date, site URL, picture or engine name before any work is done."""
    if options.site_url:
        check_web_url(options.site_url, "--site-url")
    if options.date:
        normalize_date(options.date)
    if options.created:
        normalize_date(options.created)
    if options.image_url or options.image_alt is not None:
        evidence.check_image(options.image_url, options.image_alt)
    engine_class(options.engine)


def write(
    brief: str | bytes,
    sources: Iterable[str | bytes | tuple[str, str | bytes]] = (),
    options: Options | None = None,
    *,
    brief_name: str = "brief",
    progress: ProgressCallback | None = None,
    **settings: Any,
) -> Article:
    """Write an article package from a brief (text or bytes in any form ingest reads).

    ``sources`` are further texts, or ``(name, text)`` pairs; their facts may be used too.
    ``options`` says how to write it (engine, keyphrase, byline, dates, site); keyword settings
    (``engine="local"``, ``date=...``, an engine's own options) are a shorthand that builds one.
    ``Options.created`` fixes the article's creation time (ISO 8601) instead of the clock, so the
    same input gives the same bytes; the publication date defaults to it when ``date`` is not given.
    """
    if options is None:
        options = options_from(**settings)
    elif settings:
        raise UsageError(f"write() got both an Options and the settings {', '.join(sorted(settings))}; "
                         "put them in the Options")
    check_options(options)
    named = [s if isinstance(s, tuple) else (f"source{i}", s) for i, s in enumerate(sources, start=1)]
    run = ingest_stage.ingest(Run(options=options), brief, brief_name=brief_name, sources=named)
    if options.source_meta:
        run.sources = evidence.attach_meta(run.sources, options.source_meta)
    if progress:
        progress("ingested", {"sources": len(run.sources), "facts": len(run.facts)})
    run = run_stages(run, progress)
    assert run.article is not None  # run_stages checked it
    return run.article
