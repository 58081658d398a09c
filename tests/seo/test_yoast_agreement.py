"""Our ratings against Yoast's own analysis (npm yoastseo, run by tools/yoast-harness).

The harness runs Yoast's free analysis, which matches keyphrase words exactly; ours runs with
``word_forms=False`` for the comparison. With word forms on (Yoast Premium's matching) some
ratings move on purpose (see ``test_word_forms_change_only_keyphrase_checks``).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest

from briefpress.seo import analyze_page, page_from_html
from briefpress.seo.pages import split_html_document
from seo import yoast_harness

FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("*.html"))

pytestmark = pytest.mark.skipif(
    not yoast_harness.available(), reason="Yoast harness not installed: run scripts/setup.d/40-seo.sh"
)

# Disagreements we know of and accept, keyed (fixture stem, assessment id) -> why.
# Currently none: every fixture agrees check for check.
EXPLAINED: dict[tuple[str, str], str] = {}


@cache
def _compared() -> list[tuple[str, Any, dict[str, Any]]]:
    papers, ours = [], []
    for path in FIXTURES:
        d = split_html_document(path.read_text(encoding="utf-8"))
        papers.append(yoast_harness.paper(
            d["content"], keyphrase=d["keyphrase"], title=d["title"], description=d["description"],
            slug=d["slug"], site_url=d["site_url"],
        ))
        page = page_from_html(
            d["content"], title=d["title"], description=d["description"], slug=d["slug"],
            keyphrase=d["keyphrase"], site_url=d["site_url"],
        )
        ours.append(analyze_page(page, word_forms=False))
    theirs = yoast_harness.run(papers)
    return [(p.stem, o, t) for p, o, t in zip(FIXTURES, ours, theirs, strict=False)]


def _yoast_rating(item: dict[str, Any]) -> str:
    # Yoast's grey "feedback" light (score 0) is reported as "bad" in our three-light contract.
    return "bad" if item["rating"] == "feedback" else item["rating"]


def test_fixture_set_is_large_and_varied() -> None:
    assert len(FIXTURES) >= 20
    seen: set[tuple[str, str]] = set()
    for _, ours, _ in _compared():
        for kind in ("seo", "readability"):
            seen |= {(a.id, a.rating) for a in getattr(ours, kind).assessments}
    # Every check is seen failing at least once somewhere in the set, so agreement is not only
    # agreement on "good".
    failing = {i for i, r in seen if r != "good"}
    for ident in ("introductionKeyword", "keyphraseDensity", "metaDescriptionKeyword", "metaDescriptionLength",
                  "subheadingsKeyword", "textCompetingLinks", "keyphraseInSEOTitle", "titleWidth", "singleH1",
                  "keyphraseLength", "functionWordsInKeyphrase", "textLength", "externalLinks", "internalLinks",
                  "subheadingsTooLong", "textParagraphTooLong", "textSentenceLength", "textTransitionWords",
                  "passiveVoice", "sentenceBeginnings", "textPresence"):
        assert ident in failing, f"no fixture makes {ident} fail"


def test_ratings_agree_with_yoast_on_at_least_90_percent() -> None:
    total = agree = 0
    unexplained = []
    for stem, ours, theirs in _compared():
        for kind in ("seo", "readability"):
            mine = {a.id: a for a in getattr(ours, kind).assessments}
            yoast = {a["id"]: a for a in theirs[kind]["assessments"]}
            for ident in sorted(set(mine) | set(yoast)):
                total += 1
                a = mine[ident].rating if ident in mine else None
                b = _yoast_rating(yoast[ident]) if ident in yoast else None
                if a == b:
                    agree += 1
                elif (stem, ident) not in EXPLAINED:
                    unexplained.append(f"{stem} {ident}: ours {a}, Yoast {b} ({yoast.get(ident, {}).get('message', 'absent')})")
    assert total >= 20 * 20
    assert agree / total >= 0.90, f"agreement {agree}/{total}"
    assert not unexplained, "unexplained disagreements:\n" + "\n".join(unexplained)


def test_scores_agree_with_yoast() -> None:
    for stem, ours, theirs in _compared():
        assert ours.seo.score == theirs["seo"]["score"], stem
        assert ours.readability.score == theirs["readability"]["score"], stem


def test_every_message_says_what_to_change() -> None:
    for _, ours, _ in _compared():
        for kind in ("seo", "readability"):
            for a in getattr(ours, kind).assessments:
                assert a.message and a.message[-1] in ".!", a
                if a.rating != "good":
                    # A failing check names an action: an imperative verb somewhere in its message.
                    assert any(v in a.message.lower() for v in (
                        "add", "use", "put", "shorten", "lengthen", "split", "write", "set", "move", "vary",
                        "keep", "reword", "rewrite", "make", "link",
                    )), a


def test_word_forms_change_only_keyphrase_checks() -> None:
    keyphrase_checks = {"introductionKeyword", "keyphraseDensity", "metaDescriptionKeyword", "subheadingsKeyword",
                        "keyphraseInSEOTitle", "slugKeyword", "imageKeyphrase", "textCompetingLinks"}
    for path in FIXTURES:
        d = split_html_document(path.read_text(encoding="utf-8"))
        page = page_from_html(d["content"], title=d["title"], description=d["description"], slug=d["slug"],
                              keyphrase=d["keyphrase"], site_url=d["site_url"])
        free, premium = analyze_page(page, word_forms=False), analyze_page(page, word_forms=True)
        for a in free.seo.assessments + free.readability.assessments:
            b = (premium.seo.get(a.id) or premium.readability.get(a.id))
            if b is not None and b.score != a.score:
                assert a.id in keyphrase_checks, (path.stem, a.id)


def test_flesch_reading_ease_matches_yoast_within_two_points() -> None:
    compared = 0
    for stem, ours, theirs in _compared():
        yoast = theirs["readability"]["insights"]["flesch_reading_ease"]
        if yoast < 0:  # Yoast does not compute it for a text this short
            continue
        compared += 1
        assert abs(ours.readability.extras["insights"]["flesch_reading_ease"] - yoast) <= 2.0, stem
    assert compared >= 20
