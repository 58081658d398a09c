"""A source sentence cut before what it needs is a new claim; the same cut followed in its part by
the rest of the sentence is the sentence split in two, and says what the source says."""

from __future__ import annotations

import pytest

from briefpress.models import Fact
from briefpress.verify.check import check_all
from briefpress.verify.cut_check import continues

pytest.importorskip("spacy")

SOURCE = ("Some have been considered too dangerous to be released, but the US holds no evidence that can be "
          "used in civilian or military trials against them.")
FIRST = "Some have been considered too dangerous to be released."
REST = ", but the US holds no evidence that can be used in civilian or military trials against them."


def _verdicts(parts: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    from briefpress.verify.article import ArticleSentence

    facts = [Fact(id="S1.F1", text=SOURCE, source="story.txt", start=0, end=len(SOURCE))]
    sentences, at = [], 0
    for part, text in parts:
        sentences.append(ArticleSentence(text=text, part=part, start=at, end=at + len(text), check_text=text))
        at += len(text) + 1
    return {(v.part, v.text): v.verdict for v in check_all(sentences, facts, cuts=True)}


def test_the_rest_of_the_sentence_after_a_cut_makes_it_a_split() -> None:
    assert continues(REST, "But the US holds no evidence that can be used in civilian or military trials against them.")
    assert continues(REST, "The US holds no evidence that can be used in civilian or military trials against them.")
    assert not continues(REST, "The US holds no evidence.")
    assert not continues(REST, "")
    # A dash between the clauses goes with the cut: "... 26 outright and 12 shared. A third Grand
    # Slam ..." is a split, not a cut (the verify stage had put the whole sentence back before it).
    rest = " - and a third Grand Slam in nine years would mean they join England on a record 12 Grand Slams."
    assert continues(rest, "A third Grand Slam in nine years would mean they join England on a record 12 Grand Slams.")


def test_a_contrast_cut_alone_fails_and_split_in_its_part_passes() -> None:
    second = "But the US holds no evidence that can be used in civilian or military trials against them."
    split = _verdicts([("body[0]", FIRST), ("body[0]", second)])
    assert split[("body[0]", FIRST)] == "supported"
    alone = _verdicts([("takeaways[0].text", FIRST)])
    assert alone[("takeaways[0].text", FIRST)] == "unsupported"
    # Told alone in one place, the cut is a cut there: one verdict for the sentence, the strict one.
    both = _verdicts([("body[0]", FIRST), ("body[0]", second), ("faq[0].answer", FIRST)])
    assert both[("faq[0].answer", FIRST)] == "unsupported"


def test_a_headline_that_shares_a_body_sentences_words_does_not_spare_it_the_cut_check() -> None:
    # One verdict per distinct sentence: the headline, read first and spared the cut check (a
    # title may name its subject alone), had given its pass to the same words in the body.
    verdicts = _verdicts([("headline", FIRST), ("body[0]", FIRST)])
    assert verdicts[("headline", FIRST)] == "supported"
    assert verdicts[("body[0]", FIRST)] == "unsupported"
