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
from typing import Any

from ..nlp import spacy_pipeline
from .whole import fragment_reason

# Verbs that report speech, in the forms a lead uses: their clausal complement is what was said.
_REPORTING = frozenset(
    "said says told tells announced announces stated states added adds warned warns confirmed confirms "
    "claimed claims argued argues insisted insists revealed reveals".split())


def attributed_headline(sentence: str, limit: int) -> str | None:
    """"Speaker: clause" within ``limit`` characters for a lead whose main verb reports speech, the
    speaker named as fully as fits (with a title, then the name alone); None where the lead is
    no such report, its clause is not whole, or nothing fits."""
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
    said = [f[:1].upper() + f[1:] for f in dict.fromkeys(forms)
            if f and fragment_reason(f + ".") is None and f.count('"') % 2 == 0]
    fitting = (f"{speaker}: {form}" for speaker in _speakers(doc, subject) for form in said)
    return next((h for h in fitting if len(h) <= limit), None)


def _clause_text(clause: Any) -> str:
    """The reported clause without its "that" and closing punctuation."""
    text = "".join(t.text_with_ws for t in clause.subtree).strip()
    return re.sub(r"^that\s+", "", text).rstrip(" .,;")


def _speakers(doc: Any, subject: list[Any]) -> list[str]:
    """The speaker as the lead names them, then the person's or body's name without a title."""
    start, end = min(t.left_edge.i for t in subject), max(t.right_edge.i for t in subject) + 1
    names = [e.text for e in doc.ents if e.label_ in ("PERSON", "ORG") and start <= e.start and e.end == end]
    return list(dict.fromkeys([doc[start:end].text, *names]))
