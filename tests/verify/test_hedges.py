"""What a model sentence may not drop: the hedge of a claim the sources only report, a speaker's quotation marks."""

from __future__ import annotations

from briefpress.verify.hedges import drops_hedge, hedge_words, reported_claims

SAID_TO = ("The man is said to have been trying to gather details about a German parliamentary committee that is "
           "investigating claims of US espionage.")
ALLEGEDLY = ("Samir Rao, the then-chief operating officer of Ozy Media, allegedly impersonated a YouTube executive "
             "during a pitch to Goldman Sachs.")


def test_a_reported_claim_told_as_fact_drops_its_hedge() -> None:
    assert reported_claims(SAID_TO) and reported_claims(ALLEGEDLY)
    assert drops_hedge("The man was trying to gather information about a German parliamentary committee "
                       "investigating US espionage.", [SAID_TO])
    assert drops_hedge("Samir Rao impersonated a YouTube executive during a pitch to Goldman Sachs.", [ALLEGEDLY])


def test_a_sentence_that_keeps_a_hedge_or_tells_another_claim_passes() -> None:
    assert not drops_hedge("The man is said to have been trying to gather details about the committee.", [SAID_TO])
    assert not drops_hedge("Samir Rao allegedly impersonated a YouTube executive.", [ALLEGEDLY])
    assert not drops_hedge("German authorities have asked the US ambassador for clarification.", [SAID_TO])
    assert reported_claims("German authorities have asked the US ambassador for clarification.") == ()


BLAMED = "Washington blamed Russia and the Syrian government for intensifying their attacks against civilians."
ACCUSED = ('The journalist, Wang Xiaolu, stands accused of "spreading fake information" about the market slump, '
           "the report said.")


def test_a_deed_one_side_blames_on_another_told_as_fact_drops_its_hedge() -> None:
    # The local engine's conclusion for the first: every word the lead's, the blame gone, and the
    # deed given to Washington's actions; the grounding check had called it supported.
    assert drops_hedge("Washington's actions against Russia and the Syrian government have intensified their "
                       "attacks on civilians.", [BLAMED])
    assert drops_hedge("Russia and the Syrian government intensified their attacks against civilians.", [BLAMED])
    assert drops_hedge("Wang Xiaolu spread fake information about the market slump.", [ACCUSED])
    assert drops_hedge("He committed murder.", ["He was charged with murder on Friday."])
    # "suspected" is a reporting verb too; without a "to" clause its passive lays a deed at
    # someone's door, as "accused" does (the claims and the words the model is shown agree).
    suspected = "The man was suspected of passing secrets to the US."
    assert drops_hedge("The man passed secrets to the US.", [suspected])
    assert not drops_hedge("The man is suspected of passing secrets.", [suspected])
    assert hedge_words(suspected) == ("suspected",)


def test_what_a_speaker_said_told_without_the_speaker_drops_its_hedge() -> None:
    # The local engine's conclusion, read by a blind review as the article's own view.
    said = "Josh Earnest said the closure of the Cuban detention camp was a national security interest."
    assert drops_hedge("In short, the closure of the Cuban detention camp was a national security interest.", [said])
    assert not drops_hedge("Earnest said closing the camp was a national security interest.", [said])
    assert not drops_hedge("According to Josh Earnest, the closure of the Cuban detention camp was a national "
                           "security interest.", [said])
    assert hedge_words(said) == ("Josh Earnest said",)


def test_a_sentence_that_keeps_the_blame_passes() -> None:
    assert not drops_hedge("Washington blamed Russia and the Syrian government for intensifying attacks.", [BLAMED])
    assert not drops_hedge("The US accused Moscow of intensifying its attacks on civilians.", [BLAMED])
    assert not drops_hedge("Wang Xiaolu is accused of spreading fake information.", [ACCUSED])
    assert reported_claims("Washington blamed the weather.") == ()  # no deed laid at anyone's door


def test_a_speakers_words_without_their_marks_are_found() -> None:
    from briefpress.verify.quotes import unmarked_quote

    fact = ('"We\'re in pretty good shape," added Gatland. "There\'s a few new coaches this year and the '
            'familiarly will help us put things together quickly."')
    assert unmarked_quote("There's a few new coaches this year and the familiarly will help us put things "
                          "together quickly.", [fact])
    assert not unmarked_quote("Gatland said Wales were in good shape.", [fact])  # five words at most
    assert not unmarked_quote('"There\'s a few new coaches this year," Gatland said.', [fact])  # quoted


def test_a_quotation_told_from_its_second_paragraph_without_its_opening_mark_is_found() -> None:
    from briefpress.verify.quotes import unmarked_quote

    fact = ('"We\'re in pretty good shape," added Gatland. "There\'s a few new coaches this year and the '
            'familiarity will help us put things together quickly. "Our time together at the World Cup is '
            "invaluable preparation.")
    told = ("There's a few new coaches this year and the familiarity will help us put things together quickly. "
            '"Our time together at the World Cup is invaluable preparation.')
    assert unmarked_quote(told, [fact])
    assert not unmarked_quote(f'Gatland said: "{told}"', [fact])


def test_the_verifier_and_so_audit_flag_a_claim_the_sources_hold_unproven() -> None:
    # Every word of each flagged sentence is the sources', so the statement score passed them all;
    # the hedge check is what tells "Washington blamed Russia for X" from "Russia did X".
    from briefpress.verify import check_sentences, read_sources

    facts = read_sources([f"{BLAMED} {SAID_TO} {ALLEGEDLY} {ACCUSED}"])
    told_as_fact = [
        "Russia and the Syrian government intensified their attacks against civilians.",
        "The man was trying to gather details about a German parliamentary committee.",
        "Samir Rao impersonated a YouTube executive during a pitch to Goldman Sachs.",
        "Wang Xiaolu spread fake information about the market slump.",
    ]
    kept = [
        "Washington blamed Russia and the Syrian government for intensifying attacks.",
        "The man is said to have been trying to gather details about a German parliamentary committee.",
        "Samir Rao allegedly impersonated a YouTube executive.",
        "Wang Xiaolu is accused of spreading fake information about the market slump.",
    ]
    verdicts = check_sentences(told_as_fact + kept, facts)
    assert [v.verdict for v in verdicts[4:]] == ["supported"] * 4
    for v in verdicts[:4]:
        assert v.failed and any(r.kind == "attribution" and "only report" in r.detail for r in v.reasons), v
    flagged = verdicts[0]
    assert "'blamed'" in flagged.reasons[0].detail
    assert any(e.text == BLAMED for e in flagged.evidence)  # the reporting fact is the evidence


def test_an_unproven_claim_another_source_states_plainly_may_drop_the_hedge() -> None:
    from briefpress.verify import check_sentences, read_sources

    accused = "Police accused a man of stealing the car in Leeds."
    plain = read_sources([f"{accused} A man stole the car in Leeds on Friday."])
    assert check_sentences(["A man stole the car in Leeds."], plain)[0].verdict == "supported"
    only_accused = read_sources([f"{accused} The roads were closed on Friday."])
    assert check_sentences(["A man stole the car in Leeds."], only_accused)[0].verdict == "unsupported"


def test_a_speakers_statement_may_drop_the_speaker_in_the_verifier() -> None:
    # Newsrooms drop "police said" from an uncontested fact; only a model's sentence is held to
    # the speaker (the repairer's drops_hedge), where it turned an opinion into the article's own.
    from briefpress.verify import check_sentences, read_sources

    facts = read_sources(["Police said thieves stole three gold brooches from the museum on Sunday."])
    assert check_sentences(["Thieves stole three gold brooches from the museum."], facts)[0].verdict == "supported"


WEDGWOOD = ("About 80,000 works of art, ceramics, manuscripts, letters and photographs faced being auctioned to help "
            "pay off the pottery firm's pension debt.")


def test_what_the_sources_give_in_prospect_told_as_done_is_flagged() -> None:
    # The local engine's meta description of the Wedgwood brief: the collection was saved, and
    # the verifier had passed "were auctioned", every word of it the lead's.
    from briefpress.verify import check_sentences, read_sources

    facts = read_sources([f"{WEDGWOOD} But a public fundraising campaign hit its target in just a month."])
    done = "The works of art were auctioned to help pay off the pottery firm's pension debt."
    assert drops_hedge(done, [WEDGWOOD])
    flagged = check_sentences([done], facts)[0]
    assert flagged.verdict == "unsupported" and "not yet done ('faced')" in flagged.reasons[0].detail
    kept = ["About 80,000 works of art faced being auctioned to help pay off the pension debt.",
            "The works of art could have been auctioned to pay off the pension debt."]
    assert [v.verdict for v in check_sentences(kept, facts)] == ["supported", "supported"]
    assert not drops_hedge(kept[1], [WEDGWOOD])
    assert "faced" in hedge_words(WEDGWOOD)  # what the model is asked to keep


def test_a_plan_told_as_done_is_flagged_and_one_told_as_a_plan_is_not() -> None:
    plan = "The council plans to build a new bridge over the river Aar."
    assert drops_hedge("The council built a new bridge over the river Aar.", [plan])
    assert not drops_hedge("The council will build a new bridge over the river Aar.", [plan])
    assert not drops_hedge("The council plans a new bridge over the river Aar.", [plan])


def test_a_claim_is_told_by_its_core_without_the_asides_that_describe_who_it_names() -> None:
    # The local engine's Fuller House conclusion dropped "Netflix said": the claim's asides (who
    # each actress played) had counted as words of the claim, so the sentence told too few of them.
    said = ("Jodie Sweetin, who played Stephanie Tanner in the original series, and Andrea Barber, who portrayed "
            "D.J.'s best friend Kimmy Gibbler, will both return for the new series, Netflix said.")
    assert drops_hedge("Jodie Sweetin and Andrea Barber will both return for the new series.", [said])
    assert not drops_hedge("Netflix said Jodie Sweetin and Andrea Barber will both return.", [said])


def test_a_deed_someone_claims_and_each_part_of_a_claim_keep_the_claim() -> None:
    # The local engine's Cyber Troops body: "He printed pro-Ukrainian messages ..." where Yevhen
    # Dokukin only "claimed to have hijacked network printers ... to print" them.
    claimed = ("On 8 December, Yevhen Dokukin claimed to have hijacked network printers in eastern Ukraine and "
               "Crimea to print pro-Ukrainian messages and insults against Russian President Vladimir Putin.")
    assert hedge_words(claimed) == ("claimed",)
    assert drops_hedge("He printed pro-Ukrainian messages and insults against Russian President Vladimir Putin.",
                       [claimed])
    assert drops_hedge("Yevhen Dokukin hijacked network printers in eastern Ukraine and Crimea.", [claimed])
    assert not drops_hedge("Yevhen Dokukin claimed to have hijacked network printers.", [claimed])
    # One word of a claim is no claim of its own: the saved collection is not "auctioned".
    assert not drops_hedge("The collection was saved from auction.", [WEDGWOOD])


def test_a_statement_by_a_second_verb_of_the_same_subject_keeps_its_speaker() -> None:
    # A blind review: the body told "The incident was caused by fire on the ground and not by an
    # air strike." for "Moscow strongly denies involvement ..., and says the incident was caused
    # by fire on the ground ...", stating Moscow's disputed claim as fact.
    fact = ("Moscow strongly denies involvement of its own or Syrian planes in the deadly aid convoy strike, "
            "and says the incident was caused by fire on the ground and not by an air strike.")
    assert drops_hedge("The incident was caused by fire on the ground and not by an air strike.", [fact])
    assert not drops_hedge("The incident was caused by fire on the ground and not by an air strike, Moscow says.", [fact])
