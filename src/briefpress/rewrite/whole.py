"""Whether a sentence is whole: a finite main verb with its subject, and nothing left dangling.

A cut that drops the verb ("A chiropractor accused of accepting sex as payment."), a subordinate
clause standing alone ("While he has received three responses."), or an end left hanging on a
conjunction or preposition reads as a fragment however true its words are. Writers and fixers ask
``fragment_reason`` before they ship a sentence they made; the editorial measures count them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..lexicon import ATTRIBUTING, CONTRASTS, REPORTING, forms
from ..nlp import parse_one, spacy_pipeline
from ..text import open_quote
from .gerunds import bare_gerund
from .misread import as_clause
from .quotes import QUOTATION

_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_SUBORDINATE = frozenset({"relcl", "acl", "advcl", "csubj"})
# A sentence never ends on these; a stranded preposition ("the scenario others alluded to") may.
_DANGLING_WORDS = frozenset({"and", "or", "but", "nor", "the", "a", "an", "of", "whose", "which", "because"})
_CLOSERS = "\"'”’)]"
_WORD = re.compile(r"[A-Za-z0-9]+")
# A domain name a wire wrote with spaces ("healthgrades. Com"), which the parser takes for two sentences.
_DOMAIN_GAP = re.compile(r"(?<=\w)\s?\.\s((?:com|org|net|gov|edu|co|uk|io)\b)(?![-'’])(?!\s+[a-z])", re.I)


def _main_clause_finite(doc: Any) -> bool:
    """Some finite verb or modal stands outside every relative, participle and adverbial clause.
    Asked of the whole parse rather than of its root alone, since a misparsed root ("party A Just
    Russia put forward ...") is common and a false fragment would throw away a true sentence."""
    for token in doc:
        if token.tag_ not in _FINITE_TAGS:
            continue
        node = token
        while node.dep_ != "ROOT" and node.head is not node and node.dep_ not in _SUBORDINATE:
            node = node.head
        if node.dep_ not in _SUBORDINATE:
            return True
    # Else a misread verb; a past tense read as an adjective ("Wales qualified ...") is parsed again.
    return any(_misread_main_verb(t) for t in doc) or (
        (again := as_clause(doc)) is not None and _main_clause_finite(again))


def _misread_main_verb(token: Any) -> bool:
    """A past-tense main verb the tagger filed as a participle on a noun root ("The conference aimed
    to improve ..."): a past form, or a regular '-ed' form that takes an object or complement,
    which a reduced passive ("A chiropractor accused of ...") does not."""
    if token.dep_ != "acl" or token.head.dep_ != "ROOT" or token.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if token.tag_ == "VBD":
        return True
    return token.tag_ == "VBN" and token.text.lower().endswith("ed") and any(
        c.dep_ in ("dobj", "xcomp", "ccomp") for c in token.children)


# Verbs of communication or meeting: who with is part of what they say happened ("she had spoken
# [with Mr Gustafsson]"), so their with/to phrase is an argument, and the verb alone at the end of a
# reported clause ("said she had spoken.") leaves the reader asking with whom.
_PARTNERED = frozenset("""
    speak speaks spoke spoken speaking talk talks talked talking meet meets met meeting agree agrees agreed
    agreeing disagree disagrees disagreed discuss discusses discussed discussing work works worked working
    deal deals dealt dealing negotiate negotiates negotiated negotiating consult consults consulted confer
    conferred cooperate cooperated co-operate co-operated collaborate collaborated collaborating communicate
    communicated chat chatted correspond corresponded liaise liaised side sided clash clashed argue argued
    reply replied respond responded write wrote written apologise apologised apologize apologized listen listened
""".split())
# Of those, the verbs that alone leave out a side of what happened: "she said she had spoken"
# (with whom?), "the minister had agreed" (to what?); "the plan works", "she apologised" are whole.
_RECIPROCAL = frozenset("""
    speak speaks spoke spoken speaking talk talks talked talking meet meets met meeting negotiate negotiates
    negotiated negotiating consult consults consulted confer conferred liaise liaised correspond corresponded
    communicate communicated chat chatted deal deals dealt dealing agree agrees agreed agreeing
""".split())
_REPORTING = forms(REPORTING)
# A verb with any of these is not left alone: it has an object, a partner or a qualifier.
_COMPLETING = frozenset({"dobj", "prep", "dative", "xcomp", "ccomp", "advmod", "npadvmod", "prt", "attr", "acomp"})


def _partner_left_out(doc: Any) -> str | None:
    """The verb of meeting or talking a reported clause ends on with nothing after it and a single
    subject ("Ms Wallström said she had spoken."), or None. A plural or joined subject holds both
    sides ("They said they had met.")."""
    last = next((t for t in reversed(doc) if not t.is_punct), None)
    if last is None or last.lower_ not in _RECIPROCAL or last.dep_ != "ccomp":
        return None
    if last.head.lower_ not in _REPORTING or any(c.dep_ in _COMPLETING for c in last.children):
        return None
    subject = next((c for c in last.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.tag_ in ("NNS", "NNPS", "CD") or subject.lower_ in ("they", "we") or any(
            c.dep_ in ("conj", "nummod") for c in subject.children):
        return None
    return last.text


def _last_word(text: str) -> str:
    words = _WORD.findall(text.rstrip(_CLOSERS + ".!?… "))
    return words[-1].lower() if words else ""


@lru_cache(maxsize=4096)
def fragment_reason(sentence: str) -> str | None:
    """Why ``sentence`` is not a whole sentence, or None when it is (or no parser is installed:
    then only a dangling last word is caught)."""
    text = sentence.strip()
    if not text:
        return "empty"
    if _last_word(text) in _DANGLING_WORDS:
        return f"ends on '{_last_word(text)}'"
    nlp = spacy_pipeline()
    if nlp is None:
        return None
    doc = nlp(_DOMAIN_GAP.sub(lambda m: "." + m.group(1).lower(), text))
    if not _main_clause_finite(doc):
        return "no finite main verb"
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is not None and root.pos_ in ("VERB", "AUX") and any(c.dep_ == "mark" for c in root.children):
        return "a subordinate clause standing alone"
    if (verb := _partner_left_out(doc)) is not None:
        return f"'{verb}' left without whom"
    if _opens_on_subjectless_verb(doc):
        return "no subject"
    return None


# Words a sentence may open with and still have left its subject out ("Also, linked them ...").
_LINKING_OPENERS = frozenset("also and but then so yet furthermore additionally moreover however in addition".split())
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})


def _opens_on_subjectless_verb(doc: Any) -> bool:
    """A sentence that opens on its finite main verb with no subject: "Linked them directly to
    the situation in Ukraine." (the second half of a sentence split after its subject). Only at
    the start, where a misparse is rare; an imperative has no finite verb and fails before."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ in _SUBJECTS for c in root.children):
        return False
    return all(t.is_punct or t.lower_ in _LINKING_OPENERS for t in doc[: root.i])


def is_whole(sentence: str) -> bool:
    return fragment_reason(sentence) is None


# What a cut may never drop: the arguments a kept word needs (objects, complements, a kept
# preposition's object), a negation, and the words that make a claim checkable.
_ARGUMENTS = frozenset({"dobj", "xcomp", "ccomp", "attr", "acomp", "oprd", "dative", "neg", "pobj", "pcomp", "agent",
                        "prt"})  # "prt": a phrasal verb's particle ("shut [down]" says another thing)
_NEGATIONS = frozenset({"not", "n't", "no", "never", "nor", "without"})
_ATTRIBUTIONS = forms(ATTRIBUTING, base=False) | {"according"}
# Adverbs that change what the words they follow say: "learn to walk [again]", "[only] once".
_BEARING = frozenset("again too also only still yet anymore even".split())
_NEGATIVE = re.compile(r"un(?!der)\w{3,}(?:ed|en)")  # "unbeaten", "unchanged": a negation in one word
# The end of a list of names: ", Ballance (32) and Jack Leaning."
_LIST_TAIL = re.compile(r",\s+[A-Z][\w'’-]*(?:\s+\([^)]*\))?\s+(?:and|or)\s+(?:[A-Z][\w'’-]*\s*)+[.!?]?[\"”’]?\s*$")
# Words that mean nothing without the head a title's cut would leave out: "a winner of the
# European [Tour's season-finale]" (a title may otherwise keep a subject whose verb it drops);
# _HEADED, those a last-resort cut may not end on where it leaves their head out ("an increased [duty]").
_HEAD_NEEDED = frozenset({"compound", "amod", "det", "nummod", "poss", "case", "predet", "nmod"})
_HEADED = frozenset(("amod", "compound", "det", "poss", "nummod", "nmod", "aux", "auxpass", "advmod", "case"))
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_KEPT_ENTITIES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "QUANTITY", "ORDINAL"})
# A quotation: three words or more between quotes (a quoted name or title is shorter).
_QUOTE_MARKS = ('"', "“", "”")


def holds_quote(text: str) -> bool:
    """Whether ``text`` holds a quotation (straight or curly double quotes around three words or
    more): such a sentence is never cut inside its quote nor split, since a quote is the
    speaker's words, whole."""
    return any(len(q.split()) >= 3 for q in QUOTATION.findall(text))


def inside_quote(text: str, at: int) -> bool:
    """Whether offset ``at`` of ``text`` lies inside a quoted stretch, double or single (‘...’)."""
    return open_quote(text[:at])


def _drops_what_matters(token: Any, end: int, title: bool = False, condensed: bool = False) -> bool:
    if token.dep_ in _ARGUMENTS and token.head.idx < end:
        return True
    selected = _selected_phrase(token, end) if token.dep_ == "prep" and token.head.idx < end else None
    if selected is not None:
        return selected
    if token.lower_ in _ATTRIBUTIONS or token.lower_ in CONTRASTS:
        return True
    if token.lower_ in _BEARING and token.head.idx < end:
        return True  # "learn how to walk [again]": the kept words would say something else
    if token.lower_ in _NEGATIONS:
        return not (title and _in_dropped_clause(token, end))
    if token.dep_ == "prep" and token.head.idx < end and (
            any(c.dep_ == "neg" for c in token.head.children) or _NEGATIVE.fullmatch(token.head.lower_)):
        return True  # what a kept negation is limited to: "have not lost [in nine]", "unbeaten [in five]"
    if token.ent_type_ in ("DATE", "TIME"):
        # when the kept claim happened ("rose [on Tuesday]"); a dropped clause's own date may go, and
        # so may the date of what a relative clause describes ("Bastia, who were reeling from their
        # defeat [... last Saturday]"): the claim is the main clause's
        return not (_in_dropped_clause(token, end) or _in_relative_clause(token, end))
    # A figure goes only with a whole clause it is in ("..., ending a two-year dispute", "..., who
    # were reeling from a 4-0 defeat"), never from what it counts ("for at least 10 years").
    figure = token.like_num or token.ent_type_ in _KEPT_ENTITIES
    return figure and not (_in_dropped_clause(token, end) or condensed and not _duration(token))


def _selected_phrase(prep: Any, end: int) -> bool | None:
    """Whether the dropped phrase ``prep`` opens is one the kept word it hangs on needs (True) or
    may lose (False); None where its head's kind does not tell."""
    head = prep.head
    objects = {c.dep_ for c in head.children}
    if head.pos_ == "VERB" and (prep.lower_ == "of" or prep.lower_ == "as" and "dobj" in objects):
        # what a kept verb is of, or takes its object as: "accused [of ...]", "feature Bure [as the mother]"
        return True
    if head.pos_ == "ADJ" and head.dep_ in ("acomp", "oprd", "amod"):
        return True  # what a kept adjective is to, of or for: "the alliance as central [to her strategy]"
    if head.lower_ in _SPAN_NOUNS:
        return True  # which time a kept noun of time is: "during his time [in the role]"
    if head.pos_ in ("NOUN", "PROPN", "PRON", "ADJ"):
        # What a kept noun is of ("the closure [of the camp]"), or what a bare abstract noun is
        # for, to or in ("respect [for his policies]", "confidence [in her approach]"); "the
        # suspects [for interrogation]" may go.
        bare = head.tag_ == "NN" and not any(c.dep_ in ("det", "poss") for c in head.children)
        # whose deed a kept noun is: "a three-wicket burst in nine balls [from Stuart Meaker]"
        by_whom = prep.lower_ in ("from", "by") and head.pos_ == "NOUN" and any(
            c.dep_ == "pobj" and c.pos_ == "PROPN" for c in prep.children)
        return prep.lower_ == "of" or (prep.lower_ in ("for", "to", "in") and bare) or by_whom
    if prep.lower_ in ("with", "to", "for", "from"):
        return True if _taken_by_verb(prep, end) else None
    if prep.lower_ in ("on", "upon") and head.pos_ == "VERB" and not objects & {"dobj", "prt", "auxpass"} \
            and not any(t.ent_type_ in ("DATE", "TIME") for t in prep.subtree):
        return True  # what an intransitive verb bears on: "weighed heavily [on his mind]", "relies [on aid]"
    return None


def _taken_by_verb(prep: Any, end: int) -> bool:
    """Whether a kept verb takes the dropped phrase ``prep`` (with, to, for or from) opens."""
    head = prep.head
    if any(c.dep_ == "auxpass" for c in head.children):
        return True  # what a passive verb takes: "was diagnosed [with cancer]", "was sentenced [to ...]"
    # whom a verb of talking or meeting was with ("had spoken [with Mr Gustafsson]"), unless a kept
    # phrase already says so ("spoke with Trump [, with Takaichi expressing ...]")
    return prep.lower_ in ("with", "to") and head.lower_ in _PARTNERED and not any(
        c.dep_ == "prep" and c.lower_ in ("with", "to") and c.idx < end for c in head.children)


def _in_relative_clause(token: Any, end: int) -> bool:
    """Whether ``token``'s phrase hangs on a kept word inside a relative clause."""
    node = token
    while node.head.i != node.i and node.head.idx >= end:
        node = node.head
    return any(n.dep_ == "relcl" for n in [node.head, *node.head.ancestors] if n.idx < end)


def _in_dropped_clause(token: Any, end: int) -> bool:
    """Whether a verb of its own stands between ``token`` and the kept word its phrase hangs on."""
    node = token
    while node.head.i != node.i and node.head.idx >= end:
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node.head.i != node.i  # the root itself is the main verb, never dropped
    return False


# Nouns of time whose phrase says which time they are ("his time [in the role]", "her years [at the club]").
_SPAN_NOUNS = frozenset("time times tenure term spell stint period years days career".split())
_UNITS = frozenset("year years month months week weeks day days hour hours decade decades".split())


def names_a_year(token: Any) -> bool:
    """Whether ``token`` is in a date that names a year ("as coach in 2008"): without it a past
    event reads as this week's news ("Gatland won a first clean sweep")."""
    span = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    return span is not None and any(_YEAR.fullmatch(t.text) for t in span)


def _times_a_kept_word(date: Any, end: int) -> bool:
    """Whether ``date`` times what the cut keeps: a phrase of time ("as coach in 2008") times its
    clause's verb, a date qualifying a noun ("Wales' 2007 World Cup display") only that noun."""
    node = date
    while node.head.i != node.i and node.head.ent_type_ == date.ent_type_:
        node = node.head
    timed = node.head
    while node.dep_ == "pobj" and timed.pos_ not in ("VERB", "AUX") and timed.head.i != timed.i:
        timed = timed.head
    return timed.idx < end


def _duration(token: Any) -> bool:
    """Whether ``token`` is in a counted span of time ("for at least 10 years"): a figure, not a date."""
    span = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    return span is not None and any(t.like_num for t in span) and any(t.lower_ in _UNITS for t in span)


_FIGURE_MODIFIERS = frozenset({"advmod", "quantmod", "npadvmod"})  # what a figure stands for: "five [under]"


def drops_reason(sentence: str, cut: str, *, title: bool = False, condensed: bool = False) -> str | None:
    """What ``cut``, a prefix of ``sentence``, drops that it may not (the main verb, a kept word's
    object or complement, a negation, a figure or date of what is kept, an attribution, a quote),
    or None when it drops adjuncts only (or is no prefix, or no parser is installed). A ``title``
    may drop the whole predicate (a headline that names its subject claims nothing of it), a date
    (the lead under it says when) and a whole clause with its figures; never a complement, a
    figure of what it keeps or a quote. A ``condensed`` form (one whose whole sentence the article
    keeps elsewhere) may also drop a date or a figure's phrase, never a span of time ("for at least
    10 years"): what it keeps stays true and the whole fact is still told."""
    full = sentence.strip()
    kept = cut.strip().rstrip(".")
    if not full.startswith(kept):
        return None  # not a prefix: the caller's own deletion, judged by the whole-sentence check
    end = len(kept)
    dropped = full[end:]
    if any(q in dropped for q in _QUOTE_MARKS) and (holds_quote(dropped) or inside_quote(full, end)):
        return "drops a quotation"
    if _LIST_TAIL.search(dropped) and not _LIST_TAIL.search(kept):
        # "ripping out Bairstow[, who lobbed to mid-wicket, Ballance (32) and Jack Leaning]": a
        # parse that hangs the list's rest on the clause between takes the cut for an adjunct's.
        return "drops the rest of a list"
    doc = parse_one(full)
    if doc is None:
        return None
    for token in doc:
        if token.idx < end:
            if token.head.idx >= end and token.dep_ != "punct" and (not title or token.dep_ in _HEAD_NEEDED):
                # a kept word whose head is dropped: the cut splits a phrase ("ordered two months
                # [after he was elected]", where "two months" counts from the election)
                return f"keeps '{token.text}' without '{token.head.text}' ({token.dep_})"
            continue
        if token.dep_ == "ROOT" and token.pos_ in ("VERB", "AUX") and not title:
            return f"drops the main verb '{token.text}'"
        if token.dep_ == "prep" and bare_gerund(token.head, token, end):  # "... by looking [at factors]"
            return f"leaves '{token.head.text}' without '{token.text}'"
        if token.head.idx < end and token.head.like_num and token.dep_ in _FIGURE_MODIFIERS:
            return f"leaves the figure '{token.head.text}' without '{token.text}'"  # "on five [under]"
        if (title or condensed) and token.ent_type_ in ("DATE", "TIME") and not _duration(token) \
                and not (names_a_year(token) and _times_a_kept_word(token, end)):
            continue  # the sentence under a title says when; a condensed form's fact is told whole too
        if _drops_what_matters(token, end, title, condensed):
            return f"drops '{token.text}' ({token.dep_ or token.ent_type_})"
    return None


def split_reason(sentence: str, cut: str) -> str | None:
    """What the first word ``cut`` (a prefix of ``sentence``) drops is to the words it keeps, where
    the cut parts them: an object, complement or selected phrase of a kept word ("reaffirmed the
    alliance as central [to her strategy]"), a negation or a contrast. None for a cut at a clause
    or adjunct boundary, or one that drops an attribution. Narrower than ``drops_reason``: it
    reads only the parse at the cut, so a parse that goes wrong further on does not condemn a
    sound cut."""
    full, kept = sentence.strip(), cut.strip().rstrip(".")
    doc = parse_one(full) if full.startswith(kept) else None
    if doc is None:
        return None
    stray = next((t for t in doc if t.idx < len(kept) and t.head.idx >= len(kept) and not t.is_punct), None)
    if stray is not None:  # "wants the new chair [to remove ...]": the chair is the remover
        if _attributes(stray):
            return None
        return f"keeps '{stray.text}' without '{stray.head.text}' ({stray.dep_})"
    first = next((t for t in doc if t.idx >= len(kept) and not t.is_punct), None)
    if first is None or first.head.idx >= len(kept) or _attributes(first):
        return None
    if first.ent_type_ in ("DATE", "TIME") or first.like_num and first.dep_ not in _ARGUMENTS:
        return None  # a date or figure on its own is the condensed forms' to drop
    if _drops_what_matters(first, len(kept), condensed=True):
        return f"drops '{first.text}' ({first.dep_}) from '{first.head.text}'"
    return None


def _attributes(token: Any) -> bool:
    """Whether ``token`` or its head is a word of attribution ("..., Netflix said"): a dropped
    attribution is the attribution check's to judge, the claim staying the source's."""
    return token.text in _ATTRIBUTIONS or token.head.text in _ATTRIBUTIONS


def cut_reason(sentence: str, cut: str, *, condensed: bool = False) -> str | None:
    """Why ``cut``, a prefix of ``sentence``, is not a safe shortening of it, or None when it is:
    it must be whole, and what it drops must be adjuncts only (``drops_reason``)."""
    return fragment_reason(cut.rstrip(".") + ".") or drops_reason(sentence, cut, condensed=condensed)


def ends_on_bare_verb(sentence: str, cut: str) -> bool:
    """Whether ``cut`` ends on a verb whose phrases ``sentence`` goes on with ("an illness lasting
    [several months]", "Flanagan tweeted [after ...]"): a title cut there says nothing or less."""
    last = _last_kept(sentence, cut)
    return last is not None and last.pos_ in ("VERB", "AUX") and any(
        c.idx >= len(cut) and c.dep_ not in ("punct", "cc", "conj") for c in last.children)


def cuts_off_a_head(sentence: str, cut: str) -> bool:
    """Whether ``cut`` (a prefix of ``sentence``) ends on a modifier whose head it leaves out ("an
    increased [duty]", "a winner of the European [Tour's season-finale]")."""
    last = _last_kept(sentence, cut)
    return last is not None and last.dep_ in _HEADED and last.head.idx >= len(cut)


def _last_kept(sentence: str, cut: str) -> Any:
    """The last word of ``sentence``'s parse that ``cut``, a prefix of it, keeps; None without spaCy."""
    return next((t for t in reversed(parse_one(sentence) or ()) if t.idx < len(cut) and not t.is_punct), None)
