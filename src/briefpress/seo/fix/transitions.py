"""Transitions: sentences that continue the story opened with an additive connective (each says no
more than "and"), and the conclusion's first sentence with one that says it restates the news."""

from __future__ import annotations

from ...edit import EditableArticle
from ...nlp import spacy_pipeline
from ...rewrite.split import split_clauses
from ...spec import CONCLUDING, CONCLUDING_SHORT, CONNECTIVES
from ..readability_checks import SENTENCE_WORDS as LONG_SENTENCE
from ..readability_checks import has_transition
from ..tokens import length_words
from .judge import TRANSITION_SHARE, Grounded, always, both, readability_of, seo_of, transition_share
from .keyphrase import POSSESSIVE
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
# Titles written before a name keep their capital: "Also, Mr Earnest said ...".
_HONORIFICS = frozenset("Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Sir Dame Lord Lady Prof Prof. Professor".split())
# The parts a connective may open a sentence in, in the order they are tried.
_ORDER = {"body": 0, "sections": 1, "conclusion": 2, "faq": 3}

Words = tuple[set[str], set[str]]  # (names, words written in lower case)


def _not_a_dictionary_word(word: str) -> bool:
    """Whether ``word`` is in no English lexicon form (lemminflect's), as a name like "Yucaipa" is
    not; False where lemminflect is not installed (the word is then skipped, never lowered)."""
    try:
        from lemminflect import getAllLemmas  # optional, and slow to import: only when a word needs it
    except ImportError:
        return False
    return word.isalpha() and not getAllLemmas(word.lower())


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
    for connective in (*CONNECTIVES, CONCLUDING, CONCLUDING_SHORT):
        if sentence.startswith(connective + " "):
            rest = sentence[len(connective) + 1 :]
            return rest[:1].upper() + rest[1:]
    return sentence


def _with_connective(sentence: str, connective: str, words: Words) -> str | None:
    """``sentence`` opened by ``connective``, or None where its first word's case is unclear or it
    opens with a quotation (a quote must stay as the speaker's words)."""
    names, lower = words
    first, _, rest = sentence.partition(" ")
    if not rest or not first[:1].isalpha() or has_transition(sentence):
        return None
    bare = POSSESSIVE.sub("", first.strip(",.;:'\"’()"))  # "Acme," and "Acme's" are "Acme"
    if first.lower() in _LOWERCASE_FIRST or (
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


def concluding(sentence: str) -> str:
    """The connective that opens the conclusion: the one-word one where two words would take the
    sentence over 20."""
    return CONCLUDING_SHORT if _newly_long(sentence) else CONCLUDING


def _places(draft: EditableArticle, tried: set[tuple[str, str]]) -> list[tuple[str, str]]:
    """(part, sentence) where a connective may go, best first (see ``fix_transitions``)."""
    ranked = sorted(
        (i == 0 and part.startswith("sections["), _newly_long(s), len(length_words(s)) > LONG_SENTENCE, i,
         _ORDER[part.split("[")[0]], n, part, s)
        for n, (part, text) in enumerate(draft.parts()) if part.split("[")[0] in _ORDER
        for i, s in enumerate(sentences_of(text))
        if (i > 0 or part == "conclusion" or (part.startswith("body[") and part != "body[0]")
            or (part.startswith("sections[") and part != "sections[0].answer"))
        and (part, s) not in tried
    )
    return [(r[-2], r[-1]) for r in ranked]


def _opened(draft: EditableArticle, part: str, sentence: str, connective: str, words: Words) -> str | None:
    """``sentence`` opened by ``connective`` (by ``concluding`` where it opens the conclusion), or
    by it before its cut where the whole would run over 20 words; None where it cannot be."""
    if part == "conclusion" and draft.get(part).startswith(sentence):
        connective = concluding(sentence)
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


def fix_transitions(draft: EditableArticle, grounded: Grounded = always) -> None:
    """While fewer than 30% of sentences hold a transition word, open one more sentence that
    continues the story with an additive connective, the connectives taken in turn, or the
    conclusion's first sentence with ``concluding``. Candidates: not the first sentence of a part
    (save the conclusion's, and body paragraphs after the first, which continue the story; and,
    after every other candidate, the answers of sections after the first, which are read in
    order, where an FAQ answer stands alone), never a summary point or a takeaway. Order:
    sentences that stay within 20 words, then those already over it (the share of long sentences
    stays as it was), then those a connective takes over it; within each, second sentences of a
    paragraph before third ones (so connectives spread out), body before section answers,
    conclusion and FAQ. The changes are judged together: they are kept only when the readability
    score ends higher (a connective costs the prose a little; it is paid only for a better
    score), and never at a lower SEO score. A connective adds no claim: ``grounded`` is not
    asked. Where every candidate is opened and the share is still short, a sentence that joins
    two clauses is split (``_split_to_open``) so that its second clause becomes a candidate."""
    words = _words_by_case(draft)
    start = draft.snapshot()
    first = current = both(draft.article())
    turn = 0
    tried: set[tuple[str, str]] = set()
    while transition_share(current[0]) < TRANSITION_SHARE:
        places = _places(draft, tried)
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
        part, sentence = places[0]
        tried.add((part, sentence))
        # The next connective in turn that opens no other sentence of the part ("Also, ... Also, ...").
        connective = next((c for k in range(len(CONNECTIVES)) if f"{(c := CONNECTIVES[(turn + k) % len(CONNECTIVES)])} "
                           not in draft.get(part)), CONNECTIVES[turn % len(CONNECTIVES)])
        new = _opened(draft, part, sentence, connective, words)
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
    if turn and readability_of(current) > readability_of(first):
        draft.changes.append("transition")
    else:
        draft.restore(start)
