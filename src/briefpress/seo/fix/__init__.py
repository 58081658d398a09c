"""Fix only what fails an SEO or readability check, within the grounding rules.

Nothing here writes a new claim. Every change is one of: choosing the keyphrase (metadata, only
when the caller gave none; ``keyphrase``), deleting words at a clause boundary or before a closing
phrase (``compress``; in a part already under its FORMAT.md size too, while one part keeps the
sentence whole), splitting a sentence where it joins two whole clauses, or before a closing
relative clause that then names what it is about (``split``), putting a passive clause that names
its doer in the active voice (``active``; all three in ``sentences``), opening a sentence with an
additive connective (``transitions``), re-selecting existing source sentences for the meta
description or cutting the headline (``meta``), splitting a paragraph in two or dropping trailing
sentences (``sizes``), dropping the topic from a question or naming the keyphrase there instead,
or referring back to a repeated keyphrase with the pronoun the sources use for it (``refer``; both
in ``questions``). A split, an active rewrite or a pronoun is made only where the grounding check
passes each new sentence on its own; a change that lowers a score is undone (``judge``).
``improve`` runs them all.
"""

from __future__ import annotations

from .improve import FIXERS, Fixer, improve, keyphrase_parts
from .judge import Grounded

__all__ = ["FIXERS", "Fixer", "Grounded", "improve", "keyphrase_parts"]
