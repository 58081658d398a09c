"""Splitting a long sentence where it joins two whole clauses, without writing a word.

"Yattara opened the scoring in the 77th minute and Lacazette took his tally to 25" says two things
with two subjects; as two sentences it says the same, only shorter. Only the joint changes: the
comma and "and" go, "but" and "yet" open the second sentence (the contrast is the source's), and a
semicolon becomes a full stop. Clauses without their own subject ("..., emphasizing ...") are
left alone: they would need a pronoun the source does not write. A relative clause that closes
the sentence can stand alone once its noun is named again (``split_relative``).
"""

from __future__ import annotations

from typing import Any

from ..text import ensure_period
from ..nlp import spacy_pipeline

MIN_WORDS = 6  # each sentence: a shorter one is rarely a whole clause
_KEPT_CONJUNCTIONS = {"but": "But", "yet": "Yet"}
_DROPPED_CONJUNCTIONS = frozenset(("and",))
_SUBJECTS = frozenset(("nsubj", "nsubjpass", "expl"))
_QUOTES = ('"', "“", "”")


def _words(tokens: Any) -> int:
    return sum(1 for t in tokens if t.is_alpha or t.like_num)


def inside_quotes(text: str, at: int) -> bool:
    return sum(text[:at].count(q) for q in _QUOTES) % 2 == 1


def _own_subject(verb: Any) -> bool:
    return any(c.dep_ in _SUBJECTS for c in verb.children)


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _clause_between(doc: Any, start: int, end: int) -> bool:
    """Tokens ``start:end`` hold a verb and its own subject."""
    return any(t.dep_ in _SUBJECTS and start <= t.head.i < end and t.head.pos_ in ("VERB", "AUX")
               for t in doc[start:end])


def _at_semicolon(doc: Any) -> list[str] | None:
    """Split at a semicolon with a whole clause on each side (the parser often hangs the first
    clause under the second, so the sides are judged on their own)."""
    for t in doc:
        if t.text != ";" or inside_quotes(doc.text, t.idx):
            continue
        if _words(doc[: t.i]) < MIN_WORDS or _words(doc[t.i + 1 :]) < MIN_WORDS:
            continue
        if _clause_between(doc, 0, t.i) and _clause_between(doc, t.i + 1, len(doc)):
            return [ensure_period(doc[: t.i].text), ensure_period(capitalised(doc[t.i + 1 :].text))]
    return None


def split_clauses(sentence: str) -> list[str] | None:
    """``sentence`` as two sentences where its main verb and a later verb with its own subject are
    joined by ", and", ", but", "; " (and the like); None where there is no such joint, or where a
    part would be under six words or the joint lies inside a quotation."""
    nlp = spacy_pipeline()
    if nlp is None:
        return None
    doc = nlp(sentence)
    by_semicolon = _at_semicolon(doc)
    if by_semicolon:
        return by_semicolon
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in ("VERB", "AUX") or not _own_subject(root):
        return None
    for verb in root.children:
        if verb.i <= root.i or verb.pos_ not in ("VERB", "AUX") or verb.dep_ not in ("conj", "parataxis"):
            continue
        if not _own_subject(verb):
            continue
        # The joint: the punctuation and conjunction just before the second clause's first word.
        start = verb.left_edge.i
        joint = [t for t in doc[root.i + 1 : start] if t.dep_ in ("cc", "punct") and t.head in (root, verb)]
        if not joint or joint[-1].i != start - 1:
            continue
        cut = joint[0].i
        while cut > 0 and doc[cut - 1].dep_ in ("cc", "punct") and doc[cut - 1].head in (root, verb):
            cut -= 1
        marks = {t.lower_ for t in doc[cut:start]}
        conjunctions = marks - {",", ";"}
        if not marks <= {",", ";"} | _DROPPED_CONJUNCTIONS | set(_KEPT_CONJUNCTIONS):
            continue
        if len(conjunctions) > 1 or (not conjunctions and ";" not in marks):
            continue  # a bare comma between clauses is a splice the parser may have misread
        if _words(doc[:cut]) < MIN_WORDS or _words(doc[start:]) < MIN_WORDS:
            continue
        if inside_quotes(sentence, doc[cut].idx):
            continue
        first = ensure_period(doc[:cut].text.rstrip(" ,;"))
        rest = doc[start:].text
        opener = next((_KEPT_CONJUNCTIONS[c] for c in conjunctions if c in _KEPT_CONJUNCTIONS), "")
        second = f"{opener} {rest}" if opener else capitalised(rest)
        return [first, ensure_period(second)]
    return None


MAX_ANTECEDENT_WORDS = 8  # a longer noun phrase repeated in full reads worse than the long sentence
_RELATIVE_PRONOUNS = frozenset(("who", "which"))


def split_relative(sentence: str) -> list[str] | None:
    """``sentence`` as two sentences where it ends on a relative clause set off by a comma whose
    pronoun is its subject: "..., made to wait by Bastia, who were reeling from ..." becomes
    "... by Bastia. Bastia were reeling from ...". The second sentence names what the pronoun
    stood for, in the source's own words, so it needs no new word and no pronoun; None where
    there is no such clause, the named phrase is long or holds a pronoun, or a part would be under
    six words."""
    nlp = spacy_pipeline()
    if nlp is None:
        return None
    doc = nlp(sentence)
    for clause in doc:
        if clause.dep_ != "relcl" or clause.pos_ not in ("VERB", "AUX"):
            continue
        pronoun = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if pronoun is None or pronoun.lower_ not in _RELATIVE_PRONOUNS or pronoun.i != clause.left_edge.i:
            continue
        comma = doc[pronoun.i - 1] if pronoun.i > 0 else None
        if comma is None or comma.text != ",":
            continue
        # The clause must run to the end of the sentence (a full stop may follow).
        after = doc[clause.right_edge.i + 1 :]
        if any(not t.is_punct for t in after) or inside_quotes(sentence, pronoun.idx):
            continue
        noun = clause.head
        if noun.dep_ == "pobj" and noun.head.lower_ == "of":
            continue  # "the daughter of the colonel, who ...": which of the two the clause is about is unclear
        antecedent = doc[noun.left_edge.i : comma.i]
        if any(t.pos_ == "PRON" or t.is_punct and t.text not in ("-", "'", "’", ".") for t in antecedent):
            continue
        if not 1 <= _words(antecedent) <= MAX_ANTECEDENT_WORDS:
            continue
        first = doc[: comma.i]
        second = doc[pronoun.i + 1 : clause.right_edge.i + 1]
        if _words(first) < MIN_WORDS or _words(second) + _words(antecedent) < MIN_WORDS:
            continue
        return [ensure_period(first.text), ensure_period(f"{capitalised(antecedent.text)} {second.text}")]
    return None
