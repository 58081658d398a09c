"""Gerunds and the prepositions that complete them: "by looking" says nothing without "at ...",
where "despite leading" is whole without "with 10 minutes remaining". A cut may not leave the
first kind bare (``whole.drops_reason``)."""

from __future__ import annotations

from typing import Any

_SELECTS = {gerund: preps.split("/") for gerund, preps in (pair.split(":") for pair in """
    looking:at/into/for relying:on depending:on focusing:on referring:to responding:to reacting:to
    dealing:with calling:for asking:for waiting:for pointing:to accounting:for consisting:of belonging:to
    resulting:in leading:to contributing:to applying:for/to listening:to searching:for working:on
    complying:with investing:in paying:for insisting:on objecting:to""".split())}


def bare_gerund(verb: Any, prep: Any, end: int) -> bool:
    """Whether a cut at ``end`` keeps ``verb``, a gerund after a preposition ("by looking"), with
    nothing kept of what it does, and drops ``prep``, the preposition that completes it."""
    return verb.idx < end and verb.tag_ == "VBG" and verb.dep_ == "pcomp" and prep.lower_ in _SELECTS.get(
        verb.lower_, ()) and not any(c.idx < end and c.dep_ in ("dobj", "attr", "prt", "ccomp") for c in verb.children)
