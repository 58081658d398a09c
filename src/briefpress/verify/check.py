"""Sentence verdicts: each check, cheapest first, then the verdict that follows from their reasons.

The checks live beside what they check: ``figure_check``, ``name_check``, ``quote_check`` and
``statement_check``. A failed figure, name, quote or attribution check is final; the statement
check gives a support score, and only a borderline score may be settled by a judge.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Any

from ..models import Fact
from ..nlp import parse
from ..text import STOPWORDS
from . import figures as fig
from . import names as nm
from .article import ArticleSentence
from .cut_check import check_cuts
from .figure_check import check_figures, check_first_second
from .judge import Judge
from .name_check import check_descriptions, check_names, named_otherwise
from .quote_check import check_attributions, check_hedges, check_quotes
from .report import EvidenceSpan, Reason, SentenceVerdict, Verdict
from .scores import check_scores
from .sources import SourceIndex
from .statement_check import check_causes, check_judgements, check_stances, judged, support_reason
from .statements import SUPPORT_THRESHOLD, Support, score

log = logging.getLogger(__name__)

_QUESTION = re.compile(r"\?[\"”’')]*$")
_CTA = re.compile(
    r"^(?:read|subscribe|sign up|follow|share|click|learn more|find out|see|watch|listen|contact|here are|here is"
    r"|key facts on)\b",
    re.I,
)


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
        if doc is None:
            return len(words) <= 3
        return not any(tok.pos_ in ("VERB", "AUX") for tok in doc)
    return False


# Openers that only link a sentence to the one before, sum up ("In short,") or close ("Finally,"):
# they assert nothing, so the sentence is checked without them.
_EMPTY_OPENER = re.compile(
    r"^(?:Also|In addition|Additionally|Furthermore|Moreover|In short|In brief|In summary|To sum up|Overall"
    r"|Finally),\s+(?=\S)"
)


def _verdict(sentence: ArticleSentence, verdict: Verdict, reasons: list[Reason] | None = None,
             evidence: list[EvidenceSpan] | None = None, support: float = 1.0) -> SentenceVerdict:
    result = SentenceVerdict(text=sentence.text, part=sentence.part, start=sentence.start, end=sentence.end,
                             verdict=verdict, reasons=reasons or [], evidence=evidence or [])
    result._support = support
    return result


def _span(index: SourceIndex, i: int, score_: float) -> EvidenceSpan:
    f = index.facts[i]
    return EvidenceSpan(source=f.source, start=f.start, end=f.end, text=f.text, score=round(float(score_), 4))


def _evidence_spans(index: SourceIndex, evidence: list[tuple[int, float]], support: Support) -> list[EvidenceSpan]:
    """The first three distinct facts a verdict rests on: the checks' own evidence, then the best support."""
    seen_ids: set[int] = set()
    spans: list[EvidenceSpan] = []
    for i, s in [*evidence, *support.facts]:
        if i not in seen_ids and len(spans) < 3:
            seen_ids.add(i)
            spans.append(_span(index, i, s if (i, s) not in evidence else 1.0))
    return spans


def check_one(sentence: ArticleSentence, doc: Any | None, index: SourceIndex, judge: Judge | None = None,
              threshold: float = SUPPORT_THRESHOLD, cuts: bool = False,
              following: Sequence[str] = ()) -> SentenceVerdict:
    """The verdict on one sentence. With ``cuts`` (briefpress's own drafts, which cut source
    sentences by rule), a cut of a source sentence must also drop adjuncts only (``cut_check``);
    an audit of another writer's article leaves that to the statement check, since people
    shorten what they quote in ways the rule would call a loss."""
    text = _EMPTY_OPENER.sub("", sentence.check_text)
    no_claim = sentence.no_claim if sentence.no_claim is not None else is_no_claim(text, doc)
    if no_claim:
        return _verdict(sentence, "no_claim")
    same = index.verbatim(text)
    if same is not None:
        # A source sentence repeated word for word says what its source says, whatever the
        # parser makes of it (a garbled parse can read one as an actor swap against itself).
        return _verdict(sentence, "supported", evidence=[_span(index, same, 1.0)])
    names = nm.extract(text, doc)  # read once: the statement score and the names check both use them
    support = score(text, index, doc, named_otherwise(names, index))
    reasons, evidence, contradicted = check_figures(text, index, support)
    score_reasons = check_scores(text, index)  # a score told otherwise: a contradiction, never a gap
    reasons += score_reasons
    contradicted = contradicted or bool(score_reasons)
    quote_reasons, quote_evidence, quote_spans = check_quotes(text, doc, index)
    reasons += quote_reasons
    evidence += quote_evidence
    reasons += check_names(names, index, quote_spans)
    reasons += check_attributions(text, index, support)
    hedge_reasons, hedge_evidence = check_hedges(text, index, support)
    reasons += hedge_reasons
    evidence += hedge_evidence
    reasons += check_judgements(text, index)
    reasons += check_stances(text, index, support)
    reasons += check_causes(text, index, support)
    reasons += check_descriptions(doc, index)
    reasons += check_first_second(doc, index)
    if cuts and sentence.part != "headline":  # a title may name its subject alone
        reasons += check_cuts(text, index, following)
    hard_fail = bool(reasons)
    statement = support_reason(text, support, threshold)
    if statement is not None:
        reasons.append(statement)
    contradicted = contradicted or bool(support.contradiction)
    if not hard_fail:
        reasons = judged(reasons, text, support, index, judge, threshold)
    verdict: Verdict = "contradicted" if contradicted else "unsupported" if reasons else "supported"
    return _verdict(sentence, verdict, reasons, _evidence_spans(index, evidence, support),
                    0.0 if hard_fail or support.contradiction else support.score)


def check_all(sentences: Sequence[ArticleSentence], facts: list[Fact], judge: Judge | None = None,
              threshold: float = SUPPORT_THRESHOLD, cuts: bool = False) -> list[SentenceVerdict]:
    index = SourceIndex(facts)
    # An article repeats sentences (summary, sections, FAQ and body often share one): check each
    # distinct sentence once and give every place it stands the same verdict. The headline is
    # apart: with ``cuts`` it is spared the cut check, which the body's same words must still pass.
    firsts: dict[_Key, ArticleSentence] = {}
    for s in sentences:
        firsts.setdefault(_key(s, cuts), s)
    # A claim that repeats a source sentence word for word is settled without its parse (see
    # check_one), and the extractive writer's claims mostly do: parse only the others.
    needs_doc = [key for key in firsts if not (key[1] is False and index.verbatim(key[0]) is not None)]
    docs = parse([key[0] for key in needs_doc]) if needs_doc else []
    doc_of: dict[_Key, Any] = dict(zip(needs_doc, docs, strict=False)) if docs is not None else {}
    after = _following(sentences) if cuts else {}
    checked = {key: check_one(s, doc_of.get(key), index, judge, threshold, cuts, after.get(key[:2], ()))
               for key, s in firsts.items()}
    results = []
    for s in sentences:
        verdict = checked[_key(s, cuts)]
        if verdict.part != s.part or verdict.start != s.start or verdict.text != s.text:
            verdict = verdict.model_copy(update={"text": s.text, "part": s.part, "start": s.start, "end": s.end})
        results.append(verdict)
    return results


_Key = tuple[str, bool | None, bool]  # the text checked, no_claim, and whether it is the spared headline


def _key(sentence: ArticleSentence, cuts: bool) -> _Key:
    return sentence.check_text, sentence.no_claim, cuts and sentence.part == "headline"


def _following(sentences: Sequence[ArticleSentence]) -> dict[tuple[str, bool | None], list[str]]:
    """For each distinct sentence, the sentence after it in its part at each place it stands ("" at
    a part's end): a cut of a source sentence followed by the rest of it is a split (``check_cuts``)."""
    by_part: dict[str, list[ArticleSentence]] = {}
    for s in sentences:
        by_part.setdefault(s.part, []).append(s)
    out: dict[tuple[str, bool | None], list[str]] = {}
    for told in by_part.values():
        told = sorted(told, key=lambda s: s.start)
        for i, s in enumerate(told):
            out.setdefault((s.check_text, s.no_claim), []).append(told[i + 1].check_text if i + 1 < len(told) else "")
    return out


__all__ = ["check_all", "check_one", "is_no_claim"]
