"""Editorial measures: whole sentences, repetition, copies, verbatim body, coverage of a story."""

from __future__ import annotations

import pytest

import briefpress
from briefpress.editorial import coverage, measure
from briefpress.rewrite.whole import fragment_reason, is_whole

pytestmark = pytest.mark.usefixtures("spacy_required")


@pytest.fixture(scope="module")
def spacy_required() -> None:
    from briefpress.nlp import spacy_pipeline

    if spacy_pipeline() is None:
        pytest.skip("the sentence checker's parse needs the verify extra (spaCy)")


@pytest.mark.parametrize("sentence", [
    # a cut that lost the main verb ("has surrendered his state license")
    "A southern iowa chiropractor accused of accepting sex as payment for his services and performing exorcisms.",
    "While maneul has received just three patient survey responses on healthgrades.",
    "According to the council, during the meeting.",
    "7 things you didn't know about Takaichi.",
    "Jake Lawlor (Guiseley).",
    "Takaichi spoke with Trump and.",
    "Key facts on United Nations.",
])
def test_fragments_are_caught(sentence: str) -> None:
    assert fragment_reason(sentence)


@pytest.mark.parametrize("sentence", [
    "A southern iowa chiropractor accused of accepting sex as payment has surrendered his state license.",
    "Mayor Ana Ruiz said construction starts in March and should finish within 14 months.",
    "Ms Cheroitich described a scenario that other survivors have alluded to.",
    "The conference aimed to improve on the current tracking system which relies on ground-based radars.",
    '"DDoS attacks are the Ukrainian Cyber Troops\' artillery," Mr Dokukin likes saying.',
    "There are bound to be teething problems.",
    "It might have been less dramatic, but it would have cost more.",
    "Pro-Kremlin party A Just Russia put forward both bills, and linked them directly to the situation in Ukraine.",
])
def test_whole_sentences_pass(sentence: str) -> None:
    assert is_whole(sentence), fragment_reason(sentence)


BRIEF = """Council of Riverton approved a 4.2 million dollar cycle lane network on Tuesday, ending a two-year dispute.
-
The plan adds 18 kilometres of protected lanes along the river and the ring road.
-
Mayor Ana Ruiz said construction starts in March and should finish within 14 months.
-
Shop owners on Mill Street, who opposed the plan, won a delivery bay on every block.
"""
STORY = (BRIEF.replace("\n-\n", " ") + " The network links the station to the university campus. "
         "Cyclists' groups welcomed the vote. A council spokesman said the lanes would be lit at night.")


def test_measures_of_a_written_article_are_in_range() -> None:
    article = briefpress.write(BRIEF, [("story.txt", STORY)], created="2026-11-25T09:00:00+00:00")
    m = measure(article)
    assert 0 < m.trigrams and 0 <= m.repeated_trigrams <= m.trigrams
    assert 0.0 <= m.repetition <= 1.0 and 0.0 <= m.verbatim_share <= 1.0
    assert m.sentences >= m.body_sentences > 0
    assert 0.0 < coverage(article, "S2") <= 1.0
    assert coverage(article, "S9") == 0.0


def _only(article: briefpress.Article, conclusion: str, body: list[str]) -> briefpress.Article:
    data = article.to_json_dict()
    data.update(meta_description="Riverton has a plan.", sections=[], faq=[], takeaways=[], conclusion=conclusion,
                body=body, evidence=[])
    return briefpress.Article.model_validate(data)


def test_repetition_counts_a_pasted_sentence_and_copies_name_it() -> None:
    article = briefpress.write(BRIEF, created="2026-11-25T09:00:00+00:00")
    a, b, c = (f.text for f in article.facts[1:4])
    pasted = measure(_only(article, a, [a, a]))
    told_once = measure(_only(article, a, [b, c]))
    assert a in pasted.copies and not told_once.copies
    assert pasted.repetition > 0.6 and told_once.repetition < 0.1
