"""Sentence verdicts: each check, the verdict it leads to, the reasons and evidence it carries."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import briefpress
from briefpress.verify import SentenceVerdict, audit, check_sentences, read_sources
from briefpress.verify.article import ArticleSentence
from briefpress.verify.check import check_all

BRIEF = """Council of Riverton approved a 4.2 million dollar cycle lane network on Tuesday, ending a two-year dispute.
-
The plan adds 18 kilometres of protected lanes along the river and the ring road.
-
Mayor Ana Ruiz said construction starts in March and should finish within 14 months.
-
Shop owners on Mill Street, who opposed the plan, won a delivery bay on every block.
-
"This is the day Riverton stops arguing and starts building," Ruiz told reporters after the vote.
-
Councillor Tom Becker, who voted against the plan, said the money should have gone to road repairs."""

SCHEMA = json.loads((Path(briefpress.__file__).parent / "schemas" / "report.schema.json").read_text())


@pytest.fixture(scope="module")
def facts():  # type: ignore[no-untyped-def]
    return read_sources([("brief.txt", BRIEF)])


def verdict(sentence: str, facts) -> SentenceVerdict:  # type: ignore[no-untyped-def]
    return check_sentences([sentence], facts)[0]


def kinds(v: SentenceVerdict) -> set[str]:
    return {r.kind for r in v.reasons}


def test_a_faithful_sentence_is_supported_with_its_evidence(facts) -> None:  # type: ignore[no-untyped-def]
    v = verdict("Riverton's council approved a $4.2 million cycle lane network on Tuesday.", facts)
    assert v.verdict == "supported" and not v.reasons
    top = v.evidence[0]
    assert top.source == "brief.txt" and BRIEF[top.start : top.end] == top.text
    assert "4.2 million" in top.text


def test_an_invented_figure_is_unsupported_and_named(facts) -> None:  # type: ignore[no-untyped-def]
    v = verdict("About 40% of residents cycle to work.", facts)
    assert v.verdict == "unsupported"
    assert any(r.kind == "number" and r.text == "40%" for r in v.reasons)


def test_a_changed_figure_contradicts_the_source(facts) -> None:  # type: ignore[no-untyped-def]
    v = verdict("The plan adds 25 kilometres of protected lanes.", facts)
    assert v.verdict == "contradicted"
    assert any(r.kind == "number" and "18" in r.detail for r in v.reasons)


def test_a_figure_moved_to_another_measure_contradicts_the_source() -> None:
    # The default engine wrote this for the Moderna brief: $4.9bn and $18.4bn are in the source,
    # but as Spikevax sales; the source gives the revenues as $5.1bn and $19.3bn.
    source = ("Moderna announced its earnings on 23 February, reporting fourth quarter revenues of $5.1bn and full "
              "year revenues of $19.3bn, nearly all of which - $4.9bn and $18.4bn, respectively - came from global sales of Spikevax.")
    written = ("Moderna's fourth quarter revenues were $4.9bn and full year revenues were $18.4bn, nearly all of "
               "which came from global sales of Spikevax.")
    v = check_sentences([written], read_sources([source]))[0]
    assert v.verdict == "contradicted"
    assert [(r.kind, r.text, r.detail) for r in v.reasons] == [
        ("number", "$4.9bn", "the sources give fourth quarter revenues as '$5.1bn', not '$4.9bn'"),
        ("number", "$18.4bn", "the sources give full year revenues as '$19.3bn', not '$18.4bn'"),
    ]
    right = "Moderna's fourth quarter revenues were $5.1bn, and $4.9bn came from global sales of Spikevax."
    assert check_sentences([right], read_sources([source]))[0].verdict == "supported"


def test_a_changed_month_contradicts_the_source(facts) -> None:  # type: ignore[no-untyped-def]
    assert verdict("Construction starts in May, the mayor said.", facts).verdict == "contradicted"


def test_an_invented_expert_and_institute_are_named(facts) -> None:  # type: ignore[no-untyped-def]
    v = verdict("Dr. Helen Marsh of the Brookfield Institute praised the plan.", facts)
    assert v.verdict == "unsupported"
    flagged = {r.text for r in v.reasons if r.kind == "entity"}
    assert any("Helen Marsh" in t for t in flagged) and any("Brookfield" in t for t in flagged)


def test_a_made_up_quote_is_unsupported(facts) -> None:  # type: ignore[no-untyped-def]
    v = verdict('"We have waited far too long for safe streets," Ruiz said.', facts)
    assert "quote" in kinds(v) and v.verdict == "unsupported"


def test_a_real_quote_in_another_style_and_case_is_supported(facts) -> None:  # type: ignore[no-untyped-def]
    v = verdict("“this is the day Riverton stops arguing and starts building,” Ruiz said.", facts)
    assert v.verdict == "supported"


def test_a_misattributed_quote_is_caught(facts) -> None:  # type: ignore[no-untyped-def]
    v = verdict('"This is the day Riverton stops arguing and starts building," Becker said.', facts)
    assert v.verdict == "unsupported"
    assert any(r.kind == "quote" and "Becker" in r.detail for r in v.reasons)


def test_analysts_the_sources_never_cite_are_caught(facts) -> None:  # type: ignore[no-untyped-def]
    v = verdict("Analysts say the lanes will ease traffic on the ring road.", facts)
    assert "attribution" in kinds(v)


def test_according_to_an_unknown_body_is_caught(facts) -> None:  # type: ignore[no-untyped-def]
    v = verdict("The lanes are the longest in the region, according to the National Cycling Trust.", facts)
    assert "attribution" in kinds(v) or "entity" in kinds(v)
    assert v.verdict == "unsupported"


def test_a_negation_contradicts(facts) -> None:  # type: ignore[no-untyped-def]
    v = verdict("Shop owners on Mill Street did not win a delivery bay.", facts)
    assert v.verdict == "contradicted" and "contradiction" in kinds(v)


def test_a_swapped_actor_contradicts(facts) -> None:  # type: ignore[no-untyped-def]
    v = verdict("Mayor Ana Ruiz opposed the plan.", facts)
    assert v.verdict == "contradicted"


def test_a_person_put_in_place_of_what_the_passive_verb_was_done_to_contradicts() -> None:
    # The packaged model wrote this for the Guantanamo brief: the camp, not the spokesman, was
    # established. A person the source could mean ("the 52-year-old") is left alone.
    facts = read_sources([("brief.txt", "Josh Earnest said the closure of the camp was a national security "
                           "interest. The camp was established in 2002 by the Bush administration. "
                           "The 52-year-old was wanted for 22 crimes in Lithuania. Police named him as Kestutis "
                           "Martuzevicius.")])
    v = verdict("Josh Earnest was established in 2002 by the Bush administration.", facts)
    assert v.verdict == "contradicted" and "'camp was established', not Josh Earnest" in v.reasons[-1].detail
    assert verdict("The camp was established in 2002 by the Bush administration.", facts).verdict == "supported"
    assert verdict("Kestutis Martuzevicius was wanted for 22 crimes in Lithuania.", facts).verdict == "supported"


def test_the_speaker_made_the_subject_of_what_was_said_contradicts() -> None:
    # The packaged model wrote "Netflix will be available next year" for the Fuller House brief.
    facts = read_sources([("brief.txt", "The show will be available next year, Netflix said. "
                           "Netflix said it will stream the reunion special first.")])
    v = verdict("Netflix will be available next year.", facts)
    assert v.verdict == "contradicted" and "Netflix says this of something else" in v.reasons[-1].detail
    assert verdict("The show will be available next year.", facts).verdict == "supported"
    assert verdict("Netflix will stream the reunion special first.", facts).verdict == "supported"


def test_a_speaker_colon_what_they_said_headline_is_the_speaker_s_report() -> None:
    facts = read_sources([("brief.txt", 'Co-star John Stamos announced Monday night on "Jimmy Kimmel Live" that '
                           'Netflix has ordered up a reunion special, followed by a spinoff series.')])
    assert verdict("Co-star John Stamos: Netflix has ordered up a reunion special", facts).verdict == "supported"
    # without the colon the speaker is what the claim is about, and that is still caught
    assert verdict("John Stamos has ordered up a reunion special.", facts).verdict != "supported"


def test_a_count_of_what_another_figure_counts_contradicts() -> None:
    # "took his tally to 25 points": the 25 are his goals; the points are Lyon's 64.
    facts = read_sources([("brief.txt", "Lacazette took his tally to 25 eight minutes later to move Lyon up "
                           "to 64 points from 32 games.")])
    v = verdict("Lacazette took his tally to 25 points.", facts)
    assert v.verdict == "contradicted" and "number" in kinds(v)
    assert verdict("Lacazette took his tally to 25, moving Lyon up to 64 points.", facts).verdict == "supported"


def test_a_description_beside_a_name_must_be_in_the_sources_near_it() -> None:
    # The packaged model wrote "Josh Earnest, a top national security official, said ..."
    facts = read_sources([("brief.txt", "Josh Earnest said the closure of the camp was a national security "
                           "interest. Nursultan Nazarbayev, a former steel worker, has won another term.")])
    v = verdict("Josh Earnest, a top national security official, said the closure of the camp was a national "
                "security interest.", facts)
    assert v.verdict == "unsupported" and "no source describes Josh Earnest as 'a top national security official'" in v.reasons[0].detail
    assert verdict("Nursultan Nazarbayev, a former steel worker, has won another term.", facts).verdict == "supported"


def test_a_title_before_a_name_or_a_who_is_clause_is_a_description_too() -> None:
    # A role given as a title ("National security official Josh Earnest") or in a relative clause
    # is as invented as one in an apposition when no source gives it.
    facts = read_sources([("brief.txt", "Josh Earnest said the closure of the camp was a national security "
                           "interest. Veteran diplomat Carl Bildt wrote on Twitter that talks had begun.")])
    for sentence in ("National security official Josh Earnest said the closure of the camp was a national "
                     "security interest.",
                     "Josh Earnest, who is a national security official, said the closure of the camp was a "
                     "national security interest."):
        v = verdict(sentence, facts)
        assert v.verdict == "unsupported" and "no source describes Josh Earnest as" in v.reasons[0].detail
    assert verdict("Veteran diplomat Carl Bildt wrote on Twitter that talks had begun.", facts).verdict == "supported"


def test_a_role_is_one_the_sources_give_the_person() -> None:
    # The page says "our national security officials have been working on it" in the sentence after
    # Earnest's: that makes no one an official. "The Hull manager says" after a sentence naming
    # Steve Bruce refers back to him.
    facts = read_sources([("page.txt", "Josh Earnest said the closure of the camp was a national security "
                           "interest. He added that our national security officials have been working on it.\n\n"
                           "Steve Bruce has promised his wife he will go on a diet. The Hull manager says he was "
                           "disappointed that the pictures were published.")])
    v = verdict("Josh Earnest, a national security official, said the closure of the camp was a national "
                "security interest.", facts)
    assert v.verdict == "unsupported" and "(not found near the name: official)" in v.reasons[0].detail
    assert verdict("Hull manager Steve Bruce has promised his wife he will go on a diet.", facts).verdict == "supported"


def test_a_noun_before_a_name_in_a_sentence_without_a_verb_is_not_read_as_a_title() -> None:
    # The parse finds no verb in "Porto host Bayern Munich ...": "host" is that verb misread.
    facts = read_sources([("page.txt", "Porto will play Bayern Munich in the Champions League quarter-final.")])
    v = verdict("Porto host Bayern Munich in the Champions League quarter-final.", facts)
    assert not any("describes" in r.detail for r in v.reasons)


def test_first_and_second_before_a_noun_must_be_the_sources() -> None:
    # The packaged model wrote "his second goal of the season" for a goal that opened the scoring.
    facts = read_sources([("brief.txt", "Second-half goals by Yattara and Lacazette helped Lyon go top. Yattara "
                           "opened the scoring in the 77th minute. "
                           "Paris Saint-Germain are second, two points off the pace.")])
    v = verdict("Yattara scored his second goal in the 77th minute.", facts)
    assert v.verdict == "unsupported" and "no source says 'second goal'" in v.reasons[0].detail
    assert verdict("Paris Saint-Germain are in second place, two points off the pace.", facts).verdict == "supported"
    # Words between the ordinal and its noun in the source are fine: a first official call is a first call.
    call = read_sources([("brief.txt", "Takaichi held her first official phone call with Trump on Saturday.")])
    assert verdict("Takaichi held her first call with Trump.", call).verdict == "supported"


def test_an_opener_that_asserts_nothing_is_not_checked_as_content() -> None:
    # The seo stage opened a conclusion with "In short,"; "short" counted as a word no source
    # gives, the sentence failed, and the stage's every fix was undone.
    facts = read_sources([("brief.txt", "A public fundraising campaign launched in September hit its target in "
                           "just a month. The Art Fund led the successful campaign.")])
    for opener in ("In short,", "Also,", "In addition,", "Furthermore,", "Finally,"):
        v = verdict(f"{opener} the Art Fund led the successful campaign, which hit its target in just a month.", facts)
        assert v.verdict == "supported", (opener, v.reasons)


def test_an_unrelated_statement_is_unsupported(facts) -> None:  # type: ignore[no-untyped-def]
    v = verdict("The river flooded the old town last winter.", facts)
    assert v.verdict == "unsupported" and kinds(v) == {"statement"}


def test_questions_and_headings_make_no_claim(facts) -> None:  # type: ignore[no-untyped-def]
    out = check_sentences(["What happens next?", "Key Takeaways"], facts)
    assert [v.verdict for v in out] == ["no_claim", "no_claim"]


def test_audit_reports_offsets_into_the_article_and_a_summary(facts) -> None:  # type: ignore[no-untyped-def]
    article = ("Riverton approves cycle lanes\n\nThe plan adds 18 kilometres of protected lanes. "
               "Analysts say traffic will fall by 30%.\n\nWhat happens next?\n")
    report = audit(article, [("brief.txt", BRIEF)])
    for s in report.sentences:
        assert article[s.start : s.end] == s.text
    m = report.summary
    assert (m.sentences, m.claims, m.no_claim) == (4, 3, 1)
    assert m.unsupported + m.contradicted == 1 and m.supported == 2
    assert m.supported_share == pytest.approx(2 / 3, abs=1e-3)
    assert [s.text for s in report.failed] == ["Analysts say traffic will fall by 30%."]
    jsonschema.validate(report.to_json_dict(), SCHEMA)


def test_the_article_contradicting_itself_is_reported(facts) -> None:  # type: ignore[no-untyped-def]
    article = ("The plan adds 18 kilometres of protected lanes along the river.\n\n"
               "In all, the plan adds 25 kilometres of protected lanes along the river.\n")
    report = audit(article, [("brief.txt", BRIEF)])
    assert report.consistency and report.consistency[0].sentences == [0, 1]
    jsonschema.validate(report.to_json_dict(), SCHEMA)


def test_briefpress_audit_is_the_public_api() -> None:
    result = briefpress.audit("The plan adds 18 kilometres of protected lanes.", [BRIEF])
    assert result.grounding.summary.supported == 1
    document = result.to_json_dict()
    assert document["schema"] == "briefpress.report/1"
    assert document["seo"] == result.seo.to_dict()["seo"] and "readability" in document and "rankmath" in document
    jsonschema.validate(document, SCHEMA)


class ScriptedJudge:
    """A judge that answers from a script and records what it was asked."""

    def __init__(self, answer: float | None) -> None:
        self.answer = answer
        self.asked: list[tuple[str, list[str]]] = []

    def judge(self, statement: str, evidence: list[str]) -> float | None:
        self.asked.append((statement, evidence))
        return self.answer


BORDERLINE = "The ring road gets protected lanes too, ending a long dispute."


def _borderline_threshold(facts) -> float:  # type: ignore[no-untyped-def]
    """An operating point just above the fixture sentence's support, so it is borderline whatever
    the shipped threshold is."""
    v = check_sentences([BORDERLINE], facts)[0]
    assert v.support > 0  # no figure, name or quote failed: only the statement check decides
    return v.support + 0.02


def test_the_judge_is_asked_only_about_borderline_statements(facts) -> None:  # type: ignore[no-untyped-def]
    t = _borderline_threshold(facts)
    yes, no = ScriptedJudge(0.95), ScriptedJudge(0.05)
    sure = "The plan adds 18 kilometres of protected lanes along the river and the ring road."
    unjudged = check_sentences([BORDERLINE], facts, threshold=t)
    out_yes = check_sentences([BORDERLINE, sure], facts, judge=yes, threshold=t)
    out_no = check_sentences([BORDERLINE], facts, judge=no, threshold=t)
    assert unjudged[0].verdict == "unsupported"
    assert [q for q, _ in yes.asked] == [BORDERLINE]  # the clear sentence was not asked about
    assert yes.asked[0][1] and all(isinstance(e, str) for e in yes.asked[0][1])
    assert out_yes[0].verdict == "supported" and out_no[0].verdict == "unsupported"
    assert "judge" in out_no[0].reasons[-1].detail


def test_the_judge_never_overturns_a_failed_figure_name_or_quote(facts) -> None:  # type: ignore[no-untyped-def]
    judge = ScriptedJudge(1.0)
    out = check_sentences([
        "The plan adds 25 kilometres of protected lanes along the river and the ring road.",
        "Dr. Helen Marsh said the plan adds protected lanes along the river.",
        '"We have waited far too long," Ruiz said of the lanes.',
    ], facts, judge=judge)
    assert [v.verdict for v in out] != ["supported"] * 3
    assert all(v.failed for v in out)
    assert judge.asked == []


def test_a_judge_that_cannot_tell_leaves_the_verdict(facts) -> None:  # type: ignore[no-untyped-def]
    t = _borderline_threshold(facts)
    plain = check_sentences([BORDERLINE], facts, threshold=t)[0]
    judged = check_sentences([BORDERLINE], facts, judge=ScriptedJudge(None), threshold=t)[0]
    assert plain.verdict == judged.verdict


def test_an_engine_without_a_judge_is_refused_by_name(facts) -> None:  # type: ignore[no-untyped-def]
    from briefpress.errors import UsageError

    with pytest.raises(UsageError, match="cannot judge"):
        check_sentences(["The plan adds lanes."], facts, judge="extractive")


def test_long_runs_of_capitals_are_checked_without_backtracking(facts) -> None:  # type: ignore[no-untyped-def]
    # Nested optional parts in a name pattern once made this take minutes; it must take no time.
    sentence = "According to " + " ".join(["The Very Long Name Of Some Big Organisation"] * 30) + " prices rose."
    v = verdict(sentence, facts)
    assert v.verdict == "unsupported"


def test_two_dates_for_one_event_are_reported(facts) -> None:  # type: ignore[no-untyped-def]
    article = "Construction starts in March, the mayor said.\n\nConstruction starts in May, the mayor said.\n"
    report = audit(article, [("brief.txt", BRIEF)])
    dates = [c for c in report.consistency if c.kind == "date"]
    assert dates and dates[0].sentences == [0, 1]


def test_without_the_spacy_model_the_pattern_checks_still_work(facts, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import briefpress.verify.check as check

    monkeypatch.setattr(check, "parse", lambda texts: None)
    out = check_sentences([
        "The plan adds 18 kilometres of protected lanes along the river and the ring road.",
        "Dr. Helen Marsh of the Brookfield Institute praised the plan.",
        '"We have waited far too long for safe streets," Ruiz said.',
    ], facts)
    assert [v.verdict for v in out] == ["supported", "unsupported", "unsupported"]


def test_a_cut_that_drops_what_the_sentence_needs_is_unsupported_in_our_drafts() -> None:
    # The packaged model wrote the first for the Takaichi brief: every word is the source's.
    facts = read_sources([("brief.txt", "Takaichi conveyed gratitude for Trump's congratulations and reaffirmed "
                           "the Japan-U.S. alliance as central to her administration's security strategy. "
                           "The board wants the new chair to remove the treasurer.")])

    def ours(sentence: str) -> SentenceVerdict:  # as the verify stage checks a draft
        return check_all([ArticleSentence(sentence, "body[0]", 0, len(sentence), sentence)], facts, cuts=True)[0]

    cut = "Takaichi conveyed gratitude for Trump's congratulations and reaffirmed the Japan-U.S. alliance as central."
    v = ours(cut)
    assert v.verdict == "unsupported" and "a cut of a source sentence" in v.reasons[0].detail
    assert ours("The board wants the new chair.").verdict == "unsupported"
    # a cut that drops an adjunct only is still the source's claim
    assert ours("Takaichi conveyed gratitude for Trump's congratulations.").verdict == "supported"
    # an audit of another writer's article leaves cuts to the statement check
    assert not any("a cut of a source sentence" in r.detail for r in verdict(cut, facts).reasons)


def test_the_second_verb_of_one_subject_is_that_subject_s_deed() -> None:
    facts = read_sources([("brief.txt", "Sanae Takaichi conveyed gratitude for Donald Trump's congratulations and "
                           "reaffirmed the Japan-U.S. alliance as central to her administration's security strategy.")])
    deed = " reaffirmed the Japan-U.S. alliance as central to her administration's security strategy."
    assert verdict("Sanae Takaichi" + deed, facts).verdict == "supported"
    assert verdict("Donald Trump" + deed, facts).verdict == "contradicted"  # the name nearer the verb is not its doer


def test_a_swapped_blamer_is_caught_though_another_source_sentence_uses_blame_as_a_noun() -> None:
    # The local engine's Syria headline, "Syria blames Russia and Assad for bombing civilians",
    # passed: "shifting the blame" in another sentence had counted as a "blame" whose doer was
    # unclear, so the check gave no verdict.
    from briefpress.verify import check_sentences, read_sources

    facts = read_sources(["Washington blamed Russia and the Syrian government for intensifying their attacks "
                          "against civilians. Russia said it regretted the US move, accusing it of shifting the "
                          "blame for the collapse of last month's truce."])
    swapped, kept = check_sentences(["Syria blamed Russia and the Syrian government for intensifying attacks.",
                                     "Washington blamed Russia and the Syrian government for intensifying attacks."],
                                    facts)
    assert swapped.verdict == "contradicted" and "someone other than 'Syria'" in swapped.reasons[0].detail
    assert kept.verdict == "supported"


def test_a_passive_doer_after_where_and_when_is_the_one_compared() -> None:
    # "was announced [in Riverton on Thursday] by Mayor Ana Ruiz": the doer comes after the place
    # and the day, which the check had read as the doer's words and found in the sentence.
    from briefpress.verify import check_sentences, read_sources

    facts = read_sources(["The plan to close the harbour road was announced in Riverton on Thursday by Mayor Ana "
                          "Ruiz. Councillor Tom Becker voted against it."])
    swapped, kept = check_sentences(["Tom Becker announced the plan in Riverton on Thursday.",
                                     "Ana Ruiz announced the plan in Riverton on Thursday."], facts)
    assert swapped.verdict == "contradicted" and kept.verdict == "supported"


def test_two_events_told_in_the_other_order_contradict_the_source() -> None:
    # The local engine's Chechnya section: "the paper's revelations occurred two days after the
    # meeting" where the clerics met two days after the revelations; every word is the source's.
    from briefpress.verify import check_sentences, read_sources

    facts = read_sources(["Chechen Muslim clerics met on 3 April, two days after the paper's revelations, and said "
                          "the report had insulted their faith."])
    swapped, kept, fronted = check_sentences([
        "The paper's revelations occurred two days after the meeting.",
        "Chechen Muslim clerics met two days after the paper's revelations.",
        "Two days after the paper's revelations, Chechen Muslim clerics met.",
    ], facts)
    assert swapped.verdict == "contradicted" and "other way round" in swapped.reasons[0].detail
    assert kept.verdict == "supported" and fronted.verdict == "supported"


def test_a_deed_done_told_as_still_to_come_contradicts_the_source() -> None:
    # The local engine's conclusion on the Russian passports story: the plan "was announced ... on
    # Thursday", and the conclusion said "will announce"; every word is the source's.
    from briefpress.verify import check_sentences, read_sources

    facts = read_sources([
        "The plan to have a new fast-track procedure for issuing Russian passports was announced in Sevastopol "
        "on Thursday by A Just Russia leader Sergei Mironov. The other bill would speed up the procedures for "
        "issuing Russian passports. The council said it will close the old bridge in May."
    ])
    coming, done, would, future = check_sentences([
        "Sergei Mironov will announce a new fast-track procedure for issuing Russian passports.",
        "Sergei Mironov announced a new fast-track procedure for issuing Russian passports.",
        "The other bill will speed up the procedures for issuing Russian passports.",
        "The council will close the old bridge in May.",
    ], facts)
    assert coming.verdict == "contradicted" and "'was announced'" in coming.reasons[-1].detail
    assert done.verdict != "contradicted"
    # "would speed up" and "will close" are not done in the sources: "will" keeps them
    assert would.verdict != "contradicted" and future.verdict == "supported"


def test_a_deed_the_sources_also_give_as_coming_is_no_contradiction() -> None:
    from briefpress.verify import check_sentences, read_sources

    facts = read_sources(["The mayor announced the budget on Monday. She will announce the schools plan in June."])
    (verdict,) = check_sentences(["The mayor will announce the schools plan in June."], facts)
    assert verdict.verdict == "supported"


def test_a_name_the_tagger_takes_for_a_noun_is_still_checked_as_the_doer() -> None:
    # A local model's section answer, under "What is the latest on Davies?": Bresnan was last out,
    # and "the last to go" is all stop words.
    from briefpress.verify import check_sentences, read_sources

    facts = read_sources(["Tim Bresnan made 68 but was the last to go as they were all out for 236. "
                          "They were left to rue Matthew Waite dropping Davies, then on 43. "
                          "Davies went on to hit a six and 10 fours before finally falling to Waite."])
    swapped, kept, own = check_sentences([
        "Davies was the last to go as they were all out for 236.",
        "Bresnan was the last to go as they were all out for 236.",
        "Davies hit a six and 10 fours.",
    ], facts)
    assert swapped.verdict == "contradicted" and "someone other than 'Davies'" in swapped.reasons[-1].detail
    assert kept.verdict == "supported" and own.verdict == "supported"


def test_an_aim_told_as_achieved_contradicts_the_source() -> None:
    # The local engine's conclusion on the Surrey v Yorkshire story, which a blind review scored
    # 1 for accuracy: Yorkshire "were hoping to atone by reaching Lord's", and lost.
    from briefpress.verify import check_sentences, read_sources

    facts = read_sources([
        "Having lost to Durham in the T20 Blast semi-finals last weekend, Yorkshire were hoping to atone by "
        "reaching Lord's for the first time since 2002. Ireland are bidding to win the Championship. "
        "The council plans to build a bridge. It built a school last year. "
        '"We would have reached the target comfortably," the captain said.'
    ])
    managed, reached, hoped, lost, bridge, school = check_sentences([
        "Yorkshire lost their T20 Blast semi-final to Durham, but managed to reach Lord's for the first time since 2002.",
        "Yorkshire reached Lord's for the first time since 2002.",
        "Yorkshire were hoping to reach Lord's for the first time since 2002.",
        "Yorkshire lost to Durham in the T20 Blast semi-finals last weekend.",
        "The council built a bridge.",
        "The council built a school last year.",
    ], facts)
    assert managed.verdict == "contradicted" and "'hoping to atone by reaching'" in managed.reasons[-1].detail
    assert reached.verdict == "contradicted"
    # the aim told as an aim, a deed done beside it, and a deed a source tells as done elsewhere
    assert hoped.verdict == "supported" and lost.verdict == "supported"
    assert bridge.failed and school.verdict == "supported"  # (the plan check flags the bridge already)


def test_a_passive_told_active_with_its_doer_left_after_it_contradicts() -> None:
    # The local engine's conclusion on the Russian passports story, once "will announce" was
    # refused: the party's leader announced the plan, and "Russia" (a word of the party's name)
    # became the subject.
    from briefpress.verify import check_sentences, read_sources

    facts = read_sources(["The plan to have a new fast-track procedure for issuing Russian passports was announced "
                          "in Sevastopol on Thursday by A Just Russia leader Sergei Mironov."])
    garbled, active, passive = check_sentences([
        "Russia announced a new fast-track procedure for issuing Russian passports in Sevastopol on Thursday by "
        "A Just Russia leader Sergei Mironov.",
        "A Just Russia leader Sergei Mironov announced the plan in Sevastopol on Thursday.",
        "The plan was announced on Thursday by A Just Russia leader Sergei Mironov.",
    ], facts)
    assert garbled.verdict == "contradicted"
    assert "announced by A Just Russia leader Sergei Mironov" in garbled.reasons[-1].detail
    assert active.verdict == "supported" and passive.verdict == "supported"


def test_a_title_the_source_puts_on_the_name_is_that_person_s() -> None:
    # The local engine's Tesco body retold "... is run by billionaire investor Ron Burkle." as
    # "Ron Burkle is the billionaire investor who runs it.", which the check had called someone
    # else's: the source's "is" belongs to Yucaipa's clause.
    from briefpress.verify import check_sentences, read_sources

    facts = read_sources(["Yucaipa is a Los Angeles based private equity company focused on supermaket and "
                          "restaurant businesses and is run by billionaire investor Ron Burkle. "
                          "Jane Doe, the chief executive of Yucaipa, said the deal was done."])
    titled, chief, swapped = check_sentences([
        "Ron Burkle is the billionaire investor who runs it.",
        "Jane Doe is the chief executive of Yucaipa.",
        "Jane Doe is the billionaire investor.",
    ], facts)
    assert titled.verdict == "supported" and chief.verdict == "supported"
    assert swapped.verdict == "contradicted" and "someone other than 'Doe'" in swapped.reasons[0].detail


@pytest.mark.parametrize(("sentence", "verdict_"), [
    ("Ron Burkle runs Tesco.", "contradicted"),  # every word is in the sources, the deed's thing is not
    ("Tesco is run by billionaire investor Ron Burkle.", "contradicted"),
    ("Ron Burkle runs Yucaipa.", "supported"),
    ("Yucaipa is run by Ron Burkle.", "supported"),
])
def test_a_named_doer_s_deed_given_another_named_thing_is_caught(sentence: str, verdict_: str) -> None:
    facts = read_sources([("brief.txt", "Tesco said it would sell Fresh & Easy to Yucaipa.\n-\n"
                           "Yucaipa is a Los Angeles based private equity company and is run by billionaire "
                           "investor Ron Burkle.")])
    v = verdict(sentence, facts)
    assert v.verdict == verdict_, v.reasons
    if verdict_ == "contradicted":
        assert any("no source ties 'Tesco'" in r.detail for r in v.reasons)


_ALEPPO = ("Washington blamed Russia and the Syrian government for intensifying their attacks against civilians.\n-\n"
           "Aleppo, Syria's largest city in the north, has come under heavy aerial bombardment since the end of "
           "the ceasefire two weeks ago.")


@pytest.mark.parametrize(("sentence", "verdict_"), [
    # The local engine wrote the first for the Aleppo story and the verifier passed it: every word
    # is in the sources, and "come under" has no object for the doer check to read.
    ("The Syrian government has come under heavy aerial bombardment since the end of the ceasefire.",
     "contradicted"),
    ("Russia has come under heavy aerial bombardment.", "contradicted"),
    ("Aleppo has come under heavy aerial bombardment since the end of the ceasefire two weeks ago.", "supported"),
    # A description that may be the name is no swap.
    ("Syria's largest city has come under heavy aerial bombardment.", "supported"),
])
def test_a_deed_with_no_object_given_to_another_name_is_caught(sentence: str, verdict_: str) -> None:
    v = verdict(sentence, read_sources([("brief.txt", _ALEPPO)]))
    assert v.verdict == verdict_, v.reasons
    if verdict_ == "contradicted":
        assert any("it is Aleppo that has come under heavy aerial bombardment" in r.detail for r in v.reasons)


def test_a_source_that_tells_the_deed_with_a_pronoun_leaves_it_open() -> None:
    facts = read_sources([("brief.txt", "Aleppo is Syria's largest city.\n-\n"
                           "It has come under heavy aerial bombardment since the ceasefire ended.")])
    assert verdict("Aleppo has come under heavy aerial bombardment.", facts).verdict == "supported"
