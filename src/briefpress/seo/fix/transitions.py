"""Transitions: a sentence opened with a transition word only where the word is true of it and the
sentence read before it (``relations``): an additive connective ("Also,") on one that adds a fact
of the same kind about the same subject, the source's own "But" where a part keeps the source's
order of the two facts, "In short," on a conclusion that restates the lead. Never at the start of a
section or an FAQ answer (after a question), never between facts about different subjects ("Also,
the institute ..." after a sentence about someone else reads as padding and implies a link the
sources do not state). Filler comes only where the article would read below green otherwise, and
is logged apart ("filler transition"): a thin article that tells the same few facts in every part
has too few true links for Yoast's transition-word check."""

from __future__ import annotations

import re
from typing import Any

from ...edit import EditableArticle
from ...lexicon import CONTRASTS
from ...nlp import in_dictionary, spacy_pipeline, stem
from ...rewrite.split import split_clauses
from ...rewrite.whole import holds_quote
from ...spec import CLOSING, CONCLUDING, CONCLUDING_SHORT, CONNECTIVES
from ...text import content_words
from ..language import TRANSITION_WORDS
from ..readability_checks import SENTENCE_WORDS as LONG_SENTENCE
from ..readability_checks import has_transition
from ..tokens import length_words
from .judge import TRANSITION_SHARE, Audits, Grounded, always, both, readability_of, seo_of, transition_share
from .keyphrase import POSSESSIVE
from .relations import HONORIFICS as _HONORIFICS
from .relations import continues, related, reports
from .sentences import cut_to_words
from .sizes import sentences_of

# First words that lose their capital after a connective. Any other capitalised first word loses it
# where the article writes it in lower case or spaCy tags it a common noun, and keeps it where it is
# a name (written capitalised inside the article too); otherwise the sentence is skipped.
_LOWERCASE_FIRST = frozenset(
    "a an the this that these those it its he she they his her their there here in on at by for from "
    "with as some many most several both each every one two three four five six seven eight nine ten "
    "around about nearly almost more less over under just only officials police".split()
)
# Words that say what someone is, not a formal title: lower case before a name once the sentence
# no longer opens on them ("Also, substitute Yattara opened ...", where "Administrator Bob Young"
# keeps its capital). Not "captain": a rank too ("Captain Tom Moore"), whose capital stays.
_DESCRIPTORS = frozenset(
    "substitute co-star striker forward winger midfielder defender goalkeeper keeper teammate "
    "developer developers".split()
)
# The parts a connective may open a sentence in, in the order they are tried.
_ORDER = {"body": 0, "sections": 1, "conclusion": 2, "faq": 3}

Words = tuple[set[str], set[str]]  # (names, words written in lower case)

# The share of a conclusion's content words the lead must hold for it to restate the lead.
_RESTATED_SHARE = 0.6
# Yoast's readability light is green from 70 (tests/golden's floor).
READABLE = 70
# The only connective a sentence holding a quotation may take: it adds the quote to what the same
# speaker said, where "In addition," or "Furthermore," would read as the writer arguing a case.
_BEFORE_A_QUOTE = "Also,"
# A sentence that says itself that it adds ("It added his funeral will be private", "He also
# said"): a connective there says it twice ("Additionally, it added that ...").
_ADDS = re.compile(r"\b(?:add|adds|added|adding|also|as well)\b|, too\b", re.I)


def _not_a_dictionary_word(word: str) -> bool:
    """Whether ``word`` is in no English lexicon form (lemminflect's), as a name like "Yucaipa" is
    not; False where lemminflect is not installed (the word is then skipped, never lowered)."""
    return in_dictionary(word) is False and word.isalpha()


def _common_noun_opens(sentence: str) -> bool:
    """Whether ``sentence`` opens with a common noun ("Photos and videos ... showed"), not a name
    ("Bush spoke", "Brooks said"), as spaCy tags it; False without spaCy (the word is then
    skipped, never lowered)."""
    nlp = spacy_pipeline()
    if nlp is None:
        return False
    first = nlp(sentence)[0]
    return first.tag_ in ("NN", "NNS") and not first.ent_type_


def without_connective(sentence: str) -> str:
    """``sentence`` as it was before ``fix_transitions`` opened it with a connective."""
    for connective in (*CONNECTIVES, CONCLUDING, CONCLUDING_SHORT, CLOSING):
        if sentence.startswith(connective + " "):
            rest = sentence[len(connective) + 1 :]
            return rest[:1].upper() + rest[1:]
    return sentence


def _with_connective(sentence: str, connective: str, words: Words) -> str | None:
    """``sentence`` opened by ``connective``, or None where its first word's case is unclear or it
    opens with a quotation (a quote must stay as the speaker's words)."""
    names, lower = words
    first, _, rest = sentence.partition(" ")
    if not rest or not first[:1].isalpha() or has_transition(sentence) or _ADDS.search(sentence):
        return None
    bare = POSSESSIVE.sub("", first.strip(",.;:'\"’()"))  # "Acme," and "Acme's" are "Acme"
    if first.lower() in _LOWERCASE_FIRST | _DESCRIPTORS or (
            bare not in names and (bare.lower() in lower or _common_noun_opens(sentence))):
        first = first.lower()
    elif bare not in names and not (bare.isupper() and len(bare) > 1) and not (
            (first in _HONORIFICS or _opens_name_run(first, rest)) and rest[:1].isupper()
    ) and not _not_a_dictionary_word(bare):
        return None
    return f"{connective} {first} {rest}"


def _opens_name_run(first: str, rest: str) -> bool:
    """Whether ``first`` opens a run of capitalised words that names someone or something ("Administrator
    Bob Young", "West Sussex County Council"): a title or name written before a name keeps its capital."""
    second = rest.split(" ", 1)[0]
    return first.isalpha() and first[:1].isupper() and second[:1].isupper() and second.rstrip(",.;:").isalpha()


def _words_by_case(draft: EditableArticle) -> Words:
    """Words the article or its sources write capitalised other than at a sentence start, and the
    words of its tags (names), and words they write in lower case."""
    names: set[str] = set()
    lower: set[str] = set()
    texts = [text for _, text in draft.parts()] + [f["text"] for f in draft.data.get("facts", [])]
    for text in texts:
        for s in sentences_of(text):
            for w in s.split()[1:]:
                w = POSSESSIVE.sub("", w.strip(",.;:'\"’()"))
                (names if w[:1].isupper() else lower).add(w)
    for tag in draft.data.get("tags", []):
        names.update(w for w in tag.split() if w[:1].isupper())
    return names, lower


def _newly_long(sentence: str) -> bool:
    """Whether a connective (up to two words) may take ``sentence`` over 20 words."""
    return len(length_words(sentence)) <= LONG_SENTENCE < len(length_words(sentence)) + 2


def concluding(sentence: str, restates: bool = True) -> str:
    """The connective that opens the conclusion: "In short," where it ``restates`` the lead (the
    one-word one where two words would take the sentence over 20); else "Finally,", which claims
    only its place ("In short, a statement on his website said his funeral will be private." read
    as a summary of an obituary)."""
    if not restates:
        return CLOSING
    return CONCLUDING_SHORT if _newly_long(sentence) else CONCLUDING


def _before(draft: EditableArticle, part: str, told: list[str], i: int) -> tuple[str, str] | None:
    """The part and sentence read just before sentence ``i`` of ``part``: the one before it in its
    paragraph, or, for a body paragraph after the first with no crosshead over it, the last of the
    paragraph before. None at the start of the story, of a section, FAQ answer or conclusion (each
    read after a heading or as a part of its own)."""
    if i > 0:
        return part, told[i - 1]
    if not part.startswith("body[") or part == "body[0]":
        return None
    k = int(part[len("body["):-1])
    if any(c.get("before") == k for c in draft.data.get("crossheads") or []):
        return None
    earlier = [(j, sentences_of(p)) for j, p in enumerate(draft.data["body"][:k]) if sentences_of(p)]
    return (f"body[{earlier[-1][0]}]", earlier[-1][1][-1]) if earlier else None


def _facts(draft: EditableArticle, part: str, sentence: str) -> list[dict[str, Any]]:
    evidence = draft.evidence_for(part, sentence)
    ids = set(evidence.get("facts") or []) if evidence else set()
    return [f for f in draft.data.get("facts", []) if f["id"] in ids]


def _set_against(draft: EditableArticle, part: str, sentence: str) -> bool:
    """Whether the source opens ``sentence``'s fact with a contrast ("But a public fundraising
    campaign ... hit its target"): "Furthermore," there would say the two facts agree."""
    return any(f["text"].split(" ", 1)[0].strip(",").lower() in CONTRASTS for f in _facts(draft, part, sentence))


def _next_in_source(draft: EditableArticle, fact: dict[str, Any]) -> dict[str, Any] | None:
    """The fact its source tells right after ``fact``."""
    later = [f for f in draft.data.get("facts", []) if f.get("source") == fact.get("source")
             and f.get("start", -1) >= fact.get("end", 0)]
    return min(later, key=lambda f: f["start"]) if later else None


def _source_opened(draft: EditableArticle, part: str, told: list[str], i: int) -> str | None:
    """Sentence ``i`` of ``part`` opened again with the transition word its source opens it with
    ("But a public fundraising campaign ..."), where the part tells it right after the fact the
    source tells just before it: the source's own link between the same two facts. None elsewhere,
    and where another part (but the summary) already tells the sentence so."""
    before = _before(draft, part, told, i)
    sentence = told[i]
    body = sentence.rstrip(".")
    if before is None or not body:
        return None
    follows = {n["id"] for f in _facts(draft, *before) if (n := _next_in_source(draft, f)) is not None}
    for fact in _facts(draft, part, sentence):
        opener, _, rest = fact["text"].partition(" ")
        if (fact["id"] in follows and opener.rstrip(",").lower() in TRANSITION_WORDS
                and rest[: len(body)].lower() == body.lower()):
            new = f"{opener} {rest[: len(body)]}{sentence[len(body):]}"
            # not where another part already tells it so: the part would copy it word for word
            told_so = any(new in text for p, text in draft.parts() if p != part and not p.startswith("summary["))
            return None if told_so else new
    return None


def _restates_lead(draft: EditableArticle, sentence: str) -> bool:
    """Whether the conclusion's ``sentence`` tells the lead's fact, so that "In short," is true of
    it: it rests on the lead and most of its words are the lead's (a model's conclusion may cite
    the lead beside the fact it tells, the funeral that comes next)."""
    evidence = draft.evidence_for("conclusion", sentence)
    leads = [f for f in draft.data.get("facts", []) if f.get("role") == "lead"]
    if evidence is None or not {f["id"] for f in leads} & set(evidence.get("facts") or []):
        return False
    mine = {stem(w) for w in content_words(sentence)}
    theirs = {stem(w) for f in leads for w in content_words(f.get("text", ""))}
    return len(mine & theirs) >= _RESTATED_SHARE * len(mine)


def _may_open(draft: EditableArticle, part: str, told: list[str], i: int, *, true_only: bool = True) -> bool:
    """Whether a connective would be true of sentence ``i`` of ``part`` (see the module's note);
    not ``true_only``: whether the place continues the story at all (never the first sentence of
    the story, of the first section or of an FAQ answer, which stands alone)."""
    if part == "conclusion" and i == 0:
        return not true_only or _restates_lead(draft, told[0])
    if not true_only and i == 0 and part.startswith("sections[") and part != "sections[0].answer":
        return True  # the sections are read in order: the last resort of the filler
    before = _before(draft, part, told, i)
    if before is None:
        return False
    # Even filler never follows a report in a section or FAQ answer unless it is the same speaker's:
    # "Also," there makes the next fact read as the speaker's words (the body, read in the source's
    # order, may take it where the article would read below green otherwise).
    said = reports(before[1]) and not part.startswith("body[")
    return continues(before[1], told[i]) if true_only or said else True


def _places(draft: EditableArticle, tried: set[tuple[str, str]], *,
            true_only: bool = True) -> list[tuple[str, str, str | None]]:
    """(part, sentence, the sentence as its source opens it or None) where a transition word may
    go, best first (see ``fix_transitions``)."""
    ranked = []
    for n, (part, text) in enumerate(draft.parts()):
        if part.split("[")[0] not in _ORDER:
            continue
        told = sentences_of(text)
        for i, s in enumerate(told):
            if (part, s) in tried or has_transition(s):
                continue
            source = _source_opened(draft, part, told, i)
            if source is not None or _may_open(draft, part, told, i, true_only=true_only) \
                    and not _set_against(draft, part, s):
                unrelated = not true_only and not related(_before(draft, part, told, i), s)
                ranked.append((source is None, i == 0 and part.startswith("sections["), unrelated, _newly_long(s),
                               len(length_words(s)) > LONG_SENTENCE, i,
                               _ORDER[part.split("[")[0]], n, part, s, source))
    return [(r[-3], r[-2], r[-1]) for r in sorted(ranked, key=lambda r: r[:-1])]


def _opened(draft: EditableArticle, part: str, sentence: str, connective: str, words: Words) -> str | None:
    """``sentence`` opened by ``connective`` (by ``concluding`` where it opens the conclusion), or
    by it before its cut where the whole would run over 20 words; None where it cannot be."""
    if part == "conclusion" and draft.get(part).startswith(sentence):
        connective = concluding(sentence, _restates_lead(draft, sentence))
    new = _with_connective(sentence, connective, words)
    if new is not None and _newly_long(sentence) and len(length_words(new)) > LONG_SENTENCE:
        # Rather than make a sentence long, open its cut to fit (here only: the other parts
        # keep it whole): "... paint sacs [on Bayswater Road]".
        short = cut_to_words(sentence, LONG_SENTENCE - len(connective.split()))
        new = _with_connective(short, connective, words) if short else new
    return new


def _split_to_open(draft: EditableArticle, grounded: Grounded, tried: set[tuple[str, str]]) -> bool:
    """Where no sentence is left to open, split one that joins two whole clauses (``split_clauses``)
    in a part a connective may go in, so that its second clause can take one: never a summary
    point, a takeaway or the story's lead paragraph (told as written), and an FAQ answer only
    while it is one sentence (it may hold two). Made
    only where ``grounded`` passes each piece; whether a sentence was split."""
    for part, text in draft.parts():
        told = sentences_of(text)
        if part.split("[")[0] not in _ORDER or part == "body[0]" or (part.startswith("faq[") and len(told) > 1):
            continue
        for sentence in told:
            if (part, "split " + sentence) in tried:
                continue
            tried.add((part, "split " + sentence))
            pieces = split_clauses(sentence)
            if pieces and draft.allows(*pieces) and grounded(pieces):
                draft.split_sentence(part, sentence, pieces)
                return True
    return False


def _open_while_short(draft: EditableArticle, grounded: Grounded, words: Words, *, true_only: bool) -> Audits:
    """Open sentences (``_places``) while fewer than 30% hold a transition word (not ``true_only``:
    only until the article reads green, each such connective being filler); the audits after."""
    current = both(draft.article())
    turn = 0
    tried: set[tuple[str, str]] = set()
    while transition_share(current[0]) < TRANSITION_SHARE and (true_only or readability_of(current) < READABLE):
        places = _places(draft, tried, true_only=true_only)
        if not places:
            saved = draft.snapshot()
            if not _split_to_open(draft, grounded, tried):
                break
            trial = both(draft.article())
            if seo_of(trial) < seo_of(current):
                draft.restore(saved)
            else:
                current = trial
            continue
        part, sentence, source = places[0]
        tried.add((part, sentence))
        # The next connective in turn that opens no other sentence of the part ("Also, ... Also, ...").
        connective = next((c for k in range(len(CONNECTIVES)) if f"{(c := CONNECTIVES[(turn + k) % len(CONNECTIVES)])} "
                           not in draft.get(part)), CONNECTIVES[turn % len(CONNECTIVES)])
        if holds_quote(sentence):
            connective = _BEFORE_A_QUOTE
        new = source or _opened(draft, part, sentence, connective, words)
        if new is None or not draft.allows(new):
            continue
        saved = draft.snapshot()
        draft.replace_sentence(part, sentence, new)
        trial = both(draft.article())
        if seo_of(trial) < seo_of(current):
            draft.restore(saved)
            continue
        tried.add((part, new))
        turn += 1
        current = trial
    return current


def fix_transitions(draft: EditableArticle, grounded: Grounded = always) -> None:
    """While fewer than 30% of sentences hold a transition word, open one more sentence with a
    transition word where it is true (``_may_open``): the one its source opens it with, where the
    part keeps the source's order of the two facts (``_source_opened``); an additive connective,
    taken in turn ("Also," alone before a quote), on a sentence that adds a fact of the same kind
    about the same subject as the sentence read before it; ``concluding`` on the conclusion's first
    sentence where it restates the lead. Never a summary point or a takeaway, nor the first
    sentence of the story, a section or an FAQ answer. Order: the source's own words first, then
    sentences that stay within 20 words, then those already over it (the share of long sentences
    stays as it was), then those a connective takes over it; within each, second sentences of a
    paragraph before third ones (so connectives spread out), body before section answers,
    conclusion and FAQ. The changes are judged together: they are kept only when the readability
    score ends higher (a connective costs the prose a little; it is paid only for a better
    score), and never at a lower SEO score. A connective adds no claim: ``grounded`` is not asked.
    Where every candidate is opened and the share is still short, a sentence that joins two
    clauses is split (``_split_to_open``) so that its second clause may become a candidate.

    Only where the article would still read below Yoast's green light (``READABLE``) are
    connectives added that no relation backs (``_may_open``'s ``true_only=False``), logged as
    "filler transition" so that they can be counted: a thin article that tells the same few facts
    in every part has too few true links to meet the check otherwise."""
    words = _words_by_case(draft)
    start = draft.snapshot()
    first = both(draft.article())
    current = _open_while_short(draft, grounded, words, true_only=True)
    if readability_of(current) > readability_of(first):
        draft.changes.append("transition")
    else:
        draft.restore(start)
        current = first
    if readability_of(current) >= READABLE:
        return
    kept = draft.snapshot()
    trial = _open_while_short(draft, grounded, words, true_only=False)
    if readability_of(trial) > readability_of(current):
        draft.changes.append("filler transition")
    else:
        draft.restore(kept)
