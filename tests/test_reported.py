"""A plain report told with its attribution moved: another whole form of a fact that has no cut,
so the parts other than the body need not paste the body's sentence (FORMAT.md, "Telling each
fact once")."""

from __future__ import annotations

import pytest

from briefpress.engines.extractive import condensed_forms
from briefpress.rewrite.forms import reworded
from briefpress.rewrite.reported import reported_forms
from briefpress.rewrite.whole import fragment_reason
from briefpress.verify import check_sentences, read_sources

pytest.importorskip("spacy")

REPORT = "Josh Earnest said the closure of the Cuban detention camp was a national security interest."


def test_a_plain_report_is_told_with_its_speaker_last_and_according_to_its_speaker() -> None:
    assert reported_forms(REPORT) == (
        "The closure of the Cuban detention camp was a national security interest, Josh Earnest said.",
        "According to Josh Earnest, the closure of the Cuban detention camp was a national security interest.",
    )
    # A speaker that is no name loses its capital mid-sentence; a clause that opens on a name keeps it.
    assert reported_forms("Officials said four people were hurt.") == (
        "Four people were hurt, officials said.", "According to officials, four people were hurt.")
    assert reported_forms("The Financial Times says Chinese leaders feel they mishandled the rescue.")[1] == \
        "According to the Financial Times, Chinese leaders feel they mishandled the rescue."
    assert reported_forms("Sussex PCC Katy Bourne said emergency services would collaborate.")[0] == \
        "Emergency services would collaborate, Sussex PCC Katy Bourne said."
    # What stands between the verb and its clause goes with the verb, and "According to" is not used.
    assert reported_forms("The mayor said on Monday that Mill Street will be closed to cars on Sundays.") == (
        "Mill Street will be closed to cars on Sundays, the mayor said on Monday.",)


def test_a_report_with_its_speaker_last_is_told_with_its_speaker_first_and_according_to_it() -> None:
    # Wire copy's usual order has no cut, so without these forms every part pasted it whole.
    assert reported_forms("A journalist and stock market officials are among those arrested, Xinhua said.") == (
        "Xinhua said a journalist and stock market officials are among those arrested.",
        "According to Xinhua, a journalist and stock market officials are among those arrested.",
    )
    assert reported_forms("Twenty are in critical condition, police said.") == (
        "Police said twenty are in critical condition.", "According to police, twenty are in critical condition.")
    # "said Mayor Ana Ruiz" as well; a clause that opens on a name keeps its capital.
    assert reported_forms("NATO will stay, said Mayor Ana Ruiz.") == (
        "Mayor Ana Ruiz said NATO will stay.", "According to Mayor Ana Ruiz, NATO will stay.")


@pytest.mark.parametrize("sentence", [
    "Tesco said in a statement that this is an orderly exit from the US market.",  # "this" would point at nothing
    "West Sussex County Council said it already had an excellent model.",  # nor "it"
    'The Malaysian Censorship Board (LPF) said on Tuesday it had approved the screening but with "a minor '
    'edit concerning a gay moment in the film".',  # nor "it" after a phrase the parse puts in the clause
    "He said the plan works.",  # a pronoun speaker
    "It gave no other details, Xinhua said.",  # moved after "Xinhua said", "it" would be Xinhua
    "The closure would save money, the report said on Monday.",  # more after the speaker
    "“We comply,” a spokesman said.",  # a quotation keeps its marks and its order
    "On Monday the mayor said the lanes will open in March.",  # something before the speaker
    "The mayor told reporters the lanes will open in March.",  # not a plain "said"
    "The mayor said the lanes will open in March and resigned.",  # a second predicate
])
def test_any_other_sentence_has_no_such_form(sentence: str) -> None:
    assert reported_forms(sentence) == ()


TRAILING = "Twenty are in critical condition after the blast, police said."


@pytest.mark.parametrize("report", [REPORT, TRAILING])
def test_the_forms_are_whole_grounded_and_known_as_reworded(report: str) -> None:
    facts = read_sources([("brief.txt", report)])
    forms = condensed_forms(report)
    assert report in forms and set(reported_forms(report)) <= set(forms)
    assert len(reported_forms(report)) == 2
    for form in reported_forms(report):
        assert fragment_reason(form) is None and reworded(report, form)
    assert not reworded(report, report)
    assert all(v.verdict == "supported" for v in check_sentences(list(reported_forms(report)), facts))
