"""What both the JSON API and the web editor do with articles: submit, read, edit, audit."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from .. import jsonld
from ..errors import InputError, UsageError
from ..evidence import check_links
from ..models import Article, Evidence, Options
from ..reader import MAX_INPUT_BYTES
from ..store import JobRecord, KeyRecord, Store, VersionRecord
from ..urls import check_web_url
from . import checks

MAX_SOURCES = 20
MAX_KEYPHRASE_CHARS = 200
MAX_JSON_DEPTH = 40  # a brief or article nested deeper is not a news brief, and deep recursion is unsafe


def _check_size(text: str, what: str) -> None:
    # Characters first: no string that short can be over the byte cap, and most briefs are short.
    if len(text) * 4 > MAX_INPUT_BYTES and len(text.encode("utf-8", "surrogatepass")) > MAX_INPUT_BYTES:
        raise InputError(f"{what} is over the {MAX_INPUT_BYTES // (1024 * 1024)} MB limit; "
                         "send a shorter text or split it into several briefs")


def json_depth(data: Any) -> int:
    """How deeply lists and objects nest in parsed JSON (iterative: no recursion on hostile input)."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, (dict, list)):
            deepest = max(deepest, depth)
            if depth <= MAX_JSON_DEPTH:
                stack.extend((child, depth + 1) for child in (node.values() if isinstance(node, dict) else node))
    return deepest


def check_json_text(text: str, what: str) -> None:
    """A JSON brief or source may nest at most ``MAX_JSON_DEPTH`` deep (the C parser is fast)."""
    import json

    if text.lstrip()[:1] not in ("{", "["):
        return
    try:
        data = json.loads(text)
    except RecursionError:
        data = None
        deep = True
    except ValueError:
        return  # not JSON after all: ingest reads it as text
    else:
        deep = json_depth(data) > MAX_JSON_DEPTH
    if deep:
        raise InputError(f"{what} is JSON nested more than {MAX_JSON_DEPTH} levels deep; "
                         "flatten it to a lead and a list of points")


def validate_request(brief: str, sources: list[str], engine: str, keyphrase: str | None) -> dict[str, Any]:
    """Check a write request cheaply (types, sizes, counts) before it is queued: a bad one gets a 422,
    and the heavy work (ingest and every stage) is the job's, off the request path."""
    from ..engines import available

    if not isinstance(brief, str) or not brief.strip():
        raise InputError("the brief is empty; paste a lead sentence and a few key points")
    if len(sources) > MAX_SOURCES:
        raise InputError(f"{len(sources)} sources given, at most {MAX_SOURCES}; merge some of them")
    if engine not in available():
        raise UsageError(f"unknown engine '{engine}'; choose one of: {', '.join(available())}")
    if keyphrase is not None and len(keyphrase) > MAX_KEYPHRASE_CHARS:
        raise InputError(f"the keyphrase is over {MAX_KEYPHRASE_CHARS} characters; use a few words")
    _check_size(brief, "the brief")
    check_json_text(brief, "the brief")
    for i, source in enumerate(sources, start=1):
        _check_size(source, f"source {i}")
        check_json_text(source, f"source {i}")
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
    if json_depth(data) > MAX_JSON_DEPTH:
        raise InputError(f"the article nests more than {MAX_JSON_DEPTH} levels deep; send it as briefpress wrote it")
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
