"""Verify-and-repair, driven by the scripted engine: what a model says, and what ships."""

from __future__ import annotations

import re
from typing import Any

import pytest

from briefpress.engines.base import Draft
from briefpress.engines.fake import ScriptedEngine
from briefpress.errors import EngineError

from .conftest import make_run
from .test_contract import TAKAICHI

GOOD = "Takaichi conveyed gratitude for Trump's congratulations. [F2]"
LEAD = (
    "Japan's new Prime Minister Sanae Takaichi held her first official phone call with U.S. President Donald "
    "Trump on Saturday. [F1]"
)


class Script:
    """Answers by part; ``body`` and ``rewrite`` may be lists consumed in order."""

    def __init__(self, body: list[str] | str, rewrite: list[str] | str = GOOD,
                 headline: list[str] | str = "Takaichi holds first call with Trump [F1]") -> None:
        self.body = body if isinstance(body, list) else [body]
        self.rewrite = rewrite if isinstance(rewrite, list) else [rewrite]
        self.headline = headline if isinstance(headline, list) else [headline]
        self.asked: list[tuple[str, str, bool]] = []

    def __call__(self, messages: list[dict[str, str]], spec: Any) -> str:
        ask = messages[-1]["content"]
        self.asked.append((spec.name, ask, spec.enforce))
        if "not backed by the facts" in ask or "is not a whole sentence" in ask:
            return self.rewrite.pop(0) if len(self.rewrite) > 1 else self.rewrite[0]
        if spec.name == "body":
            return self.body.pop(0) if len(self.body) > 1 else self.body[0]
        if spec.name == "headline":
            return self.headline.pop(0) if len(self.headline) > 1 else self.headline[0]
        return f"{LEAD}\n{GOOD}"


def write(script: Script, strict: bool = True) -> tuple[Draft, ScriptedEngine]:
    run, outline = make_run(TAKAICHI, strict=strict)
    engine = ScriptedEngine(responses=script)
    return engine.write(run, outline), engine


def test_a_failing_sentence_is_rewritten_once_with_the_reason() -> None:
    script = Script(body=f"{LEAD}\nShares rose 40% after the call. [F4]", rewrite=GOOD)
    draft, _ = write(script)
    rewrites = [ask for name, ask, _ in script.asked if "not backed by the facts" in ask]
    assert len(rewrites) == 1
    # The verifier's reason travels with the request, in the facts' terms, with the cited fact's text.
    assert "no fact gives the figure '40%'" in rewrites[0]
    assert "F4: Market reactions included gains in defense-related stocks" in rewrites[0]
    assert "40%" not in " ".join(draft.body)
    assert "Takaichi conveyed gratitude for Trump's congratulations." in " ".join(draft.body)
    assert draft.repairs and draft.repairs["repaired"] == 1


def test_an_invented_aside_is_deleted_without_asking_the_model_again() -> None:
    invented = ("Sanae Takaichi, a former television presenter, held her first official phone call with "
                "U.S. President Donald Trump on Saturday. [F1]")
    script = Script(body=f"{invented}\n{GOOD}")
    draft, _ = write(script)
    assert not [ask for _, ask, _ in script.asked if "not backed by the facts" in ask]
    body = " ".join(draft.body)
    assert "television presenter" not in body
    assert "Sanae Takaichi held her first official phone call with U.S. President Donald Trump on Saturday." in body
    assert draft.repairs and draft.repairs["repaired"] == 1


def test_a_sentence_that_fails_twice_is_replaced_by_a_source_sentence() -> None:
    script = Script(body=f"{LEAD}\nShares rose 40% after the call. [F4]", rewrite="Shares rose 45% later. [F4]")
    draft, _ = write(script)
    body = " ".join(draft.body)
    assert "40%" not in body and "45%" not in body
    assert "Market reactions included gains in defense-related stocks like Mitsubishi Heavy Industries" in body
    assert draft.repairs and draft.repairs["replaced"] >= 1
    replaced = [e for e in draft.evidence if e.part.startswith("body") and "Market reactions" in e.sentence]
    assert replaced and replaced[0].facts == ["S1.F4"]


def test_a_sentence_that_is_no_whole_sentence_is_asked_for_again() -> None:
    # The packaged model wrote "Mr Earnest on the administration.", every word the sources', and it
    # shipped in three parts: FORMAT.md wants whole sentences only.
    script = Script(body=f"{LEAD}\nTakaichi on the alliance. [F2]", rewrite=GOOD)
    draft, _ = write(script)
    asks = [ask for _, ask, _ in script.asked if "is not a whole sentence" in ask]
    assert len(asks) == 1 and '"Takaichi on the alliance."' in asks[0]
    body = " ".join(draft.body)
    assert "Takaichi on the alliance." not in body
    assert "Takaichi conveyed gratitude for Trump's congratulations." in body
    # Written as no whole sentence twice: a source sentence in its place.
    script = Script(body=f"{LEAD}\nTakaichi on the alliance. [F2]", rewrite="Takaichi on gratitude. [F2]")
    draft, _ = write(script)
    body = " ".join(draft.body)
    assert "Takaichi on" not in body and draft.repairs and draft.repairs["replaced"] >= 1


def test_the_meta_description_tells_a_second_fact_before_it_points_to_the_story() -> None:
    from briefpress.spec import META_BENEFITS_SHORT

    # Under 120 characters alone, within them with "Here is what we know." after it or with a second fact.
    first = "Japan's new Prime Minister Sanae Takaichi held her first official phone call with U.S. President Donald Trump."
    script = Script(body=f"{first} [F1]\nTakaichi conveyed gratitude. [F2]")
    draft, _ = write(script)
    assert draft.meta_description == f"{first} Takaichi conveyed gratitude."
    assert not any(b in draft.meta_description for b in META_BENEFITS_SHORT), draft.meta_description


def test_a_meta_description_that_would_end_on_a_pointer_is_the_extractive_writers() -> None:
    from briefpress.spec import META_BENEFITS_SHORT

    other = ("The discussion highlighted shared commitments to a Free and Open Indo-Pacific, with Takaichi "
             "expressing respect for Trump's Middle East policies. [F3]")  # no cut of it fits beside the first

    class OtherParts(Script):  # the sections and conclusion tell the other fact
        def __call__(self, messages: list[dict[str, str]], spec: Any) -> str:
            if spec.name.startswith(("sections", "conclusion")):
                self.asked.append((spec.name, messages[-1]["content"], spec.enforce))
                return other
            return super().__call__(messages, spec)

    # Under 120 characters alone, and no second sentence fits: it could only end on "Read the full
    # story.", which says nothing, so the extractive writer's two facts stand there.
    first = "Japan's new Prime Minister Sanae Takaichi held her first official phone call with U.S. President Donald Trump."
    draft, _ = write(OtherParts(body=f"{first} [F1]"))
    assert not any(b in draft.meta_description for b in META_BENEFITS_SHORT), draft.meta_description
    assert draft.meta_description.startswith("Sanae Takaichi held her first official phone call")
    # The meta description, the market section, whose fact the other one is not, and the
    # conclusion, which told a section's sentence word for word.
    assert draft.repairs and draft.repairs["fallback_parts"] == 3


def test_non_strict_mode_keeps_the_rewrite_even_when_it_fails() -> None:
    script = Script(body=f"{LEAD}\nShares rose 40% after the call. [F4]", rewrite="Shares rose 45% later. [F4]")
    draft, _ = write(script, strict=False)
    assert "Shares rose 45% later." in " ".join(draft.body)


def test_malformed_output_is_retried_with_the_form_enforced_then_used() -> None:
    script = Script(body=["", LEAD])
    draft, _ = write(script)
    body_asks = [enforce for name, _, enforce in script.asked if name == "body"]
    assert body_asks == [False, True]
    assert draft.repairs and draft.repairs["malformed"] == 1
    assert draft.body[0].startswith("Japan's new Prime Minister Sanae Takaichi")


def test_malformed_twice_falls_back_to_the_extractive_part() -> None:
    script = Script(body=['{"sentences": "oops"}', "<think>I should write the story"])
    draft, _ = write(script)
    assert draft.repairs and draft.repairs["malformed"] == 2 and draft.repairs["fallback_parts"] >= 1
    assert draft.body[0].startswith("Japan’s new Prime Minister Sanae Takaichi")  # the source's own words
    assert all(e.facts for e in draft.evidence if e.part.startswith("body"))


def test_reasoning_tags_are_stripped_before_reading() -> None:
    script = Script(body=f"<think>Let me plan: F1 first, then F2.</think>\n{LEAD}\n{GOOD}")
    draft, _ = write(script)
    assert "<think>" not in " ".join(draft.body) and "plan" not in " ".join(draft.body)
    assert draft.body[0].startswith("Japan's new Prime Minister")


def test_a_looping_answer_is_cut_and_repeats_dropped() -> None:
    script = Script(body=f"{LEAD}\n" + f"{GOOD}\n" * 6)
    draft, _ = write(script)
    body = " ".join(draft.body)
    assert body.count("Takaichi conveyed gratitude") == 1


def test_an_empty_queue_is_a_one_line_engine_error() -> None:
    run, outline = make_run(TAKAICHI)
    with pytest.raises(EngineError, match="no answer left for part 'body'"):
        ScriptedEngine(responses=[]).write(run, outline)


def test_every_request_starts_with_the_same_prefix_holding_every_fact() -> None:
    script = Script(body=f"{LEAD}\n{GOOD}")
    _, engine = write(script)
    prefixes = {tuple((m["role"], m["content"]) for m in messages[:-1]) for _, messages in engine.requests}
    assert len(prefixes) == 1
    system = engine.requests[0][1][0]["content"]
    for alias, fact in zip(("F1", "F2", "F3", "F4"), make_run(TAKAICHI)[0].facts, strict=False):
        assert f"{alias}: {fact.text}" in system


# No clause boundary shortens this one to 70 characters, so only the model can.
LONG_HEADLINE = "Takaichi conveyed gratitude for Trump's congratulations and reaffirmed the Japan-U.S. alliance [F2]"


def test_a_headline_too_long_to_shorten_is_asked_for_once_more() -> None:
    script = Script(body=LEAD, headline=[LONG_HEADLINE, "Takaichi conveyed gratitude for Trump's congratulations [F2]"])
    draft, _ = write(script)
    asks = [ask for name, ask, _ in script.asked if name == "headline"]
    assert len(asks) == 2 and "characters. Write it again in at most" in asks[1]
    assert draft.headline == "Takaichi conveyed gratitude for Trump's congratulations"


def test_a_headline_still_too_long_falls_back_to_the_extractive_one() -> None:
    script = Script(body=LEAD, headline=LONG_HEADLINE)
    draft, _ = write(script)
    assert len([name for name, _, _ in script.asked if name == "headline"]) == 2
    from briefpress.engines.extractive import ExtractiveEngine

    run, outline = make_run(TAKAICHI)
    assert draft.headline == ExtractiveEngine().write(run, outline).headline


def test_a_headline_with_a_pronoun_it_does_not_resolve_is_not_shipped() -> None:
    # The local engine's "Pro-Kremlin party A Just Russia put forward bills linking them": a
    # headline is read alone, so "them" stands for nothing.
    for headline in ("Takaichi holds first call with him [F1]", "She holds first call with Trump [F1]"):
        draft, _ = write(Script(body=LEAD, headline=headline))
        assert draft.headline and not re.search(r"\b(?:him|She)\b", draft.headline), draft.headline
    draft, _ = write(Script(body=LEAD, headline="Takaichi says she holds first call with Trump [F1]"))
    assert draft.headline == "Takaichi says she holds first call with Trump"  # resolved in the headline


def test_a_question_the_model_writes_is_dropped_not_shipped() -> None:
    # "The man said what?" passed the grounding check (a question claims nothing) and shipped in a
    # section and the meta description; an answer asks nothing.
    asked = "What did Takaichi convey to Trump?"
    draft, _ = write(Script(body=f"{LEAD}\n{asked} [F2]\n{GOOD}"))
    texts = [draft.meta_description, draft.conclusion, *draft.body, *(s.answer for s in draft.sections)]
    assert not any(asked in t for t in texts)
    assert "Takaichi conveyed gratitude for Trump's congratulations." in " ".join(draft.body)


def asked_again(brief: str, first: str, marker: str, again: str) -> tuple[Draft, list[str], list[str]]:
    """A model that writes ``first`` for every part and ``again`` for a request holding ``marker``:
    the draft, the requests that asked again, and the texts of the parts the model writes."""
    asked: list[str] = []

    def model(messages: list[dict[str, str]], spec: Any) -> str:
        ask = messages[-1]["content"]
        if marker in ask:
            asked.append(ask)
            return again
        return "A first call [F1]" if spec.name == "headline" else first

    run, outline = make_run(brief)
    draft = ScriptedEngine(responses=model).write(run, outline)
    return draft, asked, [draft.meta_description, draft.conclusion, *draft.body, *(s.answer for s in draft.sections)]


_SAID_TO_BRIEF = ("The man is said to have been trying to gather details about a German parliamentary committee that "
                  "is investigating claims of US espionage.\n-\nGerman authorities have asked the US ambassador for "
                  '"swift clarification".\n-\nThe German federal prosecutor\'s office confirmed the man\'s arrest, but '
                  "gave no other details.\n")
# The local engine's conclusion on a story: the blame gone, the deed given to Washington.
_BLAMED_BRIEF = ("Washington blamed Russia and the Syrian government for intensifying their attacks against civilians."
                 "\n-\nThe US suspended talks with Russia on the Syrian ceasefire.\n-\nRussia said it regretted the US move.\n")


@pytest.mark.parametrize(("brief", "as_fact", "hedged", "other", "shown"), [
    (_SAID_TO_BRIEF, "The man was trying to gather details about a German parliamentary committee.",
     "The man is said to have been trying to gather details about a German parliamentary committee.",
     'German authorities have asked the US ambassador for "swift clarification". [F2]', "is said to"),
    (_BLAMED_BRIEF,
     "Washington's actions against Russia and the Syrian government have intensified their attacks on civilians.",
     "Washington blamed Russia and the Syrian government for intensifying attacks on civilians.",
     "Russia said it regretted the US move. [F3]", "blamed"),
])
def test_a_reported_claim_told_as_fact_is_asked_again_with_the_facts_own_hedge(
        brief: str, as_fact: str, hedged: str, other: str, shown: str) -> None:
    draft, asked, shipped = asked_again(brief, f"{as_fact} [F1]\n{other}", "states as fact what the facts only report",
                                        f"{hedged} [F1]")
    assert asked and as_fact in asked[0]
    assert f"('{shown}')" in asked[0], "the facts' own reporting words are shown"
    assert not any(as_fact in t for t in shipped)
    assert any(hedged in t for t in shipped)


@pytest.mark.parametrize(("brief", "forward"), [
    # A blind review read Gatland's words, from their second paragraph on, as the conclusion: no
    # opening mark, no speaker. What comes next is asked of a fact that quotes no one.
    ("Wales coach Warren Gatland said his side were in good shape for the Six Nations.\n-\n"
     '"It is massive that we\'re going away to Dublin first and the next game at home against Scotland '
     'is six days later," Gatland added.\n-\nWales will play Scotland at home next month.\n',
     "Wales will play Scotland at home next month."),
    # "It added his funeral will be private" shipped as a conclusion, read after the takeaways
    # with nothing before it for "It" and "his".
    ("Conductor Christopher Hogwood has died at his home in Cambridge, a statement said.\n-\n"
     "It added his funeral will be private, with a memorial service to be held at a later date.\n-\n"
     "The Academy of Ancient Music will hold a concert in his memory next month.\n",
     "The Academy of Ancient Music will hold a concert in his memory next month."),
    # "The walkout is expected to halt ..." after a lead that says "strike": the model summed up
    # the walkout's figure again where the planner's conclusion tells of the coming talks.
    ("Train drivers on the Eastvale Rail network will strike for 48 hours from Friday, the drivers' union said.\n-\n"
     "The walkout is expected to halt about 1,200 daily services across the region.\n-\n"
     "Talks are due to resume on Monday through the conciliation service.\n",
     "Talks are due to resume on Monday through the conciliation service."),
])
def test_the_conclusion_is_asked_of_a_coming_event_that_stands_alone_and_quotes_no_one(brief: str,
                                                                                      forward: str) -> None:
    from briefpress.engines.prompts import forward_fact

    _, outline = make_run(brief)
    found = forward_fact(outline)
    assert found is not None and found.text == forward


def test_a_speakers_words_given_without_quotation_marks_are_not_shipped() -> None:
    brief = ("Wales coach Warren Gatland said his side were in good shape for the Six Nations.\n-\n"
             '"There\'s a few new coaches this year and the familiarity will help us put things together quickly," '
             "Gatland said.\n-\nWales begin their campaign against Ireland in Dublin.\n")
    unmarked = "There's a few new coaches this year and the familiarity will help us put things together quickly."
    dublin = "Wales begin their campaign against Ireland in Dublin. [F3]"
    _, asked, shipped = asked_again(brief, f"{unmarked} [F2]\n{dublin}", "without quotation marks", dublin)
    assert asked
    assert not any(unmarked in t and f'"{unmarked[:-1]}' not in t for t in shipped)


def test_a_frame_round_a_fact_goes() -> None:
    from briefpress.engines.repair import finish_sentence
    from briefpress.engines.request import PartSpec

    spec = PartSpec("sections[0].answer", "", 1, 3, 150)
    assert finish_sentence("The latest is that German authorities have asked the US ambassador for clarification.",
                           spec) == "German authorities have asked the US ambassador for clarification."
    assert finish_sentence("The main news is that the council approved the plan", spec) == "The council approved the plan."
    assert finish_sentence("The latest figures show a rise.", spec) == "The latest figures show a rise."


def test_a_frame_round_the_fact_goes_in_each_wording() -> None:
    from briefpress.engines.repair import finish_sentence
    from briefpress.engines.request import PartSpec

    spec = PartSpec("sections[0].answer", "", 1, 3, 60)
    for frame in ("The latest is that", "The latest information is that", "The news is that",
                  "The latest news from Geneva is that"):
        assert finish_sentence(f"{frame} the Cyber Troops bombard rebel websites.", spec) == \
            "The Cyber Troops bombard rebel websites."


def test_a_meta_description_takes_no_second_sentence_that_points_back() -> None:
    # "... a new fast-track procedure for issuing Russian passports. They would not have to have
    # sufficient funds." gave the applicants' terms to the party: a snippet is read alone.
    from briefpress.engines.assembly import ArticleWriter

    writer = object.__new__(ArticleWriter)
    first = "A Just Russia has announced a new fast-track procedure for issuing Russian passports."
    writer.pool = [("They would not have to have sufficient funds.", []),
                   ("Applicants would not have to pay a state tax.", [])]
    seconds = [e.sentence for e in writer._seconds(first, set())]
    assert seconds == ["Applicants would not have to pay a state tax."]


def test_a_section_does_not_tell_a_fact_another_section_holds() -> None:
    # FORMAT.md: each section holds facts no other section holds. Given every fact, the local
    # model told the next section's "Russia poured troops ..." in the first section too.
    market = "Market reactions included gains in defense-related stocks like Mitsubishi Heavy Industries."

    class Sections(Script):
        def __call__(self, messages: list[dict[str, str]], spec: Any) -> str:
            if spec.name == "sections[0].answer":
                return f"{LEAD}\n{market} [F4]"
            return super().__call__(messages, spec)

    draft, _ = write(Sections(body=LEAD))
    assert draft.sections[0].answer.startswith("Japan's new Prime Minister Sanae Takaichi held")
    assert market not in draft.sections[0].answer


def test_a_participle_given_to_another_doer_is_not_kept() -> None:
    # The local China conclusion: "Shares fell by nearly 8% spreading globally." where the fear
    # that spread was the trading's. Held to the model's sentences (a writer may give a fall's
    # effect to what fell), so the check lives in the repairer.
    from briefpress.verify.participles import participle_doer_swapped

    facts = ["Chinese shares fell by nearly 8% after a week of volatile trading that spread fear to global markets.",
             "The council approved the plan on Tuesday, ending a two-year dispute."]
    assert participle_doer_swapped("Shares fell by nearly 8% spreading globally.", facts)
    assert participle_doer_swapped("Chinese shares fell by nearly 8%, spreading fear to global markets.", facts)
    assert not participle_doer_swapped("The council approved the plan, ending a two-year dispute.", facts)
    assert not participle_doer_swapped("Chinese shares fell by nearly 8%.", facts)


def test_a_figure_told_without_its_bound_is_not_kept() -> None:
    # A local headline "Chinese shares plunge 8% after global markets fear" for "fell by nearly 8%".
    from briefpress.verify.figure_check import bound_dropped

    facts = ["Chinese shares fell by nearly 8% after a week of volatile trading.",
             "Representatives from more than 160 countries decided to set aside a radio frequency.",
             "The plan adds 18 kilometres of protected lanes."]
    assert bound_dropped("Chinese shares plunge 8% after global markets fear", facts) == "8%"
    assert bound_dropped("Delegates from 160 countries agreed.", facts) == "160"
    assert not bound_dropped("Chinese shares fell by nearly 8%.", facts)
    assert not bound_dropped("Over 160 countries agreed.", facts)
    assert not bound_dropped("The plan adds 18 kilometres.", facts)


def test_a_sentence_the_model_cites_wrongly_shows_the_facts_it_rests_on() -> None:
    # Told from F2 (gratitude) and F3 (respect), cited F4 (market reactions): the evidence map
    # cites what holds it.
    joined = "Takaichi conveyed gratitude for Trump's congratulations and expressed respect for his Middle East policies."
    script = Script(body=f"{LEAD}\n{joined} [F4]")
    draft, _ = write(script)
    assert joined in " ".join(draft.body)
    cited = next(e.facts for e in draft.evidence if e.sentence == joined)
    assert cited == ["S1.F2", "S1.F3"]
    # Citations that hold the sentence stand as the model gave them.
    lead = next(e.facts for e in draft.evidence if e.part.startswith("body") and "first official" in e.sentence)
    assert lead == ["S1.F1"]


def test_recited_keeps_citations_that_hold_the_sentence_and_replaces_those_that_do_not() -> None:
    from briefpress.engines.citing import recited
    from briefpress.models import Fact
    from briefpress.verify.report import EvidenceSpan

    def fact(i: int, text: str) -> Fact:
        return Fact(id=f"S1.F{i}", text=text, source="brief", start=i * 100, end=i * 100 + len(text))

    won = fact(2, "Nursultan Nazarbayev has won another five year term.")
    poll = fact(3, "But international monitors have voiced their concern about the poll.")
    lead = fact(1, "The leader of Kazakhstan has apologised after winning the election.")
    facts = [lead, won, poll]
    spans = [EvidenceSpan(source=f.source, start=f.start, end=f.end, text=f.text, score=0.5) for f in (poll, won)]
    text = "Nazarbayev has won another five year term, but international monitors have raised concerns about the poll."
    assert [f.id for f in recited(text, [lead], spans, facts)] == ["S1.F2", "S1.F3"]
    assert recited(text, [won, poll], spans, facts) == [won, poll]
    # No evidence that holds more: the model's citations stand.
    assert recited(text, [lead], [], facts) == [lead]


def test_a_section_answer_that_tells_none_of_its_facts_is_not_kept() -> None:
    # Asked "How did the market react?" of F4, the model answers from F2 and cites F4; cited
    # again by what holds it, the sentence tells none of the section's facts.
    class Sections(Script):
        def __call__(self, messages: list[dict[str, str]], spec: Any) -> str:
            if spec.name == "sections[1].answer":
                return "Takaichi conveyed gratitude for Trump's congratulations. [F4]"
            return super().__call__(messages, spec)

    draft, _ = write(Sections(body=LEAD))
    assert "gratitude" not in draft.sections[1].answer
    assert draft.sections[1].answer.startswith("Market reactions included gains")


def test_a_link_no_fact_states_is_asked_again() -> None:
    # "Trump" is F1's and F2's, "Mitsubishi Heavy Industries" F4's, and no fact links them: the
    # grounding check passes every word, the verb is the model's own.
    invented = "Trump praised Mitsubishi Heavy Industries. [F4]"
    script = Script(body=f"{LEAD}\n{invented}", rewrite=GOOD)
    draft, _ = write(script)
    asked = [ask for _, ask, _ in script.asked if "links two things" in ask]
    assert len(asked) == 1 and "Trump praised Mitsubishi Heavy Industries" in asked[0]
    assert "praised" not in " ".join(draft.body)


def test_unstated_link_reads_a_relation_drawn_from_a_title() -> None:
    from briefpress.verify import read_sources
    from briefpress.verify.links import unstated_link
    from briefpress.verify.sources import SourceIndex

    facts = SourceIndex(read_sources([
        "Washington blamed Russia and the Syrian government for intensifying their attacks against civilians. "
        "He said Moscow and Syrian President Bashar al-Assad's troops had been targeting hospitals."]))
    assert unstated_link("President Bashar al-Assad leads the Syrian government.", facts) == \
        "Assad leads the Syrian government"
    assert unstated_link("The Syrian government is led by President Bashar al-Assad.", facts)
    # the facts' own verb, or both ends in one fact: no new link
    assert unstated_link("Washington blamed the Syrian government.", facts) == ""
    assert unstated_link("Washington accused Russia.", facts) == ""


class LeadAsConclusion(Script):
    """Asked to sum the news up in other words, the model gives the lead word for word."""

    def __call__(self, messages: list[dict[str, str]], spec: Any) -> str:
        if spec.name == "conclusion":
            self.asked.append((spec.name, messages[-1]["content"], spec.enforce))
            return LEAD
        return super().__call__(messages, spec)


def test_a_conclusion_that_retells_a_told_sentence_word_for_word_gives_way_to_the_writers_cut() -> None:
    # The README's brief: the model's conclusion was the lead again, read there a fifth time.
    draft, _ = write(LeadAsConclusion(body=f"{LEAD}\n{GOOD}"))
    told = LEAD.removesuffix(" [F1]")
    assert any(told in part for part in [*draft.body, *(s.answer for s in draft.sections)])
    assert draft.conclusion != told and "Takaichi held her first official phone call with Donald Trump on Saturday" \
        in draft.conclusion, draft.conclusion
    assert [e.facts for e in draft.evidence if e.part == "conclusion"] == [["S1.F1"]]
    assert draft.repairs and draft.repairs["fallback_parts"] >= 1


def test_a_conclusion_that_tells_another_fact_than_the_coming_event_is_the_writers() -> None:
    # The rail story's local article concluded on a section's sentence word for word, asked of
    # the talks due on Monday: a conclusion must rest on the fact it was asked of.
    brief = ("Train drivers on the Eastvale Rail network will strike for 48 hours from Friday, the drivers' union said.\n-\n"
             "The walkout is expected to halt about 1,200 daily services across the region.\n-\n"
             "Talks are due to resume on Monday through the conciliation service.\n")
    run, outline = make_run(brief)
    walkout = "The walkout is expected to halt about 1,200 daily services across the region."

    def model(messages: list[dict[str, str]], spec: Any) -> str:
        if spec.name == "headline":
            return "Train drivers to strike for 48 hours [F1]"
        if spec.name == "conclusion":
            return f"{walkout} [F2]"
        return "Train drivers on the Eastvale Rail network will strike for 48 hours from Friday. [F1]"

    draft = ScriptedEngine(responses=model).write(run, outline)
    assert draft.conclusion == "Talks are due to resume on Monday through the conciliation service."
    cited = next(e.facts for e in draft.evidence if e.part == "conclusion")
    assert [f.text for f in outline.points + outline.body if f.id in cited][:1] == [draft.conclusion]


def test_a_match_report_closes_on_its_result_as_the_report_gives_it() -> None:
    """Asked to sum up the news, the local model told the Gateshead report's lead once more; the
    result ("Match ends, Gateshead 1, Guiseley 1.") is told as the report gives it, unasked."""
    from briefpress.ingest import ingest
    from briefpress.models import Options, Run
    from briefpress.plan import build_outline

    report = ("Gateshead have not lost in nine National League matches while Guiseley are unbeaten in five. "
              "Guiseley went ahead on 15 minutes when James Hurst squared to Jake Lawlor to stroke into an empty "
              "net. The hosts levelled on 62 minutes when Wesley York curled into the top-right corner. "
              "Match ends, Gateshead 1, Guiseley 1. Second Half ends, Gateshead 1, Guiseley 1.")
    brief = "\n-\n".join(report.split(". ")[:3])
    run = ingest(Run(options=Options()), brief, brief_name="brief.txt", sources=[("story.txt", report)])
    asked: list[str] = []

    def model(messages: list[dict[str, str]], spec: Any) -> str:
        asked.append(spec.name)
        return "A first call [F1]" if spec.name == "headline" else "Gateshead have not lost in nine matches. [F1]"

    draft = ScriptedEngine(responses=model).write(run, build_outline(run.facts))
    assert draft.conclusion == "The match ended Gateshead 1, Guiseley 1."
    assert "conclusion" not in asked


def test_the_meta_description_never_tells_its_first_fact_twice() -> None:
    """The local Russian-embassy meta description read "Activists in London dumped paint to protest
    Russia's invasion. Activists in London dumped gallons of yellow and blue paint in front of the
    Russian embassy.": its second sentence, meant to add a fact, told the first one's again."""
    brief = ("Activists in London dumped gallons of yellow and blue paint in front of the Russian embassy in support "
             "of Ukraine on Thursday morning.\n-\nThe protest comes on the eve of the one-year anniversary of "
             "Russia's invasion of Ukraine.\n-\nFour people were arrested in connection with the protest.\n")
    first = "Activists in London dumped paint in front of the Russian embassy. [F1]"
    again = "Activists in London dumped gallons of yellow and blue paint on Thursday morning. [F1]"

    def model(messages: list[dict[str, str]], spec: Any) -> str:
        return "A first call [F1]" if spec.name == "headline" else f"{first}\n{again}"

    run, outline = make_run(brief)
    meta = ScriptedEngine(responses=model).write(run, outline).meta_description
    told = [s for s in (first, again) if s.removesuffix(" [F1]") in meta]
    assert len(told) <= 1, meta
