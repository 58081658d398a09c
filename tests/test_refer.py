"""Referring back to the keyphrase with a pronoun: only things, only a whole subject or owner,
only the pronoun the sources use, and only where the verifier still passes the sentence."""

from __future__ import annotations

import pytest

from briefpress.nlp import spacy_pipeline
from briefpress.rewrite.refer import IT, THEY, dangling, names_as_subject, pronoun_for, refer_back
from briefpress.verify import check_sentences, read_sources

pytestmark = pytest.mark.skipif(spacy_pipeline() is None, reason="the spaCy model package is not installed")

MODERNA = [
    "Moderna, Inc.'s revenues from its COVID-19 vaccines have begun an anticipated decline, and it is forecasting a "
    "steep drop in coronavirus vaccine sales in 2023.",
    "Moderna announced its earnings on 23 February, reporting fourth quarter revenues of $5.1bn.",
    "For the full year of 2023, Moderna expects Spikevax to have sales contracted for delivery of $5bn.",
]


@pytest.mark.parametrize(
    ("sentence", "phrase", "pronoun", "referred"),
    [
        ("Moderna announced its earnings on 23 February.", "Moderna", IT, "It announced its earnings on 23 February."),
        ("Moderna's fourth quarter revenues were $4.9bn.", "Moderna", IT, "Its fourth quarter revenues were $4.9bn."),
        (
            "Moderna, Inc.'s revenues have begun an anticipated decline.",
            "Moderna",
            IT,
            "Its revenues have begun an anticipated decline.",
        ),
        (
            "Additionally, Moderna's revenues have begun to decline.",
            "Moderna",
            IT,
            "Additionally, its revenues have begun to decline.",
        ),
        (
            "Furthermore, Moderna expects sales of $5bn in 2023.",
            "Moderna",
            IT,
            "Furthermore, it expects sales of $5bn in 2023.",
        ),
        (
            # A date names nothing the pronoun could stand for.
            "For the full year of 2023, Moderna expects Spikevax to have sales.",
            "Moderna",
            IT,
            "For the full year of 2023, it expects Spikevax to have sales.",
        ),
        (
            "In April of this year, Tesco reported its first fall in annual profits for 20 years.",
            "Tesco",
            IT,
            "In April of this year, it reported its first fall in annual profits for 20 years.",
        ),
        (
            "Chinese shares fell by nearly 8% after a week of volatile trading.",
            "Chinese shares",
            THEY,
            "They fell by nearly 8% after a week of volatile trading.",
        ),
    ],
)
def test_a_whole_subject_or_owner_becomes_the_pronoun(sentence: str, phrase: str, pronoun, referred: str) -> None:
    assert refer_back(sentence, phrase, pronoun) == referred


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("China Eastern said it would cut flights.", "China"),  # part of a longer name
        ("Moderna, the drugmaker, said sales fell.", "Moderna"),  # an aside the pronoun would strand
        ("Analysts said Moderna would lose money.", "Moderna"),  # not first in its sentence
        (
            "Under the terms of the deal, Tesco will loan the new business around £80m.",
            "Tesco",
        ),  # after a phrase naming a thing ("the deal") the pronoun could be read as
        ("After Yucaipa bought the chain, Tesco kept a stake.", "Tesco"),  # after a clause with its own names
        ("Sales of Moderna fell.", "Moderna"),  # neither subject nor owner
    ],
)
def test_no_pronoun_where_the_mention_is_not_a_whole_leading_subject_or_owner(sentence: str, phrase: str) -> None:
    assert refer_back(sentence, phrase, IT) is None


def test_the_pronoun_is_the_one_the_sources_use() -> None:
    # The small spaCy model tags "Moderna" a person in two of these; the sources' "its" decides.
    assert pronoun_for("Moderna", MODERNA) == IT
    assert pronoun_for("Chinese shares", ["Chinese shares fell by nearly 8% on Monday."]) == THEY


def test_a_person_never_takes_a_pronoun() -> None:
    texts = [
        "Carlos Watson, the founder of Ozy Media, was arrested on Wednesday.",
        "Watson said his company would fight.",
    ]
    assert pronoun_for("Carlos Watson", texts) is None
    assert pronoun_for("Watson", texts) is None
    # An "it" or "its" after a person's name is about something else, never the person.
    said = ["Josh Earnest said it was a national security interest.", "Earnest said its closure mattered."]
    assert pronoun_for("Josh Earnest", said) is None
    assert pronoun_for("Earnest", said) is None


def test_an_antecedent_may_be_a_subject_or_owner_with_an_aside() -> None:
    assert names_as_subject("In short, Moderna, Inc. is reporting a decline in its vaccine revenues.", "Moderna")
    assert names_as_subject("Moderna's revenues fell.", "Moderna")
    assert not names_as_subject("Analysts watched the shares of Moderna.", "Moderna")


def test_the_verifier_still_supports_a_sentence_that_refers_back() -> None:
    facts = read_sources(["\n".join(MODERNA)])
    verdict = check_sentences(["It announced its earnings on 23 February."], facts)[0]
    assert verdict.verdict == "supported"


def test_a_sentence_that_goes_on_from_another_does_not_stand_first() -> None:
    # A blind review: takeaways "Details: Davies went on to hit a six and 10 fours ..." and
    # 'Details: "We're in pretty good shape," added Gatland.' went on from nothing told.
    from briefpress.rewrite.refer import orphan_reason

    # A third: 'Unknown quantity: England ... are an "unknown quantity", the New Zealander also said.'
    for sentence in ('"We\'re in pretty good shape," added Gatland.', "Gatland added that the squad was fit.",
                     "Davies went on to hit a six and 10 fours before finally falling to Waite.",
                     'England are an "unknown quantity" in "a really open competition", Gatland also said.'):
        assert orphan_reason(sentence, []) is not None, sentence
        assert orphan_reason(sentence, ["Gatland named his squad for the Six Nations on Monday."]) is None
    assert orphan_reason("Ms Wallström said she had spoken with Mr Gustafsson.", []) is None
    assert orphan_reason("Wales also hold the record of Championship victories.", []) is None  # says nothing
    assert orphan_reason("The festival went on for three days in Holywood.", ["Holywood held a festival."]) is None


@pytest.mark.parametrize(("sentence", "words"), [
    ("It was not clear what happened to them.", "them"),  # who "them" are was told before
    ("It was then that the gunmen entered the room.", "It was then"),
    ('"Suddenly, we heard the bullets," she told the Associated Press news agency.', "she"),
    ("It was not until 10:00 on Saturday that the authorities were able to persuade her to come out.", "her"),
    # a quote going on after "he said" closed the sentence before: whose words, it does not say
    ('"That is not safe for them or for passengers."', '"'),
    ("“We will not back down.”", "“"),
])
def test_a_sentence_read_alone_may_not_point_outside_itself(sentence: str, words: str) -> None:
    # A takeaway or a conclusion is read on its own: "It was not clear what happened to them."
    # shipped as a takeaway of the Kenyan college story, and said nothing there.
    assert dangling(sentence) == words


@pytest.mark.parametrize("sentence", [
    "Ms Cheroitich said her ordeal began at around 05:30.",  # the name before it, though tagged ORG
    "In her first interview, Ms Ruiz said the plan works.",  # a possessive may come before its name
    "Officials said they would appeal.",
    "Smith said Jones had told him.",
    "It was not until 10:00 on Saturday that the college reopened.",  # says when, points nowhere
    "As many as half the refugees are children.",
    '"We are ready," Mr Hadley said.',
    'Rail unions called the timetable "not safe for passengers".',
])
def test_a_sentence_that_names_what_it_refers_to_stands_alone(sentence: str) -> None:
    assert dangling(sentence) is None
