"""A question that names a speaker ("What did Tesco say?") heads only that speaker's statements,
a speaker is asked of once, and a stock question names its topic only where the topic is a
subject (FORMAT.md: "A question heading is asked of its own answer, in the words of its facts")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefpress.ingest import parse
from briefpress.plan import build_outline, is_stock
from briefpress.plan.outline import Outline
from briefpress.plan.questions import stock_question, topic_phrase
from briefpress.plan.speakers import asked_speaker, fits_answer, said_by, same_speaker, speakers_of

GOLDEN = Path(__file__).parent / "golden" / "briefs"


def _outline(brief: str) -> Outline:
    (_, facts), *_ = parse(brief, "brief.txt", "S1")
    return build_outline(facts)


def _say_parts(outline: Outline) -> list[tuple[str, str, list[str]]]:
    """(where, question, answer facts) of each part asked of a speaker."""
    parts = [("section", p) for p in outline.sections] + [("faq", p) for p in outline.faq]
    return [(where, p.question, [f.text for f in p.facts]) for where, p in parts if asked_speaker(p.question)]


@pytest.mark.parametrize(("sentence", "speaker"), [
    ('Tesco said in a statement that this is an "orderly and efficient exit from the US market".', "Tesco"),
    ("The show will be available next year, Netflix said.", "Netflix"),
    ("Shares fell by 8%, according to the Financial Times.", "Financial Times"),
    # A title is not the speaker: the council's leader said it, not the council.
    ("Council leader Dave Stewart said the crossing at Cowes would be free until 2 July.", "Dave Stewart"),
])
def test_the_speaker_a_statement_names(sentence: str, speaker: str) -> None:
    assert said_by(sentence, speaker)


def test_a_title_is_not_the_speaker() -> None:
    # "What did Council say about the crossing at Cowes?" credited the council with its leader's words.
    assert not said_by("Council leader Dave Stewart said the crossing at Cowes would be free.", "Council")


@pytest.mark.parametrize("sentence", [
    # No speaker at all: a fact told by the brief is nobody's statement.
    "Around 4,000 of Fresh & Easy's 5,000 employees are to transfer to the new business as part of the deal.",
    # A pronoun names nobody.
    'In a statement, it added: "The fire authority believes collaboration is essential."',
    # Words on both sides of the speaker: the first clause is not the UN's.
    "That is more than any other country this year - the UN says 200,000 people have fled Syria in 2016.",
])
def test_a_sentence_without_a_named_speaker_credits_no_one(sentence: str) -> None:
    assert speakers_of(sentence) == ()


def test_tesco_is_not_asked_what_it_said_over_facts_it_did_not_state() -> None:
    # The blind review's case: "What did Tesco say?" over Tesco's statement and two facts of the brief.
    outline = _outline((GOLDEN / "tesco-fresh-easy-exit.txt").read_text(encoding="utf-8"))
    opening = outline.sections[0]
    assert len(opening.facts) > 1 and not all(said_by(f.text, "Tesco") for f in opening.facts)
    assert asked_speaker(opening.question) is None, opening.question
    # Tesco's statement alone may still be asked of Tesco, where it stands alone (an FAQ pair).
    faq = {p.question: [f.text for f in p.facts] for p in outline.faq}
    assert "What did Tesco say?" in faq and all(said_by(t, "Tesco") for t in faq["What did Tesco say?"])


@pytest.mark.parametrize("name", ["tesco-fresh-easy-exit", "guantanamo-closure-plan", "sussex-fire-services",
                                  "fuller-house-netflix"])
def test_every_fact_under_a_speaker_question_is_that_speakers(name: str) -> None:
    outline = _outline((GOLDEN / f"{name}.txt").read_text(encoding="utf-8"))
    for _, question, facts in _say_parts(outline):
        who = asked_speaker(question)
        assert who and all(said_by(t, who) for t in facts), (question, facts)


def test_a_speaker_is_asked_of_once_among_the_sections() -> None:
    asked = {"What did Wallström say about Gustafsson?"}
    statement = ["Margot Wallström said Mr Gustafsson was in good spirits."]
    assert not fits_answer("What did Margot Wallström say?", statement, asked)
    # An FAQ pair stands alone: the same speaker on another subject is another question...
    assert fits_answer("What did Margot Wallström say?", statement, asked, once=False)
    # ... but not on the same one.
    assert not fits_answer("What did Margot Wallström say about Mr Gustafsson?", statement, asked, once=False)
    assert not fits_answer("What did Wallström say about Gustafsson?", statement, asked, once=False)


def test_two_sections_never_ask_the_same_speaker() -> None:
    brief = "\n-\n".join([
        "Mr Gustafsson, 42, is being flown back to Sweden from Africa, Sweden's Foreign Minister Margot "
        "Wallström said in a statement on Monday.",
        "He was seized by al-Qaeda in the Islamic Maghreb (AQIM) along with two other men, one of whom was "
        "freed in a dawn raid in 2015.",
        'Ms Wallström said Mr Gustafsson was "in good spirits", local media report.',
        '"It is with great pleasure that I can announce that Johan Gustafsson has been released," Ms Wallström '
        "added.",
    ]) + "\n"
    outline = _outline(brief)
    sections = [asked_speaker(p.question) for p in outline.sections if asked_speaker(p.question)]
    assert not any(same_speaker(a, b) for i, a in enumerate(sections) for b in sections[i + 1:]), sections
    for _, question, facts in _say_parts(outline):
        assert all(said_by(t, asked_speaker(question) or "") for t in facts), (question, facts)


@pytest.mark.parametrize(("keyphrase", "text"), [
    ("Syrian", "Washington blamed Russia and the Syrian government for intensifying their attacks."),
    ("German parliamentary", "He was gathering details about a German parliamentary committee."),
    ("Little", "Little is beyond their reach."),
    ("Gustafsson 42", "Mr Gustafsson, 42, is being flown back to Sweden."),
])
def test_a_word_that_names_no_subject_is_no_topic(keyphrase: str, text: str) -> None:
    assert topic_phrase(keyphrase, [text]) == ""


@pytest.mark.parametrize(("keyphrase", "text", "topic"), [
    ("Tesco", "Tesco said in a statement that it would leave.", "Tesco"),
    ("Tesco", "Tesco boss Dave Lewis said the chain would leave.", "Tesco"),  # a name before a noun
    ("Scottish government", "Last year the Scottish government held a consultation.", "the Scottish government"),
    ("Northern Irishman", "The Northern Irishman stumbled to a three-over-par 75.", "the Northern Irishman"),
    ("radio spectrum", "Part of the radio spectrum was set aside.", "the radio spectrum"),
    ("Chinese shares", "Chinese shares fell by nearly 8%.", "Chinese shares"),
])
def test_a_subject_reads_inside_a_question(keyphrase: str, text: str, topic: str) -> None:
    assert topic_phrase(keyphrase, [text]) == topic


def test_a_stock_question_without_a_subject_is_asked_without_a_topic() -> None:
    assert stock_question("Who said what about {topic}?", "") == "Who said what?"
    assert stock_question("Who said what about {topic}?", "the Scottish government") == \
        "Who said what about the Scottish government?"
    brief = "\n-\n".join([
        "Washington blamed Russia and the Syrian government for intensifying their attacks against civilians.",
        "Last week, the US warned it would halt the talks unless Moscow stops bombing the city of Aleppo.",
        "Russia said it regretted the US move, accusing it of shifting the blame for the collapse of last "
        "month's truce.",
        "Aleppo, Syria's largest city in the north, has come under heavy aerial bombardment since the end of the "
        "ceasefire two weeks ago.",
    ]) + "\n"
    outline = _outline(brief)
    stock = [p.question for p in [*outline.sections, *outline.faq] if is_stock(p.question)]
    # Washington's fact is asked who did it ("Who blamed Russia ...?"), no longer "What is the latest?".
    assert any(p.question.startswith("Who blamed") for p in outline.sections), outline.sections
    # "What is the latest on Syrian?": an adjective is no topic, whatever keyphrase the planner picks.
    assert not any(re.search(r"\b(?:about|on|to|for|with) Syrian\?", q) for q in stock), stock
    # Without a topic a section's stock question and the FAQ's read alike: neither is asked twice.
    questions = [p.question for p in [*outline.sections, *outline.faq]]
    assert len(set(questions)) == len(questions), questions
