"""One contract for every engine that writes with a model: the scripted fake, ``local`` with
SmolLM2, and ``openai`` against a real llama.cpp server on loopback.

Each engine writes the Takaichi article once (module scope); the tests then check what every
engine must give: every part filled, every sentence in the evidence map with fact ids the run
has, no unsupported or contradicted sentence (strict mode), repair counts, progress events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import pytest

from briefpress.engines.base import Draft, Engine
from briefpress.engines.fake import ScriptedEngine
from briefpress.engines.request import PartSpec
from briefpress.models import Run
from briefpress.verify import check_sentences

from .conftest import ROOT, make_run, needs_server, needs_smollm2

TAKAICHI = (ROOT / "examples" / "takaichi-brief.txt").read_text(encoding="utf-8")


def scripted_answers(messages: list[dict[str, str]], spec: Any) -> str:
    """A model that writes well, except that it invents a figure once (to be repaired)."""
    ask = messages[-1]["content"]
    if "not backed by the facts" in ask:
        return "Defense-related stocks like Mitsubishi Heavy Industries gained, with shares rising up to 5%. [F4]"
    if spec.name == "headline":
        return "Takaichi and Trump hold first call [F1]"
    if spec.name == "meta_description":
        return "Sanae Takaichi held her first official phone call with Donald Trump on Saturday, stressing the alliance. [F1]"
    if spec.name == "body":
        return (
            "Japan's new Prime Minister Sanae Takaichi held her first official phone call with U.S. President "
            "Donald Trump on Saturday. [F1]\n\n"
            "Takaichi conveyed gratitude for Trump's congratulations. [F2]\n"
            "Shares of Mitsubishi Heavy Industries rose 40% after the call. [F4]\n\n"
            "The discussion highlighted shared commitments to a Free and Open Indo-Pacific. [F3]"
        )
    return (
        "Takaichi reaffirmed the Japan-U.S. alliance as central to her administration's security strategy. [F2]\n"
        "Market reactions included gains in defense-related stocks like Mitsubishi Heavy Industries. [F4]"
    )


@dataclass
class Written:
    engine: Engine
    run: Run
    draft: Draft
    events: list[tuple[str, dict[str, Any]]] = field(default_factory=list)


def _write(engine: Engine) -> Written:
    run, outline = make_run(TAKAICHI)
    events: list[tuple[str, dict[str, Any]]] = []
    draft = engine.write(run, outline, lambda event, data: events.append((event, data)))
    return Written(engine, run, draft, events)


@pytest.fixture(
    scope="module",
    params=[
        pytest.param("scripted"),
        pytest.param("local", marks=needs_smollm2),
        pytest.param("openai", marks=needs_server),
    ],
)
def written(request: pytest.FixtureRequest) -> Written:
    if request.param == "scripted":
        return _write(ScriptedEngine(responses=scripted_answers))
    if request.param == "local":
        from briefpress.engines.local import LocalEngine

        return _write(LocalEngine(model="smollm2"))
    server = request.getfixturevalue("llama_server")
    from briefpress.engines.openai_engine import OpenAIEngine

    return _write(OpenAIEngine(model=server.model, base_url=server.base_url, api_key=server.api_key, timeout=300))


def _sentences(draft: Draft) -> list[tuple[str, str]]:
    """Every (part, text) the draft holds, as evidence entries name them."""
    return [(e.part, e.sentence) for e in draft.evidence]


def test_every_part_is_filled(written: Written) -> None:
    d = written.draft
    assert d.headline.strip() and len(d.headline) <= 70
    assert 120 <= len(d.meta_description) <= 156
    assert d.summary and all(s.strip() for s in d.summary)
    assert 2 <= len(d.sections) <= 4 and all(s.answer.strip() for s in d.sections)
    assert 2 <= len(d.faq) <= 5 and all(s.answer.strip() for s in d.faq)
    assert 3 <= len(d.takeaways) <= 5 and all(t.label and t.text for t in d.takeaways)
    assert d.conclusion.strip()
    assert 1 <= len(d.body) <= 8 and all(p.strip() for p in d.body)


def test_evidence_covers_every_sentence_with_known_facts(written: Written) -> None:
    d = written.draft
    known = {f.id for f in written.run.facts}
    for entry in d.evidence:
        assert set(entry.facts) <= known, entry
        assert entry.no_claim or entry.facts, entry
    texts = {
        "headline": d.headline,
        "meta_description": d.meta_description,
        "conclusion": d.conclusion,
        **{f"sections[{i}].answer": s.answer for i, s in enumerate(d.sections)},
        **{f"faq[{i}].answer": s.answer for i, s in enumerate(d.faq)},
        **{f"takeaways[{i}].text": t.text for i, t in enumerate(d.takeaways)},
        **{f"body[{i}]": p for i, p in enumerate(d.body)},
    }
    for part, text in texts.items():
        pieces = [e.sentence for e in d.evidence if e.part == part]
        assert pieces, f"{part} has no evidence"
        assert " ".join(pieces) == text, part


def test_strict_mode_ships_no_unsupported_or_contradicted_sentence(written: Written) -> None:
    claims = [text for part, text in _sentences(written.draft) if not part.endswith(("question", "label"))]
    verdicts = check_sentences(claims, written.run.facts)
    failed = [(v.text, v.verdict, v.reasons) for v in verdicts if v.verdict in ("unsupported", "contradicted")]
    assert failed == []


def test_repairs_are_counted(written: Written) -> None:
    repairs = written.draft.repairs
    assert repairs is not None
    assert {"repaired", "replaced", "dropped"} <= set(repairs)
    assert all(isinstance(v, int) and v >= 0 for v in repairs.values())


def test_progress_reports_parts_tokens_and_time(written: Written) -> None:
    parts = [data for event, data in written.events if event == "part"]
    assert parts, written.events
    assert [p["done"] for p in parts] == list(range(1, len(parts) + 1))
    assert parts[-1]["done"] == parts[-1]["total"]
    assert all({"tokens", "tokens_per_s", "elapsed"} <= set(p) for p in parts)
    assert parts[-1]["tokens"] > 0


def test_no_reasoning_tags_or_id_brackets_leak(written: Written) -> None:
    for _, text in _sentences(written.draft):
        assert "<think>" not in text and "</think>" not in text
        assert not re.search(r"\[F\d+", text), text


def test_scripted_invention_was_repaired() -> None:
    """The scripted model invents '40%' in the body; the rewrite it gives is kept instead."""
    w = _write(ScriptedEngine(responses=scripted_answers))
    body = " ".join(w.draft.body)
    assert "40%" not in body
    assert "Defense-related stocks like Mitsubishi Heavy Industries gained, with shares rising up to 5%." in body
    assert w.draft.repairs and w.draft.repairs["repaired"] >= 1


def test_local_evaluates_the_shared_prefix_once(written: Written) -> None:
    """llama.cpp's own counters: the prompt tokens it evaluated for the whole article are the
    prefix once plus each request's own few, far fewer than the requests' full length."""
    from briefpress.engines.local import LocalEngine

    engine = written.engine
    if not isinstance(engine, LocalEngine):
        pytest.skip("only the local engine runs llama.cpp in-process")
    perf = engine.perf()
    calls = engine.stats.calls
    assert engine.prefix_tokens > 100 and calls >= 5
    assert perf["prompt_tokens"] >= engine.prefix_tokens
    # Without reuse every request would evaluate the prefix again.
    assert perf["prompt_tokens"] < engine.requested_prompt_tokens - (calls - 1) * engine.prefix_tokens * 0.9
    assert perf["decoded_tokens"] > 0


def test_the_meta_description_ends_with_one_reader_benefit_at_most(written: Written) -> None:
    benefits = [e for e in written.draft.evidence if e.part == "meta_description" and e.no_claim]
    assert len(benefits) <= 1, written.draft.meta_description


def test_a_short_keyphrase_sentence_is_topped_up_with_a_second_fact_not_a_string_of_benefits() -> None:
    def short_sentences(messages: list[dict[str, str]], spec: Any) -> str:
        if spec.name == "headline":
            return "Takaichi and Trump hold first call [F1]"
        return ("Sanae Takaichi held her first official phone call with Donald Trump. [F1]\n"
                "Takaichi conveyed gratitude for Trump's congratulations. [F2]")

    d = _write(ScriptedEngine(responses=short_sentences)).draft
    meta = [e for e in d.evidence if e.part == "meta_description"]
    assert 120 <= len(d.meta_description) <= 156
    assert d.meta_description.startswith("Sanae Takaichi held her first official phone call with Donald Trump.")
    assert [e.no_claim for e in meta].count(True) <= 1
    assert sum(1 for e in meta if e.facts) == 2, d.meta_description  # the keyphrase sentence and one more fact


def test_faq_answers_and_takeaways_condense_and_copy_no_model_sentence() -> None:
    # The model copies its facts whole into the body and the sections; the FAQ answers and the
    # takeaways then tell shorter forms, never one of those sentences again word for word.
    from briefpress.text import split_sentences

    whole = ("Japan's new Prime Minister Sanae Takaichi held her first official phone call with U.S. President "
             "Donald Trump on Saturday.")

    def copying(messages: list[dict[str, str]], spec: Any) -> str:
        if spec.name == "headline":
            return "Takaichi and Trump hold first call [F1]"
        if spec.name == "sections[1].answer":  # the market's section: its own fact
            return "Market reactions included gains in defense-related stocks. [F4]"
        return f"{whole} [F1]\nTakaichi conveyed gratitude for Trump's congratulations. [F2]"

    d = _write(ScriptedEngine(responses=copying)).draft
    written = {s.text for part in [*d.body, *(x.answer for x in d.sections), d.conclusion]
               for s in split_sentences(part)}
    condensed = [s.text for part in [*(x.answer for x in d.faq), *(t.text for t in d.takeaways)]
                 for s in split_sentences(part)]
    assert condensed and not set(condensed) & written
    claims = [e for e in d.evidence if e.part.startswith(("faq[", "takeaways[")) and not e.no_claim]
    assert claims and all(e.facts for e in claims)


@needs_smollm2
def test_a_one_sentence_request_ends_with_its_line() -> None:
    """Past its one line the model goes on writing lines that are dropped: the request stops there
    (the same prompt asked for several sentences runs on past it)."""
    from briefpress.engines.local import LocalEngine

    engine = LocalEngine(model="smollm2")
    messages: list[Any] = [
        {"role": "system", "content": "You are a news writer."},
        {"role": "user", "content": "Write three short news sentences about a council vote on a cycle lane plan. "
                                    "Put each sentence on its own line."},
    ]
    many = engine._complete(messages, PartSpec("body", "", 1, 3, 120), [])
    one = engine._complete(messages, PartSpec("headline", "", 1, 1, 120), [])
    assert "\n" in many.text.strip(), many.text
    assert one.text.strip() and "\n" not in one.text.strip() and one.finish == "stop"
    assert one.tokens < many.tokens
