"""Splitting a long sentence at the joint of two whole clauses, without writing a word."""

from __future__ import annotations

import pytest

from briefpress.nlp import spacy_pipeline
from briefpress.rewrite.split import split_clauses, verb_phrases

pytestmark = pytest.mark.skipif(spacy_pipeline() is None, reason="the spaCy model package is not installed")


def test_two_clauses_joined_by_and_become_two_sentences() -> None:
    s = ("Substitute Yattara opened the scoring in the 77th minute and Ligue 1 top scorer Lacazette took "
         "his tally to 25 eight minutes later.")
    assert split_clauses(s) == [
        "Substitute Yattara opened the scoring in the 77th minute.",
        "Ligue 1 top scorer Lacazette took his tally to 25 eight minutes later.",
    ]


def test_but_keeps_its_contrast_and_a_semicolon_becomes_a_full_stop() -> None:
    assert split_clauses("The council approved the new cycle lanes on Tuesday, but the shop owners on Mill "
                         "Street won a delivery bay.") == [
        "The council approved the new cycle lanes on Tuesday.",
        "But the shop owners on Mill Street won a delivery bay.",
    ]
    assert split_clauses("The union is demanding a 7% pay rise over two years; the port authority has "
                         "offered 3.5% over the same period.") == [
        "The union is demanding a 7% pay rise over two years.",
        "The port authority has offered 3.5% over the same period.",
    ]


def test_a_dash_inside_the_first_clause_is_no_part_of_the_joint() -> None:
    # The parser hangs the closing dash of "- including the UK -" on the main verb, as it does the
    # joint's comma: only the marks right before the second clause are cut.
    assert split_clauses("Starbucks ran its European division - including the UK - through the Netherlands, "
                         "but it paid just £1.9million in tax to the Dutch government.") == [
        "Starbucks ran its European division - including the UK - through the Netherlands.",
        "But it paid just £1.9million in tax to the Dutch government.",
    ]


@pytest.mark.parametrize("sentence", [
    # one subject for both verbs: the second part would have none
    "Lyon dominated throughout but were made to wait by Bastia, who were reeling from their defeat.",
    # the joint is inside a quotation: the speaker's words stay whole
    'He said "the players fought hard all season and the club will survive this difficult spring" after the match.',
    # a part under six words
    "Prices rose and the central bank raised its main interest rate by half a point on Friday.",
    # a clause with no subject of its own
    "Takaichi held her first call with Trump on Saturday, emphasizing the strength of the alliance.",
])
def test_no_split_where_a_part_would_not_be_a_whole_clause(sentence: str) -> None:
    assert split_clauses(sentence) is None


@pytest.mark.parametrize(("sentence", "pieces"), [
    ("Lyon dominated throughout but were made to wait by Bastia, who were reeling from their 4-0 defeat in "
     "the League Cup final against PSG last Saturday.",
     ["Lyon dominated throughout but were made to wait by Bastia.",
      "Bastia were reeling from their 4-0 defeat in the League Cup final against PSG last Saturday."]),
    ("He was arrested as part of a scheme to prop up the financially struggling company, which hemorrhaged "
     "millions of dollars before it shut down.",
     ["He was arrested as part of a scheme to prop up the financially struggling company.",
      "The financially struggling company hemorrhaged millions of dollars before it shut down."]),
])
def test_a_closing_relative_clause_becomes_a_sentence_that_names_what_it_is_about(
    sentence: str, pieces: list[str]
) -> None:
    from briefpress.rewrite.split import split_relative

    assert split_relative(sentence) == pieces


@pytest.mark.parametrize("sentence", [
    # the relative clause sits inside the sentence, not at its end
    "The Art Fund, which led the campaign, will gift the collection to the Victoria and Albert Museum.",
    # the pronoun is not the clause's subject
    "The council approved the plan, which critics say will cost millions.",
    # a restrictive clause (no comma): it picks out which one, so it cannot stand alone
    "The council approved the plan which the mayor had opposed for two long years.",
    # "of" leaves open whom the clause is about: the daughter or the colonel
    "The reporter spoke to the daughter of the colonel, who was standing on the balcony of the house.",
    # the clause sits in a list that goes on after it (a blind review read "Bairstow lobbed tamely
    # to mid-wicket, Ballance and Jack Leaning.")
    "Fast bowler Meaker turned the game by ripping out Bairstow, who lobbed tamely to mid-wicket, Ballance and "
    "Jack Leaning.",
])
def test_relative_clauses_that_cannot_stand_alone_are_left(sentence: str) -> None:
    from briefpress.rewrite.split import split_relative

    assert split_relative(sentence) is None


def test_two_verb_phrases_of_one_subject_are_each_said_of_it() -> None:
    sentence = ("Takaichi conveyed gratitude for Trump's congratulations and reaffirmed the Japan-U.S. alliance "
                "as central to her administration's security strategy.")
    assert verb_phrases(sentence) == [
        "Takaichi conveyed gratitude for Trump's congratulations.",
        "Takaichi reaffirmed the Japan-U.S. alliance as central to her administration's security strategy."]
    # a shared modal stays with both or the second goes; an opening that bears on both keeps them whole
    assert verb_phrases("The central board could raise local taxes and cut public spending this year.") == [
        "The central board could raise local taxes."]
    assert verb_phrases("Despite the protests, the central board raised local taxes and cut public spending.") == []
    assert verb_phrases('He said "we will not win this" and left the room quickly.') == []
    # a reported clause before "and": the second verb may be the clause's ("construction ... should
    # finish"), never to be said of the speaker ("Mayor Ana Ruiz should finish within 14 months.")
    assert verb_phrases("Mayor Ana Ruiz said construction starts in March and should finish within 14 months.") == []
