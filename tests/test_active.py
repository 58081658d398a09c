"""Passive to active voice where the sentence names the doer, and nowhere else."""

from __future__ import annotations

import pytest

from briefpress.nlp import spacy_pipeline
from briefpress.rewrite.active import to_active
from briefpress.verify import check_sentences, read_sources

pytestmark = pytest.mark.skipif(spacy_pipeline() is None, reason="the spaCy model package is not installed")


@pytest.mark.parametrize(("passive", "active"), [
    ("The camp was established in 2002 by the Bush administration to detain the most dangerous suspects.",
     "The Bush administration established the camp in 2002 to detain the most dangerous suspects."),
    ("The plan was approved by the council on Tuesday, officials said.",
     "The council approved the plan on Tuesday, officials said."),
    ("The bill has been signed by President Biden.", "President Biden has signed the bill."),
    ("The reforms were announced by ministers last week.", "Ministers announced the reforms last week."),
    ("The firm is run by billionaire investor Ron Burkle.", "Billionaire investor Ron Burkle runs the firm."),
    ("The deal is being reviewed by the Commission and the CMA.",
     "The Commission and the CMA are reviewing the deal."),
    ("The decision will be taken by the board.", "The board will take the decision."),
    # The doer's phrase last: its space does not stay before the full stop ("on Thursday .").
    ("The plan was announced in Sevastopol on Thursday by A Just Russia leader Sergei Mironov.",
     "A Just Russia leader Sergei Mironov announced the plan in Sevastopol on Thursday."),
    ("The camp was established in 2002 by the Bush administration.", "The Bush administration established the camp in 2002."),
    ("It was sold by the Smith family in 1990.", "The Smith family sold it in 1990."),
    ("The journalist is accused of spreading fake information, the report said.",
     "The journalist stands accused of spreading fake information, the report said."),
    ("Starbucks has been accused of using a little-known British company.",
     "Starbucks stands accused of using a little-known British company."),
    ("The firms have been accused of price fixing.", "The firms stand accused of price fixing."),
])
def test_a_passive_that_names_its_doer_is_put_in_the_active_voice(passive: str, active: str) -> None:
    assert to_active(passive) == active


@pytest.mark.parametrize(
    "sentence",
    [
        "Four people were arrested on Thursday.",  # no doer: the active voice would need one
        "The U.S. coffee giant is being probed by the European Commission over the methods it "
        "used.",  # "it" could change referent
        "The match will be played by both teams in Paris.",  # where the match is played, or which teams?
        "The plan was not approved by the council.",  # negated
        "Was the plan approved by the council?",  # a question
        "Police said the plan was approved by the council.",  # the passive is not the main clause
        'He said the mayor "is accused of fraud by nobody".',  # a quotation stays the speaker's words
        "The bill was passed by the Senate and signed by the president.",  # two verbs share the subject
        "His book was praised by John Smith.",  # "John Smith praised his book": whose book?
        "The book was praised by his brother.",  # "His brother praised the book": whose brother?
        # a name the parse cuts short: "Al-Qaeda seized him in the Islamic Maghreb" names the wrong group
        "He was seized by al-Qaeda in the Islamic Maghreb (AQIM) along with two other men.",
    ],
)
def test_nothing_is_rewritten_where_the_meaning_could_move(sentence: str) -> None:
    assert to_active(sentence) is None


def test_the_verifier_supports_the_active_form_and_still_catches_the_swap() -> None:
    facts = read_sources(["The camp was established in 2002 by the Bush administration to detain suspects."])
    active, swapped = check_sentences([
        "The Bush administration established the camp in 2002 to detain suspects.",
        "The camp established the Bush administration in 2002.",
    ], facts)
    assert active.verdict == "supported"
    assert swapped.verdict == "contradicted"
