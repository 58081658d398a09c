"""Verbs of saying, one list for every module that finds a report of speech or a speaker.

Each verb is kept as its lemma; ``forms`` gives its inflections and ``alternation`` a regex
group of them. The named subsets below are the sets modules differ in on purpose; a module that
needs a word of its own beside them says why where it adds it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Forms that no rule gives: (third person, past, past participle).
_IRREGULAR: dict[str, tuple[str, str, str]] = {
    "say": ("says", "said", "said"),
    "tell": ("tells", "told", "told"),
    "write": ("writes", "wrote", "written"),
    "read": ("reads", "read", "read"),
    "admit": ("admits", "admitted", "admitted"),
}

# The bare attribution: "..., Netflix said", "she told reporters".
ATTRIBUTING = frozenset({"say", "tell"})
# Main verbs that report what someone said: their clausal complement is what was said, and the
# subject is the speaker ("Tesco announced it would close ...").
REPORTING = ATTRIBUTING | frozenset(
    "add state note warn argue claim confirm announce explain insist declare report reveal".split())
# Verbs that state a speaker's position rather than report words: a fact with one is a statement
# by its subject ("Takaichi reaffirmed the alliance"), which "What did X say?" may ask of.
STATING = REPORTING | frozenset(
    "stress convey express reaffirm emphasise emphasize pledge vow admit".split())
# Verbs that introduce a quotation ("..." she wrote, he recalled, the minister tweeted).
QUOTING = REPORTING | frozenset("write remark recall ask tweet post".split())
SAYING = STATING | QUOTING
# Words that set one fact against another: a cut or a retelling that loses one says the two agree.
CONTRASTS = frozenset("but yet however although though despite whereas nevertheless instead".split())


def _inflections(lemma: str) -> tuple[str, str, str]:
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    third = lemma + "es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else lemma + "s"
    past = lemma + "d" if lemma.endswith("e") else lemma + "ed"
    return third, past, past


def forms(lemmas: Iterable[str], *, base: bool = True) -> frozenset[str]:
    """Every finite form of ``lemmas`` (third person, past, participle), and the lemma itself
    with ``base``: a pattern that also finds nouns ("a report", "a note") leaves it out."""
    out: set[str] = set()
    for lemma in lemmas:
        out.update(_inflections(lemma))
        if base:
            out.add(lemma)
    return frozenset(out)


def lemma_of(word: str) -> str | None:
    """The lemma of a form of a verb of saying ("told" -> "tell"), None for any other word."""
    return _LEMMAS.get(word.lower())


_LEMMAS = {form: lemma for lemma in SAYING for form in (lemma, *_inflections(lemma))}


def alternation(words: Iterable[str]) -> str:
    """A non-capturing regex group matching any of ``words``, the longest first so that "says"
    is not read as "say" where no word boundary follows."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))) + ")"
