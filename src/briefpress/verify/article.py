"""Read an article in any form into sentences with their part and offsets.

- plain text and Markdown: offsets into the file's own characters (``text == article[start:end]``);
  Markdown markup is kept in ``text`` and removed only for checking.
- HTML: offsets into the page's visible text (block elements joined by blank lines).
- briefpress JSON (``briefpress.article/1``) or an ``Article``: ``part`` is the field path
  ("sections[1].answer") and offsets are into that field's text; the article's own evidence map
  marks questions and labels as making no claim.
"""

from __future__ import annotations

import bisect
import html
import json
import re
from dataclasses import dataclass

from ftfy import fix_encoding

from ..edit import article_parts
from ..errors import EmptyInputError, InputError
from ..limits import MAX_ARTICLE_BYTES, check_json_depth, check_text
from ..models import ARTICLE_SCHEMA, Article
from ..reader import article_kind, decode, visible_blocks
from ..text import split_sentences


@dataclass(frozen=True)
class ArticleSentence:
    text: str
    part: str
    start: int
    end: int
    check_text: str  # the text to check: markup removed
    no_claim: bool | None = None  # None: decide from the text


# Link text stops at the next bracket and a link's address at the next parenthesis, so a line of
# thousands of unclosed "[" or "](" is one pass, not a scan to the line's end from each of them.
_MD_LINKS = (
    (re.compile(r"!\[([^\][]*)\]\([^()]*\)"), r"\1"),
    (re.compile(r"\[([^\][]*)\]\([^()]*\)"), r"\1"),
)
# Emphasis marks, longest first: "**" before "*", as Markdown reads them.
_EMPHASIS = ("**", "__", "*", "_", "`")
_EMPHASIS_CHAR = re.compile(r"[*_`]")
_BLOCK_MARK = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+•][ \t]+|\d{1,3}[.)][ \t]+)")


def clean_markdown(text: str) -> str:
    for pattern, repl in _MD_LINKS:
        text = pattern.sub(repl, text)
    return _strip_emphasis(text)


def _strip_emphasis(text: str) -> str:
    """``text`` with each emphasised span's marks removed: what ``re.sub(r"(\\*\\*|__|\\*|_|`)(?=\\S)
    (.+?)(?<=\\S)\\1", r"\\2", text)`` gives, found through the sorted places each mark may
    close, so a line of thousands of unclosed marks takes one pass, not one scan per mark."""
    closers = {mark: [j for j in (m.start() for m in re.finditer(f"(?={re.escape(mark)})", text))
                      if j and not text[j - 1].isspace()] for mark in _EMPHASIS}
    line_ends = [m.start() for m in re.finditer("\n", text)] + [len(text)]
    out: list[str] = []
    last = 0
    found = _EMPHASIS_CHAR.search(text)
    while found:
        at = found.start()
        for mark in _EMPHASIS:
            start = at + len(mark)
            if not text.startswith(mark, at) or start >= len(text) or text[start].isspace():
                continue
            line_end = line_ends[bisect.bisect_left(line_ends, start)]
            places = closers[mark]
            k = bisect.bisect_left(places, start + 1)
            if k < len(places) and places[k] < line_end:
                out += [text[last:at], text[start : places[k]]]
                last = places[k] + len(mark)
                break
        found = _EMPHASIS_CHAR.search(text, last if last > at else at + 1)
    return "".join(out) + text[last:]


def read(article: str | bytes | Article, name: str = "article") -> tuple[str, list[ArticleSentence]]:
    """The article text as read and its sentences; ``name`` (a file name) may tell its form."""
    if isinstance(article, Article):
        return _from_article(article)
    text = read_text(article, name)
    kind = article_kind(text, name)
    if kind == "json":
        return _from_json(text, name)
    if kind == "html":
        return _from_html(text)
    return text, _from_lines(text)


def read_text(article: str | bytes, name: str = "article") -> str:
    """The article's text, line ends made plain; refused when empty or over the size limit."""
    if isinstance(article, bytes):
        if len(article) <= MAX_ARTICLE_BYTES and not article.strip():
            raise EmptyInputError(f"{name} is empty; give the article to audit")
        text = decode(article, name, MAX_ARTICLE_BYTES, "article")
    else:
        check_text(article, name, MAX_ARTICLE_BYTES, "article")
        text = article.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EmptyInputError(f"{name} is empty; give the article to audit")
    return fix_encoding(text)  # "Â£3m" read as "£3m", as the sources are (``ingest.read_texts``)


def _from_lines(text: str) -> list[ArticleSentence]:
    """Text or Markdown: each heading, bullet and paragraph is a block; sentences within blocks."""
    out: list[ArticleSentence] = []
    lines = text.split("\n")
    pos = 0
    starts = []
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    in_front_matter = bool(lines) and lines[0].strip() == "---"
    block: list[tuple[int, int]] = []  # (start, end) of text in each line of the block
    n_block = 0

    def flush() -> None:
        nonlocal block, n_block
        if not block:
            return
        start, end = block[0][0], block[-1][1]
        for span in split_sentences(text[start:end], offset=start):
            out.append(ArticleSentence(span.text, f"block[{n_block}]", span.start, span.end, clean_markdown(span.text)))
        n_block += 1
        block = []

    for k, line in enumerate(lines):
        if in_front_matter:
            if k > 0 and line.strip() == "---":
                in_front_matter = False
            continue
        stripped = line.strip()
        if not stripped or stripped in ("-", "---", "***") or stripped.startswith("```"):
            flush()
            continue
        m = _BLOCK_MARK.match(line)
        begin = starts[k] + (m.end() if m else len(line) - len(line.lstrip()))
        end = starts[k] + len(line.rstrip())
        own_block = bool(m) or not re.search(r"[.!?:\"”’)]$", stripped)
        if own_block:
            flush()
            block = [(begin, end)]
            flush()
        else:
            block.append((begin, end))
    flush()
    return out


def _from_html(page: str) -> tuple[str, list[ArticleSentence]]:
    """Offsets into the page's visible text: its blocks joined by blank lines."""
    out: list[ArticleSentence] = []
    parts: list[str] = []
    pos = 0
    counts: dict[str, int] = {}
    for tag, block in visible_blocks(page):
        label = f"{tag}[{counts.get(tag, 0)}]"
        counts[tag] = counts.get(tag, 0) + 1
        block = html.unescape(block)
        for span in split_sentences(block, offset=pos):
            no_claim = True if tag in ("title",) else None
            out.append(ArticleSentence(span.text, label, span.start, span.end, span.text, no_claim))
        parts.append(block)
        pos += len(block) + 2
    return "\n\n".join(parts), out


def _from_json(text: str, name: str) -> tuple[str, list[ArticleSentence]]:
    check_json_depth(text, name)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}: invalid JSON at line {exc.lineno} column {exc.colno} ({exc.msg}); "
                         "give briefpress article JSON, text, Markdown or HTML") from exc
    if not isinstance(data, dict) or data.get("schema") != ARTICLE_SCHEMA:
        raise InputError(f'{name}: JSON articles must be briefpress article JSON ("schema": "{ARTICLE_SCHEMA}")')
    try:
        article = Article.model_validate(data)
    except Exception as exc:
        raise InputError(f"{name}: not a valid {ARTICLE_SCHEMA} document ({str(exc).splitlines()[0]}); "
                         "write it with 'briefpress write --format json'") from exc
    _, sentences = _from_article(article)
    return text, sentences


def _spans(part: str, text: str, article: Article, whole_sentences: set[tuple[str, str]]) -> list[tuple[str, int]]:
    """The sentences of one part as (text, offset): the part whole where it is one sentence of the
    evidence map or a heading, else the engine's own sentence boundaries where they are known."""
    if (part, text.strip()) in whole_sentences or part == "headline" or part.endswith(_HEADINGS):
        return [(text.strip(), text.find(text.strip()))]
    known = [e.sentence for e in article.evidence if e.part == part]
    if not known or not all(k in text for k in known):
        return [(s.text, s.start) for s in split_sentences(text)]
    spans, pos = [], 0
    for k in known:
        at = text.find(k, pos)
        if at < 0:  # the map names a sentence twice, or out of the text's order: split it ourselves
            return [(s.text, s.start) for s in split_sentences(text)]
        spans.append((k, at))
        pos = at + len(k)
    return spans


_HEADINGS = (".question", ".label")


def _from_article(article: Article) -> tuple[str, list[ArticleSentence]]:
    no_claim = {(e.part, e.sentence.strip()) for e in article.evidence if e.no_claim}
    claims = {(e.part, e.sentence.strip()) for e in article.evidence if not e.no_claim}
    out: list[ArticleSentence] = []
    for part, text in article_parts(article):
        if not text.strip():
            continue
        for sentence, start in _spans(part, text, article, no_claim | claims):
            key = (part, sentence.strip())
            flag = True if key in no_claim or part.endswith(_HEADINGS) else False if key in claims else None
            out.append(ArticleSentence(sentence, part, start, start + len(sentence), sentence, flag))
    return json.dumps(article.to_json_dict(), ensure_ascii=False), out
