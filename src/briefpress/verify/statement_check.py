"""The statement checks: the sentence's meaning must follow from the sources (the support score
of ``statements``), settled by a judge only near the threshold, and it must pass no judgement of
its own that the sources never make."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..nlp import stem
from .judge import Judge, ask_judge
from .report import Reason
from .statements import BORDERLINE, Support

if TYPE_CHECKING:
    from .sources import SourceIndex

# Words that pass judgement on the news rather than report it. Writers pad with them ("a
# significant moment", "a landmark deal"); one the sources do not use is the writer's opinion.
_JUDGEMENT_WORDS = frozenset(
    """significant significance historic historical landmark milestone pivotal crucial unprecedented
    remarkable dramatic dramatically momentous groundbreaking major notable notably important
    importance key vital huge massive stunning shocking striking sweeping bold controversial
    turning-point breakthrough game-changer game-changing watershed testament""".split()
) | frozenset(  # a lesson drawn from the news: "The arrest highlights the financial troubles ..."
    """highlight highlights highlighted highlighting underscore underscores underscored underscoring
    underline underlines underlined underlining showcase showcases showcased showcasing illustrate
    illustrates illustrated illustrating""".split())
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z-]*")

# Stances: who praised, condemned or blamed whom. A stance the sources never report is the
# writer's: invented padding gives officials stances ("The mayor welcomed the plan"), and a
# retelling that turns "expressing respect for" into "criticized" reverses the fact, while the
# statement score, which weighs a new verb lightly, passes both. Each family is one stance in
# its forms and nouns: a source's "criticism" grounds "criticized". Words with an everyday other
# sense are left out ("back", "support", "attack", "defend", "champion", "blast", "warn").
_STANCE_FAMILIES = tuple(frozenset(stem(w) for w in family.split()) for family in """
    criticize criticise criticism critic critical
    praise
    condemn condemnation
    denounce denunciation
    slam
    hail
    applaud applause
    commend commendation
    laud
    welcome
    celebrate celebration
    reject rejection
    dismiss dismissal
    oppose opposition opponent
    deny denial
    accuse accusation
    blame
    threaten
    endorse endorsement
    protest protester protestor
    boycott
    apologize apologise apology
    regret
    mourn
    thank grateful gratitude
    refuse refusal""".strip().splitlines())
_STANCE_OF = {s: family for family in _STANCE_FAMILIES for s in family}


def check_judgements(text: str, index: SourceIndex) -> list[Reason]:
    """Evaluative words the sources never use: the sentence adds an opinion of its own."""
    reasons = []
    for m in _WORD_RE.finditer(text):
        word = m.group(0).lower()
        if word in _JUDGEMENT_WORDS and stem(word) not in index.all_stems:
            detail = f"'{m.group(0)}' is a judgement no source makes"
            reasons.append(Reason(kind="statement", text=m.group(0), detail=detail))
    return reasons


_RESTS_ON = 0.2  # the share of the sentence's words a fact holds for the sentence to rest on it


def check_stances(text: str, index: SourceIndex, support: Support) -> list[Reason]:
    """Stances no source reports of what the sentence tells: a word of a stance
    (``_STANCE_FAMILIES``) where no fact the sentence rests on holds a word of its family (the
    whole sources where it rests on none): critics of one plan ground no criticism of another."""
    resting = [index.stem_sets[i] for i, share in support.facts if share >= _RESTS_ON]
    grounds = set().union(*resting) if resting else index.all_stems
    reasons = []
    for m in _WORD_RE.finditer(text):
        family = _STANCE_OF.get(stem(m.group(0)))
        if family is not None and not family & grounds:
            detail = f"'{m.group(0)}' is a stance no source reports"
            reasons.append(Reason(kind="statement", text=m.group(0), detail=detail))
    return reasons


# A cause the writer states ("was arrested because he was part of a scheme") needs a source that
# gives one: "on fraud charges" or "as part of" set a charge beside the arrest, and a writer who
# turns it into a cause says more than the sources do. A news "after" ("embroiled in controversy
# after it was accused of ...") is read as the cause it is usually meant as.
# ("due to" is left out: "are due to take part" schedules, it gives no cause.)
_CAUSE_TOLD = re.compile(r"\b(?:because|owing to|as a result of|thanks to)\b", re.I)
_CAUSE_GIVEN = re.compile(r"\b(?:because|due to|owing to|as a result|thanks to|caus\w*|led to|leads? to|"
                          r"result\w*|reasons?|why|since|so that|therefore|blam\w*|prompt\w*|trigger\w*|after)\b", re.I)


def check_causes(text: str, index: SourceIndex, support: Support) -> list[Reason]:
    """A cause the sentence states where none of the facts it rests on gives one."""
    m = _CAUSE_TOLD.search(text)
    resting = [index.facts[i].text for i, share in support.facts[:2] if share >= _RESTS_ON]
    if m is None or not resting or any(_CAUSE_GIVEN.search(fact) for fact in resting):
        return []
    return [Reason(kind="statement", text=m.group(0), detail=f"'{m.group(0)}' states a cause the sources do not give")]


def support_reason(text: str, support: Support, threshold: float) -> Reason | None:
    """The reason against the statement itself: a contradiction, or support below ``threshold``."""
    if support.contradiction:
        return Reason(kind="contradiction", text=text, detail=support.contradiction)
    if support.score < threshold:
        missing = ", ".join(support.missing[:6])
        detail = f"support {support.score:.2f} is below {threshold:.2f}"
        detail += f"; the sources lack: {missing}" if missing else ""
        return Reason(kind="statement", text=text, detail=detail)
    return None


def judged(reasons: list[Reason], text: str, support: Support, index: SourceIndex, judge: Judge | None,
           threshold: float) -> list[Reason]:
    """``reasons`` with the statement's own settled by ``judge``, where the support is borderline
    and no harder check failed (``reasons`` then holds at most the statement reason)."""
    if judge is None or support.contradiction or abs(support.score - threshold) >= BORDERLINE:
        return reasons
    verdict_p = ask_judge(judge, text, [index.facts[i].text for i, _ in support.facts])
    if verdict_p is None:
        return reasons
    reasons = [r for r in reasons if r.kind != "statement"]
    if verdict_p < 0.5:
        reasons.append(Reason(kind="statement", text=text, detail=f"the judge found no support (p={verdict_p:.2f})"))
    return reasons
