"""Behaviour of the audit's parts, without node: thresholds, matching, splitting, scoring, readers."""

from __future__ import annotations

import pytest

from briefpress.seo import (
    analyze,
    analyze_document,
    analyze_page,
    page_from_html,
    page_from_markdown,
    page_from_text,
)
from briefpress.seo.context import Context
from briefpress.seo.forms import build_topic, occurrences, stem
from briefpress.seo.pixels import title_width
from briefpress.seo.readability_checks import has_transition, is_passive
from briefpress.seo.result import Assessment
from briefpress.seo.scoring import readability_score, seo_score
from briefpress.seo.syllables import count_word
from briefpress.seo.tokens import count_words, length_words, split_sentences, tokens


def _page(body: str, **kw: str) -> Context:
    return Context(page_from_html(body, **kw))


def test_sentences_split_like_yoast() -> None:
    assert split_sentences("He met Dr. Smith. They spoke at 3.5 p.m. Why? Because!") == (
        "He met Dr. Smith.", "They spoke at 3.5 p.m.", "Why?", "Because!",
    )
    # A full stop before a lower-case word does not end the sentence.
    assert len(split_sentences("The U.S. economy grew. it said so.")) == 1


def test_word_counts_split_on_spaces_and_tokens_on_hyphens() -> None:
    assert count_words("Japan-U.S. alliance — 5% rise") == 4
    assert tokens("Japan-U.S. alliance") == ("Japan", "U.S", "alliance")
    assert length_words("Japan-U.S. alliance — in Indo-Pacific") == ("Japan-U.S", "alliance", "in", "Indo-Pacific")


def test_stemmer_puts_inflections_together() -> None:
    assert len({stem(w) for w in ("approve", "approved", "approves", "approving")}) == 1
    assert len({stem(w) for w in ("city", "cities")}) == 1
    assert stem("stopped") == stem("stop")
    assert stem("cat") != stem("cut")


def test_occurrences_need_every_word_in_one_sentence() -> None:
    topic = build_topic("apple potato")
    assert occurrences(topic, "The apple potato is an apple and a potato.") == 2
    assert occurrences(topic, "An apple alone.") == 0
    # Function words are not part of the match.
    assert build_topic("how to decorate a room").words == ("decorate", "room")


def test_word_forms_only_with_premium_matching() -> None:
    body = "<p>The council approved the plan on Tuesday after a long debate about it.</p>"
    free = _page(body, keyphrase="council approves")
    free.word_forms = False
    assert occurrences(free.topic, "The council approved the plan.") == 0  # type: ignore[arg-type]
    premium = _page(body, keyphrase="council approves")
    assert occurrences(premium.topic, "The council approved the plan.") == 1  # type: ignore[arg-type]


def test_quoted_keyphrase_matches_only_as_written() -> None:
    topic = build_topic('"green homes grant"')
    assert occurrences(topic, "A new green homes grant opens.") == 1
    assert occurrences(topic, "The grant for green homes opens.") == 0


def test_title_width_uses_arial_metrics() -> None:
    assert title_width("") == 0
    # Arial at 18px: "i" is narrow, "W" wide; ten of each differ by a factor of about four.
    assert 35 < title_width("i" * 10) < 45
    assert 160 < title_width("W" * 10) < 175
    long_title = "After months of talks between unions and employers across the region, rail strike finally called off"
    assert title_width(long_title) > 600


def test_syllables_follow_english_rules() -> None:
    assert count_word("cat") == 1
    assert count_word("table") == 2
    assert count_word("business") == 2
    assert count_word("nation") == 2
    assert count_word("radio") == 3
    assert count_word("created") == 3
    assert count_word("jumped") == 1


def test_passive_voice_detection() -> None:
    assert is_passive("The bridge was opened by the minister.")
    assert is_passive("Why were the masks returned?")
    assert not is_passive("The minister opened the bridge.")
    assert not is_passive("The house is a red one.")  # an -ed word that is no participle
    assert not is_passive("He is the most wanted man.")  # "most" right before: an adjective


def test_transition_words_single_multi_and_two_part() -> None:
    assert has_transition("However, the plan failed.")
    assert has_transition("The plan failed as a result of the vote.")
    assert has_transition("Either the council agrees or the plan stops.")
    assert not has_transition("The council met on Tuesday.")


def test_density_thresholds_for_long_text() -> None:
    filler = " ".join(["The town held a meeting about roads and schools."] * 40)  # 360 words
    once = analyze_page(page_from_html(f"<p>Ferry news. {filler}</p>", keyphrase="ferry", title="t", slug="s"))
    assert once.seo.get("keyphraseDensity").score == 4  # found once: too few
    many = " ".join(["The ferry runs again."] * 20)
    stuffed = analyze_page(page_from_html(f"<p>{many} {filler}</p>", keyphrase="ferry", title="t", slug="s"))
    assert stuffed.seo.get("keyphraseDensity").score == -50


def test_meta_description_length_boundaries() -> None:
    def score(n: int) -> int:
        page = page_from_html("<p>Text here for the page.</p>", description="x" * n, keyphrase="x")
        return analyze_page(page).seo.get("metaDescriptionLength").score  # type: ignore[union-attr]

    assert score(0) == 1
    assert score(120) == 6
    assert score(121) == 9
    assert score(156) == 9
    assert score(157) == 6


def test_overall_scores_follow_yoast() -> None:
    results = [Assessment("a", 9, "."), Assessment("b", 9, "."), Assessment("c", -10, ".")]
    assert seo_score(results) == 30  # round(8 / 27 * 100) = 29.6 -> 30
    assert seo_score([Assessment("a", 9, "."), Assessment("b", -50, ".")]) == 0
    # Half rounds up as in JavaScript: 18 / 144 = 12.5 % -> 13.
    assert (
        seo_score(
            [Assessment(str(i), s, ".") for i, s in enumerate([9, 9, -50, 3, 9, 3, 8, 3, 3, -20, 3, 9, 3, 9, 9, 8])]
        )
        == 13
    )
    good = [Assessment(str(i), 9, ".") for i in range(6)]
    assert readability_score(good) == 90
    assert readability_score(good[:4] + [Assessment("x", 3, "."), Assessment("y", 6, ".")]) == 60  # penalty 5
    assert readability_score(good[:3] + [Assessment("x", 3, ".")] * 3) == 30  # penalty 9
    assert readability_score([Assessment("t", 3, ".")]) == 30


def test_readers_give_the_same_page() -> None:
    md = (
        '---\ntitle: "Ferry returns"\ndescription: "The ferry is back."\nslug: "ferry-returns"\nkeyphrase: "ferry"\n'
        "---\n# Ferry returns\n\nThe ferry runs again from Monday.\n\n## When?\n\n"
        "From Monday, see [the timetable](https://example.org/t).\n\n- One point.\n- Another point.\n"
    )
    page = page_from_markdown(md)
    assert (page.title, page.slug, page.keyphrase) == ("Ferry returns", "ferry-returns", "ferry")
    assert [b.kind for b in page.blocks] == ["p", "h2", "p", "p", "p"]
    assert page.links[0].href == "https://example.org/t"
    text = page_from_text(
        "The ferry runs again.\n-\nIt stopped in May.\nWhen does it run?\nFrom Monday.\n", keyphrase="ferry"
    )
    assert [b.kind for b in text.blocks] == ["p", "p", "h2", "p"]
    html = (
        '<html><head><title>Ferry returns</title><meta name="description" content="Back."></head>'
        "<body><article><h1>Ferry returns</h1><p>The ferry runs.</p></article></body></html>"
    )
    result = analyze_document(html, keyphrase="ferry", name="a.html")
    assert result.seo.get("keyphraseInSEOTitle").score == 9  # type: ignore[union-attr]


def test_analyze_article_reports_all_parts(takaichi: str) -> None:
    import briefpress

    article = briefpress.write(takaichi)
    result = analyze(article).to_dict()
    assert set(result) == {"seo", "readability", "rankmath"}
    for kind in ("seo", "readability"):
        assert 0 <= result[kind]["score"] <= 100
        for a in result[kind]["assessments"]:
            assert set(a) == {"id", "score", "rating", "message"}
            assert a["rating"] in ("good", "ok", "bad")
    assert "flesch_reading_ease" in result["readability"]["insights"]
    assert {t["id"] for t in result["rankmath"]["tests"]} >= {
        "titleHasNumber",
        "contentHasShortParagraphs",
        "lengthPermalink",
    }
    # Another keyphrase changes the keyphrase checks.
    other = analyze(article, keyphrase="unrelated topic words")
    assert other.seo.get("introductionKeyword").score == 3  # type: ignore[union-attr]


@pytest.mark.parametrize("n_words,expected", [(99, -20), (100, -10), (200, 3), (250, 6), (300, 9)])
def test_text_length_bands(n_words: int, expected: int) -> None:
    page = page_from_html("<p>" + " ".join(["word"] * n_words) + "</p>", keyphrase="word")
    assert analyze_page(page).seo.get("textLength").score == expected  # type: ignore[union-attr]
