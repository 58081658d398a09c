"""Every locked golden article is written byte for byte as recorded (see ``tests/golden/lock.py``)."""

from __future__ import annotations

from functools import cache

import pytest

from golden import lock


@cache
def _written() -> dict[str, str]:
    return dict(lock.locked())


def test_the_lock_covers_every_kind() -> None:
    names = set(_written())
    files = {str(p.relative_to(lock.LOCK)) for p in lock.LOCK.rglob("*") if p.is_file()}
    assert names == files, "re-record the lock: python tests/golden/lock.py --record"
    for kind in ("extractive/", "seo/", "replay/"):
        assert any(n.startswith(kind) for n in names), kind


@pytest.mark.parametrize("name", sorted(str(p.relative_to(lock.LOCK)) for p in lock.LOCK.rglob("*") if p.is_file()))
def test_locked_article_is_unchanged(name: str) -> None:
    expected = (lock.LOCK / name).read_text(encoding="utf-8")
    assert _written().get(name) == expected, f"{name} changed; if the change is meant, re-record the lock"


def test_every_locked_question_is_answered_by_the_answer_that_ships() -> None:
    # The seo stage's copy fix had dropped the coming event from "What happens next for Geneva?",
    # leaving the question over an answer that tells no next step; it now asks again.
    import json

    from briefpress.plan.answering import answers
    from briefpress.seo.fix.sizes import sentences_of

    unanswered = []
    for name, text in _written().items():
        if name.endswith(".json"):
            data = json.loads(text)
            data = data.get("article", data)
            unanswered += [(name, qa["question"]) for qa in [*data.get("sections", []), *data.get("faq", [])]
                           if not answers(qa["question"], sentences_of(qa["answer"]))]
    assert not unanswered
