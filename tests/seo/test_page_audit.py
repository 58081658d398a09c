"""The audit scores the page it ships: Yoast (npm yoastseo, tools/yoast-harness) run on the HTML
page's ``<article>`` (headline H1 and byline included, as bench/editorial_bench.py reads it) and
our audit of the article agree on keyphrase density and the SEO score, for every golden brief.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import briefpress
from briefpress.models import Article
from briefpress.seo import analyze
from seo import yoast_harness

ROOT = Path(__file__).resolve().parents[2]
BRIEFS = sorted((ROOT / "tests" / "golden" / "briefs").glob("*.txt")) + [ROOT / "examples" / "takaichi-brief.txt"]
DATE = "2026-11-25T09:00:00+00:00"
FOUND = re.compile(r"found (\d+) times?")

pytestmark = pytest.mark.skipif(
    not yoast_harness.available(), reason="Yoast harness not installed: run scripts/setup.d/40-seo.sh"
)


@cache
def _scored() -> list[tuple[str, Article, dict[str, Any]]]:
    articles = [briefpress.write(p.read_text(encoding="utf-8"), brief_name=p.name, date=DATE, created=DATE)
                for p in BRIEFS]
    papers = [yoast_harness.paper(yoast_harness.article_element(briefpress.render(a, "html")), keyphrase=a.keyphrase,
                                  title=a.headline, description=a.meta_description, slug=a.slug) for a in articles]
    return [(p.stem, a, t) for p, a, t in zip(BRIEFS, articles, yoast_harness.run(papers), strict=True)]


def _density(assessments: list[Any]) -> tuple[int, int]:
    """(score, mentions found) of the keyphrase-density check."""
    for a in assessments:
        ident, score, message = (a["id"], a["score"], a["message"]) if isinstance(a, dict) else (a.id, a.score, a.message)
        if ident == "keyphraseDensity":
            m = FOUND.search(message)
            return score, int(m.group(1)) if m else 0
    raise AssertionError("no keyphrase-density check")


@pytest.mark.parametrize("stem", [p.stem for p in BRIEFS])
def test_the_audit_and_yoast_on_the_page_agree_on_keyphrase_density(stem: str) -> None:
    _, article, theirs = next(s for s in _scored() if s[0] == stem)
    ours = analyze(article, word_forms=False)  # Yoast's free matching, as the harness runs it
    assert _density(ours.seo.assessments) == _density(theirs["seo"]["assessments"]), stem
    assert ours.seo.score == theirs["seo"]["score"], stem
    # The score the package ships is the page's.
    assert (article.seo or {}).get("score") == analyze(article).seo.score


@pytest.mark.parametrize("stem", [p.stem for p in BRIEFS])
def test_yoast_on_the_page_finds_the_seo_green(stem: str) -> None:
    _, _, theirs = next(s for s in _scored() if s[0] == stem)
    assert theirs["seo"]["score"] >= 80, [(a["id"], a["message"]) for a in theirs["seo"]["assessments"] if a["score"] < 9]


def test_the_audit_counts_the_headline_as_the_page_shows_it() -> None:
    # The headline is the page's H1 inside <article>: a mention there is one Yoast counts.
    _, article, _ = _scored()[0]
    assert article.keyphrase.lower() in article.headline.lower()
    with_h1 = _density(analyze(article, word_forms=False).seo.assessments)[1]
    renamed = article.model_copy(update={"headline": "A headline that names nothing"})
    assert _density(analyze(renamed, word_forms=False).seo.assessments)[1] == with_h1 - 1
