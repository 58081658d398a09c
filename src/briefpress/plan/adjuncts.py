"""What a clause tells besides who did what to whom, as a question asks it: why ("after he was
accused"), by how much ("fell by nearly 8%") and when ("on Tuesday", "on 15 minutes"), read off
spaCy's parse; and the verb's base form and the tokens' words that every question is built of.
"""

from __future__ import annotations

import re
from typing import Any

from .answering import MATCH_TIME
from .names import TIME_WORD

# What a sentence gives as the reason for its event: a clause opened by one of these words.
# Events that prompt what follows them: "after" one of these says why ("after being accused").
_PROMPTING_VERBS = frozenset("""accuse charge find reveal admit win lose fail criticise criticize arrest
    convict report discover expose allege""".split())
# Prepositional phrases that give a reason ("arrested on fraud charges").
REASON_NOUNS = re.compile(r"^(?:charges?|suspicion|allegations?|accusations?|grounds)$")
# A figure, not a digit in a name ("by the A2" is a road).
_FIGURE = re.compile(r"(?<![A-Za-z])\d|\b(?:million|billion|trillion|percent|per cent|half)\b", re.I)


def lemma(token: Any) -> str | None:
    try:
        from lemminflect import getLemma
    except ImportError:  # the verify extra is missing: no base forms, no formed questions
        return None
    found = getLemma(token.lower_, upos="VERB")
    return found[0] if found else None


def spoken(tokens: list[Any]) -> str:
    """The tokens as written, spaced as the sentence spaced them."""
    return "".join(t.text_with_ws for t in tokens).strip()


def gives_reason(verb: Any) -> bool:
    """The sentence gives why: a "because" clause, a charge ("arrested on fraud charges"), or an
    "after" clause or phrase whose event prompts the news ("apologised after winning", "resigned
    after he was accused"); any other "after" says when, not why."""
    for c in verb.children:
        marks = {m.lower_ for m in c.children if m.dep_ == "mark"}
        if c.dep_ == "advcl" and ("because" in marks or ("after" in marks and _prompts(c))):
            return True
        if c.dep_ == "prep" and c.lower_ == "after" and any(p.dep_ == "pcomp" and _prompts(p) for p in c.children):
            return True
        if c.dep_ == "prep" and c.lower_ in ("on", "over", "for") and any(
            p.dep_ == "pobj" and REASON_NOUNS.match(p.lower_) for p in c.children
        ):
            return True
    return False


def _prompts(verb: Any) -> bool:
    return (lemma(verb) or "") in _PROMPTING_VERBS


def measured_by_figure(verb: Any) -> bool:
    """A change measured by a figure: "fell by nearly 8%"."""
    return any(c.dep_ == "prep" and c.lower_ == "by" and _FIGURE.search(spoken(list(c.subtree))) for c in verb.children)


def asks_time(verb: Any) -> str | None:
    """The wh-words that ask the verb's time: "When", or "Since when" for a span that starts at
    it ("has run at a loss since opening in 2015"); None where the verb has no time."""
    for c in verb.children:
        # The phrase's first words: what follows them ("on 15 minutes against the run of play")
        # says more of the moment, not another one.
        span = spoken(list(c.subtree)[:4])
        when = TIME_WORD.search(span) or MATCH_TIME.search(span)
        if c.dep_ in ("prep", "npadvmod") and c.i > verb.i and when:
            return "Since when" if c.lower_ == "since" else "When"
    return None
