"""Verify-and-repair of the model's sentences: every sentence is checked against the facts; a
failing one is first cut by deletion (no call), then rewritten once with the reason it failed,
then replaced by a grounded source sentence (shortened by deletion only), or dropped. In strict
mode no unsupported or contradicted sentence is ever kept.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..models import Fact
from ..rewrite.compress import headline as compress_headline
from ..rewrite.compress import main_clause, prefixes, shorten, variants
from ..rewrite.prune import without_phrases
from ..rewrite.whole import fragment_reason
from ..text import ensure_period, words
from ..verify.figure_check import bound_dropped
from ..verify.hedges import drops_hedge, hedge_words
from ..verify.links import unstated_link
from ..verify.participles import participle_doer_swapped
from ..verify.quotes import unmarked_quote
from ..verify.report import Reason, SentenceVerdict
from ..verify.sources import SourceIndex
from .citing import recited
from .output import MalformedOutput, Sentence, cut_loop, looks_cut_off, parse
from .request import PartSpec
from .session import Session

SHORTEST_TRIM = 6  # words: a repair by deletion keeps at least this many, and half the sentence
_LACKING = re.compile(r"the sources lack: (.+)$")
_NOT_NEAR = re.compile(r"not found near the name: (.+)\)$")
_SPACE_BEFORE_MARK = re.compile(r"\s+(?=[.,;:!?](?:\s|$))")


@dataclass(frozen=True)
class CutOff:
    """The verdict for a sentence that stops mid-way: it fails without asking the verifier."""

    problem: str = "the sentence is cut off; finish it"


CUT_OFF = CutOff()
# A sentence with no finite main verb or no subject ("Mr Earnest on the administration."), which
# the grounding check passes when every word is the sources': FORMAT.md wants whole sentences only.
NOT_WHOLE = CutOff("it is not a whole sentence")
# A speaker's words given as the article's own: no quotation marks, no speaker.
UNMARKED_QUOTE = CutOff("it gives a speaker's words as the article's own, without quotation marks")
# A claim the facts only report ("is said to have been trying") told as fact.
HEDGE_LOST = CutOff("it states as fact what the facts only report; keep how they report it")
# A figure told without the bound its facts give it ("plunge 8%" for "fell by nearly 8%").
BOUND_DROPPED = CutOff("it gives a figure without the bound the facts give it ('nearly', 'more than'); keep it")
# A participle phrase given to the wrong doer ("Shares fell by nearly 8% spreading globally" of
# "... volatile trading that spread fear to global markets").
PARTICIPLE_DOER = CutOff("its '-ing' phrase gives the deed to another than the facts do")
# A relation the sentence states with a verb of its own between things no fact names together
# ("President Bashar al-Assad leads the Syrian government", from a title in one fact).
UNSTATED_LINK = CutOff("it links two things with a word of its own that no fact links; say only what the facts say")
Checked = SentenceVerdict | CutOff
# A kept sentence: its text, the facts it rests on, whether the model wrote it, its paragraph.
Kept = tuple[str, list[Fact], bool, int]


def failed(verdict: Checked) -> bool:
    return isinstance(verdict, CutOff) or verdict.failed


def norm(text: str) -> str:
    return " ".join(w.lower() for w in words(text))


def near(text: str, seen: set[str]) -> bool:
    """Said already in other words: most of its words are in one sentence of ``seen``."""
    mine = set(norm(text).split())
    if not mine:
        return True
    for other in seen:
        theirs = set(other.split())
        if theirs and len(mine & theirs) / min(len(mine), len(theirs)) >= 0.8:
            return True
    return False


def problem_text(verdict: Checked) -> str:
    """What a failed verdict found, said to the model in the facts' terms: the words or figures
    no fact gives, not the verifier's scores."""
    if isinstance(verdict, CutOff):
        return verdict.problem
    parts = [_problem_of(reason) for reason in verdict.reasons]
    return "; ".join(dict.fromkeys(parts)) or "the facts do not say this"


def _problem_of(reason: Reason) -> str:
    kind, text, detail = reason.kind, reason.text, reason.detail
    if kind == "statement" and detail.startswith("no source describes"):
        return detail.split(" (")[0].replace("no source", "no fact") + "; leave that description out"
    if kind == "statement":
        lacking = _LACKING.search(detail)
        return f"no fact says {lacking[1]}" if lacking else "the facts do not say this"
    if kind == "contradiction":
        return f"it contradicts the facts ({detail.replace('the sources', 'the facts')})"
    return detail.replace("no source", "no fact").replace("the sources", "the facts") or f"'{text}' is in no fact"


def lacking_words(verdict: Checked) -> list[str]:
    """The words a failed verdict says no fact gives (figures, names, words of a statement)."""
    out: list[str] = []
    reasons = [] if isinstance(verdict, CutOff) else verdict.reasons
    for reason in reasons:
        lacking = _LACKING.search(reason.detail) or _NOT_NEAR.search(reason.detail)
        if lacking:
            out += [w.strip() for w in lacking[1].split(",")]
        elif reason.kind in ("number", "entity"):
            out += reason.text.split()
    return [w for w in dict.fromkeys(out) if w]


def fit(text: str, spec: PartSpec) -> str:
    """A sentence over the part's length, shortened by deleting trailing clauses only (so it
    cannot gain a claim); unchanged when no clause boundary makes it fit."""
    if not spec.max_chars or len(text) <= spec.max_chars:
        return text
    short = shorten(text, spec.max_chars - 1)
    if not short:
        return text
    return ensure_period(short) if spec.final_period else short


def is_cut_off(text: str, spec: PartSpec) -> bool:
    return looks_cut_off(text if spec.final_period else ensure_period(text))


# A headline is read first and alone: a pronoun in it stands for what the reader has not met
# ("Pro-Kremlin party A Just Russia put forward bills linking them").
_HEADLINE_PRONOUN = re.compile(r"^(?:he|she|it|they|his|her|its|their)\b|\b(?:him|them)\b", re.I)


def not_whole(text: str, spec: PartSpec) -> bool:
    """Whether a sentence of a part told in sentences is no whole one, or a headline does not
    stand alone (a label is a phrase, and passes)."""
    if not spec.final_period:
        return bool(text) and spec.name == "headline" and _HEADLINE_PRONOUN.search(text) is not None
    return bool(text) and fragment_reason(text) is not None


def asks(text: str) -> bool:
    """Whether a model's sentence is a question: an answer asks nothing, and in the text layout a
    line ending in "?" reads as a heading."""
    return text.rstrip(' "”’').endswith("?")


# A frame the model puts round a fact to answer a stock question ("The latest is that German
# authorities have asked ..."): it says nothing, and a blind review marked it.
_FRAME = re.compile(
    r"(?:the (?:latest|main)? ?(?:news|information|update|development)?(?: (?:from|on|about|in) [^,]{1,40}?)? is that"
    r"|in the latest development,)\s+", re.I)


def finish_sentence(text: str, spec: PartSpec) -> str:
    """The sentence as the part ends one: with a final period or without, no stray quote mark,
    no space before a punctuation mark (a model wrote "in 2002 ."), no frame ("The latest is
    that ...")."""
    text = _SPACE_BEFORE_MARK.sub("", text.strip())
    if (frame := _FRAME.match(text)) is not None and text[frame.end():]:
        rest = text[frame.end():]
        text = rest[:1].upper() + rest[1:]
    if text.count('"') % 2 or text.count("“") != text.count("”"):
        text = text.strip('"“”').strip()  # a stray quote mark around the whole answer
    if not text:
        return ""
    if spec.final_period:
        return ensure_period(text)
    return text.rstrip(" .")


class Repairer:
    """Keeps the sentences of a part that the grounding check passes, mended where it can."""

    def __init__(self, session: Session, strict: bool) -> None:
        self.session = session
        self.strict = strict
        self.repairs = session.repairs

    def repair(self, sentences: list[Sentence], spec: PartSpec) -> list[Kept]:
        """Verified sentences as (text, facts, written_by_model, paragraph)."""
        texts = [fit(finish_sentence(s.text, spec), spec) for s in sentences]
        verdicts: list[Checked] = list(self.session.check(texts))
        for i, s in enumerate(sentences):
            if is_cut_off(s.text, spec):
                verdicts[i] = CUT_OFF
            elif not_whole(texts[i], spec):
                verdicts[i] = NOT_WHOLE
            else:
                verdicts[i] = self.misreport(texts[i], self.session.resolve(s.facts)) or verdicts[i]
        kept: list[Kept] = []
        seen: set[str] = set()
        for s, text, verdict in zip(sentences, texts, verdicts, strict=False):
            cited = self.session.resolve(s.facts)
            # Empty, said twice (a loop, not news), or a question: an answer asks nothing ("The man
            # said what?" passed the grounding check as no claim), and in the text layout a line
            # ending in "?" reads as a heading.
            if not text or near(text, seen) or asks(text):
                self.repairs["dropped"] += 1
                continue
            mended = self._mend(text, cited, verdict, spec, seen)
            if mended is not None:
                seen.add(norm(mended[0]))
                kept.append((*mended, s.paragraph))
        return kept

    def _mend(
        self, text: str, cited: list[Fact], verdict: Checked, spec: PartSpec, seen: set[str]
    ) -> tuple[str, list[Fact], bool] | None:
        """The sentence as it may stand, with its facts and whether the model wrote it: itself
        when it passed; else cut, rewritten, or replaced by a grounded one; None drops it."""
        if not failed(verdict):
            return text, self.recited(text, cited, verdict), True
        # A cut cannot give back a hedge the sentence lost.
        trimmed = self.trimmed(text, verdict, spec, cited) if verdict is not HEDGE_LOST else None
        if trimmed is not None and not near(trimmed, seen):
            # The failed words were an aside or a trailing clause: deleting them costs no call.
            self.repairs["repaired"] += 1
            return trimmed, cited, True
        rewrite = self.rewrite(text, verdict, cited, spec)
        if rewrite is not None:
            new_text, new_cited, new_verdict = rewrite
            if not failed(new_verdict) and not near(new_text, seen):
                self.repairs["repaired"] += 1
                return new_text, self.recited(new_text, new_cited or cited, new_verdict), True
            if not self.strict:
                return new_text, new_cited or cited, True
        elif not self.strict:
            return text, cited, True
        grounded = self.grounded(text, cited, seen, spec)
        if grounded is None:
            self.repairs["dropped"] += 1
            return None
        self.repairs["replaced"] += 1
        return grounded[0], [grounded[1]], False

    def recited(self, text: str, cited: Sequence[Fact], verdict: Checked) -> list[Fact]:
        """The facts a passed sentence rests on (``citing.recited``): the model's citations, or
        the verifier's evidence where those hold little of it."""
        evidence = verdict.evidence if isinstance(verdict, SentenceVerdict) else []
        return recited(text, cited, evidence, self.session.run.facts)

    def trimmed(self, text: str, verdict: Checked, spec: PartSpec, cited: Sequence[Fact] = ()) -> str | None:
        """The fullest deletion of ``text`` that the verifier passes: without an aside (", a top
        national security official,"), a trailing clause, or the phrases holding the words no
        fact gives ("of the season"), keeping at least half its words; None when none passes."""
        if spec.max_chars:
            return None  # a headline or label is short already; what is left rarely reads whole
        least = max(SHORTEST_TRIM, len(text.split()) // 2)
        candidates: list[str] = []
        pruned = without_phrases(text, lacking_words(verdict))
        deletions = [cut for variant in variants(text) for cut in [variant.rstrip("."), *prefixes(variant, least)]]
        for cut in [*deletions, *([pruned] if pruned else [])]:
            cut = finish_sentence(cut, spec)
            if cut and cut != text and len(cut.split()) >= least and cut not in candidates:
                candidates.append(cut)
        candidates.sort(key=len, reverse=True)
        for candidate, checked in zip(candidates, self.session.check(candidates), strict=False):
            if not checked.failed and not not_whole(candidate, spec) and self.misreport(candidate, cited) is None:
                return candidate
        return None

    def misreport(self, text: str, cited: Sequence[Fact]) -> CutOff | None:
        """What the grounding check cannot see in a sentence whose words are all the sources': a
        claim told without the hedge its fact reports it with (the cited facts', else the
        prompt's), or a speaker's words without their quotation marks (any fact's)."""
        if unmarked_quote(text, [f.text for f in self.session.run.facts]):
            return UNMARKED_QUOTE  # first: a quote is a speaker's words, whose hedge is the marks
        if drops_hedge(text, [f.text for f in cited or self.session.facts]):
            return HEDGE_LOST
        if participle_doer_swapped(text, [f.text for f in cited or self.session.facts]):
            return PARTICIPLE_DOER
        if bound_dropped(text, [f.text for f in self.session.run.facts]):
            return BOUND_DROPPED
        if unstated_link(text, self.index):
            return UNSTATED_LINK
        return None

    @functools.cached_property
    def index(self) -> SourceIndex:
        """The run's facts indexed as the verifier indexes them, built once per article."""
        return SourceIndex(self.session.run.facts)

    def rewrite(
        self, text: str, verdict: Checked, cited: list[Fact], spec: PartSpec
    ) -> tuple[str, list[Fact], Checked] | None:
        """The model's second try at a failed sentence, told why it failed, with its verdict."""
        s = self.session
        facts = [f for f in cited if f.id in s.alias_of] or list(s.alias.values())[:3]
        shown = "\n".join(f"{s.alias_of[f.id]}: {' '.join(f.text.split())}" for f in facts)
        one = PartSpec(spec.name, "", 1, 1, 70, max_chars=spec.max_chars, final_period=spec.final_period)
        # The facts themselves, and the very words to leave out: asked only to "say what F1
        # states", the small models repeated the failed sentence word for word.
        if verdict is NOT_WHOLE:
            user = (f'Your sentence "{text}" is not a whole sentence: it has no main verb or no subject. '
                    f"Write it again as one whole sentence that uses only these facts:\n{shown}")
        elif verdict is HEDGE_LOST:
            # The facts' own reporting words: shown "is said to" as an example, the model wrote
            # "Washington is said to blame ..." for "Washington blamed ...".
            kept = list(dict.fromkeys(w for f in facts for w in hedge_words(f.text))) or ["is said to", "allegedly"]
            user = (f'Your sentence "{text}" states as fact what the facts only report. Write it again as one '
                    f"sentence that keeps how the facts report it ({', '.join(repr(w) for w in kept)}) and "
                    f"uses only these facts:\n{shown}")
        else:
            user = (f'Your sentence "{text}" is not backed by the facts: {problem_text(verdict)}. '
                    f"Write it again as one sentence that uses only these facts and leaves that out:\n{shown}")
        completion = s.ask(one, user)
        try:
            sentence = parse(cut_loop(completion.text))[0]
        except MalformedOutput:
            self.repairs["malformed"] += 1
            return None
        new_text = finish_sentence(sentence.text, spec)
        if not new_text:
            return None
        new_verdict: Checked = CUT_OFF if is_cut_off(sentence.text, spec) else s.check([new_text])[0]
        if not failed(new_verdict) and not_whole(new_text, spec):
            new_verdict = NOT_WHOLE
        elif not failed(new_verdict):
            new_verdict = self.misreport(new_text, facts) or new_verdict
        return new_text, s.resolve(sentence.facts), new_verdict

    def grounded(self, text: str, cited: list[Fact], seen: set[str], spec: PartSpec) -> tuple[str, Fact] | None:
        """A source sentence (shortened by deletion only) that says what the failed one meant."""
        facts = self.session.facts
        want = set(norm(text).split())
        ranked = sorted(facts, key=lambda f: -len(want & set(norm(f.text).split())))
        candidates = [*cited, *[f for f in ranked if f not in cited]][:4]
        for fact in candidates:
            if spec.max_chars:
                sentence = compress_headline(fact.text, spec.max_chars)
            else:
                sentence = main_clause(fact.text, 200)
            sentence = finish_sentence(sentence, spec)
            if not sentence or near(sentence, seen) or not_whole(sentence, spec):
                continue
            if not self.session.check([sentence])[0].failed:
                return sentence, fact
        return None
