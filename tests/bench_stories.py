"""A ../shared/bench story as the editorial bench gives it: brief = its first four sentences,
source = the whole story. Skips the test where ../shared/bench is not beside the checkout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefpress import ingest
from briefpress.models import Options, Run
from briefpress.pipeline import run_stages, stages_through
from briefpress.plan import Outline
from briefpress.text import split_sentences

CLIFF = Path(__file__).resolve().parents[2] / "shared" / "bench" / "cliff.dev.jsonl"


def brief_and_story(story_id: str) -> tuple[str, str]:
    if not CLIFF.is_file():
        pytest.skip("../shared/bench is not here")
    story = next(row["source"] for row in map(json.loads, CLIFF.read_text(encoding="utf-8").splitlines())
                 if row["id"] == story_id)
    return "\n-\n".join(s.text for s in split_sentences(story)[:4]) + "\n", story


def planned(brief: str, story: str) -> Outline:
    """The outline the planner makes of the brief with the story as its source."""
    run = ingest.ingest(Run(options=Options(engine="extractive")), brief, sources=[("story.txt", story)])
    outline = run_stages(run, stages=stages_through("plan")).outline
    assert outline is not None
    return outline
