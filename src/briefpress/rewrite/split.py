"""Splitting a long sentence where it joins two whole clauses, without writing a word.

"Yattara opened the scoring in the 77th minute and Lacazette took his tally to 25" says two things
with two subjects; as two sentences it says the same, only shorter. Only the joint changes: the
comma and "and" go, "but" and "yet" open the second sentence (the contrast is the source's), and a
semicolon becomes a full stop. Clauses without their own subject ("..., emphasizing ...") are
left alone: they would need a pronoun the source does not write. A relative clause that closes
the sentence can stand alone once its noun is named again (``split_relative``).

Never split: a sentence holding a quotation (a quote is the speaker's words, whole), nor a
hypothetical or conditional ("It might have been less dramatic, but it would have ...", "if ..."),
whose clauses apart would state as fact what the sentence only supposes.
"""

from __future__ import annotations

from typing import Any

from ..nlp import spacy_pipeline
from ..text import ensure_period
from .whole import holds_quote

MIN_WORDS = 6  # each sentence: a shorter one is rarely a whole clause
_KEPT_CONJUNCTIONS = {"but": "But", "yet": "Yet"}
_DROPPED_CONJUNCTIONS = frozenset(("and",))
_SUBJECTS = frozenset(("nsubj", "nsubjpass", "expl"))
_QUOTES = ('"', "“", "”")
_MODALS = frozenset(("might", "would", "could", "may", "should", "must"))
_CONDITIONALS = frozenset(("if", "unless", "whether"))


def _supposes(doc: Any) -> bool:
    """Whether the sentence is a hypothetical (a modal + "have": "would have cost") or a
    conditional ("if ...", "unless ...")."""
    for t in doc:
        if t.lower_ in _CONDITIONALS:
            return True
        if t.lower_ in _MODALS:
            after = [n.lower_ for n in doc[t.i + 1 : t.i + 3]]
            if "have" in after or "'ve" in after:
                return True
    return False


def _unsplittable(doc: Any) -> bool:
    return holds_quote(doc.text) or _supposes(doc)


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


def _joint(doc: Any, root: Any, verb: Any) -> tuple[int, int] | None:
    """Where the joint before a second clause runs (``cut:start``): the punctuation and
    conjunctions just before the clause's first word, else None."""
    start = cut = verb.left_edge.i
    # Only the run of marks right before the clause: a dash or comma earlier in the first clause
    # that the parser also hangs on the verb ("ran its division - including the UK - through
    # ...") is no part of the joint.
    while cut > root.i + 1 and doc[cut - 1].dep_ in ("cc", "punct") and doc[cut - 1].head in (root, verb):
        cut -= 1
    return (cut, start) if cut < start else None


def _split_at_joint(doc: Any, sentence: str, cut: int, start: int) -> list[str] | None:
    """The two sentences either side of the joint ``cut:start``, where the joint is a comma or
    semicolon with at most one conjunction this module knows, and both sides are long enough."""
    marks = {t.lower_ for t in doc[cut:start]}
    conjunctions = marks - {",", ";"}
    if not marks <= {",", ";"} | _DROPPED_CONJUNCTIONS | set(_KEPT_CONJUNCTIONS):
        return None
    if len(conjunctions) > 1 or (not conjunctions and ";" not in marks):
        return None  # a bare comma between clauses is a splice the parser may have misread
    if _words(doc[:cut]) < MIN_WORDS or _words(doc[start:]) < MIN_WORDS:
        return None
    if inside_quotes(sentence, doc[cut].idx):
        return None
    first = ensure_period(doc[:cut].text.rstrip(" ,;"))
    rest = doc[start:].text
    opener = next((_KEPT_CONJUNCTIONS[c] for c in conjunctions if c in _KEPT_CONJUNCTIONS), "")
    second = f"{opener} {rest}" if opener else capitalised(rest)
    return [first, ensure_period(second)]


def _second_clauses(root: Any) -> list[Any]:
    """The verbs after the main one that coordinate with it and have a subject of their own."""
    return [
        verb
        for verb in root.children
        if verb.i > root.i
        and verb.pos_ in ("VERB", "AUX")
        and verb.dep_ in ("conj", "parataxis")
        and _own_subject(verb)
    ]


def split_clauses(sentence: str) -> list[str] | None:
    """``sentence`` as two sentences where its main verb and a later verb with its own subject are
    joined by ", and", ", but", "; " (and the like); None where there is no such joint, where a
    part would be under six words, or where the sentence holds a quotation or supposes (see the
    module's note)."""
    nlp = spacy_pipeline()
    if nlp is None:
        return None
    doc = nlp(sentence)
    if _unsplittable(doc):
        return None
    by_semicolon = _at_semicolon(doc)
    if by_semicolon:
        return by_semicolon
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in ("VERB", "AUX") or not _own_subject(root):
        return None
    for verb in _second_clauses(root):
        joint = _joint(doc, root, verb)
        parts = _split_at_joint(doc, sentence, *joint) if joint else None
        if parts:
            return parts
    return None


MAX_ANTECEDENT_WORDS = 8  # a longer noun phrase repeated in full reads worse than the long sentence
_RELATIVE_PRONOUNS = frozenset(("who", "which"))


def _closing_relative(doc: Any, sentence: str, clause: Any) -> tuple[Any, Any] | None:
    """The subject pronoun and the comma before it of a relative clause that closes the sentence."""
    pronoun = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if pronoun is None or pronoun.lower_ not in _RELATIVE_PRONOUNS or pronoun.i != clause.left_edge.i:
        return None
    comma = doc[pronoun.i - 1] if pronoun.i > 0 else None
    if comma is None or comma.text != ",":
        return None
    # The clause must run to the end of the sentence (a full stop may follow).
    after = doc[clause.right_edge.i + 1 :]
    if any(not t.is_punct for t in after) or inside_quotes(sentence, pronoun.idx):
        return None
    return pronoun, comma


def _relative_split(doc: Any, sentence: str, clause: Any) -> list[str] | None:
    """The two sentences for one relative clause (see ``split_relative``), else None."""
    found = _closing_relative(doc, sentence, clause)
    if found is None:
        return None
    pronoun, comma = found
    noun = clause.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":
        return None  # "the daughter of the colonel, who ...": which of the two the clause is about is unclear
    antecedent = doc[noun.left_edge.i : comma.i]
    if any(t.pos_ == "PRON" or t.is_punct and t.text not in ("-", "'", "’", ".") for t in antecedent):
        return None
    if not 1 <= _words(antecedent) <= MAX_ANTECEDENT_WORDS:
        return None
    first = doc[: comma.i]
    second = doc[pronoun.i + 1 : clause.right_edge.i + 1]
    if _words(first) < MIN_WORDS or _words(second) + _words(antecedent) < MIN_WORDS:
        return None
    commas = [t.i for t in second if t.text == ","]
    tail = doc[commas[-1] : clause.right_edge.i + 1] if commas else []
    if any(t.dep_ == "cc" for t in tail) and not any(t.pos_ in ("VERB", "AUX") for t in tail):
        return None  # the list the antecedent opens goes on ("Bairstow, who lobbed ..., Ballance and Leaning")
    return [ensure_period(first.text), ensure_period(f"{capitalised(antecedent.text)} {second.text}")]


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
    if _unsplittable(doc):
        return None
    for clause in doc:
        if clause.dep_ != "relcl" or clause.pos_ not in ("VERB", "AUX"):
            continue
        parts = _relative_split(doc, sentence, clause)
        if parts:
            return parts
    return None


def verb_phrases(sentence: str) -> list[str]:
    """Each of two verb phrases a subject shares, said of that subject ("Takaichi conveyed
    gratitude ... and reaffirmed the alliance ..." gives "Takaichi conveyed gratitude ..." and
    "Takaichi reaffirmed the alliance ..."): both are the sentence's words, and each is true where
    the whole is. Only for "and", the second phrase running to the sentence's end, no quote and no
    hypothetical; [] otherwise."""
    nlp = spacy_pipeline()
    if nlp is None:
        return []
    doc = nlp(sentence.strip())
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ != "VERB" or _unsplittable(doc):
        return []
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    second = next((c for c in root.children if c.dep_ == "conj" and c.pos_ == "VERB" and not _own_subject(c)), None)
    if subject is None or second is None or subject.i > root.i:
        return []
    joint = next((c for c in root.children if c.dep_ == "cc" and root.i < c.i < second.i), None)
    if any(c.dep_ == "ccomp" and root.i < c.i < second.i for c in root.children):
        # "Ruiz said construction starts in March and should finish ...": the second verb is the
        # reported clause's as likely as the speaker's, whatever the parse says.
        return []
    ends = [t for t in doc if not t.is_punct]
    if joint is None or joint.lower_ not in _DROPPED_CONJUNCTIONS or second.right_edge.i != ends[-1].i:
        return []
    named = doc[subject.left_edge.i : subject.right_edge.i + 1].text
    first = doc[subject.left_edge.i : joint.i].text.rstrip(" ,")
    rest = doc[second.left_edge.i : ends[-1].i + 1].text
    if subject.left_edge.i != 0 or subject.right_edge.i >= root.i or second.left_edge.i <= joint.i - 1:
        return []  # what opens the sentence ("Despite ...,") may bear on both phrases
    forms = [ensure_period(first)]
    # The second phrase alone would lose a modal or negation the two share ("could raise taxes
    # and cut spending" is no "cut spending").
    shared = any(c.dep_ in ("aux", "auxpass", "neg") for c in root.children)
    if not shared or any(c.dep_ in ("aux", "auxpass") for c in second.children):
        forms.append(ensure_period(f"{named} {rest}"))
    return [f for f in forms if _words(nlp(f)) >= MIN_WORDS]
