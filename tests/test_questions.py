"""Questions asked of their answers (issue #17, point 4): each heading is formed from the fact
under it, in its words, and stock questions are the last resort."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

import briefpress
from briefpress.models import Article, Fact
from briefpress.plan import build_outline, is_stock, questions_of
from briefpress.spec import TEMPLATE_WORDS
from briefpress.text import words
from golden.checks import Vocabulary, asks_in_input_words

GOLDEN = sorted((Path(__file__).parent / "golden" / "briefs").glob("*.txt"))
DATE = "2026-11-25T09:00:00+00:00"


@cache
def _written(path: Path) -> Article:
    return briefpress.write(path.read_text(encoding="utf-8"), brief_name=path.name, date=DATE)


def _fact(text: str, fid: str, role: str = "point") -> Fact:
    return Fact(id=fid, text=text, source="brief", start=0, end=len(text), role=role)


@pytest.mark.parametrize(("sentence", "question"), [
    # A reason clause: why, the verb keeping its object.
    ("A southern Iowa chiropractor has surrendered his state license after he was accused of accepting sex "
     "as payment.", "Why has a southern Iowa chiropractor surrendered his state license?"),
    # A name that opens with "A" keeps its capital ("Just", an adverb, is capitalised only in a name).
    ("A Just Russia put forward both bills.", "What did A Just Russia put forward?"),
    ("A High Court judge ruled the ban unlawful.", "What did a High Court judge rule?"),
    # Attribution: what the speaker said, about the reported clause's subject.
    ("The board's report said the treasurer had misused funds.", "What did the board's report say about the treasurer?"),
    # The object, with do-support and the verb's base form.
    ("Shop owners on Mill Street won a delivery bay on every block.", "What did shop owners on Mill Street win?"),
    # a comparative that opens the sentence is no name: its capital goes
    ("Lighter gloves offer less cushioning for the hands.", "What do lighter gloves offer?"),
    # A figure the change is measured by.
    ("Chinese shares fell by nearly 8% after a week of volatile trading.", "How much did Chinese shares fall?"),
    # A time, the passive's auxiliary put first.
    ("The camp was established in 2002 by the Bush administration.", "When was the camp established?"),
    # A titled name asks of the name ("Sussex PCC Katy Bourne").
    ("Sussex PCC Katy Bourne said emergency services would have a duty to collaborate.",
     "What did Katy Bourne say about emergency services?"),
    # An infinitive complement is asked what they hope or decide to do, not "What were Yorkshire hoping?".
    ("Yorkshire were hoping to atone by reaching Lord's for the first time since 2002.",
     "What were Yorkshire hoping to do?"),
    # A match's time as British reports give it, and the adverb that completes a verb of moving.
    ("Guiseley went ahead on 15 minutes against the run of play when a throw-in found James Hurst.",
     "When did Guiseley go ahead?"),
    # An office named by its title keeps its article; a title a name owns needs none.
    ("Older People's Commissioner for Wales Sarah Rochira will call on pensioners to hear their experiences.",
     "What will the Older People's Commissioner call on?"),
    ("Tesco's Chief Executive, Dave Lewis, said sales rose.", "What did Tesco's Chief Executive say about sales?"),
    ("Children's Commissioner Anne Longfield will publish a report.", "What will Commissioner Anne Longfield publish?"),
    ("Children's charities will publish a report.", "What will children's charities publish?"),
    # a force sent somewhere is asked of as a thing (people are not: "Who arrested four people?")
    ("Russia poured troops into both regions.", "What did Russia pour?"),
    # what a court heard or a report found is its clause (the Kempston court report had a stock heading)
    ("The court heard the sun was 10 minutes from setting.", "What did the court hear?"),
    ("The report found that the council had overspent by £3m.", "What did the report find?"),
    ("Figures released on Monday showed that unemployment rose to 5%.", "What did figures show?"),
])
def test_a_question_is_formed_from_the_sentence_it_asks_of(sentence: str, question: str) -> None:
    asked = questions_of(sentence)
    assert asked[0] == question
    vocab = Vocabulary.of(sentence)
    for q in asked:
        assert q.endswith("?") and len(q.split()) <= 12, q
        # Nothing but the sentence's words (a verb may take its base form) and the question's frame.
        assert all(w.lower() in TEMPLATE_WORDS or asks_in_input_words(w, vocab) for w in words(q)), q


@pytest.mark.parametrize("sentence", [
    "It could face millions of pounds in back taxes if they are found to be illegal.",  # a pronoun subject
    "The council did not approve the plan on Monday.",  # a negation reads as a claim of its own
    "The move is part of national fire service reforms.",  # "What is ...?" answered by "The move"
    "Lyon dominated throughout but were made to wait by Bastia.",  # "were" agrees with "Lyon", not "Who"
    "Yucaipa is a Los Angeles based private equity company focused on supermarket businesses.",  # no cut
    # a verb alone ("What sang?"): a heading that asks nothing worth asking
    "Girls sang and danced in a circle then Patricia Mercy stepped forward.",
    # a verb of saying alone ("Who added?"): what was said follows the colon
    'The AAM\'s music director Richard Egarr added: "I am deeply saddened by the news."',
    # the parse gives the verb two subjects, the hashtag one; and "by the A2" (a road) is no figure
    "The poster with the phrase #prayforjosh appeared in Holywood by the A2 within the last week.",
    # what was done to people is not asked "What did the mayor thank?"; "their" names no one here
    "The mayor thanked residents for their patience.",
])
def test_no_question_where_the_sentence_gives_no_well_formed_one(sentence: str) -> None:
    assert questions_of(sentence) == ()


def test_a_speaker_is_not_asked_about_a_name_their_own_holds() -> None:
    # The Hogwood obituary: Christopher Purvis spoke of Christopher Hogwood
    asked = questions_of('"Christopher had extraordinary generosity of spirit," Christopher Purvis, honorary '
                         'president of the AAM, said.')
    assert asked == ("What did Christopher Purvis say?",)
    assert questions_of("Mr Smith said Smith Holdings had gone bust.")[0] == "What did Smith say about Smith Holdings?"


def test_what_was_not_done_is_not_asked_what() -> None:
    # "What had the company paid?" over "paid no tax" would be answered by nothing
    asked = questions_of("An investigation revealed the company had paid no tax.")
    assert asked == ("What did an investigation reveal?",)


def test_a_hypothetical_is_not_asked_as_what_happened_nor_a_time_as_why() -> None:
    # "could be banned" has not happened; "after" a ruling-out says when the coach spoke, not why.
    assert not any(q.startswith("What happened") for q in questions_of(
        "Up to 100 teachers could be banned from working in schools."))
    assert not any(q.startswith("Why") for q in questions_of(
        "The coach spoke after the defender was ruled out for four weeks."))
    assert questions_of("The mayor resigned after she was accused of fraud.")[0] == "Why did the mayor resign?"


def test_the_keyphrase_person_is_named_in_full() -> None:
    sentence = "Takaichi conveyed gratitude for Trump's congratulations."
    assert questions_of(sentence) == ("What did Takaichi convey?",)
    assert questions_of(sentence, "Sanae Takaichi") == ("What did Sanae Takaichi convey?",)


RIVERTON = [
    _fact("Council of Riverton approved a 4.2 million dollar cycle lane network on Tuesday, ending a two-year "
          "dispute.", "S1.F1", "lead"),
    _fact("The plan adds 18 kilometres of protected lanes along the river and the ring road.", "S1.F2"),
    _fact("Mayor Ana Ruiz said construction starts in March and should finish within 14 months.", "S1.F3"),
    _fact("Shop owners on Mill Street, who opposed the plan, won a delivery bay on every block.", "S1.F4"),
]


def test_the_outline_asks_each_part_what_its_first_fact_tells() -> None:
    outline = build_outline(RIVERTON)
    parts = [*outline.sections, *outline.faq]
    asked_of_facts = [p for p in parts if not is_stock(p.question)]
    assert len(asked_of_facts) >= len(parts) // 2, [p.question for p in parts]
    for part in asked_of_facts:
        assert part.question in questions_of(part.facts[0].text, outline.keyphrase), part.question
    questions = [p.question for p in parts]
    assert len(set(questions)) == len(questions), "no question is asked twice"
    assert questions[0] == "What did Council of Riverton approve?"


def test_a_faq_answer_asked_of_a_fact_is_that_fact() -> None:
    outline = build_outline(RIVERTON)
    for part in outline.faq:
        if not is_stock(part.question):
            assert len(part.facts) == 1
    opened = [p.facts[0].id for p in outline.faq]
    assert len(set(opened)) == len(opened), "no two FAQ answers open with the same fact"


def test_no_part_ends_on_a_question() -> None:
    facts = [*RIVERTON[:2], _fact("Who pays for the lanes?", "S1.F5"), *RIVERTON[2:]]
    outline = build_outline(facts)
    for part in [*outline.sections, *outline.faq]:
        assert not part.facts[-1].text.endswith("?"), part.question


def test_no_two_golden_articles_share_a_heading_asked_of_their_facts() -> None:
    seen: dict[str, str] = {}
    for path in GOLDEN:
        article = _written(path)
        for question in [s.question for s in article.sections] + [q.question for q in article.faq]:
            if is_stock(question) and article.keyphrase.lower() not in question.lower():
                continue  # a topic-less stock question ("When did it happen?") is the last resort
            assert question not in seen, f"{path.stem} and {seen.get(question)} both ask {question!r}"
            seen[question] = path.stem


def test_golden_articles_ask_their_headings_of_their_facts() -> None:
    # A floor, the share the golden set reaches: the lead's FAQ question ("What is the main news
    # about X?") stays stock where the lead gives one question only, and the section asks it.
    questions = [q for p in GOLDEN for q in
                 [s.question for s in _written(p).sections] + [f.question for f in _written(p).faq]]
    asked_of_facts = [q for q in questions if not is_stock(q)]
    assert len(asked_of_facts) / len(questions) >= 0.4, len(asked_of_facts) / len(questions)


TAKAICHI_LEAD = ("Japan’s new Prime Minister Sanae Takaichi held her first official phone call with U.S. President "
                 "Donald Trump on Saturday, emphasizing the strengthening of the Japan-U.S. alliance as her top "
                 "foreign policy priority amid regional security challenges in the Indo-Pacific.")


def test_a_light_verb_is_asked_of_its_object_not_what_it_was() -> None:
    # "What did Sanae Takaichi hold?" asks of the verb; the reader asks when, and with whom.
    asked = questions_of(TAKAICHI_LEAD, "Sanae Takaichi")
    assert asked == ("When did Sanae Takaichi hold her first official phone call?",
                     "Who did Sanae Takaichi hold her first official phone call with?")
    # Where the heading has room, the other party is named by name, titles left out.
    assert questions_of("Mayor Lena Holt held talks with U.S. President Donald Trump on Monday.")[0] == (
        "When did Lena Holt hold talks with Donald Trump?")
    # A verb that says what was done keeps its "What".
    assert questions_of("Shop owners won a delivery bay on every block.")[0] == "What did shop owners win?"
    # A verb of placing needs its place: "What did the revelations about the NSA put?" was a story's
    # FAQ heading; its subject is asked instead. A phrasal verb has a meaning of its own.
    assert questions_of("The revelations about the NSA put a strain on ties between Germany and the US.") == (
        "What put a strain on ties between Germany and the US?",)
    assert questions_of("The council put forward a new plan.") == ("What did the council put forward?",)
    # A common noun that opens a sentence is tagged a name for its capital: it is "What", not "Who".
    assert questions_of("Homophobia is rife in the mainly Muslim North Caucasus republic.")[0].startswith("What ")
    assert questions_of("Hogwood worked with many leading orchestras around the world.")[0].startswith("Who ")


def test_a_reaction_is_asked_how_they_reacted() -> None:
    sentence = ("Market reactions included gains in defense-related stocks like Mitsubishi Heavy Industries, "
                "signaling investor confidence in Takaichi’s defense-focused approach.")
    assert questions_of(sentence, "Sanae Takaichi") == ("How did the market react?",)
    assert not any(q.startswith("What did market reactions") for q in questions_of(sentence))


def test_a_counted_object_is_asked_how_many() -> None:
    assert questions_of("The Tianjin explosions killed 150 people.")[0] == "How many people did the Tianjin explosions kill?"
    # A measure is no count: "10oz gloves" is not asked "How many gloves".
    assert not any(q.startswith("How many") for q in questions_of("NAC rules require 10oz gloves."))


def test_an_activity_is_asked_when_not_what() -> None:
    # "What did Mohamed Yattara open?" answered "the scoring" is a riddle; a match's minute says when.
    sentence = "Substitute Yattara opened the scoring in the 77th minute."
    assert questions_of(sentence, "Mohamed Yattara") == ("When did Mohamed Yattara open the scoring?",)
    assert questions_of("Police opened an investigation.") == ("What did police open?",)


def test_an_adverb_that_negates_keeps_the_question_off_the_fact() -> None:
    # "rarely use" asked as "What do they use?" asks another fact.
    assert questions_of('United Nations officials rarely use the words "genocide" and "ethnic cleansing".') == ()


def test_takaichi_headings_read_as_a_reader_asks() -> None:
    path = Path(__file__).parent.parent / "examples" / "takaichi-brief.txt"
    a = briefpress.write(path.read_text(encoding="utf-8"), brief_name=path.name, date=DATE)
    headings = [s.question for s in a.sections] + [q.question for q in a.faq]
    assert "What did Sanae Takaichi hold?" not in headings
    assert "What did market reactions include?" not in headings
    assert headings[:2] == ["When did Sanae Takaichi hold her first official phone call?", "How did the market react?"]
    assert len(set(headings)) == len(headings)


def test_a_verb_of_moving_is_not_asked_what() -> None:
    # "Lyon go top of Ligue 1 with win over Bastia." headed a section "What do Lyon go?"
    from briefpress.plan.asking import questions_of

    assert not any(q.startswith("What d") for q in questions_of("Lyon go top of Ligue 1 with win over Bastia.",
                                                                 "Olympique Lyonnais"))


def test_an_indefinite_pronoun_is_no_subject_to_ask_about() -> None:
    # A blind review: "What did Surrey skipper Gareth Batty say about Everyone?"
    from briefpress.plan.asking import questions_of

    said = ('Surrey skipper Gareth Batty told BBC Radio London: "Everyone is stepping up to the plate when the '
            'team requires."')
    assert questions_of(said, "Davies") == ("What did Surrey skipper Gareth Batty say?",)
    assert not any("Nobody" in q for q in questions_of('Batty said: "Nobody expected this result."', "Davies"))


def test_a_claim_made_of_the_subject_is_not_what_happened_to_it() -> None:
    # A blind review: "What happened to the US National Security Agency?" over a sentence in which the
    # NSA was the one accused.
    from briefpress.plan.asking import questions_of

    accused = "The US National Security Agency was last year accused of bugging the phone of Angela Merkel."
    assert not any(q.startswith("What happened to") for q in questions_of(accused, "German committee"))
    arrested = "The founder of Ozy Media was arrested Thursday on fraud charges."
    assert "What happened to the founder of Ozy Media?" in questions_of(arrested, "Ozy Media")


def test_a_speaker_is_asked_about_what_they_said_not_another_report_run_on_before_it() -> None:
    # A comma splice: Seibert's quote, then Der Spiegel's report. What Der Spiegel said is about
    # the man, not about Seibert, whose words stand before the verb.
    splice = ('"The matter is serious, it is clear," spokesman Steffen Seibert told the Frankfurter Allgemeine '
              "newspaper, Der Spiegel news magazine said the man was believed to have passed secret documents.")
    asked = questions_of(splice)
    assert "What did Der Spiegel news magazine say about the man?" in asked
    assert not any("Seibert" in q for q in asked)
    # A quote before its speaker is still what they said.
    assert "What did the mayor say about the plan?" in questions_of('"The plan works," the mayor said.')


@pytest.mark.parametrize(("sentence", "question"), [
    # No other element to ask for: the subject is asked of, with the sentence's own predicate (a
    # closing phrase of when or how may go to fit a heading).
    ("Second-half goals by Mohamed Yattara and Alexandre Lacazette helped Olympique Lyonnais go top of Ligue 1 "
     "with a 2-0 win over Bastia on Wednesday.", "What helped Olympique Lyonnais go top of Ligue 1?"),
    ("Photos and videos of the demonstration showed activists on Bayswater Road.",
     "What showed activists on Bayswater Road?"),
    ("Washington blamed Russia and the Syrian government for intensifying their attacks against civilians.",
     "Who blamed Russia and the Syrian government?"),
    # A plural present verb agrees with the wh-word; "be" agrees with what it names.
    ("Protesters march through Leeds.", "Who marches through Leeds?"),
    # A subject that counts: the figure is the news, and the verb keeps its plural; a clause of
    # when after a verb that needs nothing more may go.
    ("Hundreds of protesters march through Leeds.", "How many protesters march through Leeds?"),
    ("Some 250,000 people are trapped in eastern Aleppo.", "How many people are trapped in eastern Aleppo?"),
    ("Hundreds of people, including children, have died since government forces launched an offensive to take "
     "full control of Aleppo after the week-long truce lapsed.", "How many people have died?"),
    ("Rebel groups are the main threat to the camps.", "What is the main threat to the camps?"),
    ("Football and cricket are the sports of the summer.", "What are the sports of the summer?"),
    ("The Northern Irishman stumbled to a three-over-par 75.", "Who stumbled to a three-over-par 75?"),
    # names joined: the parser tags only "Halfpenny" a person, and both are players
    ("Webb and Halfpenny are still out injured.", "Who is still out injured?"),
    # a title the parser tags no person, with the person's name beside it
    ("The coach's assistant Tom Baines wept openly.", "Who wept openly?"),
    # a surname the tagger gives no kind
    ("Hogwood worked with many leading orchestras around the world.",
     "Who worked with many leading orchestras around the world?"),
    # a possessive after a name the question holds stands for it (the Kazakhstan brief)
    ("Russian President Vladimir Putin and Chinese President Xi Jinping promptly congratulated Nazarbayev on his "
     "re-election.", "Who congratulated Nazarbayev on his re-election?"),
    # people are no "what": not "What did police arrest?"
    ("Police arrested four people.", "Who arrested four people?"),
])
def test_a_subject_is_asked_who_or_what_did_it(sentence: str, question: str) -> None:
    asked = questions_of(sentence)
    assert asked == (question,)
    vocab = Vocabulary.of(sentence)
    assert all(w.lower() in TEMPLATE_WORDS or asks_in_input_words(w, vocab) for w in words(asked[0])), asked


@pytest.mark.parametrize(("sentence", "question"), [
    # A copular clause whose subject gives no other question asks what the subject was: the
    # answer names it.
    ("The peak population in 2003 was 684.", "What was the peak population in 2003?"),
])
def test_a_copular_clause_asks_what_its_subject_is(sentence: str, question: str) -> None:
    assert questions_of(sentence) == (question,)
    vocab = Vocabulary.of(sentence)
    assert all(w.lower() in TEMPLATE_WORDS or asks_in_input_words(w, vocab) for w in words(question))


@pytest.mark.parametrize(("sentence", "wrong"), [
    ("The move is part of national fire service reforms.", "What is the move?"),  # the move read before
    ("Another stunt is the hacking of billboards.", "What is another stunt?"),
    ("The bill is not a law.", "What is the bill?"),
    ("Lyon are top of Ligue 1.", "What are Lyon?"),  # no thing named
])
def test_a_copular_clause_that_points_back_or_names_nothing_asks_no_identity(sentence: str, wrong: str) -> None:
    assert wrong not in questions_of(sentence)


def test_an_answer_keeps_what_its_question_asks_of_the_fact() -> None:
    # The Hogwood story's FAQ asked "What worked with many leading orchestras around the world?"
    # and answered with the fact's other half.
    from briefpress.plan import answering

    fact = ("Hogwood worked with many leading orchestras around the world and was considered one of the most "
            "influential exponents of the early-music movement.")
    question = "Who worked with many leading orchestras around the world?"
    assert not answering.answers(question, ["Hogwood was considered one of the most influential exponents of the "
                                            "early-music movement."], [fact])
    assert answering.answers(question, ["Hogwood worked with many leading orchestras around the world."], [fact])
    # a stock question asks of no words of its facts
    assert answering.answers("What else is there to know about Hogwood?", ["Hogwood was considered one."], [fact])


def test_a_subject_never_ends_on_a_preposition_the_parse_left_without_its_object() -> None:
    # The parse hangs "Wales Sarah Rochira" on "Commissioner" as an apposition, leaving "for"
    # with no object: the heading had been "What will Older People's Commissioner for call on?".
    lead = ("Older People's Commissioner for Wales Sarah Rochira will call on pensioners and their friends and "
            "families to hear their experiences of residential care.")
    asked = questions_of(lead, "older people")
    assert asked and not any(" for call" in q for q in asked), asked


@pytest.mark.parametrize(("sentence", "question"), [
    # an owner's apostrophe is kept: the heading had been "What will Wales First Minister publish?"
    ("Wales' First Minister will publish the plan on Monday.", "What will Wales' First Minister publish?"),
    # a title with no name beside it is the subject whole: it had been "What will Executive publish?"
    ("Tesco's Chief Executive will publish the plan on Monday.", "What will Tesco's Chief Executive publish?"),
    # a titled name is still asked of by the name
    ("Harbour chair Lena Holt will publish the plan on Monday.", "What will Lena Holt publish?"),
])
def test_an_office_owned_by_a_name_is_asked_of_as_written(sentence: str, question: str) -> None:
    assert question in questions_of(sentence), questions_of(sentence)


def test_a_relative_clause_set_off_by_commas_does_not_hide_the_clause_a_question_asks_of() -> None:
    """spaCy parsed "levelled" as a modifier of "The hosts" past the aside, so the sentence gave
    no question, its time was not seen, and its section took "What else is there to know?"."""
    sentence = ("The hosts, who started the second half well, levelled on 62 minutes when a slip by half-time "
                "substitute Derek Asamoah let York curl sweetly into the top-right corner from the edge of the box.")
    assert questions_of(sentence) == ("When did the hosts level?",)
