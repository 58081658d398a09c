"""Statements: does the meaning follow from some source sentences?

Retrieval is BM25 over the facts; support is the idf-weighted share of the sentence's content
words that the best fact (and the best few together) hold, with word-order evidence from bigrams.
Negations, opposite comparisons and who-did-what swaps against the best fact count as contradictions.
The score is in 0..1; ``SUPPORT_THRESHOLD`` is the operating point chosen on the benchmarks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..nlp import stem, tokens
from ..text import STOPWORDS
from .roles import role_conflict
from .sources import SourceIndex, content_stems
from .tenses import aim_told_as_done, done_told_as_coming

# The operating point, chosen on the benchmarks' dev halves (bench/grounding_bench.py prints the
# sweep): with the novelty penalty below, 0.40 gives a mean balanced accuracy of 62.6 over the
# seven datasets (0.55: 60.5; 0.70: 59.7); 0.30 is a little higher (63.4) but lets more through on
# CNN/DM-style news, where briefs come from.
SUPPORT_THRESHOLD = 0.40
BORDERLINE = 0.12  # the judge is asked only within this margin of the threshold

# Everyday words a paraphrase adds freely; they weigh little in the support score.
_LIGHT = frozenset(stem(w) for w in """go goes went gone going make makes made become becomes became get gets got
    take takes took put come comes came keep kept old new together also still even just really own well back way lot
    many much tell told says said say like get give gave later earlier recent recently currently total overall
    set stand stood show shows showed move moved lead led""".split())
LIGHT_WEIGHT = 0.3
# Invented content is mostly things (nouns, names, numbers); a new verb or adverb is more often
# a paraphrase. Weights by part of speech, applied to the sentence's words.
POS_WEIGHTS = {"NOUN": 1.0, "PROPN": 1.0, "NUM": 1.0, "ADJ": 0.8, "VERB": 0.6, "ADV": 0.4, "AUX": 0.3}


# Each new thing (at most two) costs this much support; on the benchmarks it raised the 5-fold
# balanced accuracy on CLIFF (71.2 -> 72.9), XSumFaith (74.2 -> 75.6) and QAGS-XSum (57.9 -> 61.1).
NOVEL_PENALTY = 0.15
_THING_POS = frozenset({"NOUN", "PROPN", "NUM", "ADJ"})


def _pos_weights(doc: Any) -> dict[str, float]:
    out: dict[str, float] = {}
    for tok in doc:
        if tok.is_alpha or tok.like_num:
            w = POS_WEIGHTS.get(tok.pos_, 0.6)
            s = stem(tok.text)
            out[s] = max(out.get(s, 0.0), w)
    return out

_NEGATION = frozenset(
    "not no never none nobody nothing neither nor without cannot n't denied denies deny refused refuses failed fails"
    .split()
)
_OPPOSITES = [
    ("increas", "decreas"), ("rise", "fall"), ("ris", "fall"), ("up", "down"), ("higher", "lower"), ("more", "less"),
    ("more", "fewer"), ("gain", "loss"), ("win", "lose"), ("approv", "reject"), ("accept", "reject"),
    ("before", "after"), ("above", "below"), ("majority", "minority"), ("largest", "smallest"),
    ("biggest", "smallest"), ("first", "last"), ("support", "oppos"), ("open", "clos"), ("start", "end"),
    ("allow", "ban"), ("boost", "cut"), ("expand", "reduc"), ("strong", "weak"), ("success", "fail"),
    ("guilty", "innocent"), ("hire", "fire"), ("buy", "sell"), ("import", "export"), ("ris", "drop"),
    ("rise", "drop"), ("increas", "cut"), ("win", "defeat"), ("best", "worst"), ("earlier", "later"),
]


# A passive verb with its doer, which may follow an adverbial: "was established in 2002 by the
# Bush administration".
_PASSIVE = re.compile(
    r"\b(?:was|were|been|being|is|are|be|got)\s+(?:\w+ly\s+)?\w+(?:ed|en|wn|t)(?:\s+(?!by\b)[\w'’-]+){0,4}\s+by\b", re.I
)


@dataclass
class Support:
    score: float
    facts: list[tuple[int, float]] = field(default_factory=list)  # (fact index, score), best first
    missing: list[str] = field(default_factory=list)  # content words no source holds
    contradiction: str = ""  # why the best fact contradicts the sentence, if it does


_NEG_SCOPE = 3
_DENIALS = frozenset("denied denies deny denying".split())
_CLAUSE_SCOPE = 6  # content words of the denied clause


def _negated(text: str, plain: set[str] | None = None) -> set[str]:
    """Stems of the content words a negation governs: the first within three words after it, or,
    after "denied that", the clause's first six. ``plain``, where given, receives the stems of the
    other content words: those said without a negation ("denies allegations: ... allegedly did
    n't apologize" says "allegedly" plainly too)."""
    ws = re.findall(r"[A-Za-z']+", text.replace("’", "'"))
    out: set[str] = set()
    governed: set[int] = set()
    for k, w in enumerate(ws):
        lw = w.lower()
        if lw in _DENIALS and k + 1 < len(ws) and ws[k + 1].lower() == "that":
            # "denied that Prof. Jones cut 400 jobs": the whole clause is denied, its doer and verb
            # with it, not just the first word after "that".
            clause = [j for j in range(k + 2, len(ws)) if ws[j].lower() not in STOPWORDS][:_CLAUSE_SCOPE]
            out.update(stem(ws[j]) for j in clause)
            governed.update(clause)
        elif lw in _NEGATION or lw.endswith("n't"):
            for j, nxt in enumerate(ws[k + 1 : k + 1 + _NEG_SCOPE], start=k + 1):
                if nxt.lower() not in STOPWORDS and nxt.lower() not in _NEGATION:
                    out.add(stem(nxt))
                    governed.add(j)
                    break
    if plain is not None:
        plain.update(stem(w) for j, w in enumerate(ws) if j not in governed and w.lower() not in STOPWORDS)
    return out


def _bigrams(stems: list[str]) -> set[tuple[str, str]]:
    return set(zip(stems, stems[1:], strict=False))


def score(text: str, index: SourceIndex, doc: Any | None = None, named: frozenset[str] = frozenset()) -> Support:
    """``named``: stems of words in names the names check grounds under another form ("U.K." for
    the sources' "London"); they are that check's to judge, not new content here."""
    # Negation words are weighed by the negation check, not as content the sources must hold.
    query = [q for q in content_stems(text) if q not in _NEGATION and q not in named]
    if not query:
        return Support(1.0)
    hits = index.bm25(query, k=8)
    if not hits:
        missing = sorted({w for w in tokens(text) if stem(w) not in index.all_stems and w.lower() == w})
        return Support(0.0, [], missing)
    weights = _weights(query, index, doc)
    total = sum(weights) or 1.0
    per_fact = sorted(((i, _share(query, weights, index.stem_sets[i], total)) for i, _ in hits), key=lambda x: -x[1])
    value = _value(query, weights, total, per_fact, index, doc)
    missing = [w for w in tokens(text) if w.lower() not in ("", ) and stem(w) in set(query) - index.all_stems]
    support = Support(round(min(1.0, max(0.0, value)), 4), per_fact[:3], sorted(set(missing)))
    support.contradiction = _contradiction(text, query, index, per_fact, doc)
    if not support.contradiction and doc is not None:
        candidates = [i for i, _ in per_fact]
        support.contradiction = role_conflict(doc, index, candidates) or done_told_as_coming(doc, index, candidates) \
            or aim_told_as_done(doc, index, candidates)
    return support


def _weights(query: list[str], index: SourceIndex, doc: Any | None) -> list[float]:
    """Each query stem's weight: its rarity, lighter for everyday words and by part of speech."""
    pos = _pos_weights(doc) if doc is not None and POS_WEIGHTS else {}
    return [index.weight(s) * (LIGHT_WEIGHT if s in _LIGHT else 1.0) * pos.get(s, 1.0) for s in query]


def _share(query: list[str], weights: list[float], have: set[str], total: float) -> float:
    """The weighted share of the query that ``have`` holds."""
    return sum(w for s, w in zip(query, weights, strict=True) if s in have) / total


def _value(query: list[str], weights: list[float], total: float, per_fact: list[tuple[int, float]],
           index: SourceIndex, doc: Any | None) -> float:
    """The support before clipping: the best fact, the best few together, all sources, word order,
    less a penalty for new things."""
    best_i, best_cov = per_fact[0]
    # The best few together, for a sentence that fuses two source sentences.
    union: set[str] = set()
    for i, _ in per_fact[:3]:
        union |= index.stem_sets[i]
        for j in index.neighbours(i):
            union |= index.stem_sets[j]
    union_cov = _share(query, weights, union, total)
    global_cov = _share(query, weights, index.all_stems, total)
    qb = _bigrams(query)
    order = len(qb & _bigrams(index.stems[best_i])) / len(qb) if qb else 1.0
    value = 0.45 * best_cov + 0.3 * union_cov + 0.15 * global_cov + 0.1 * order
    # New things (nouns, names, numbers, adjectives no source holds) are what invention adds.
    pos_tags = {stem(t.text): t.pos_ for t in doc} if doc is not None else {}
    novel = {q for q in query if q not in index.all_stems and q not in _LIGHT and pos_tags.get(q) in _THING_POS}
    return value - NOVEL_PENALTY * min(2, len(novel))


def _contradiction(text: str, query: list[str], index: SourceIndex, per_fact: list[tuple[int, float]],
                   doc: Any | None) -> str:
    best_i, best_cov = per_fact[0]
    if best_cov < 0.6:
        return ""
    fact_text = index.facts[best_i].text
    close = [i for i, c in per_fact if c >= best_cov - 0.1]
    # Negation: a word the sentence negates that the close source sentences assert, or the reverse.
    neg_a = _negated(text)
    qs = set(query)
    for i in close:
        f_text = index.facts[i].text
        plain_f: set[str] = set()
        neg_f = _negated(f_text, plain_f)
        fs = index.stem_sets[i]
        if (neg_a - neg_f) & fs:
            word = sorted((neg_a - neg_f) & fs)[0]
            if i == best_i and not any(word in _negated(index.facts[j].text) for j in close):
                return f"it negates '{word}…' where the source does not: '{f_text}'"
        # (Where the sentence negates a word the source negates too, it keeps the negation: "Jones
        # did not cut jobs" for "He denied that Jones cut jobs".)
        if (neg_f - neg_a - plain_f) & qs and not neg_a & neg_f and i == best_i and best_cov >= 0.8:
            word = sorted((neg_f - neg_a - plain_f) & qs)[0]
            return f"the source negates '{word}…' where the sentence does not: '{f_text}'"
    qp, fp = _prefixes(qs), _prefixes(index.stem_sets[best_i])
    for a, b in _OPPOSITES:
        for x, y in ((a, b), (b, a)):
            if x in qp and y not in qp and y in fp and x not in fp:
                return f"it says '{x}…' where the source says '{y}…': '{fact_text}'"
    swap = _swap(doc, index.stems[best_i], fact_text) if doc is not None else ""
    if swap:
        return f"{swap}: '{fact_text}'"
    return ""


def _prefixes(stems: set[str]) -> set[str]:
    """The stems and their prefixes of four letters or more: 'increas' matches 'increased'."""
    out = set(stems)
    for w in stems:
        out.update(w[:k] for k in range(4, len(w)))
    return out


def _swap(doc: Any, fact_stems: list[str], fact_text: str) -> str:
    """Who did what to whom: the subject and object of a verb trade places in the source."""
    for tok in doc:
        if tok.pos_ != "VERB":
            continue
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        obj = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
        if not subj or not obj:
            continue
        s, o, v = stem(subj[0].text), stem(obj[0].text), stem(tok.text)
        if s == o or s not in fact_stems or o not in fact_stems or v not in fact_stems:
            continue
        ps, po, pv = fact_stems.index(s), fact_stems.index(o), fact_stems.index(v)
        if po < pv < ps and not _PASSIVE.search(fact_text) and not _PASSIVE.search(doc.text):
            return f"the source has it the other way round ({obj[0].text} {tok.text} {subj[0].text})"
    return ""
