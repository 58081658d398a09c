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
from collections.abc import Iterable

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
def _reports(text: str) -> tuple[tuple[str, tuple[frozenset[str], ...]], ...]:
    """Each way ``text`` reports a claim: the words that report it, as written ("is said to",
    "allegedly", "blamed", "Josh Earnest said"), and the content-word stems of what they report.
    One pass over one parse serves both ``reported_claims`` and ``hedge_words``."""
    nlp = spacy_pipeline()
    if nlp is None:
        return ()
    out: list[tuple[str, tuple[frozenset[str], ...]]] = []
    for t in nlp(text):
        children = list(t.children)
        aux = next((c for c in children if c.dep_ == "auxpass"), None)
        claim = next((c for c in children if c.dep_ == "xcomp"), None)
        if t.lower_ in _REPORTING and aux is not None and claim is not None:
            out.append((f"{aux.text} {t.text} to", (frozenset(_stems(c.text for c in claim.subtree)),)))
        elif t.lower_ in _ADVERBS:
            out.append((t.text, (frozenset(_stems(c.text for c in t.head.subtree if c.i != t.i)),)))
        elif t.lower_ in _BLAMING and t.pos_ == "VERB" and (deeds := _blamed(t)):
            out.append((t.text, tuple(deeds)))
        elif t.lower_ in _SAYING and t.pos_ == "VERB":
            speaker = next((c for c in children if c.dep_ == "nsubj"), None)
            said = next((c for c in children if c.dep_ == "ccomp"), None)
            if speaker is not None and said is not None:
                out.append((" ".join(w.text for w in speaker.subtree) + f" {t.text}",
                            (frozenset(_stems(c.text for c in said.subtree)),)))
    return tuple(out)


def reported_claims(text: str) -> tuple[frozenset[str], ...]:
    """The content-word stems of each claim ``text`` only reports: what follows a passive
    reporting verb ("is said [to have been trying ...]"), a clause an adverb like "allegedly"
    hedges, a deed laid at someone's door, or what a speaker said."""
    return tuple(claim for _, claims in _reports(text) for claim in claims if claim)


def _blamed(verb: object) -> list[frozenset[str]]:
    """The deed ``verb`` lays at someone's door, with who is blamed: "blamed [Russia] for
    [intensifying their attacks]", "[she] was accused of [spreading fake information]"."""
    children = list(verb.children)  # type: ignore[attr-defined]
    deeds = [g for c in children if c.dep_ == "prep" and c.lower_ in _BLAMED_FOR
             for g in c.children if g.dep_ in ("pcomp", "pobj")]
    if not deeds:
        return []
    who = [c for c in children if c.dep_ in ("dobj", "nsubjpass")]
    return [frozenset(_stems(w.text for part in (*who, deed) for w in part.subtree)) for deed in deeds]


def hedge_words(text: str) -> tuple[str, ...]:
    """The words with which ``text`` reports its claims, as it writes them ("is said to",
    "allegedly", "blamed", "Josh Earnest said"): what a sentence retelling the claim is asked to
    keep."""
    return tuple(dict.fromkeys(words for words, _ in _reports(text)))


def drops_hedge(sentence: str, facts: Iterable[str]) -> bool:
    """Whether ``sentence`` tells a claim one of ``facts`` only reports, with no word that keeps
    it reported."""
    if any(w.lower() in _KEEPING for w in words(sentence)):
        return False
    mine = _stems(words(sentence))
    return any(len(claim & mine) / len(claim) >= TOLD for fact in facts for claim in reported_claims(fact))
