"""Unit tests of the editor's sentence segmentation and part addressing."""

from __future__ import annotations

import pytest

from briefpress.api.parts import get_part, replace_sentence, set_part
from briefpress.errors import InputError
from briefpress.web.annotate import annotate


def _article(**over):
    a = {"headline": "Council approves lanes", "meta_description": "The council approved lanes.",
         "summary": ["The council approved lanes. It cost 4 million."], "sections": [{"question": "What?", "answer": "Lanes."}],
         "faq": [], "takeaways": [{"label": "Main", "text": "Lanes approved."}], "conclusion": "Lanes come.", "body": ["B."],
         "facts": [{"id": "S1.F1", "text": "The council approved lanes.", "source": "brief", "start": 0, "end": 27}],
         "evidence": [{"part": "summary[0]", "sentence": "The council approved lanes.", "facts": ["S1.F1"], "no_claim": False}]}
    a.update(over)
    return a


def test_grounding_sentences_become_segments_in_order():
    report = {"sentences": [
        {"text": "The council approved lanes.", "part": "summary[0]", "verdict": "supported", "reasons": [], "evidence": []},
        {"text": "It cost 4 million.", "part": "summary[0]", "verdict": "unsupported",
         "reasons": [{"kind": "number", "text": "4 million", "detail": "not in the sources"}], "evidence": []},
    ], "summary": {"sentences": 2}}
    ann = annotate(_article(grounding=report))
    segs = ann.parts["summary[0]"]
    assert [(s.text, s.verdict) for s in segs] == [
        ("The council approved lanes.", "supported"), (" ", ""), ("It cost 4 million.", "unsupported")]
    assert ann.verified and [s.index for s in segs] == [0, None, 1]
    # Parts no sentence covers stay plain text.
    assert [(s.text, s.index) for s in ann.parts["conclusion"]] == [("Lanes come.", None)]


def test_a_sentence_not_found_in_its_part_is_left_out_not_misplaced():
    report = {"sentences": [{"text": "Nowhere.", "part": "summary[0]", "verdict": "supported"}]}
    ann = annotate(_article(grounding=report))
    assert [s.index for s in ann.parts["summary[0]"]] == [None]


def test_without_a_report_the_evidence_map_is_shown_as_unverified():
    ann = annotate(_article(grounding=None))
    assert not ann.verified
    assert ann.sentences[0]["verdict"] == "unverified"
    assert ann.sentences[0]["evidence"][0]["text"] == "The council approved lanes."


def test_an_unknown_verdict_is_shown_as_unverified():
    report = {"sentences": [{"text": "Lanes come.", "part": "conclusion", "verdict": "<b>maybe</b>"}]}
    assert annotate(_article(grounding=report)).sentences[0]["verdict"] == "unverified"


def test_parts_are_addressed_by_their_evidence_paths():
    a = _article()
    assert get_part(a, "sections[0].answer") == "Lanes."
    set_part(a, "takeaways[0].text", "Changed.")
    assert a["takeaways"][0]["text"] == "Changed."
    replace_sentence(a, "summary[0]", "It cost 4 million.", "  It cost  5 million. ")
    assert a["summary"][0] == "The council approved lanes. It cost 5 million."


@pytest.mark.parametrize("path", ["facts[0].text", "sections[9].answer", "__class__", "summary", "sections[0]", ""])
def test_paths_outside_the_text_parts_are_refused(path):
    with pytest.raises(InputError):
        get_part(_article(), path)


def test_replacing_a_sentence_that_is_gone_is_refused():
    with pytest.raises(InputError, match="reload"):
        replace_sentence(_article(), "conclusion", "Not there.", "New.")
    with pytest.raises(InputError, match="empty"):
        replace_sentence(_article(), "conclusion", "Lanes come.", "   ")
