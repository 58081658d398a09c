"""Who or what did it: the question a sentence's subject answers, asked with the sentence's own
predicate. "Second-half goals by Yattara and Lacazette helped Olympique Lyonnais go top of Ligue 1"
answers "What helped Olympique Lyonnais go top of Ligue 1?"; "Pro-Kremlin party A Just Russia put
forward both bills" answers "Who put forward both bills?".

``asking`` asks it where the clause gives no other question, then, for a copular clause, what
its subject is (``identity_question``: "What was the peak population in 2003?"): the last forms
before a stock question ("What else is there to know?"). Every word but the wh-word is the sentence's own, save a
present-tense verb put in the singular ("have" -> "has"), so it names nothing the sources do not.
"""

from __future__ import annotations

from typing import Any

from ..lexicon import QUOTING, forms
from ..nlp import in_dictionary
from ..rewrite.active import inflect

# Subjects asked of with "Who": named people, organisations, nationalities and places (a country
# acts through its government), names the tagger gives no kind (most are surnames), and common
# nouns for people.
_WHO_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_PEOPLE = frozenset("""people person man men woman women child children official officials representative
    representatives activist activists protester protesters police officer officers resident residents minister
    ministers leader leaders player players fan fans voter voters worker workers staff student students teacher
    teachers doctor doctors nurse nurses cleric clerics inmate inmates investor investors lawyer lawyers judge
    judges member members supporter supporters critic critics campaigner campaigners expert experts scientist
    scientists researcher researchers journalist journalists bidder bidders administrator administrators
    spokesman spokeswoman spokesperson president chairman chief coach manager captain founder owner champion
    champions team teams side club clubs director directors conductor conductors secretary chancellor governor
    mayor senator prosecutor prosecutors executive executives singer actor actress author writer editor pilot
    pilots soldier soldiers troops driver drivers passenger passengers victim victims suspect suspects patient
    patients customer customers employee employees ambassador envoy girl girls boy boys refugee refugees""".split())
# A force sent somewhere is asked of as one: the people words less these, for what is done to them.
_DONE_TO_PEOPLE = _PEOPLE - frozenset("troops soldiers police".split())
_COUNTS = frozenset("hundreds thousands dozens scores millions some many most all none".split())
# Pronouns and determiners that stand for something read before: no subject a question asks of.
_STANDS_FOR = frozenset({"PRP", "DT", "EX", "WDT", "WP", "CD"})
# Indefinite pronouns, which the parser may tag as nouns: no subject a question can be about.
INDEFINITE = frozenset("""everyone everybody everything nobody nothing someone somebody something anyone
    anybody anything none""".split())
# Where the predicate a heading can carry ends: an aside, a quote or a list after a comma.
_BREAKS = frozenset({",", ";", ":", "—", "–", "(", ")", '"', "“", "”", "'", "‘", "’"})
# A predicate does not end on a word that needs the next one.
_OPEN_ENDS = frozenset({"ADP", "CCONJ", "SCONJ", "DET", "AUX", "PART", "PRON"})
_BACK = frozenset("the this that these those its their his her".split())  # determiners that point back
_BE = frozenset("is are was were".split())
_SINGULAR = {"are": "is", "were": "was", "have": "has", "do": "does"}
_QUOTING = forms(QUOTING, base=False)


def _present_singular(verb: Any) -> str | None:
    """A plural present-tense verb in the third person singular ("help" -> "helps"); None where
    lemminflect is not installed."""
    try:
        return inflect(verb, "VBZ")
    except ImportError:
        return None


def points_back(subject: Any) -> bool:
    """A subject that names what the reader met before ("The move", "its division", "the
    museum"): as the answer to "What ...?" it answers nothing on its own. A name inside it ("The
    decommissioned frigates HMS Cumberland ...") does."""
    phrase = list(subject.subtree)
    determined = any(t.dep_ in ("det", "poss") and t.lower_ in _BACK for t in subject.children)
    return determined and not any(t.tag_ in ("NNP", "NNPS") for t in phrase)


def _wh(subject: Any) -> str:
    if subject.lower_ in _COUNTS:  # "Hundreds [of protesters]": what is counted
        counted = [g for c in subject.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        subject = counted[0] if counted else subject
    # Names joined ("Webb and Halfpenny"): the parser may tag only one of them a person.
    people = any(t.ent_type_ in _WHO_ENTITIES or t.lower_ in _PEOPLE for t in (subject, *subject.conjuncts)) \
        or any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in subject.children) \
        or subject.tag_ == "NNP" and not subject.ent_type_  # a name the tagger missed: "Hogwood", "Guiseley"
    # A common noun that opens the sentence, tagged a name for its capital ("Homophobia is rife").
    common = subject.i == 0 and subject.tag_ == "NNP" and subject.ent_type_ != "PERSON" \
        and not list(subject.children) and bool(in_dictionary(subject.text))
    # A noun for a person is someone too ("the Northern Irishman").
    return "Who" if (people and not common) or subject.lower_.endswith(("man", "men")) else "What"


def subject_question(root: Any, most_words: int, saying: frozenset[str]) -> str | None:
    """The question the subject of the clause of ``root`` answers, of at most ``most_words``
    words; None where the subject is a pronoun or an indefinite, the verb is negated or one of
    ``saying`` (a speaker is asked what they said), or the predicate runs on past a comma or ends
    on a word that needs another."""
    subject = _askable_subject(root, saying)
    auxes = [c for c in root.children if c.dep_ in ("aux", "auxpass") and c.i < root.i]
    start = auxes[0].i if auxes else root.i
    if subject is None or start <= subject.i:
        return None  # no subject to ask of, or an inverted clause ("Never had they ...")
    kept = _predicate(root, start)
    how_many = _how_many(subject)
    verb = (kept[0].text if how_many else _verb(root, kept[0], bool(auxes))) if kept else None
    if verb is None or len(kept) == 1 and root.lower_ in _QUOTING:
        return None  # "Who added?": what was said follows a colon or a quotation mark
    for end in _ends(kept, root, bool(how_many) and _complete(root)):
        words = kept[: end + 1]
        if len(words) < 2 or words[-1].pos_ in _OPEN_ENDS or any(_points_out(t, words) for t in words):
            continue  # "What sang?" of "Girls sang and danced in a circle" asks nothing worth a heading
        if any(t.head.i > words[-1].i for t in words):
            continue  # a word whose head is cut off ("with substantial anti-surface[, ... capabilities]")
        if len(words) < len(kept) and words[-1].tag_.startswith("VB") and not (how_many and _complete(root)):
            continue  # a cut right after a verb may have taken what it needs ("focused [on ...]")
        rest = "".join(t.text_with_ws for t in words[1:]).strip()
        question = f"{how_many or _wh(subject)} {verb} {rest}".strip()
        if len(question.split()) <= most_words:
            return f"{question}?"
    return None


def names_people(token: Any) -> bool:
    """Whether the noun ``token`` stands for people ("residents", "the team", a person's name):
    what is done to them is asked "Who ...?", never "What did the mayor thank?". A force sent
    somewhere is asked of as one ("What did Russia pour into both regions? Troops.")."""
    return token.lower_ in _DONE_TO_PEOPLE or token.ent_type_ in ("PERSON", "NORP")


def _points_out(token: Any, words: list[Any]) -> bool:
    """A pronoun the question's reader cannot place: any but a possessive after a name the
    question holds ("Who congratulated Nazarbayev on his re-election?")."""
    if token.tag_ == "PRP$":
        return not any(w.tag_ in ("NNP", "NNPS") and w.i < token.i for w in words)
    return token.tag_ == "PRP"


def _how_many(subject: Any) -> str | None:
    """"How many people" where the subject counts a plural noun ("Hundreds of people", "Some
    250,000 people"): the figure is the news, and the question keeps the verb's plural."""
    counted = subject
    if subject.lower_ in _COUNTS:
        counted = next((g for c in subject.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)
    elif not any(c.dep_ == "nummod" and c.like_num for c in subject.children):
        return None
    if counted is None or counted.tag_ != "NNS":
        return None
    return f"How many {counted.lower_}"


def _complete(root: Any) -> bool:
    """A verb that needs nothing after it ("have died"): no object or complement."""
    return not any(c.dep_ in ("dobj", "dative", "xcomp", "ccomp", "attr", "acomp", "oprd", "agent")
                   for c in root.children)


def count_question(root: Any, most_words: int, saying: frozenset[str]) -> str | None:
    """``subject_question``'s "How many ...?" where the subject counts a plural noun; else None."""
    subject = _askable_subject(root, saying)
    return subject_question(root, most_words, saying) if subject is not None and _how_many(subject) else None


def _askable_subject(root: Any, saying: frozenset[str]) -> Any | None:
    """The clause's subject where a question may ask who or what it is (see ``subject_question``)."""
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < root.i]
    # Two subjects of one verb are a misparse ("The poster with the phrase #prayforjosh appeared"
    # gave the hashtag as a second): which one the question replaces is unknown.
    if len(subjects) != 1 or root.lower_ in saying or any(c.dep_ == "neg" for c in root.children):
        return None
    subject = subjects[-1]
    if subject.tag_ in _STANDS_FOR or subject.lower_ in INDEFINITE or points_back(subject):
        return None
    return subject


def _predicate(root: Any, start: int) -> list[Any]:
    """The verb group and what follows it, up to an aside, a quote, the sentence's end, or a
    second verb phrase ("... but were made to wait": its verb agrees with the subject the
    question drops)."""
    kept = []
    for token in root.doc[start : root.right_edge.i + 1]:
        if token.text in _BREAKS or token.text in ".!?" or token.dep_ == "cc" and token.head.i == root.i:
            break
        kept.append(token)
    return kept


def _verb(root: Any, first: Any, has_aux: bool) -> str | None:
    """The predicate's first word in agreement with the wh-word: "be" with what it names ("What
    are the Ukrainian Cyber Troops?"), other verbs in the singular; None where no form is known."""
    named = next((c for c in root.children if c.dep_ == "attr"), None) if root.lower_ in _BE and not has_aux else None
    if named is not None:
        plural = named.tag_ in ("NNS", "NNPS")
        return ("were" if plural else "was") if first.tag_ == "VBD" else ("are" if plural else "is")
    return _SINGULAR.get(first.lower_) or (_present_singular(first) if first.tag_ == "VBP" else first.text)


def _ends(kept: list[Any], root: Any, bare: bool = False) -> list[int]:
    """Where the predicate ``kept`` may end, longest first: its end, or before a closing phrase
    of where, when or how that hangs on a verb ("[on Wednesday]", "[with a 2-0 win over Bastia]"),
    keeping at least two words after the verb; with ``bare``, right after the verb itself
    where an auxiliary opens it ("have died [since ...]")."""
    ends = [len(kept) - 1]
    last = kept[-1].i
    for k in range(len(kept) - 1, 1 if bare and len(kept) > 1 and kept[1].i == root.i else 2, -1):
        token = kept[k]
        # On the verb, or on a verb it takes ("helped Lyon [go] top ..."): not on a participle that
        # describes a noun ("a company focused [on ...]"), which would be left without its phrase.
        verb = token.head
        on_verb = verb.i == root.i or verb.dep_ in ("xcomp", "ccomp") and verb.head.i == root.i
        on_verb = on_verb and verb.i < token.i
        # Or a clause of when or why on the verb ("[since government forces launched ...]").
        clause = token.dep_ == "mark" and verb.dep_ == "advcl" and verb.head.i == root.i and verb.i > token.i
        if (on_verb and token.dep_ in ("prep", "npadvmod", "advmod") or clause) and token.right_edge.i >= last \
                or clause and verb.right_edge.i >= last:
            ends.append(k - 1)
            last = token.i - 1
    return ends


def identity_question(root: Any, subject: str | None) -> str | None:
    """What a copular main clause names its subject as, where its subject gives no question
    ("What was the peak population in 2003?" of "The peak population in 2003 was 684."); none
    where the subject points back to something read before ("the move", "another stunt") or the
    clause is negated or hedged ("is not", "would be")."""
    named = next((c for c in root.children if c.dep_ == "attr" and c.i > root.i), None)
    if subject is None or root.lower_ not in ("is", "are", "was", "were") or named is None or any(
            c.dep_ in ("aux", "neg", "expl") for c in root.children):
        return None
    # A thing named ("a private equity company"), a figure or a name: not "top" of "Lyon are top".
    if not (named.tag_ in ("CD", "NNP", "NNPS") or any(c.dep_ == "det" for c in named.children)):
        return None
    head = [c for c in root.children if c.dep_ == "nsubj" and c.i < root.i][-1]
    if any(c.lower_ == "another" for c in head.children) or (
            points_back(head) and not any(c.dep_ in ("prep", "compound") for c in head.children)):
        return None  # "What is the move?": the move read before
    return f"{'Who' if named.ent_type_ == 'PERSON' else 'What'} {root.lower_} {subject}?"
