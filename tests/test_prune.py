"""Deleting the modifier phrase that holds words no source gives."""

from __future__ import annotations

import pytest

from briefpress.nlp import spacy_pipeline
from briefpress.rewrite.prune import without_phrases, without_subject_description

pytestmark = pytest.mark.skipif(spacy_pipeline() is None, reason="the spaCy model package is not installed")


def test_the_phrase_holding_the_word_goes_and_the_clause_stays() -> None:
    assert without_phrases("Mohamed Yattara scored his second goal of the season in the 77th minute.", ["season"]) == (
        "Mohamed Yattara scored his second goal in the 77th minute."
    )


def test_an_aside_goes_with_its_commas() -> None:
    assert without_phrases("Josh Earnest, a top national security official, said the closure was a national "
                           "security interest.", ["official"]) == (
        "Josh Earnest said the closure was a national security interest."
    )


@pytest.mark.parametrize("sentence, words", [
    # the word is the verb or its subject: nothing can go without breaking the clause
    ("The company has been facing financial difficulties.", ["facing"]),
    ("Analysts expect a recovery next year.", ["Analysts"]),
    # more than half the sentence would go
    ("Lacazette's tally is the highest for a French player in the history of the league this season.",
     ["player", "history", "league", "season", "French"]),
    # no words named: nothing to delete
    ("Lyon went top of Ligue 1 on Wednesday.", []),
])
def test_nothing_is_deleted_where_the_clause_would_not_survive(sentence: str, words: list[str]) -> None:
    assert without_phrases(sentence, words) is None


@pytest.mark.parametrize("sentence, kept", [
    # a participle phrase and a comma-set apposition describe the subject: what it did stays
    ("A southern Iowa chiropractor accused of accepting sex as payment has surrendered his state license.",
     "A southern Iowa chiropractor has surrendered his state license."),
    ("The Northern Irishman, twice a winner of the European Tour's season-finale, stumbled to a three-over-par 75.",
     "The Northern Irishman stumbled to a three-over-par 75."),
    ("Sanae Takaichi, Japan's new prime minister, held a call with Donald Trump.",
     "Sanae Takaichi held a call with Donald Trump."),
])
def test_the_subject_s_description_goes(sentence: str, kept: str) -> None:
    assert without_subject_description(sentence) == kept


@pytest.mark.parametrize("sentence", [
    "McIlroy, 27, has never finished worse than 11th.",  # a figure is a fact to keep
    "The company's chief, John Smith, said profits fell.",  # the name says who
    "Henrik Stenson, holder of a course-record 25 under at the Earth Course, leads.",  # a figure inside
    "Mr Smith, who resigned, said he was sorry.",  # a relative clause is no apposition
])
def test_a_description_that_holds_a_fact_or_a_name_stays(sentence: str) -> None:
    assert without_subject_description(sentence) is None
