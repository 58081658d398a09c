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

from ..lexicon import REPORTING, forms
from ..nlp import spacy_pipeline, stem
from ..text import STOPWORDS, words

# Verbs that report a claim in the passive with what is claimed after them ("is said to have").
_REPORTING = forms({"say", "believe", "report", "think", "understand", "allege", "suspect", "rumour",
                    "claim", "fear", "know", "expect", "estimate"}, base=False)
_ADVERBS = frozenset({"allegedly", "reportedly", "apparently", "purportedly", "supposedly", "reputedly"})
# Verbs that lay a deed at someone's door ("blamed Russia for intensifying attacks", "was accused
# of spreading fake information"): the deed is the blamer's claim, not a fact of the story.
_BLAMING = forms({"blame", "accuse", "charge", "suspect"}, base=True)
_BLAMED_FOR = frozenset({"for", "of", "with"})
# Verbs whose subject reports what follows ("Josh Earnest said [the closure ... was a national
# security interest]"): what was said is the speaker's claim.
_SAYING = forms(REPORTING, base=True)
# Words that keep a claim reported, not stated.
_KEEPING = _REPORTING | _ADVERBS | _BLAMING | _SAYING | frozenset(
    {"alleged", "according", "may", "might", "could", "possibly", "probably", "accused", "suspected",
     "claims", "reports", "says", "said", "say"})
TOLD = 0.6  # the share of a reported claim's content words that tells it


def _stems(tokens: Iterable[str]) -> set[str]:
    return {stem(w) for w in tokens if w.lower() not in STOPWORDS and w[:1].isalpha()}


@functools.lru_cache(maxsize=1024)  # every model sentence of an article is held to the same facts
def _reports(text: str) -> tuple[tuple[str, tuple[frozenset[str], ...], bool], ...]:
    """Each way ``text`` reports a claim: the words that report it, as written ("is said to",
    "allegedly", "blamed", "Josh Earnest said"), the content-word stems of what they report, and
    whether the claim is unproven (said to be, alleged, blamed) rather than a speaker's statement.
    One pass over one parse serves ``reported_claims``, ``hedge_words`` and ``unhedged``."""
    nlp = spacy_pipeline()
    if nlp is None or not any(w.lower() in _KEEPING for w in words(text)):
        return ()  # no word that reports: spare the parse (the verifier asks this of every fact)
    out: list[tuple[str, tuple[frozenset[str], ...], bool]] = []
    for t in nlp(text):
        children = list(t.children)
        aux = next((c for c in children if c.dep_ == "auxpass"), None)
        claim = next((c for c in children if c.dep_ == "xcomp"), None)
        if t.lower_ in _REPORTING and aux is not None and claim is not None:
            out.append((f"{aux.text} {t.text} to", (frozenset(_stems(c.text for c in claim.subtree)),), True))
        elif t.lower_ in _ADVERBS:
            out.append((t.text, (frozenset(_stems(c.text for c in t.head.subtree if c.i != t.i)),), True))
        elif t.lower_ in _BLAMING and t.pos_ == "VERB" and (deeds := _blamed(t)):
            out.append((t.text, tuple(deeds), True))
        elif t.lower_ in _SAYING and t.pos_ == "VERB":
            speaker = next((c for c in children if c.dep_ == "nsubj"), None)
            said = next((c for c in children if c.dep_ == "ccomp"), None)
            if speaker is not None and said is not None:
                out.append((" ".join(w.text for w in speaker.subtree) + f" {t.text}",
                            (frozenset(_stems(c.text for c in said.subtree)),), False))
    return tuple(out)


def reported_claims(text: str) -> tuple[frozenset[str], ...]:
    """The content-word stems of each claim ``text`` only reports: what follows a passive
    reporting verb ("is said [to have been trying ...]"), a clause an adverb like "allegedly"
    hedges, a deed laid at someone's door, or what a speaker said."""
    return tuple(claim for _, claims, _unproven in _reports(text) for claim in claims if claim)


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
    return tuple(dict.fromkeys(hedge for hedge, _, _unproven in _reports(text)))


def drops_hedge(sentence: str, facts: Iterable[str]) -> bool:
    """Whether ``sentence`` tells a claim one of ``facts`` only reports, with no word that keeps
    it reported."""
    return next(_dropped(sentence, facts), None) is not None


def _dropped(sentence: str, facts: Iterable[str], statements: bool = True) -> Iterator[tuple[str, str, frozenset[str]]]:
    """(the hedge words, the fact, the claim) for each claim of ``facts`` that ``sentence`` tells
    with no word that keeps it reported; with ``statements`` False, only unproven claims, not
    what a speaker stated."""
    if any(w.lower() in _KEEPING for w in words(sentence)):
        return
    mine = _stems(words(sentence))
    for fact in facts:
        for hedge, claims, unproven in _reports(fact):
            for claim in claims:
                if claim and (unproven or statements) and len(claim & mine) / len(claim) >= TOLD:
                    yield hedge, fact, claim


def unhedged(sentence: str, reporting: Iterable[str], facts: Iterable[str]) -> tuple[str, str] | None:
    """(the hedge words, the fact) where ``sentence`` states as fact a claim one of ``reporting``
    (the facts it rests on) holds unproven (said to be, alleged, blamed), and none of ``facts``
    (all the sources) states it plainly: "Police suspect a man stole the car" beside "A man stole
    the car on Friday" lets "A man stole the car" stand. What a speaker stated ("police said a
    man was arrested") is not held to it: newsrooms drop the speaker of an uncontested fact, and
    a model's sentence is held to it by the repairer instead (``drops_hedge``)."""
    everything = list(facts)
    for hedge, fact, claim in _dropped(sentence, reporting, statements=False):
        if not any(_states(other, claim) for other in everything if other != fact):
            return hedge, fact
    return None


def _states(fact: str, claim: frozenset[str]) -> bool:
    """Whether ``fact`` tells ``claim`` without reporting it."""
    if len(claim & _stems(words(fact))) / len(claim) < TOLD:
        return False
    return not any(len(claim & other) / len(claim) >= TOLD for other in reported_claims(fact))
