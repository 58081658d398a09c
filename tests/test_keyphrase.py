"""A keyphrase people search for (issue #17, point 5): two to four words of the headline naming
the subject, never a lone place or date; a user's keyphrase still wins."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

import briefpress
from briefpress.models import Article, Fact
from briefpress.plan import keyphrase_from_facts
from briefpress.plan.keyphrase import is_place_or_date
from briefpress.text import whole_phrase

GOLDEN = sorted((Path(__file__).parent / "golden" / "briefs").glob("*.txt"))
DATE = "2026-11-25T09:00:00+00:00"


@cache
def _written(path: Path) -> Article:
    return briefpress.write(path.read_text(encoding="utf-8"), brief_name=path.name, date=DATE)


def _facts(*texts: str) -> list[Fact]:
    return [Fact(id=f"S1.F{i + 1}", text=t, source="brief", start=0, end=len(t)) for i, t in enumerate(texts)]


def test_a_lone_place_gives_way_to_the_phrase_naming_who_acted() -> None:
    facts = _facts("Activists in London dumped paint in front of the embassy on Thursday.",
                   "Police said four activists were arrested after the protest in London.")
    assert keyphrase_from_facts("Activists in London dumped paint", facts) == "activists in London"


def test_a_lone_place_the_name_scoring_picks_gives_way_to_a_headline_phrase() -> None:
    # The subject ("The decision") gives no phrase; Geneva is mentioned most, but is a place.
    facts = _facts(
        "The decision to dedicate part of the radio spectrum to flight tracking was taken in Geneva on Wednesday.",
        "Delegates in Geneva set aside a radio frequency for tracking planes.",
        "The conference in Geneva ends on Friday.",
    )
    kp = keyphrase_from_facts("The decision to dedicate part of the radio spectrum", facts)
    assert kp == "radio spectrum"


def test_a_lone_place_with_no_other_phrase_gives_way_to_the_subject_at_that_place() -> None:
    # No name but the place, no phrase of two to four words without an article: the subject's noun
    # at the place, as the headline puts it, not "Holywood" alone.
    facts = _facts("The poster with the phrase #prayforjosh appeared in Holywood by the A2 within the last week.",
                   "It is part of a social media campaign supporting a teenager from Holywood.")
    kp = keyphrase_from_facts("The poster with the phrase #prayforjosh appeared in Holywood by the A2", facts)
    assert kp == "poster in Holywood"


def test_a_date_is_never_the_keyphrase() -> None:
    facts = _facts("On Monday, December 1 the board of Harbourside voted to sell the ferry.",
                   "The December vote ended a long fight over the ferry.")
    kp = keyphrase_from_facts("On Monday, December 1 the board of Harbourside voted", facts)
    assert not is_place_or_date(kp, facts[0].text) and kp.lower() not in ("monday", "december")
    assert kp == "board of Harbourside"


def test_a_titled_name_alone_is_not_taken_as_a_phrase() -> None:
    facts = _facts("Sussex PCC Katy Bourne said emergency services would collaborate.",
                   "Katy Bourne spoke after the bill was published.")
    assert keyphrase_from_facts("Sussex PCC Katy Bourne said emergency services", facts) == "Katy Bourne"


def test_a_headline_cut_before_its_verb_is_its_subject() -> None:
    # Not "southern iowa", which leaves out the noun it qualifies.
    lead = ("A southern iowa chiropractor accused of accepting sex as payment for his services has surrendered "
            "his state license.")
    facts = _facts(lead, "The iowa board of chiropractic released a report wednesday.")
    assert keyphrase_from_facts("A southern iowa chiropractor accused of accepting sex", facts) == (
        "southern iowa chiropractor")


def test_a_place_is_known_by_the_summary_or_the_gazetteer() -> None:
    assert is_place_or_date("East Sussex", "Katy Bourne spoke. East Sussex's fire authority said it would co-operate.")
    assert is_place_or_date("Geneva", "The decision was taken on Wednesday.")  # a city, named or not
    assert not is_place_or_date("Tesco", "Tesco said in a statement that this is an orderly exit.")
    assert not is_place_or_date("radio spectrum", "The decision to dedicate part of the radio spectrum was taken.")


def test_a_user_keyphrase_still_wins() -> None:
    brief = "Activists in London dumped paint in front of the embassy on Thursday.\n-\nPolice arrested four activists."
    a = briefpress.write(brief, keyphrase="embassy paint", date=DATE)
    assert a.keyphrase == "embassy paint"


@pytest.mark.parametrize("path", GOLDEN, ids=lambda p: p.stem)
def test_golden_keyphrases_are_held_by_headline_and_lead_and_name_no_lone_place(path: Path) -> None:
    a = _written(path)
    assert 1 <= len(a.keyphrase.split()) <= 4
    lead = a.summary[0]
    assert whole_phrase(a.keyphrase, re.I).search(a.headline), (a.keyphrase, a.headline)
    assert whole_phrase(a.keyphrase, re.I).search(lead) or a.keyphrase.split()[-1] in lead
    assert not is_place_or_date(a.keyphrase, lead), a.keyphrase


def test_a_time_word_opening_a_sentence_is_no_name() -> None:
    # "Last" became a tag, then the keyphrase ("Who said what about Last?") of a story that opens
    # two sentences with "Last year"
    from briefpress.plan.names import _name_runs

    runs = [run for run, _ in _name_runs("Last year the Scottish government held a consultation on air weapons.")]
    assert ["Last"] not in runs and ["Scottish"] in runs


def test_a_describing_word_alone_is_no_keyphrase() -> None:
    # "Pro-Kremlin" (a capitalised run of the headline) was chosen: nobody searches for it alone.
    from briefpress.plan.keyphrase import described_noun

    headline = "Pro-Kremlin party A Just Russia put forward both bills"
    assert described_noun("Pro-Kremlin", headline) == "Pro-Kremlin party"
    assert described_noun("Syrian", "Washington blamed Russia and the Syrian government") == "Syrian government"
    assert described_noun("A Just Russia", headline) is None
    facts = _facts("Pro-Kremlin party A Just Russia put forward both bills.",
                   "The bills would make it easier for Russia to annex parts of Ukraine.")
    assert keyphrase_from_facts(headline, facts) not in ("Pro-Kremlin", "Kremlin party")


def test_a_describing_word_the_headline_leaves_out_keeps_its_noun_from_the_lead() -> None:
    # The headline ends before "German parliamentary committee": "German parliamentary" had shipped.
    lead = ("The man is said to have been trying to gather details about a German parliamentary committee "
            "that is investigating claims of US espionage.")
    facts = _facts(lead, "German authorities have asked the US ambassador for \"swift clarification\".",
                   "The German parliamentary inquiry began last year.")
    headline = "The man is said to have been trying to gather details"
    assert keyphrase_from_facts(headline, facts) == "German parliamentary committee"


def test_a_common_word_capitalised_in_a_title_or_opening_a_sentence_is_no_name() -> None:
    from briefpress.plan.names import name_keyphrase

    # "People" of "Older People's Commissioner" had won, as the facts say "older people" twice.
    facts = _facts(
        "Older People's Commissioner for Wales Sarah Rochira will call on pensioners to share their experiences.",
        "It is part of Ms Rochira's review into the care of older people in Wales.",
        "She said she would show the impact of poor care upon older people.")
    assert name_keyphrase("Older People's Commissioner for Wales Sarah Rochira", facts) != "People"
    # "Little" opened the lead and had been a name.
    facts = _facts("Little is beyond their reach.",
                   "They hijack CCTV cameras, electronic billboards and network printers.",
                   "The best known of the virtual warriors are the Cyber Berkut.")
    assert name_keyphrase("Little is beyond their reach", facts) != "Little"


def test_a_lead_that_says_he_is_about_the_person_the_brief_names_next() -> None:
    # "He died at his home in Cambridge ..." gave "home in Cambridge", and headings such as
    # "What are the key figures on the home in Cambridge?" for the conductor's obituary.
    facts = _facts("He died at his home in Cambridge following an illness lasting several months, "
                   "a statement on his website said.",
                   "It added his funeral will be private.",
                   "Hogwood worked with many leading orchestras around the world.")
    assert keyphrase_from_facts("He died at his home in Cambridge following an illness", facts) == "Hogwood"


def test_a_phrase_saying_where_is_no_topic() -> None:
    # The seo stage's topics of a headline had offered "around the world", and the questions
    # became "What happened with the around the world?".
    from briefpress.nlp import spacy_pipeline
    from briefpress.seo.fix.keyphrase import _is_topic

    nlp = spacy_pipeline()
    assert nlp is not None
    doc = nlp("Hogwood worked with many leading orchestras around the world")
    assert not _is_topic(doc[6:9]), doc[6:9]
    assert _is_topic(nlp("the radio spectrum was divided")[1:3])


def test_a_title_word_a_source_writes_in_lower_case_is_no_tag() -> None:
    from briefpress.plan.names import name_tags

    # The brief capitalises the title; the story says "the commissioner": "Commissioner" was a tag.
    facts = [*_facts(
        "Older People's Commissioner for Wales Sarah Rochira will call on pensioners to share their experiences.",
        "It is part of Ms Rochira's review into the care of older people."),
        Fact(id="S2.F1", text="The commissioner will be reviewing the care home environment.", source="wire.txt", start=0, end=60)]
    assert "Commissioner" not in name_tags("older people", facts)
    assert "Commissioner" in name_tags("older people", facts[:2])  # no source says otherwise



def test_a_place_that_ends_a_title_is_not_run_into_the_name_after_it() -> None:
    from briefpress.plan.names import name_tags

    lead = "Older People's Commissioner for Wales Sarah Rochira will call on pensioners to share their experiences."
    across = Fact(id="S2.F1", text="She has seen unacceptable variations across Wales.", source="wire.txt", start=0, end=50)
    tags = name_tags("older people", [*_facts(lead), across])
    assert "Sarah Rochira" in tags and "Wales Sarah Rochira" not in tags
    # Where the story never names the place alone, the run is left as it is (it may be one name).
    assert "Wales Sarah Rochira" in name_tags("older people", _facts(lead))
    assert "Goldman Sachs" in name_tags("bank", _facts("She works for Goldman Sachs in London.", "Goldman said so."))


def test_a_name_with_its_number_is_tagged_whole_and_a_score_is_no_part_of_a_name() -> None:
    from briefpress.plan.names import name_tags

    # "Ligue" alone was a tag of the Lyon story, and so a keyphrase the seo stage could choose.
    lyon = _facts("Goals by Mohamed Yattara helped Olympique Lyonnais go top of Ligue 1 with a 2-0 win.",
                  "Ligue 1 top scorer Alexandre Lacazette took his tally to 25.")
    tags = name_tags("Olympique Lyonnais", lyon)
    assert "Ligue 1" in tags and "Ligue" not in tags
    match = _facts("Gateshead drew with Guiseley in the National League.", "Match ends, Gateshead 1, Guiseley 1.")
    assert "Gateshead 1" not in name_tags("National League", match)


HACKERS = ("Little is beyond their reach.",
           "Official documents and private communications are made public, and websites blocked.",
           "They hijack CCTV cameras, electronic billboards and network printers.",
           "The best known of the virtual warriors are the Ukrainian Cyber Troops, the Cyber Berkut and "
           "Anonymous International.")


def test_a_dictionary_word_opening_the_headline_is_no_keyphrase_and_a_story_breaks_a_tie() -> None:
    story = [Fact(id=f"S2.F{i}", text=t, source="wire.txt", start=0, end=len(t)) for i, t in enumerate([
        "The most prominent pro-Ukrainian hackers are the Ukrainian Cyber Troops.",
        "Scores of rebel websites were made inaccessible when the Ukrainian Cyber Troops bombarded them."], 1)]
    facts = [*_facts(*HACKERS), *story]
    # "Little is beyond their reach" offered "Little"; the names the brief mentions once each
    # tie, and the story tells of the Ukrainian Cyber Troops, not of CCTV.
    assert keyphrase_from_facts("Little is beyond their reach", facts) == "Ukrainian Cyber Troops"
    assert keyphrase_from_facts("Little is beyond their reach", _facts(*HACKERS)) == "CCTV"  # the earlier

