"""Roles: who did what to whom. A sentence may hold every word of a source sentence and still
give the deed to someone else, the deed done to another, or a speaker's words to the speaker.

Each check reads the sentence's parse against the source sentences that best support it and
returns why the sentence swaps a role, or "" where it does not (or the sources leave it open).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..lexicon import REPORTING, alternation, forms
from ..nlp import parse_one, stem
from ..text import STOPWORDS
from .deeds import thing_swapped
from .undergoers import undergoer_swapped

if TYPE_CHECKING:
    from .sources import SourceIndex

_AUX = frozenset("is are was were be been being am has have had will would".split())
_BE = frozenset("is are was were be been being".split())
_DETERMINERS = frozenset("the a an its their his her our this that these those".split())
_WORD_RE = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?|[;:]")
# With commas too: where a source's doer stands before an aside ("Samir Rao, the then-chief
# operating officer of Ozy Media, allegedly impersonated ...").
_CLAUSE_WORD_RE = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?|[;:,]")


def role_conflict(doc: Any, index: SourceIndex, candidates: list[int]) -> str:
    """Why the sentence gives a role to the wrong one, checked against the ``candidates`` facts."""
    return (_agent(doc, index, candidates) or _patient(doc, index, candidates)
            or _speaker_as_subject(doc, index, candidates) or _sequence_swapped(doc.text, index, candidates)
            or _doer_left_behind(doc, index, candidates) or thing_swapped(doc, index, candidates)
            or undergoer_swapped(doc, index, candidates))


_BY = re.compile(r"\bby\s+")


def _doer_left_behind(doc: Any, index: SourceIndex, candidates: list[int]) -> str:
    """A source's passive told in the active with its doer's phrase left on ("Russia announced a
    new procedure ... by A Just Russia leader Sergei Mironov" for "The plan ... was announced ...
    by ..."): the sentence gives the deed to its subject and names the real doer after it."""
    for i in candidates[:3]:
        text = index.facts[i].text
        # Parse only a fact whose words after a "by" the sentence holds: a parse per fact and
        # sentence halved the verifier's throughput.
        if not any(text[m.end() : m.end() + 12] in doc.text for m in _BY.finditer(text)):
            continue
        fact = parse_one(text)
        if fact is None:
            return ""
        for by in fact:
            if by.dep_ != "agent" or by.head.tag_ != "VBN":
                continue
            phrase = fact[by.i : by.right_edge.i + 1].text
            verb = stem(by.head.text)
            uses = [t for t in doc if t.pos_ in ("VERB", "AUX") and stem(t.text) == verb]
            if phrase in doc.text and uses and all(t.tag_ != "VBN" for t in uses):
                return f"in the sources it was {by.head.text} {phrase}; the sentence gives the deed to its subject"
    return ""


_SEQUENCE = re.compile(r"\b(after|before)\b", re.I)
_ANCHOR_END = re.compile(r"[,;:.!?()]")


def _sequence_swapped(text: str, index: SourceIndex, candidates: list[int]) -> str:
    """Two events put in the other order: the event a source sentence dates another by ("met ...
    two days after [the paper's revelations]") told as the later one ("the paper's revelations
    occurred two days after the meeting"): its words stand before the sentence's "after", none of
    them after it, and what the sentence dates by is what the source dated ("meeting", "met")."""
    for m in _SEQUENCE.finditer(text):
        earlier = {stem(w) for w in _WORD_RE.findall(text[: m.start()]) if w.lower() not in STOPWORDS}
        later = _anchor(text[m.end():])
        for i in candidates:
            source = index.facts[i].text
            for n in _SEQUENCE.finditer(source):
                anchor = _anchor(source[n.end():])
                if n.group(1).lower() != m.group(1).lower() or len(anchor) < 2 or not later:
                    continue
                dated = {stem(w) for w in _WORD_RE.findall(source[: n.start()])[-8:] if w.lower() not in STOPWORDS}
                if anchor <= earlier and not anchor & later and later & dated:
                    return f"in the sources, it is the other way round: '{source[n.start():].split(',')[0].strip()}'"
    return ""


def _anchor(rest: str) -> set[str]:
    """The content-word stems of the event after "after" or "before", up to the phrase's end."""
    phrase = _ANCHOR_END.split(rest, maxsplit=1)[0]
    return {stem(w) for w in _WORD_RE.findall(phrase)[:6] if w.lower() not in STOPWORDS}


def _subject_and_object(tok: Any) -> tuple[Any, Any] | None:
    """The doer and the thing done of an active verb (or of a headline's verb tagged a noun)."""
    kids = list(tok.children)
    if tok.pos_ == "NOUN" and tok.dep_ == "ROOT":
        # Headlines drop articles, and the small parser then tags their verb a noun ("Art Fund
        # auctions 80,000 works"): a root noun with a direct object is read as the verb, the
        # name compounded with it as the doer.
        subj = next((c for c in kids if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
        obj = next((c for c in kids if c.dep_ in ("dobj", "obj")), None)
        return None if subj is None or obj is None else (subj, obj)
    if tok.pos_ not in ("VERB", "AUX") or tok.pos_ == "AUX" and tok.dep_ != "ROOT":
        return None
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in kids):
        return None
    subj = next((c for c in kids if c.dep_ == "nsubj"), None)
    obj = next((c for c in kids if c.dep_ in ("dobj", "obj", "attr")), None)
    if subj is None or obj is None or subj.pos_ == "PRON":
        return None
    return subj, obj


@dataclass(frozen=True)
class _Deed:
    """What the sentence says was done, and by whom, as stems."""

    verb: str
    subject: set[str]
    named_subject: bool
    sentence: set[str]  # every stem of the sentence
    others: set[str]  # the sentence's stems but the doer's and the verb


def _opening_name(words: list[str]) -> list[str]:
    """The words that open a clause up to its first lower-case content word: its named subject
    ("Japan's new Prime Minister Sanae Takaichi" of "... held a call")."""
    opening: list[str] = []
    for w in words:
        if not (w[:1].isupper() or w.lower() in STOPWORDS or w.lower() in ("new", "former", "acting")):
            break
        opening.append(w)
    return opening


def _doer_at(words: list[str], k: int, deed: _Deed, all_stems: set[str]) -> str:
    """Who a source sentence says did the deed at ``words[k]``: "same" (the sentence's doer, or
    no verdict), "agentless" (a passive with no doer), "elsewhere" (someone else) or "skip"."""
    word = words[k].lower()
    progressive = word.endswith("ing")
    if progressive and not (k and words[k - 1].lower() in _AUX):
        return "skip"  # a participle ("ending a dispute"): its doer is not before it
    after = " ".join(words[k + 1 : k + 3]).lower()
    passive = not progressive and (after.startswith("by") or (k and words[k - 1].lower() in _BE))
    if passive:
        # the doer follows "by", after any phrase of where or when ("was announced in Sevastopol
        # on Thursday by A Just Russia leader Sergei Mironov")
        after_k = [w for w in words[k + 1 : k + 14] if w != ","]
        by = next((j for j, w in enumerate(after_k) if w.lower() == "by" and j > 0), None)
        region_words = after_k[by + 1 : by + 7] if by is not None else after_k[:6]
    else:
        start = max((j for j in range(k) if words[j] in (";", ":")), default=-1) + 1
        region_words = [w for w in _without_aside(words[start:k]) if w != ","][-6:]
        if k > start and words[k - 1].lower() in ("and", "or", "then"):
            # a second verb of one subject ("Takaichi conveyed gratitude ... and reaffirmed"): its
            # doer is the name that opens the clause, not a name nearer the verb
            region_words = _opening_name([w for w in words[start:k] if w != ","])
    region = {stem(w) for w in region_words}
    if deed.subject & region or any(a[:4] == b[:4] for a in deed.subject for b in region
                                    if len(a) >= 4 and len(b) >= 4):
        return "same"
    if deed.named_subject:
        named = [w for w in region_words if w[:1].isupper() and w.lower() not in STOPWORDS]
        if not named and passive and not after.startswith("by"):
            return "agentless"  # "works faced being auctioned": the source names no doer
        if not named or any(stem(w) in deed.sentence for w in named):
            return "same"  # the source's doer is unclear, or named in the sentence too: no verdict
    elif not (region & deed.others & all_stems):
        # A common-noun doer ("the union") counts only when the sentence gives it another role
        # ("... from the union"): "the network adds" for "the plan adds" is a paraphrase.
        return "same"
    return "elsewhere"


def _without_aside(before: list[str]) -> list[str]:
    """The words before a verb less an aside that ends right before it (", the then-chief
    operating officer of Ozy Media, allegedly"): the doer stands before the aside."""
    commas = [j for j, w in enumerate(before) if w == ","]
    if len(commas) < 2 or not all(w.lower().endswith("ly") for w in before[commas[-1] + 1:]):
        return before
    return before[: commas[-2]]


def _doer_in_sources(deed: _Deed, obj_stems: set[str], index: SourceIndex, candidates: list[int],
                     whole: bool = False) -> str | None:
    """"elsewhere", "agentless" or "" for what the candidate facts say of the deed (a fact that
    holds any of ``obj_stems``, or, ``whole``, all of them); None where one gives it to the
    sentence's doer (or leaves it open)."""
    named_elsewhere = agentless = False
    for i in candidates:
        words = _CLAUSE_WORD_RE.findall(index.facts[i].text)
        stems_ = [stem(w) for w in words]
        if not (obj_stems <= set(stems_) if whole else obj_stems & set(stems_)):
            continue
        for k, st in enumerate(stems_):
            if st != deed.verb or k and words[k - 1].lower() in _DETERMINERS:
                continue  # "shifting [the] blame" is the noun, which has no doer before it
            seen = _doer_at(words, k, deed, index.all_stems)
            if seen == "same":
                return None
            agentless = agentless or seen == "agentless"
            named_elsewhere = named_elsewhere or seen == "elsewhere"
    return "elsewhere" if named_elsewhere else "agentless" if agentless else ""


def _agent(doc: Any, index: SourceIndex, candidates: list[int]) -> str:
    """Who did it: the subject of a verb must be the doer in the source sentences that have the
    same verb and object ("Ruiz opposed the plan" where the source has shop owners opposing it)."""
    for tok in doc:
        roles = _subject_and_object(tok)
        if roles is None:
            continue
        subj, obj = roles
        subj_stems = {stem(t.text) for t in subj.subtree if not t.is_stop and t.is_alpha}
        obj_stems = {stem(t.text) for t in obj.subtree if not t.is_stop and t.is_alpha}
        whole = not obj_stems
        if whole:  # "was the last to go": all stop words, yet it names the deed, which a source must hold whole
            obj_stems = {stem(t.text) for t in obj.subtree if t.is_alpha and t.pos_ in ("ADJ", "NOUN", "VERB")}
        if not subj_stems or not obj_stems or _titled_in_sources(tok, subj, obj, index, candidates):
            continue
        named_subject = subj.pos_ == "PROPN" or _named_in_sources(subj.text, index)
        if not named_subject and not (subj_stems & index.all_stems):
            continue  # a new word for the doer: the coverage score weighs it
        verb = stem(tok.text)
        sentence_stems = {stem(t.text) for t in doc if t.is_alpha}
        deed = _Deed(verb, subj_stems, named_subject, sentence_stems, sentence_stems - subj_stems - {verb})
        found = _doer_in_sources(deed, obj_stems, index, candidates, whole)
        if found is None:
            return ""
        if found == "elsewhere":
            return f"in the sources, someone other than '{subj.text}' {tok.text} {obj.text}"
        if found == "agentless":
            # "Art Fund auctions 80,000 works" where the works only "faced being auctioned".
            doer = " ".join(t.text for t in subj.subtree if t.i == subj.i or t.dep_ in ("compound", "flat"))
            return f"the sources do not say who {tok.text} {obj.text}; the sentence says '{doer}'"
    return ""


def _titled_in_sources(verb: Any, subj: Any, obj: Any, index: SourceIndex, candidates: list[int]) -> bool:
    """Whether "X is the Y" restates a title a source puts on the name itself ("Ron Burkle is the
    billionaire investor ..." of "... run by billionaire investor Ron Burkle"; "Ms Bourne, the
    commissioner, ..."): the source's own verb then belongs to someone else's clause."""
    if verb.lemma_ != "be" or obj.dep_ != "attr" or subj.pos_ != "PROPN":
        return False
    name, title = re.escape(subj.text), re.escape(obj.text)
    titled = re.compile(rf"\b{title}\s+(?:[A-Z][\w'’.-]*\s+){{0,3}}{name}\b"
                        rf"|\b{name}\s*,\s*(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){{0,4}}{title}\b")
    return any(titled.search(index.facts[i].text) for i in candidates)


def _named_in_sources(word: str, index: SourceIndex) -> bool:
    """Whether the sources write ``word`` as a name: capitalised after a word in lower case (the
    tagger took "Davies", opening the sentence, for a common noun)."""
    if not word[:1].isupper() or not word.isalpha():
        return False
    pattern = re.compile(rf"\b[a-z][\w'’]*[ ,]+{re.escape(word)}\b")
    return any(pattern.search(f.text) for f in index.facts)


# Words for people that do not end like one ("-er", "-ist", "-ian", ...; "old" for "the
# 52-year-old"): a person named in the sentence may be one of these in the source.
_PERSON_NOUNS = frozenset(
    "people person persons man men woman women child children boy boys girl girls inmate inmates "
    "suspect suspects victim victims staff crew family families couple pair chief head boss pm "
    "mp mps doctor doctors nurse nurses police spouse wife husband son daughter mother father old".split()
)
_PERSON_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "man", "men", "ee", "ess", "ive")
_COUNT_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty hundred hundreds "
    "thousand thousands million millions dozen dozens several many some few all both".split()
)


def _people_word(word: str) -> bool:
    w = word.lower()
    if w in _COUNT_WORDS:
        return False
    return w in _PERSON_NOUNS or w.rstrip("s").endswith(_PERSON_ENDINGS) or w.endswith(_PERSON_ENDINGS)


def _passive_subject_in_sources(verb: str, subj_stems: set[str], index: SourceIndex,
                                candidates: list[int]) -> str | None:
    """The subject the candidate facts give the passive ``verb`` ("the camp was established");
    None where one names the person, or gives no subject or one that may be that person."""
    other = ""
    for i in candidates:
        words = _WORD_RE.findall(index.facts[i].text)
        stems_ = [stem(w) for w in words]
        if verb not in stems_:
            continue
        if subj_stems & set(stems_):
            return None  # a source sentence with this verb names the person: no verdict
        for k, st in enumerate(stems_):
            if st != verb or k < 2 or words[k - 1].lower() not in _BE:
                continue
            start = max((j for j in range(k) if words[j] in (";", ":")), default=-1) + 1
            before = [w for w in words[max(start, k - 6) : k - 1] if w.isalpha() and w.lower() not in STOPWORDS]
            if not before or any(_people_word(w) for w in before):
                return None  # no subject found, or one that may be this person: no verdict
            other = other or " ".join(before + words[k - 1 : k + 1])
    return other


def _patient(doc: Any, index: SourceIndex, candidates: list[int]) -> str:
    """To whom it was done: a person named as the subject of a passive verb must be named where
    the sources tell that verb, unless the source's subject there could be that person ("the
    founder was arrested" for "Watson was arrested"). Catches "Josh Earnest was established in
    2002 by the Bush administration" where the source has the camp established."""
    for tok in doc:
        if tok.pos_ != "VERB":
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if subj is None or subj.pos_ != "PROPN" or subj.ent_type_ != "PERSON":
            continue
        name = [t for t in subj.subtree if t.i == subj.i or t.dep_ in ("compound", "flat")]
        subj_stems = {stem(t.text) for t in name if t.is_alpha and not t.is_stop}
        if not subj_stems or not subj_stems <= index.all_stems:
            continue  # a name the sources lack: the names check reports it
        other = _passive_subject_in_sources(stem(tok.text), subj_stems, index, candidates)
        if other is None:
            return ""
        if other:
            return f"the sources say '{other}', not {' '.join(t.text for t in name)}"
    return ""


_SPEECH = alternation(forms(REPORTING, base=False))
_PRONOUN_START = re.compile(r"^(?:that\s+)?(?:it|he|she|they|we|i|its|his|her|their|our)\b", re.I)


def _speaker_as_subject(doc: Any, index: SourceIndex, candidates: list[int]) -> str:
    """Who it is said of: a name that is only the speaker in the source sentence must not become
    the subject of what the speaker said ("Netflix will be available next year" where the source
    has "The show will be available next year, Netflix said")."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or re.fullmatch(_SPEECH, root.text, re.I) or stem(root.text) in ("say", "tell"):
        return ""
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ != "PROPN":
        return ""
    name = " ".join(t.text for t in subj.subtree if t.i == subj.i or t.dep_ in ("compound", "flat"))
    colon = next((t.i for t in doc if t.text == ":"), None)
    if colon is not None and subj.i < colon:
        return ""  # a "Speaker: what they said" headline keeps the speaker apart from what was said
    name_stems = {stem(w) for w in _WORD_RE.findall(name)}
    rest = {stem(t.text) for t in doc if t.is_alpha and not t.is_stop} - name_stems
    for i in candidates[:3]:
        fact = index.facts[i].text
        words = re.escape(name.split()[-1])
        after = re.search(rf",\s*(?:[\w.'’-]+\s+){{0,4}}{words}\s+{_SPEECH}\b[^,]*[.!?]?$", fact)
        before = re.match(rf"^(?:[\w.'’-]+\s+){{0,4}}{words}\s+{_SPEECH}\s+", fact)
        if after:
            content = fact[: after.start()]
        elif before:
            content = fact[before.end() :]
        else:
            continue
        if _PRONOUN_START.match(content.strip()) or name_stems & {stem(w) for w in _WORD_RE.findall(content)}:
            continue  # the speaker speaks of itself ("Netflix said it will ...")
        content_stems = {stem(w) for w in _WORD_RE.findall(content)}
        if rest and len(rest & content_stems) >= 0.6 * len(rest):
            return f"in the sources, {name} says this of something else: '{fact}'"
    return ""
