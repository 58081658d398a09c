"""Deleting the phrase that holds given words: "scored his second goal of the season" without
"season" is "scored his second goal".

The model engine uses it to repair a sentence the verifier failed for a few words no source
gives: the smallest modifier around each word (a prepositional phrase, an adjective, an aside, a
relative clause) goes, and the verifier judges what is left. Only modifiers go, never the verb,
its subject or its object, so what remains is a sentence that says less.
"""

from __future__ import annotations

import re
from typing import Any

from ..nlp import spacy_pipeline
from ..text import ensure_period

# Dependencies of a phrase that only modifies: deleting one leaves the clause whole.
_MODIFIERS = frozenset(
    ("prep", "amod", "advmod", "appos", "relcl", "acl", "npadvmod", "advcl", "nummod", "compound")
)
MAX_SHARE = 0.5  # never delete more than half the sentence's tokens


def _phrase(token: Any, root: Any) -> Any | None:
    """The smallest modifier phrase holding ``token``, below the root."""
    node = token
    # spaCy need not give the same Token object twice: compare indices.
    while node.i != root.i and node.head.i != node.i:
        if node.dep_ in _MODIFIERS:
            return node
        node = node.head
    return None


def _dropped(doc: Any, root: Any, wanted: set[str]) -> set[int] | None:
    """The indices of the tokens to delete: each wanted word's modifier phrase, and an aside's
    commas with it; None where a wanted word belongs to no modifier."""
    drop: set[int] = set()
    for tok in doc:
        if tok.text.lower() not in wanted:
            continue
        phrase = _phrase(tok, root)
        if phrase is None:
            return None
        span = list(phrase.subtree)
        drop.update(t.i for t in span)
        # An aside goes with its commas.
        before = span[0].i - 1
        after = span[-1].i + 1
        if before >= 0 and doc[before].text == "," and after < len(doc) and doc[after].text in (",", "."):
            drop.add(before)
            if doc[after].text == ",":
                drop.add(after)
    return drop


def _kept_text(doc: Any, drop: set[int]) -> str:
    pieces: list[str] = []
    for t in doc:
        if t.i in drop:
            if pieces and not pieces[-1].endswith(" "):
                pieces[-1] += " "  # "Earnest, a ... official, said": the gap keeps a space
            continue
        pieces.append(t.text_with_ws)
    kept = "".join(pieces)
    return re.sub(r"\s+([,.;:])", r"\1", re.sub(r"\s+", " ", kept)).strip(" ,")


def without_phrases(sentence: str, words: list[str]) -> str | None:
    """``sentence`` without the modifier phrases that hold ``words``; None where a word is not a
    modifier's, or the deletion would take more than half the sentence."""
    nlp = spacy_pipeline()
    if nlp is None or not words:
        return None
    doc = nlp(sentence)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    drop = _dropped(doc, root, {w.lower() for w in words})
    if not drop or len(drop) > MAX_SHARE * len(doc):
        return None
    kept = _kept_text(doc, drop)
    return ensure_period(kept.rstrip(".")) if kept else None


def without_subject_description(sentence: str) -> str | None:
    """``sentence`` without a participle phrase on its subject ("A chiropractor [accused of ...]
    has surrendered his license"), else without an apposition set off by commas that describes it
    ("The Northern Irishman[, twice a winner of the season-finale,] stumbled"): what the subject
    did stays, only how it is described goes. None where there is none, or the phrase holds a
    figure, negation or quote, or (a participle) a date or name, or (an apposition) is the
    subject's name ("The chief[, John Smith,] said": a title needs who)."""
    nlp = spacy_pipeline()
    if nlp is None:
        return None
    doc = nlp(sentence)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return None
    for subject in (c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")):
        for phrase in (c for c in subject.children if _describes(c) and c.i > subject.i):
            words = list(phrase.subtree)
            first, last = words[0], words[-1]
            # An apposition without its commas may be the name itself ("frigates HMS Cumberland").
            closing = 1 if phrase.dep_ == "appos" else 0
            if closing and not (first.i > 0 and doc[first.i - 1].text == "," and doc[last.i + 1].text == ","):
                continue
            after = last.i + 1 + closing
            if after >= len(doc) or (doc[after].head.i != root.i and after != root.i) or any(
                    t.like_num or t.dep_ == "neg" or t.text in _QUOTE_MARKS or (t.ent_type_ and not closing)
                    for t in words):
                continue  # the phrase must end where the verb's side begins, and hold no checkable detail
            cut = sentence[: first.idx].rstrip(" ,") + " " + sentence[last.idx + len(last.text):].lstrip(" ,")
            return re.sub(r"\s+", " ", cut).strip()
    return None


def _describes(phrase: Any) -> bool:
    """A participle phrase, or an apposition that is not a name."""
    if phrase.dep_ == "acl":
        return bool(phrase.tag_ in ("VBN", "VBG"))
    return bool(phrase.dep_ == "appos" and phrase.pos_ != "PROPN")


_QUOTE_MARKS = frozenset(('"', "“", "”"))
