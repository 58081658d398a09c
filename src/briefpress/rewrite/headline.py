"""A headline for a lead that reports what someone said: "Speaker: what they said".

A lead such as 'Tesco said in a statement that this is an "orderly and efficient exit from the US
market"' has no whole cut within a title's 70 characters: its claim is the reported clause, and a
cut at the width keeps the speaker and loses the news ("Tesco said in a statement"). The news
headline's form for it is the speaker, a colon, and the clause they said ('Tesco: This is an
"orderly and efficient exit from the US market"'): every word is the lead's, the
attribution stays, and the reported clause is told whole where it fits, else cut as every part of
the article cuts a sentence (adjuncts only).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..lexicon import REPORTING, forms
from ..nlp import spacy_pipeline
from .whole import drops_reason, fragment_reason

# Verbs that report speech, in the forms a lead uses: their clausal complement is what was said.
_REPORTING = forms(REPORTING, base=False)


def attributed_headline(sentence: str, limit: int, title: bool = False) -> str | None:
    """"Speaker: clause" within ``limit`` characters for a lead whose main verb reports speech, the
    speaker named as fully as fits (with a title, then the name alone); None where the lead is
    no such report, its clause is not whole, or nothing fits. With ``title``, the clause may also
    be cut at a word as a title may (``drops_reason``), so long as it stays a whole clause."""
    nlp = spacy_pipeline()
    if nlp is None:
        return None
    doc = nlp(sentence.strip())
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.lower_ not in _REPORTING:
        return None
    subject = [t for t in root.children if t.dep_ == "nsubj" and t.i < root.i]
    clause = next((t for t in root.children if t.dep_ == "ccomp" and t.i > root.i), None)
    if not subject or clause is None:
        return None
    from .compress import prefixes  # compress's title cut falls back on this module

    # The clause whole, else its whole cuts that drop adjuncts only (``compress.prefixes``), as
    # every part of the article tells a reported clause.
    whole = _clause_text(clause)
    forms = [f.rstrip(".") for f in [whole, *prefixes(whole + ".")]]
    forms += _title_cuts(whole) if title else []
    said = [f[:1].upper() + f[1:] for f in dict.fromkeys(forms)
            if f and fragment_reason(f + ".") is None and f.count('"') % 2 == 0]
    fitting = (f"{speaker}: {form}" for speaker in _speakers(doc, subject) for form in said)
    return next((h for h in fitting if len(h) <= limit), None)


def _title_cuts(clause: str) -> list[str]:
    """The clause cut at each word, longest first, where the cut drops only what a title may (never
    a kept verb's object or complement, a negation or a figure) and keeps a whole clause."""
    from .compress import _tidy

    ends = [m.start() for m in re.finditer(r"\s", clause)][::-1]
    cuts = (c for c in dict.fromkeys(_tidy(clause[:end]) for end in ends) if len(c.split()) >= 3)
    return [c for c in cuts if drops_reason(clause + ".", c, title=True) is None and fragment_reason(c + ".") is None]


def _clause_text(clause: Any) -> str:
    """The reported clause without its "that" and closing punctuation."""
    text = "".join(t.text_with_ws for t in clause.subtree).strip()
    return re.sub(r"^that\s+", "", text).rstrip(" .,;")


def _speakers(doc: Any, subject: list[Any]) -> list[str]:
    """The speaker as the lead names them, then the person's or body's name without a title."""
    start, end = min(t.left_edge.i for t in subject), max(t.right_edge.i for t in subject) + 1
    names = [e.text for e in doc.ents if e.label_ in ("PERSON", "ORG") and start <= e.start and e.end == end]
    return list(dict.fromkeys([doc[start:end].text, *names]))


def news_headline(sentences: Sequence[str], limit: int, subject: str = "") -> tuple[str, int] | None:
    """A headline that tells the news as a whole clause within ``limit`` characters, and which of
    ``sentences`` (the lead, then the key points) it tells: the lead's fullest whole form, else
    "Speaker: what they said" of the lead, else the first key point's fullest whole form that
    reads alone and names ``subject`` (the story's keyphrase: a point about something else is
    not the news), else the lead's speaker and what they said cut as a title may, naming
    ``subject`` (the planner drew it from the lead's title cut). None where none has one."""
    if not sentences:
        return None
    lead = whole_form(sentences[0], limit, alone=True) or attributed_headline(sentences[0], limit)
    if lead:
        return lead, 0
    for i, point in enumerate(sentences[1:], 1):
        form = whole_form(point, limit) if subject and subject.lower() in point.lower() else None
        if form and subject.lower() in form.lower():
            return form, i
    reported = attributed_headline(sentences[0], limit, title=True) if subject else None
    return (reported, 0) if reported and subject.lower() in reported.lower() else None


def whole_form(sentence: str, limit: int, alone: bool = False) -> str | None:
    """The fullest deletion-only form of ``sentence`` within ``limit`` characters, without final
    punctuation, that is a whole sentence, drops adjuncts only (``_longest_cut``: never the verb's
    object, a clause a kept word needs, a negation, a figure of what it keeps) and, unless the
    sentence reads ``alone`` as it stands (a lead: it opens the story), names what it speaks of
    (no "It" or "The show" whose antecedent a reader of the title has not seen)."""
    from .refer import orphan_reason
    from .split import split_clauses

    # Prefixes only: a verb phrase said of a subject it shares (``split.verb_phrases``) rests on
    # a parse that may give it the wrong one ("Ruiz said construction starts and should finish").
    forms = [f for f in (_longest_cut(v, limit) for v in _variants(sentence)) if f]
    pieces = split_clauses(sentence)
    if pieces and drops_reason(sentence, pieces[0], condensed=True) is None:
        forms.append(pieces[0].rstrip("."))
    fitting = [f for f in forms if len(f) <= limit and f.count('"') % 2 == 0]
    whole = [f for f in fitting if fragment_reason(f + ".") is None
             and (alone or orphan_reason(f + ".", []) is None)]
    # A title stands alone: "But" or "Also" ties it to a sentence the reader has not read.
    return max(whole, key=lambda f: (not _opens_with_connective(f), len(f)), default=None)


def _variants(sentence: str) -> list[str]:
    from .compress import variants  # compress's title cut falls back on this module

    return variants(sentence)


def _opens_with_connective(sentence: str) -> bool:
    from .compress import opens_with_connective as opens

    return opens(sentence)


def _longest_cut(sentence: str, limit: int) -> str | None:
    """The longest cut of ``sentence`` at a word boundary within ``limit`` (the sentence itself
    included) that is whole and drops what both a condensed form and a title may: a date (the
    sentence under the headline tells when), never a kept word's head or argument (a condensed
    form's rule) nor a figure outside a dropped clause (a title's)."""
    from .compress import _tidy

    text = sentence.strip()
    ends = [len(text)] + [m.start() for m in reversed(list(re.finditer(r"\s", text)))]
    for end in ends:
        candidate = _tidy(text[:end])
        if not candidate or len(candidate) > limit:
            continue
        if len(candidate.split()) < 3:
            return None
        if (fragment_reason(candidate + ".") is None and drops_reason(text, candidate, condensed=True) is None
                and drops_reason(text, candidate, title=True) is None):
            return candidate
    return None
