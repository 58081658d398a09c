"""How two sentences read one after the other relate, as far as a connective needs it: whether the
second adds a fact of the same kind about the same subject ("Also" is then true of it), and whether
it names something the first names."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from ...lexicon import QUOTING, forms
from ...nlp import spacy_pipeline

# Titles written before a name: "Mr Earnest", "Ms Wallström".
HONORIFICS = frozenset("Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Sir Dame Lord Lady Prof Prof. Professor".split())
# Main verbs that report what someone said: two reports by the same speaker are facts of one kind.
_REPORTING = forms(QUOTING, base=False)


class Subject(NamedTuple):
    """The main clause's subject, as far as a connective needs it: its head word in lower case, what
    it is ("pron", "person", "plural", "org" or "thing"), and whether the main verb reports speech."""

    word: str
    kind: str
    reports: bool


@lru_cache(maxsize=4096)
def _subject(sentence: str) -> Subject | None:
    """The subject of ``sentence``'s main clause, or None without one (or without spaCy: then no
    sentence is opened, as no relation can be read)."""
    nlp = spacy_pipeline()
    if nlp is None:
        return None
    doc = nlp(sentence)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root is not None else None
    according = sentence.startswith("According to ")
    if according:  # "According to X, ..." reports X's words as the verb "said" does: X is who it is about
        subject = next((t for t in doc if t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.i == 1), subject)
    if root is None or subject is None:
        return None
    if subject.pos_ == "PRON":
        kind = "pron"
    elif subject.ent_type_ == "PERSON" or any(c.text in HONORIFICS for c in subject.children):
        kind = "person"
    elif subject.tag_ in ("NNS", "NNPS"):
        kind = "plural"
    else:
        kind = "org" if subject.ent_type_ in ("ORG", "NORP") else "thing"
    return Subject(subject.lower_, kind, root.lower_ in _REPORTING or according)


def _same_subject(before: Subject, after: Subject) -> bool:
    """Whether ``after``'s subject is ``before``'s: the same head word ("Josh Earnest" then "Mr
    Earnest"), or a pronoun that can only take it up ("she" after a person, "it" after one thing
    or body, "they" after several or a body)."""
    if after.kind != "pron" or before.kind == "pron":
        return before.word == after.word
    fits = {"he": ("person",), "she": ("person",), "it": ("thing", "org"), "they": ("plural", "org")}
    return before.kind in fits.get(after.word, ())


@lru_cache(maxsize=4096)
def _nouns(sentence: str) -> frozenset[str]:
    """The nouns and names of ``sentence``, in lower case (none without spaCy)."""
    nlp = spacy_pipeline()
    return frozenset(t.lower_ for t in nlp(sentence) if t.pos_ in ("NOUN", "PROPN")) if nlp is not None else frozenset()


def related(before: tuple[str, str] | None, sentence: str) -> bool:
    """Whether ``sentence`` names something the sentence read before it names ("... the protest ..."
    then "Four people were arrested in connection with the protest"): where filler must go, it goes
    there first, the link it implies being the least far-fetched."""
    return before is not None and bool(_nouns(before[1]) & _nouns(sentence))


def reports(sentence: str) -> bool:
    """Whether ``sentence``'s main verb reports what someone said ("X said ...", "According to X,")."""
    subject = _subject(sentence)
    return subject is not None and subject.reports


def continues(before: str, sentence: str) -> bool:
    """Whether ``sentence`` adds a fact of the same kind about the same subject as ``before``, the
    sentence read just before it: so "Also," is true of the two. Never after a question."""
    if before.rstrip("\"'”’)] ").endswith("?"):
        return False
    first, second = _subject(before), _subject(sentence)
    return first is not None and second is not None and first.reports == second.reports and _same_subject(first, second)
