"""Scores: a pair of figures tied to its sides, checked as a pair against the sources."""

from __future__ import annotations

import pytest

from briefpress.verify import check_sentences, read_sources
from briefpress.verify.scores import extract

# A match report with its live text, as wire sources give them: the half-time score's figures
# (0 and 1) and the result's (1 and 1) are all there as bare numbers.
REPORT = """Guiseley went ahead on 15 minutes when Jake Lawlor stroked into an empty net.
The hosts levelled on 62 minutes when York curled into the top-right corner.
Match ends, Gateshead 1, Guiseley 1.
Goal!  Gateshead 1, Guiseley 1.
First Half ends, Gateshead 0, Guiseley 1.
Goal!  Gateshead 0, Guiseley 1."""


@pytest.fixture(scope="module")
def facts():  # type: ignore[no-untyped-def]
    return read_sources([("report.txt", REPORT)])


def verdict_of(sentence: str, facts) -> str:  # type: ignore[no-untyped-def]
    return check_sentences([sentence], facts)[0].verdict


@pytest.mark.parametrize("sentence", [
    "The match ended Gateshead 1, Guiseley 0.",  # every figure is in the live text
    "The match ended Gateshead 0, Guiseley 1.",  # the half-time score told as the result
    "Gateshead beat Guiseley 1-0.",
    "Guiseley beat Gateshead 1-0.",
    "Gateshead led 1-0 at half-time.",  # the leader swapped
])
def test_a_score_the_sources_give_otherwise_contradicts_them(sentence: str, facts) -> None:  # type: ignore[no-untyped-def]
    assert verdict_of(sentence, facts) == "contradicted"


@pytest.mark.parametrize("sentence", [
    "The match ended Gateshead 1, Guiseley 1.",
    "Gateshead and Guiseley drew 1-1.",
    "Guiseley led 1-0 at half-time.",
])
def test_a_score_as_the_sources_give_it_is_not_held_against_them(sentence: str, facts) -> None:  # type: ignore[no-untyped-def]
    verdict = check_sentences([sentence], facts)[0]  # "drew" and "led" are words the sources lack: no matter here
    assert verdict.verdict != "contradicted"
    assert not [r for r in verdict.reasons if r.detail.startswith(("the sources give the score", "the sources give the result"))]


def test_the_message_shows_whose_figures_the_sources_say_they_are(facts) -> None:  # type: ignore[no-untyped-def]
    reasons = check_sentences(["Gateshead led 1-0 at half-time."], facts)[0].reasons
    assert any("'Gateshead 0, Guiseley 1'" in r.detail for r in reasons)


def test_scores_are_read_as_pairs_with_their_sides_and_ranges_are_not_scores() -> None:
    assert [(s.sides, s.values) for s in extract("Match ends, Gateshead 1, Guiseley 1.")] == \
        [(("gateshead", "guiseley"), (1, 1))]
    assert [s.values for s in extract("They won 2-1 at home.")] == [(2, 1)]
    assert extract("Between 10-15 people attended in 2015-16.") == []


@pytest.mark.parametrize(("source", "sentence"), [
    # A score in words that are no score words of their own: a source's pair grounds all the same.
    ("Porto hold a 3-1 first leg advantage over Bayern Munich, coach Julen Lopetegui said.",
     "Porto lead 3-1 from the first leg."),
    # "Second-half" goals are not a half-time score.
    ("Second-half goals helped Lyon go top with a 2-0 home win against Bastia on Wednesday. "
     "Bastia were reeling from their 4-0 defeat in the League Cup final.",
     "Lyon beat Bastia 2-0 on Wednesday."),
])
def test_a_score_the_source_gives_in_other_words_is_no_contradiction(source: str, sentence: str) -> None:
    verdict = check_sentences([sentence], read_sources([("source.txt", source)]))[0]
    assert not [r for r in verdict.reasons if r.detail.startswith(("the sources give the score", "the sources give the result"))]
