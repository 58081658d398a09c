"""Headlines that tell the news as a whole clause, and meta descriptions that tell a second fact
rather than point to the story (FORMAT.md parts 1 and 3)."""

from __future__ import annotations

import pytest

import briefpress
from briefpress.engines.meta_mix import meta_mixes, meta_rank, spent_forms
from briefpress.models import Fact
from briefpress.nlp import spacy_pipeline
from briefpress.rewrite import compress
from briefpress.rewrite.headline import (
    attributed_headline,
    first_predicate,
    headline_cuts,
    news_headline,
    opens_on_pointer,
    possessive_end,
    whole_form,
)
from briefpress.rewrite.whole import cut_reason, drops_reason, fragment_reason
from briefpress.spec import HEADLINE_MAX, META_MAX, META_POINTERS

pytestmark = pytest.mark.skipif(spacy_pipeline() is None, reason="the spaCy model package is not installed")

DATE = "2026-11-25T09:00:00+00:00"
SPECTRUM = ("The decision to dedicate part of the radio spectrum to a global flight tracking system was taken "
            "at a UN conference in Geneva on Wednesday.")
EARNEST = "Josh Earnest said the closure of the Cuban detention camp was a national security interest."


def _whole(headline: str) -> bool:
    return fragment_reason(headline + ".") is None


def test_a_lead_whose_whole_form_fits_is_headed_by_it_with_what_makes_it_news() -> None:
    lead = "Chinese shares fell by nearly 8% after a week of volatile trading that spread fear to global markets."
    headline = compress.headline(lead, HEADLINE_MAX)
    assert headline == "Chinese shares fell by nearly 8% after a week of volatile trading"
    assert _whole(headline)


def test_a_subject_with_no_verb_gives_way_to_a_key_point_that_names_the_story() -> None:
    # No whole form of the lead fits: every cut within 70 characters ends before "was taken".
    assert whole_form(SPECTRUM, HEADLINE_MAX, alone=True) is None
    point = "Airlines will use the radio spectrum to track planes over the oceans from 2017."
    found = news_headline([SPECTRUM, point], HEADLINE_MAX, "radio spectrum")
    assert found == ("Airlines will use the radio spectrum to track planes over the oceans", 1)
    assert _whole(found[0])
    # A point about something else is not the news: no headline from it.
    other = "The current system leaves around 70% of the airspace uncovered."
    assert news_headline([SPECTRUM, other], HEADLINE_MAX, "radio spectrum") is None


def test_a_report_is_never_cut_before_its_clause() -> None:
    cut = "Josh Earnest said the closure of the Cuban detention camp"
    assert cut_reason(EARNEST, cut, condensed=True) is not None  # Earnest would say a noun phrase
    assert whole_form(EARNEST, HEADLINE_MAX, alone=True) is None
    point = "Josh Earnest said the plan would go to Congress."
    assert news_headline([EARNEST, point], HEADLINE_MAX, "Josh Earnest") == (
        "Josh Earnest said the plan would go to Congress", 1)
    # Where neither the report nor its clause fits whole, the speaker and the clause cut as a
    # title may, a clause still: not "Sussex PCC Katy Bourne said emergency services".
    sussex = ("Sussex PCC Katy Bourne said emergency services would have an increased duty to collaborate "
              "under the new bill.")
    assert news_headline([sussex], HEADLINE_MAX, "Katy Bourne") == (
        "Katy Bourne: Emergency services would have an increased duty", 0)
    # Where nothing whole fits at all, the speaker and what they spoke of: never the report cut
    # before its clause, which would have Earnest say a noun phrase.
    assert news_headline([EARNEST], HEADLINE_MAX, "Josh Earnest") == (
        "Josh Earnest on the closure of the Cuban detention camp", 0)
    assert compress.headline(EARNEST, HEADLINE_MAX) == "Josh Earnest on the closure of the Cuban detention camp"
    # A report that fits is told whole, its speaker and all.
    assert compress.headline("The mayor said the plan works.", HEADLINE_MAX) == "The mayor said the plan works"


def test_a_title_names_its_subject_rather_than_say_they_of_someone_its_reader_has_not_met() -> None:
    lead = "After being reduced to 8-2, they posted a score of 255-7, with Davies and Foakes sharing a stand of 130."
    assert whole_form(lead, HEADLINE_MAX, alone=True) == "After being reduced to 8-2, they posted a score of 255-7"
    point = "Surrey reached the final at Lord's for the first time."
    assert news_headline([lead, point], HEADLINE_MAX, "Surrey") == ("Surrey reached the final at Lord's for the first time", 1)
    # The key point need not name the keyphrase: any that names its own subject beats "they".
    assert news_headline([lead, point], HEADLINE_MAX, "Davies") == ("Surrey reached the final at Lord's for the first time", 1)
    # With no such point, the lead's form after all: it is whole and true.
    assert news_headline([lead, "They were all out for 236."], HEADLINE_MAX, "Davies") == (
        "After being reduced to 8-2, they posted a score of 255-7", 0)


def test_a_title_does_not_open_on_a_word_that_links_it_to_a_sentence_before() -> None:
    point = "But a public fundraising campaign launched in September hit its target in just a month."
    found = news_headline([SPECTRUM, point], HEADLINE_MAX, "public fundraising campaign")
    assert found is not None and found[0] == "A public fundraising campaign launched in September hit its target"


def test_the_extractive_headline_tells_a_point_and_cites_it() -> None:
    brief = f"{SPECTRUM}\n-\nAirlines will use the radio spectrum to track planes over the oceans from 2017.\n"
    article = briefpress.write(brief, engine="extractive", date=DATE)
    assert article.headline == "Airlines will use the radio spectrum to track planes over the oceans"
    assert [e.facts for e in article.evidence if e.part == "headline"] == [["S1.F2"]]
    assert article.keyphrase.lower() in article.headline.lower()


HARBOURTON = """The city council of Harbourton approved a new ferry terminal on Tuesday, ending years of delay.
-
Work on the terminal starts in March, and the first ferries should sail from it within two years, the council said.
-
The terminal will cost 40 million pounds, paid for by the port authority and the national government.
-
Residents of the old town, who opposed the plan, won a promise of quieter night services on Friday.
"""


def test_a_meta_description_tells_a_second_fact_rather_than_point_to_the_story() -> None:
    # The lead alone is 95 characters: under the 120 a description needs.
    article = briefpress.write(HARBOURTON, engine="extractive", date=DATE)
    meta = article.meta_description
    assert 120 <= len(meta) <= META_MAX
    assert not any(pointer in meta for pointer in META_POINTERS)
    cited = [e.facts for e in article.evidence if e.part == "meta_description"]
    assert cited == [["S1.F1"], ["S1.F4"]]
    assert all(_whole(sentence.rstrip(".")) for sentence in meta.split(". "))


def _fact(n: int, text: str) -> Fact:
    return Fact(id=f"S1.F{n}", text=text, source="brief", start=0, end=len(text), role="lead" if n == 1 else "point")


def test_a_meta_pointer_is_the_last_resort_where_a_second_fact_fits() -> None:
    lead = _fact(1, "The council of Riverton approved a 4.2 million dollar cycle lane network on Tuesday after two "
                    "years of talks.")
    point = _fact(2, "Shop owners on Mill Street, who opposed the plan, won a delivery bay.")
    second = "Shop owners on Mill Street won a delivery bay."
    other = _fact(3, "Mayor Ana Ruiz said work starts in March.")
    told = "Ana Ruiz said work starts in March."
    long = _fact(4, "Mayor Ana Ruiz said construction starts in March and should finish within 14 months.")
    fillers = list(META_POINTERS[:1])

    def best(forms: list[str], options: list[tuple[str, Fact]]) -> list[str]:
        spare = {point.text: forms, other.text: [other.text, told, "Ruiz said work starts in March."]}
        spent = spent_forms(lambda text: spare.get(text, []), set())
        mixes = [m for m in meta_mixes(options, fillers) if len(" ".join(s for s, _ in m)) <= META_MAX]
        return [s for s, _ in max(mixes, key=lambda m: meta_rank(m, "riverton", lead, fillers, spent))]

    options = [(lead.text, lead), (second, point)]
    # A second fact, in a form the later parts can spare or not: never the pointer while one fits.
    assert best([second, "Shop owners won a delivery bay."], options) == [lead.text, second]
    assert best([second], options) == [lead.text, second]
    # Of two second facts, the one whose form the later parts do not need.
    assert best([second], [*options, (told, other)]) == [lead.text, told]
    # The pointer only where no second fact fits the size.
    assert best([second], [(lead.text, lead), (long.text, long)]) == [lead.text, META_POINTERS[0]]
    assert spent_forms(lambda _text: [second], set())(point.text, point)  # the body's own sentence


LYON = ("Second-half goals by Mohamed Yattara and Alexandre Lacazette helped Olympique Lyonnais go top of Ligue 1 "
        "with a 2-0 home win against Bastia on Wednesday.")
TESCO = 'Tesco said in a statement that this is an "orderly and efficient exit from the US market".'


def test_a_subject_with_no_verb_gives_way_to_the_clause_its_verb_entails() -> None:
    # Every cut of the lead within 70 characters ends before "helped": a subject with no verb.
    # "helped Lyon go top" entails that Lyon went top, so that clause is the headline, told whole.
    headline = compress.headline(LYON, HEADLINE_MAX)
    assert headline == "Olympique Lyonnais go top of Ligue 1 with 2-0 home win against Bastia"
    assert _whole(headline)
    # "let" and "allow" do not entail what they permit: no clause is raised from them.
    let = LYON.replace("helped", "let")
    assert not any(c.startswith("Olympique Lyonnais go") for c in headline_cuts(let))
    assert not any(c.startswith("Olympique") for c in headline_cuts(LYON.replace("helped", "did not help")))


def test_a_report_is_told_whole_without_its_manner_and_never_opens_on_this() -> None:
    headline = compress.headline(TESCO, HEADLINE_MAX)
    assert headline == 'Tesco said this is an "orderly and efficient exit from the US market"'
    assert not opens_on_pointer(headline) and _whole(headline)
    # "Speaker: clause" never tells a clause that opens on a pronoun or "This".
    assert attributed_headline(TESCO, HEADLINE_MAX) is None
    assert opens_on_pointer('Tesco: This is an "orderly and efficient exit"')
    assert not opens_on_pointer("Theresa May unveiled the reforms")


def test_a_date_that_times_a_figure_stays_outside_a_title() -> None:
    sentence = "Inmates have slowly been transferred out and at the start of the year, 122 men were left."
    assert "Inmates have slowly been transferred out and 122 men were left" in headline_cuts(sentence)
    assert not any("122 men" in c and "start" not in c for c in headline_cuts(sentence, title=False))


def test_a_meta_description_tells_a_second_fact_before_a_pointer() -> None:
    lead = _fact(1, TESCO)
    point = _fact(2, "Around 4,000 of Fresh & Easy's 5,000 employees are to transfer to the new business as part "
                     "of the deal.")
    article = briefpress.write(f"{lead.text}\n-\n{point.text}", [], engine="extractive", published=DATE)
    assert not article.meta_description.endswith(META_POINTERS)
    assert article.meta_description.startswith('Tesco said this is an "orderly')
    assert all(_whole(s.rstrip(".")) for s in article.meta_description.split(". "))


def test_a_lead_of_two_predicates_is_headed_by_its_first_whole_never_a_cut_on_a_possessive() -> None:
    lead = ("Local clerics met on 3 April, two days after the newspaper's revelations, and said the report had "
            "insulted their faith and the dignity of the town's residents.")
    headline = compress.headline(lead, HEADLINE_MAX)
    assert _whole(headline) and not possessive_end(headline)
    assert headline.startswith("Local clerics met") and "two days after" in headline
    # Never a first half kept from a contrast.
    assert first_predicate("The authority would co-operate with the police but believed no change was needed.") is None
    assert possessive_end("two days after the newspaper's") and not possessive_end("the newspaper's revelations")


def test_a_last_resort_title_never_ends_on_a_verb_or_modifier_it_cuts_off() -> None:
    # No whole form fits any of these; the title names what it can, but never cuts a negation off
    # from its scope (the hosts had lost before), a verb off from its phrase, or a name in two.
    aspin = ("Neil Aspin's promotion-chasing hosts have not lost in nine National League matches while "
             "Adam Lockwood's side are unbeaten in five.")
    assert drops_reason(aspin, "Neil Aspin's promotion-chasing hosts have not lost", condensed=True) is not None
    # "unbeaten" is a negation in one word: "[in five]" is what it is limited to (a takeaway had
    # shipped "... while Adam Lockwood's side are unbeaten.")
    assert drops_reason(aspin, aspin.removesuffix(" in five."), condensed=True) is not None
    assert drops_reason("The unbeaten champion won in five sets.", "The unbeaten champion won", condensed=True) is None
    assert compress.headline(aspin, HEADLINE_MAX) == "Neil Aspin's promotion-chasing hosts"
    illness = "He died at his home in Cambridge following an illness lasting several months, a statement said."
    assert compress.headline(illness, HEADLINE_MAX) == "He died at his home in Cambridge following an illness"
    golfer = ("The Northern Irishman, twice a winner of the European Tour's season-finale, stumbled to a "
              "three-over-par 75 to lie joint 55th in a 60-man field.")
    assert compress.headline(golfer, HEADLINE_MAX) == "The Northern Irishman, twice a winner"


def test_a_meta_description_drops_a_leads_second_predicate_for_a_second_fact_not_a_pointer() -> None:
    # The lead (109 characters) had no shorter whole form, so the description was the lead and
    # "Here is the full story."; the first of its two predicates leaves room for a second fact.
    # (The parse splits "Pro-Kremlin party" off as a root of its own: the verb's root counts.)
    lead = "Pro-Kremlin party A Just Russia put forward both bills, and linked them directly to the situation in Ukraine."
    assert first_predicate(lead) == "Pro-Kremlin party A Just Russia put forward both bills."
    brief = "\n-\n".join([
        lead,
        "Separatist and pro-Russian feelings are strong in Ukraine's Crimea region, which is now the focus of the crisis.",
        "Russian MPs say a referendum or a plea from a territory's leaders would be enough to trigger the new provisions.",
        "There are already many Russian citizens in Crimea."])
    meta = briefpress.write(brief, engine="extractive", date=DATE).meta_description
    assert 120 <= len(meta) <= META_MAX and not meta.endswith(META_POINTERS), meta
    assert meta.startswith("Pro-Kremlin party A Just Russia put forward both bills."), meta


def test_a_meta_description_is_one_sentence_cut_of_its_date_and_its_aside_rather_than_a_pointer() -> None:
    # The Ozy lead (264 characters) cut at its clause fitted only with its date, leaving 93
    # characters and "Here is what we know so far."; without the date the cut holds its purpose.
    from pathlib import Path

    brief = (Path(__file__).parent / "golden" / "briefs" / "ozy-media-founder-arrested.txt").read_text("utf-8")
    meta = briefpress.write(brief, engine="extractive", date=DATE).meta_description
    assert meta == ("The founder of the troubled digital start-up Ozy Media was arrested on fraud charges as part "
                    "of a scheme to prop up the financially struggling company.")
