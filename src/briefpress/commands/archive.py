"""``briefpress archive``: the newsroom's published articles, kept in the store's full-text index,
for ``write --archive`` to draw dated background from (``briefpress.store.archive``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import InputError

if TYPE_CHECKING:
    from ..store.archive import Archive, NewArticle

debug_option = click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
db_option = click.option("--db", "db_url", metavar="URL", help="SQLAlchemy URL (default: as 'serve').")


def _open(db_url: str | None) -> Archive:
    from ..store import open_store
    from ..store.archive import Archive

    return Archive(open_store(db_url))


@click.group("archive")
def command() -> None:
    """The archive of published articles that 'write --archive' draws background from."""


@command.command("add")
@click.argument("items", nargs=-1, required=True, metavar="PATH|URL|FEED...")
@db_option
@click.option("--allow-private", is_flag=True, help="Fetch links on private or local addresses (intranet).")
@click.option("--refresh", is_flag=True, help="Fetch links again instead of using the page cache.")
@debug_option
def add(items: tuple[str, ...], db_url: str | None, allow_private: bool, refresh: bool, debug: bool) -> None:
    """Add published articles: saved pages, text or briefpress JSON files, web links, RSS/Atom feeds."""
    articles: list[NewArticle] = []
    for item in items:
        articles.extend(read_articles(item, allow_private=allow_private, refresh=refresh))
    archive = _open(db_url)
    ids = archive.add(articles)
    click.echo(f"added {len(ids)} article{'s' if len(ids) != 1 else ''}; the archive holds {archive.count()}")


@command.command("search")
@click.argument("query")
@db_option
@click.option("--limit", type=click.IntRange(1, 100), default=5, show_default=True, help="Passages to show.")
@click.option("--json", "as_json", is_flag=True, help="JSON lines instead of a table.")
@debug_option
def search(query: str, db_url: str | None, limit: int, as_json: bool, debug: bool) -> None:
    """The passages most relevant to QUERY, best first (BM25)."""
    for p in _open(db_url).search(query, limit=limit):
        if as_json:
            click.echo(json.dumps({"id": p.article_id, "title": p.title, "url": p.url, "date": p.date,
                                   "score": p.score, "text": p.text}, ensure_ascii=False))
        else:
            click.echo(f"{p.score:7.2f}  {p.date or '-':10.10}  {p.title}  {p.url or p.article_id}\n"
                       f"         {p.text[:160]}")


@command.command("list")
@db_option
@click.option("--limit", type=click.IntRange(1, 10000), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0)
@debug_option
def list_(db_url: str | None, limit: int, offset: int, debug: bool) -> None:
    """The archived articles, newest first: id, date, words, title and URL."""
    for a in _open(db_url).articles(limit=limit, offset=offset):
        click.echo(f"{a.id}  {a.date or '-':10.10}  {a.words:6d}  {a.title}  {a.url or ''}".rstrip())


@command.command("remove")
@click.argument("id_or_url", metavar="ID|URL")
@db_option
@debug_option
def remove(id_or_url: str, db_url: str | None, debug: bool) -> None:
    """Remove one article, by its id (see 'archive list') or its URL."""
    if not _open(db_url).remove(id_or_url):
        raise InputError(f"no archived article has the id or URL {id_or_url}; see 'briefpress archive list'")
    click.echo(f"removed {id_or_url}")


def read_articles(item: str, *, allow_private: bool = False, refresh: bool = False) -> list[NewArticle]:
    """The articles ``item`` holds: a web page, a feed's entries, a saved page, a briefpress JSON
    package or a text file (its first line the title)."""
    from ..batch.inputs import FEED_SUFFIXES
    from ..evidence import fetch_source, is_url
    from ..ingest import read_bytes
    from ..reader import decode

    if is_url(item):
        html, fields = fetch_source(item, allow_private=allow_private, refresh=refresh)
        return [_page_article(html, item, fields)]
    path = Path(item)
    name, data = read_bytes(path)
    text = decode(data, name)
    head = text.lstrip("\ufeff \t\r\n")[:512].lower()
    if path.suffix.lower() in FEED_SUFFIXES or head.startswith(("<?xml", "<rss", "<feed", "<rdf:rdf")):
        from ..batch.feeds import feed_entries

        return [_new(e.title, e.text, e.link, e.date) for e in feed_entries(data, name) if e.title and e.text]
    if head.startswith("{"):
        return [_package_article(text, name)]
    if head.startswith("<"):
        from ..pagemeta import read_meta

        meta = read_meta(text, None)
        return [_page_article(text, name, {"url": meta.url, "title": meta.title, "date": meta.date})]
    title, _, body = text.strip().partition("\n")
    return [_new(title.strip().lstrip("# "), body.strip() or title, None, None)]


def _new(title: str, text: str, url: str | None, date: str | None) -> NewArticle:
    from ..store.archive import NewArticle

    return NewArticle(title=title, text=text, url=url, date=date)


def _page_article(html: str, name: str, fields: dict[str, object]) -> NewArticle:
    from ..reader import main_text

    page = main_text(html, name)
    title = str(fields.get("title") or page.title or name)
    url = fields.get("url") or (page.url if page.url and page.url.startswith("http") else None)
    date = fields.get("date")
    return _new(title, page.text, str(url) if url else None, str(date) if date else None)


def _package_article(text: str, name: str) -> NewArticle:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}: not valid JSON ({exc.msg}); give a briefpress article package") from exc
    if not isinstance(data, dict) or not data.get("headline") or not data.get("body"):
        raise InputError(f"{name}: a JSON file to archive must be a briefpress article package "
                         "(with headline and body)")
    body = "\n\n".join(str(p) for p in data["body"])
    return _new(str(data["headline"]), body, data.get("url"), data.get("date_published"))
