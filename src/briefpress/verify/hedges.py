"""Claims a source only reports: "The man is said to have been trying to gather details ...",
"... allegedly impersonated ...", "Washington blamed Russia for intensifying attacks", "Josh
Earnest said the closure ... was a national security interest". A sentence that tells such a
claim without its hedge ("The man was trying to gather information ...", "Washington's actions
... have intensified their attacks", "The closure ... was a national security interest") states
as fact what the source does not, though every word of it may be the source's, so the grounding
check passes it. A model's sentence is held to keep the hedge, or some other ("allegedly",
"according to", "may").
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import Any

from ..lexicon import REPORTING, forms
from ..nlp import spacy_pipeline, stem
from ..text import STOPWORDS, words

# Verbs that report a claim in the passive with what is claimed after them ("is said to have").
_REPORTING = forms({"say", "believe", "report", "think", "understand", "allege", "suspect", "rumour",
                    "claim", "fear", "know", "expect", "estimate"}, base=False)
# Verbs whose subject lays claim to a deed of their own ("claimed to have hijacked printers"):
# the deed is their claim, not a fact of the story.
_CLAIMING = forms({"claim", "purport", "profess"}, base=True)
_ADVERBS = frozenset({"allegedly", "reportedly", "apparently", "purportedly", "supposedly", "reputedly"})
# Verbs that lay a deed at someone's door ("blamed Russia for intensifying attacks", "was accused
# of spreading fake information"): the deed is the blamer's claim, not a fact of the story.
_BLAMING = forms({"blame", "accuse", "charge", "suspect"}, base=True)
_BLAMED_FOR = frozenset({"for", "of", "with"})
# Verbs whose subject reports what follows ("Josh Earnest said [the closure ... was a national
# security interest]"): what was said is the speaker's claim.
_SAYING = forms(REPORTING, base=True)
# Words that keep a claim reported, not stated.
_KEEPING = _REPORTING | _ADVERBS | _BLAMING | _SAYING | _CLAIMING | frozenset(
    {"alleged", "according", "may", "might", "could", "possibly", "probably", "accused", "suspected",
     "claims", "reports", "says", "said", "say"})
# Verbs that put what follows them in prospect ("faced [being auctioned]", "plans [to build]",
# "threatened [to strike]"): it has not happened, and a sentence that tells it as done says what
# the sources do not ("The works of art were auctioned" of works that were saved).
_PROSPECT = forms({"face", "risk", "threaten", "plan", "aim", "hope", "seek", "try", "attempt", "propose",
                   "intend", "want", "prepare", "vow", "pledge", "promise"}, base=True)
# Words that keep a claim in prospect: the verb itself or a modal.
_KEEPING_PROSPECT = _KEEPING | _PROSPECT | frozenset(
    {"will", "would", "should", "can", "set", "due", "likely", "possible", "expected", "planned", "proposed"})
TOLD = 0.6  # the share of a reported claim's content words that tells it


def _stems(tokens: Iterable[str]) -> set[str]:
    return {stem(w) for w in tokens if w.lower() not in STOPWORDS and w[:1].isalpha()}


@functools.lru_cache(maxsize=1024)  # every model sentence of an article is held to the same facts
def _reports(text: str) -> tuple[tuple[str, tuple[frozenset[str], ...], str], ...]:
    """Each way ``text`` reports a claim: the words that report it, as written ("is said to",
    "allegedly", "blamed", "Josh Earnest said", "faced"), the content-word stems of what they
    report, and its kind: "unproven" (said to be, alleged, blamed), "prospect" (faced, plans to:
    not yet done) or "statement" (a speaker's). One pass over one parse serves
    ``reported_claims``, ``hedge_words`` and ``unhedged``."""
    nlp = spacy_pipeline()
    if nlp is None or not any(w.lower() in _KEEPING or w.lower() in _PROSPECT for w in words(text)):
        return ()  # no word that reports: spare the parse (the verifier asks this of every fact)
    out: list[tuple[str, tuple[frozenset[str], ...], str]] = []
    for t in nlp(text):
        children = list(t.children)
        aux = next((c for c in children if c.dep_ == "auxpass"), None)
        claim = next((c for c in children if c.dep_ == "xcomp"), None)
        if t.lower_ in _REPORTING and aux is not None and claim is not None:
            out.append((f"{aux.text} {t.text} to", _parts(claim), "unproven"))
        elif t.lower_ in _CLAIMING and claim is not None and aux is None:
            out.append((t.text, _parts(claim), "unproven"))  # "Dokukin claimed to have hijacked ..."
        elif t.lower_ in _ADVERBS:
            out.append((t.text, (frozenset(_stems(c.text for c in t.head.subtree if c.i != t.i)),), "unproven"))
        elif t.lower_ in _BLAMING and t.pos_ == "VERB" and (deeds := _blamed(t)):
            out.append((t.text, tuple(deeds), "unproven"))
        elif t.lower_ in _PROSPECT and t.pos_ == "VERB" and claim is not None and aux is None:
            out.append((t.text, _parts(claim), "prospect"))
        elif t.lower_ in _SAYING and t.pos_ == "VERB":
            speaker = next((c for c in children if c.dep_ == "nsubj"), None)
            if speaker is None and t.dep_ == "conj":  # "Moscow denies ..., and says ...": the first verb's
                speaker = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
            said = next((c for c in children if c.dep_ == "ccomp"), None)
            if speaker is not None and said is not None:
                out.append((" ".join(w.text for w in speaker.subtree) + f" {t.text}", _parts(said), "statement"))
    return tuple(out)


# Asides inside a claim: who the people it names are ("Jodie Sweetin, who played Stephanie Tanner in
# the original series, ..."), not what is claimed. A sentence that tells the claim without them
# still tells it.
_ASIDES = frozenset({"relcl", "appos", "acl", "parataxis"})


def _core(head: Any, apart: frozenset[str] = _ASIDES) -> frozenset[str]:
    """The content-word stems of the phrase ``head`` heads, less the phrases under it whose
    relation is in ``apart``."""
    tokens = [t for t in head.subtree
              if not any(a.dep_ in apart for a in [t, *t.ancestors] if a.i != head.i and head in a.ancestors)]
    return frozenset(_stems(t.text for t in tokens))


def _parts(head: Any) -> tuple[frozenset[str], ...]:
    """A claim's parts, each of which told alone as fact drops the hedge: the whole claim, its main
    clause, and each clause it holds ("claimed to have hijacked printers [to print messages ...]"),
    those of two content words or more (one word, "auctioned", is no claim of its own)."""
    nested = _ASIDES | {"advcl", "xcomp"}
    clauses = [_core(c) for c in head.subtree if c.dep_ in ("advcl", "xcomp") and c.i != head.i]
    parts = (_core(head), _core(head, nested), *clauses)
    return tuple(dict.fromkeys(part for part in parts if len(part) >= 2))


def reported_claims(text: str) -> tuple[frozenset[str], ...]:
    """The content-word stems of each claim ``text`` only reports: what follows a passive
    reporting verb ("is said [to have been trying ...]"), a clause an adverb like "allegedly"
    hedges, a deed laid at someone's door, or what a speaker said."""
    return tuple(claim for _, claims, _kind in _reports(text) for claim in claims if claim)


def _blamed(verb: object) -> list[frozenset[str]]:
    """The deed ``verb`` lays at someone's door, with who is blamed: "blamed [Russia] for
    [intensifying their attacks]", "[she] was accused of [spreading fake information]"."""
    children = list(verb.children)  # type: ignore[attr-defined]
    deeds = [g for c in children if c.dep_ == "prep" and c.lower_ in _BLAMED_FOR
             for g in c.children if g.dep_ in ("pcomp", "pobj")]
    # The parser may hang a gerund deed on the one blamed ("accused [a man of stealing ...]");
    # a noun there names them instead ("the mayor of Leeds").
    deeds += [g for c in children if c.dep_ == "dobj" for p in c.children
              if p.dep_ == "prep" and p.lower_ in _BLAMED_FOR for g in p.children if g.dep_ == "pcomp"]
    if not deeds:
        return []
    who = [c for c in children if c.dep_ in ("dobj", "nsubjpass")]
    return [frozenset(_stems(w.text for part in (*who, deed) for w in part.subtree)) for deed in deeds]


def hedge_words(text: str) -> tuple[str, ...]:
    """The words with which ``text`` reports its claims, as it writes them ("is said to",
    "allegedly", "blamed", "Josh Earnest said"): what a sentence retelling the claim is asked to
    keep."""
    return tuple(dict.fromkeys(hedge for hedge, _, _kind in _reports(text)))


def drops_hedge(sentence: str, facts: Iterable[str]) -> bool:
    """Whether ``sentence`` tells a claim one of ``facts`` only reports, with no word that keeps
    it reported."""
    return next(_dropped(sentence, facts), None) is not None


Dropped = tuple[str, str, frozenset[str], str]  # the hedge words, the fact, the claim, its kind


def _dropped(sentence: str, facts: Iterable[str], statements: bool = True) -> Iterator[Dropped]:
    """Each claim of ``facts`` that ``sentence`` tells with no word that keeps it reported (for a
    prospect: the verb or a modal); with ``statements`` False, only unproven claims and
    prospects, not what a speaker stated."""
    told = {w.lower() for w in words(sentence)}
    mine = _stems(words(sentence))
    for fact in facts:
        for hedge, claims, kind in _reports(fact):
            if told & (_KEEPING_PROSPECT if kind == "prospect" else _KEEPING) or kind == "statement" and not statements:
                continue
            for claim in claims:
                if claim and len(claim & mine) / len(claim) >= TOLD:
                    yield hedge, fact, claim, kind


def unhedged(sentence: str, reporting: Iterable[str], facts: Iterable[str]) -> tuple[str, str, str] | None:
    """(the hedge words, the fact, the kind) where ``sentence`` states as fact a claim one of
    ``reporting`` (the facts it rests on) holds unproven (said to be, alleged, blamed: kind
    "unproven") or in prospect (faced being auctioned, plans to build: "prospect"), and none of
    ``facts`` (all the sources) states it plainly: "Police suspect a man stole the car" beside "A
    man stole the car on Friday" lets "A man stole the car" stand. What a speaker stated ("police
    said a man was arrested") is not held to it: newsrooms drop the speaker of an uncontested
    fact, and a model's sentence is held to it by the repairer instead (``drops_hedge``)."""
    everything = list(facts)
    for hedge, fact, claim, kind in _dropped(sentence, reporting, statements=False):
        if not any(_states(other, claim) for other in everything if other != fact):
            return hedge, fact, kind
    return None


def _states(fact: str, claim: frozenset[str]) -> bool:
    """Whether ``fact`` tells ``claim`` without reporting it."""
    if len(claim & _stems(words(fact))) / len(claim) < TOLD:
        return False
    return not any(len(claim & other) / len(claim) >= TOLD for other in reported_claims(fact))
