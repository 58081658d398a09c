"""Scores: the figures a match report gives each side ("Gateshead 1, Guiseley 1", "won 2-1").

The figure check sees a score as two bare numbers, and a match's live text gives every number a
score can take (0 and 1 at half-time, 1 and 1 at the end), so "Gateshead beat Guiseley 1-0"
passed it. Here a score is a pair: told right, some source sentence gives the same sides the same
figures together, the side said to win has the higher one, and a result ("ended", "beat") is
the one a source gives as the result, not a half-time score.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .report import Reason

if TYPE_CHECKING:
    from .sources import SourceIndex

_SIDE = r"[A-Z][\w'’.&-]*(?:\s+(?:[A-Z][\w'’.&-]*|of|de|la))*"
# Live text and tables: "Gateshead 1, Guiseley 1"; a result line: "Gateshead 1-0 Guiseley".
_NAMED = re.compile(rf"(?P<a>{_SIDE})\s+(?P<x>\d{{1,2}})(?:,\s+|\s*[-–]\s*(?=\d{{1,2}}\s+[A-Z]))"
                    rf"(?:(?P<b>{_SIDE})\s+(?P<y>\d{{1,2}})|(?P<y2>\d{{1,2}})\s+(?P<b2>{_SIDE}))\b")
# A bare score in words that make it one: "beat them 2-1", "a 1-1 draw", "ended 0-0".
_BARE = re.compile(r"(?<![\d.,/-])(?P<x>\d{1,2})\s*[-–]\s*(?P<y>\d{1,2})(?![\d.,/-]?\d)")
_SCORE_WORDS = re.compile(r"\b(?:beat|beats|beaten|defeat(?:s|ed)?|won|win|wins|victory|lost|loss|lose|loses|"
                          r"drew|draw|drawn|ended|ends|finished|lead|led|leads|trail(?:s|ed)?|score|scoreline|"
                          r"thrash(?:ed)?|edged?|hammered|level)\b", re.I)
_WINS = re.compile(r"\b(?:beat|beats|defeated|defeats|overcame|edged|thrashed|hammered|won|wins|led|leads|lead)\b",
                   re.I)
_LOSES = re.compile(r"\b(?:lost|loses|lose|fell|trailed|trails|trail|beaten|defeated by)\b", re.I)
# What makes a sentence a result: the match's end, or a side's win, loss or draw.
_RESULT = re.compile(r"\b(?:(?:match|game)\s+(?:ends|ended)|ended|full[- ]time|final score|beat|beats|defeated|"
                     r"won|win|lost|drew|draw|victory|defeat)\b", re.I)
# A score part of the way through: the live text's running lines, a score at half-time.
_PART_TIME = re.compile(r"half[- ]time|\bat the (?:break|interval)\b|\bfirst half ends\b|\bhalf begins\b|"
                        r"\bgoal!", re.I)
_LEAD_WORDS = re.compile(r"^(?:Match ends|Second Half ends|First Half ends|Second Half begins|Goal!?|Full[- ]time)"
                         r"[\s,!]*", re.I)


@dataclass(frozen=True)
class Score:
    text: str
    sides: tuple[str, ...]  # lower-case names, as many as the text ties to the figures (none, or two)
    values: tuple[int, int]


def _side(name: str) -> str:
    return _LEAD_WORDS.sub("", name).strip().lower()


def extract(text: str, loose: bool = False) -> list[Score]:
    """The scores of ``text``: named pairs first, then bare ones in score words, or, ``loose``
    (a source's, which only grounds), every pair of small figures ("a 3-1 first leg advantage")."""
    found: list[Score] = []
    taken: list[tuple[int, int]] = []
    for m in _NAMED.finditer(text):
        a, b = _side(m.group("a")), _side(m.group("b") or m.group("b2"))
        y = m.group("y") or m.group("y2")
        if a and b and a != b:
            found.append(Score(m.group(0), (a, b), (int(m.group("x")), int(y))))
            taken.append(m.span())
    if not (loose or _SCORE_WORDS.search(text)):
        return found
    for m in _BARE.finditer(text):
        if not any(s <= m.start() < e for s, e in taken):
            found.append(Score(m.group(0), (), (int(m.group("x")), int(m.group("y")))))
    return found


def _same_side(a: str, b: str) -> bool:
    wa, wb = set(a.split()), set(b.split())
    return wa <= wb or wb <= wa


def _as_sides(score: Score, sides: tuple[str, ...]) -> tuple[int, int] | None:
    """``score``'s figures in the order of ``sides``, or None where it is not those sides' score."""
    if len(score.sides) != 2:
        return None
    if _same_side(score.sides[0], sides[0]) and _same_side(score.sides[1], sides[1]):
        return score.values
    if _same_side(score.sides[0], sides[1]) and _same_side(score.sides[1], sides[0]):
        return score.values[1], score.values[0]
    return None


def _bare_sides(text: str, score: Score, known: list[tuple[str, ...]]) -> Score:
    """A bare score given its sides from the sentence: the two sides of a source score that
    the sentence names, the first one named ordered by its verb ("A beat B 2-1": A has 2)."""
    lower = text.lower()
    for sides in known:
        at = [lower.find(s) for s in sides]
        if max(at) < 0:
            continue
        # One side named ("Gateshead led 1-0"): its verb runs up to the score.
        first, second = (sides[0], sides[1]) if at[1] < 0 or 0 <= at[0] < at[1] else (sides[1], sides[0])
        between = text[min(a for a in at if a >= 0) : max(at) if min(at) >= 0 else text.find(score.text)]
        high, low = max(score.values), min(score.values)
        if _WINS.search(between) and not _LOSES.search(between):
            return Score(score.text, (first, second), (high, low))
        if _LOSES.search(between):
            return Score(score.text, (first, second), (low, high))
        return score
    return score


def _told(values: tuple[int, int], given: tuple[int, int], ordered: bool) -> bool:
    return values == given if ordered else sorted(values) == sorted(given)


def _given(score: Score, index: SourceIndex, facts: list[int]) -> list[tuple[tuple[int, int], bool, str]]:
    """What the facts ``facts`` give for ``score``'s sides: (figures, whether in ``score``'s
    order, the source's words) for each source score of those sides, or of any where it has none."""
    out = []
    for i in facts:
        for s in index.scores[i]:
            if score.sides:
                ordered = _as_sides(s, score.sides)
                if ordered is not None:
                    out.append((ordered, True, s.text))
            else:
                out.append((s.values, False, s.text))
    return out


def _result_facts(index: SourceIndex) -> list[int]:
    """The facts whose scores may be a result: all but the half-time ones and the live text's
    running lines (a score alone, after its "Goal!")."""
    return [i for i, fact in enumerate(index.facts) if index.scores[i] and not _PART_TIME.search(fact.text)
            and not _NAMED.fullmatch(fact.text.strip().rstrip("."))]


def check_scores(text: str, index: SourceIndex) -> list[Reason]:
    """Contradictions in the scores ``text`` tells, where the sources give scores at all."""
    every = [i for i, scores in enumerate(index.scores) if scores]
    if not every:
        return []
    known = [s.sides for i in every for s in index.scores[i] if s.sides]
    result = bool(_RESULT.search(text)) and not _PART_TIME.search(text)
    pool = _result_facts(index) if result else every
    reasons = []
    for score in extract(text):
        if not score.sides:
            score = _bare_sides(text, score, known)
        given = _given(score, index, pool or every)
        if not given or any(_told(score.values, g, ordered) for g, ordered, _ in given):
            continue
        what = "result" if result and pool else "score"
        # The source's score with these figures shows whose they are; else the first it gives.
        shown = next((words for g, _, words in given if sorted(g) == sorted(score.values)), given[0][2])
        reasons.append(Reason(kind="number", text=score.text,
                              detail=f"the sources give the {what} as '{shown}', not '{score.text}'"))
    return reasons
