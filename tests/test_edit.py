"""The editable article: parts by path, sentence edits that keep the evidence map in step, attempts."""

from __future__ import annotations

import pytest

import briefpress
from briefpress.edit import EditableArticle, article_parts, get_part, parse_path, part_order, set_part

BRIEF = """Council of Riverton approved a 4.2 million dollar cycle lane network on Tuesday, ending a two-year dispute.
-
The plan adds 18 kilometres of protected lanes along the river and the ring road.
-
Mayor Ana Ruiz said construction starts in March and should finish within 14 months.
-
Shop owners on Mill Street, who opposed the plan, won a delivery bay on every block.
"""


@pytest.fixture(scope="module")
def article() -> briefpress.Article:
    return briefpress.write(BRIEF, created="2026-11-25T09:00:00+00:00")


def test_paths_parse_and_sort_in_reading_order() -> None:
    assert parse_path("sections[1].answer") == ("sections", 1, "answer")
    assert parse_path("conclusion") == ("conclusion", None, None)
    assert parse_path("not a path!") is None
    paths = ["body[0]", "faq[0].answer", "faq[0].question", "headline", "summary[1]", "summary[0]", "meta_description"]
    assert sorted(paths, key=part_order) == [
        "headline", "summary[0]", "summary[1]", "meta_description", "faq[0].question", "faq[0].answer", "body[0]"]


def test_article_parts_lists_every_text_in_reading_order(article: briefpress.Article) -> None:
    parts = article_parts(article)
    assert parts[0] == ("headline", article.headline)
    assert [p for p, _ in parts] == sorted((p for p, _ in parts), key=part_order)
    prose = dict(article_parts(article, "prose"))
    assert "headline" not in prose and "meta_description" not in prose
    assert not any(p.endswith((".question", ".label")) for p in prose)
    data = article.to_json_dict()
    assert all(get_part(data, p) == text for p, text in parts)
    assert get_part(data, "body[99]") is None and get_part(data, "nonsense!") is None


def test_replace_keeps_the_evidence_map_in_step(article: briefpress.Article) -> None:
    draft = EditableArticle(article)
    entry = next(e for e in draft.data["evidence"] if e["part"].startswith("body[") and e["facts"])
    path, old = entry["part"], entry["sentence"]
    assert draft.replace_sentence(path, old, "Riverton approved the plan.", facts=["S1.F1"])
    assert "Riverton approved the plan." in draft.get(path)
    assert draft.evidence_for(path, "Riverton approved the plan.")["facts"] == ["S1.F1"]
    assert draft.evidence_for(path, old) is None
    draft.article()  # still a valid package


def test_a_banned_sentence_is_never_written(article: briefpress.Article) -> None:
    draft = EditableArticle(article, banned=frozenset({"Banned."}))
    path, text = draft.parts()[0]
    assert not draft.replace_sentence(path, text, "Banned.")
    assert draft.get(path) == text


def test_split_gives_each_piece_the_sentence_evidence(article: briefpress.Article) -> None:
    draft = EditableArticle(article)
    entry = next(e for e in draft.data["evidence"] if e["part"].startswith("body[") and e["facts"])
    draft.split_sentence(entry["part"], entry["sentence"], ["One piece.", "Another piece."])
    pieces = [e for e in draft.data["evidence"] if e["part"] == entry["part"] and e["sentence"] in ("One piece.", "Another piece.")]
    assert [e["facts"] for e in pieces] == [entry["facts"], entry["facts"]]


def test_drop_and_prune_remove_emptied_parts_and_rehome_shifted_evidence(article: briefpress.Article) -> None:
    draft = EditableArticle(article)
    first = draft.get("body[0]")
    for e in [e for e in draft.data["evidence"] if e["part"] == "body[0]"]:
        draft.drop_sentence("body[0]", e["sentence"])
    draft.set("body[0]", "")
    second = article.body[1]
    draft.prune()
    assert draft.data["body"][0] == second and first not in draft.data["body"]
    assert all(e["sentence"] in (get_part(draft.data, e["part"]) or "") for e in draft.data["evidence"])
    draft.article()


def test_attempt_keeps_or_undoes_an_edit(article: briefpress.Article) -> None:
    draft = EditableArticle(article)
    original = draft.get("conclusion")
    assert not draft.attempt(lambda: draft.set("conclusion", "Changed."), keep=lambda before: False)
    assert draft.get("conclusion") == original
    assert draft.attempt(lambda: draft.set("conclusion", "Changed."), keep=lambda before: before["conclusion"] == original)
    assert draft.get("conclusion") == "Changed."
    with pytest.raises(KeyError):
        set_part(draft.data, "not a path!", "x")
