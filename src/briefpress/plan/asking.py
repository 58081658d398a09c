"""Questions asked of a sentence: the wh-questions its own clause answers, in its own words.

"Why has the ferry operator apologised?" is formed from "The ferry operator has apologised
after cancelling the night crossings ...": the clause's subject, its verb (the first
auxiliary put before the subject, or "did"/"does"/"do" and the verb's base form) and a wh-word
for the element the sentence supplies (a reason, a figure, what a speaker said, the object, a
time). A question makes no claim, and every word but the wh-word and the auxiliary is the
sentence's own (a verb may take its base form), so it names nothing the sources do not. Where the
parse gives no well-formed question, ``questions_of`` gives none and the planner asks its facet's
question instead.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..lexicon import ATTRIBUTING, forms
from ..nlp import spacy_pipeline
from .adjuncts import REASON_NOUNS, asks_time, gives_reason, lemma, measured_by_figure, spoken
from .answering import without_relative_aside
from .names import TIME_WORD, name_runs
from .speakers import TITLE_PRONOUN
from .subject_phrase import heading_subject, lowered, noun_phrase
from .subject_question import count_question, identity_question, names_people, subject_question

MOST_WORDS = 12  # a heading a reader takes in at a glance
# Verbs whose speaker a "What did X say?" question asks of: what more telling verbs report
# ("warned", "announced") is asked by its own verb.
_SAYING = forms(ATTRIBUTING | {"confirm", "state"})
_OBJECT_MOST = 5
_MODALS = frozenset("will would could can may might shall should must".split())
_COMPLEMENTS = frozenset({"dobj", "ccomp", "xcomp", "attr", "acomp"})
_CHANGE_VERBS = frozenset("""fall rise drop climb slump surge collapse close shut die grow decline soar plunge
    tumble jump slide sink rally crash""".split())
_CLAUSE_VERBS = frozenset("""announce decide expect want plan agree vote propose believe feel think hope
    promise fear warn predict estimate hear find show reveal conclude learn""".split())
# Verbs whose object carries the meaning ("held her first official phone call"): "What did she
# hold?" asks of the verb, not of the news, so the question names the object instead; and verbs of
# moving, whose "object" is where ("go top", "move second"): never "What do Lyon go?"; and verbs of
# placing, whose object needs its place ("put a strain on ties"): never "What did the revelations put?".
_LIGHT_VERBS = frozenset("hold have take make give include get do go come move head return stay put place lay".split())
# Verbs whose passive tells a claim made of the subject, not something that happened to it.
_CLAIMED_OF = frozenset("""accuse suspect allege believe say report think expect consider criticise criticize
    blame rumour rumor understand know""".split())
# Adverbs that turn a clause toward its negation: a question without them asks another fact.
_NEGATING = frozenset("rarely seldom never hardly barely scarcely".split())
# A subject that names a reaction is asked how the one reacting reacted ("Market reactions
# included ..." answers "How did the market react?").
_REACTIONS = frozenset({"reaction", "reactions"})


def _verb_group(verb: Any) -> tuple[str, str] | None:
    """(the word put before the subject, the rest of the verb group): the first auxiliary and the
    others with the verb, or do-support and the verb's base form."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in _NEGATING) for c in verb.children):
        return None  # "Why did X not ...": a negation reads as a claim of its own
    if auxes:
        if auxes[0].lower_ == "to":
            return None
        rest = [a.text for a in auxes[1:]] + [verb.text]
        return auxes[0].lower_, " ".join(rest)
    base = lemma(verb)
    if base is None or verb.tag_ not in ("VBD", "VBZ", "VBP") or base == "be":
        return None
    return {"VBD": "did", "VBZ": "does", "VBP": "do"}[verb.tag_], base


# Adverbs that complete a verb of moving right after it, as a particle does ("went ahead").
_DIRECTIONS = frozenset("ahead back away forward home up down out off through".split())


def _particle(verb: Any) -> str:
    return " ".join(c.text for c in verb.children if c.dep_ == "prt"
                    or c.dep_ == "advmod" and c.i == verb.i + 1 and c.lower_ in _DIRECTIONS)


def _asked(wh: str, front: str, subject: str, rest: str) -> str:
    words = " ".join(w for w in (wh, front, subject, rest.strip()) if w)
    return f"{words}?"


def _object(verb: Any) -> Any | None:
    """What the verb does or says, where "what" can stand for it: a thing, not a person's name,
    or a clause after a verb of saying, thinking or deciding ("What does the council expect?")."""
    found = next((c for c in verb.children if c.dep_ in ("dobj", "ccomp", "xcomp") and c.i > verb.i), None)
    if found is None or found.tag_ in ("NNP", "NNPS", "PRP"):
        return None
    passive = any(c.dep_ == "auxpass" for c in verb.children)  # "was expected" needs its "to ..."
    if passive and _asks_to_what(verb, found):
        return found
    # A clause that is itself a question ("will be reviewing whether ...") is what the verb is about.
    asks = found.dep_ == "ccomp" and any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in found.children)
    return found if found.dep_ == "dobj" or asks or ((lemma(verb) or "") in _CLAUSE_VERBS and not passive) else None


def _asks_to_what(verb: Any, xcomp: Any) -> bool:
    """Whether a verb's "to ..." has an object of its own that a "What ...?" question asks of in
    the verb's words: "What will the evidence be used to develop?" (a passive verb's purpose),
    "What does the council hope to build?"; not a light verb's ("forced to take action"), nor
    after a verb that tells a claim made of its subject ("was expected to win the election")."""
    return xcomp.dep_ == "xcomp" and xcomp.tag_ == "VB" and (lemma(verb) or "") not in _CLAIMED_OF \
        and (lemma(xcomp) or "") not in _LIGHT_VERBS and any(c.dep_ == "dobj" for c in xcomp.children) \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in xcomp.children)


def _complement(verb: Any) -> str | None:
    """The words that complete the verb in a why/how/when question: its object ("surrendered his
    state license"), or a passive verb's first prepositional phrase ("caught in a fresh
    dispute"); "" where the verb needs none, None where the one it needs is too long."""
    obj = next((c for c in verb.children if c.dep_ in _COMPLEMENTS and c.i > verb.i), None)
    if obj is not None:
        if obj.dep_ != "dobj":
            return None
        # "gallons of paint" keeps its "of": the noun alone says nothing.
        of = any(c.dep_ == "prep" and c.lower_ == "of" for c in obj.children)
        return noun_phrase(obj, _OBJECT_MOST) or (None if of else noun_phrase(obj, _OBJECT_MOST, preps=False))
    if verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children):
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.i == verb.i + 1), None)
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if prep is not None and pobj is not None and not REASON_NOUNS.match(pobj.lower_) \
                and not TIME_WORD.search(pobj.text):
            phrase = noun_phrase(pobj, _OBJECT_MOST - 1) or noun_phrase(pobj, _OBJECT_MOST - 1, preps=False)
            return f"{prep.text} {phrase}" if phrase else ""
    return ""


def _said(verb: Any, subject: str, front: str, name: str) -> list[str]:
    """What a speaker said: "What did Lena Holt say about the night ferry?" where the
    reported clause has a subject of its own worth naming, else "What did the board say?"; then
    what the reported clause itself answers ("What has the council approved?" of "Holt said that
    the council has approved a new ferry"), which may head an answer that holds more than the
    speaker's words."""
    # The clause after the verb first: one before may be another's report ('"...," Seibert told, Spiegel said').
    clauses = sorted((c for c in verb.children if c.dep_ == "ccomp"), key=lambda c: c.i < verb.i)
    reported, out = next(iter(clauses), None), []
    if reported is not None:
        about = heading_subject(reported)
        # Not "about" a name the speaker's own holds: "What did Christopher Purvis say about
        # Christopher?" (Hogwood, the one he spoke of) reads as speaking of himself.
        if about is not None and len(about.split()) <= 6 \
                and not set(about.lower().split()) <= set(subject.lower().split()):
            out.append(_asked("What", front, subject, f"say about {about}"))
    out.append(_asked("What", front, subject, "say"))
    if reported is not None and reported.pos_ in ("VERB", "AUX"):
        out += _questions_at(reported, name, _self_named(verb, reported, subject))
    return out


def _self_named(verb: Any, reported: Any, speaker: str) -> str | None:
    """The speaker, where the clause they report is about themselves: "Cynthia Cheroitich, 19,
    said she drank body lotion because ..." asks "Why did Cynthia Cheroitich drink body lotion?".
    Only "he" or "she" after a speaker the parse reads as a person named in the sentence, and not
    where the speaker's title says otherwise ("Mr Jones said she ...")."""
    said_by = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    own = [c for c in reported.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < reported.i]
    if len(said_by) != 1 or said_by[0].ent_type_ != "PERSON" or len(own) != 1 or own[0].lower_ not in ("he", "she"):
        return None
    titles = {t.lower_.rstrip(".") for t in said_by[0].subtree}
    return None if any(TITLE_PRONOUN.get(t, own[0].lower_) != own[0].lower_ for t in titles) else speaker


def _questions(doc: Any, name: str) -> list[str]:
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return []
    counted = count_question(root, MOST_WORDS, _SAYING)
    if counted is not None:  # the figure is the news: "How many people have died?", not what happened to them
        return [counted, *(q for q in _questions_at(root, name) if not q.startswith("What happened to"))]
    return _questions_at(root, name) or list(filter(None, [subject_question(root, MOST_WORDS, _SAYING)])) \
        or list(filter(None, [identity_question(root, _named_subject(root, name) or heading_subject(root))]))


def _questions_at(root: Any, name: str, pronoun_for: str | None = None) -> list[str]:
    """The questions the clause of the verb ``root`` answers; ``pronoun_for``: whom its subject
    pronoun stands for, where the sentence says (``_self_named``)."""
    reacted = _reacted(root)
    if reacted:
        return [reacted]
    subject = _named_subject(root, name) or heading_subject(root) or pronoun_for
    if subject and len(name.split()) > 1 and name[:1].isupper() and subject == name.split()[-1]:
        subject = name  # a heading names the person in full ("Holt" is "Lena Holt")
    group = _verb_group(root)
    if subject is None or group is None:
        return []
    front, verb = group
    if root.lower_ in _SAYING and front in ("did", "does"):
        return _said(root, subject, front, name)
    verb = " ".join(w for w in (verb, _particle(root)) if w)
    out = _clause_questions(root, front, subject, verb)
    obj = _object(root)
    if obj is not None and obj.dep_ == "ccomp" and obj.pos_ in ("VERB", "AUX"):
        out += _questions_at(obj, name)  # what was announced, asked in its own words
    return out


def _clause_questions(root: Any, front: str, subject: str, verb: str) -> list[str]:
    """Why, how much, how many, what, when and what happened, as the clause of ``root`` tells."""
    whole = _complement(root)
    out = []
    # A passive verb's phrase ("taken at a UN conference") may go where the question runs long.
    long = whole and whole.split()[0].islower() and _object(root) is None
    wholes = [whole if not long or len(f"{subject} {verb} {whole}".split()) < MOST_WORDS - 1 else ""]
    for w in wholes:
        if w is not None and gives_reason(root):
            out.append(_asked("Why", front, subject, f"{verb} {w}"))
        if w is not None and measured_by_figure(root):
            out.append(_asked("How much", front, subject, f"{verb} {w}"))
    obj, base = _object(root), lemma(root) or ""
    counted = _counted(obj) if obj is not None else None
    charged = _charged_with(root)
    if counted:
        out.append(_asked(f"How many {counted}", front, subject, verb))
    elif charged is not None:  # "What does the indictment accuse Watson of?", not "What does it accuse?"
        out.append(_asked("What", front, subject, f"{verb} {charged}"))
    # An activity named by its verb ("opened the scoring") is asked of when or why, not "What did X open?";
    # a light verb only with its particle ("put forward"); and "paid no tax" answers no "What".
    elif obj is not None and (base not in _LIGHT_VERBS or _particle(root)) and not _activity(obj) \
            and base not in _CHARGING and not names_people(obj) \
            and not any(c.dep_ == "det" and c.lower_ == "no" for c in obj.children):
        out.append(_asked("What", front, subject, _what_of(verb, obj)))
    when = _when_and_who(root, (front, subject, verb), wholes, whole)
    # How long a state has held is its news ("has run at a loss since 2015"), not what it ran at.
    out = [q for q in when if q.startswith("Since when")] + out + [q for q in when if not q.startswith("Since when")]
    # Something that happened to the subject: a passive verb, or a change ("shares fell").
    # Not a claim made of it ("was accused of ..."): "What happened to the NSA?" reads as a deed done to it.
    undergoes = any(c.dep_ == "auxpass" for c in root.children) and base not in _CLAIMED_OF or base in _CHANGE_VERBS
    # "could be banned" has not happened: a modal keeps the question off the fact.
    if whole == "" and obj is None and undergoes and front not in _MODALS:
        out.append(_asked("What happened to", "", subject, ""))
    return out


def _when_and_who(root: Any, asking: tuple[str, str, str], wholes: list[str | None], whole: str | None) -> list[str]:
    """When the verb's event happened, naming the object's other party where the heading has room
    ("When did Lena Holt hold talks with Donald Trump?"); and who that party was where the object
    names one the heading leaves out ("Who did X hold her first official phone call with?")."""
    front, subject, verb = asking
    party = _party(root)
    out = []
    wh = asks_time(root)
    for w in wholes:
        if w is not None and wh:
            named = _asked(wh, front, subject, f"{verb} {w} {party}") if w and party and " with " not in w else ""
            fits = named and len(named.split()) <= MOST_WORDS
            out.append(named if fits else _asked(wh, front, subject, f"{verb} {w}"))
    if whole and party and " with " not in whole:
        out.append(_asked("Who", front, subject, f"{verb} {whole} with"))
    return out


# Verbs that charge someone with something: "accuses Watson of conspiring ..." asks what of.
_CHARGING = frozenset("accuse charge convict suspect acquit clear blame".split())


def _charged_with(verb: Any) -> str | None:
    """"Watson of" where the verb charges someone ("The indictment accuses Watson of conspiring
    ...") and the charge follows in its "of"/"with"/"for" phrase: "What does the indictment
    accuse Watson of?"."""
    named = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if named is None or (lemma(verb) or "") not in _CHARGING or any(c.dep_ == "auxpass" for c in verb.children):
        return None
    # The charge hangs on the verb, or (as the parse often has it) on the one charged.
    preps = [c for c in (*verb.children, *named.children) if c.dep_ == "prep" and c.i > named.i
             and c.lower_ in ("of", "with", "for") and any(g.dep_ in ("pobj", "pcomp") for g in c.children)]
    name = noun_phrase(named, 4, preps=False)
    if not preps or not name or preps[0].i != named.i + 1 and not name.endswith(preps[0].doc[preps[0].i - 1].text):
        return None
    return f"{name} {preps[0].text}"


def _what_of(verb: Any, obj: Any) -> str:
    """The verb group a "What ...?" question asks with: "hope to build" or "be used to develop"
    where the "to ..." has an object of its own (``_asks_to_what``), "hope to do" where it has
    none, else the verb alone."""
    if obj.dep_ != "xcomp":
        return verb
    return f"{verb} to {obj.text}" if _asks_to_what(obj.head, obj) else f"{verb} to do"


def _activity(obj: Any) -> bool:
    return obj.tag_ == "NN" and obj.lower_.endswith("ing") and any(c.lower_ == "the" for c in obj.children)


def _counted(obj: Any) -> str | None:
    """The counted noun of an object that holds a figure in digits ("killed 150 people" asks
    "How many people ..."); None for any other object."""
    def counts(c: Any) -> bool:  # "150 people", "150 injured people"; not a measure ("10oz gloves")
        between = obj.doc[c.i + 1 : obj.i]
        return c.dep_ == "nummod" and bool(re.fullmatch(r"\d[\d,]*", c.text)) and all(t.tag_ == "JJ" for t in between)

    if obj.tag_ != "NNS" or not any(counts(c) for c in obj.children):
        return None
    return obj.text


def _party(verb: Any) -> str:
    """The other party of the verb's object, by name ("her first official phone call with U.S.
    President Donald Trump" gives "with Donald Trump"); "" where it names none."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    prep = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "with"), None) if obj is not None else None
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if pobj is None or pobj.ent_type_ != "PERSON":
        return ""
    names = name_runs(spoken(list(pobj.subtree)))
    return f"with {names[-1]}" if names else ""


def _reacted(root: Any) -> str | None:
    """ "How did the market react?" where the subject is a market's or a group's reactions and the
    verb says what they were."""
    subject = next((c for c in root.children if c.dep_ == "nsubj" and c.i < root.i), None)
    if subject is None or subject.lower_ not in _REACTIONS or (lemma(root) or "") not in (*_LIGHT_VERBS, "be"):
        return None
    who = [c for c in subject.children if c.dep_ == "compound" and c.i == subject.i - 1 and c.tag_ in ("NN", "NNS")]
    return f"How did the {who[0].lower_} react?" if who else None


def _named_subject(verb: Any, name: str) -> str | None:
    """The subject's words up to the end of ``name`` where its short form leaves the name out
    ("the decision to close part of the harbour road" for "harbour road"), at most
    ``MOST_WORDS - 3`` words without punctuation."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i]
    short = heading_subject(verb)
    if not name or not subjects or (short is not None and name.lower() in short.lower()):
        return None
    tokens = list(subjects[-1].subtree)
    text = spoken(tokens)
    at = text.lower().find(name.lower())
    if at < 0 or tokens[0].tag_ not in ("DT", "NN", "NNS", "JJ"):
        return None
    kept = text[: at + len(name)]
    if len(kept.split()) > MOST_WORDS - 3 or re.search(r"[,;:()\"“”]", kept):
        return None
    return lowered(tokens, kept)


@lru_cache(maxsize=4096)
def questions_of(sentence: str, name: str = "") -> tuple[str, ...]:
    """The wh-questions ``sentence`` answers, the most telling first (why, how much, what, when),
    each a heading of at most ``MOST_WORDS`` words; none where spaCy is not installed or the
    sentence's main clause gives no well-formed one. A subject that is the surname of ``name``
    (the keyphrase) is asked of by the full name."""
    nlp = spacy_pipeline()
    if nlp is None or not sentence.strip():
        return ()
    found = _questions(nlp(sentence.strip()), name)
    if not found and (bare := without_relative_aside(sentence.strip())) != sentence.strip():
        found = _questions(nlp(bare), name)
    return tuple(q[:1].upper() + q[1:] for q in dict.fromkeys(found) if len(q.split()) <= MOST_WORDS)
