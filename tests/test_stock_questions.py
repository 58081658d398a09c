"""Stock questions only where their answers answer them, and headings asked of their facts
(issue #17, point 4; FORMAT.md "Telling each fact once"): the blind editor review's cases."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

import briefpress
from briefpress.edit import EditableArticle
from briefpress.ingest import ingest
from briefpress.models import Article, Fact, Run, Section
from briefpress.pipeline import options_from
from briefpress.plan import MAIN_NEWS_QUESTION, Outline, build_outline, is_stock
from briefpress.plan.answering import answers, has_time, need_of
from briefpress.plan.heads import ask, said_more
from briefpress.plan.questions import stock_question
from briefpress.seo.fix.questions import _said_first, ask_of_answers
from briefpress.seo.fix.sizes import sentences_of
from briefpress.spec import FAQ_MIN, WHEN_QUESTION

GOLDEN = Path(__file__).parent / "golden" / "briefs"
BRIEFS = sorted(GOLDEN.glob("*.txt"))


@cache
def _outline(name: str) -> Outline:
    path = GOLDEN / f"{name}.txt"
    run = ingest(Run(options=options_from()), path.read_text(encoding="utf-8"), brief_name=path.name, sources=[])
    return build_outline(run.facts)


def _fact(text: str, fid: str, role: str = "point") -> Fact:
    return Fact(id=fid, text=text, source="brief", start=0, end=len(text), role=role)


FULLER_HOUSE = ("The show will feature Candace Cameron Bure, who played eldest daughter D.J. Tanner in the original "
                "series -- which aired from 1987 to 1995 -- as the recently widowed mother of three boys.")
LYON = ("Lyon dominated throughout but were made to wait by Bastia, who were reeling from their 4-0 defeat in the "
        "League Cup final against PSG last Saturday.")


@pytest.mark.parametrize(("question", "answer", "answered"), [
    # No figure: the years and the score are in clauses about something else, "three boys" counts nothing told.
    ("What are the key figures?", FULLER_HOUSE, False),
    ("What are the key figures on Mohamed Yattara?", LYON, False),
    ("What are the key figures on Tesco?", "Around 4,000 of Fresh & Easy's 5,000 employees are to transfer.", True),
    ("What are the key figures?", "Four people, three men and one woman, were arrested, the Met Police said.", True),
    ("What are the key figures on Olympique Lyonnais?", "Lyon go top of Ligue 1 with win over Bastia.", False),  # a name's number
    ("What are the key figures?", "The show aired on Channel 4 for 12 seasons.", True),
    # No time its event is set at: a year in an apposition, a name ("May"), a span, a reported clause's time.
    ("When did it happen?", "Nursultan Nazarbayev, a 74-year-old former steel worker who has ruled the nation "
                            "since 1989, has won another five year term.", False),
    ("When did it happen?", "The move is part of national fire service reforms unveiled by Home Secretary "
                            "Theresa May last week.", False),
    ("When did it happen?", "Fresh & Easy, which operates 200 stores across California, Nevada and Arizona, has "
                            "lost money since opening in 2007.", False),
    ("When did it happen?", "Administrator Bob Young said it had been satisfying to sign off on the sale on Monday.",
     False),
    ("When did Ozy Media make the news?", "The founder of Ozy Media was arrested Thursday on fraud charges.", True),
    ("When did Mohamed Yattara open the scoring?", "Substitute Yattara opened the scoring in the 77th minute.", True),
    # A question asked of a fact's time holds only where the answer kept it.
    ("When was the decision taken?", "The decision was taken at a UN conference in Geneva.", False),
    # Who said what: a statement with its speaker.
    ("Who said what about Katy Bourne?", "East Sussex's fire authority said it would co-operate with the PCC.", True),
    ("Who said what?", "The move is part of national fire service reforms.", False),
    # What happens next: a coming event.
    ("What happens next for John Stamos?", "The show will be available next year, Netflix said.", True),
    ("What happens next?", "Fresh & Easy has lost money.", False),
])
def test_a_stock_question_heads_only_an_answer_that_holds_what_it_asks_for(
        question: str, answer: str, answered: bool) -> None:
    assert answers(question, [answer]) is answered


def test_a_question_that_promises_nothing_is_answered_by_any_answer() -> None:
    assert need_of("What else is there to know about Tesco?") is None
    assert need_of("What did Netflix order?") is None
    assert answers("What is the latest on Moderna?", ["Its revenues have begun an anticipated decline."])
    assert has_time("Sanae Takaichi held her first official phone call with Donald Trump on Saturday.")


def test_a_heading_is_built_from_its_fact_not_the_latest_on_x() -> None:
    # The reported clause of "announced that ..." gives the heading its words.
    opening = _outline("fuller-house-netflix").sections[0]
    assert opening.question == "What has Netflix ordered up?"
    assert not is_stock(opening.question)


@pytest.mark.parametrize("name", [p.stem for p in BRIEFS])
def test_every_planned_question_is_answered_by_its_facts(name: str) -> None:
    outline = _outline(name)
    for part in [*outline.sections, *outline.faq]:
        assert answers(part.question, [f.text for f in part.facts]), (part.question, [f.text for f in part.facts])
    questions = [p.question for p in [*outline.sections, *outline.faq]]
    assert len(set(questions)) == len(questions), questions


@pytest.mark.parametrize(("name", "question"), [
    ("fuller-house-netflix", "What are the key figures?"),
    ("kazakhstan-election", WHEN_QUESTION),
    ("sussex-fire-services", WHEN_QUESTION),
    ("tesco-fresh-easy-exit", WHEN_QUESTION),
])
def test_the_reviewed_stock_faq_questions_are_not_asked(name: str, question: str) -> None:
    assert question not in [p.question for p in _outline(name).faq]


@pytest.mark.parametrize("name", [p.stem for p in BRIEFS])
def test_the_faq_does_not_ask_the_main_news_the_first_section_tells(name: str) -> None:
    outline = _outline(name)
    main = stock_question(MAIN_NEWS_QUESTION, outline.topic)
    assert outline.sections[0].facts[0] is outline.lead
    others = [p for p in outline.faq if p.question != main]
    # Kept only where fewer pairs than the format's fewest would be left.
    assert main not in [p.question for p in outline.faq] or len(others) < FAQ_MIN


def test_a_speakers_question_heads_only_that_speakers_words() -> None:
    lead = _fact("Mayor Ana Ruiz said the ferry will run every night from March.", "S1.F1", "lead")
    facts = [lead, _fact("The harbour board approved a 2 million pound grant for the new night service.", "S1.F2"),
             _fact("Mayor Ana Ruiz said the service would cost 4 million pounds a year.", "S1.F3"),
             _fact("Ferry workers welcomed the plan, their union said.", "S1.F4")]
    outline = build_outline(facts)
    # The opening tells the board's grant too: not asked as Ruiz's words.
    assert [f.id for f in outline.sections[0].facts] == ["S1.F1", "S1.F2", "S1.F3"]
    assert not outline.sections[0].question.startswith("What did Ana Ruiz say")
    faq = {p.question: [f.id for f in p.facts] for p in outline.faq}
    assert faq["What did Ana Ruiz say about the ferry?"] == ["S1.F1"]
    assert faq["What did the harbour board approve?"] == ["S1.F2"]


def test_the_seo_stage_asks_again_where_the_written_answer_lost_what_the_question_asks() -> None:
    article: Article = briefpress.write(
        "The council approved the plan on Tuesday.\n-\nThe plan adds 18 kilometres of lanes.\n-\n"
        "Mayor Ana Ruiz said construction starts in March.\n", brief_name="brief.txt")
    answer = "The council approved the plan."  # a cut that dropped "on Tuesday"
    draft = EditableArticle(article.model_copy(update={"sections": [
        Section(question="When did the council approve the plan?", answer=answer), *article.sections[1:]]}))
    ask_of_answers(draft)
    question = draft.data["sections"][0]["question"]
    assert question != "When did the council approve the plan?"
    assert answers(question, sentences_of(answer)), question


def test_a_part_keeps_its_facts_in_the_order_its_heading_is_answered() -> None:
    # A later fact's question heads the section only with that fact first: the first sentence answers it.
    facts = [_fact("It was the third such protest this month.", "S1.F2"),
             _fact("Police opened an investigation.", "S1.F3")]
    found = ask(facts, set(), "")
    assert found is not None
    question, ordered = found
    assert question == "What did police open?" and [f.id for f in ordered] == ["S1.F3", "S1.F2"]


def test_what_happens_next_needs_a_future_not_the_past_s_would() -> None:
    # A blind review's story: "What happens next?" over a 2009 admission that a deadline would be missed.
    assert not answers("What happens next for Josh Earnest?", [
        "In 2009, President Obama admitted the January 2010 deadline he had set for closing the facility would be missed."])
    assert answers("What happens next for Josh Earnest?", ["The plan will be presented to Congress next week."])


def _bench_story(row_id: str) -> Article:
    """A story of ../shared/bench written as the editorial bench writes it: brief = its first four
    sentences, the story itself as a source."""
    import json

    from briefpress.text import split_sentences

    bench = Path(__file__).resolve().parents[2] / "shared" / "bench" / "cliff.dev.jsonl"
    if not bench.is_file():
        pytest.skip("../shared/bench is not here")
    story = next(row["source"] for row in map(json.loads, bench.read_text(encoding="utf-8").splitlines())
                 if row["id"] == row_id)
    brief = "\n-\n".join(s.text for s in split_sentences(story)[:4]) + "\n"
    return briefpress.write(brief, [("story.txt", story)], engine="extractive", brief_name="story.txt")


def test_no_two_sections_share_the_last_resort_heading() -> None:
    # A blind review's story (brief = its first four sentences, the story as a source): "What else
    # is there to know about Holywood?" headed three sections in a row. Facts that give no question
    # of their own are told under the one such heading.
    questions = [s.question for s in _bench_story("cliff-xsum-31111562-BART").sections]
    assert len(questions) == len(set(questions)), questions


def test_a_question_asked_of_its_answer_gives_way_to_a_stock_one_only_after_stock_ones() -> None:
    # The seo stage names the keyphrase in more headings with stock questions: "When did MH370
    # disappear?" had become "What are the key figures on the radio spectrum?" while a stock
    # question stood elsewhere that could have taken the keyphrase instead.
    a = _bench_story("cliff-xsum-34793274-BART")
    questions = [q.question for q in [*a.sections, *a.faq]]
    assert "When did MH370 disappear?" in questions, questions
    assert not any(q.startswith("What are the key figures") for q in questions), questions


def test_a_story_that_opens_with_the_brief_gives_its_sections_no_brief_sentence_twice() -> None:
    # The story's first sentence is the brief's lead: it was ranked the story's fact most related to
    # the brief, and a second section ("What else is there to know about Margot Wallström?") told
    # the lead again.
    a = _bench_story("cliff-xsum-40407620-BART")
    told = [sentence for s in a.sections for sentence in sentences_of(s.answer)]
    assert len(told) == len(set(told)), told
    assert sum("is being flown back to Sweden" in t for t in told) == 1, told


def test_a_story_s_retelling_that_adds_a_date_may_still_answer_a_question() -> None:
    from briefpress.plan.outline import _retells

    lead = _fact("The founder of Ozy Media was arrested Thursday on fraud charges.", "S1.F1", "lead")
    same = _fact("The founder of Ozy Media was arrested Thursday on fraud charges.", "S2.F1")
    dated = _fact("Watson, founder of Ozy Media, was arrested Thursday, Feb. 23, 2023 on fraud charges.", "S2.F2")
    assert _retells(same, lead) and not _retells(dated, lead) and not _retells(lead, lead)


def test_when_did_it_happen_is_never_asked_of_a_point_that_is_not_the_lead() -> None:
    # A blind review: "When did it happen?" over "The US National Security Agency (NSA) was last year
    # accused of bugging the phone of Angela Merkel" dated an arrest made this week.
    facts = [
        _fact("The man is said to have been trying to gather details about a German parliamentary committee.",
              "S1.F1", "lead"),
        _fact('German authorities have asked the US ambassador for "swift clarification".', "S1.F2"),
        _fact("The US National Security Agency was last year accused of bugging the phone of Angela Merkel.", "S1.F3"),
        _fact("The scale of the agency's programme was revealed in documents leaked by Edward Snowden.", "S1.F4"),
    ]
    outline = build_outline(facts)
    assert WHEN_QUESTION not in [p.question for p in [*outline.sections, *outline.faq]]


def test_a_story_s_faq_asks_of_its_later_facts_before_the_main_news_again() -> None:
    # The opening section tells every point of the brief, so the FAQ had asked "What is the main
    # news about Gatland?" (the lead, told a sixth time) and "What else is there to know?" over "He
    # guided Wales ..." (no one named). The story's later facts answer questions of their own.
    a = _bench_story("cliff-xsum-35419902-BART")
    questions = [q.question for q in a.faq]
    assert len(questions) >= 2 and not any(is_stock(q) for q in questions), questions
    lead = next(f for f in a.facts if f.role == "lead")
    assert all(lead.id not in e.facts for e in a.evidence if e.part.startswith("faq[")), questions


def test_a_speaker_asked_about_before_is_asked_what_else_they_said_not_who_said_what() -> None:
    # A story read: "Who said what?" over "Ms Wallström said Mr Gustafsson was in good spirits",
    # after a section had asked "What did Wallström say?".
    said = _fact("Ms Wallström said Mr Gustafsson was in good spirits.", "S1.F3")
    question, facts = said_more([said], {"What did Wallström say?"}, "Mr Gustafsson") or ("", [])
    assert question == "What else did Wallström say?" and facts == [said]
    # Not a speaker no one has asked about, nor facts that are not all the speaker's.
    assert said_more([said], {"What did the board say?"}, "Mr Gustafsson") is None
    other = _fact("The plane landed in Stockholm.", "S1.F4")
    assert said_more([said, other], {"What did Wallström say?"}, "Mr Gustafsson") is None


def test_what_else_becomes_the_first_question_where_the_seo_stage_took_the_first_ones_place() -> None:
    article: Article = briefpress.write(
        "The council approved the plan on Tuesday.\n-\nThe plan adds 18 kilometres of lanes.\n-\n"
        "Mayor Ana Ruiz said construction starts in March.\n", brief_name="brief.txt")
    sections = [Section(question="What did the council approve?", answer="The council approved the plan.")]
    faq = [Section(question="What else did Ana Ruiz say?", answer="Mayor Ana Ruiz said construction starts in March.")]
    draft = EditableArticle(article.model_copy(update={"sections": sections, "faq": faq}))
    _said_first(draft)
    assert draft.data["faq"][0]["question"] == "What did Ana Ruiz say?"
    # Where a question before it asks her, "else" stays.
    faq = [Section(question="What did Mayor Ana Ruiz say about the plan?", answer="Mayor Ana Ruiz said it is good."), *faq]
    draft = EditableArticle(article.model_copy(update={"sections": sections, "faq": faq}))
    _said_first(draft)
    assert draft.data["faq"][1]["question"] == "What else did Ana Ruiz say?"
