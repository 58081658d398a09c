"""Headlines that tell the news as a whole clause, and meta descriptions that tell a second fact
rather than point to the story (FORMAT.md parts 1 and 3)."""

from __future__ import annotations

import pytest

import briefpress
from briefpress.engines.meta_mix import meta_mixes, meta_rank, spent_forms
from briefpress.models import Fact
from briefpress.nlp import spacy_pipeline
from briefpress.rewrite import compress
from briefpress.rewrite.headline import news_headline, whole_form
from briefpress.rewrite.whole import cut_reason, fragment_reason
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
    # A report that fits is told whole, its speaker and all.
    assert compress.headline("The mayor said the plan works.", HEADLINE_MAX) == "The mayor said the plan works"


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


def test_a_second_fact_told_twice_is_no_better_than_a_pointer() -> None:
    lead = _fact(1, "The council of Riverton approved a 4.2 million dollar cycle lane network on Tuesday after two "
                    "years of talks.")
    point = _fact(2, "Shop owners on Mill Street, who opposed the plan, won a delivery bay.")
    second = "Shop owners on Mill Street won a delivery bay."
    options = [(lead.text, lead), (second, point)]
    fillers = list(META_POINTERS[:1])

    def best(forms: list[str]) -> list[str]:
        spent = spent_forms(lambda text: forms if text == point.text else [], set())
        mixes = [m for m in meta_mixes(options, fillers) if len(" ".join(s for s, _ in m)) <= META_MAX]
        return [s for s, _ in max(mixes, key=lambda m: meta_rank(m, "riverton", lead, fillers, spent))]

    # With a form to spare, the second fact; with its only condensed form, the parts written after
    # the description would tell it again (or the body's sentence whole): the pointer.
    assert best([second, "Shop owners won a delivery bay."]) == [lead.text, second]
    assert best([second]) == [lead.text, META_POINTERS[0]]
    assert spent_forms(lambda _text: [second], set())(point.text, point)  # the body's own sentence
