"""The golden briefs given their source pages (served on loopback) and a newsroom archive.

Issue #19's target: where the sources carry an image, Yoast SEO (yoastseo 3.6.0, run by
tools/yoast-harness on the rendered page's ``<article>``) reaches 90, readability 70, and the
grounding audit finds no unsupported or contradicted sentence. The pages are fixtures built from
the bench stories (tests/golden/sources/README.md); the archive holds 220 other bench stories.
The assertions are thresholds, never text: the article text moves with the writer.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("sqlalchemy")

from golden import pages  # noqa: E402
from seo import yoast_harness  # noqa: E402

pytestmark = pytest.mark.skipif(not pages.BENCH.is_dir(), reason="../shared/bench is not here")
needs_yoast = pytest.mark.skipif(not yoast_harness.available(),
                                 reason="Yoast harness not installed: run scripts/setup.d/40-seo.sh")
STEMS = sorted(pages.STORIES)
SEO_MIN, READABILITY_MIN = 90, 70
# Briefs whose articles fall short for causes outside the evidence and render code, each with the
# check that fails (strict: the day they pass, this list must shrink).
SHORT: dict[str, str] = {}


@pytest.fixture(scope="module")
def archive_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    from briefpress.store.archive import Archive
    from briefpress.store.db import Store

    url = f"sqlite:///{tmp_path_factory.mktemp('archive') / 'briefpress.db'}"
    store = Store(url)
    store.migrate()
    Archive(store).add(pages.archive_items(220))
    assert Archive(store).count() >= 200
    store.close()
    return url


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with pages.serve_sources() as url:
        yield url


@pytest.fixture(scope="module")
def articles(base: str, archive_db: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("BRIEFPRESS_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        return {stem: pages.written(stem, base, archive_db) for stem in STEMS}


@pytest.fixture(scope="module")
def scored(articles: dict[str, object]) -> dict[str, pages.Scored]:
    return {s.stem: s for s in pages.score(articles)}  # type: ignore[arg-type]


def test_the_saved_pages_are_rebuilt_byte_for_byte_from_the_bench(tmp_path: Path) -> None:
    for path in pages.build(tmp_path):
        assert path.read_bytes() == (pages.FOLDER / path.name).read_bytes(), f"rebuild {path.name}: python {pages.__file__}"
    assert {p.stem for p in (pages.GOLDEN / "briefs").glob("*.txt")} == set(STEMS)


def test_the_archive_leaves_out_the_golden_stories() -> None:
    items = pages.archive_items(220)
    own = {pages.bench_stories()[story_id][:200] for story_id, _, _ in pages.STORIES.values()}
    assert len(items) == 220 and not {item.text[:200] for item in items} & own
    assert all(item.url.startswith(f"{pages.SITE}/archive/") for item in items)


@pytest.mark.parametrize("stem", STEMS)
def test_each_article_cites_links_and_pictures_its_page(stem: str, articles: dict[str, object], base: str) -> None:
    from briefpress.models import Article

    article = articles[stem]
    assert isinstance(article, Article)
    page = next(s for s in article.sources if s.url == f"{base}/{stem}")
    assert any(set(e.facts) & {f.id for f in article.facts if f.source == page.name} for e in article.evidence)
    assert [(link.rel, link.url) for link in article.links if link.rel == "source"] == [("source", page.url)]
    assert article.image is not None and article.image.url == f"{base}/img/{pages.IMAGE}"
    assert article.image.alt == pages.STORIES[stem][2]
    for item in article.background:  # only an archive article on the brief's subject
        assert item.url and item.url.startswith(f"{pages.SITE}/archive/") and item.date


@needs_yoast
@pytest.mark.parametrize("stem", STEMS)
def test_the_audit_finds_no_unsupported_sentence(stem: str, scored: dict[str, pages.Scored]) -> None:
    assert scored[stem].failed == 0


@needs_yoast
@pytest.mark.parametrize("stem", [pytest.param(s, marks=pytest.mark.xfail(strict=True, reason=SHORT[s]))
                                  if s in SHORT else s for s in STEMS])
def test_yoast_seo_reaches_90_and_readability_70(stem: str, scored: dict[str, pages.Scored]) -> None:
    s = scored[stem]
    assert s.image, "the page's lead image is the premise of the target"
    assert s.seo >= SEO_MIN and s.readability >= READABILITY_MIN, (s.seo, s.readability, s.short)


@needs_yoast
@pytest.mark.parametrize("stem", STEMS)
def test_our_readability_score_is_yoast_s_on_the_page(stem: str, scored: dict[str, pages.Scored]) -> None:
    # The seo stage stops where its own audit says the page reads green: Yoast read "<a>title</a>
    # <time>date</time>" in the sources list as two sentences where we read one, so wedgwood passed
    # our transition-word check at 20% and failed Yoast's at 19.5%.
    s = scored[stem]
    assert s.own[1] == s.readability, (s.own, s.readability, s.short)


@needs_yoast
def test_write_on_the_command_line_with_a_source_url_and_the_archive(base: str, archive_db: str,
                                                                      tmp_path: Path) -> None:
    stem = "guantanamo-closure-plan"
    env = {**os.environ, "BRIEFPRESS_CACHE_DIR": str(tmp_path / "cache")}
    proc = subprocess.run(
        [sys.executable, "-m", "briefpress", "write", str(pages.GOLDEN / "briefs" / f"{stem}.txt"),
         "--source", f"{base}/{stem}", "--allow-private", "--archive", "--db", archive_db,
         "--site-url", pages.SITE, "--format", "html"],
        capture_output=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode()
    page = proc.stdout.decode()
    assert f'<a href="{base}/{stem}" rel="noopener">' in page
    assert f'<img src="{base}/img/{pages.IMAGE}" alt="{pages.STORIES[stem][2]}">' in page
    theirs = yoast_harness.run([pages.yoast_paper(page)])[0]
    assert theirs["seo"]["score"] >= SEO_MIN and theirs["readability"]["score"] >= READABILITY_MIN
