"""The extractive writer's ledger: every sentence a part tells, with the facts it rests on, and
the forms of each fact told so far, so that each part tells a fact in a form no other part has
(FORMAT.md, "Telling each fact once")."""

from __future__ import annotations

from collections.abc import Callable

from ..models import Evidence, Fact
from ..plan.speakers import Named
from ..rewrite.compress import main_clause
from ..rewrite.forms import condensed_forms, reworded
from ..rewrite.quotes import with_said, without_reopened_marks
from ..seo.readability_checks import has_transition, is_passive
from ..spec import TAKEAWAY_MAX_WORDS
from ..text import ensure_period
from ..text import words as word_tokens  # ``words`` names a size below

# A condensed form: the fullest whole cut of a fact within this many words (FORMAT.md: FAQ answers,
# takeaways and the conclusion condense a fact; the body and the sections tell it whole). Twenty
# words is where a sentence starts to read as long (the readability check's bound).
CONDENSED_WORDS = 20


Keep = Callable[[str], bool]  # which condensed forms of a fact a part may tell


def any_form(_form: str) -> bool:
    return True


def _lower_words(text: str) -> set[str]:
    return {w.lower() for w in word_tokens(text)}


class Writer:
    """Collects sentences with the facts they rest on while the parts are written. ``named``
    holds facts' texts with whom their pronoun or "the company" stands for named
    (``named_facts``): a part tells those forms, the body (which keeps the source's order) the
    fact as it is."""

    def __init__(self, named: Named | None = None) -> None:
        self.evidence: list[Evidence] = []
        self.told: set[str] = set()  # sentences written outside the summary, to tell each once
        self.pieces: set[str] = set()  # facts inside a quote over several sentences: told in the body only
        self.named = dict(named or {})

    def text_of(self, fact: Fact, after: Fact | None = None) -> str:
        """The fact as a part cuts it: with its speaker named where that is a pronoun, unless it
        is told ``after`` the fact before it in its source ("..., a statement on his website
        said. It added ..." reads on; "A statement on his website said ..." there names the
        statement twice)."""
        if fact.id not in self.named:
            return fact.text
        before, named = self.named[fact.id]
        return fact.text if after is not None and after.text == before.text else named

    def alone(self, fact: Fact) -> bool:
        """Whether ``fact`` may be told outside the body (it is no piece of a longer quotation)."""
        return fact.id not in self.pieces

    def claim(self, part: str, sentence: str, facts: list[Fact]) -> str:
        sentence = without_reopened_marks(sentence if part == "headline" else with_said(sentence))  # rewrite/quotes
        # A speaker named from the fact before rests on that fact too (the evidence map says so).
        namers = [self.named[f.id][0] for f in facts
                  if f.id in self.named and _lower_words(sentence) - _lower_words(f.text)]
        ids = list(dict.fromkeys([*(b.id for b in namers), *(f.id for f in facts)]))
        self.evidence.append(Evidence(part=part, sentence=sentence, facts=ids))
        if not part.startswith("summary["):
            self.told.add(sentence)
        return sentence

    def retold(self, fact: Fact, after: Fact | None = None) -> str:
        """The fact as fully as no part has told it yet: its fullest untold whole cut, else the
        sentence whole (a sentence with no cut is told again rather than lose what it says)."""
        text = self.text_of(fact, after)
        fresh = [f for f in condensed_forms(text) if f not in self.told]
        # The source's order of words first; then the attribution moved to the end, which reads on
        # from the sentence before it where "According to" twice in a row would not.
        return max(fresh, key=lambda f: (not reworded(text, f), not f.startswith("According to"), len(f))) \
            if fresh else ensure_period(text)

    def condensed(self, fact: Fact, words: int = CONDENSED_WORDS, keep: Keep = any_form,
                  after: Fact | None = None) -> str:
        """The fact condensed: its fullest whole cut within ``words`` that no part has told yet,
        else one told already (a form within the size is worth more than a fresh one), else its
        shortest whole form; only forms ``keep`` passes, where any does."""
        text = self.text_of(fact, after)
        forms = [f for f in condensed_forms(text) if keep(f)] or condensed_forms(text) \
            or [ensure_period(main_clause(text))]
        fresh = self.fresh(fact, words, keep, after)
        if fresh:
            return fresh
        for most in (words, TAKEAWAY_MAX_WORDS):
            fitting = [f for f in forms if len(f.split()) <= most]
            if fitting:
                return max(fitting, key=len)
        return min(forms, key=len)

    def fresh(self, fact: Fact, words: int = CONDENSED_WORDS, keep: Keep = any_form,
              after: Fact | None = None) -> str | None:
        """The fullest whole cut of the fact within ``words`` (else within a takeaway's 25) that no
        part has told yet and ``keep`` passes; None where every such form has been told."""
        text = self.text_of(fact, after)
        forms = [f for f in condensed_forms(text) if keep(f)]
        for most in (words, TAKEAWAY_MAX_WORDS):
            fitting = [f for f in forms if len(f.split()) <= most and f not in self.told]
            if fitting:
                # The fullest, save that a form in the active voice, then the source's own order
                # of words, then one that keeps its linking clause ("after ..."), reads better.
                return max(fitting, key=lambda f: (not is_passive(f), not reworded(text, f), has_transition(f),
                                                   len(f)))
        return None

    def no_claim(self, part: str, sentence: str) -> str:
        self.evidence.append(Evidence(part=part, sentence=sentence, facts=[], no_claim=True))
        return sentence

    def paragraph(self, part: str, facts: list[Fact]) -> str:
        """The facts whole, in order: the body's telling."""
        return " ".join(self.claim(part, ensure_period(fact.text), [fact]) for fact in facts)
