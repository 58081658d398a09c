"""Takeaway labels drawn from their own fact (issue #17, FORMAT.md part 6: "the label specific to
it"): a noun phrase of one to four of the fact's words, no two alike in an article, the stock
labels the last resort."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

import briefpress
from briefpress.models import Article
from briefpress.plan.labels import MOST_WORDS, label_forms, takeaway_label
from briefpress.spec import TAKEAWAY_LEAD_LABEL, TAKEAWAY_STOCK_LABELS
from briefpress.text import words

ROOT = Path(__file__).resolve().parent.parent
BRIEFS = sorted((ROOT / "tests" / "golden" / "briefs").glob("*.txt")) + [ROOT / "examples" / "takaichi-brief.txt"]
DATE = "2026-11-25T09:00:00+00:00"
STOCK = {TAKEAWAY_LEAD_LABEL, *TAKEAWAY_STOCK_LABELS, "Reaction", "Numbers", "Next steps", "Statement"}


@cache
def _written(path: Path) -> Article:
    return briefpress.write(path.read_text(encoding="utf-8"), brief_name=path.name, date=DATE)


@pytest.mark.parametrize(("sentence", "label"), [
    # The object with the other party, its adjectives dropped to fit four words.
    ("Japan’s new Prime Minister Sanae Takaichi held her first official phone call with U.S. President "
     "Donald Trump on Saturday.", "Phone call with Trump"),
    # What the verb acts on, not the light verb's subject ("Market reactions").
    ("Market reactions included gains in defense-related stocks like Mitsubishi Heavy Industries.",
     "Gains in defense-related stocks"),
    # Reported speech is labelled by what was said, not by its speaker; a copula's subject first.
    ("Josh Earnest said the closure of the Cuban detention camp was a national security interest.",
     "Closure of detention camp"),
    # A measure's noun keeps what it measures ("gallons" alone says nothing).
    ("Activists in London dumped gallons of yellow and blue paint in front of the Russian embassy.",
     "Gallons of paint"),
    # A vague head gives way to what it is part of.
    ("The move is part of national fire service reforms unveiled by Home Secretary Theresa May last week.",
     "National fire service reforms"),
    # A described subject names the fact better than a bare object ("hit its target").
    ("But a public fundraising campaign launched in September hit its target in just a month.",
     "Public fundraising campaign"),
    # The speaker, where what was said names nothing but a pronoun.
    ("East Sussex's fire authority said it would co-operate with the PCC.", "Fire authority"),
    # A speaker by their office: the body they speak for, not the bare office ("Chair").
    ("The chair of Care Forum Wales, Mario Kreft, said his group was dedicated to best practice in social care.",
     "Care Forum Wales"),
    # A title run into a name is no body ("Tesco Dave Lewis").
    ("Chief executive of Tesco Dave Lewis said it would.", "Chief executive"),
])
def test_a_label_is_the_noun_phrase_its_fact_turns_on(sentence: str, label: str) -> None:
    assert takeaway_label(sentence, (), "Details") == label


@pytest.mark.parametrize("sentence", [
    # Whom a speaker told is no topic; a speaker's possessive, figures and times stay out.
    '"We are really disappointed," Watson\'s attorney, Lanny Breuer, told the Journal after the arrest.',
    "Moderna announced its earnings on 23 February, reporting fourth quarter revenues of $5.1bn.",
    "Around 4,000 of Fresh & Easy's 5,000 employees are to transfer to the new business.",
])
def test_a_label_names_no_figure_time_or_addressee(sentence: str) -> None:
    forms = label_forms(sentence)
    assert forms, sentence
    for form in forms:
        assert not any(ch.isdigit() for ch in form) and "February" not in form and "Journal" not in form, form


def test_labels_are_short_noun_phrases_in_their_facts_words() -> None:
    for path in BRIEFS:
        for fact in _written(path).facts:
            for form in label_forms(fact.text):
                assert 1 <= len(form.split()) <= MOST_WORDS, form
                assert form[:1].isupper() and ":" not in form and not form.endswith(("?", ".")), form
                fact_words = {w.lower() for w in words(fact.text)}
                assert all(w.lower() in fact_words for w in words(form)), (form, fact.text)


def test_a_taken_label_gives_way_to_the_next_then_to_a_free_stock_label() -> None:
    sentence = "Japan’s new Prime Minister Sanae Takaichi held her first official phone call with U.S. President Donald Trump."
    forms = label_forms(sentence)
    assert len(forms) >= 2
    assert takeaway_label(sentence, [forms[0]]) == forms[1]
    assert takeaway_label(sentence, [f.upper() for f in forms], "Main news") == "Main news"
    assert takeaway_label(sentence, [*forms, "Main news"], "Main news") == TAKEAWAY_STOCK_LABELS[0]
    # No phrase of its own: the stock label, then the next free one.
    assert takeaway_label("It fell.", [], "Background") == "Background"
    assert takeaway_label("It fell.", ["Background", "Details"], "Background") == TAKEAWAY_STOCK_LABELS[2]


def test_a_label_leaves_the_keyphrase_to_its_sentence() -> None:
    sentence = "The founder of the troubled digital start-up Ozy Media was arrested Thursday on fraud charges."
    assert takeaway_label(sentence) == "Founder of Ozy Media"
    assert takeaway_label(sentence, keyphrase="Ozy Media") == "Founder"


@pytest.mark.parametrize("path", BRIEFS, ids=lambda p: p.stem)
def test_each_takeaway_is_labelled_by_its_own_fact_and_no_two_alike(path: Path) -> None:
    a = _written(path)
    labels = [t.label for t in a.takeaways]
    assert len({label.lower() for label in labels}) == len(labels), labels
    facts = {f.id: f for f in a.facts}
    for i, t in enumerate(a.takeaways):
        assert 1 <= len(t.label.split()) <= MOST_WORDS and t.label[:1].isupper(), t.label
        fact = facts[next(e for e in a.evidence if e.part == f"takeaways[{i}].text").facts[0]]
        if t.label in STOCK:
            # The last resort: every phrase of its fact is another bullet's label or holds the keyphrase.
            free = [f for f in label_forms(fact.text)
                    if f not in labels and a.keyphrase.lower() not in f.lower()]
            assert free == [], (t.label, free)
        else:
            assert t.label in label_forms(fact.text), (t.label, fact.text)
    # The labels still make no claim.
    assert all(e.no_claim for e in a.evidence if e.part.endswith(".label"))


def test_takaichi_takeaways_name_their_facts() -> None:
    a = _written(ROOT / "examples" / "takaichi-brief.txt")
    assert [t.label for t in a.takeaways] == ["Phone call with Trump", "Gratitude", "Gains in defense-related stocks"]


def test_a_takeaway_s_label_names_what_its_sentence_tells() -> None:
    # A blind review: "Strain: The revelations about the NSA raised feeling in Germany against
    # American surveillance." The bullet's form had left out "put a strain on ties"; its label had
    # been drawn from the whole fact.
    import re

    import briefpress
    from briefpress.spec import (
        TAKEAWAY_BACKGROUND_LABEL,
        TAKEAWAY_DETAILS_LABEL,
        TAKEAWAY_LEAD_LABEL,
        TAKEAWAY_STOCK_LABELS,
    )

    brief = ("A German intelligence employee has been arrested on suspicion of spying for the United States.\n-\n"
             "The revelations about the NSA put a strain on ties between Germany and the US and raised feeling "
             "in Germany against American surveillance.\n-\n"
             "German authorities have asked the US ambassador for swift clarification.\n")
    stock = {*TAKEAWAY_STOCK_LABELS, TAKEAWAY_LEAD_LABEL, TAKEAWAY_DETAILS_LABEL, TAKEAWAY_BACKGROUND_LABEL}
    article = briefpress.write(brief, engine="extractive", date="2026-11-25T09:00:00+00:00")
    for takeaway in article.takeaways:
        words = re.findall(r"[\w'’-]+", takeaway.label.lower())
        assert takeaway.label in stock or all(w in takeaway.text.lower() for w in words), takeaway


def test_a_label_never_cuts_a_name_from_its_number() -> None:
    # "Ligue:" labelled Lyon's win, the "1" of "Ligue 1" cut off.
    forms = label_forms("Second-half goals by Mohamed Yattara and Alexandre Lacazette helped Olympique Lyonnais go "
                        "top of Ligue 1.")
    assert forms and "Ligue" not in forms, forms


def test_a_label_never_drops_a_word_from_inside_a_name() -> None:
    # "Chair of Care Forum Wales" is over the label's four words: "Chair of Forum Wales" had
    # shipped, a body that does not exist.
    label = takeaway_label("The chair of Care Forum Wales, Mario Kreft, said his group was dedicated to "
                           "developing and promoting best practice in social care.")
    assert "Forum Wales" not in label or "Care Forum Wales" in label, label
    assert takeaway_label("Takaichi held her first official phone call with Trump.") == "Phone call with Trump"


@pytest.mark.parametrize(("sentence", "label"), [
    # The local Hogwood obituary labelled both "Details": each sentence's subject is the keyphrase,
    # which no label holds, and the parse found no object.
    ("Hogwood was considered one of the most influential exponents of the early-music movement.",
     "Exponents of early-music movement"),
    ("Hogwood worked with many leading orchestras around the world.", "Leading orchestras"),
])
def test_a_keyphrase_subject_s_fact_is_labelled_by_its_complement(sentence: str, label: str) -> None:
    assert takeaway_label(sentence, [], "Details", "Hogwood") == label
