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

from ..text import STOPWORDS
from ..nlp import stem, tokens
from .sources import SourceIndex, content_stems

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

_NEGATION = frozenset("not no never none nobody nothing neither nor without cannot n't denied denies deny refused refuses failed fails".split())
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
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be|got)\s+(?:\w+ly\s+)?\w+(?:ed|en|wn|t)(?:\s+(?!by\b)[\w'’-]+){0,4}\s+by\b", re.I)


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
    after "denied that", the clause's first six. ``plain``, where given, receives the stems of the other content words: those said without a
    negation ("denies allegations: ... allegedly did n't apologize" says "allegedly" plainly too)."""
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
    return set(zip(stems, stems[1:]))


def score(text: str, index: SourceIndex, doc: Any | None = None, named: frozenset[str] = frozenset()) -> Support:
    """``named``: stems of words in names the names check grounds under another form ("U.K." for
    the sources' "London"); they are that check's to judge, not new content here."""
    # Negation words are weighed by the negation check, not as content the sources must hold.
    query = [q for q in content_stems(text) if q not in _NEGATION and q not in named]
    if not query:
        return Support(1.0)
    pos = _pos_weights(doc) if doc is not None and POS_WEIGHTS else {}
    pos_tags = {stem(t.text): t.pos_ for t in doc} if doc is not None else {}
    weights = [index.weight(s) * (LIGHT_WEIGHT if s in _LIGHT else 1.0) * pos.get(s, 1.0) for s in query]
    total = sum(weights) or 1.0
    hits = index.bm25(query, k=8)
    if not hits:
        missing = sorted({w for w in tokens(text) if stem(w) not in index.all_stems and w.lower() == w})
        return Support(0.0, [], missing)
    per_fact = []
    for i, _ in hits:
        have = index.stem_sets[i]
        cov = sum(w for s, w in zip(query, weights) if s in have) / total
        per_fact.append((i, cov))
    per_fact.sort(key=lambda x: -x[1])
    best_i, best_cov = per_fact[0]
    # The best few together, for a sentence that fuses two source sentences.
    union: set[str] = set()
    for i, _ in per_fact[:3]:
        union |= index.stem_sets[i]
        for j in index.neighbours(i):
            union |= index.stem_sets[j]
    union_cov = sum(w for s, w in zip(query, weights) if s in union) / total
    global_cov = sum(w for s, w in zip(query, weights) if s in index.all_stems) / total
    qb = _bigrams(query)
    order = len(qb & _bigrams(index.stems[best_i])) / len(qb) if qb else 1.0
    value = 0.45 * best_cov + 0.3 * union_cov + 0.15 * global_cov + 0.1 * order
    # New things (nouns, names, numbers, adjectives no source holds) are what invention adds.
    novel = {q for q in query if q not in index.all_stems and q not in _LIGHT and pos_tags.get(q) in _THING_POS}
    value -= NOVEL_PENALTY * min(2, len(novel))
    missing = [w for w in tokens(text) if w.lower() not in ("", ) and stem(w) in set(query) - index.all_stems]
    support = Support(round(min(1.0, max(0.0, value)), 4), per_fact[:3], sorted(set(missing)))
    support.contradiction = _contradiction(text, query, index, per_fact, doc)
    if not support.contradiction and doc is not None:
        candidates = [i for i, _ in per_fact]
        support.contradiction = (_agent(doc, index, candidates) or _patient(doc, index, candidates)
                                 or _speaker_as_subject(doc, index, candidates))
    return support


def _contradiction(text: str, query: list[str], index: SourceIndex, per_fact: list[tuple[int, float]], doc: Any | None) -> str:
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


_AUX = frozenset("is are was were be been being am has have had will would".split())
_WORD_RE = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?|[;:]")


def _agent(doc: Any, index: SourceIndex, candidates: list[int]) -> str:
    """Who did it: the subject of a verb must be the doer in the source sentences that have the
    same verb and object ("Ruiz opposed the plan" where the source has shop owners opposing it)."""
    for tok in doc:
        kids = list(tok.children)
        if tok.pos_ == "NOUN" and tok.dep_ == "ROOT":
            # Headlines drop articles, and the small parser then tags their verb a noun ("Art Fund
            # auctions 80,000 works"): a root noun with a direct object is read as the verb, the
            # name compounded with it as the doer.
            subj = next((c for c in kids if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
            obj = next((c for c in kids if c.dep_ in ("dobj", "obj")), None)
            if subj is None or obj is None:
                continue
        elif tok.pos_ not in ("VERB", "AUX") or tok.pos_ == "AUX" and tok.dep_ != "ROOT":
            continue
        else:
            if any(c.dep_ in ("nsubjpass", "auxpass") for c in kids):
                continue
            subj = next((c for c in kids if c.dep_ == "nsubj"), None)
            obj = next((c for c in kids if c.dep_ in ("dobj", "obj", "attr")), None)
            if subj is None or obj is None or subj.pos_ == "PRON":
                continue
        subj_stems = {stem(t.text) for t in subj.subtree if not t.is_stop and t.is_alpha}
        obj_stems = {stem(t.text) for t in obj.subtree if not t.is_stop and t.is_alpha}
        if not subj_stems or not obj_stems:
            continue
        named_subject = subj.pos_ == "PROPN"
        if not named_subject and not (subj_stems & index.all_stems):
            continue  # a new word for the doer: the coverage score weighs it
        verb = stem(tok.text)
        sentence_stems = {stem(t.text) for t in doc if t.is_alpha}
        others = sentence_stems - subj_stems - {verb}
        named_elsewhere = False
        agentless = False  # the verb appears only in the passive with no doer named
        for i in candidates:
            words = _WORD_RE.findall(index.facts[i].text)
            stems_ = [stem(w) for w in words]
            if not (obj_stems & set(stems_)):
                continue
            for k, st in enumerate(stems_):
                if st != verb:
                    continue
                if words[k].lower().endswith("ing") and not (k and words[k - 1].lower() in _AUX):
                    continue  # a participle ("ending a dispute"): its doer is not before it
                after = " ".join(words[k + 1 : k + 3]).lower()
                progressive = words[k].lower().endswith("ing")
                passive = not progressive and (after.startswith("by") or (k and words[k - 1].lower() in ("is", "are", "was", "were", "been", "be", "being")))
                if passive:
                    region_words = words[k + 1 : k + 7]  # passive: the doer follows "by"
                else:
                    start = max((j for j in range(k) if words[j] in (";", ":")), default=-1) + 1
                    region_words = words[max(start, k - 6) : k]
                region = {stem(w) for w in region_words}
                if subj_stems & region or any(a[:4] == b[:4] for a in subj_stems for b in region if len(a) >= 4 and len(b) >= 4):
                    return ""
                if named_subject:
                    named = [w for w in region_words if w[:1].isupper() and w.lower() not in STOPWORDS]
                    if not named and passive and not after.startswith("by"):
                        agentless = True  # "works faced being auctioned": the source names no doer
                        continue
                    if not named or any(stem(w) in sentence_stems for w in named):
                        return ""  # the source's doer is unclear, or named in the sentence too: no verdict
                elif not (region & others & index.all_stems):
                    # A common-noun doer ("the union") counts only when the sentence gives it
                    # another role ("... from the union"): "the network adds" for "the plan adds"
                    # is a paraphrase.
                    return ""
                named_elsewhere = True
        if named_elsewhere:
            return f"in the sources, someone other than '{subj.text}' {tok.text} {obj.text}"
        if agentless:
            # "Art Fund auctions 80,000 works" where the works only "faced being auctioned".
            doer = " ".join(t.text for t in subj.subtree if t.i == subj.i or t.dep_ in ("compound", "flat"))
            return f"the sources do not say who {tok.text} {obj.text}; the sentence says '{doer}'"
    return ""


_BE = frozenset("is are was were be been being".split())
# Words for people that do not end like one ("-er", "-ist", "-ian", ...; "old" for "the
# 52-year-old"): a person named in the sentence may be one of these in the source.
_PERSON_NOUNS = frozenset(
    "people person persons man men woman women child children boy boys girl girls inmate inmates "
    "suspect suspects victim victims staff crew family families couple pair chief head boss pm "
    "mp mps doctor doctors nurse nurses police spouse wife husband son daughter mother father old".split()
)
_PERSON_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "man", "men", "ee", "ess", "ive")
_COUNT_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty hundred hundreds "
    "thousand thousands million millions dozen dozens several many some few all both".split()
)


def _people_word(word: str) -> bool:
    w = word.lower()
    if w in _COUNT_WORDS:
        return False
    return w in _PERSON_NOUNS or w.rstrip("s").endswith(_PERSON_ENDINGS) or w.endswith(_PERSON_ENDINGS)


def _patient(doc: Any, index: SourceIndex, candidates: list[int]) -> str:
    """To whom it was done: a person named as the subject of a passive verb must be named where
    the sources tell that verb, unless the source's subject there could be that person ("the
    founder was arrested" for "Watson was arrested"). Catches "Josh Earnest was established in
    2002 by the Bush administration" where the source has the camp established."""
    for tok in doc:
        if tok.pos_ != "VERB":
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if subj is None or subj.pos_ != "PROPN" or subj.ent_type_ != "PERSON":
            continue
        name = [t for t in subj.subtree if t.i == subj.i or t.dep_ in ("compound", "flat")]
        subj_stems = {stem(t.text) for t in name if t.is_alpha and not t.is_stop}
        if not subj_stems or not subj_stems <= index.all_stems:
            continue  # a name the sources lack: the names check reports it
        verb = stem(tok.text)
        other = ""
        for i in candidates:
            words = _WORD_RE.findall(index.facts[i].text)
            stems_ = [stem(w) for w in words]
            if verb not in stems_:
                continue
            if subj_stems & set(stems_):
                return ""  # a source sentence with this verb names the person: no verdict
            for k, st in enumerate(stems_):
                if st != verb or k < 2 or words[k - 1].lower() not in _BE:
                    continue
                start = max((j for j in range(k) if words[j] in (";", ":")), default=-1) + 1
                before = [w for w in words[max(start, k - 6) : k - 1] if w.isalpha() and w.lower() not in STOPWORDS]
                if not before or any(_people_word(w) for w in before):
                    return ""  # no subject found, or one that may be this person: no verdict
                other = other or " ".join(before + words[k - 1 : k + 1])
        if other:
            return f"the sources say '{other}', not {' '.join(t.text for t in name)}"
    return ""


_SPEECH = r"(?:said|says|told|added|announced|confirmed|stated|noted|explained|insisted|claimed|declared|warned)"
_PRONOUN_START = re.compile(r"^(?:that\s+)?(?:it|he|she|they|we|i|its|his|her|their|our)\b", re.I)


def _speaker_as_subject(doc: Any, index: SourceIndex, candidates: list[int]) -> str:
    """Who it is said of: a name that is only the speaker in the source sentence must not become
    the subject of what the speaker said ("Netflix will be available next year" where the source
    has "The show will be available next year, Netflix said")."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or re.fullmatch(_SPEECH, root.text, re.I) or stem(root.text) in ("say", "tell"):
        return ""
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ != "PROPN":
        return ""
    name = " ".join(t.text for t in subj.subtree if t.i == subj.i or t.dep_ in ("compound", "flat"))
    name_stems = {stem(w) for w in _WORD_RE.findall(name)}
    rest = {stem(t.text) for t in doc if t.is_alpha and not t.is_stop} - name_stems
    for i in candidates[:3]:
        fact = index.facts[i].text
        words = re.escape(name.split()[-1])
        after = re.search(rf",\s*(?:[\w.'’-]+\s+){{0,4}}{words}\s+{_SPEECH}\b[^,]*[.!?]?$", fact)
        before = re.match(rf"^(?:[\w.'’-]+\s+){{0,4}}{words}\s+{_SPEECH}\s+", fact)
        if after:
            content = fact[: after.start()]
        elif before:
            content = fact[before.end() :]
        else:
            continue
        if _PRONOUN_START.match(content.strip()) or name_stems & {stem(w) for w in _WORD_RE.findall(content)}:
            continue  # the speaker speaks of itself ("Netflix said it will ...")
        content_stems = {stem(w) for w in _WORD_RE.findall(content)}
        if rest and len(rest & content_stems) >= 0.6 * len(rest):
            return f"in the sources, {name} says this of something else: '{fact}'"
    return ""
