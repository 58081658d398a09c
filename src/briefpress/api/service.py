"""What both the JSON API and the web editor do with articles: submit, read, edit, audit."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from .. import jsonld, limits
from ..errors import InputError, UsageError
from ..evidence import check_links
from ..models import Article, Evidence, Options
from ..store import JobRecord, KeyRecord, Store, VersionRecord
from ..urls import check_web_url
from . import checks

MAX_KEYPHRASE_CHARS = 200


def validate_request(brief: str, sources: list[str], engine: str, keyphrase: str | None) -> dict[str, Any]:
    """Check a write request cheaply (types, sizes, counts) before it is queued: a bad one gets a 422,
    and the heavy work (ingest and every stage) is the job's, off the request path."""
    from ..engines import available

    if not isinstance(brief, str) or not brief.strip():
        raise InputError("the brief is empty; paste a lead sentence and a few key points")
    limits.check_sources(len(sources) + 1, "the request")
    if engine not in available():
        raise UsageError(f"unknown engine '{engine}'; choose one of: {', '.join(available())}")
    if keyphrase is not None and len(keyphrase) > MAX_KEYPHRASE_CHARS:
        raise InputError(f"the keyphrase is over {MAX_KEYPHRASE_CHARS} characters; use a few words")
    limits.check_text(brief, "the brief")
    for i, source in enumerate(sources, start=1):
        limits.check_text(source, f"source {i}")
    check_links(sources)  # a link to a private or local address gets a 4xx here; the job checks again
    return {"brief": brief, "sources": [s for s in sources if s.strip()], "engine": engine,
            "keyphrase": (keyphrase or "").strip() or None}


def write_options(request: dict[str, Any]) -> Options:
    """The ``Options`` a queued write request (``validate_request``'s form) asks for."""
    return Options(engine=request.get("engine") or "extractive", keyphrase=request.get("keyphrase") or None,
                   archive=bool(request.get("archive")), archive_db=request.get("archive_db"))


def submit(store: Store, request: dict[str, Any], key: KeyRecord | None) -> JobRecord:
    """Queue the job as the key's tenant's (under --no-auth: no tenant, so only admin keys see it later)."""
    return store.create_job(request, key.id if key else None, key.owner if key else None)


def parse_article(data: Any) -> Article:
    from pydantic import ValidationError

    if not isinstance(data, dict):
        raise InputError("the article must be a JSON object in the briefpress.article/1 form")
    limits.check_data_depth(data, "the article")
    try:
        article = Article.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'article'}: {err['msg']}" for err in exc.errors()[:5]
        )
        raise InputError(f"not a valid briefpress article: {problems}") from exc
    if article.url:
        check_web_url(article.url, "the article's url")
    return article


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


def save_edit(store: Store, article_id: str, edited: Article, note: str = "edited",
              scope: str | None = None) -> VersionRecord | None:
    """A new version from an edited article: the sources stay those it was written from, re-audited."""
    previous = store.get_version(article_id, scope=scope)
    if previous is None:
        return None
    original = Article.model_validate(previous.data)
    now = datetime.now(UTC).replace(microsecond=0).isoformat()
    # The sources and facts are what the article is checked against: an edit cannot change them.
    article = edited.model_copy(update={"sources": original.sources, "facts": original.facts, "date_modified": now})
    article = checks.reaudit(article)
    article = article.model_copy(update={"evidence": _evidence_after_edit(article, article.grounding)})
    article = article.model_copy(update={"jsonld": jsonld.build(article)})
    return store.add_version(article_id, article.to_json_dict(), note=note, scope=scope)


def version_or_404(store: Store, article_id: str, version: int | None = None,
                   scope: str | None = None) -> VersionRecord:
    """The version, or NotFound: another tenant's article answers exactly as a missing one."""
    record = store.get_version(article_id, version, scope)
    if record is None:
        what = f"version {version} of article {article_id}" if version else f"article {article_id}"
        raise NotFound(f"{what} does not exist; list articles' versions with GET /v1/articles/{{id}}/versions")
    return record


class NotFound(UsageError):
    code = "E404"


class Unavailable(UsageError):
    code = "E503"
