"""Whether an answer answers its question: the one check that sections and FAQ pairs, the planner
and the seo stage's question swaps all put a question through.

A question asked of a fact is answered by that fact (``asking``); a stock question ("What are the
key figures?", "When did it happen?") promises a kind of answer, and heads only an answer that
holds one: a figure, a time its main clause is set at, a statement with its speaker, a coming
event, a reaction. What a sentence's relative clauses and appositions say is about another
thing ("The mayor, who has served since 2019, has won another term" does not say when she won),
so only the main clause counts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from ..models import Fact
from ..nlp import parse_one, stem
from ..rewrite.refer import PERSONAL
from ..spec import FACET_QUESTIONS, WHEN_QUESTION, WHEN_TOPIC_QUESTION
from ..text import STOPWORDS, words
from .names import TIME_WORD
from .questions import VOICED_CONCERN, facet_of, is_stock, with_topic
from .speakers import speakers_of

# A figure: digits that are not a bare year, or a word of magnitude. A spelled small number
# ("the mother of two girls") is no key figure.
_FIGURE = re.compile(r"\b(?!(?:19|20)\d\d\b)\d|\b(?:million|billion|trillion|percent|per cent)\b|%", re.I)
# A point in time beside the names of days, months and years ``TIME_WORD`` gives.
_TIME = re.compile(r"\b(?:(?:last|this|next) (?:week|weekend|month|year|night|morning|evening)|"
                   r"\d+ (?:days|weeks|months|years) ago|earlier this \w+)\b", re.I)
# A time within a match or a session ("in the 77th minute").
# A point in a match: "in the 77th minute", or as British reports time a goal, "on 15 minutes".
MATCH_TIME = re.compile(r"\b\d+(?:st|nd|rd|th) (?:minute|hour|lap|round|over|inning)\b|\bon \d+ minutes\b")
# A span of time answers "how long", not "when" ("has run at a loss since opening in 2015").
_SPAN_PREPS = frozenset("since for until till throughout during".split())
# A coming event: a future or a plan. Not "would" or "could": said of the past they are its future
# ("Obama admitted in 2009 the deadline would be missed") or a hypothetical, no next step.
_COMING = re.compile(r"\b(?:will|shall|going to|set to|due to)\b|'ll\b|"
                     r"\b(?:[Pp]lans?|[Pp]lanned|[Ee]xpect(?:s|ed)? to|[Ss]cheduled|[Uu]pcoming|"
                     r"[Nn]ext (?:week|month|year|season|spring|summer|autumn|winter))\b")
_REACTION = re.compile(r"\b(?:react\w*|welcomed|criticis\w*|criticiz\w*|praised|condemned|backlash|"
                       r"congratulated|protest(?:ed|ers|ors|ing)|opposed|shares|stocks?|markets?|investors?|"
                       + VOICED_CONCERN + r")\b", re.I)
_COUNTED = frozenset({"nsubj", "nsubjpass", "dobj"})
ASKED_KEPT = 0.8  # the share of the words a question asks of its facts that its answer keeps
# Dependents whose words tell of another thing than the main clause.
_ASIDES = frozenset({"relcl", "appos", "acl", "parataxis"})


def _stock_forms(template: str) -> list[str]:
    """The template with a topic and without one, as patterns."""
    untopic = re.sub(r"\s+(?:about|on|to|for|with)\s+\{topic\}\?$", "?", template)
    return [re.escape(t).replace(re.escape("{topic}"), ".+") for t in (template, untopic)]


def _needs() -> list[tuple[re.Pattern[str], str]]:
    kinds = {"figures": "figure", "next": "coming", "statement": "speaker", "reaction": "reaction"}
    # Each question with the topic named its own way too ("How did others react to X?").
    templates = [(t, need) for name, need in kinds.items() for q in FACET_QUESTIONS[name][1:]
                 for t in (q, with_topic(q, "{topic}")) if t]
    out = [(re.compile(p), need) for t, need in templates for p in _stock_forms(t)]
    out += [(re.compile(p), "time") for t in (WHEN_QUESTION, WHEN_TOPIC_QUESTION) for p in _stock_forms(t)]
    out += [(re.compile(r"^When .+\?$"), "time"), (re.compile(r"^Since when .+\?$"), "start"),
            (re.compile(r"^How (?:many|much) .+\?$"), "figure")]
    return out


_NEEDS = _needs()


def need_of(question: str) -> str | None:
    """What the question asks its answer to hold ("figure", "time", "speaker", "coming",
    "reaction"); None where any answer the planner gives it answers it."""
    return next((need for pattern, need in _NEEDS if pattern.fullmatch(question)), None)


def answers(question: str, answer: Sequence[str], facts: Sequence[str] = ()) -> bool:
    """Whether ``answer`` (its sentences) holds what ``question`` asks for: a key-figures question
    a figure, a when-question a time its main clause is set at, "Who said what" a statement with
    its named speaker, "What happens next" a coming event, a reaction question a reaction. Given
    the ``facts`` a question was asked of, the answer keeps what it asks of them (``keeps_asked``)."""
    need = need_of(question)
    if need is None:
        return not facts or keeps_asked(question, " ".join(answer), facts)
    return any(_CHECKS[need](text) for text in answer if text.strip())


def keeps_asked(question: str, answer: str, facts: Sequence[str]) -> bool:
    """Whether ``answer`` keeps most of the words ``question`` asks of ``facts``: a cut of the fact
    that tells its other half ("Hogwood was considered one of the most influential exponents ...")
    does not answer "What worked with many leading orchestras around the world?". A stock question
    asks of no words of the facts."""
    asked = _content(question) & _content(" ".join(facts))
    return is_stock(question) or not asked or len(asked & _content(answer)) / len(asked) >= ASKED_KEPT


def _content(text: str) -> set[str]:
    return {stem(w) for w in words(text) if w.lower() not in STOPWORDS and w[:1].isalpha()}


# A relative clause set off by commas: ", who started the second half well,".
_RELATIVE_ASIDE = re.compile(r",\s+(?:who|which)\s+[^,;\"“”]+,(?=\s)")


def without_relative_aside(text: str) -> str:
    """``text`` without its relative clauses set off by commas. The parser may read the subject
    before one as the whole sentence ("The hosts, who started the second half well, levelled on
    62 minutes ...": "levelled" parsed as the hosts' modifier); without it, it reads the clause."""
    return _RELATIVE_ASIDE.sub("", text)


def _main_clause(text: str, asides: frozenset[str] = _ASIDES) -> tuple[str, list[Any]]:
    """The sentence's words less its relative clauses and appositions (``asides``), and its
    tokens (none where spaCy is missing: then the whole sentence counts)."""
    tokens = _tokens(without_relative_aside(text.strip()))
    if not tokens:
        return text, []
    kept = [t for t in tokens if not any(a.dep_ in asides for a in [t, *t.ancestors] if a.dep_ != "ROOT")]
    return " ".join(t.text for t in kept), kept


def _tokens(text: str) -> tuple[Any, ...]:
    doc = parse_one(text) if text else None
    return tuple(doc) if doc is not None else ()


def has_figure(text: str) -> bool:
    """A figure in the main clause: digits or a magnitude, or a spelled number that counts the
    clause's subject or object ("Three people were hurt"; not "the mother of two girls"). A
    calendar date is when, not how many ("until 23 January", "in 2015")."""
    main, kept = _main_clause(text)
    counted = any(t.like_num and t.dep_ == "nummod" and t.head.dep_ in _COUNTED and t.head.head.pos_ in ("VERB", "AUX")
                  for t in kept)
    if kept:  # a number that is part of a name counts nothing ("Ligue 1", "Channel 4")
        dates = _calendar_dates(kept[0].doc)
        main = " ".join(t.text for t in kept if not _in_name(t) and t.i not in dates)
    return counted or bool(_FIGURE.search(main))


def _calendar_dates(doc: Any) -> set[int]:
    """The tokens of the dates that name a day, month or year ("23 January", "in 2015"); not a
    span counted in days or years ("for some 30 years"), which is a figure."""
    return {t.i for ent in doc.ents if ent.label_ in ("DATE", "TIME") and TIME_WORD.search(ent.text) for t in ent}


def _in_name(token: Any) -> bool:
    doc, i = token.doc, token.i
    after = doc[i + 1] if i + 1 < len(doc) else None
    return (token.text.isdigit() and i > 0 and doc[i - 1].tag_ in ("NNP", "NNPS")
            and (after is None or after.tag_ not in ("NN", "NNS")))


def has_start(text: str) -> bool:
    """The time a span on the main clause starts at ("since opening in 2015")."""
    return has_time(text, spans=True)


def has_time(text: str, spans: bool = False) -> bool:
    """A point in time set on the main clause's event: "on Thursday", "last week", "in 2002"; not
    a name ("Ana May"), nor a span ("since 2015"), nor the time of a state ("The grant is part
    of a plan unveiled last week": the parse may hang the week on "is"), nor the time of what a
    speaker reports ("said it was good to sign the deal on Monday")."""
    main, kept = _main_clause(text, _ASIDES | {"ccomp"})
    if not kept:
        return bool(TIME_WORD.search(text) or _TIME.search(text) or MATCH_TIME.search(text))
    root = next((t for t in kept if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_ == "be":
        return False
    for token in kept:
        if token.ent_type_ in ("PERSON", "ORG", "WORK_OF_ART", "FAC"):
            continue
        window = " ".join(t.text for t in token.doc[max(0, token.i - 2): token.i + 1])
        at = _TIME.search(window) or MATCH_TIME.search(window)
        if TIME_WORD.fullmatch(token.text) or at is not None and at.end() == len(window):
            if spans or not any(a.dep_ == "prep" and a.lower_ in _SPAN_PREPS for a in token.ancestors):
                return True
    return False


def has_speaker(text: str) -> bool:
    return bool(speakers_of(text))


def has_coming(text: str) -> bool:
    return bool(_COMING.search(text))


# "due to resume", "expected to halt": what is to happen, where "to" takes a verb ("due to the
# slump" gives a cause, and "next year" in "offered 3% next year" an offer's terms).
_DUE = frozenset({"due", "set", "expected", "scheduled"})


def tells_what_comes(fact: Fact) -> bool:
    """Whether the fact tells what happens next, the conclusion's subject: its cues make it one
    ("will", "plans"), or it says an event is due ("Talks are due to resume on Monday", "The
    walkout is expected to halt about 1,200 services", whose figure gives it another facet)."""
    if facet_of(fact).name == "next":
        return True
    tokens = _tokens(fact.text) if re.search(r"\b(?:due|set|expected|scheduled) to\b", fact.text) else ()
    return any(a.lower_ in _DUE and b.lower_ == "to" and c.tag_ == "VB"
               for a, b, c in zip(tokens, tokens[1:], tokens[2:], strict=False))


def has_reaction(text: str) -> bool:
    return bool(_REACTION.search(text))


_CHECKS: dict[str, Callable[[str], bool]] = {
    "figure": has_figure, "time": has_time, "start": has_start, "speaker": has_speaker, "coming": has_coming,
    "reaction": has_reaction,
}


def is_person(name: str, texts: Sequence[str]) -> bool:
    """Whether ``name`` is a person's name in ``texts`` (the facts): the tagger says so (it says so
    of a firm now and then: "Moderna announced its earnings"), and a first name and surname
    ("Neil Aspin"), a title before the surname ("Mr Earnest") or a "he" or "she" in a sentence
    that names them bears it out."""
    named = [(text, text.find(name)) for text in texts if name in text]
    tagged = any(t.ent_type_ == "PERSON" for text, at in named[:3] for t in _tokens(text)
                 if at <= t.idx < at + len(name))
    surname = re.escape(name.split()[-1])
    titled = any(re.search(rf"\b(?:Mr|Ms|Mrs|Miss|Dr|Sir|Dame)\.? {surname}\b", text) for text in texts)
    full = 2 <= len(name.split()) <= 3 and all(w[:1].isupper() and w.isalpha() for w in name.split())
    return tagged and (full or titled or any(_personal_pronoun(text) for text, _ in named))


def tells_of_someone_else(sentence: str, person: str) -> bool:
    """Whether ``sentence`` tells of someone other than ``person`` (``is_person``): it names neither
    them (nor their surname) nor a "he" or "she" who could be them. A stock question naming them
    over it ("What are the key figures on Davies?" over "Tim Bresnan made 68") gives another's
    deeds to them."""
    return not names_or_last_word(sentence, person) and not _open_pronoun(sentence)


def names_or_last_word(sentence: str, name: str) -> bool:
    """Whether ``sentence`` names ``name`` or its last word (a surname, "the frigates" for "Type
    22 frigates")."""
    return any(re.search(rf"\b{re.escape(n)}\b", sentence, re.I) for n in (name, name.split()[-1]))


def _open_pronoun(text: str) -> bool:
    """A "he" or "she" that may stand for someone the sentence does not name: not one after a
    person it names ("President Obama admitted the deadline he had set")."""
    for token in _tokens(text):
        if token.ent_type_ == "PERSON":
            return False
        if token.lower_ in PERSONAL:
            return True
    return False


def _personal_pronoun(text: str) -> bool:
    return any(t.lower_ in PERSONAL for t in _tokens(text))
