"""FAQ answers that stand alone after their question (issue #17, FORMAT.md part 5), and the stock
"when" question asked with the keyphrase as its subject."""

from __future__ import annotations

from briefpress.engines.extractive import _faq_answer
from briefpress.engines.writer import Writer
from briefpress.models import Fact
from briefpress.plan import Part, build_outline
from briefpress.rewrite.refer import asked_context, orphan_reason, speaks_for_someone_before
from briefpress.spec import WHEN_QUESTION


def _fact(text: str, fid: str, role: str = "point") -> Fact:
    return Fact(id=fid, text=text, source="brief", start=0, end=len(text), role=role)


def test_a_question_that_names_something_is_read_before_its_answer() -> None:
    starbucks = "What is the main news about Starbucks?"
    assert asked_context(starbucks) == [starbucks]
    assert orphan_reason("It is embroiled in a row over its taxes.", asked_context(starbucks)) is None
    assert asked_context("What did Lena Holt say?") == ["What did Lena Holt say?"]
    assert orphan_reason("She said the ferry would run.", asked_context("What did Lena Holt say?")) is None


def test_a_question_that_points_back_or_names_nothing_introduces_nothing() -> None:
    for question in ("When did it happen?", "What happens next?", "How did others react?"):
        assert asked_context(question) == []
    assert orphan_reason("She was only brought out on Saturday morning.", asked_context("When did it happen?"))


def test_the_faq_answer_opens_on_the_fact_that_stands_alone() -> None:
    facts = [_fact("She will be moved to a new enclosure at the zoo next month.", "S1.F2"),
             _fact("The Riverton zoo will open a new reptile house next spring.", "S1.F3")]
    part = Part("What happens next?", facts, "Next steps")
    answer = _faq_answer(Writer(), part, asked_context(part.question))
    assert answer and answer[0][1].id == "S1.F3", answer
    # Named in the question, the pronoun has its referent: the question's first fact opens.
    named = Part("What did Lena Holt say?", facts, "Next steps")
    assert _faq_answer(Writer(), named, asked_context(named.question))[0][1].id == "S1.F2"


def test_a_second_sentence_that_points_back_to_nothing_is_not_added() -> None:
    facts = [_fact("The zoo opened.", "S1.F2"), _fact("She was only brought out on Saturday morning.", "S1.F3")]
    answer = _faq_answer(Writer(), Part("What happens next?", facts, "Next steps"), [])
    assert [f.id for _, f in answer] == ["S1.F2"]


def _when_question(lead: str, timed: str) -> str | None:
    outline = build_outline([_fact(lead, "S1.F1", "lead"), _fact(timed, "S1.F2")])
    return next((p.question for p in outline.faq if p.label == "When"), None)


def test_the_when_question_names_the_keyphrase_where_the_fact_is_about_it() -> None:
    lead = "Tesco is to sell its US chain Fresh & Easy to Yucaipa, ending its American venture."
    asked = _when_question(lead, "Tesco opened its first Fresh & Easy store in California in 2007.")
    assert asked is not None and asked.startswith("When") and "Tesco" in asked and asked != WHEN_QUESTION, asked
    # Not about Tesco: the question does not name it, and "When did it happen?" would read as the
    # news itself; with no when-question of its own the point gets no "when" pair.
    other = _when_question(lead, "The board of Yucaipa agreed the deal last week.")
    assert other is None or ("Tesco" not in other and other != WHEN_QUESTION), other
    # "Theresa May" is a name, and the week is when the reforms were unveiled, not when the move
    # happened: no "when" pair (the editor's case "When did it happen?" -> "The move is part of ...").
    assert _when_question(lead, "The move is part of reforms unveiled by Theresa May last week.") is None


def test_of_more_pairs_than_fit_the_one_whose_answer_points_back_to_nothing_goes() -> None:
    from briefpress.engines.extractive import ExtractiveEngine
    from briefpress.plan import Outline

    lead = _fact("The Riverton zoo reopened on Monday after a year of repairs.", "S1.F1", "lead")
    alone = [_fact("The zoo's new reptile house holds 40 species.", "S1.F2"),
             _fact("Visitors queued for an hour at the gates.", "S1.F3")]
    orphan = _fact("She was only brought out on Saturday morning.", "S1.F4")
    # The orphan's question names the keyphrase, which alone would rank it first.
    parts = [Part("What else is there to know about the reptile house?", [orphan], "Details"),
             Part("What else is there to know?", alone[:1], "Details"),
             Part("How did visitors react?", alone[1:], "Details")]
    outline = Outline(lead=lead, points=[*alone, orphan], keyphrase="reptile house", topic="the reptile house",
                      faq=parts, body=[lead, *alone])  # two pairs fit: one fewer than the body's facts
    faq = ExtractiveEngine._faq(Writer(), outline, set())
    assert len(faq) == 2 and all("She" not in s.answer for s in faq), [s.answer for s in faq]


def test_the_planner_asks_no_faq_pair_of_a_fact_that_goes_on_from_another() -> None:
    """The Syria review: "What are the key figures ...?" answered by "He said Moscow ... had been
    targeting ...", a "he" nothing before it names. An answer is read after the lead alone."""
    facts = [_fact("Air strikes hit eastern Aleppo on Monday, killing 40 people, monitors said.", "S1.F1", "lead"),
             _fact("He said Moscow and Syrian troops had been targeting 300 rebel positions.", "S1.F2"),
             _fact("It added that the strikes would go on.", "S1.F3"),
             _fact("Her office said the fire began on the ground.", "S1.F4"),
             _fact("The United Nations will hold an emergency meeting on Aleppo on Friday.", "S1.F5")]
    outline = build_outline(facts)
    answered = {f.id for p in outline.faq for f in p.facts}
    assert answered, outline.faq
    assert not answered & {"S1.F2", "S1.F3", "S1.F4"}, [(p.question, [f.text for f in p.facts]) for p in outline.faq]
    # An "it" is most often the story's own subject, named by the question: "What could Starbucks
    # face? It could face millions of pounds in back taxes."
    assert not speaks_for_someone_before("It could face millions of pounds in back taxes.")
    # The same facts still tell the story in the sections.
    assert {"S1.F2", "S1.F5"} <= {f.id for s in outline.sections for f in s.facts}
