"""The whole forms of a fact that the parts other than the body may tell it in: its deletion-only
cuts (``compress``, ``split``), and a plain report told the other way round (``reported``), so a
fact with one cut is not pasted into every part (FORMAT.md, "Telling each fact once")."""

from __future__ import annotations

import functools

from ..text import ensure_period
from .compress import opens_with_connective, prefixes, variants
from .reported import reported_forms
from .split import split_clauses, verb_phrases
from .whole import drops_reason, fragment_reason


def condensed_forms(text: str, condensed: bool = True) -> list[str]:
    """Every whole form of a sentence, the sentence itself included: its deletion-only cuts, then
    each of those that is a plain report with its attribution moved ("Y, X said.", "According to
    X, Y."). Where some do not open with a linking word ("But", "Also"), only those (a condensed
    form stands alone). With ``condensed`` (the writer's parts other than the body), cuts that drop
    a point-in-time date or a figure's phrase too (never a span of time): the body tells every fact
    whole, so a shorter form elsewhere loses nothing from the article."""
    return list(_condensed_forms(text, condensed))


def reworded(text: str, form: str) -> bool:
    """Whether ``form`` tells the sentence ``text`` in another order of words than the source's."""
    return form in _reworded(text)


@functools.lru_cache(maxsize=4096)
def _reworded(text: str) -> frozenset[str]:
    return frozenset(r for f in _cuts(text, True) for r in reported_forms(f))


@functools.lru_cache(maxsize=4096)  # every part asks again for the same facts' forms, and a cut parses
def _condensed_forms(text: str, condensed: bool) -> tuple[str, ...]:
    whole = list(_cuts(text, condensed))
    whole += [r for f in whole for r in reported_forms(f) if fragment_reason(r) is None]
    whole = list(dict.fromkeys(whole))
    return tuple([f for f in whole if not opens_with_connective(f)] or whole)


@functools.lru_cache(maxsize=4096)
def _cuts(text: str, condensed: bool) -> tuple[str, ...]:
    forms = [ensure_period(c) for v in variants(text) for c in prefixes(v, condensed=condensed)]
    # The first of two whole clauses a sentence joins ("X opened the scoring and Y took ...") is a
    # form of it too: it holds the sentence's subject, so it reads alone.
    pieces = split_clauses(text)
    # ... unless the clause it drops is a contrast ("would co-operate [but believed ...]")
    forms += [ensure_period(pieces[0])] if pieces and not drops_reason(text, pieces[0], condensed=condensed) else []
    # Each of two verb phrases its subject shares, said of that subject.
    forms += verb_phrases(text) if condensed else []
    return tuple(dict.fromkeys(f for f in forms if fragment_reason(f) is None))
