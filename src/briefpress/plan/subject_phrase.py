"""The subject of a heading: a sentence's subject, or a noun, as a short phrase in its own words,
without its clauses and appositions ("Harbour chair Lena Holt" asks of "Lena Holt"; "The chair
of Care Forum Wales, Mario Kreft," of "Mario Kreft"), with the article an office's bare title
needs and a sentence's capital dropped from a common word."""

from __future__ import annotations

import re
from typing import Any

from .adjuncts import spoken
from .names import _NOT_NAME, _TITLE_WORDS, name_runs, office_holder
from .subject_question import INDEFINITE as _INDEFINITE

_SUBJECT_MOST = 7
_DEMONYM = re.compile(r"(?:ese|ian|ish|an|ch|i)$")
_MODIFIERS = frozenset({"det", "predet", "compound", "amod", "poss", "case", "nummod", "quantmod", "nmod", "advmod"})


def heading_subject(verb: Any) -> str | None:
    """The verb's subject as a short phrase without its clauses and appositions; None where that is
    a pronoun (it needs its antecedent), a list, or too long for a heading. A titled name keeps
    the name alone ("Harbour chair Lena Holt" asks of "Lena Holt")."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i]
    if not subjects:
        return None
    head = subjects[-1]
    if head.lower_ in _INDEFINITE:
        return None  # "What did Batty say about Everyone?"
    if head.tag_ in ("PRP", "DT", "WDT", "WP", "EX", "CD") or (any(c.dep_ in ("conj", "cc") for c in head.children)
                                                             and not _ampersand_name(head)):
        return None
    if any(t.tag_ == "PRP$" for t in _phrase(head)):
        return None
    titles = _OFFICES | _NOT_NAME
    titled = head.tag_ in ("NNP", "NNPS") and any(t.lower_ in titles for t in head.subtree)
    if titled and head.i == max(t.i for t in head.subtree if t.dep_ != "punct"):
        names = name_runs(spoken(list(head.subtree)))
        # Only a run as written ("Wales' First Minister" is no name run "Wales First Minister")
        # that names someone ("Tesco's Chief Executive" leaves the title word "Executive").
        run = names[-1] if names else ""
        if run and head.text.startswith(run.split()[-1]) and run in spoken(list(head.subtree)) \
                and any(w.lower() not in titles for w in run.split()):
            return run
    phrase = noun_phrase(head, _SUBJECT_MOST)
    if phrase is None and head.lower_ in titles:
        return _holder(head)
    return f"the {phrase}" if phrase and _bare_office(head) else phrase


def _holder(office: Any) -> str | None:
    """The name of an office's holder set off by commas in its phrase (``names.office_holder``):
    "The chair of Care Forum Wales, Mario Kreft, said" asks of Mario Kreft."""
    holder = office_holder(office)
    names = name_runs(spoken(list(holder.subtree))) if holder is not None else []
    return names[0] if len(names) == 1 else None


# Offices a story may name by their title alone ("Older People's Commissioner for Wales Sarah Rochira").
_OFFICES = _TITLE_WORDS | {"commissioner", "ombudsman", "inspector", "auditor", "coroner", "registrar", "regulator"}


def _bare_office(head: Any) -> bool:
    """Whether the subject is an office's capitalised title with no article, its holder named
    beside it or not at all: "What will Older People's Commissioner call on?" needs "the". A
    title owned by a name keeps none ("Tesco's Chief Executive", "Wales' First Minister"): only
    an owner of common words ("Older People's", "Children's") is part of the title."""
    if head.lower_ not in _OFFICES or not head.text[:1].isupper() or head.tag_ not in ("NN", "NNP"):
        return False
    phrase = _phrase(head)
    if any(t.dep_ in ("det", "poss") and t.tag_ in ("DT", "PRP$") for t in phrase):
        return False
    owners = [t for t in phrase if t.dep_ == "poss"]
    return all(w.tag_ in ("NNS", "NNPS", "JJ", "JJR") for o in owners for w in o.subtree if w.tag_ != "POS")


def _ampersand_name(head: Any) -> bool:
    """A name joined by "&" ("Marks & Spencer") is one name, not a list."""
    joined = [c for c in head.children if c.dep_ in ("conj", "cc")]
    return head.tag_ == "NNP" and {c.text for c in joined if c.dep_ == "cc"} == {"&"} and all(
        c.tag_ == "NNP" and c.i == head.i + 2 for c in joined if c.dep_ == "conj")


def noun_phrase(head: Any, most: int, preps: bool = True) -> str | None:
    """The noun's phrase (``_phrase``) as written, where it is one unbroken run of at most
    ``most`` words without pronouns or punctuation; a sentence's capital on a common word is
    dropped."""
    kept = sorted(_phrase(head, preps), key=lambda t: t.i)
    if not kept or len(kept) > most or any(t.tag_ in ("PRP", "WDT", "WP") for t in kept):
        return None
    # An owner's apostrophe ("Wales' First Minister") is no quotation mark.
    if any(t.text in ",;:()\"“”'`‘’" and t.tag_ != "POS" for t in kept) or kept[-1].i - kept[0].i + 1 != len(kept):
        return None
    return lowered(kept, spoken(kept))


_NAME_TAGS = frozenset({"NNP", "NNPS", "NN", "NNS", "JJ", "CD"})  # a capital these explain: "a High Court judge"


def lowered(kept: list[Any], text: str) -> str:
    """``text`` (the words of ``kept``) with a sentence's capital dropped from a common word."""
    first = kept[0]
    at_start = first.i == 0 or all(t.is_punct for t in first.doc[: first.i])
    # An owner's "'s" is passed over: "Children's Commissioner" is a title's capital.
    nxt = next((t for t in kept[1:] if t.tag_ != "POS"), None)
    common = first.tag_ in ("NN", "NNS", "JJ", "JJR", "JJS") and not (nxt is not None and nxt.tag_ == "NNP")
    common = common and not first.ent_type_ and not _DEMONYM.search(first.text)
    # A capitalised word after it that no tag but a name's explains ("A Just Russia": an adverb
    # written with a capital) makes the article part of the name.
    named = first.tag_ == "DT" and nxt is not None and nxt.text[:1].isupper() and nxt.tag_ not in _NAME_TAGS
    if at_start and not named and (first.tag_ in ("DT", "CD", "IN", "RB", "PDT") or common):
        return text[:1].lower() + text[1:]
    return text


def _phrase(head: Any, preps: bool = True) -> list[Any]:
    """A noun and what it holds, less its clauses and appositions (the subject of a heading,
    not its full description)."""
    out = [head]
    deps = _MODIFIERS | ({"prep"} if preps else set()) | ({"cc", "conj"} if _ampersand_name(head) else set())
    for child in head.children:
        # A preposition the parse left without its object ("Commissioner for [Wales Sarah
        # Rochira]", the name hung on the title as an apposition) would end the phrase on "for".
        if child.dep_ == "prep" and not any(c.dep_ in ("pobj", "pcomp") for c in child.children):
            continue
        if child.dep_ in deps:
            out += list(child.subtree)
    return out
