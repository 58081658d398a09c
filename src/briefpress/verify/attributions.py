"""Attributions: "according to X", "X said", "analysts say", "experts from X note", "per data from X".

The named or implied source must be in the sources: a named one as a name, an implied one
("analysts", "experts", "economists") as that kind of person or body, mentioned by the sources.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import alternation, forms
from ..nlp import stem

_GENERIC = (
    r"analysts?|experts?|economists?|observers?|critics?|officials?|sources?|researchers?|scientists?|"
    r"insiders?|investors?|residents?|lawmakers?|commentators?|specialists?|scholars?|doctors?|"
    r"studies|polls?|surveys?|reports?|data|figures|estimates?|forecasts?|insiders?|industry watchers?"
)
# The verbs of saying a generic source takes ("analysts say", "experts note"), and verbs of
# belief, evidence and finding that attribute a claim as firmly.
_CUE = alternation(forms({"say", "note", "warn", "argue", "claim"}) | frozenset("""
    believe believes believed expect expects expected estimate estimates estimated agree agreed suggest suggests
    suggested show shows showed predict predicts predicted caution cautioned found find finds""".split())
                   | {"point out", "pointed out"})
# Each further word needs its own capital and the space before it: no nested optional parts, so
# matching stays linear on long runs of capitals.
_NAME = r"(?:the\s+)?[A-Z][\w’'.&-]*(?:(?:\s+(?:of|for|and|on|de|van|von|&))?\s+[A-Z][\w’'.&-]*)*"
_PATTERNS = (
    re.compile(rf"(?i:\baccording to)\s+(?P<who>{_NAME}|"
               rf"(?i:(?:the\s+|some\s+|many\s+|several\s+|leading\s+)?(?:{_GENERIC}))\b)"),
    re.compile(r"\b(?:per|citing)\s+(?:data|figures|a report|a study|a survey|research|estimates)"
               rf"\s+(?:from|by)\s+(?P<who>{_NAME})"),
    re.compile(r"\b(?:a|an|the|new|recent)?\s*(?:study|report|survey|poll|analysis|research|review|data)"
               rf"\s+(?:by|from|of)\s+(?P<who>{_NAME})"),
    re.compile(r"(?i:\b(?P<generic>(?:many|some|several|most|leading|independent|industry|local|senior|top)?\s*"
               rf"(?:{_GENERIC})))"
               rf"(?:\s+(?:from|at|with|of)\s+(?P<who>{_NAME}))?\s+(?i:(?:{_CUE}))\b"),
)


@dataclass(frozen=True)
class Attribution:
    text: str
    start: int
    end: int
    who: str  # a name ("" when only implied)
    generic: str  # the implied kind of source, e.g. "analysts" ("" when named)


def extract(text: str) -> list[Attribution]:
    out: list[Attribution] = []
    seen: set[tuple[int, int]] = set()
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if (m.start(), m.end()) in seen:
                continue
            seen.add((m.start(), m.end()))
            who = (m.groupdict().get("who") or "").strip()
            generic = (m.groupdict().get("generic") or "").strip()
            if who and not who[:1].isupper() and not who.lower().startswith("the "):
                generic, who = who, ""  # "according to analysts"
            if who and not any(ch.isupper() for ch in who):
                generic, who = who, ""
            who = re.sub(r"^(?:the|The)\s+", "", who).rstrip(" .,'’")
            out.append(Attribution(m.group(0).strip(), m.start(), m.end(), who, generic))
    return out


def generic_stem(generic: str) -> str:
    word = generic.lower().split()[-1]
    return stem({"studies": "study", "data": "data", "figures": "figure"}.get(word, word))
