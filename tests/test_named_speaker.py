"""A fact whose speaker is a pronoun ("It added ...", "She also said ...") is told apart from the
sentence before it with the speaker named (FORMAT.md: a pronoun "keeps the sentence that
introduces it before it, or names it instead"); where it follows that sentence it stays as is."""

from __future__ import annotations

import briefpress
from briefpress.models import Fact
from briefpress.plan.speakers import named_facts, named_speaker

DIED = "He died at his home in Cambridge following an illness lasting several months, a statement on his website said."
ZAKHAROVA = ('In response to the US suspension of the talks, Russian foreign ministry spokeswoman Maria Zakharova '
             'said: "We regret this decision by Washington."')


def test_a_pronoun_speaker_is_named_from_the_sentence_before() -> None:
    assert named_speaker("It added his funeral will be private.", DIED) == \
        "A statement on his website said his funeral will be private."
    assert named_speaker("She also said that the US had failed to divide jihadist groups.", ZAKHAROVA) == \
        "Spokeswoman Maria Zakharova said that the US had failed to divide jihadist groups."


def test_no_name_where_the_pronoun_is_no_speaker_or_no_fit() -> None:
    assert named_speaker("He was also a tutor at Harvard University.", DIED) is None  # not a statement
    assert named_speaker("It added his funeral will be private.", ZAKHAROVA) is None  # "it" is no person
    assert named_speaker("She added the talks were over.", DIED) is None  # a statement is no "she"
    assert named_speaker("He said the talks were over.", "The talks ended on Monday.") is None  # no speaker


STORY = """Conductor Christopher Hogwood died at his home in Cambridge on Wednesday, a statement on his website said.
It added his funeral will be private.
Hogwood worked with many leading orchestras around the world.
The conductor founded the Academy of Ancient Music in 1973 and directed it for some 30 years.
The academy also made more than 200 recordings, including the first complete cycle of Mozart symphonies on period instruments.
Hogwood studied keyboard at Cambridge University.
He was also a founder member of the Early Music Consort of London.
He was the artistic director of the King's Lynn Festival.
"Christopher had extraordinary generosity of spirit," Christopher Purvis, honorary president of the academy, said.
Hogwood was considered one of the most influential exponents of the early-music movement.
He later taught at Harvard University and Cornell University.
His recording of Handel's Messiah was named one of the top 20 recordings of all time.
"""


def test_the_conclusion_tells_what_comes_next_with_its_speaker_named() -> None:
    lines = STORY.splitlines()
    brief = "\n-\n".join(lines[:4]) + "\n"
    a = briefpress.write(brief, [("story.txt", STORY)], engine="extractive", brief_name="hogwood.txt",
                         date="2026-11-25T09:00:00+00:00", created="2026-11-25T09:00:00+00:00")
    # What happens next, not the lead a sixth time; and "It added" alone would credit no one.
    assert a.conclusion == "A statement on his website said his funeral will be private."
    assert a.conclusion not in [t.text for t in a.takeaways]  # the conclusion's fact is its own
    # The statement is named from the fact before: the evidence map cites both.
    cited = next(e.facts for e in a.evidence if e.part == "conclusion")
    told = {f.id: f.text for f in a.facts}
    assert sorted(told[i] for i in cited) == sorted(lines[:2])
    # The body keeps the source's order, where "It" reads on from the statement before it.
    body = " ".join(a.body)
    assert "a statement on his website said. It added his funeral will be private." in body
    assert (a.grounding or {}).get("summary", {}).get("unsupported", 1) == 0


def test_a_model_engine_takes_the_writers_conclusion_where_its_request_has_no_next_fact() -> None:
    # The model's conclusion request takes no fact that goes on from a speaker; asked to restate
    # the lead instead, the packaged model told Hogwood's lead a fifth time. The writer's named
    # form tells what comes next, with no request.
    from briefpress.engines.fake import ScriptedEngine
    from briefpress.ingest import ingest
    from briefpress.models import Options, Run
    from briefpress.plan import build_outline

    lines = STORY.splitlines()
    run = ingest(Run(options=Options()), "\n-\n".join(lines[:4]) + "\n", brief_name="hogwood.txt",
                 sources=[("story.txt", STORY)])
    engine = ScriptedEngine(default="Christopher Hogwood died at his home in Cambridge on Wednesday. [F1]")
    draft = engine.write(run, build_outline(run.facts))
    assert draft.conclusion == "A statement on his website said his funeral will be private."
    assert "conclusion" not in [name for name, _ in engine.requests]
    assert [e.sentence for e in draft.evidence if e.part == "conclusion"] == [draft.conclusion]


def test_a_model_engine_still_writes_the_conclusion_where_the_writers_fact_has_no_named_speaker() -> None:
    # The flight-tracking brief's next fact holds a quote ('This will allow "real-time tracking
    # ...," said Francois Rancy'), which the model's request leaves out too; told as it is, it
    # copied the body's sentence and opened on a "This" with nothing before it.
    from pathlib import Path

    from briefpress.engines.fake import ScriptedEngine
    from briefpress.ingest import ingest
    from briefpress.models import Options, Run
    from briefpress.plan import build_outline

    brief = (Path(__file__).parent / "golden" / "briefs" / "flight-tracking-frequency.txt").read_text(encoding="utf-8")
    run = ingest(Run(options=Options()), brief, brief_name="flight.txt")
    engine = ScriptedEngine(default="Part of the radio spectrum was set aside for flight tracking. [F1]")
    engine.write(run, build_outline(run.facts))
    assert "conclusion" in [name for name, _ in engine.requests]


def test_a_she_is_named_from_the_one_titled_person_the_sentence_before_tells_of() -> None:
    # "She said she would highlight good care ..." had shipped as a takeaway, "she" no one there:
    # the sentence before quotes no one, but names one person, with a title that fits.
    before = "It is part of Ms Rochira's review into the quality of life and care of older people."
    said = "She said she would highlight good care but also show the impact of poor care upon older people."
    assert named_speaker(said, before) == said.replace("She said", "Ms Rochira said", 1)
    # Not where it names two, nor where the title is a man's.
    assert named_speaker(said, "Ms O'Neill met Ms Rochira to discuss the review.") is None
    assert named_speaker(said, "It is part of Mr Rochira's review into the quality of care.") is None


EASTVALE = ('Eastvale Rail said it had offered a 4.5% pay rise this year and a further 3% next year, and called '
            'the strike "deeply disappointing for passengers."')
TIMETABLE = "The company said it would run a reduced timetable on two main lines using managers who hold driving licences."


def test_the_company_is_named_from_the_business_the_sentence_before_credits() -> None:
    assert named_speaker(TIMETABLE, EASTVALE) == \
        "Eastvale Rail said it would run a reduced timetable on two main lines using managers who hold driving licences."
    assert named_speaker("The firm also added it would appeal.", EASTVALE) == "Eastvale Rail said it would appeal."


def test_the_company_is_not_named_from_another_kind_of_body_or_a_longer_description() -> None:
    union = "The Union of Rail Drivers said 94% of members who voted backed the action, on a turnout of 71%."
    assert named_speaker(TIMETABLE, union) is None  # a union is no company
    assert named_speaker("The union said it would appeal.", EASTVALE) is None  # nor the other way round
    assert named_speaker("The parent company said it would appeal.", EASTVALE) is None  # another business
    assert named_speaker(TIMETABLE, "Passengers said the strike was unfair.") is None  # nobody named


def test_the_rail_story_asks_of_the_company_once_and_names_it_when_told_apart() -> None:
    story = open("examples/rail-strike-wire.txt", encoding="utf-8").read()
    lines = [s for s in story.split("\n") if s.strip()]
    brief = lines[0] + "\n-\n" + lines[1].replace(". ", ".\n-\n", 1)
    a = briefpress.write(brief, [("rail-strike-wire.txt", story)], engine="extractive", brief_name="rail.txt",
                         date="2026-11-25T09:00:00+00:00", created="2026-11-25T09:00:00+00:00")
    questions = [p.question for p in [*a.sections, *a.faq]]
    # "What did Eastvale Rail say?" and "What did the company say?" asked one speaker twice.
    assert "What did Eastvale Rail say?" in questions and "What did the company say?" not in questions
    apart = [t.text for t in a.takeaways] + [p.answer for p in [*a.sections, *a.faq]] + [a.conclusion]
    assert not any(text.startswith("The company said") for text in apart)
    assert "The company said it would run a reduced timetable" in " ".join(a.body)  # reads on there
    assert (a.grounding or {}).get("summary", {}).get("unsupported", 1) == 0


def _facts(*texts: str) -> list[Fact]:
    out, at = [], 0
    for i, text in enumerate(texts, 1):
        out.append(Fact(id=f"S2.F{i}", text=text, source="story.txt", start=at, end=at + len(text)))
        at += len(text) + 1
    return out


COMMISSIONER = ("Older People's Commissioner for Wales Sarah Rochira will call on pensioners to hear their "
                "experiences of residential care.",
                "It is part of Ms Rochira's review into the quality of life and care of older people.",
                "The commissioner will be reviewing whether older people living in residential care have a good quality of life.")
TEAM = "Her team will also speak to care providers, social care staff and public bodies."


def test_her_team_is_named_from_the_one_titled_woman_the_story_tells_of() -> None:
    facts = _facts(*COMMISSIONER, TEAM)
    named = named_facts(facts)
    # "Older People's" is no person (the story writes "older people"): Ms Rochira is the only one.
    assert named[facts[3].id] == (facts[1], "Ms Rochira's team will also speak to care providers, social care "
                                             "staff and public bodies.")


def test_her_team_keeps_its_pronoun_where_someone_else_could_be_meant() -> None:
    kreft = "The chair of Care Forum Wales, Mario Kreft, said the forum backed the review."
    assert _facts(*COMMISSIONER, kreft, TEAM)[4].id not in named_facts(_facts(*COMMISSIONER, kreft, TEAM))
    assert "S2.F4" not in named_facts(_facts(*COMMISSIONER, "His team will also speak to care providers."))
    swapped = _facts(*COMMISSIONER[:1], COMMISSIONER[1].replace("Ms", "Mr"), TEAM)
    assert "S2.F3" not in named_facts(swapped)  # a "Mr" is no "her"
