"""Evidence from outside the brief: source pages by URL, and the newsroom's archive as background.

``resolve_sources`` turns the sources given as URLs into fetched pages (name, HTML) with their
metadata, before ingest reads them like any saved page; the CLI, the API's jobs and batch call it
alike. ``resolve_brief`` does the same for the URLs a JSON brief lists in "sources". Before the
seo stage scores the page, ``page_evidence`` adds what the page shows: the links to the sources
that have URLs and the archive's background (``Options.archive``) with links to the archive
articles drawn on; the package stage's ``package_evidence`` then joins the background's sources
and facts to the run and adds the lead image of a source page or the user's own picture. Nothing
is invented: a link needs a URL the evidence gives, an image a page or a user that gives it, and
its alt text is the page's or the user's words.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .errors import UsageError
from .limits import check_json_depth
from .models import Article, Background, Fact, Link, Options, Picture, Run, Source
from .reader import main_text, sniff
from .text import split_sentences

if TYPE_CHECKING:
    from .pagemeta import PageMeta

# At most this many sentences of one archive passage: context, not a second story.
BACKGROUND_SENTENCES = 2
BACKGROUND_PASSAGES = 3
FEED_START = ("<?xml", "<rss", "<feed", "<rdf:rdf")  # a feed given to write: its newest entry is the brief


@dataclass
class Resolved:
    """Sources ready for ingest as (name, text), and the metadata of those that were fetched."""

    named: list[tuple[str, str]] = field(default_factory=list)
    meta: dict[str, dict[str, Any]] = field(default_factory=dict)


def fetch_source(url: str, *, allow_private: bool = False, refresh: bool = False) -> tuple[str, dict[str, Any]]:
    """The page at ``url`` as HTML, and its metadata as ``Source`` fields; ``InputError`` (one line)
    for a link that cannot be fetched or a page with no article text."""
    from .fetch import fetch  # httpx and trafilatura's metadata reader load only when a URL is given
    from .pagemeta import read_meta

    page = fetch(url, allow_private=allow_private, refresh=refresh)
    main_text(page.html, url)  # EmptyInputError now, naming the link, rather than deep in ingest
    meta = read_meta(page.html, page.final_url)
    return page.html, _source_fields(meta, page.final_url)


def is_url(text: str) -> bool:
    from urllib.parse import urlsplit

    text = text.strip()
    return urlsplit(text).scheme in ("http", "https") and not any(c.isspace() for c in text)


def _source_fields(meta: PageMeta, final_url: str) -> dict[str, Any]:
    fields: dict[str, Any] = {"url": meta.url or final_url}
    if meta.title:
        fields["title"] = meta.title
    if meta.date:
        fields["date"] = meta.date
    if meta.author:
        fields["author"] = meta.author
    if meta.image:
        fields["image"] = {"url": meta.image.url, "alt": meta.image.alt, "caption": meta.image.caption,
                           "credit": meta.image.credit}
    return fields


def resolve_sources(items: Iterable[tuple[str, str]], *, allow_private: bool = False,
                    refresh: bool = False) -> Resolved:
    """Sources as (name, text): a text that is a URL is fetched and replaced by its page (named by
    the URL); JSON briefs among them have their own URL sources fetched too."""
    out = Resolved()
    for name, text in items:
        if is_url(text):
            html, fields = fetch_source(text.strip(), allow_private=allow_private, refresh=refresh)
            out.named.append((text.strip(), html))
            out.meta[text.strip()] = fields
        else:
            brief = resolve_brief(name, text, allow_private=allow_private, refresh=refresh)
            out.named.extend(brief.named)
            out.meta.update(brief.meta)
    return out


def resolve_brief(name: str, text: str, *, allow_private: bool = False, refresh: bool = False) -> Resolved:
    """A brief as (name, text); a JSON brief whose "sources" list URLs (a string, or an object with
    a "url" and no "text") gets those pages' text in their place, as saved-page sources."""
    if sniff(text, name) != "json":
        return Resolved(named=[(name, text)])
    check_json_depth(text, name)  # before json.loads, which recurses once per level
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return Resolved(named=[(name, text)])  # ingest says what is wrong with it
    if not isinstance(data, dict) or not isinstance(data.get("sources"), list):
        return Resolved(named=[(name, text)])
    out = Resolved()
    kept: list[Any] = []
    for item in data["sources"]:
        url = item if isinstance(item, str) and is_url(item) else (
            item.get("url") if isinstance(item, dict) and not item.get("text") else None)
        if not isinstance(url, str) or not is_url(url):
            kept.append(item)
            continue
        html, fields = fetch_source(url.strip(), allow_private=allow_private, refresh=refresh)
        kept.append({"name": url.strip(), "text": html})
        out.meta[url.strip()] = fields
    data["sources"] = kept
    out.named.insert(0, (name, json.dumps(data, ensure_ascii=False) if out.meta else text))
    return out


def cli_sources(name: str, brief: bytes | str, sources: Iterable[tuple[str, bytes | str]], *,
                allow_private: bool = False, refresh: bool = False) -> tuple[str, Resolved]:
    """The brief's text (a feed's newest entry; its JSON "sources" URLs fetched in) and the further
    sources resolved, with all the fetched pages' metadata in the second's ``meta``."""
    from .reader import decode

    text = decode(brief, name) if isinstance(brief, bytes) else brief
    if text.lstrip("\ufeff \t\r\n")[:512].lower().startswith(FEED_START):
        from .batch.feeds import first_entry_brief

        text = first_entry_brief(text.encode("utf-8"), name)
    own = resolve_brief(name, text, allow_private=allow_private, refresh=refresh)
    further = resolve_sources([(n, decode(t, n) if isinstance(t, bytes) else t) for n, t in sources],
                              allow_private=allow_private, refresh=refresh)
    further.meta.update(own.meta)
    return own.named[0][1], further


def attach_meta(sources: Sequence[Source], meta: dict[str, dict[str, Any]]) -> list[Source]:
    """The sources with the fetched pages' metadata on those named by their URL."""
    out = []
    for source in sources:
        fields = meta.get(source.name)
        if fields:
            update = dict(fields)
            if "image" in update:
                update["image"] = Picture(**update["image"], source=source.name)
            if source.title and "title" in update:
                update.pop("title")  # the extractor's title is the article's own headline
            source = source.model_copy(update=update)
        out.append(source)
    return out


def check_links(texts: Iterable[str]) -> None:
    """Refuse, before any work, a link that is not http(s) or that points to a private or local
    address: what the HTTP service asks of every source link (the fetch checks each hop again)."""
    from .fetch import check_address

    for text in texts:
        if is_url(text):
            check_address(text.strip(), allow_private=False)


def archive_request(store_url: str) -> dict[str, Any]:
    """What an API write request with ``"archive": true`` adds to its job: the service's own store."""
    if not store_url.startswith("sqlite"):
        raise UsageError('the archive needs the SQLite store; serve with --db sqlite:///PATH to use "archive"')
    return {"archive": True, "archive_db": store_url}


def check_image(url: str | None, alt: str | None) -> None:
    if alt is not None and not url:
        raise UsageError("--image-alt describes a picture; give the picture with --image URL")
    if url and not is_url(url):
        raise UsageError(f"--image {url}: give the picture's http:// or https:// address")
    if url and not (alt or "").strip():
        raise UsageError("--image needs --image-alt TEXT: a short description of the picture for readers "
                         "who cannot see it")


def package_evidence(run: Run) -> Article:
    """The article with the archive's background sources and facts joined to the run, its links
    and its picture."""
    article = run.article
    assert article is not None
    if run.archive is not None:
        sources, facts = run.archive
        run.sources, run.facts, run.archive = [*run.sources, *sources], [*run.facts, *facts], None
        article = article.model_copy(update={"sources": run.sources, "facts": run.facts})
    article = article.model_copy(update={"links": links(run.sources), "image": picture(run.options, run.sources)})
    if article.image is None and not article.background:
        return article
    # The seo stage scored the page before the picture joined it: the package's report
    # describes the page as it ships.
    from .seo import analyze

    result = analyze(article)
    return article.model_copy(update={"seo": result.seo.to_dict(), "readability": result.readability.to_dict()})


def page_evidence(run: Run) -> Article:
    """The article with what its evidence shows on the page before the seo stage scores it: the
    sources' links and the archive's background (when asked), with its links. The background's
    sources and facts wait in ``run.archive`` until the package stage, so that no archive
    sentence can reach the lead, meta description or headline."""
    article = run.article
    assert article is not None
    if not run.options.archive:
        return article.model_copy(update={"links": links(run.sources)})
    background, sources, facts = archive_background(run)
    run.archive = (sources, facts)
    return article.model_copy(update={"background": background, "links": links([*run.sources, *sources])})


def links(sources: Iterable[Source]) -> list[Link]:
    """One link per distinct URL among the sources: source pages, then archive articles."""
    seen: set[str] = set()
    out: list[Link] = []
    for source in sources:
        if not source.url or source.url in seen or not is_url(source.url):
            continue
        seen.add(source.url)
        out.append(Link(title=source.title or source.name, url=source.url,
                        rel="archive" if source.kind == "archive" else "source", date=source.date))
    return sorted(out, key=lambda link: link.rel == "archive")


def picture(options: Options, sources: Iterable[Source]) -> Picture | None:
    """The user's picture, else the first source page's lead image."""
    if options.image_url:
        check_image(options.image_url, options.image_alt)
        return Picture(url=options.image_url, alt=(options.image_alt or "").strip(), source="user")
    return next((s.image for s in sources if s.image is not None), None)


def archive_background(run: Run) -> tuple[list[Background], list[Source], list[Fact]]:
    """Passages of the archive on the brief's subject, as background sources and facts (role
    ``background``) and the package's background items that cite them."""
    from .store import open_store
    from .store.archive import Archive, background

    outline = run.outline
    assert outline is not None
    lead = outline.lead.text
    query = " ".join(f.text for f in outline.summary_facts)
    store = open_store(run.options.archive_db)
    try:
        passages = background(Archive(store), lead, query, limit=BACKGROUND_PASSAGES)
    finally:
        store.close()
    items: list[Background] = []
    sources: list[Source] = []
    facts: list[Fact] = []
    number = len(run.sources)
    for passage in passages:
        number += 1
        source = Source(id=f"S{number}", name=passage.url or f"archive:{passage.article_id}", kind="archive",
                        text=passage.text, title=passage.title, url=passage.url, date=passage.date)
        spans = split_sentences(passage.text)[:BACKGROUND_SENTENCES]
        if not spans:
            continue
        own = [Fact(id=f"{source.id}.F{i}", text=s.text, source=source.name, start=s.start, end=s.end,
                    role="background") for i, s in enumerate(spans, start=1)]
        sources.append(source)
        facts.extend(own)
        items.append(Background(text=" ".join(f.text for f in own), facts=[f.id for f in own],
                                title=passage.title, url=passage.url, date=passage.date))
    return items, sources, facts
