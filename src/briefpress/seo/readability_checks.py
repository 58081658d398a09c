"""Yoast's readability assessments for English (research/seo-checks.md §1.4), and Flesch reading ease
as an insight (Yoast shows it apart; it does not count toward the readability score)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from . import syllables
from .context import Context
from .language import (
    CLAUSE_STOP_PHRASES,
    CLAUSE_STOPWORDS,
    FIRST_WORD_EXCEPTIONS,
    IRREGULAR_PARTICIPLES,
    MULTI_WORD_TRANSITIONS,
    NON_VERBS_ENDING_ED,
    NOT_BETWEEN_AUX_AND_PARTICIPLE,
    NOT_DIRECTLY_BEFORE_PARTICIPLE,
    PASSIVE_AUXILIARIES,
    TRANSITION_WORDS,
    TWO_PART_TRANSITIONS,
)
from .result import Assessment
from .tokens import count_words, length_words, strip_punctuation, tokens

SECTION_MAX, SECTION_FAR = 300, 350
PARAGRAPH_MAX, PARAGRAPH_FAR = 150, 200
SENTENCE_WORDS, SENTENCE_OK, SENTENCE_FAR = 20, 25, 30


def subheading_distribution(ctx: Context) -> Assessment | None:
    if not ctx.page.plain_text.strip():
        return None
    sections: list[int] = [0]
    has_heading = False
    for block in ctx.page.blocks:
        if block.kind.startswith("h"):
            has_heading = True
            sections.append(0)
        else:
            sections[-1] += count_words(block.text)
    total = sum(sections)
    if not has_heading:
        if total > SECTION_MAX:
            return Assessment(
                "subheadingsTooLong", 2,
                f"The text has {total} words and no subheadings; add subheadings to break it up.",
            )
        return Assessment("subheadingsTooLong", 9, "The text is short enough to go without subheadings.")
    longest = max(sections)
    too_long = sum(1 for s in sections if s > SECTION_MAX)
    if longest > SECTION_FAR:
        return Assessment(
            "subheadingsTooLong", 3,
            f"{too_long} section(s) run over {SECTION_MAX} words (longest {longest}); add subheadings to split them.",
        )
    if longest > SECTION_MAX:
        return Assessment(
            "subheadingsTooLong", 6,
            f"{too_long} section(s) run over {SECTION_MAX} words (longest {longest}); add a subheading.",
        )
    return Assessment("subheadingsTooLong", 9, "Every section is at most 300 words. Good.")


def paragraph_length(ctx: Context) -> Assessment | None:
    lengths = [len(length_words(b.text)) for b in ctx.page.paragraphs]
    lengths = [n for n in lengths if n > 0]
    if not lengths:
        return None
    longest = max(lengths)
    over = sum(1 for n in lengths if n > PARAGRAPH_MAX)
    if longest > PARAGRAPH_FAR:
        return Assessment(
            "textParagraphTooLong", 3,
            f"{over} paragraph(s) exceed {PARAGRAPH_MAX} words (longest {longest}); split them.",
        )
    if longest > PARAGRAPH_MAX:
        return Assessment(
            "textParagraphTooLong", 6,
            f"{over} paragraph(s) exceed {PARAGRAPH_MAX} words (longest {longest}); shorten them.",
        )
    return Assessment("textParagraphTooLong", 9, "No paragraph is over 150 words. Good.")


def sentence_length(ctx: Context) -> Assessment | None:
    sentences = [s for s in ctx.sentences if s.words > 0]
    if not sentences:
        return None
    long = sum(1 for s in sentences if s.words > SENTENCE_WORDS)
    share = round(100 * long / len(sentences), 1)
    if share <= SENTENCE_OK:
        return Assessment(
            "textSentenceLength", 9,
            f"{share:g}% of sentences have more than {SENTENCE_WORDS} words. Good.",
        )
    score = 6 if share <= SENTENCE_FAR else 3
    return Assessment(
        "textSentenceLength", score,
        f"{share:g}% of sentences have more than {SENTENCE_WORDS} words, over the {SENTENCE_OK}% maximum; shorten or "
        "split them.",
    )


@lru_cache(maxsize=1)
def _multi_word_pattern() -> re.Pattern[str]:
    words = sorted(MULTI_WORD_TRANSITIONS, key=len, reverse=True)
    return re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w'])")


@lru_cache(maxsize=16384)
def has_transition(sentence: str) -> bool:
    lower = sentence.lower().replace("’", "'")
    words = [w.lower() for w in tokens(lower)]
    if any(w in TRANSITION_WORDS for w in words):
        return True
    if _multi_word_pattern().search(lower):
        return True
    for first, second in _two_part_patterns():
        a = first.search(lower)
        if a and second.search(lower, a.end()):
            return True
    return False


@lru_cache(maxsize=1)
def _two_part_patterns() -> list[tuple[re.Pattern[str], re.Pattern[str]]]:
    def word(w: str) -> re.Pattern[str]:
        return re.compile(rf"(?<![\w']){re.escape(w)}(?![\w'])")

    return [(word(a), word(b)) for a, b in TWO_PART_TRANSITIONS]


def transition_words(ctx: Context) -> Assessment | None:
    sentences = ctx.sentences
    if not sentences:
        return None
    with_tw = sum(1 for s in sentences if has_transition(s.text))
    share = round(100 * with_tw / len(sentences), 1)
    if ctx.word_count < 200:
        return Assessment("textTransitionWords", 9, "The text is short; transition words are not required yet.")
    if share >= 30:
        return Assessment("textTransitionWords", 9, f"{share:g}% of sentences hold transition words. Good.")
    score = 6 if share >= 20 else 3
    return Assessment(
        "textTransitionWords", score,
        f"Only {share:g}% of sentences hold transition words (aim for 30%); link ideas with words such as 'however', "
        "'because' or 'as a result'.",
    )


_STOP_CHARACTER = re.compile(r"[:,](?=[\s'\"+\-»«‹›<>])|'ll(?=[\s'\"])|'ve(?=[\s'\"])")
_ING = re.compile(r"\w+ing(?=$|[\s.,'()\"+\-;!?:/»«‹›<>])")
_ING_EXCLUDED = frozenset(("king", "cling", "ring", "being", "thing", "something", "anything"))
_WORD_AT = re.compile(r"[^\s]+")
_STOP_PHRASES = re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(p) for p in CLAUSE_STOP_PHRASES) + r")(?![\w'])")


def _clauses(sentence: str) -> list[list[str]]:
    """The sentence cut at auxiliaries, clause stop words, commas and colons and -ing verbs; only
    the clauses that hold an auxiliary are returned, as word lists."""
    s = sentence.lower().replace("’", "'").replace("‘", "'")
    breaks: set[int] = set()
    words = [(m.start(), strip_punctuation(m.group(0))) for m in _WORD_AT.finditer(s)]
    if not any(w in PASSIVE_AUXILIARIES for _, w in words):
        return []
    for pos, w in words:
        if w in PASSIVE_AUXILIARIES or w in CLAUSE_STOPWORDS:
            breaks.add(pos)
    for m in _STOP_PHRASES.finditer(s):
        breaks.add(m.start())
    for m in _STOP_CHARACTER.finditer(s):
        breaks.add(m.start())
    for m in _ING.finditer(s):
        if m.group(0) not in _ING_EXCLUDED:
            breaks.add(m.start())
    cuts = sorted(breaks)
    out = []
    for i, start in enumerate(cuts):
        end = cuts[i + 1] if i + 1 < len(cuts) else len(s)
        part = [strip_punctuation(w) for w in s[start:end].split()]
        part = [w for w in part if w]
        if any(w in PASSIVE_AUXILIARIES for w in part):
            out.append(part)
    return out


def is_participle(word: str) -> bool:
    return (len(word) > 2 and word.endswith("ed") and word[:-2].isalnum()) or word in IRREGULAR_PARTICIPLES


@lru_cache(maxsize=16384)
def is_passive(sentence: str) -> bool:
    for clause in _clauses(sentence):
        aux_at = next(i for i, w in enumerate(clause) if w in PASSIVE_AUXILIARIES)
        auxiliaries = [w for w in clause if w in PASSIVE_AUXILIARIES]
        for i, w in enumerate(clause):
            if i <= aux_at or not is_participle(w) or w in NON_VERBS_ENDING_ED:
                continue
            if w == "rid" and any(a.startswith("get") or a == "got" for a in auxiliaries):
                continue
            if clause[i - 1] in NOT_DIRECTLY_BEFORE_PARTICIPLE:
                continue
            if any(x in NOT_BETWEEN_AUX_AND_PARTICIPLE for x in clause[aux_at + 1 : i]):
                continue
            return True
    return False


def passive_voice(ctx: Context) -> Assessment | None:
    sentences = ctx.sentences
    if not sentences:
        return None
    passive = sum(1 for s in sentences if is_passive(s.text))
    share = round(100 * passive / len(sentences), 1)
    if share <= 10:
        return Assessment("passiveVoice", 9, f"{share:g}% of sentences are passive. Good.")
    score = 6 if share <= 15 else 3
    return Assessment(
        "passiveVoice", score,
        f"{share:g}% of sentences are passive, over the 10% maximum; rewrite some in the active voice.",
    )


def text_presence(ctx: Context) -> Assessment | None:
    if len(ctx.page.plain_text) >= 50:
        return None
    return Assessment("textPresence", 3, "There is not enough text to judge; write at least 50 characters.")


@lru_cache(maxsize=16384)
def _beginning(sentence: str) -> str:
    words = [w.lower() for w in length_words(sentence)]
    if not words:
        return ""
    first = words[0]
    if first in FIRST_WORD_EXCEPTIONS and len(words) > 1:
        first += " " + words[1]
    return first


def sentence_beginnings(ctx: Context) -> Assessment | None:
    sentences = [s for s in ctx.sentences if not ctx.block(s.block).in_list and tokens(s.text)]
    if not sentences:
        return None
    worst, worst_word, run, previous = 0, "", 0, None
    for s in sentences:
        b = _beginning(s.text)
        run = run + 1 if b == previous else 1
        previous = b
        if run > worst:
            worst, worst_word = run, b
    if worst > 2:
        return Assessment(
            "sentenceBeginnings", 3,
            f"{worst} sentences in a row start with '{worst_word}'; vary how they begin.",
        )
    return Assessment("sentenceBeginnings", 9, "No three sentences in a row start with the same word. Good.")


READABILITY_CHECKS: tuple[Callable[[Context], Assessment | None], ...] = (
    subheading_distribution, paragraph_length, sentence_length, transition_words, passive_voice,
    text_presence, sentence_beginnings,
)


def flesch(ctx: Context) -> dict[str, object]:
    """Flesch reading ease, English formula, numbers left out; with Yoast's legacy 0-9 score."""
    text = re.sub(r"\d[\d.,]*", "", " ".join(b.text for b in ctx.page.blocks))
    n_sentences = len(ctx.sentences)
    words = [w for w in (strip_punctuation(x) for x in text.split()) if w]
    if not n_sentences or not words:
        return {"flesch_reading_ease": 0.0, "score": 3, "rating": "bad", "message": "No text to measure."}
    syl = sum(syllables.count_word(w) for w in words)
    value = round(206.835 - 1.015 * (len(words) / n_sentences) - 84.6 * (syl / len(words)), 1)
    value = max(0.0, min(100.0, value))
    score = 9 if value >= 60 else 6 if value >= 50 else 3
    rating = "good" if score == 9 else "ok" if score == 6 else "bad"
    message = (
        f"Flesch reading ease {value:g}: easy enough to read." if score == 9
        else f"Flesch reading ease {value:g}: hard to read; use shorter sentences and shorter words."
    )
    return {"flesch_reading_ease": value, "score": score, "rating": rating, "message": message}
