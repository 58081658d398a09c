"""What a fix is judged by: the article audited under both of Yoast's matchings, the shares the
readability checks report, and the grounding check a rewrite must pass."""

from __future__ import annotations

import re
from collections.abc import Callable

from ...models import Article
from .. import analyze
from ..result import Report, SeoResult

# Whether the verifier passes each of some new sentences on its own.
Grounded = Callable[[list[str]], bool]
# The audits of one article: Yoast's free matching, then Premium's word forms.
Audits = tuple[SeoResult, SeoResult]

# Yoast's readability bounds (readability_checks): at most 10% passive sentences, at least 30%
# with a transition word.
PASSIVE_SHARE = 10.0
TRANSITION_SHARE = 30.0
SEO_GOOD = 80  # Yoast's score from which the SEO traffic light is green


def always(_: list[str]) -> bool:
    """A grounding check that passes every sentence (for tests and callers without a verifier)."""
    return True


def both(article: Article) -> Audits:
    """Free and Premium matching: a fix must hold under both (the free one caps keyphrase
    density at 3%, the Premium one finds more keyphrase forms)."""
    return analyze(article, word_forms=False), analyze(article)


def seo_of(audits: Audits) -> int:
    """The lower SEO score of the two matchings."""
    return min(audits[0].seo.score, audits[1].seo.score)


def readability_of(audits: Audits) -> int:
    """The lower readability score of the two matchings."""
    return min(audits[0].readability.score, audits[1].readability.score)


def worse(trial: Audits, current: Audits) -> bool:
    """Whether either score fell from ``current`` to ``trial``."""
    return seo_of(trial) < seo_of(current) or readability_of(trial) < readability_of(current)


def worse_before_connectives(trial: Audits, current: Audits) -> bool:
    """Whether the SEO score or any readability check but the transition words' fell: a split
    dilutes the share of sentences that open on a connective, which the connectives' fixer, run
    after the sentences', makes up where it truly can."""
    if seo_of(trial) < seo_of(current):
        return True
    for new, old in zip(trial, current, strict=True):
        before = {a.id: a.score for a in old.readability.assessments}
        if any(a.score < before.get(a.id, a.score) for a in new.readability.assessments
               if a.id != "textTransitionWords"):
            return True
    return False


def passes(report: Report, assessment_id: str) -> bool:
    """Whether a check passes (or does not apply)."""
    a = report.get(assessment_id)
    return a is None or a.score == 9


def too_dense(audits: Audits) -> bool:
    """Whether either analysis finds the keyphrase over its density limit."""
    return any((a := r.seo.get("keyphraseDensity")) is not None and a.score < 0 for r in audits)


def share(result: SeoResult, assessment_id: str) -> float:
    """The first percentage in a readability message (passive voice, long sentences, transition
    words)."""
    a = result.readability.get(assessment_id)
    if a is None:
        return 0.0
    m = re.search(r"([\d.]+)%", a.message)
    return float(m.group(1)) if m else 0.0


def passive_share(result: SeoResult) -> float:
    return share(result, "passiveVoice")


def long_share(result: SeoResult) -> float:
    return share(result, "textSentenceLength")


def transition_share(result: SeoResult) -> float:
    a = result.readability.get("textTransitionWords")
    if a is None or a.score == 9:
        return 100.0  # enough, or a text too short to need them
    return share(result, "textTransitionWords")
