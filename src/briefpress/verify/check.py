"""Sentence verdicts: each check, cheapest first, then the verdict that follows from their reasons.

A failed figure, name, quote or attribution check is final; the statement check gives a support
score, and only a borderline score may be settled by a judge.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Any

from ..models import Fact
from ..text import STOPWORDS
from . import attributions as attr
from . import figures as fig
from . import names as nm
from . import quotes as qt
from .article import ArticleSentence
from .judge import Judge, ask_judge
from ..nlp import parse, stem, tokens
from .report import EvidenceSpan, Reason, SentenceVerdict
from .sources import SourceIndex
from .statements import BORDERLINE, SUPPORT_THRESHOLD, Support, score

log = logging.getLogger(__name__)

_QUESTION = re.compile(r"\?[\"”’')]*$")
_CTA = re.compile(r"^(?:read|subscribe|sign up|follow|share|click|learn more|find out|see|watch|listen|contact|here are|here is|key facts on)\b", re.I)


def is_no_claim(text: str, doc: Any | None = None) -> bool:
    """Questions, headings, labels and calls to action: sentences that assert no fact."""
    t = text.strip()
    if not t or _QUESTION.search(t):
        return True
    words = re.findall(r"[A-Za-z0-9]+", t)
    content = [w for w in words if w.lower() not in STOPWORDS]
    if not content:
        return True
    if _CTA.match(t) and not fig.extract(t):
        return True
    # A short heading: no end punctuation, no figure, a few words, and no verb ("Key Takeaways",
    # not "Riverton approves cycle lanes").
    if len(words) <= 5 and not re.search(r"[.!]$", t) and not fig.extract(t):
        return doc is None and len(words) <= 3 or doc is not None and not any(tok.pos_ in ("VERB", "AUX") for tok in doc)
    return False


def _span(index: SourceIndex, i: int, score_: float) -> EvidenceSpan:
    f = index.facts[i]
    return EvidenceSpan(source=f.source, start=f.start, end=f.end, text=f.text, score=round(float(score_), 4))


def check_figures(text: str, index: SourceIndex, support: Support) -> tuple[list[Reason], list[tuple[int, float]], bool]:
    reasons: list[Reason] = []
    evidence: list[tuple[int, float]] = []
    contradicted = False
    near = [i for i, _ in support.facts]
    for f in fig.extract(text):
        found = None
        for i, figs in enumerate(index.figures):
            for g in figs:
                if fig.units_compatible(f.unit, g.unit) and fig.same_value(f, g) and fig.qualifier_compatible(f, g):
                    # The same thing: a counted noun must be in that source sentence too.
                    if f.noun and g.noun and f.noun != g.noun and f.noun not in index.stem_sets[i] \
                            and not any(s.startswith(f.noun[:5]) for s in index.stem_sets[i]):
                        continue
                    # "25 points" where the sentence counts 25 of something else and the points
                    # belong to another figure ("took his tally to 25 ... up to 64 points").
                    if f.noun and f.noun != g.noun and any(h.noun == f.noun and not fig.same_value(f, h) for h in figs):
                        continue
                    found = i
                    break
            if found is not None and found in near:
                break
        if found is not None:
            rival = _moved_figure(f, index)
            if rival is not None:
                contradicted = True
                reasons.append(Reason(kind="number", text=f.text,
                                      detail=f"the sources give {rival.measure_text} as '{rival.text}', not '{f.text}'"))
                continue
            evidence.append((found, 1.0))
            continue
        # Not found: a different value for the same kind of thing nearby is a contradiction.
        rival = None
        for i in near[:2]:
            for g in index.figures[i]:
                same_kind = (f.unit and f.unit == g.unit and f.unit not in ("", "year")) or (f.noun and f.noun == g.noun)
                if same_kind and not fig.same_value(f, g):
                    rival = g
                    break
                if same_kind and not fig.qualifier_compatible(f, g):
                    rival = g
                    break
            if rival:
                break
        if rival is not None:
            contradicted = True
            if fig.same_value(f, rival):  # the same value under another bound: "over 30" for "up to 30"
                detail = f"the sources give '{fig.bounded(rival)}' here, not '{fig.bounded(f)}'"
            else:
                detail = f"the sources give '{rival.text}' here, not '{f.text}'"
            reasons.append(Reason(kind="number", text=f.text, detail=detail))
        else:
            reasons.append(Reason(kind="number", text=f.text, detail=f"no source gives the figure '{f.text}'"))
    return reasons, evidence, contradicted


def _moved_figure(f: fig.Figure, index: SourceIndex) -> fig.Figure | None:
    """The figure a source binds to what the article binds ``f`` to, where the article's value is
    in that source sentence but bound to something else (``figures.rival_binding``); None where
    any source binds that measure to ``f``'s value."""
    if not f.measure:
        return None
    if any(g.measure == f.measure and fig.same_value(f, g) for figs in index.figures for g in figs):
        return None
    return next((r for figs in index.figures if (r := fig.rival_binding(f, figs)) is not None), None)


def _named_otherwise(names: list[nm.Name], index: SourceIndex) -> frozenset[str]:
    """Stems of the words of names the sources hold under another form only: an alias, an
    acronym, or a place they imply ("U.K." where they name London)."""
    stems: set[str] = set()
    for n in names:
        words = {stem(w) for w in tokens(n.text)}
        if not words <= index.all_stems and index.names.contains(n.text):
            stems |= words
    return frozenset(stems)


def check_names(names: list[nm.Name], index: SourceIndex, skip: list[tuple[int, int]]) -> list[Reason]:
    """``names``: the sentence's names (``names.extract``)."""
    reasons = []
    seen: set[str] = set()
    for n in names:
        if any(s <= n.start < e for s, e in skip):
            continue  # inside a quotation: the quote check covers it
        if n.text in seen or fig.extract(n.text) and len(fig.extract(n.text)[0].text) >= len(n.text) - 1:
            continue  # a date or figure; the figure check covers it
        seen.add(n.text)
        if not index.names.contains(n.text):
            reasons.append(Reason(kind="entity", text=n.text, detail=f"the sources do not name '{n.text}'"))
    return reasons


_NAMEISH = r"[A-Z][\w’'.-]+(?:(?:\s+(?:of|de|van|von))?\s+[A-Z][\w’'.-]+){0,3}"
_SPEAKER_AFTER = re.compile(rf"\b(?:said|says|told|added|noted|warned|argued|stated|wrote|explained|insisted|claimed|declared|according to)\s+(?P<who>{_NAMEISH})")
_SPEAKER_BEFORE = re.compile(rf"(?P<who>{_NAMEISH})(?:,[^,]{{1,60}},)?\s+(?:has\s+|had\s+)?(?:said|says|told|added|noted|warned|argued|stated|wrote|explained|insisted|claimed|declared)\b")


def speaker_of(text: str, quotes: list[qt.Quote]) -> str:
    """The named speaker of the quotations in a sentence ("", when none or a pronoun)."""
    rest = qt.outside(text, quotes)
    if not qt.has_speech_verb(rest):
        return ""
    found = []
    for pattern in (_SPEAKER_BEFORE, _SPEAKER_AFTER):
        for m in pattern.finditer(rest):
            who = m.group("who").strip(" ,.'’")
            words = [w for w in who.split() if w.lower() not in nm._COMMON_CAPS]
            if words:
                found.append((m.start("who"), " ".join(words)))
    if not found:
        return ""
    return sorted(found)[-1][1]


def _source_speaker_ok(speaker: str, index: SourceIndex, fact_ids: list[int]) -> bool:
    """Whether the sources give these words to ``speaker``: the name in the quoting sentence's own
    attribution, or, when that says only "he said", in the sentences just before it."""
    joined = " ".join(index.facts[i].text for i in fact_ids)
    own = speaker_of(joined, qt.extract(joined))
    if own:
        return nm.NameIndex([own]).contains(speaker) or nm.NameIndex([speaker]).contains(own)
    if nm.NameIndex([qt.outside(joined, qt.extract(joined))]).contains(speaker):
        return True
    before = [j for j in index.neighbours(fact_ids[0], 2) if j < fact_ids[0]]
    return nm.NameIndex([index.facts[j].text for j in before]).contains(speaker) if before else True


def check_quotes(text: str, doc: Any | None, index: SourceIndex) -> tuple[list[Reason], list[tuple[int, float]], list[tuple[int, int]]]:
    reasons: list[Reason] = []
    evidence: list[tuple[int, float]] = []
    quotes = qt.extract(text)
    spans = [(q.start, q.end) for q in quotes]
    if not quotes:
        return reasons, evidence, spans
    speaker = speaker_of(text, quotes)
    for q in quotes:
        pieces = qt.pieces(q.text)
        if not pieces:
            continue
        hit: tuple[str, int, int] | None = None
        for name, st in index.sources.items():
            pos, first = 0, -1
            for piece in pieces:
                at = qt.find(piece, st.words, pos)
                if at < 0:
                    break
                first = at if first < 0 else first
                pos = at + len(piece)
            else:
                hit = (name, first, pos)
                break
        if hit is None:
            reasons.append(Reason(kind="quote", text=q.text, detail="no source has these quoted words"))
            continue
        name, first, last = hit
        st = index.sources[name]
        fact_ids = sorted(set(st.word_fact[first:last]))
        evidence.extend((i, 1.0) for i in fact_ids)
        if speaker and not index.names.contains(speaker):
            continue  # the name check reports the unknown speaker
        if speaker and not _source_speaker_ok(speaker, index, fact_ids):
            reasons.append(Reason(kind="quote", text=q.text, detail=f"the sources have these words, but not from {speaker}"))
    return reasons, evidence, spans


def check_attributions(text: str, index: SourceIndex, support: Support) -> list[Reason]:
    reasons = []
    for a in attr.extract(text):
        if a.who:
            if not index.names.contains(a.who):
                reasons.append(Reason(kind="attribution", text=a.text, detail=f"the sources do not mention '{a.who}'"))
                continue
            # A named source must be the source of this claim, near the facts that support it.
            window = sorted({j for i, _ in support.facts[:2] for j in index.neighbours(i, 2)})
            if window and support.score >= SUPPORT_THRESHOLD and not nm.NameIndex([index.facts[j].text for j in window]).contains(a.who):
                reasons.append(Reason(kind="attribution", text=a.text, detail=f"the sources do not attribute this to '{a.who}'"))
        elif a.generic:
            s = attr.generic_stem(a.generic)
            if s not in index.all_stems and not any(x.startswith(s[:5]) for x in index.all_stems if len(s) >= 5):
                reasons.append(Reason(kind="attribution", text=a.text, detail=f"the sources cite no {a.generic.split()[-1]}"))
    return reasons


# Words that pass judgement on the news rather than report it. Writers pad with them ("a
# significant moment", "a landmark deal"); one the sources do not use is the writer's opinion.
_JUDGEMENT_WORDS = frozenset(
    """significant significance historic historical landmark milestone pivotal crucial unprecedented
    remarkable dramatic dramatically momentous groundbreaking major notable notably important
    importance key vital huge massive stunning shocking striking sweeping bold controversial
    turning-point breakthrough game-changer game-changing watershed""".split()
)
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z-]*")


def check_judgements(text: str, index: SourceIndex) -> list[Reason]:
    """Evaluative words the sources never use: the sentence adds an opinion of its own."""
    reasons = []
    for m in _WORD_RE.finditer(text):
        word = m.group(0).lower()
        if word in _JUDGEMENT_WORDS and stem(word) not in index.all_stems:
            reasons.append(Reason(kind="statement", text=m.group(0), detail=f"'{m.group(0)}' is a judgement no source makes"))
    return reasons


_DESCRIBING_POS = frozenset(("NOUN", "ADJ", "VERB"))


def check_descriptions(doc: Any | None, index: SourceIndex) -> list[Reason]:
    """A description put beside a name ("Josh Earnest, a top national security official, said")
    must be in the sources near that name: an invented role or title is an invented fact."""
    if doc is None:
        return []
    reasons = []
    for tok in doc:
        if tok.dep_ != "appos" or tok.head.pos_ != "PROPN":
            continue
        head = tok.head
        name = [t for t in head.children if t.dep_ in ("compound", "flat") and t.i < head.i and t.is_alpha] + [head]
        name_stems = {stem(t.text) for t in name}
        near: set[str] = set()
        for i, stems in enumerate(index.stem_sets):
            if name_stems & stems:
                for j in index.neighbours(i):
                    near |= index.stem_sets[j]
        if not near:
            continue  # a name the sources lack: the names check reports it
        words = [t for t in tok.subtree if t.pos_ in _DESCRIBING_POS and t.is_alpha and not t.is_stop]
        lacking = [t.text for t in words if stem(t.text) not in near]
        if lacking:
            described = doc[tok.left_edge.i : tok.right_edge.i + 1].text
            who = " ".join(t.text for t in name)
            reasons.append(Reason(kind="statement", text=described,
                                  detail=f"no source describes {who} as '{described}' (not found near the name: {', '.join(lacking)})"))
    return reasons


_FIRST_SECOND = frozenset(("first", "second"))


def _ordinal_before(text: str, ordinal: str, noun: str) -> bool:
    """``text`` has ``ordinal`` as a word of its own ("second-half" is not "second") with ``noun``
    at most three words after it in the same phrase ("her first official phone call")."""
    words = text.split()
    for i, w in enumerate(words):
        if w.lower().strip("\"'“”‘’(") != ordinal:
            continue
        for nxt in words[i + 1 : i + 5]:
            if stem(nxt.strip(".,;:!?\"'“”‘’()")) == noun:
                return True
            if nxt[-1:] in ".,;:!?":
                break
    return False


def check_first_second(doc: Any | None, index: SourceIndex) -> list[Reason]:
    """"First" and "second" before a noun ("his second goal", "a first title") count like other
    ordinals, which the figure check covers from "third" on: a source must say them of that noun
    ("her first official phone call" is a first call; "second-half goals" are not second goals)."""
    if doc is None:
        return []
    reasons = []
    for tok in doc:
        if tok.lower_ not in _FIRST_SECOND or tok.dep_ != "amod" or tok.head.pos_ != "NOUN" or tok.head.i <= tok.i:
            continue
        between = [t for t in doc[tok.i + 1 : tok.head.i] if t.is_alpha]
        if len(between) > 3:
            continue
        if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and not tok.whitespace_:
            joined = f"{tok.lower_}-{doc[tok.i + 2].lower_}"  # "second-half": one word, said as such
            if any(joined in fact.text.lower() for fact in index.facts):
                continue
        if any(_ordinal_before(fact.text, tok.lower_, stem(tok.head.text)) for fact in index.facts):
            continue
        if tok.head.lower_ in ("place", "position") and stem(tok.text) in index.all_stems:
            continue  # "in second place" for "are second"
        phrase = doc[tok.i : tok.head.i + 1].text
        reasons.append(Reason(kind="number", text=phrase, detail=f"no source says '{phrase}'"))
    return reasons


# Openers that only link a sentence to the one before or sum up ("In short,"): they assert
# nothing, so the sentence is checked without them.
_EMPTY_OPENER = re.compile(
    r"^(?:Also|In addition|Additionally|Furthermore|Moreover|In short|In brief|In summary|To sum up|Overall),\s+(?=\S)"
)


def check_one(sentence: ArticleSentence, doc: Any | None, index: SourceIndex, judge: Judge | None = None,
              threshold: float = SUPPORT_THRESHOLD) -> SentenceVerdict:
    text = _EMPTY_OPENER.sub("", sentence.check_text)
    no_claim = sentence.no_claim if sentence.no_claim is not None else is_no_claim(text, doc)
    base = {"text": sentence.text, "part": sentence.part, "start": sentence.start, "end": sentence.end}
    if no_claim:
        return SentenceVerdict(**base, verdict="no_claim")
    same = index.verbatim(text)
    if same is not None:
        # A source sentence repeated word for word says what its source says, whatever the
        # parser makes of it (a garbled parse once read one as an actor swap against itself).
        result = SentenceVerdict(**base, verdict="supported", evidence=[_span(index, same, 1.0)])
        result._support = 1.0
        return result
    names = nm.extract(text, doc)  # read once: the statement score and the names check both use them
    support = score(text, index, doc, _named_otherwise(names, index))
    reasons, evidence, contradicted = check_figures(text, index, support)
    quote_reasons, quote_evidence, quote_spans = check_quotes(text, doc, index)
    reasons += quote_reasons
    evidence += quote_evidence
    reasons += check_names(names, index, quote_spans)
    reasons += check_attributions(text, index, support)
    reasons += check_judgements(text, index)
    reasons += check_descriptions(doc, index)
    reasons += check_first_second(doc, index)
    hard_fail = bool(reasons)
    if support.contradiction:
        reasons.append(Reason(kind="contradiction", text=text, detail=support.contradiction))
        contradicted = True
    elif support.score < threshold:
        missing = ", ".join(support.missing[:6])
        detail = f"support {support.score:.2f} is below {threshold:.2f}" + (f"; the sources lack: {missing}" if missing else "")
        reasons.append(Reason(kind="statement", text=text, detail=detail))
    if judge is not None and not hard_fail and not support.contradiction and abs(support.score - threshold) < BORDERLINE:
        verdict_p = ask_judge(judge, text, [index.facts[i].text for i, _ in support.facts])
        if verdict_p is not None:
            reasons = [r for r in reasons if r.kind != "statement"]
            if verdict_p < 0.5:
                reasons.append(Reason(kind="statement", text=text, detail=f"the judge found no support (p={verdict_p:.2f})"))
    seen_ids: set[int] = set()
    spans = []
    for i, s in [*evidence, *support.facts]:
        if i not in seen_ids and len(spans) < 3:
            seen_ids.add(i)
            spans.append(_span(index, i, s if (i, s) not in evidence else 1.0))
    verdict = "contradicted" if contradicted else "unsupported" if reasons else "supported"
    result = SentenceVerdict(**base, verdict=verdict, reasons=reasons, evidence=spans)
    result._support = 0.0 if hard_fail or support.contradiction else support.score
    return result


def check_all(sentences: Sequence[ArticleSentence], facts: list[Fact], judge: Judge | None = None,
              threshold: float = SUPPORT_THRESHOLD) -> list[SentenceVerdict]:
    index = SourceIndex(facts)
    # An article repeats sentences (summary, sections, FAQ and body often share one): check each
    # distinct sentence once and give every place it stands the same verdict.
    firsts: dict[tuple[str, bool | None], ArticleSentence] = {}
    for s in sentences:
        firsts.setdefault((s.check_text, s.no_claim), s)
    # A claim that repeats a source sentence word for word is settled without its parse (see
    # check_one), and the extractive writer's claims mostly do: parse only the others.
    needs_doc = [key for key in firsts if not (key[1] is False and index.verbatim(key[0]) is not None)]
    docs = parse([text for text, _ in needs_doc]) if needs_doc else []
    doc_of: dict[tuple[str, bool | None], Any] = dict(zip(needs_doc, docs)) if docs is not None else {}
    checked = {key: check_one(s, doc_of.get(key), index, judge, threshold) for key, s in firsts.items()}
    results = []
    for s in sentences:
        verdict = checked[(s.check_text, s.no_claim)]
        if verdict.part != s.part or verdict.start != s.start or verdict.text != s.text:
            verdict = verdict.model_copy(update={"text": s.text, "part": s.part, "start": s.start, "end": s.end})
        results.append(verdict)
    return results


__all__ = ["check_all", "check_one", "is_no_claim", "stem"]
