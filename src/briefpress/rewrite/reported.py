"""Reported speech told another way: "X said Y." as "Y, X said." and "According to X, Y.", and
"Y, X said." (wire copy's usual order) as "X said Y." and "According to X, Y.".

A fact that is one report and nothing more has a single whole form, so every part that tells it
would paste the same sentence (FORMAT.md, "Telling each fact once"). Moving the attribution keeps
every word and what each word says: the speaker, the verb's tense, the clause whole. Only the plain
"SPEAKER said (that) CLAUSE." qualifies, where the clause ends the sentence and opens on no word
that points back (a moved "this is an orderly exit" would point at nothing), and the plain
"CLAUSE, SPEAKER said." (or "said SPEAKER") with nothing after the speaker, no quotation marks, and
no pronoun first in the clause ("Xinhua said it gave no details" would give "it" to Xinhua)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..lexicon import lemma_of
from ..nlp import spacy_pipeline
from .refer import POINTING

# The words these forms add to the source's ("According to X, ...").
ADDED_WORDS = frozenset(("according", "to"))
# Words that point back, which a clause moved first would leave pointing at nothing.
_POINTING = POINTING | frozenset("that there here".split())
_SPEAKER_POS = frozenset(("PROPN", "NOUN"))
# Entity kinds whose words keep their capital inside a sentence ("Chinese leaders").
_NAMING = frozenset("NORP GPE ORG PERSON LOC FAC EVENT PRODUCT WORK_OF_ART LAW LANGUAGE".split())


def _saying_root(doc: Any) -> Any | None:
    """The sentence's main verb where it is "said" or "says"; None for any other."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or lemma_of(root.lower_) != "say" or root.tag_ not in ("VBD", "VBZ"):
        return None
    return root


def _plain_report(doc: Any) -> tuple[Any, Any] | None:
    """The verb "said" and its clause, where the sentence is its speaker, the verb and the clause,
    the clause ending it and nobody's second predicate in it."""
    root = _saying_root(doc)
    if root is None:
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj" and c.i < root.i), None)
    clause = next((c for c in root.children if c.dep_ == "ccomp" and c.i > root.i), None)
    if subject is None or clause is None or subject.pos_ not in _SPEAKER_POS or subject.left_edge.i != 0:
        return None
    after = [t for t in doc if t.i > clause.right_edge.i and not (t.is_punct and t.text in ".")]
    if after or any(c.i > root.i and c.dep_ in ("dobj", "dative", "conj", "cc") for c in root.children):
        return None  # a clause that does not end the sentence, or a second predicate
    if any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and not any(g.dep_.startswith("nsubj") for g in c.children)
           for c in clause.children):
        return None  # "... will open in March and resigned": whose second predicate is it?
    if any(t.is_punct and t.text == "," for t in doc[root.i + 1 : clause.left_edge.i]):
        return None  # an aside between the verb and its clause
    return root, clause


def _report(doc: Any) -> tuple[str, str, str, str, bool] | None:
    """(speaker, verb, words between the verb and the clause, clause, whether the clause's first
    word keeps its capital inside a sentence) of a plain report."""
    found = _plain_report(doc)
    if found is None:
        return None
    root, clause = found
    first = clause.left_edge
    if first.dep_ == "mark" and first.lower_ == "that":
        first = doc[first.i + 1]
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if first.lower_ in _POINTING or first.pos_ == "PRON" or subject is not None and subject.lower_ in _POINTING:
        return None  # moved first, a pronoun would point at nothing: "on Tuesday it had approved ..."
    between = doc[root.i + 1 : clause.left_edge.i].text.strip()
    between = "" if between.lower() == "that" else between.removesuffix(" that")
    speaker = doc[: root.i].text.strip()
    # Mid-sentence, "The mayor" and "Police" lose their capital; a name ("Sussex PCC Bourne") keeps it.
    if doc[0].pos_ == "DET" or not any(t.pos_ == "PROPN" or t.is_upper for t in doc[: root.i]):
        speaker = speaker[:1].lower() + speaker[1:]
    said = doc[first.i :].text.strip().rstrip(".").rstrip()
    return speaker, root.text, between, said, _keeps_capital(first) or first.is_punct


def _keeps_capital(first: Any) -> bool:
    """Whether a clause's first word keeps its capital inside a sentence: a name, "I", an acronym
    (not the article "A")."""
    return first.pos_ == "PROPN" or first.ent_type_ in _NAMING or first.text == "I" or first.is_upper and len(first) > 1


def _trailing_report(doc: Any) -> tuple[str, str, str, bool] | None:
    """(speaker, verb, clause, whether the clause's first word keeps its capital inside a
    sentence) of "CLAUSE, SPEAKER said." or "CLAUSE, said SPEAKER."."""
    root = _saying_root(doc)
    if root is None:
        return None
    clause = next((c for c in root.children if c.dep_ == "ccomp" and c.i < root.i), None)
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if clause is None or subject is None or subject.pos_ not in _SPEAKER_POS or clause.left_edge.i != 0:
        return None
    comma = doc[clause.right_edge.i + 1] if clause.right_edge.i + 1 < len(doc) else None
    if comma is None or comma.text != ",":
        return None
    speaker = doc[subject.left_edge.i : subject.right_edge.i + 1]
    # Nothing but the speaker and the verb after the comma, in either order, then the full stop.
    tail = [t for t in doc[comma.i + 1 :] if not (t.is_punct and t.text == ".")]
    if {t.i for t in tail} != {t.i for t in speaker} | {root.i} or tail[-1].i != len(doc) - 2:
        return None
    if any(c.dep_ in ("dobj", "dative", "conj", "cc", "prep", "advmod", "npadvmod") for c in root.children):
        return None
    first = doc[0]
    inner = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if first.lower_ in _POINTING or first.pos_ == "PRON" or inner is not None and inner.lower_ in _POINTING:
        return None  # "it gave no other details" after "Xinhua said" would be Xinhua's
    return speaker.text, root.text, doc[: comma.i].text.strip(), _keeps_capital(first)


def _trailing_forms(doc: Any) -> tuple[str, ...]:
    """"X said Y." and "According to X, Y." for "Y, X said."."""
    found = _trailing_report(doc)
    if found is None:
        return ()
    speaker, verb, said, named = found
    said = said if named else said[:1].lower() + said[1:]
    return f"{_capital(speaker)} {verb} {said}.", f"According to {speaker}, {said}."


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:] if text[:1].islower() else text


@lru_cache(maxsize=4096)  # the writer asks again for each fact's forms
def reported_forms(sentence: str) -> tuple[str, ...]:
    """The other tellings of a plain report: "Y, X said." and "According to X, Y."; none for any
    other sentence, or without spaCy's parser."""
    nlp = spacy_pipeline()
    text = sentence.strip()
    if nlp is None or not text.endswith(".") or text.count('"') % 2:
        return ()
    doc = nlp(text)
    found = _report(doc)
    if found is None:
        return () if any(q in text for q in '"“”') else _trailing_forms(doc)
    speaker, verb, between, said, named = found
    if said[-1:] in "?!":
        return ()
    tail = f"{speaker} {verb}" + (f" {between}" if between else "")
    forms = [f"{_capital(said)}, {tail}."]
    if not between:  # "According to Tesco in a statement" does not read
        forms.append(f"According to {speaker}, {said if named else said[:1].lower() + said[1:]}.")
    return tuple(forms)
