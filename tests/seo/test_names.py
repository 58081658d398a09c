"""Second references (briefpress.seo.fix.names): a short form only where it names no one else and
writes no word the sentence lacks; never inside a quote."""

from __future__ import annotations

import pytest

from briefpress.nlp import spacy_pipeline
from briefpress.seo.fix.names import short_form, shortened

needs_spacy = pytest.mark.skipif(spacy_pipeline() is None, reason="spaCy model not installed")


@needs_spacy
def test_a_persons_full_name_is_told_by_the_surname() -> None:
    facts = ["Josh Earnest said the closure of the camp was a national security interest.",
             "Mr Earnest said the administration was drafting a plan."]
    assert short_form("Josh Earnest", facts) == "Earnest"
    assert shortened("Josh Earnest said the plan was ready.", "Josh Earnest", "Earnest") == "Earnest said the plan was ready."
    assert shortened("It was Josh Earnest's plan.", "Josh Earnest", "Earnest") == "It was Earnest's plan."


@needs_spacy
def test_a_surname_two_people_share_keeps_the_full_name() -> None:
    facts = ["Josh Earnest said the camp would close.", "His colleague Anna Earnest disagreed with the plan."]
    assert short_form("Josh Earnest", facts) is None


@needs_spacy
def test_a_word_that_opens_its_sentence_before_the_surname_names_no_one_else() -> None:
    facts = ["Goals by Mohamed Yattara and Alexandre Lacazette helped Lyon win.",
             "Substitute Yattara opened the scoring in the 77th minute."]
    assert short_form("Mohamed Yattara", facts) == "Yattara"


def test_a_noun_with_its_place_is_told_by_the_noun_without_a_new_word() -> None:
    assert short_form("leader of Kazakhstan", []) == "leader"
    assert short_form("activists in London", []) == "activists"
    assert short_form("Chinese shares", []) == "shares"
    assert shortened("The leader of Kazakhstan has apologised.", "leader of Kazakhstan", "leader") == \
        "The leader has apologised."
    assert shortened("Chinese shares fell by nearly 8%.", "Chinese shares", "shares") == "Shares fell by nearly 8%."
    # A singular noun with no determiner before it would need a word the sentence does not hold.
    assert shortened("Kazakhstan's voters backed leader of Kazakhstan Nazarbayev.", "leader of Kazakhstan",
                     "leader") is None


def test_a_mention_inside_a_quote_keeps_the_speakers_words() -> None:
    sentence = 'He said "Josh Earnest was right" and Josh Earnest agreed.'
    assert shortened(sentence, "Josh Earnest", "Earnest") == 'He said "Josh Earnest was right" and Earnest agreed.'
    assert shortened('"Chinese shares will recover," he said.', "Chinese shares", "shares") is None


def test_a_lone_word_or_a_common_phrase_has_no_short_form() -> None:
    assert short_form("Moderna", ["Moderna announced its earnings."]) is None
    assert short_form("radio spectrum", ["The radio spectrum was set aside."]) is None
