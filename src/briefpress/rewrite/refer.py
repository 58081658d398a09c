"""Referring back: a repeated name becomes a pronoun where the words just before name it.

Yoast counts every mention of the keyphrase, and a short article that repeats its lead in each
part goes over the density limit (a company named more often than its length allows). An editor
would write "It announced its earnings" after a sentence about the company, or "They fell by
nearly 8%" under "What is the latest on Chinese shares?". That rewrite says nothing new, so it is one the seo
stage may make, on these conditions:

- the thing takes a pronoun we can know: an organisation, place, product or event is "it", a
  common noun is "it" or "they" by its number; a person never is (the sources do not say which
  pronoun), nor anything spaCy cannot place;
- the mention is the subject of its sentence ("Moderna announced") or its owner ("Moderna's
  revenues"), never part of a longer name ("China Eastern");
- the sentence just before it in the same paragraph has the same thing as its subject or owner,
  or the sentence opens a paragraph under a question that names it.

The other way round, ``orphan_reason`` says when a sentence's subject points back ("he", "the
institute") to nothing read before it: a writer or fixer that drops or reorders sentences asks it
so that no sentence is left without what it refers to.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from ..lexicon import SAYING, forms
from ..nlp import parse_one, stem, tokens
from ..text import whole_phrase
from .quotes import speakerless


@dataclass(frozen=True)
class Pronoun:
    subject: str  # "it", "they"
    possessive: str  # "its", "their"


IT = Pronoun("it", "its")
THEY = Pronoun("they", "their")

# spaCy entity labels for things, not people or groups of people.
_THINGS = frozenset("ORG GPE LOC FAC PRODUCT EVENT WORK_OF_ART LAW".split())
_SUBJECT = frozenset(("nsubj", "nsubjpass"))
# A company's legal form, written after its name and a comma.
_CORPORATE = frozenset("Inc. Inc Ltd. Ltd plc PLC Corp. Corp LLC Co. AG SA SE NV N.V. S.A.".split())
_SAMPLES = 3  # mentions whose tags must agree on the pronoun
_MAX_TEXTS = 50  # texts naming the thing that are read for its pronoun


def _spans(doc, phrase: str):  # type: ignore[no-untyped-def]
    for m in whole_phrase(phrase).finditer(doc.text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None:
            yield span


def _head_pronoun(token) -> Pronoun | None:  # type: ignore[no-untyped-def]
    if token.ent_type_:
        return IT if token.ent_type_ in _THINGS else None
    if token.tag_ == "NNS":
        return THEY
    if token.tag_ == "NN":
        return IT
    return None


# The possessives a source may use for a thing it has just named, and what they say about it.
_SOURCE_POSSESSIVES = {"its": IT, "their": THEY, "his": None, "her": None}


def pronoun_for(phrase: str, texts: Iterable[str]) -> Pronoun | None:
    """The pronoun for ``phrase``: the one the sources use for it (a possessive in the clause it
    governs: "Moderna announced its earnings"), else the one its spaCy tags give it in the first
    sentences that name it. None where these disagree, where it is a person's ("his", "her"), or
    where spaCy tags it a person: any mention of a name of two or more words, or every mention of a
    one-word name (the small model tags a one-word company a person now and then, so a name tagged
    an organisation even once stays a thing); and None without spaCy."""
    used: list[Pronoun | None] = []
    tagged: list[Pronoun | None] = []
    labels: set[str] = set()
    named = whole_phrase(phrase)
    # Only a text that names the phrase can say anything of it: parse those, and no more than
    # _MAX_TEXTS of them, so a brief of thousands of points is not thousands of parses.
    naming = [text for text in texts if named.search(text)][:_MAX_TEXTS]
    for text in naming:
        doc = parse_one(text)
        if doc is None:
            return None
        for span in _spans(doc, phrase):
            labels.add(span.root.ent_type_)
            if len(tagged) < _SAMPLES:
                tagged.append(_head_pronoun(span.root))
            governor = span.root.head
            used += [_SOURCE_POSSESSIVES[t.lower_] for t in doc[span.end : span.sent.end]
                     if t.tag_ == "PRP$" and t.lower_ in _SOURCE_POSSESSIVES and governor in t.ancestors]
    if "PERSON" in labels and (len(phrase.split()) > 1 or not labels & _THINGS):
        return None
    seen = used or tagged
    return seen[0] if seen and all(p == seen[0] for p in seen) else None


def _role(doc, phrase: str, *, whole: bool = True):  # type: ignore[no-untyped-def]
    """("subject" | "owner", first token, end token) for the first mention of ``phrase`` in
    ``doc`` that is the subject ("Chinese shares fell") or owner ("Moderna's revenues") of its
    clause, else None. With ``whole``, only a mention that is the whole noun phrase counts: not
    "China Eastern", "shares of ..." or "Moderna, the drugmaker, said"; a closing appositive
    joins it ("Moderna, Inc.'s revenues" is owned by "Moderna, Inc.")."""
    for span in _spans(doc, phrase):
        if span.end + 1 < len(doc) and doc[span.end].text == "," and doc[span.end + 1].text in _CORPORATE:
            span = doc[span.start : span.end + 2]  # "Moderna, Inc.": spaCy heads it on "Inc."
        root = span.root
        end = span.end
        if whole:
            outside = [
                c for c in root.children if not (span.start <= c.i < span.end) and c.dep_ not in ("case", "punct")
            ]
            if len(outside) == 1 and outside[0].dep_ == "appos" and outside[0].i > root.i:
                end = max(t.i for t in outside[0].subtree) + 1
                if end < len(doc) and doc[end].text == ",":
                    continue
            elif outside:
                continue
        if root.dep_ in _SUBJECT:
            return "subject", span.start, end
        if root.dep_ == "poss" and end < len(doc) and doc[end].tag_ == "POS":
            return "owner", span.start, end + 1
    return None


def names_as_subject(sentence: str, phrase: str) -> bool:
    """Whether ``sentence`` has ``phrase`` as the subject or owner of a clause."""
    doc = parse_one(sentence)
    return doc is not None and _role(doc, phrase, whole=False) is not None


def _names_nothing(opening) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``opening``, the words before a mention, is a connective or a date set off by a
    comma ("Also,", "In April of this year,"): it names nothing a pronoun after it could be read
    as standing for."""
    return opening[-1].text == "," and all(
        t.pos_ in ("ADV", "ADP", "ADJ", "PUNCT", "CCONJ") or t.ent_type_ in ("DATE", "TIME") for t in opening)


def refer_back(sentence: str, phrase: str, pronoun: Pronoun) -> str | None:
    """``sentence`` with its first mention of ``phrase`` put as ``pronoun``, where that mention is
    the subject or owner and comes first in the sentence, after at most a connective or a date
    ("Also, Moderna's revenues ..." becomes "Also, its revenues ...", "In April, Tesco reported
    ..." becomes "In April, it reported ..."); else None."""
    doc = parse_one(sentence)
    if doc is None:
        return None
    found = _role(doc, phrase)
    if found is None:
        return None
    role, first, end = found
    before = doc[:first]
    if len(before) and not _names_nothing(before):
        return None  # only a connective or a date may come before it
    word = pronoun.possessive if role == "owner" else pronoun.subject
    if first == 0:
        word = word[:1].upper() + word[1:]
    last = doc[end - 1]
    new = sentence[: doc[first].idx] + word + sentence[last.idx + len(last.text):]
    return re.sub(r"\s{2,}", " ", new)


# Orphans: a sentence whose subject points back ("he", "the institute") to nothing read before.
PERSONAL = frozenset("he she him his her hers".split())
POINTING = frozenset("it its they them their theirs this these those".split()) | PERSONAL
_DEFINITE = frozenset("the this that these those such".split())
# A quantity standing for a group named before ("Some have been considered too dangerous").
_COUNTING = frozenset("some many most others several both all few none".split())
# Things a reader knows without an introduction: "the police", "the weekend".
_KNOWN = frozenset(
    "police government public world press media economy internet weekend week month year day morning afternoon "
    "evening night time past future moment end start beginning rest majority".split())
# Words for an organisation that a sentence naming one introduces.
_KINDS_OF_ORG = frozenset("company firm group business start-up startup organisation organization agency club team "
                          "party retailer giant brand bank chain carrier maker operator".split())
_SELF_NAMING = frozenset(("prep", "acl", "relcl", "appos", "compound", "nummod"))
_LOOK_BACK = 3  # sentences read before that may hold an antecedent


def _subject(doc):  # type: ignore[no-untyped-def]
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    return next((c for c in root.children if c.dep_ in _SUBJECT), None)


# Nouns for people: "the chiropractor", "a spokeswoman", "the resident", "officials".
_PERSON_NOUN = re.compile(r"(?:man|men|woman|women|person|people|child|children|boy|girl|wife|husband|"
                          r"mother|father|son|daughter|official|\w+(?:er|or|ist|ian|ant|ent|ee))s?", re.I)


def _names_a_person(docs) -> bool:  # type: ignore[no-untyped-def]
    return any(t.ent_type_ == "PERSON" or (t.pos_ == "PROPN" and not t.ent_type_)
               or (t.pos_ == "NOUN" and _PERSON_NOUN.fullmatch(t.text)) for doc in docs for t in doc)


_SAYS = forms(SAYING, base=False)


def _expletive(subject) -> bool:  # type: ignore[no-untyped-def]
    """"It" that stands for a clause later in the sentence ("It is clear that ..."); not the
    "it" of a verb of saying, which is someone's or something's ("It added his funeral will be
    private": the statement read before)."""
    return subject.lower_ == "it" and (subject.dep_ == "expl" or any(
        c.dep_ in ("ccomp", "xcomp", "csubj") for c in subject.head.children)) and (
        subject.head.lower_ not in _SAYS or any(c.dep_ == "auxpass" for c in subject.head.children))


def _unintroduced(noun, sentence: str, before: list[str]) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``noun``, the head of a definite description, is named nowhere before it: not in
    ``before`` nor earlier in its sentence (compared by stem)."""
    if noun.lower_ in _KNOWN or noun.pos_ == "PROPN" or noun.ent_type_:
        return False
    if any(c.dep_ in _SELF_NAMING or (c.pos_ == "PROPN") for c in noun.children):
        return False  # "the revocation of his license", "the Iowa board": it says what it is
    seen = {stem(w) for text in [*before, sentence[: noun.idx]] for w in tokens(text)}
    if stem(noun.text) in seen:
        return False
    # "the company" after a sentence naming one ("... start-up Ozy Media ...") refers to it.
    return not (noun.lower_ in _KINDS_OF_ORG and any(
        t.ent_type_ == "ORG" or t.pos_ == "PROPN" for d in (parse_one(b) for b in before) if d is not None for t in d))


@dataclass(frozen=True)
class Orphan:
    """Why a sentence cannot stand where it is: how it points back, and the words that do."""

    kind: Literal["continues", "no_antecedent", "no_one_named", "not_introduced"]
    words: str  # "added", "he", "the institute"

    def __str__(self) -> str:
        return f"'{self.words}' {_ORPHAN_MESSAGES[self.kind]}"

    @property
    def person(self) -> bool:
        """It goes on from a person: "He also said", "It added", or a "he"/"she" subject or owner."""
        return self.kind == "continues" or (self.kind != "not_introduced" and self.words.lower() in PERSONAL)


_ORPHAN_MESSAGES = {
    "continues": "goes on from something not told before it",
    "no_antecedent": "has nothing before it to refer to",
    "no_one_named": "refers to no one named before it",
    "not_introduced": "is not introduced before it",
}


def goes_on_from_before(sentence: str) -> bool:
    """Whether ``sentence`` can only be read after the one before it: it goes on from it ("It
    added ...", "He also said ...") or its subject, or the subject's owner, is a pronoun. A
    definite description ("the council") is not counted: the article's lead may introduce it."""
    found = orphan(sentence, [])
    return found is not None and found.kind != "not_introduced"


def speaks_for_someone_before(sentence: str) -> bool:
    """Whether ``sentence`` goes on from a person told before it: a statement that continues
    ("He also said ...", "It added ...") or a subject, or a subject's owner, that is "he" or
    "she". Read on its own it credits no one; an "it" is most often the story's own subject."""
    found = orphan(sentence, [])
    return found is not None and found.person


def orphan_reason(sentence: str, before: list[str]) -> str | None:
    """``orphan``'s reason in words, or None when the sentence can stand where it is."""
    found = orphan(sentence, before)
    return None if found is None else str(found)


def orphan(sentence: str, before: list[str]) -> Orphan | None:
    """Why ``sentence`` cannot stand where it is, or None when it can: its subject (or the owner
    of its subject) is a pronoun ("he", "they", "Nonetheless, he's received ...") and ``before``,
    the sentences read before it in the same part, is empty or (for "he"/"she") names no one; or
    its subject is a definite description ("the institute", "that assault") whose noun neither
    ``before`` (its last three sentences) nor the sentence itself introduces. Conservative: a
    description that says what it is ("the revocation of his license", "the Iowa board"), a thing
    everyone knows ("the police") and an "it" that stands for a later clause pass; None without
    spaCy."""
    doc = parse_one(sentence)
    if doc is None:
        return None
    continued = _continues(doc)
    if continued and not before:
        return Orphan("continues", continued)
    subject = _subject(doc)
    if subject is None:
        return None
    owner = next((c for c in subject.children if c.dep_ == "poss" and c.lower_ in POINTING), None)
    counting = subject.lower_ in _COUNTING and not any(c.dep_ == "prep" for c in subject.children)
    pointing = subject if subject.lower_ in POINTING and subject.pos_ == "PRON" or counting else owner
    if pointing is subject and _expletive(subject):
        return None
    if pointing is not None:
        if not before:
            return Orphan("no_antecedent", pointing.text)
        docs = [d for d in (parse_one(s) for s in before[-_LOOK_BACK:]) if d is not None]
        if pointing.lower_ in PERSONAL and not _names_a_person(docs):
            return Orphan("no_one_named", pointing.text)
        return None
    det = next((c for c in subject.children if c.dep_ == "det" and c.lower_ in _DEFINITE), None)
    if det is not None and subject.pos_ == "NOUN" and _unintroduced(subject, sentence, before[-_LOOK_BACK:]):
        return Orphan("not_introduced", f"{det.text} {subject.text}")
    return None


# A cleft whose focus points at a time or place told before ("It was then that the gunmen
# entered the room"); "It was not until 10:00 on Saturday that ..." says when, and stands alone.
_POINTING_CLEFT = re.compile(r"(?:and |but )?it (?:was|is) (?:only |just )?(?:then|there)\b", re.I)
_GROUP_PRONOUNS = frozenset("they them their theirs".split())
_GROUP_ENTITIES = frozenset("ORG NORP GPE".split())
_NOT_SOMEONE = frozenset("GPE LOC DATE TIME FAC EVENT".split())


def _may_be_someone(token) -> bool:  # type: ignore[no-untyped-def]
    """A word that may name a person: a name (the small model tags "Ms Cheroitich" an
    organisation now and then; a place or a date is none) or a noun for people."""
    return token.ent_type_ == "PERSON" or token.pos_ == "PROPN" and token.ent_type_ not in _NOT_SOMEONE \
        or token.pos_ == "NOUN" and bool(_PERSON_NOUN.fullmatch(token.text))


def dangling(sentence: str, before: list[str] | None = None) -> str | None:
    """The words by which ``sentence``, read where only ``before`` has been read (nothing, for a
    takeaway; the lead, for a conclusion), points at something it does not name, or None where
    it stands there: what ``orphan`` finds, a cleft on "then" or "there", or a pronoun anywhere
    in it that nothing in the sentence or in ``before`` can stand for ("It was not clear what
    happened to them"), or a quote that names no speaker. A possessive's antecedent may come
    after it ("In her first interview, Ms Ruiz said ..."); "it" and "its" pass (most often the
    story's own subject); None without spaCy."""
    read = list(before or [])
    found = orphan(sentence, read)
    if found is not None:
        return found.words
    cleft = _POINTING_CLEFT.match(sentence.strip())
    if cleft is not None:
        return cleft.group(0)
    if speakerless(sentence):
        return sentence.strip()[:1]  # the quote's opening mark: whose words, it does not say
    doc = parse_one(sentence)
    if doc is None:
        return None
    earlier = [t for d in (parse_one(b) for b in read[-_LOOK_BACK:]) if d is not None for t in d]
    for token in doc:
        if token.lower_ in PERSONAL:
            # Only a possessive may come before its name ("In her first interview, Ms Ruiz said").
            around = [t for t in doc if t.i != token.i and (t.i < token.i or token.tag_ == "PRP$")]
            if not any(_may_be_someone(t) for t in [*earlier, *around]):
                return token.text
        elif token.lower_ in _GROUP_PRONOUNS and not any(
                _may_be_a_group(t) for t in [*earlier, *doc] if t is not token):
            return token.text
    return None


def _may_be_a_group(token) -> bool:  # type: ignore[no-untyped-def]
    return token.tag_ in ("NNS", "NNPS") or token.ent_type_ in _GROUP_ENTITIES \
        or token.dep_ == "conj" and token.pos_ in ("NOUN", "PROPN")


def _continues(doc) -> str | None:  # type: ignore[no-untyped-def]
    """The verb that goes on from what came before: a speaker who "added" or "also said" a statement
    (a quote or a reported clause), or someone who "went on to" do more ("Davies went on to hit a
    six")."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    said = any(c.dep_ in ("ccomp", "parataxis") for c in root.children) or any(q in doc.text for q in '"“')
    # The parse here has no lemmas: the verb's forms are listed.
    if root.lower_ in ("add", "adds", "added") and said:
        return root.text
    on = any(c.dep_ == "prt" and c.lower_ == "on" for c in root.children)
    to_do = any(c.dep_ in ("xcomp", "advcl") and any(a.lower_ == "to" for a in c.children) for c in root.children)
    if root.lower_ in ("go", "goes", "went", "gone") and on and to_do:
        return f"{root.text} on"
    # "..., the New Zealander also said": one more thing said after what came before.
    also = next((c for c in root.children if c.dep_ == "advmod" and c.lower_ == "also"), None)
    if also is not None and said:
        return f"{also.text} {root.text}"
    return None


def asked_context(question: str) -> list[str]:
    """What a reader has read before an answer: its question where that names something of its
    own ("What is the main news about Starbucks?" introduces the "it" an answer opens on), none
    where it points back itself ("When did it happen?") or names nothing ("What happens next?")."""
    doc = parse_one(question)
    if doc is None or orphan_reason(question, []) is not None:
        return []
    return [question] if any(t.pos_ in ("NOUN", "PROPN") for t in doc) else []
