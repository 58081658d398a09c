"""Copies: outside the summary no sentence tells again, word for word, another part's sentence
(FORMAT.md, "Telling each fact once"). The engines tell each fact in the form no part has told
yet where they can, but the parts are written one by one and then cut and split for the checks,
so the same sentence can still end up in a section, an FAQ answer and a takeaway.

Of the parts that hold one sentence, the one whose telling it is keeps it (``_KEEPER``: the body
tells the whole story, the meta description is the search snippet, a section answers its
question in full); each other copy becomes a condensed form of its fact that no part tells (a
deletion, checked like any new sentence), else goes where its part keeps the sentence that answers
its question, or its FAQ pair or takeaway goes while more than the fewest remain; where the
fewest remain, a section that tells the sentence after its first one loses it instead. A copy
nothing can replace stays: a fact told twice is better than a part left empty or below
FORMAT.md's fewest pairs and bullets.
Like every fixer's, a change is kept only where neither score falls (a copy that names the
keyphrase often holds the density up: on a thin brief that one stays).
"""

from __future__ import annotations

from collections.abc import Callable

from ...edit import EditableArticle, field_of
from ...editorial import norm_words
from ...plan.labels import takeaway_label
from ...rewrite.forms import condensed_forms
from ...rewrite.refer import orphan_reason
from ...rewrite.whole import fragment_reason
from ...spec import FAQ_MIN, TAKEAWAY_MAX_WORDS, TAKEAWAYS_MIN
from ...storylines import as_told
from ..language import TRANSITION_WORDS
from .judge import Audits, Grounded, always, both, worse
from .questions import ask_of_answers, fix_questions, still_answered
from .sizes import sentences_of
from .transitions import fix_transitions, without_connective

# A way to mend one copy in place: whether it changed the draft.
Mend = Callable[[EditableArticle, str, str, Grounded], bool]
# Which part keeps a sentence that several tell, first first.
_KEEPER = ("body", "meta_description", "sections", "conclusion", "faq", "takeaways")
# A condensed form of an FAQ answer or takeaway: within a takeaway's size, as the engines write them.
_CONDENSED_MOST = {"faq": TAKEAWAY_MAX_WORDS, "takeaways": TAKEAWAY_MAX_WORDS}


def copy_key(sentence: str) -> str:
    """What a sentence says, word for word: its words in lower case, without the connective that
    only links it to the sentence before ("Also, X" copies "X")."""
    return norm_words(without_connective(sentence))


def _told(draft: EditableArticle) -> list[tuple[str, str]]:
    """Every (part, sentence) outside the headline, the summary, the questions and the labels."""
    return [(part, s) for part, text in draft.parts("all")
            if part != "headline" and not part.startswith("summary[") and not part.endswith((".question", ".label"))
            for s in sentences_of(text)]


def _copies(draft: EditableArticle) -> list[tuple[str, str]]:
    """The (part, sentence) pairs that copy a sentence a part ranked above them in ``_KEEPER``
    tells (or, in the same kind of part, one read before them); never a body or meta sentence."""
    told = _told(draft)
    kept: dict[str, tuple[int, int]] = {}
    for n, (part, s) in enumerate(told):
        rank = (_KEEPER.index(field_of(part)), n)
        key = copy_key(s)
        if key and (key not in kept or rank < kept[key]):
            kept[key] = rank
    return [(part, s) for n, (part, s) in enumerate(told)
            if (key := copy_key(s)) and kept[key][1] != n and field_of(part) not in ("body", "meta_description")]


def _fresh_form(draft: EditableArticle, part: str, sentence: str, grounded: Grounded) -> str | None:
    """The fullest condensed form of the copy's one fact that no part tells, shorter than the copy
    and within its part's size, that reads on where the copy stood and passes the check; where a
    takeaway copies its fact's shortest form, the shortest longer one within that size (the Takaichi
    takeaway copied the section's "Market reactions included gains ..." and its fuller form,
    18 words, was told nowhere)."""
    entry = draft.evidence_for(part, sentence)
    ids = (entry or {}).get("facts") or []
    if len(ids) != 1:
        return None  # a sentence joining facts has no one fact to condense
    fact = next((f for f in draft.data.get("facts", []) if f["id"] == ids[0]), None)
    text = as_told(fact["text"]) if fact is not None else None  # a caption or live text is no form
    if text is None:
        return None
    told = {copy_key(s) for _, s in _told(draft)}
    here = sentences_of(draft.get(part))
    before = here[: here.index(sentence)] if sentence in here else []
    most = _CONDENSED_MOST.get(field_of(part), len(sentence.split()))
    forms = [f for f in condensed_forms(text)
             if copy_key(f) not in told and len(f.split()) <= most and len(f) != len(sentence)
             and draft.allows(f) and fragment_reason(f) is None and orphan_reason(f, before) is None]
    shorter = sorted((f for f in forms if len(f) < len(sentence)), key=len, reverse=True)
    # An FAQ pair that only a fuller form would save goes instead, where it can (``_drop``).
    fuller = sorted(forms, key=len) if field_of(part) == "takeaways" else []
    for form in shorter or fuller:
        if grounded([form]) and still_answered(draft, part, sentence, form):
            return form
    return None


def _replace(draft: EditableArticle, part: str, sentence: str, form: str) -> bool:
    """Write ``form`` for the copy; a takeaway whose label names what the form leaves out is
    labelled again from the form (a label promises what its bullet tells)."""
    if not draft.replace_sentence(part, sentence, form):
        return False
    if field_of(part) == "takeaways":
        label_path = part.replace(".text", ".label")
        label = draft.get(label_path)
        if not all(word in form.lower() for word in label.lower().split()):
            taken = [t["label"] for t in draft.data["takeaways"] if t["label"] != label]
            draft.replace_sentence(label_path, label, takeaway_label(form, taken, keyphrase=draft.data["keyphrase"]))
    return True


def _drop(draft: EditableArticle, part: str, sentence: str) -> bool:
    """Take the copy out: its sentence where the part keeps another and it is not the first (which
    answers the question over it), else its FAQ pair or takeaway while more than the fewest
    remain; whether anything went."""
    field = field_of(part)
    told = sentences_of(draft.get(part))
    if len(told) > 1 and told[0] != sentence:  # a first sentence answers the question over it
        at = told.index(sentence) if sentence in told else -1
        after = told[at + 1] if 0 <= at < len(told) - 1 else None
        if after is not None and without_connective(after) != after:
            # what follows was linked to the copy by a connective of ours: the link goes with it
            if not draft.replace_sentence(part, after, without_connective(after)):
                return False
        elif after is not None and after.split(" ", 1)[0].strip(",").lower() in TRANSITION_WORDS:
            return False  # the source's own "But" would link it to another fact: the copy stays
        draft.drop_sentence(part, sentence)
    elif field == "faq" and len(draft.data["faq"]) > FAQ_MIN:
        draft.set(part, "")
    elif field == "takeaways" and len(draft.data["takeaways"]) > TAKEAWAYS_MIN:
        draft.set(part, "")
    else:
        return False
    draft.prune()
    return True


def _drop_from_section(draft: EditableArticle, part: str, sentence: str, _grounded: Grounded) -> bool:
    """Where an FAQ pair or takeaway can neither condense nor lose its copy (the fewest pairs or
    bullets remain), the section that tells the sentence after its first one loses it instead:
    the pair needs it, the section only adds it."""
    if field_of(part) not in ("faq", "takeaways"):
        return False
    key = copy_key(sentence)
    for section, text in draft.parts():  # prose: the answers, not the questions
        held = next((s for s in sentences_of(text)[1:] if copy_key(s) == key), None)
        if field_of(section) == "sections" and held is not None:
            return _drop(draft, section, held)
    return False


def fix_copies(draft: EditableArticle, grounded: Grounded = always) -> None:
    """Each copy (``_copies``), in reading order, in a fresh condensed form, else out of its part
    (see the module's note), with the connectives tried again; kept where there are fewer copies,
    neither score falls and no filler connective had to be added, logged as "copy". Then, for the
    copies left, a section's later sentence that a pair or bullet needs goes instead
    (``_drop_from_section``)."""
    current = both(draft.article())
    for mend in (_mend, _drop_from_section):
        tried: set[tuple[str, str]] = set()
        while True:
            found = _copies(draft)
            todo = [c for c in found if c not in tried]
            if not todo:
                break
            tried.add(todo[0])
            current = _attempt(draft, *todo[0], len(found), mend, grounded, current)


def _mend(draft: EditableArticle, part: str, sentence: str, grounded: Grounded) -> bool:
    form = _fresh_form(draft, part, sentence, grounded)
    return _replace(draft, part, sentence, form) if form else _drop(draft, part, sentence)


def _attempt(draft: EditableArticle, part: str, sentence: str, copies: int, mend: Mend, grounded: Grounded,
             current: Audits) -> Audits:
    """``mend`` the copy of ``sentence`` at ``part``, kept where it leaves fewer than ``copies``
    and the scores hold (see ``fix_copies``); the audits the article now stands at."""
    saved = draft.snapshot()
    logged = len(draft.changes)
    done = mend(draft, part, sentence, grounded)
    if done and field_of(part) in ("sections", "faq"):
        # the answer has changed under its question: "What are the key figures on X?" kept
        # over an answer whose figure went with the copy
        ask_of_answers(draft)
    if done and len(_copies(draft)) < copies:
        trial = both(draft.article())
        if worse(trial, current):  # the sentences the check counts have changed: connectives again
            fix_transitions(draft, grounded)
            trial = both(draft.article())
        if worse(trial, current) and field_of(part) == "faq":
            # a pair gone changes the share of headings that name the keyphrase: ask again
            fix_questions(draft, grounded)
            trial = both(draft.article())
        filler = "filler transition" in draft.changes[logged:]  # a link only filler makes up for
        if not worse(trial, current) and not filler:
            draft.changes.append("copy")
            return trial
    draft.restore(saved)
    del draft.changes[logged:]
    return current
