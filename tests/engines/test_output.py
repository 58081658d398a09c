"""Reading model answers: both forms, reasoning tags, loops, cut-off sentences."""

from __future__ import annotations

import pytest

from briefpress.engines.output import MalformedOutput, is_looping, looks_cut_off, parse, strip_reasoning


def test_lines_with_ids_after_each_sentence() -> None:
    out = parse("Takaichi called Trump on Saturday. [F1]\nShares rose up to 5%. [F4, F2]")
    assert [(s.text, s.facts) for s in out] == [
        ("Takaichi called Trump on Saturday.", ["F1"]),
        ("Shares rose up to 5%.", ["F4", "F2"]),
    ]


def test_ids_go_to_the_sentence_they_follow() -> None:
    out = parse("Takaichi called Trump. She thanked him. [F2]")
    assert [(s.text, s.facts) for s in out] == [("Takaichi called Trump.", []), ("She thanked him.", ["F2"])]


def test_blank_lines_make_paragraphs_and_bullets_are_stripped() -> None:
    out = parse("- First point here. [F1]\n\n2. Second point here. [F2]\nThird point here. [F3]")
    assert [s.paragraph for s in out] == [0, 1, 1]
    assert out[0].text == "First point here."


def test_json_sentences_and_paragraphs() -> None:
    flat = parse('{"sentences": [{"text": "A first sentence.", "facts": ["F1"]}]}')
    assert [(s.text, s.facts) for s in flat] == [("A first sentence.", ["F1"])]
    nested = parse(
        '{"paragraphs": [{"sentences": [{"text": "One here.", "facts": ["F1"]}]},'
        ' {"sentences": [{"text": "Two here.", "facts": ["F2", "F3"]}]}]}'
    )
    assert [(s.paragraph, s.facts) for s in nested] == [(0, ["F1"]), (1, ["F2", "F3"])]


def test_reasoning_tags_and_code_fences_are_stripped() -> None:
    out = parse('<think>The user wants JSON. Let me think.</think>\n```json\n{"sentences": [{"text": "Done here.", "facts": ["F1"]}]}\n```')
    assert [s.text for s in out] == ["Done here."]
    assert strip_reasoning("<think>never closed, ran out of tokens") == ""


def test_split_initials_are_joined() -> None:
    assert parse("She met U. S. President Donald Trump. [F1]")[0].text == "She met U.S. President Donald Trump."


@pytest.mark.parametrize(
    "text",
    ["", "   ", "<think>only reasoning</think>", '{"sentences": "not a list"}', "{not json", '{"other": 1}', "[F1]"],
)
def test_malformed_answers_raise(text: str) -> None:
    with pytest.raises(MalformedOutput):
        parse(text)


def test_loops_are_seen() -> None:
    assert is_looping("Stocks rose. [F4]\nStocks rose. [F4]\n")
    assert is_looping("and again " * 20)
    assert not is_looping("Takaichi called Trump. [F1]\nShares rose up to 5%. [F4]\n")


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("The discussion highlighted shared commitments, .", True),
        ("She stressed the strength of.", True),
        ("with shares rising up to 5", True),
        ("Takaichi held her first call with Trump on Saturday.", False),
        ('Takaichi said "we will work together."', False),
    ],
)
def test_cut_off_sentences(text: str, cut: bool) -> None:
    assert looks_cut_off(text) is cut


def test_ids_written_as_labels_before_their_sentences_are_citations() -> None:
    # Asked to tell "F1, F3, F4", the local model wrote "F1: Pro-Kremlin party ... F3: Russian MPs
    # say ...", and "F1:" shipped in the article's section.
    out = parse("F1: A Just Russia put forward both bills. F3: Russian MPs say a referendum would be "
                "enough. F4: There are already many Russian citizens in Crimea.")
    assert [(s.text, s.facts) for s in out] == [
        ("A Just Russia put forward both bills.", ["F1"]),
        ("Russian MPs say a referendum would be enough.", ["F3"]),
        ("There are already many Russian citizens in Crimea.", ["F4"]),
    ]
    assert [s.text for s in parse("- F2, F5: The hosts levelled on 62 minutes.")] == ["The hosts levelled on 62 minutes."]
