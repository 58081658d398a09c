"""The optional judge: a model asked only about borderline statements.

The protocol is one method on any object, a registered engine included::

    def judge(self, statement: str, evidence: list[str]) -> float | None

returning the probability that the evidence supports the statement, or None when it cannot tell.
A judge never sees a sentence that failed a figure, name, quote or attribution check.
"""

from __future__ import annotations

import logging
import math
from typing import Protocol, runtime_checkable

from ..engines import get_engine  # the registry only: engines/__init__ loads no engine module
from ..errors import EngineError, UsageError

log = logging.getLogger(__name__)


@runtime_checkable
class Judge(Protocol):
    def judge(self, statement: str, evidence: list[str]) -> float | None: ...


def resolve_judge(judge: str | Judge | None) -> Judge | None:
    """An engine name from the registry, or an object that already judges."""
    if judge is None or isinstance(judge, Judge):
        return judge
    engine = get_engine(judge)
    if not callable(getattr(engine, "judge", None)):
        raise UsageError(
            f"engine '{judge}' cannot judge statements; choose an engine with a judge, or leave out --judge"
        )
    return engine  # type: ignore[return-value]


def ask_judge(judge: Judge, statement: str, evidence: list[str]) -> float | None:
    try:
        p = judge.judge(statement, evidence)
    except EngineError as exc:
        log.warning("judge failed (%s); keeping the verifier's own verdict", exc)
        return None
    if p is None:
        return None
    p = float(p)
    if math.isnan(p):
        return None
    return min(1.0, max(0.0, p))
