"""The one list of verbs of saying, and the modules that read it."""

from __future__ import annotations

import re
from pathlib import Path

from briefpress import lexicon
from briefpress.lexicon import ATTRIBUTING, QUOTING, REPORTING, SAYING, STATING, alternation, forms, lemma_of


def test_forms_inflect_each_lemma_regular_or_not() -> None:
    assert forms({"say"}) == {"say", "says", "said"}
    assert forms({"stress", "vow", "declare"}, base=False) == {
        "stresses", "stressed", "vows", "vowed", "declares", "declared"}
    assert {"wrote", "written", "admitted"} <= forms({"write", "admit"})


def test_subsets_nest_so_a_module_never_misses_a_plainer_verb() -> None:
    assert ATTRIBUTING < REPORTING < STATING <= SAYING
    assert REPORTING < QUOTING <= SAYING
    assert "write" in QUOTING and "write" not in REPORTING  # "wrote" may name no one's words


def test_lemma_of_maps_any_form_back_and_other_verbs_to_none() -> None:
    assert lemma_of("Told") == "tell"
    assert lemma_of("emphasised") == "emphasise"
    assert lemma_of("stresses") == "stress"
    assert lemma_of("went") is None
    assert lemma_of("sayings") is None


def test_alternation_prefers_the_longer_form() -> None:
    group = alternation({"say", "says", "according to"})
    assert re.fullmatch(group, "says") and re.fullmatch(group, "according to")
    assert re.match(group, "says").group() == "says"  # type: ignore[union-attr]
    assert not re.fullmatch(group, "according")


def test_no_module_keeps_its_own_list_of_verbs_of_saying() -> None:
    # A list of three past forms in a regex or set is a list of its own: it drifts from the others.
    src = Path(lexicon.__file__).parent
    lists = re.compile(r"said\W+(?:says|told)\W+(?:says|told|added|stated)")
    own = [p.name for p in src.rglob("*.py") if p.name != "lexicon.py" and lists.search(p.read_text())]
    assert own == []


def test_modules_agree_on_a_verb_added_to_the_list() -> None:
    from briefpress.plan.speakers import asked_speaker
    from briefpress.storylines import _SPEECH
    from briefpress.verify.quotes import has_speech_verb

    assert asked_speaker("What did Tesco emphasise?") == "Tesco"
    assert asked_speaker("What did Tesco eat?") is None
    assert _SPEECH.search("Inscription : the plaque reads 'for the fallen'")
    assert has_speech_verb("Officials declared it closed")
    assert not has_speech_verb("Officials closed it")
