"""Model engines answer the verifier's judge protocol; a judge never overturns a failed check."""

from __future__ import annotations

import pytest

from briefpress.engines.fake import ScriptedEngine
from briefpress.engines.model import JUDGE_NO, JUDGE_YES
from briefpress.verify import check_sentences
from briefpress.verify.judge import Judge, resolve_judge

from .conftest import needs_smollm2


@pytest.mark.parametrize(
    ("answer", "expected"),
    [("Yes.", JUDGE_YES), ("no", JUDGE_NO), ("<think>maybe yes</think>No.", JUDGE_NO), ("I cannot tell.", None)],
)
def test_model_engine_judges_yes_no_or_nothing(answer: str, expected: float | None) -> None:
    engine = ScriptedEngine(responses=[answer])
    assert isinstance(engine, Judge)
    assert engine.judge("Mayor Ruiz backed the plan.", ["Mayor Ana Ruiz said she backed the plan."]) == expected
    part, messages = engine.requests[0]
    assert part == "judge"
    assert "[E1] Mayor Ana Ruiz said she backed the plan." in messages[0]["content"]
    assert "Mayor Ruiz backed the plan." in messages[-1]["content"]


def test_registered_model_engines_resolve_as_judges() -> None:
    assert resolve_judge("scripted") is not None


def test_judge_cannot_rescue_an_invented_figure() -> None:
    from briefpress.ingest import parse

    (_, facts), *_ = parse("The council approved the plan on Tuesday.", "brief.txt", "S1")
    judge = ScriptedEngine(default="Yes.")
    verdict = check_sentences(["The council approved the plan by 40% on Tuesday."], facts, judge=judge)[0]
    assert verdict.verdict in ("unsupported", "contradicted")


@needs_smollm2
def test_local_engine_judges_with_a_real_model() -> None:
    from briefpress.engines.local import LocalEngine

    engine = LocalEngine(model="smollm2", threads=1)
    p = engine.judge("The council approved the plan.", ["The council approved the plan on Tuesday."])
    assert p in (JUDGE_YES, JUDGE_NO, None)
    assert engine.stats.prompt_tokens > 0  # the evidence went through the real model
