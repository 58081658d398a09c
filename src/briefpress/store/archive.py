"""The archive: the newsroom's own published articles, searchable by passage with BM25.

Articles live in ``archive_articles`` of the same store the service uses; their passages (a
paragraph, or a few sentences of a long one) are indexed by SQLite's FTS5, which ranks matches with
BM25. ``search`` finds the passages most relevant to a text; ``write --archive`` takes them as
background sources, each cited and dated like any other fact.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import text as sql

from ..errors import UsageError
from ..plan.names import mentions, name_runs
from ..text import content_words
from .db import Store

PASSAGE_CHARS = 700
# A plain sentence end, to cut a long paragraph into passages without a full sentence splitter.
_SENTENCE_END = re.compile(r"(?:(?<=[a-z0-9]{2}[.!?])|(?<=[a-z0-9]{2}[.!?][\"”’']))\s+(?=[A-Z\"“‘])")
_TERM = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True)
class ArchivedArticle:
    id: str
    title: str
    url: str | None
    date: str | None
    added_at: str
    words: int


@dataclass(frozen=True)
class Passage:
    article_id: str
    title: str
    url: str | None
    date: str | None
    text: str
    score: float  # BM25, higher is more relevant


@dataclass(frozen=True)
class NewArticle:
    title: str
    text: str
    url: str | None = None
    date: str | None = None


def passages(text: str) -> list[str]:
    """The article's passages: its paragraphs, a long one cut at sentence ends into pieces of
    about ``PASSAGE_CHARS`` characters."""
    out: list[str] = []
    for para in re.split(r"\n\s*\n", text):
        para = " ".join(para.split())
        piece = ""
        for sentence in _SENTENCE_END.split(para):
            if piece and len(piece) + len(sentence) > PASSAGE_CHARS:
                out.append(piece)
                piece = ""
            piece = f"{piece} {sentence}".strip()
        if piece:
            out.append(piece)
    return out


def fts_query(text: str, max_terms: int = 10) -> str:
    """An FTS5 query that matches any of the text's content words, names first (they say what the
    text is about, and a short query keeps BM25's ranking of an OR query fast), each quoted so that
    no word is read as FTS5 syntax."""
    terms: list[str] = []
    words = content_words(text)
    for word in sorted(words, key=lambda w: not w[:1].isupper()):
        for term in _TERM.findall(word.lower()):
            if len(term) > 1 and term not in terms:
                terms.append(term)
    return " OR ".join(f'"{t}"' for t in terms[:max_terms])


def _article_id(item: NewArticle) -> str:
    key = item.url or f"{item.title}\n{item.text}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


class Archive:
    def __init__(self, store: Store) -> None:
        if store.engine.dialect.name != "sqlite":
            raise UsageError("the archive's full-text index needs the SQLite store; give --db sqlite:///PATH")
        self.store = store

    def add(self, items: Iterable[NewArticle]) -> list[str]:
        """Add or replace (same URL, or same title and text) articles in one transaction."""
        now = datetime.now(UTC).replace(tzinfo=None)
        ids: list[str] = []
        with self.store.engine.begin() as conn:
            for item in items:
                if not item.text.strip() or not item.title.strip():
                    raise UsageError(f"an archive article needs a title and text ({item.url or item.title!r}); "
                                     "skip it or give them")
                article_id = _article_id(item)
                self._delete(conn, article_id, item.url)
                conn.execute(sql("INSERT INTO archive_articles (id, url, title, date, text, added_at) "
                                 "VALUES (:id, :url, :title, :date, :text, :added_at)"),
                             {"id": article_id, "url": item.url, "title": item.title.strip(), "date": item.date,
                              "text": item.text, "added_at": now})
                conn.execute(sql("INSERT INTO archive_passages (text, title, article_id, position) "
                                 "VALUES (:text, :title, :article_id, :position)"),
                             [{"text": p, "title": item.title, "article_id": article_id, "position": i}
                              for i, p in enumerate(passages(item.text))])
                ids.append(article_id)
        return ids

    @staticmethod
    def _delete(conn: object, article_id: str, url: str | None) -> int:
        found = conn.execute(sql("SELECT id FROM archive_articles WHERE id = :id OR (:url IS NOT NULL AND url = :url)"),  # type: ignore[attr-defined]
                             {"id": article_id, "url": url}).scalars().all()
        for old in found:
            conn.execute(sql("DELETE FROM archive_passages WHERE article_id = :id"), {"id": old})  # type: ignore[attr-defined]
            conn.execute(sql("DELETE FROM archive_articles WHERE id = :id"), {"id": old})  # type: ignore[attr-defined]
        return len(found)

    def remove(self, id_or_url: str) -> bool:
        with self.store.engine.begin() as conn:
            return self._delete(conn, id_or_url, id_or_url) > 0

    def count(self) -> int:
        with self.store.engine.connect() as conn:
            return int(conn.execute(sql("SELECT count(*) FROM archive_articles")).scalar_one())

    def articles(self, limit: int = 50, offset: int = 0) -> list[ArchivedArticle]:
        with self.store.engine.connect() as conn:
            rows = conn.execute(sql("SELECT id, title, url, date, added_at, text FROM archive_articles "
                                    "ORDER BY added_at DESC, id LIMIT :limit OFFSET :offset"),
                                {"limit": limit, "offset": offset}).all()
        return [ArchivedArticle(r.id, r.title, r.url, r.date, str(r.added_at), len(r.text.split())) for r in rows]

    def search(self, text: str, limit: int = 5) -> list[Passage]:
        """The passages most relevant to ``text``, best first (at most one per article)."""
        query = fts_query(text)
        if not query:
            return []
        with self.store.engine.connect() as conn:
            # Rank inside the index first, then join the few best: a join around MATCH makes SQLite
            # score every matching passage once per article row.
            rows = conn.execute(sql(
                "SELECT p.text, p.article_id, p.rank, a.title, a.url, a.date FROM ("
                " SELECT text, article_id, bm25(archive_passages) AS rank FROM archive_passages"
                " WHERE archive_passages MATCH :query ORDER BY rank LIMIT :limit"
                ") AS p JOIN archive_articles AS a ON a.id = p.article_id ORDER BY p.rank"),
                {"query": query, "limit": limit * 4}).all()
        best: dict[str, Passage] = {}
        for r in rows:
            if r.article_id not in best:
                best[r.article_id] = Passage(r.article_id, r.title, r.url, r.date, r.text, round(-float(r.rank), 3))
        return list(best.values())[:limit]


_ABBREVIATION = re.compile(r"^(?:[A-Z]\.?){2,3}$")  # "U.S.", "UK", "EU": a place, rarely the subject
# A nationality only qualifies the subject ("Chinese shares"), and a place reached through a
# preposition only sets the scene ("activists in London"): an archive article naming either is
# about something else as often as not.
_QUALIFIER = {"NORP"}
_SETTING = {"GPE", "LOC", "FAC"}


def subject_names(lead: str) -> list[str]:
    """The names in the lead's grammatical subject ("Riverton" in "Riverton council approves ...",
    "Josh Earnest" in "Josh Earnest said ..."), none when the subject names no one. Without the
    parser, every name of the lead."""
    from ..nlp import parse

    names = [n for n in name_runs(lead) if not _ABBREVIATION.match(n)]
    docs = parse([lead]) if names else None
    if not docs:
        return names
    doc = docs[0]
    root = next(iter(doc.sents)).root
    # The parser may split a subject in two ("Co-star John Stamos": "Co", "Stamos"): take them all.
    inside = {t.i for s in root.children if s.dep_ in ("nsubj", "nsubjpass") for t in s.subtree}
    kept = []
    for name in names:
        at = lead.find(name)
        span = doc.char_span(at, at + len(name), alignment_mode="expand") if at >= 0 else None
        if span is None or not all(t.i in inside for t in span) or not any(t.pos_ == "PROPN" for t in span):
            continue
        if any(t.ent_type_ in _QUALIFIER for t in span):
            continue
        if any(t.ent_type_ in _SETTING for t in span) and any(a.dep_ == "prep" and a.i in inside
                                                              for a in span.root.ancestors):
            continue
        kept.append(name)
    return kept


def on_subject(passage: Passage, names: list[str]) -> bool:
    """Whether ``passage`` is about the lead's subject: its article's title names one of the
    subject's ``names`` (a person's surname will do: "Takaichi" for "Sanae Takaichi"). A name
    met only in passing in the text ("an attack at the Tesco car park") is not enough."""
    return any(mentions(name, passage.title) for name in names)


def background(archive: Archive, lead: str, text: str, limit: int = 5) -> list[Passage]:
    """The archive passages on the subject of ``lead``, most relevant to ``text`` first."""
    names = subject_names(lead)
    if not names:
        return []
    return [p for p in archive.search(text, limit=limit * 3) if on_subject(p, names)][:limit]
