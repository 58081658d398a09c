"""Who a sentence credits with what it says, and the questions that ask a speaker.

"What did Tesco say?" tells the reader that what follows is Tesco's: it may head an answer only
where every sentence of that answer is a statement by Tesco ("Tesco said ...", "..., Tesco
said.", "according to Tesco"). A sentence with no speaker, or with a pronoun for one ("she
said"), is not credited to anyone by name, so a question that names a speaker does not cover it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..lexicon import STATING, lemma_of
from ..models import Fact
from ..nlp import spacy_pipeline
from ..verify import attributions
from .names import Lowercase, office_holder

# Verbs that put words in a speaker's mouth, in their base form: a question "What did X <verb>?"
# with one of them asks what X said.
SAYING = STATING
_ASKED = re.compile(r"^What (?:did|does|do|has|have|had) (?P<who>.+?) (?P<verb>[a-z]+)(?: about .+)?\?$")
_LEADING = re.compile(r"^(?:the|a|an|mr|mrs|ms|dr)\s+", re.I)
# Clauses of the main verb that may hold the speech verb: "..., Tesco said." and "as X said".
_SPEECH_DEPS = frozenset({"parataxis", "advcl", "conj"})


def asked_speaker(question: str) -> str | None:
    """The speaker a "What did X say?" question names (also "What did X say about Y?", "What
    does X announce?"); None for any other question."""
    m = _ASKED.match(question.strip())
    return m["who"] if m and _base(m["verb"]) in SAYING else None


def _base(verb: str) -> str:
    verb = verb.lower()
    return lemma_of(verb) or verb


def _words(who: str) -> list[str]:
    plain = _LEADING.sub("", who.strip()).replace("’", "'")
    return [re.sub(r"'s$", "", w).lower() for w in re.findall(r"[\w'.-]+", plain)]


def same_speaker(a: str, b: str) -> bool:
    """Whether two mentions name the same speaker: they end on the same word ("Wallström" and
    "Margot Wallström", "the board's report" and "report"); "Council" is not "Council leader
    Dave Stewart"."""
    aw, bw = _words(a), _words(b)
    return bool(aw and bw) and aw[-1] == bw[-1]


@lru_cache(maxsize=4096)
def speakers_of(sentence: str) -> tuple[str, ...]:
    """The named speakers ``sentence`` credits with what it says: the subject of its main verb
    of saying (or of one its main clause holds, "..., the charity said"), and the source of an
    "according to"; none for a statement with no speaker or a pronoun for one."""
    found = [a.who for a in attributions.extract(sentence) if a.who and a.text.lower().startswith("according")]
    nlp = spacy_pipeline()
    if nlp is None or not sentence.strip():
        return tuple(found)
    doc = nlp(sentence.strip())
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return tuple(found)
    # A clause of saying beside the main one counts where it is a tag (", Tesco said."), not
    # where it reports words of its own ("That is more - the UN says 200,000 fled").
    tags = [c for c in root.children if c.dep_ in _SPEECH_DEPS and not any(g.dep_ == "ccomp" for g in c.children)]
    for verb in [root, *tags]:
        if _says(verb):
            found += [who.strip() for who in _speaker(verb)]
    return tuple(found)


def _says(verb: Any) -> bool:
    """Whether the token is a verb of saying, by its form or its lemma."""
    return _base(verb.text) in SAYING or verb.lemma_.lower() in SAYING


def _speaker(verb: Any) -> list[str]:
    """The verb's subject and its appositions ("Watson's attorney, Lanny Breuer" gives "attorney"
    and "Lanny Breuer"), each with its titles but not what it holds of others (a possessor, a
    prepositional phrase); none for a pronoun, or where the verb reports words on both sides of
    its subject ("That is more - the UN says 200,000 fled": which are whose?)."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    subject = subjects[-1] if subjects else None  # the nearest: "Co-star John Stamos" parses as two
    if subject is None or subject.tag_ in ("PRP", "DT", "WDT", "WP", "EX"):
        return []
    clauses = [c.i for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
    if any(i < subject.i for i in clauses) and any(i > verb.i for i in clauses):
        return []
    heads = [subject, *(c for c in subject.children if c.dep_ == "appos")]
    # "The chair of Care Forum Wales, Mario Kreft, said": the parse may hang the holder's name on
    # the body the office is of, not on the office.
    holder = office_holder(subject)
    heads += [holder] if holder is not None and holder not in heads else []
    return [" ".join(t.text for t in h.lefts if t.dep_ in ("compound", "amod", "flat")) + " " + h.text for h in heads]


def said_by(sentence: str, who: str) -> bool:
    """Whether ``sentence`` is a statement that names ``who`` as its speaker."""
    return any(same_speaker(who, found) for found in speakers_of(sentence))


def fits_answer(question: str, answer: list[str], asked: set[str], once: bool = True) -> bool:
    """Whether ``question`` may head ``answer`` (its sentences) in an article that asks ``asked``
    already: never a question asked twice; a question that names a speaker only where every
    sentence of the answer is that speaker's, and only once per speaker (with ``once``, as among
    sections, which each tell a part of the story) or once per speaker and subject (FAQ pairs,
    which each stand alone: "What did X say about the plan?" beside "What did X say?")."""
    if question in asked:
        return False
    who = asked_speaker(question)
    if who is None:
        return True
    about = _about(question)
    for other in asked:
        them = asked_speaker(other)
        if them and same_speaker(who, them) and (once or _same_subject(about, _about(other))):
            return False
    return bool(answer) and all(said_by(text, who) for text in answer)


def _about(question: str) -> str:
    m = _ASKED.match(question.strip())
    tail = question[m.end("verb"):] if m else ""
    return tail.removeprefix(" about ").rstrip("?")


def _same_subject(a: str, b: str) -> bool:
    return a == b or same_speaker(a, b)


_PRONOUN_SPEAKERS = {"he": "person", "she": "person", "it": "thing"}


@lru_cache(maxsize=4096)  # a model engine asks it again of the facts its extractive fallback named
def named_speaker(sentence: str, before: str) -> str | None:
    """``sentence`` with the pronoun that speaks in it named from ``before``, the sentence the
    source tells just before it: "It added his funeral will be private." after "..., a statement
    on his website said." is "A statement on his website said his funeral will be private." (the
    thing in the words that introduce it: "the statement" alone points back again); "She also said
    ..." after "... spokeswoman Maria Zakharova said: ..." is "Spokeswoman Maria Zakharova said
    ...": told apart, nothing was said before it; "The company said ..." after "Eastvale Rail said
    ..." is "Eastvale Rail said ..." (``_organisation``). Told alone (an FAQ answer, a takeaway, the
    conclusion), the pronoun points back to nothing (FORMAT.md: "names it instead"). None where
    the sentence's subject is no such pronoun or description of a verb of saying, ``before``
    credits no one (nor names one person with a title that fits the pronoun: "It is part of Ms
    Rochira's review"), or its speaker is no fit for the pronoun ("she" for "the ministry")."""
    nlp = spacy_pipeline()
    if nlp is None or not sentence.strip():
        return None
    doc = nlp(sentence.strip())
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or not _says(root):
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    if _described(subject):
        name = _organisation(before)
        if name is None:
            return None
        edits = {subject.i: name, **{c.i: "" for c in subject.children}}
    else:
        kind = _PRONOUN_SPEAKERS.get(subject.lower_)
        titled = _titled_one(before, subject.lower_)
        speakers = speakers_of(before) or ([titled] if titled else [])
        if kind is None or not speakers:
            return None
        who = speakers[0]
        person = any(w[:1].isupper() for w in who.split())
        if (kind == "person") != person:
            return None
        edits = {subject.i: who if person else _whole_subject(nlp(before.strip()), who) or f"the {who}"}
    # Told apart, the statement says, not adds, and not "also": there is nothing before it.
    edits.update({c.i: "" for c in root.children if c.dep_ == "advmod" and c.lower_ == "also"})
    if root.lower_ in _ADDED:
        edits[root.i] = _ADDED[root.lower_]
    named = "".join((edits[t.i] + t.whitespace_ if edits[t.i] else "") if t.i in edits else t.text_with_ws for t in doc)
    return named[:1].upper() + named[1:]


_ADDED = {"added": "said", "adds": "says", "add": "say"}
# What a story calls a business it has named ("Eastvale Rail said ... The company said ...").
_BUSINESS_NOUNS = frozenset({
    "company", "firm", "operator", "business", "group", "retailer", "supermarket", "airline", "carrier",
    "chain", "maker", "manufacturer", "lender", "bank", "insurer", "broadcaster", "publisher", "club",
    "charity"})
# Words that make a name some other body than a business: "the company" after "The Union of Rail
# Drivers said ..." is another one.
_OTHER_BODIES = frozenset({
    "union", "council", "ministry", "department", "authority", "association", "institute", "university",
    "college", "school", "hospital", "party", "commission", "committee", "court", "police", "service",
    "agency", "office", "board", "trust", "foundation", "federation", "society", "league", "government",
    "army", "navy", "church", "museum", "assembly", "parliament", "senate", "congress", "secretary"})


def _described(subject: Any) -> bool:
    """Whether the subject is "the company" (or "the firm", ...): a bare definite description
    that stands for the business named before it; "the parent company" is another one."""
    return subject.lower_ in _BUSINESS_NOUNS and [c.lower_ for c in subject.children] == ["the"]


def _organisation(before: str) -> str | None:
    """The organisation ``before`` credits with what it says, by its name, where the name is
    one spaCy reads as an organisation and no word of it makes it a union, a council or the like."""
    speakers = speakers_of(before)
    nlp = spacy_pipeline()
    if not speakers or nlp is None:
        return None
    who = _LEADING.sub("", speakers[0].strip())
    orgs = {_LEADING.sub("", e.text) for e in nlp(before.strip()).ents if e.label_ == "ORG"}
    if who not in orgs or any(w.lower() in _OTHER_BODIES for w in who.split()) or not who[:1].isupper():
        return None
    return who


# The titles that tell a "she" from a "he".
_TITLED = re.compile(r"\b(?P<title>Mr|Mrs|Ms|Miss)\.? (?P<name>[A-Z][\w-]*(?:['’][A-Z][\w-]+)?)")
# The pronoun a title before a name stands with.
TITLE_PRONOUN = {"mr": "he", "mrs": "she", "ms": "she", "miss": "she", "sir": "he", "lord": "he", "king": "he",
                 "prince": "he", "dame": "she", "lady": "she", "queen": "she", "princess": "she"}


def _titled_one(before: str, pronoun: str) -> str | None:
    """The one person ``before`` names with a title that fits ``pronoun`` ("It is part of Ms
    Rochira's review" for "She said ..."), where it names no other: a sentence that tells of
    someone without quoting them leaves the "she" after it theirs."""
    found = {(m["title"], m["name"]) for m in _TITLED.finditer(before)}
    if len(found) != 1:
        return None
    title, name = found.pop()
    return f"{title} {name}" if TITLE_PRONOUN[title.lower()] == pronoun else None


def _whole_subject(doc: Any, who: str) -> str | None:
    """The subject phrase of ``doc`` whose head is ``who``'s last word, whole ("a statement on
    his website" for "statement"), or None."""
    head = who.split()[-1]
    for tok in doc:
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.text == head:
            return str(doc[tok.left_edge.i : tok.right_edge.i + 1].text)
    return None


_PRONOUN_FIRST = re.compile(r"^(?:\S+\s+){0,6}?(?:he|she|it)\b", re.I)
_DESCRIBED_FIRST = re.compile(rf"^The (?:{'|'.join(sorted(_BUSINESS_NOUNS))}) ")


Named = dict[str, tuple[Fact, str]]  # fact id -> (the fact that names whom it points to, its named text)


def told_apart(fact: Fact, named: Named | None) -> str:
    """The fact's text as a part tells it apart from the fact before it: with whom its pronoun
    or "the company" stands for named where ``named`` holds it, else as written."""
    return named[fact.id][1] if named and fact.id in named else fact.text


def named_facts(facts: list[Fact]) -> Named:
    """The facts whose speaker is a pronoun ("It added ...") or a business's description ("The
    company said ..."), by id, with the fact before them in their source and their text with the
    speaker named from it (``named_speaker``); and those whose subject is "her"/"his" something,
    with the fact that names the one person it can be (``_owner_named``): the form a part that
    tells the fact apart from that one cuts."""
    out: Named = {}
    lowercase = Lowercase([f.text for f in facts])
    for i, (before, fact) in enumerate(zip(facts, facts[1:], strict=False), start=1):
        if before.source == fact.source and (_PRONOUN_FIRST.match(fact.text) or _DESCRIBED_FIRST.match(fact.text)):
            named = named_speaker(fact.text, before.text)
            if named:
                out[fact.id] = (before, named)
        elif _OWNER_FIRST.match(fact.text):
            earlier = [f for f in facts[:i] if f.source == fact.source]
            owner = _owner_named(fact.text, earlier, lowercase)
            if owner:
                out[fact.id] = owner
    return out


_OWNER_FIRST = re.compile(r"^(?:Her|His) [a-z]")


def _owner_named(sentence: str, earlier: list[Fact], lowercase: Lowercase) -> tuple[Fact, str] | None:
    """"Her team will also speak to ..." as "Ms Rochira's team will also speak to ...", with the
    fact that names her, where the source before it names one person with a title that fits the
    pronoun ("Ms", "Mr") and no other person at all (spaCy's names, each with her surname, save
    one of words the story writes in lower case: "Older People's"): a bullet read on its own
    would point back to no one. None where anyone else could be meant."""
    pronoun = "she" if sentence.startswith("Her ") else "he"
    titled = {(m["title"], m["name"]) for f in earlier for m in _TITLED.finditer(f.text)}
    nlp = spacy_pipeline()
    if len(titled) != 1 or nlp is None:
        return None
    title, name = titled.pop()
    if TITLE_PRONOUN[title.lower()] != pronoun:
        return None
    people = {e.text for f in earlier for e in nlp(f.text).ents if e.label_ == "PERSON"
              and not all(lowercase(w) for w in re.findall(r"[A-Za-z]+", e.text.replace("'s", "")))}
    if any(p.replace("’", "'").removesuffix("'s").split()[-1] != name for p in people):
        return None
    namer = next((f for f in reversed(earlier) if f"{title} {name}" in f.text or f"{title}. {name}" in f.text), None)
    return (namer, f"{title} {name}'s {sentence.split(' ', 1)[1]}") if namer else None
