"""The focus keyphrase as a phrase people search for: two to four words of the headline naming
the story's subject ("leader of the council", "protesters in Leeds", "bank shares"), never a lone
place or date.

The phrase is taken verbatim from the headline (the compressed lead), so the headline, the
introduction, the slug and the meta description can hold it without a word being changed. Where
the headline's subject gives no such phrase (a person named alone, "The decision to ..."), the
planner's name scoring decides (``names.name_keyphrase``), and a lone place or date it
picks gives way to the headline's likeliest noun phrase.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from ..models import Fact
from ..nlp import in_dictionary, parse_one, spacy_pipeline
from ..text import STOPWORDS, whole_phrase
from ..verify.places import _key, gazetteer
from .names import _NOT_NAME, _TITLE_WORDS, TIME_WORD, brief_facts, mentions, name_keyphrase, name_runs

_MOST_WORDS = 4
_INSIDE = frozenset({"of", "in", "&"})  # words a phrase may hold between two content words
_PLACES = frozenset({"GPE", "LOC", "FAC"})
_WHEN = frozenset({"DATE", "TIME"})
_AT = frozenset({"in", "at", "near", "outside"})  # a place's preposition a keyphrase may keep


def _words_of(tokens: list[Any]) -> list[str]:
    return "".join(t.text_with_ws for t in tokens).split()


def _is_phrase(tokens: list[Any]) -> bool:
    """Content words at both ends, nothing but "of"/"in"/"&" and hyphens between, a noun last, no
    verb, figure, time word or possessive."""
    words = _words_of(tokens)
    if not 2 <= len(words) <= _MOST_WORDS or tokens[-1].tag_ not in ("NN", "NNS", "NNP", "NNPS"):
        return False
    if tokens[-1].dep_ in ("compound", "amod") and tokens[-1].head.i == tokens[-1].i + 1:
        return False  # "northern ferry" of "northern ferry operator": the noun it qualifies is left out
    first = tokens[0]
    if first.i > 0 and first.doc[first.i - 1].text in "-–" and not first.doc[first.i - 1].whitespace_:
        return False  # "Kremlin party" of "Pro-Kremlin party": a word cut in two
    for i, t in enumerate(tokens):
        if t.is_punct and not (t.tag_ == "HYPH" and 0 < i < len(tokens) - 1):
            return False
        if t.tag_.startswith("VB") or t.tag_ in ("POS", "PRP$", "DT", "CD") or re.search(r"\d", t.text):
            return False
        if TIME_WORD.fullmatch(t.text) or t.ent_type_ in _WHEN:
            return False
        if t.lower_ in STOPWORDS and (i in (0, len(tokens) - 1) or t.lower_ not in _INSIDE):
            return False
    return True


def _names_one(tokens: list[Any], texts: list[str]) -> bool:
    """A person's name alone, titles and all ("Co-star Jane Roe", "Harbour chair Lena Holt"),
    or a place alone: no word in it is a common word, one written in lower case here or, opening
    the headline, elsewhere in the texts ("Protesters in Leeds" is about protesters). An
    organisation's name ("Council of Oakdale") is a phrase of its own."""
    joined = "\n".join(texts)

    def common(t: Any) -> bool:
        if t.is_punct or t.lower_ in _INSIDE or t.tag_ not in ("NN", "NNS", "JJ"):
            return False
        opening = t.i == 0 and whole_phrase(t.lower_).search(joined) is not None
        return (t.text[:1].islower() and f"co-{t.lower_}" not in _NOT_NAME) or opening

    if any(common(t) for t in tokens):
        return False
    titled = any(t.lower_ in _TITLE_WORDS | _NOT_NAME and t.lower_ != "of" for t in tokens)
    person = titled or any(t.ent_type_ == "PERSON" for t in tokens)
    return person or all(t.ent_type_ in _PLACES for t in tokens if not t.is_punct)


def _mentioned_by(phrase: str, texts: list[str]) -> int:
    return sum(1 for t in texts if whole_phrase(phrase, re.I).search(t))


def _spans(doc: Any, within: range, texts: list[str]) -> list[list[Any]]:
    return [list(doc[i:j]) for i in within for j in range(i + 2, min(i + 8, within.stop) + 1)
            if _is_phrase(list(doc[i:j])) and not _names_one(list(doc[i:j]), texts)]


def subject_phrase(headline: str, texts: list[str]) -> str | None:
    """The headline's phrase of two to four words that holds its subject's head noun and names
    more than one person or place, most mentioned by ``texts`` first; None where it has none."""
    nlp = spacy_pipeline()
    if nlp is None or not headline.strip():
        return None
    doc = nlp(headline.strip())
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    # A headline cut before its verb ("A northern ferry operator accused of ...") is its subject.
    subjects = [root] if root.tag_.startswith("NN") else [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return None
    head = subjects[-1]
    tree = list(head.subtree)
    spans = [s for s in _spans(doc, range(tree[0].i, tree[-1].i + 1), texts) if s[0].i <= head.i <= s[-1].i]
    return _best(spans, texts)


def _best(spans: list[list[Any]], texts: list[str]) -> str | None:
    joined = "\n".join(texts)
    phrases = [_common_first(" ".join(_words_of(s)), s[0], joined) for s in spans]
    if not phrases:
        return None
    return max(phrases, key=lambda p: (_mentioned_by(p, texts), -phrases.index(p)))


def _common_first(phrase: str, first: Any, joined: str) -> str:
    """The phrase without the capital of the headline's first word where that is a common word:
    one the texts write in lower case ("protesters in Leeds"), or a dictionary word that names
    nothing ("train drivers", which the texts only ever open a sentence with)."""
    if first.i != 0 or first.tag_ not in ("NN", "NNS", "JJ"):
        return phrase
    common = whole_phrase(first.lower_).search(joined) or not first.ent_type_ and in_dictionary(first.text)
    return phrase[:1].lower() + phrase[1:] if common else phrase


@functools.lru_cache(maxsize=256)  # the planner and the seo stage ask of every candidate with the same headline
def described_noun(candidate: str, headline: str) -> str | None:
    """Where the headline uses ``candidate`` as an adjective of a noun it leaves out ("Pro-Kremlin
    [party]", "Syrian [government]"), the phrase through that noun ("Pro-Kremlin party"); None
    where it does not. Nobody searches for a describing word alone."""
    nlp = spacy_pipeline()
    at = headline.find(candidate)
    if nlp is None or at < 0:
        return None
    end = at + len(candidate)
    last = next((t for t in reversed(nlp(headline)) if t.idx < end), None)
    if last is None or last.dep_ != "amod" or last.head.idx < end:
        return None
    return headline[at : last.head.idx + len(last.head.text)]


def is_place_or_date(phrase: str, lead: str) -> bool:
    """Whether the phrase is a lone place or a date, as ``lead`` (one sentence or more) uses it
    (spaCy's entities), or a city the gazetteer knows."""
    if TIME_WORD.fullmatch(phrase):
        return True
    return _entity_kinds(lead).get(phrase.lower()) in _PLACES | _WHEN or _key(phrase) in gazetteer()


@functools.lru_cache(maxsize=256)  # the seo stage asks of every candidate with the same lead
def _entity_kinds(lead: str) -> dict[str, str]:
    nlp = spacy_pipeline()
    if nlp is None:
        return {}
    return {re.sub(r"['’]s$", "", e.text.lower()): e.label_ for e in nlp(lead).ents}


def headline_phrase(headline: str, texts: list[str]) -> str | None:
    """The headline's noun phrase of two to four words that ``texts`` mention most."""
    nlp = spacy_pipeline()
    if nlp is None or not headline.strip():
        return None
    doc = nlp(headline.strip())
    return _best(_spans(doc, range(len(doc)), texts), texts)


def keyphrase_from_facts(headline: str, facts: list[Fact], lead: Fact | None = None) -> str:
    """The focus keyphrase: the headline's phrase naming its subject (``subject_phrase``), else
    the name or topic the brief is most about (``name_keyphrase``), where that is no lone place
    or date and the headline or lead holds it; else the headline's likeliest noun phrase."""
    brief = brief_facts(facts)
    texts = [f.text for f in brief]
    found = subject_phrase(headline, texts)
    if found:
        return found
    lead = lead or next((f for f in brief if f.role == "lead"), brief[0])
    person = _person_meant(lead, brief)
    if person:
        return person
    named = name_keyphrase(headline, facts, lead)
    if whole_phrase(named, re.I).search(headline) and not is_place_or_date(named, lead.text) \
            and described_noun(named, headline) is None:
        return named
    # The headline is where the SEO title and the slug take the keyphrase from: a name it holds.
    # A lone word that opens the headline and is a word of the dictionary is no name ("Little is
    # beyond their reach" offered "Little").
    names = [n for n in name_runs(headline)
             if len(n) > 3 and not is_place_or_date(n, lead.text) and described_noun(n, headline) is None
             and not (" " not in n and headline.startswith(n) and in_dictionary(n))]
    if names:
        return max(names, key=lambda n: (sum(1 for t in texts if mentions(n, t)), -names.index(n)))
    found = headline_phrase(headline, texts)
    if found:
        return found
    at_place = is_place_or_date(named, lead.text) and subject_at_place(headline, named)
    # A describing word the headline leaves out ("German parliamentary") keeps its noun from the lead.
    return at_place or described_noun(named, headline) or described_noun(named, lead.text) or named


def _person_meant(lead: Fact, brief: list[Fact]) -> str | None:
    """Where the lead's subject is "he" or "she" ("He died at his home in Cambridge ..."), the
    person the brief's next facts name, whom the story is about ("Hogwood worked with ..."): a
    place or thing of the lead's ("home in Cambridge") is not its subject."""
    if (lead.text.split(maxsplit=1) or [""])[0].lower() not in ("he", "she"):
        return None
    for fact in brief:
        doc = parse_one(fact.text) if fact is not lead else None  # cached: the planner parses the facts again
        if doc is None:
            continue
        # The small model tags few surnames alone ("Hogwood"): a name that is a sentence's
        # subject and no place or organisation will do.
        for token in doc:
            if token.dep_ == "nsubj" and token.head.dep_ == "ROOT" and token.tag_ == "NNP" \
                    and token.ent_type_ in ("", "PERSON") and not in_dictionary(token.text):
                words = [t.text for t in token.lefts if t.dep_ == "compound" and t.tag_ == "NNP"] + [token.text]
                return " ".join(words)
    return None


def subject_at_place(headline: str, place: str) -> str | None:
    """The headline's subject noun at the place it names, where its words give nothing else
    ("The poster with the phrase #prayforjosh appeared in Holywood" -> "poster in Holywood"): the
    subject's head with the words that qualify it just before, the preposition the headline puts
    before the place, and the place. None where the subject is no common noun or the place stands
    after no such preposition."""
    nlp = spacy_pipeline()
    if nlp is None:
        return None
    doc = nlp(headline.strip())
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root is not None else None
    found = whole_phrase(place).search(doc.text)
    span = doc.char_span(found.start(), found.end()) if found else None
    before = doc[span.start - 1] if span is not None and span.start > 0 else None
    if subject is None or subject.tag_ not in ("NN", "NNS") or before is None or before.lower_ not in _AT:
        return None
    first = subject
    while first.i > 0 and doc[first.i - 1].head.i == subject.i and doc[first.i - 1].dep_ in ("amod", "compound"):
        first = doc[first.i - 1]
    words = [*_words_of(list(doc[first.i:subject.i + 1])), before.lower_, *place.split()]
    if len(words) > _MOST_WORDS:
        return None
    return _common_first(" ".join(words), first, doc.text.lower())
