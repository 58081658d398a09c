"""Cuts keep what makes a sentence true: compress drops adjuncts only, split keeps a hypothetical's
modal and a quote whole, the splitter keeps domain names and quoted inscriptions in their sentence,
an orphaned pronoun or description is caught, and wire leftovers are not story lines."""

from __future__ import annotations

import pytest

import briefpress
from briefpress.rewrite import compress
from briefpress.rewrite.refer import orphan_reason
from briefpress.rewrite.split import split_clauses, split_relative
from briefpress.rewrite.whole import cut_reason, drops_reason, fragment_reason, holds_quote
from briefpress.storylines import as_told, not_story
from briefpress.text import split_sentences

pytestmark = pytest.mark.usefixtures("spacy_required")


@pytest.fixture(scope="module")
def spacy_required() -> None:
    from briefpress.nlp import spacy_pipeline

    if spacy_pipeline() is None:
        pytest.skip("the cut checks read spaCy's parse (the verify extra)")


# From the Iowa chiropractor story (qags_cnndm-0002), as the wire wrote it.
CHIROPRACTOR = ("A southern iowa chiropractor accused of accepting sex as payment for his services and performing "
                "exorcisms on patients has surrendered his state license.")
PLEDGE = ("Manuel signed an agreement last month admitting his misdeeds and pledging not to apply for reinstatement "
          "for at least 10 years.")
BOARD = "The board wants the new chair to remove the treasurer, the report said."
TAKAICHI = "Takaichi spoke with Trump on Tuesday, with Takaichi expressing respect for Trump's Middle East policies."
HYPOTHETICAL = "It might have been less dramatic, but it would have cost the city far more money in the long run."
# From the Swedish hostage story (cliff-xsum-40407620), as the wire wrote it.
WALLSTROM = ('Ms Wallström said she had spoken with Mr Gustafsson, who she described as being "happy" and '
             '"overwhelmed" by Monday\'s events.')
QUOTED = 'The mayor said "we will rebuild the bridge, and we will do it fast" and left the meeting early.'


def _every_cut(sentence: str) -> list[str]:
    """Every shortening compress offers for ``sentence`` as a sentence, at every length a caller
    may ask."""
    cuts = {c for v in compress.variants(sentence) for c in [*compress.prefixes(v), *compress.phrase_cuts(v)]}
    for limit in range(30, len(sentence) + 1, 10):
        cuts |= {c for c in (compress.shorten(sentence, limit), compress.main_clause(sentence, limit)) if c}
    return sorted(cuts)


def _every_title(sentence: str) -> list[str]:
    """Every headline compress offers for ``sentence`` at a title's length (60 characters or more:
    below what any safe cut needs, ``headline`` falls back to an unchecked cut)."""
    return sorted({c for limit in range(60, len(sentence) + 1, 10)
                   for c in (compress.headline(sentence, limit), compress.phrase_cut(sentence, limit)) if c})


def test_a_cut_never_drops_the_news_of_the_chiropractor_lead() -> None:
    cuts = _every_cut(CHIROPRACTOR)
    assert all("has surrendered his state license" in c for c in cuts), cuts
    # the fragment is neither offered nor whole
    assert "A southern iowa chiropractor accused of accepting sex as payment for his services" not in cuts
    assert cut_reason(CHIROPRACTOR, "A southern iowa chiropractor accused of accepting sex as payment for his "
                                    "services and performing exorcisms on patients")


def test_the_headline_drops_the_subject_s_description_not_what_it_did() -> None:
    assert compress.headline(CHIROPRACTOR, 70) == "A southern iowa chiropractor has surrendered his state license"
    # a shorter title may name its subject alone (it claims nothing of it), never half a claim
    for title in _every_title(CHIROPRACTOR):
        assert "surrendered" in title or "has" not in title, title
        assert not title.endswith(("accused", "sex as payment", "for his services")), title


def test_a_report_too_long_for_a_title_is_headed_speaker_colon_what_was_said() -> None:
    lead = 'Tesco said in a statement that this is an "orderly and efficient exit from the US market".'
    # Told whole without the report's manner: never "Tesco: This is ...", which opens on "This".
    assert compress.headline(lead, 70) == 'Tesco said this is an "orderly and efficient exit from the US market"'
    # what was said is cut only as any sentence is (adjuncts), never to a speaker with no news
    fuller = ('Co-star John Stamos announced Monday night on "Jimmy Kimmel Live" that Netflix has ordered up '
              'a reunion special, followed by a spinoff series called "Fuller House."')
    assert compress.headline(fuller, 70) == "Co-star John Stamos: Netflix has ordered up a reunion special"
    long = ("Josh Earnest said the closure of the Cuban detention camp was a national security interest "
            "for the country.")
    assert not compress.headline(long, 70).startswith("Josh Earnest:")  # no whole cut of it fits
    assert compress.headline("The mayor said the plan works.", 70) == "The mayor said the plan works"


@pytest.mark.parametrize("sentence", [BOARD, PLEDGE, TAKAICHI])
def test_a_title_never_keeps_a_verb_without_its_complement(sentence: str) -> None:
    for title in _every_title(sentence):
        assert not title.endswith(("wants the new chair", "to remove", "not to apply", "for reinstatement",
                                   "expressing respect")), title


def test_a_figure_stays_with_what_it_counts() -> None:
    cuts = _every_cut(PLEDGE)
    assert all("for at least 10 years" in c for c in cuts if "pledging" in c), cuts
    assert drops_reason(PLEDGE, "Manuel signed an agreement last month admitting his misdeeds and pledging not to "
                                "apply for reinstatement")
    # a figure is dropped with no clause, nor a negation: the sentence stays whole
    assert drops_reason(PLEDGE, "Manuel signed an agreement last month admitting his misdeeds")
    # a measure word's figure may go with the clause it is in
    assert drops_reason("Council of Riverton approved the plan on Tuesday, ending a two-year dispute.",
                        "Council of Riverton approved the plan on Tuesday") is None


@pytest.mark.parametrize(("sentence", "cut"), [
    ("Its Dutch division paid just £1.9million of tax, despite reporting profits of £300million.",
     "Its Dutch division paid just £1.9million of tax"),
    ("East Sussex's fire authority said it would co-operate with the PCC but it believed collaboration could be "
     "achieved without elaborate structural change.", "East Sussex's fire authority said it would co-operate"),
    # the contrast words are one list (lexicon.CONTRASTS) with the retelling's check: "instead"
    # and "however" were missing here
    ("She decided to hide in the wardrobe instead of running to the gate.", "She decided to hide in the wardrobe"),
    ("Shares rose on Monday, however, after the report was published.", "Shares rose on Monday"),
])
def test_a_contrast_is_never_cut(sentence: str, cut: str) -> None:
    assert cut_reason(sentence, cut)


def test_an_infinitive_complement_is_never_cut() -> None:
    cuts = _every_cut(BOARD)
    assert not any(c.rstrip(".") in ("The board wants the new chair", "The board wants the new chair to remove")
                   for c in cuts), cuts
    assert cut_reason("The board wants the new chair to remove the treasurer.", "The board wants the new chair")


@pytest.mark.parametrize(("sentence", "whole"), [
    # A blind read of the bench stories: "Officials deny." and "It was not clear what happened." were
    # told for these, the pronoun that says what they deny, and to whom, popped as a dangling word.
    ("But officials deny this.", "Officials deny this."),
    ("It was not clear what happened to them.", "It was not clear what happened to them."),
])
def test_a_pronoun_a_verb_or_preposition_takes_is_never_popped(sentence: str, whole: str) -> None:
    from briefpress.rewrite.forms import condensed_forms

    assert condensed_forms(sentence) == [whole]


def test_a_selected_prepositional_object_is_never_cut() -> None:
    cuts = _every_cut(TAKAICHI)
    assert not any(c.rstrip(".").endswith("expressing respect") for c in cuts), cuts
    assert cut_reason(TAKAICHI, "Takaichi spoke with Trump on Tuesday, with Takaichi expressing respect")
    # the date goes with no cut, the trailing adjunct may
    assert all("on Tuesday" in c for c in cuts), cuts


def test_a_gerund_after_a_preposition_keeps_what_it_does() -> None:
    # "... have a good quality of life by looking." was a story's conclusion: the cut before
    # "at factors" left "by looking" saying nothing. A gerund that keeps its object may lose
    # a closing phrase ("after finding a car [in the river]").
    looking = ("The commissioner will be reviewing whether older people in residential care have a good quality "
               "of life by looking at factors such as physical and psychological health.")
    assert drops_reason(looking, looking[: looking.index(" at factors")]) == "leaves 'looking' without 'at'"
    finding = "Police closed the road after finding a car in the river on Monday."
    assert drops_reason(finding, finding[: finding.index(" in the river")], condensed=True) is None
    # A gerund that needs no phrase is whole without one ("despite leading [with 10 minutes left]").
    leading = "Wales were knocked out in the quarter-final despite leading with 10 minutes remaining."
    assert drops_reason(leading, leading[: leading.index(" with 10")], condensed=True) is None


def test_what_a_verb_bears_on_and_which_time_a_noun_of_time_is_stay() -> None:
    # A blind review found "... weighed heavily on his mind during his time." shipped: "his time"
    # was his time in the role. "weighed heavily" alone would say something else again.
    bildt = ("Carl Bildt said that Mr Gustafsson's kidnapping weighed heavily on his mind during his time in the "
             "role, which ended in 2014.")
    assert cut_reason(bildt, "Carl Bildt said that Mr Gustafsson's kidnapping weighed heavily on his mind during his time")
    assert cut_reason(bildt, "Carl Bildt said that Mr Gustafsson's kidnapping weighed heavily")
    assert cut_reason(bildt, "Carl Bildt said that Mr Gustafsson's kidnapping weighed heavily on his mind") is None
    # a date after an intransitive verb may still go from a condensed form, and a passive's phrase
    assert drops_reason("The council met on Tuesday.", "The council met", condensed=True) is None
    assert cut_reason("The founder was arrested on fraud charges.", "The founder was arrested") is None


def test_a_verb_of_talking_or_meeting_keeps_whom_it_was_with() -> None:
    cuts = _every_cut(WALLSTROM)
    assert not any(c.rstrip(".").endswith("she had spoken") for c in cuts), cuts
    assert cut_reason(WALLSTROM, "Ms Wallström said she had spoken")
    assert cut_reason(WALLSTROM, "Ms Wallström said she had spoken with Mr Gustafsson") is None  # the relative may go
    assert cut_reason("The minister met with union leaders, who had asked for talks.", "The minister met")
    assert cut_reason("The council agreed to the plan after a long debate.", "The council agreed")


@pytest.mark.parametrize(("sentence", "whole"), [
    ("Ms Wallström said she had spoken.", False),  # with whom?
    ("The spokesman said the minister had agreed.", False),
    ("They said they had met.", True),  # both sides are the subject
    ("Mr Li and Mr Kim said they had spoken.", True),
    ("He said he had resigned.", True),  # not a verb that takes a partner
    ("The mayor said the plan works.", True),  # "work with" takes a partner, "the plan works" none
    ("She said she had apologised.", True),
    ("Ms Wallström said she had spoken with Mr Gustafsson.", True),
])
def test_a_reported_verb_of_talking_alone_at_the_end_is_no_whole_sentence(sentence: str, whole: bool) -> None:
    assert (fragment_reason(sentence) is None) is whole, fragment_reason(sentence)


@pytest.mark.parametrize(("sentence", "whole"), [
    # The second half of a retelling split after its subject (the local engine shipped it).
    ("Linked them directly to the situation in Ukraine.", False),
    ("Also, linked them directly to the situation in Ukraine.", False),
    ("Said the law had been drafted for peaceful times.", False),
    ("A Just Russia linked them directly to the situation in Ukraine.", True),
    ("Pro-Kremlin party A Just Russia put forward both bills.", True),  # a misparsed subject still counts
    ("Here is what we know.", True),
    ("There are already many Russian citizens in Crimea.", True),
])
def test_a_sentence_that_opens_on_its_verb_has_left_its_subject_out(sentence: str, whole: bool) -> None:
    assert (fragment_reason(sentence) is None) is whole, fragment_reason(sentence)


@pytest.mark.parametrize(("sentence", "cut"), [
    ("Shares rose on Tuesday after the call.", "Shares rose"),  # a date of what is kept
    ("The council did not approve the plan on Monday.", "The council did"),  # a negation and the verb
    ("Prices fell 8%, the bank said.", "Prices fell 8%"),  # an attribution
])
def test_dates_negations_and_attributions_stay(sentence: str, cut: str) -> None:
    assert cut_reason(sentence, cut)


def test_a_quote_is_never_shortened_inside() -> None:
    inside = 'The mayor said "we will rebuild the bridge'
    assert drops_reason(QUOTED, inside)
    assert all(c.count('"') % 2 == 0 for c in _every_cut(QUOTED))
    # a parenthesis inside a quote is the speaker's, and stays
    quoted_aside = 'She said "the budget (all of it) is gone" on Monday.'
    assert all("(all of it)" in v for v in compress.variants(quoted_aside))


def test_a_phrasal_verb_keeps_its_particle() -> None:
    # A takeaway shipped "Shortly after, Ozy said it was shutting." and a conclusion "... before it shut.".
    for sentence in ("Shortly after, Ozy said it was shutting down amid revelations of deceptive practices.",
                     "The company hemorrhaged millions of dollars before it shut down amid revelations of fraud."):
        cuts = [c for v in compress.variants(sentence) for c in [*compress.prefixes(v), *compress.phrase_cuts(v)]]
        assert cuts and all(not c.rstrip(".").endswith(("shutting", "shut")) for c in cuts), cuts


def test_a_quote_in_single_marks_is_never_shortened_either() -> None:
    # British papers quote in single marks; the seo stage's takeaway cut shipped
    # "A Starbucks spokesman said: ‘We comply." from the statement below.
    from briefpress.seo.fix.sentences import cut_to_words

    said = ("A Starbucks spokesman said: ‘We comply with all relevant tax rules, laws, and OECD guidelines and we "
            "continue to cooperate with the European Commission’s state aid investigation in the Netherlands.’")
    assert cut_to_words(said, 25) is None and cut_to_words(said, 25, condensed=True) is None
    assert all(v.endswith("Netherlands.’") for v in compress.variants(said))
    # An apostrophe is no quote mark: "Starbuck’s tax lawyers" may still lose its aside.
    assert compress.variants("Alki was registered at the offices of Starbuck’s tax lawyers, which are in London, "
                             "on Monday.")


def test_holds_quote_knows_a_quotation_from_a_quoted_name() -> None:
    assert holds_quote(QUOTED)
    assert holds_quote("The sign read “No entry for staff or visitors” until Friday.")
    assert not holds_quote('Netflix ordered a spinoff called "Fuller House."')


@pytest.mark.parametrize("sentence", [
    HYPOTHETICAL,
    "If the vote passes, the council will close the depot, and 40 workers will lose their jobs.",
    QUOTED.replace(" and left", ", and he left"),
    "The mayor said “we will rebuild the bridge, and we will do it fast”, and the council agreed with him.",
])
def test_hypotheticals_conditionals_and_quotes_are_not_split(sentence: str) -> None:
    assert split_clauses(sentence) is None
    assert split_relative(sentence) is None


def test_a_plain_compound_sentence_still_splits() -> None:
    assert split_clauses("The council approved the new cycle lanes on Tuesday, but the shop owners on Mill "
                         "Street won a delivery bay.") == ["The council approved the new cycle lanes on Tuesday.",
                                                           "But the shop owners on Mill Street won a delivery bay."]


@pytest.mark.parametrize(("text", "expected"), [
    ("While maneul has received just three patient survey responses on healthgrades. Com, those responses were "
     "quite positive. The disgraced chiropractor received five stars.",
     ["While maneul has received just three patient survey responses on healthgrades. Com, those responses were "
      "quite positive.", "The disgraced chiropractor received five stars."]),
    ("Reviews on healthgrades . com , and on yelp . com , were positive . Then he left .",
     ["Reviews on healthgrades . com , and on yelp . com , were positive .", "Then he left ."]),
    # "Com" opening a real sentence is not a domain's ending
    ("He works at the company. Com is a word he uses.", ["He works at the company.", "Com is a word he uses."]),
    ("the inscription reads : ' in loving memory of baby peter , june 1988 . a sweet little child , lost but then "
     "found . there is no foot so small that it can not leave an imprint on the world . ' the pond is nearby .",
     ["the inscription reads : ' in loving memory of baby peter , june 1988 . a sweet little child , lost but then "
      "found . there is no foot so small that it can not leave an imprint on the world . ' the pond is nearby ."]),
    ("It's the players' union that said so. Then it ended.", ["It's the players' union that said so.",
                                                              "Then it ended."]),
])
def test_the_splitter_keeps_domains_and_quoted_inscriptions_whole(text: str, expected: list[str]) -> None:
    spans = split_sentences(text)
    assert [s.text for s in spans] == expected
    assert all(text[s.start : s.end] == s.text for s in spans)


def test_the_healthgrades_sentence_is_whole_once_rejoined() -> None:
    first = split_sentences("While maneul has received just three patient survey responses on healthgrades. Com, "
                            "those responses were quite positive.")[0].text
    assert fragment_reason(first) is None


@pytest.mark.parametrize(("sentence", "before"), [
    ("Also, the institute is working with local hospitals.", []),
    ("Also, the institute is working with local hospitals.", ["Shares rose on Monday."]),
    ("Nonetheless, he's received outstanding evaluations for patient satisfaction on healthgrades.", []),
    ("She declined to comment.", ["The report was published on Tuesday."]),
    ("That alleged assault happened in 2019.", ["The man was charged with theft."]),
    ("His license was revoked.", []),
    ("It said the plan had failed.", []),  # a verb of saying's "it" is someone's statement, not a clause
])
def test_an_orphan_is_caught(sentence: str, before: list[str]) -> None:
    assert orphan_reason(sentence, before)


@pytest.mark.parametrize(("sentence", "before"), [
    ("Also, the institute is working with local hospitals.", ["The Mayo Institute opened a new lab on Monday."]),
    ("Nonetheless, he's received outstanding evaluations for patient satisfaction on healthgrades.",
     ["Manuel signed an agreement last month admitting his misdeeds."]),
    ("They fell by nearly 8%.", ["Chinese shares fell sharply."]),
    ("That alleged assault happened in 2019.", ["The man was charged with an assault in a bar."]),
    ("The revocation of his license was announced on Tuesday.", []),
    ("The Iowa board of chiropractic released a report.", []),
    ("The police arrested two men.", []),
    ("It is clear that the plan will go ahead.", []),
    ("It was announced that the plan will go ahead.", []),
])
def test_a_sentence_with_its_antecedent_is_no_orphan(sentence: str, before: list[str]) -> None:
    assert orphan_reason(sentence, before) is None


@pytest.mark.parametrize("line", [
    "Patient satisfaction : a chiropractor in iowa has surrendered his license to practice and admitted to "
    "swapping services for sex and performing exorcisms on some patients.",
    "Strange practice : charles manuel, who admitted wrongdoing to the iowa board of chiropractic, listed his "
    "practice's addresses on this residential street in the small agricultural town of lamoni in southern iowa.",
    "7 things you didn't know about the chiropractor who performed exorcisms on his patients and more.",
    "Iowa Chiropractor Accused Of Exorcisms Surrenders License",
    "Manuel pictured in 2014 (file photo)",
    'FILE Carlos Watson participates in "The Contenders: 16 for 16" panel during the PBS press tour, July 29, 2016.',
    "Read more",
    # A tabloid's picture captions, run into the story's paragraphs
    "Probe: Starbucks ran its European division - including the UK - through the Netherlands.",
    "Revealed: It is now claimed the company may have used a British company to put hefty sums into the UK.",
    "Compliance: A Starbucks spokesman said the company complies 'with all relevant tax rules'",
    # A football page's live text after its match report
    "Match report supplied by the Press Association.",
    "Second Half ends, Gateshead 1, Guiseley 1.",
    "Second Half begins Gateshead 0, Guiseley 1.",
    "Substitution, Guiseley.",
    "Goal!",
    "Gus Mafuta (Gateshead) is shown the yellow card.",
    "Lineups are announced and players are warming up.",
    "Luke Hannant replaces Gus Mafuta.",
])
def test_wire_leftovers_are_not_story(line: str) -> None:
    assert not_story(line)


@pytest.mark.parametrize("line", [
    "The iowa board of chiropractic released a report wednesday detailing charges against charles manuel, of lamoni.",
    "Tesco said in a statement that this is an \"orderly and efficient exit from the US market\".",
    "The Board Met On Tuesday and agreed the plan.",
    "File sharing sites were blocked by the court on Monday.",
    "Johnson: We will not back down on the budget.",  # a transcript's speaker
    "Tesco: The chain said it would close 40 stores.",
    "Match fixing charges were brought against two players on Friday.",
    "The first half ended goalless before York scored on 62 minutes.",
    "Luke Hannant replaces Gus Mafuta as captain for the cup tie on Saturday.",
])
def test_story_lines_stay(line: str) -> None:
    assert not_story(line) is None


def test_a_live_text_is_told_only_for_its_result() -> None:
    """The Gateshead-Guiseley report never said who won: its result is a live-text line
    ("Match ends, Gateshead 1, Guiseley 1."), and the live text was dropped whole."""
    assert as_told("Match ends, Gateshead 1, Guiseley 1.") == "The match ended Gateshead 1, Guiseley 1."
    assert as_told("Second Half ends, Gateshead 1, Guiseley 1.") is None
    assert as_told("Match ends after extra time in a penalty shoot-out.") is None
    assert as_told("Tesco said it would close 40 stores.") == "Tesco said it would close 40 stores."
    report = ("Gateshead have not lost in nine National League matches while Guiseley are unbeaten in five. "
              "Guiseley went ahead on 15 minutes when James Hurst squared to Jake Lawlor to stroke into an empty "
              "net. The hosts levelled on 62 minutes when Wesley York curled into the top-right corner. "
              "Match ends, Gateshead 1, Guiseley 1. Second Half ends, Gateshead 1, Guiseley 1. "
              "Substitution, Guiseley. Goal!  Gateshead 1, Guiseley 1. Wes York (Gateshead).")
    brief = "\n-\n".join(s.text for s in split_sentences(report)[:3])
    article = briefpress.write(brief, [("story.txt", report)], engine="extractive")
    assert "The match ended Gateshead 1, Guiseley 1." in " ".join(article.body)
    told = [article.meta_description, article.conclusion, *article.body, *(s.answer for s in article.sections),
            *(q.answer for q in article.faq), *(t.text for t in article.takeaways)]
    assert not any("Match ends" in p or "Second Half" in p or "Substitution" in p for p in told)
    assert article.grounding is not None and article.grounding["summary"]["unsupported"] == 0
    # Nothing is said to come: the report closes on its result, not on its lead once more.
    assert article.conclusion == "The match ended Gateshead 1, Guiseley 1."


def test_a_condensed_form_may_lose_a_date_or_score_never_a_span_of_time() -> None:
    lead = ("Second-half goals by Mohamed Yattara and Alexandre Lacazette helped Olympique Lyonnais go top of Ligue 1 "
            "with a 2-0 home win against Bastia on Wednesday.")
    short = "Second-half goals by Mohamed Yattara and Alexandre Lacazette helped Olympique Lyonnais go top of Ligue 1"
    assert cut_reason(lead, short)  # a sentence keeps its date and score
    assert cut_reason(lead, short, condensed=True) is None  # a condensed form, the whole told elsewhere
    assert cut_reason(PLEDGE, "Manuel signed an agreement last month admitting his misdeeds and pledging not to "
                              "apply for reinstatement", condensed=True)


def test_a_relative_clause_s_own_date_may_go() -> None:
    sentence = ("Lyon dominated throughout but were made to wait by Bastia, who were reeling from their 4-0 defeat in "
                "the League Cup final against PSG last Saturday.")
    assert cut_reason(sentence, "Lyon dominated throughout but were made to wait by Bastia, who were reeling from "
                                "their 4-0 defeat") is None


def test_a_relative_clause_closed_by_a_dashed_aside_may_go_its_complement_stays() -> None:
    sentence = ("The show will feature Candace Cameron Bure, who played eldest daughter D.J. Tanner in the original "
                "series -- which aired from 1987 to 1995 -- as the recently widowed mother of three boys.")
    assert "The show will feature Candace Cameron Bure as the recently widowed mother of three boys." in (
        compress.variants(sentence))
    # "feature Bure [as the mother]": what the verb takes its object as is not cut away
    assert cut_reason(sentence, "The show will feature Candace Cameron Bure")


def test_a_title_is_dropped_whole_or_not_at_all() -> None:
    """"Home Secretary Theresa May" may become "Theresa May", never "Home Theresa May"."""
    forms = compress.variants("The reforms were unveiled by Home Secretary Theresa May last week.")
    assert not any("Home Theresa" in f for f in forms)
    assert "Donald Trump spoke." in compress.variants("U.S. President Donald Trump spoke.")


def test_an_aside_ends_before_its_own_appositive() -> None:
    """The aside ", who ... Goldman Sachs," is not closed by the comma of "Goldman Sachs, a
    potential investor": dropping it would make Samir Rao the investor."""
    sentence = ("Two executives pleaded guilty, including the operating officer, Samir Rao, who allegedly "
                "impersonated a YouTube executive during a pitch to Goldman Sachs, a potential investor.")
    assert not any("Samir Rao a potential" in f for f in compress.variants(sentence))
    assert any(f.endswith("Samir Rao pleaded guilty.") for f in
               compress.variants("Samir Rao, who impersonated an executive, pleaded guilty."))


def test_a_cut_never_keeps_a_word_whose_head_it_drops() -> None:
    """"two months" counts from the election: without it, "ordered two months" is false."""
    sentence = "It was one of the first directives Barack Obama ordered two months after he was elected in 2008."
    assert cut_reason(sentence, "It was one of the first directives Barack Obama ordered two months.", condensed=True)
    assert not any(f.endswith("ordered two months.") for f in _every_cut(sentence))
    assert cut_reason("The council approved the plan on Tuesday after a long debate.",
                      "The council approved the plan on Tuesday.") is None


def test_a_quantity_standing_for_a_group_needs_the_group_before_it() -> None:
    assert orphan_reason("Some have been considered too dangerous to be released.", [])
    assert orphan_reason("Some of the prisoners have been considered too dangerous.", []) is None
    assert orphan_reason("Many people attended.", []) is None


def test_an_adverb_that_bears_on_the_claim_and_a_passive_s_complement_stay() -> None:
    assert cut_reason("Mrs Nisbett said the cat was now having to learn how to walk again.",
                      "Mrs Nisbett said the cat was now having to learn how to walk.")
    assert cut_reason("Life took a dramatic turn for the teenager when he was diagnosed with cancer in May.",
                      "Life took a dramatic turn for the teenager when he was diagnosed.", condensed=True)


def test_a_quote_over_several_sentences_is_told_in_the_body_only() -> None:
    from briefpress.rewrite.quotes import quote_pieces

    # A quote over paragraphs opens each again and closes only the last (the Winchburgh story).
    # Given apart, its sentences are pieces; the splitter keeps it one sentence, which is too long
    # to condense: either way it is told in the body only.
    story = ["Teenie the cat was shot three times in Winchburgh on Friday.",
             "\"She's now learning how to hop around the house, it's terrible.",
             "\"The fact that it was three shots is crazy.",
             "That just makes it worse because any of them could have been hit.\"",
             "Police are appealing for witnesses to the shooting."]
    assert quote_pieces(story) == {1, 2, 3}
    assert quote_pieces(['She said "fine" and left.', "Police came."]) == set()
    joined = " ".join(story[1:4])
    assert [s.text for s in split_sentences(joined)] == [joined]
    assert quote_pieces([story[0], joined]) == {1}
    assert quote_pieces(['He said: "We won." Then he left.']) == set()
    article = briefpress.write("\n-\n".join(story[:1] + story[4:]) + "\n", [("story.txt", " ".join(story))],
                               engine="extractive")
    outside_body = [article.conclusion, *(t.text for t in article.takeaways), *(q.answer for q in article.faq),
                    *(s.answer for s in article.sections)]
    assert not any("makes it worse" in text for text in outside_body)
    assert any("makes it worse" in p for p in article.body)


def test_a_sentence_the_brief_and_its_story_share_is_told_once_in_the_sections() -> None:
    story = ["Teenie the cat was shot three times in Winchburgh on Friday.",
             "Police are appealing for witnesses to the shooting.", "The cat lost a leg.",
             "Vets had to amputate it on Saturday."]
    article = briefpress.write("\n-\n".join(story[:2]) + "\n", [("story.txt", " ".join(story))], engine="extractive")
    told = [s.text for section in article.sections for s in split_sentences(section.answer)]
    assert len(told) == len(set(told)), told


def test_a_variant_without_what_reads_as_an_aside_is_still_a_sentence() -> None:
    # ", the detainees included ... Kadyrov," read as an apposition: without it, "According to
    # Novaya Gazeta's 1 April report and two well-known Chechen TV presenters." shipped.
    sentence = ("According to Novaya Gazeta's 1 April report, the detainees included some influential Muslim "
                "clerics close to Mr Kadyrov, and two well-known Chechen TV presenters.")
    assert all(fragment_reason(v if v.endswith(".") else v + ".") is None for v in compress.variants(sentence))


def test_a_cut_never_ends_a_list_of_names_short() -> None:
    # A blind review: "fast bowler Meaker turned the game on its head by ripping out Bairstow." The
    # source named three batsmen; the parse hung "Ballance (32) and Jack Leaning" on the relative
    # clause between, so dropping that clause looked like dropping an adjunct.
    from briefpress.engines.extractive import condensed_forms
    from briefpress.rewrite.whole import drops_reason

    sentence = ("Fast bowler Meaker (3-61) turned the game on its head by ripping out Bairstow (13), who lobbed "
                "tamely to mid-wicket, Ballance (32) and Jack Leaning.")
    assert drops_reason(sentence, "Fast bowler Meaker (3-61) turned the game on its head by ripping out Bairstow (13)",
                        condensed=True) == "drops the rest of a list"
    assert all(form.rstrip(".").endswith("Jack Leaning") for form in condensed_forms(sentence))


def test_a_condensed_form_keeps_the_year_that_makes_its_event_past() -> None:
    # A blind review: the FAQ answer "Gatland won a first clean sweep in his maiden Six Nations."
    # told a 2008 feat as this week's news. A weekday may go (the whole fact says when); a year may not.
    from briefpress.engines.extractive import condensed_forms

    sweep = ("Gatland won a first clean sweep in his maiden Six Nations as coach in 2008 after Wales' "
             "disappointing 2007 World Cup display.")
    assert all("in 2008" in form for form in condensed_forms(sweep))
    # A year that dates only a dropped phrase's own thing (the 2007 display) goes with the phrase.
    assert "Gatland won a first clean sweep in his maiden Six Nations as coach in 2008." in condensed_forms(sweep)
    rose = "Shares in the bank rose by 8% on Wednesday after the results were published."
    assert "Shares in the bank rose by 8%." in condensed_forms(rose)


def test_a_cut_keeps_whose_deed_a_kept_noun_is() -> None:
    # A blind review found the standfirst and a takeaway telling the burst without the bowler.
    sentence = ("Yorkshire's run-chase was undermined by a three-wicket burst in nine balls from Stuart Meaker, "
                "whose victims included Jonny Bairstow and Gary Ballance.")
    assert drops_reason(sentence, "Yorkshire's run-chase was undermined by a three-wicket burst in nine balls",
                        condensed=True)
    assert drops_reason(sentence, "Yorkshire's run-chase was undermined by a three-wicket burst in nine balls "
                                  "from Stuart Meaker", condensed=True) is None


def test_the_body_keeps_whole_a_sentence_whose_cut_drops_a_name_it_tells_nowhere_else() -> None:
    # A blind review's story: the seo stage cut the body's "... off his own bowling [just after
    # having Rory Burns caught on the boundary]" to meet the sentence-length check, and the story
    # never named Burns again. A cut in the other parts may drop him; the body keeps the sentence.
    from test_stock_questions import _bench_story

    a = _bench_story("cliff-xsum-37204235-BART")
    body = " ".join(a.body)
    assert "just after having Rory Burns caught on the boundary" in body, body
    assert any("from Stuart Meaker" in point for point in a.summary), a.summary
    assert a.grounding["summary"]["unsupported"] == 0


def test_a_cut_keeps_what_a_figure_stands_for() -> None:
    # The golf report's takeaway "share second place on five." dropped "under" (par)
    golf = ("Nicolas Colsaerts and Julien Quesne share second place on five under, with Sergio Garcia and "
            "Joost Luiten a shot further back.")
    assert drops_reason(golf, "Nicolas Colsaerts and Julien Quesne share second place on five")
    assert all("on five under" in c or "on five" not in c for c in _every_cut(golf))


def test_a_link_set_off_after_the_subject_is_no_part_of_a_form_read_alone() -> None:
    from briefpress.rewrite.forms import condensed_forms

    sentence = "Westwood, meanwhile, carded seven birdies and just one bogey in his 66."
    assert "Westwood carded seven birdies and just one bogey in his 66." in compress.variants(sentence)
    # an FAQ answer or takeaway is read alone: "meanwhile" would point back to nothing
    assert condensed_forms(sentence) == ["Westwood carded seven birdies and just one bogey in his 66."]
