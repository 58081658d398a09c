"""The model's body: the extractive body's paragraphs, each long sentence retold by the model as
two or three shorter ones.

Asked for the whole story in one request, the small packaged model copied the facts word for
word (the Takaichi body was the brief verbatim). Asked to split one sentence, quoted in the
request, it retells it: "Takaichi expressed respect for Trump's Middle East policies." A retelling
is kept only whole: every sentence verified and whole, and together they keep the original's
names, figures, negations and most of its words (a split must not lose the news). Else the
sentence stays as the extractive body tells it. Quotes are a speaker's words and stay as they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TypeVar

from ..lexicon import CONTRASTS, alternation
from ..nlp import spacy_pipeline, stem
from ..text import STOPWORDS, words

RETELL_WORDS = 18  # a sentence this long or longer is retold; a shorter one reads easily as it is
# Sentences retold per article, in the body's order (the inverted pyramid's top first): the
# requests then cost about what one request for the whole body did.
RETELL_MOST = 8
KEPT_WORDS = 0.8  # the share of the original's content words a retelling keeps (stems)

_FIGURE = re.compile(r"\d[\d,.]*%?")
_NEGATION = re.compile(r"\b(?:not|no|never|without|nor)\b|n[’']t\b", re.I)
# Words that set a sentence against the one before: "However, one politician said ..." retold
# without its "However" reads as agreeing with what it contradicts.
_CONTRAST = re.compile(rf"\b{alternation(CONTRASTS)}\b", re.I)
# Words that rank or bound what they qualify: "His first positions were as a keyboard player ..."
# retold as "He was a keyboard player ..." lost that these were his first (a blind review marked
# it), though 14 of its 16 content words stayed.
_RANKING = re.compile(r"\b(?:first|second|third|last|final|only|sole|former|new)\b", re.I)
_QUOTE_MARKS = ('"', "“", "”")
T = TypeVar("T")


def worth_retelling(sentence: str) -> bool:
    """A long sentence outside quotation marks, not a question."""
    return (len(sentence.split()) >= RETELL_WORDS and not any(q in sentence for q in _QUOTE_MARKS)
            and not sentence.rstrip().endswith("?"))


def retell_request(sentence: str) -> str:
    # The sentence itself in the request: asked to rewrite "F3", the model copied the fact list.
    return ("Rewrite this sentence as two or three shorter sentences that keep all its facts, names "
            f'and figures: "{sentence}"')


def _names(text: str) -> list[str]:
    """Capitalised words that do not open a sentence: the names a retelling must keep."""
    out = []
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        out += [w for w in sentence.split()[1:] if w[:1].isupper()]
    names = [re.sub(r"[^\w.-]+$|^[^\w]+|['’]s$", "", w) for w in out]
    # A name that ends the sentence keeps no full stop ("run by Ron Burkle." -> "Burkle"), an
    # abbreviation keeps its own ("U.S.").
    return [n[:-1] if n.endswith(".") and "." not in n[:-1] else n for n in names]


def _stems(text: str) -> set[str]:
    """The stems of the content words (the verifier's stems: "approved" and "approves" meet)."""
    return {stem(w) for w in words(text) if w.lower() not in STOPWORDS and not w[:1].isdigit()}


def keeps_facts(original: str, retold: Iterable[str]) -> bool:
    """Whether the retold sentences keep what ``original`` says: each of its figures and names,
    as many negations, contrasts and ranking words ("first", "only"), and most of its content
    words."""
    told = " ".join(retold)
    if any(f not in told for f in _FIGURE.findall(original)):
        return False
    if any(n and n not in told for n in _names(original)):
        return False
    if any(len(p.findall(told)) < len(p.findall(original)) for p in (_NEGATION, _CONTRAST, _RANKING)):
        return False
    content = _stems(original)
    return not content or len(content & _stems(told)) / len(content) >= KEPT_WORDS


def retells(original: str, sentence: str) -> bool:
    """Whether ``sentence`` retells part of ``original``: shorter, and in its words but for one
    verb at most ("expressed" for "conveyed"). Asked to split one sentence, the model sometimes
    added the next fact's words, or a frame of its own ("Raising feeling in Germany against
    American surveillance is also an issue")."""
    if len(sentence.split()) >= len(original.split()):
        return False
    own = _stems(original) | {t[1] for t in _tagged(original)}  # as either tokenizer splits it
    new = [t for t in _tagged(sentence) if t[1] not in own]
    return len(new) <= 1 and all(pos == "VERB" for _, _, pos in new)


def _tagged(sentence: str) -> list[tuple[str, str, str]]:
    """The content words of ``sentence`` with their stems and parts of speech (spaCy's, else
    every word a noun: a new word is then never let through)."""
    nlp = spacy_pipeline()
    tokens = [(t.text, t.pos_) for t in nlp(sentence)] if nlp is not None else [(w, "NOUN") for w in words(sentence)]
    return [(w, stem(w), pos) for w, pos in tokens
            if w[:1].isalpha() and w.lower() not in STOPWORDS]


def in_style_of(original: str, sentence: str) -> str:
    """``sentence`` with the original's apostrophe where the model wrote the other one
    ("Trump's" in a story that writes "Trump’s"), and with the article the original puts before
    its opening words where the model dropped it ("Sri Lankan made only four" of "..., the Sri
    Lankan making only four ...", which a blind review marked)."""
    if "’" in original and "'" not in original:
        sentence = re.sub(r"(?<=\w)'(?=\w)", "’", sentence)
    elif "'" in original and "’" not in original:
        sentence = re.sub(r"(?<=\w)’(?=\w)", "'", sentence)
    return _article_kept(original, sentence)


_OPENING = re.compile(r"^([A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*) ")
_ARTICLES = frozenset({"the", "a", "an"})


def _article_kept(original: str, sentence: str) -> str:
    """``sentence`` with "The"/"A"/"An" before its opening capitalised words where the original
    has them only after that article, never opening a sentence or after another word."""
    m = _OPENING.match(sentence)
    if m is None or m.group(1).lower() in _ARTICLES:
        return sentence
    words = re.escape(m.group(1))
    before = {x.group(1).lower() for x in re.finditer(rf"(\S+) {words}\b", original)}
    if len(before) == 1 and before <= _ARTICLES and not re.match(rf"{words}\b", original):
        return f"{before.pop().capitalize()} {sentence}"
    return sentence


def in_paragraphs(sentences: list[T], most: int, goes_on: Callable[[T], bool] = lambda _: False) -> list[list[T]]:
    """``sentences`` in paragraphs of at most ``most``, as even as they come; a sentence that
    ``goes_on`` from the one before (a quote naming no speaker) never opens one, whatever its size."""
    count = -(-len(sentences) // most)
    size = -(-len(sentences) // count) if count else most
    paragraphs: list[list[T]] = []
    for i in range(0, len(sentences), size):
        group = sentences[i : i + size]
        while paragraphs and group and goes_on(group[0]):
            paragraphs[-1].append(group.pop(0))
        if group:
            paragraphs.append(group)
    return paragraphs
