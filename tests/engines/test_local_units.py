"""Local engine helpers that need no model: context size, threads, grammar, progress view."""

from __future__ import annotations

import io
import os

import pytest

from briefpress.engines import local
from briefpress.engines.grammar import line_grammar
from briefpress.engines.model import PartSpec
from briefpress.progress import ProgressView


def test_context_grows_with_the_brief_and_stops_at_the_models_limit() -> None:
    assert local.context_size(1500, 600) == 2048
    big = local.context_size(30_000, 600)
    assert big >= 30_000 // 3 + 600 and big % 1024 == 0
    assert local.context_size(300_000, 600, train_ctx=32_768) == 32_768


def test_threads_follow_the_cores_left_idle(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BRIEFPRESS_THREADS", raising=False)
    monkeypatch.setattr(local, "usable_cores", lambda: 2)
    monkeypatch.setattr(local, "busy_cores", lambda: 0.1)
    assert local.default_threads() == 2
    monkeypatch.setattr(local, "busy_cores", lambda: 1.7)
    assert local.default_threads() == 1
    monkeypatch.setattr(local, "busy_cores", lambda: 7.5)
    assert local.default_threads() == 1
    monkeypatch.setenv("BRIEFPRESS_THREADS", "3")
    assert local.default_threads() == 3


def test_busy_cores_reads_the_machine_now() -> None:
    busy = local.busy_cores(window=0.05)
    assert 0.0 <= busy <= max(os.cpu_count() or 1, 1) + 0.01


def test_line_grammar_allows_only_the_given_ids_and_bounds_sentences() -> None:
    g = line_grammar(PartSpec("x", "", 1, 3, 100), ["F1", "F2"])
    assert "root ::= line{1,3}" in g and 'id ::= "F1" | "F2"' in g
    headline = line_grammar(PartSpec("headline", "", 1, 1, 40, max_chars=70, final_period=False), ["F1"])
    assert "rest{8,68}" in headline and " end" not in headline.split("\n")[1]
    body = line_grammar(PartSpec("body", "", 2, 8, 300, paragraphs=3), ["F1"])
    assert body.startswith('root ::= para ("\\n" para){0,2}')


def test_progress_view_shows_parts_tokens_and_rate() -> None:
    view = ProgressView(enabled=True)
    with view:
        assert view._progress is not None
        view._progress.console.file = io.StringIO()
        view.callback("begin", {"part": None, "done": 0, "total": 3, "tokens": 0, "tokens_per_s": 0.0, "elapsed": 0.0})
        view.callback("part", {"part": "body", "done": 1, "total": 3, "tokens": 120, "tokens_per_s": 9.5, "elapsed": 12.0})
        task = view._progress.tasks[0]
        assert task.completed == 1 and task.total == 3
        assert task.description == "writing body" and task.fields["rate"] == "120 tokens, 9.5 tokens/s"
        view.callback("stage", {"stage": "verify"})  # other events are ignored
    assert view._progress is None


def test_quiet_progress_view_does_nothing() -> None:
    with ProgressView(enabled=False) as view:
        view.callback("part", {"part": "body", "done": 1, "total": 3})
        assert view._progress is None
