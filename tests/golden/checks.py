"""Checks shared by the golden and property tests: FORMAT.md's size rules and grounding.

Grounding here is strict and mechanical, because the extractive engine claims to be grounded by
construction: a claim sentence must be its facts' words with some deleted (a deletion-only
shortening or recombination) or, after the seo stage, the same words reordered into the active
voice or split into two sentences (``is_rewording_of``), and no number, quoted string or capitalised word may appear in the
output unless the input holds it or it is template vocabulary (``plan.TEMPLATE_WORDS``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from typing import Any

from briefpress.models import Article
from briefpress.plan import TEMPLATE_WORDS
from briefpress.rewrite.reported import ADDED_WORDS
from briefpress.seo.stage import without_connective
from briefpress.text import words

NUMBER = re.compile(r"\d+(?:[.,:/]\d+)*")
QUOTED = re.compile(r"\"([^\"\n]{1,300})\"|“([^”\n]{1,300})”")
CAPITALISED = re.compile(r"(?<![\w’'])[A-Z][\w’'.-]*")
SENTENCE_END = re.compile(r"[.!?][\"”’')]*$")


def _clean_name(token: str) -> str:
    token = token.rstrip(".-")
    for suffix in ("’s", "'s"):
        if token.endswith(suffix):
            token = token[: -len(suffix)]
    return token


@dataclass(frozen=True)
class Vocabulary:
    """What the input holds: its numbers, words (as written and lower-cased) and full text."""

    text: str
    numbers: frozenset[str]
    words: frozenset[str]
    lower_words: frozenset[str]

    @classmethod
    def of(cls, text: str) -> Vocabulary:
        toks = {_clean_name(w) for w in words(text)} | set(words(text))
        return cls(
            text=_norm_quotes(text),
            numbers=frozenset(NUMBER.findall(text)),
            words=frozenset(toks),
            lower_words=frozenset(t.lower() for t in toks),
        )


def _norm_quotes(text: str) -> str:
    return text.replace("“", '"').replace("”", '"').replace("’", "'").replace("‘", "'")


def novel_tokens(output: str, vocab: Vocabulary) -> list[str]:
    """Numbers, quoted strings and capitalised words of ``output`` that the input lacks."""
    novel: list[str] = []
    for number in NUMBER.findall(output):
        if number not in vocab.numbers:
            novel.append(number)
    for m in QUOTED.finditer(output):
        quoted = _norm_quotes(m.group(1) or m.group(2) or "").strip()
        if quoted and quoted not in vocab.text:
            novel.append(f'"{quoted}"')
    for token in CAPITALISED.findall(output):
        name = _clean_name(token)
        if not name or name in vocab.words:
            continue
        # A word capitalised because a shortened sentence now starts with it is still the input's.
        if name.lower() in vocab.lower_words or name.lower() in TEMPLATE_WORDS | ADDED_WORDS:
            continue
        novel.append(name)
    return novel


def is_deletion_of(sentence: str, sources: list[str]) -> bool:
    """True when ``sentence``'s words (less an opening additive connective, which asserts
    nothing) are, in order, a subsequence of the sources' words."""
    target = [w.lower() for w in words(without_connective(sentence))]
    pool = [w.lower() for s in sources for w in words(s)]
    i = 0
    for w in pool:
        if i < len(target) and w == target[i]:
            i += 1
    return i == len(target)


# The one fixed phrase the seo stage writes in the active voice: "is accused of" as "stands accused of";
# and the pronouns it refers back to a repeated keyphrase with ("It announced its earnings").
# And "According to" before a report's speaker (``rewrite.reported``).
_IDIOM_WORDS = frozenset(("stand", "stands", "it", "its", "they", "their")) | ADDED_WORDS


def _lemma(word: str) -> str:
    from lemminflect import getLemma

    w = word.lower()
    found = getLemma(w, upos="VERB")
    return found[0] if found else w


def is_rewording_of(sentence: str, sources: list[str]) -> bool:
    """``is_deletion_of``, or every word of ``sentence`` is a word of the sources (verbs compared by
    lemma): the seo stage puts a clause that names its doer in the active voice ("The council
    approved the plan" for "The plan was approved by the council") and names a closing relative
    clause's noun again as the subject of its own sentence, and refers back to the keyphrase with
    a pronoun. Either way no new word is written."""
    if is_deletion_of(sentence, sources):
        return True
    pool = {_lemma(w) for s in sources for w in words(s)}
    return all(_lemma(w) in pool or w.lower() in _IDIOM_WORDS for w in words(without_connective(sentence)))


def is_topic_title_of(sentence: str, sources: list[str]) -> bool:
    """A title "Speaker on what they spoke of" (``headline.topic_headline``): the speaker and the
    subject of their reported clause, in the source's words, joined by the one preposition that
    says what was spoken of. It claims less than the report it condenses."""
    speaker, on, topic = sentence.partition(" on ")
    return bool(on) and any(s.startswith(speaker + " ") and f" {topic} " in s for s in sources)


def tells_in_source_words(part: str, sentence: str, sources: list[str]) -> bool:
    """``is_rewording_of``, or for the headline a topic title of its fact (``is_topic_title_of``)."""
    return is_rewording_of(sentence, sources) or part == "headline" and is_topic_title_of(sentence, sources)


@cache
def _input_lemmas(vocab: Vocabulary) -> frozenset[str]:
    return frozenset(_lemma(w) for w in vocab.lower_words)


def asks_in_input_words(word: str, vocab: Vocabulary) -> bool:
    """A question's word is the input's, as written or as the base form of one of its verbs
    ("Why did the board fall?" asks of "The board fell"): asking makes no claim, and do-support
    needs the verb's base form."""
    return word.lower() in vocab.lower_words or _lemma(word) in _input_lemmas(vocab)


def ends_on_sentence_boundary(text: str) -> bool:
    return bool(SENTENCE_END.search(text.strip()))


def article_texts(article: Article) -> list[str]:
    """Every piece of text an article shows a reader, one entry per field."""
    out = [article.headline, article.keyphrase, article.meta_description, *article.summary]
    for part in [*article.sections, *article.faq]:
        out += [part.question, part.answer]
    for t in article.takeaways:
        out += [t.label, t.text]
    out += [article.conclusion, *article.body, *article.tags]
    return out


# --- Extracting the article's text from each rendered format -------------------------------------

_DATE_KEYS = {"datePublished", "dateModified", "created", "date_published", "date_modified"}


def _strings(value: Any, skip_keys: set[str]) -> list[str]:
    """Every string value in a JSON tree, leaving out metadata keys (dates, @type, URLs)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v, skip_keys)]
    if isinstance(value, dict):
        return [
            s
            for k, v in value.items()
            if k not in skip_keys and not k.startswith("@")
            for s in _strings(v, skip_keys)
        ]
    return []


class _PageText(HTMLParser):
    """Visible text, the text-bearing meta tags, and the JSON-LD blocks of a rendered page."""

    _TEXT_META = {"description", "keywords", "author", "twitter:title", "twitter:description",
                  "og:title", "og:description", "article:tag"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.jsonld: list[Any] = []
        self._stack: list[str] = []
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "meta" and (a.get("name") or a.get("property")) in self._TEXT_META:
            self.texts.append(a.get("content") or "")
        if tag == "script" and a.get("type") == "application/ld+json":
            self._script = []
        if tag not in {"meta", "link", "br", "img"}:
            self._stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.jsonld.append(json.loads("".join(self._script)))
            self._script = None
        while self._stack and self._stack.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)
        elif "time" not in self._stack and "script" not in self._stack and "style" not in self._stack:
            self.texts.append(data)


def rendered_texts(fmt: str, rendered: str, article: Article) -> list[str]:
    """The reader-facing text of one rendered format, without dates and machine metadata."""
    if fmt == "json":
        data = json.loads(rendered)
        # The reader-facing fields of the contract; later additions (reports) are not article text.
        shown = ("headline", "keyphrase", "meta_description", "summary", "sections", "faq", "takeaways",
                 "conclusion", "body", "tags")
        texts = _strings([data[k] for k in shown if k in data], set())
        texts += [e["sentence"] for e in data["evidence"]]
        texts += _strings(data["jsonld"], _DATE_KEYS | {"inLanguage", "url"})
        return texts
    if fmt == "html":
        page = _PageText()
        page.feed(rendered)
        page.close()
        return page.texts + _strings(page.jsonld, _DATE_KEYS | {"inLanguage", "url"})
    if fmt == "md":
        front, _, body = rendered.partition("\n---\n")
        values: list[str] = []
        for line in front.splitlines()[1:]:
            key, _, value = line.partition(": ")
            if key not in {"date", "lastmod", "slug"}:
                values += _strings(json.loads(value), set())  # front matter values are JSON scalars
        return values + [body]
    return [rendered]
