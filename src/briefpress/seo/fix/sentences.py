"""Sentences: long and passive sentences cut at a clause boundary, split where they join two whole
clauses, or put in the active voice where they name their doer; and a takeaway cut to one short
sentence. A split or a rewrite is written only where the verifier passes each new sentence."""

from __future__ import annotations

from functools import partial

from ...edit import Data, EditableArticle
from ...nlp import parse_one
from ...rewrite.active import to_active
from ...rewrite.compress import phrase_cuts, prefixes, variants
from ...rewrite.refer import orphan_reason
from ...rewrite.split import split_clauses, split_relative
from ...text import ensure_period
from ..readability_checks import SENTENCE_OK as LONG_SHARE
from ..readability_checks import SENTENCE_WORDS as LONG_SENTENCE
from ..readability_checks import is_participle, is_passive
from ..tokens import length_words
from .judge import (
    PASSIVE_SHARE,
    Audits,
    Grounded,
    always,
    both,
    long_share,
    passes,
    passive_share,
    too_dense,
    worse,
    worse_before_connectives,
)
from .questions import refer_to_keyphrase, still_answered
from .sizes import SHORTEST_KEPT, no_faq_copies, sentences_of


# Prepositions that open an adjunct (where, when, with what), which a sentence can lose and still
# say a true thing; not "to", "of" or "by", which mostly open what the verb or noun needs.
def cut_to_words(sentence: str, max_words: int, *, condensed: bool = False) -> str | None:
    """The fullest deletion of ``sentence`` with at most ``max_words`` words: at a clause boundary,
    or before a closing prepositional phrase where at least half of the sentence stays ("...
    decided to set aside a frequency for the tracking of planes [at the conference ...]")."""
    best: str | None = None
    for variant in variants(sentence):
        for candidate in prefixes(variant, SHORTEST_KEPT, condensed=condensed):
            n = len(length_words(candidate))
            if SHORTEST_KEPT <= n <= max_words and candidate.rstrip(".") != sentence.rstrip("."):
                if best is None or len(candidate) > len(best):
                    best = candidate
                break
    words = len(length_words(sentence))
    for candidate in phrase_cuts(sentence, condensed=condensed):
        if is_participle(candidate.split()[-1].lower()):
            continue  # "the decision was taken [at a UN conference]": the verb needs its phrase
        n = len(length_words(candidate))
        if max(SHORTEST_KEPT, words / 2) <= n <= max_words and (best is None or len(candidate) > len(best)):
            best = candidate
    return ensure_period(best) if best else None


def _cut_active(sentence: str) -> str | None:
    """The fullest clause-bounded deletion of ``sentence`` that holds no passive clause (a
    trailing "..., which was approved by ..." goes; a passive main clause cannot)."""
    best: str | None = None
    for variant in variants(sentence):
        for candidate in prefixes(variant, SHORTEST_KEPT):
            if (len(length_words(candidate)) >= SHORTEST_KEPT and candidate.rstrip(".") != sentence.rstrip(".")
                    and not is_passive(candidate)):
                if best is None or len(candidate) > len(best):
                    best = candidate
                break
    return ensure_period(best) if best else None


def _active_cut(sentence: str, grounded: Grounded) -> str | None:
    """A passive ``sentence`` cut before a closing phrase that kept it from the active voice (a
    pronoun there: "... probed by the European Commission [over the methods it used ...]") and
    then put in the active voice; the fullest such cut whose rewrite ``grounded`` passes."""
    for cut in sorted(phrase_cuts(sentence), key=len, reverse=True):
        if len(length_words(cut)) < SHORTEST_KEPT:
            continue
        active = to_active(ensure_period(cut))
        if active and grounded([active]):
            return active
    return None


def _apply_cut(draft: EditableArticle, sentence: str, short: str, *, keep_whole: bool = False) -> bool:
    """Cut ``sentence`` to ``short`` in every part that holds it (the summary opens with the lead
    exactly as written); whether any part changed. With ``keep_whole`` (``short`` drops more than a
    detail) some part past the summary keeps it whole in any case, so the story loses no word of
    it: the body (the full story), else the first part that held it."""
    holders = [p for p in draft.holders(sentence) if not p.startswith("summary[")] if keep_whole else []
    changed = _cut_parts(draft, sentence, short)
    if holders and changed and not any(sentence in text for p, text in draft.parts() if not p.startswith("summary[")):
        keeper = next((p for p in holders if p.startswith("body[")), holders[0])
        draft.replace_sentence(keeper, short, sentence)
    return changed


def _cut_parts(draft: EditableArticle, sentence: str, short: str) -> bool:
    """Cut ``sentence`` to ``short`` in each part that holds it, save where an FAQ answer would
    become a section's answer word for word (one that was before may stay so) or no longer answer
    its question; whether any part changed."""
    if not draft.allows(short):
        return False
    start = draft.snapshot()
    changed = False
    for p in [p for p, text in draft.parts() if sentence in text and p != "summary[0]"
              and still_answered(draft, p, sentence, short)]:
        if draft.attempt(partial(draft.replace_sentence, p, sentence, short),
                         partial(_no_new_faq_copies, draft, start)):
            changed = True
    return changed


def _no_new_faq_copies(draft: EditableArticle, start: Data, _before: Data) -> bool:
    return no_faq_copies(start, draft.data)


def _apply_rewrite(draft: EditableArticle, sentence: str, new: str) -> bool:
    """Write ``new``, the same claim in other words (the active voice), for ``sentence`` wherever it
    stands save the lead (no fact is lost)."""
    if not draft.allows(new):
        return False
    changed = False
    for p, text in draft.parts():
        if sentence in text and p != "summary[0]":
            draft.replace_sentence(p, sentence, new)
            changed = True
    return changed


def _apply_split(draft: EditableArticle, sentence: str, pieces: list[str]) -> bool:
    """Write ``sentence`` as ``pieces`` wherever it stands, save where a part must stay one sentence
    (the lead, a takeaway); each piece keeps the sentence's evidence."""
    if not draft.allows(*pieces):
        return False
    changed = False
    for p, text in draft.parts():
        if sentence not in text or p == "summary[0]" or p.startswith("takeaways["):
            continue
        draft.split_sentence(p, sentence, pieces)
        changed = True
    return changed


def _candidates(draft: EditableArticle, current: Audits, tried: set[tuple[str, str]]) -> list[tuple[int, str, str]]:
    """(words, kind, sentence) for each sentence not yet tried that is long while too many are, or
    passive while too many are; never the lead."""
    kinds = []
    if long_share(current[1]) > LONG_SHARE:
        kinds.append("long")
    if passive_share(current[1]) > PASSIVE_SHARE:
        kinds.append("passive")
    candidates = []
    for part, text in draft.parts():
        if part == "summary[0]":
            continue
        for s in sentences_of(text):
            n = len(length_words(s))
            if "long" in kinds and n > LONG_SENTENCE and ("long", s) not in tried:
                candidates.append((n, "long", s))
            if "passive" in kinds and is_passive(s) and ("passive", s) not in tried:
                candidates.append((n, "passive", s))
    return candidates


_REASONS = frozenset({"because", "since", "as"})  # the marks of a clause that gives a reason


def _drops_an_item_or_reason(sentence: str, short: str) -> bool:
    """Whether cutting ``sentence`` to ``short`` drops an item joined to one it keeps ("securities
    fraud and wire fraud[, as well as identity theft ...]"), the reason for what it keeps
    ("sensitive to reports of espionage [because many of its citizens were spied upon by the
    Stasi]") or a figure ("despite leading [with 10 minutes remaining]"): the cut is true, but that
    would go untold unless some part keeps the sentence whole."""
    doc = parse_one(sentence)
    if doc is None:
        return False
    end = len(short.rstrip(". "))
    return any(t.idx >= end and (t.head.idx < end and (t.dep_ == "conj" or t.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in _REASONS for m in t.children)) or t.like_num and t.text not in short)
        for t in doc)


def _drops_a_name_untold(draft: EditableArticle, sentence: str, short: str) -> bool:
    """Whether cutting ``sentence`` to ``short`` drops a name (a person, a place, a body) that no
    other sentence of the body, nor the lead as the summary opens with it, tells: "just after having
    [Rory Burns] caught on the boundary", "paint sacs [on Bayswater Road, near Hyde Park]", "will
    gift the collection to the V&A[, before it is loaned to the Wedgwood Museum]"."""
    doc = parse_one(sentence)
    if doc is None:
        return False
    end = len(short.rstrip(". "))
    rest = " ".join([*(p.replace(sentence, " ") for p in draft.data["body"]), *draft.data["summary"][:1]]).lower()
    return any(t.idx >= end and t.pos_ == "PROPN" and t.lower_ not in rest for t in doc)


def _orphans_next(draft: EditableArticle, sentence: str, short: str) -> bool:
    """Whether cutting ``sentence`` to ``short`` drops what the sentence after it refers to ("the
    institute", "he") in some part."""
    for _, text in draft.parts():
        told = sentences_of(text)
        for i in (i for i, s in enumerate(told[:-1]) if s.strip() == sentence.strip()):
            before = told[max(0, i - 2) : i]
            if orphan_reason(told[i + 1], [*before, short]) and not orphan_reason(told[i + 1], [*before, sentence]):
                return True
    return False


def _change(draft: EditableArticle, kind: str, sentence: str, grounded: Grounded) -> bool:
    """Split, rewrite or cut one long or passive sentence (see ``fix_sentences``); whether any
    part changed."""
    pieces = (split_clauses(sentence) or split_relative(sentence)) if kind == "long" else None
    active = to_active(sentence) if kind == "passive" else None
    if pieces and grounded(pieces):
        return _apply_split(draft, sentence, pieces)
    if active and grounded([active]):
        return _apply_rewrite(draft, sentence, active)
    if kind == "passive" and (shorter := _active_cut(sentence, grounded)) and not _orphans_next(
            draft, sentence, shorter):
        return _apply_cut(draft, sentence, shorter, keep_whole=True)
    short = cut_to_words(sentence, LONG_SENTENCE) if kind == "long" else _cut_active(sentence)
    # Failing a cut that keeps every date and figure, a condensed one, with the whole sentence kept in one part.
    condensed = cut_to_words(sentence, LONG_SENTENCE, condensed=True) if kind == "long" and not short else None
    if not (short or condensed) or _orphans_next(draft, sentence, short or condensed or ""):
        return False
    # A cut that drops more than a detail leaves the sentence whole in one part: the body, where
    # it tells it (the summary's lead as written is no story: a blind review found the body's
    # lead cut before "with Davies and Ben Foakes (90) sharing a stand of 130").
    keep = bool(condensed) or bool(short and (_drops_an_item_or_reason(sentence, short)
                                              or _drops_a_name_untold(draft, sentence, short)))
    return _apply_cut(draft, sentence, short or condensed or "", keep_whole=keep)


def fix_sentences(draft: EditableArticle, grounded: Grounded = always) -> None:
    """While more than 25% of sentences run over 20 words, split the longest where it joins two
    whole clauses or before a closing relative clause (``split``), or else cut it at a clause
    boundary; while more than 10% are passive, put the longest passive sentence that names its
    doer in the active voice (``active``), or that would name it once a closing phrase is cut
    (one part keeps the whole sentence), or else cut a passive trailing clause where there is
    one. A split or rewrite is made only where ``grounded`` passes the new sentences; a change
    that lowers either score under either matching is undone. Where a change leaves the text
    short enough that the keyphrase goes over its density limit, repeated mentions may become
    pronouns (``refer_to_keyphrase``) before it is judged."""
    tried: set[tuple[str, str]] = set()
    current = both(draft.article())
    while candidates := _candidates(draft, current, tried):
        _, kind, sentence = max(candidates)
        tried.add((kind, sentence))
        saved = draft.snapshot()
        if not _change(draft, kind, sentence, grounded):
            continue
        trial, referred = both(draft.article()), 0
        if too_dense(trial) and not too_dense(current):
            # A shorter text allows fewer mentions: a repeated one may become a pronoun.
            trial, referred = refer_to_keyphrase(draft, grounded, trial)
        if worse_before_connectives(trial, current):
            draft.restore(saved)
            continue
        current = trial
        draft.changes += ["sentence"] + ["pronoun"] * bool(referred)


def fix_takeaways(draft: EditableArticle, grounded: Grounded = always) -> None:
    """A takeaway holds one point in one sentence: where "Label: sentence" runs over 20 words, the
    sentence becomes its fullest clause-bounded deletion that fits (the whole sentence stays in the
    body), kept only where neither score falls. A cut writes no new sentence: ``grounded`` is not
    asked."""
    current = both(draft.article())
    if all(passes(r.readability, "textSentenceLength") for r in current):
        return
    for i in range(len(draft.data["takeaways"])):
        takeaway = draft.data["takeaways"][i]
        label = len(length_words(takeaway["label"]))
        if len(length_words(takeaway["text"])) + label <= LONG_SENTENCE:
            continue
        short = cut_to_words(takeaway["text"], LONG_SENTENCE - label, condensed=True)
        if not short or not draft.allows(short):
            continue
        saved = draft.snapshot()
        draft.replace_sentence(f"takeaways[{i}].text", takeaway["text"], short)
        after = both(draft.article())
        if worse(after, current):
            draft.restore(saved)
        else:
            current = after
            draft.changes.append("takeaway")
