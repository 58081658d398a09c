"""What both the JSON API and the web editor do with articles: submit, read, edit, audit."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from .. import jsonld
from ..errors import InputError, UsageError
from ..evidence import check_links, is_url
from ..models import Article, Evidence, Options
from ..store import JobRecord, KeyRecord, Store, VersionRecord
from . import checks

MAX_SOURCES = 20


def validate_request(brief: str, sources: list[str], engine: str, keyphrase: str | None) -> dict[str, Any]:
    """Check a write request before it is queued, so bad input gets a 422 and not a failed job."""
    from ..engines import engine_class
    from ..ingest import ingest
    from ..models import Run

    if not brief.strip():
        raise InputError("the brief is empty; paste a lead sentence and a few key points")
    if len(sources) > MAX_SOURCES:
        raise InputError(f"{len(sources)} sources given, at most {MAX_SOURCES}; merge some of them")
    engine_class(engine)  # UsageError names the engines there are
    check_links(sources)  # a link to a private or local address gets a 4xx here; the job checks again
    # Ingest is cheap: a brief with no sentence fails here, with ingest's own message.
    ingest(Run(options=Options(engine=engine)), brief,
           sources=[(f"source{i}", s) for i, s in enumerate(sources, start=1) if s.strip() and not is_url(s)])
    return {"brief": brief, "sources": [s for s in sources if s.strip()], "engine": engine,
            "keyphrase": (keyphrase or "").strip() or None}


def write_options(request: dict[str, Any]) -> Options:
    """The ``Options`` a queued write request (``validate_request``'s form) asks for."""
    return Options(engine=request.get("engine") or "extractive", keyphrase=request.get("keyphrase") or None,
                   archive=bool(request.get("archive")), archive_db=request.get("archive_db"))


def submit(store: Store, request: dict[str, Any], key: KeyRecord | None) -> JobRecord:
    return store.create_job(request, key.id if key else None)


def parse_article(data: Any) -> Article:
    from pydantic import ValidationError

    if not isinstance(data, dict):
        raise InputError("the article must be a JSON object in the briefpress.article/1 form")
    try:
        return Article.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'article'}: {err['msg']}" for err in exc.errors()[:5]
        )
        raise InputError(f"not a valid briefpress article: {problems}") from exc


def _sentences_in(article: Article) -> set[str]:
    data = article.to_json_dict()
    texts: list[str] = [data["headline"], data["meta_description"], data["conclusion"], *data["summary"], *data["body"]]
    for part in ("sections", "faq"):
        texts += [s["question"] + " " + s["answer"] for s in data[part]]
    texts += [t["label"] + ": " + t["text"] for t in data["takeaways"]]
    return {" ".join(t.split()) for t in texts}


def _evidence_after_edit(article: Article, report: dict[str, Any] | None) -> list[Evidence]:
    """Keep the evidence of sentences still there; new sentences get the facts the verifier found."""
    everything = " ".join(_sentences_in(article))
    kept = [e for e in article.evidence if " ".join(e.sentence.split()) in everything]
    known = {e.sentence for e in kept}
    for sentence in (report or {}).get("sentences", []):
        text = sentence.get("text", "")
        if not text or text in known:
            continue
        facts = []
        for ev in sentence.get("evidence", []):
            for fact in article.facts:
                overlaps = fact.start < ev.get("end", -1) and ev.get("start", -1) < fact.end
                if fact.source == ev.get("source") and overlaps:
                    facts.append(fact.id)
        no_claim = sentence.get("verdict") == "no_claim"
        kept.append(Evidence(part=sentence.get("part", ""), sentence=text, facts=sorted(set(facts)), no_claim=no_claim))
    return kept


def save_edit(store: Store, article_id: str, edited: Article, note: str = "edited") -> VersionRecord | None:
    """A new version from an edited article: the sources stay those it was written from, re-audited."""
    previous = store.get_version(article_id)
    if previous is None:
        return None
    original = Article.model_validate(previous.data)
    now = datetime.now(UTC).replace(microsecond=0).isoformat()
    # The sources and facts are what the article is checked against: an edit cannot change them.
    article = edited.model_copy(update={"sources": original.sources, "facts": original.facts, "date_modified": now})
    article = checks.refresh_seo(checks.recheck(article))
    article = article.model_copy(update={"evidence": _evidence_after_edit(article, article.grounding)})
    article = article.model_copy(update={"jsonld": jsonld.build(article)})
    return store.add_version(article_id, article.to_json_dict(), note=note)


def version_or_404(store: Store, article_id: str, version: int | None = None) -> VersionRecord:
    record = store.get_version(article_id, version)
    if record is None:
        what = f"version {version} of article {article_id}" if version else f"article {article_id}"
        raise NotFound(f"{what} does not exist; list articles' versions with GET /v1/articles/{{id}}/versions")
    return record


class NotFound(UsageError):
    code = "E404"


class Unavailable(UsageError):
    code = "E503"
