"""Takeaway labels drawn from their own fact: a short noun phrase in the fact's words.

"Phone call with Trump: Japan's new Prime Minister ..." tells the reader what the bullet is about
where "Main news:" tells nothing. The label is the noun the sentence turns on: what its verb
acts on (its object), what a speaker's reported clause is about, else its subject; with its
compounds and adjectives, and a short phrase after it ("with Trump") where that fits in four
words. Determiners, possessives and figures stay out: a label names a topic and makes no claim
(the evidence map counts it as a no-claim part). Where no phrase fits, or every one is taken by
another bullet, the stock labels of ``briefpress.spec`` are the last resort.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from ..lexicon import REPORTING, forms
from ..nlp import spacy_pipeline
from ..spec import TAKEAWAY_STOCK_LABELS
from .names import _NOT_NAME, _TITLE_WORDS, TIME_WORD

MOST_WORDS = 4  # a label is read at a glance, before its sentence
_SAYING = forms(REPORTING)
_BE = frozenset("is are was were be been being 's 're".split())
# Nouns that name no topic of their own: a label of one would say as little as "Details".
_EMPTY = frozenset("""thing things part parts way ways lot lots number numbers kind kinds type types
    time times some others other one ones figure figures detail details statement statements fact
    facts something anything nothing everything people those this that these it top bottom end start rest
    lead total majority minority half group series range variety handful""".split())
_POINTING = frozenset("move decision matter deal issue incident step measure change situation case".split())
_KEEP = frozenset({"compound", "amod"})
# A short phrase after the noun that says which one ("call with Trump", "gains in stocks").
_QUALIFYING = frozenset({"with", "in", "of", "for", "to", "on", "against", "over"})


_COUNT_NOUNS = frozenset("hundreds thousands millions billions dozens scores percent".split())
# Adjectives of amount say how many, not which: "Leading orchestras", not "Many leading orchestras".
_AMOUNTS = frozenset("many several some few numerous various most more".split())
_TITLES = _TITLE_WORDS | _NOT_NAME
# A place or a date says where or when, not what: no label of its own.
_NOT_TOPICS = frozenset({"GPE", "LOC", "DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})


def _is_figure(token: Any) -> bool:
    """A figure in digits or a currency sign: a label names a topic, a figure states a claim."""
    return bool(any(ch.isdigit() for ch in token.text) or token.text in "$£€%")


def _is_noun(token: Any) -> bool:
    """A noun that names a topic: not a figure, a place or date on its own, nor a name joined by
    "&" ("Fresh & Easy" is one name; its first word is none)."""
    return (token.tag_ in ("NN", "NNS", "NNP", "NNPS") and token.text[:1].isalpha() and len(token.text) > 1
            and token.lower_ not in _EMPTY and token.lower_ not in _COUNT_NOUNS and not _is_figure(token)
            and not any(c.dep_ == "cc" and c.text == "&" for c in token.children))


def _modifiers(head: Any) -> list[Any]:
    """The head's compounds and adjectives before it, each with what it holds, where that holds
    no figure, possessive, list or punctuation (a hyphenated word is one word); a title before a
    name stays out ("U.S. President Donald Trump" is "Donald Trump")."""
    out: list[Any] = []
    for child in head.children:
        if child.dep_ not in _KEEP or child.i > head.i:
            continue
        sub = list(child.subtree)
        if any(_is_figure(t) or t.tag_ in ("POS", "PRP$", "DT", "CC") or t.dep_ in ("conj", "cc") for t in sub):
            continue
        if any(t.is_punct and t.text != "-" for t in sub) or child.lower_ in _AMOUNTS:
            continue
        if head.tag_ in ("NNP", "NNPS") and any(t.lower_.rstrip(".") in _TITLES for t in sub):
            continue
        out += sub
    return out


def _core(head: Any) -> list[Any]:
    """The noun and its kept modifiers, as one unbroken run ending on the noun."""
    kept = sorted([*_modifiers(head), head], key=lambda t: t.i)
    run: list[Any] = [head]
    for t in reversed(kept[:-1]):
        if t.i != run[0].i - 1:
            break
        run.insert(0, t)
    return run


def _qualifier(head: Any) -> list[Any]:
    """A short prepositional phrase right after the noun that says which one ("with Trump", "of
    Ozy Media", "in defense-related stocks"): a person by surname, a thing with its modifiers;
    none where its noun is a time, a figure, a pronoun or someone's ("Trump's congratulations")."""
    prep = next((c for c in head.children if c.dep_ == "prep" and c.i == head.i + 1), None)
    if prep is None or prep.lower_ not in _QUALIFYING:
        return []
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None or not _is_noun(pobj) or TIME_WORD.search(_spaced(list(pobj.subtree))):
        return []
    if any(t.tag_ in ("POS", "PRP$") or t.dep_ == "nummod" for c in pobj.children if c.i < pobj.i for t in c.subtree):
        return []
    if pobj.ent_type_ == "PERSON":
        return [prep, pobj]
    return [prep, *_core(pobj)]


def _spaced(tokens: list[Any]) -> str:
    text = "".join(t.text_with_ws for t in tokens[:-1]) + tokens[-1].text
    return " ".join(text.split())


def _fitted(tokens: list[Any], head: Any) -> list[Any]:
    """``tokens`` within ``MOST_WORDS``: the modifiers furthest from a noun go first, the head's
    before its qualifier's ("first official phone call with Trump" is "phone call with Trump")."""
    prep = next((i for i, t in enumerate(tokens) if t.dep_ == "prep"), len(tokens))
    before, after = tokens[:prep], tokens[prep:]
    while len(_spaced(before + after).split()) > MOST_WORDS:
        if before[0] is not head:
            before = before[1:]
        elif len(after) > 2 and after[1].tag_ not in ("NNP", "NNPS"):  # a name loses no word ("Care Forum Wales")
            after = after[:1] + after[2:]
        else:
            return []
    return before + after


def _phrases(head: Any) -> Iterator[str]:
    """The noun's label forms, the most telling first: with its qualifier, then without it."""
    if head.lower_ in _EMPTY or head.tag_ == "CD":  # "part of national fire service reforms"
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None:
            yield from _phrases(pobj)
        return
    if not _is_noun(head) or (head.tag_ in ("NNP", "NNPS") and head.ent_type_ in _NOT_TOPICS):
        return
    # "The chair of Care Forum Wales, Mario Kreft, said ...": the body the holder speaks for, not
    # "Chair"; a title run into a name ("Chief executive of Tesco Dave Lewis") has no article.
    if head.lower_ in _TITLE_WORDS and any(c.dep_ == "det" for c in head.children):
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        body = next((c for c in of.children if c.dep_ == "pobj" and c.ent_type_ in ("ORG", "GPE")), None) \
            if of is not None else None
        if body is not None:
            yield from _phrases(body)
    after = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    if head.i and head.doc[head.i - 1].text == "-":
        return  # the second half of a hyphenated word ("re-[election]")
    if after is not None and (after.text == "-" or head.tag_ in ("NNP", "NNPS") and after.tag_ == "CD"):
        return  # the first half of a hyphenated word ("Co-star"), or of a name with its number ("Ligue [1]")
    core = _core(head)
    for tokens in (core + _qualifier(head), core):
        fitted = _fitted(tokens, head)
        if fitted:
            yield _spaced(fitted)


def _clause_heads(verb: Any) -> Iterator[Any]:
    """A clause's topic nouns: a copula's subject before its complement ("the closure ... was a
    national security interest"), any other verb's object before its subject."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    objects = [c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")]  # "was considered one of ..."
    objects += [g for c in verb.children if c.dep_ == "xcomp" for g in c.children if g.dep_ == "dobj"]
    # A verb joined to it in the same form ("conveyed gratitude ... and reaffirmed the alliance").
    objects += [g for c in verb.children if c.dep_ == "conj" and c.tag_ == verb.tag_ for g in c.children
                if g.dep_ == "dobj"]
    yield from (subjects + objects if verb.lemma_ == "be" or verb.lower_ in _BE else objects + subjects)


def _complements(verb: Any) -> Iterator[Any]:
    """What a verb was done with ("worked with many leading orchestras"), never when or where it
    happened ("in the fourth quarter", "after a week of trading")."""
    yield from (g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
                and g.ent_type_ not in _NOT_TOPICS and not TIME_WORD.search(_spaced(list(g.subtree))))


def _heads(root: Any) -> Iterator[Any]:
    """The nouns a sentence turns on, the most telling first. A sentence that reports speech is
    labelled by what was said, by its speaker only where that names nothing ("East Sussex's fire
    authority said it would co-operate")."""
    reported = next((c for c in root.children if c.dep_ == "ccomp"), None)
    if reported is not None:
        yield from _clause_heads(reported)
    if root.lower_ in _SAYING:
        # What was announced ("announced its earnings"), never whom a speaker told ("told the Journal").
        yield from (c for c in root.children if c.dep_ == "dobj" and c.tag_ not in ("NNP", "NNPS"))
        yield from (c for c in root.children if c.dep_ == "nsubj")
        return
    yield from _clause_heads(root)


@lru_cache(maxsize=4096)
def label_forms(sentence: str) -> tuple[str, ...]:
    """Every label ``sentence`` gives, the most telling first, each a noun phrase of one to four
    of its words with a capital first word; () where spaCy is not installed or none fits."""
    nlp = spacy_pipeline()
    if nlp is None or not sentence.strip():
        return ()
    doc = nlp(sentence.strip())
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return ()
    heads = list(_heads(root))
    # A described subject ("a public fundraising campaign") names a fact better than a bare object
    # ("hit its target"); "the move", "the decision" point back at the news and name it least.
    described = any(h.dep_ in ("nsubj", "nsubjpass") and h.tag_ in ("NN", "NNS") and len(_core(h)) > 1 for h in heads)
    heads.sort(key=lambda h: (_pointing(h), described and h.dep_ == "dobj" and _bare(h)))
    found = [p for head in heads for p in _phrases(head)]
    # Last, where the subject is the keyphrase (no label holds it) and the verb has no object, a
    # short form of its complement: a longer one would repeat the words its bullet reads next.
    if root.lower_ not in _SAYING:
        found += [p for head in _complements(root) for p in _phrases(head) if len(p.split()) <= 2]
    return tuple(dict.fromkeys(p[:1].upper() + p[1:] for p in found))


def _bare(head: Any) -> bool:
    return len(_core(head)) == 1 and not _qualifier(head)


def _pointing(head: Any) -> bool:
    return head.lower_ in _POINTING and any(c.dep_ == "det" for c in head.children) and _bare(head)


def _key(label: str) -> str:
    return label.lower()


def takeaway_label(sentence: str, taken: Iterable[str] = (), stock: str = "", keyphrase: str = "") -> str:
    """The first of ``sentence``'s labels that no label in ``taken`` already is and that leaves
    the keyphrase out (each bullet's sentence tells it; a label holding it too would crowd it);
    else ``stock`` where it is free, else the first free stock label (no two bullets share one)."""
    used = {_key(t) for t in taken}
    topic = _key(keyphrase)
    for form in label_forms(sentence):
        if _key(form) not in used and not (topic and topic in _key(form)):
            return form
    for form in (*((stock,) if stock else ()), *TAKEAWAY_STOCK_LABELS):
        if _key(form) not in used:
            return form
    return stock or TAKEAWAY_STOCK_LABELS[0]
