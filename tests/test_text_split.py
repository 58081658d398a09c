"""Sentence splitting of very long paragraphs: cut into bounded pieces at plain sentence ends."""

from __future__ import annotations

from briefpress import text
from briefpress.text import CHUNK_CHARS, split_sentences

STORY = ('Council of Riverton approved a cycle lane network on Tuesday. Mayor Ana Ruiz said "work starts in '
         'March. It ends in May." The U.S. firm Acme Corp. won the contract. Shop owners won a delivery bay. ')


def test_a_short_paragraph_is_split_whole() -> None:
    assert text._chunks(STORY) == [(0, STORY)]
    assert [s.text for s in split_sentences(STORY)][1] == 'Mayor Ana Ruiz said "work starts in March. It ends in May."'


def test_a_wall_of_prose_is_cut_at_plain_sentence_ends_outside_quotes() -> None:
    wall = STORY * (3 * CHUNK_CHARS // len(STORY))
    pieces = text._chunks(wall)
    assert len(pieces) >= 3 and "".join(p for _, p in pieces) == wall
    for at, piece in pieces:
        assert len(piece) <= CHUNK_CHARS and wall[at : at + len(piece)] == piece
        assert piece.count('"') % 2 == 0, "no cut inside a quote"
    spans = split_sentences(wall)
    assert all(wall[s.start : s.end] == s.text for s in spans)
    assert len({s.text for s in spans}) == 4, "every sentence whole, whichever piece it fell in"


def test_a_line_without_punctuation_is_cut_at_spaces_or_anywhere() -> None:
    for line in ("word " * 60_000, "x" * 50_000):
        pieces = text._chunks(line)
        assert "".join(p for _, p in pieces) == line
        assert all(len(p) <= CHUNK_CHARS for _, p in pieces)
        spans = split_sentences(line)
        assert spans and all(line[s.start : s.end] == s.text for s in spans)


def test_a_closing_quote_mark_pysbd_leaves_to_the_next_sentence_ends_the_quote() -> None:
    # The source runs a quote over paragraphs; pysbd cut after 'great.' and read the rest as quoted,
    # which then shipped as '" But how did ...' opening a paragraph.
    para = ('"The update was shared 948 times. It is absolutely phenomenal. "We thought there had been a '
            'mistake, which is great." But how did a social media hashtag lead to the billboard? Gary said a '
            'mystery donor paid for the sign. "We do not know where it came from," Gary said.')
    spans = split_sentences(para)
    assert [s.text for s in spans] == [
        '"The update was shared 948 times. It is absolutely phenomenal. "We thought there had been a mistake, '
        'which is great."',
        "But how did a social media hashtag lead to the billboard?",
        "Gary said a mystery donor paid for the sign.",
        '"We do not know where it came from," Gary said.',
    ]
    assert all(para[s.start : s.end] == s.text for s in spans)


def test_a_quote_over_paragraphs_stays_with_its_speaker_and_apart_from_the_next() -> None:
    # Wire copy opens each paragraph of a quote again and closes only the last. Counting marks read
    # the reopened quote as closed, so the captain's words ran into the skipper's and were told
    # under his question.
    para = ('Harbour skipper Ann Vale told the radio: "Everyone is pulling together. "The stand blew the '
            'game open. "We got wickets at the right times." Rivers captain Tom Lee: "We are all gutted. '
            'We were not good enough. "The bowlers were exceptional." The final is on Saturday.')
    spans = split_sentences(para)
    assert [s.text for s in spans] == [
        'Harbour skipper Ann Vale told the radio: "Everyone is pulling together. "The stand blew the game open. '
        '"We got wickets at the right times."',
        'Rivers captain Tom Lee: "We are all gutted. We were not good enough. "The bowlers were exceptional."',
        "The final is on Saturday.",
    ]
    assert all(para[s.start : s.end] == s.text for s in spans)


def test_a_quote_is_open_by_what_stands_beside_each_mark() -> None:
    assert text.open_quote('He said: "We won. "It was')  # reopened, not closed
    assert not text.open_quote('She said "fine" and left.')
    assert not text.open_quote('He is 5\'10" tall.')  # a closing mark with none open
    assert not text.open_quote('"Hello," she said.')


def test_a_quote_over_paragraphs_told_in_one_loses_the_marks_that_reopened_it() -> None:
    from briefpress.rewrite.quotes import without_reopened_marks

    # Wire copy reopens a quote at each paragraph; inside one paragraph those marks read as broken.
    assert without_reopened_marks('Mr Wright said: "I understand Sylvia was loved. "I am truly sorry."') == \
        'Mr Wright said: "I understand Sylvia was loved. I am truly sorry."'
    assert without_reopened_marks("She said: “A was here. “B is there.”") == "She said: “A was here. B is there.”"
    # Two quotations, each closed, keep their marks; so does a height's inch mark.
    for kept in ['She said: "We regret it." "Washington did not act," she added.', """He is 5'10" tall."""]:
        assert without_reopened_marks(kept) == kept


def test_a_speaker_before_a_colon_and_a_quote_gets_said() -> None:
    from briefpress.rewrite.quotes import with_said

    # Broadcast copy gives a speaker's words as a caption; told in an article, "said" makes it a
    # sentence and says no more than the colon did.
    assert with_said('Yorkshire captain Alex Lees: "We are all gutted."') == \
        'Yorkshire captain Alex Lees said: "We are all gutted."'
    assert with_said('Mr Earnest: "We will close it."') == 'Mr Earnest said: "We will close it."'
    # Left alone: a speaker with a verb of their own, a headline-style "Name: clause" without
    # quotation marks, a label, and a colon after a figure.
    for kept in ('Batty told BBC Radio London: "Everyone is stepping up."',
                 "Katy Bourne: Emergency services would have an increased duty",
                 'Note: "x"', 'In 2009 President Obama: "We will close it."'):
        assert with_said(kept) == kept


def test_the_extractive_body_tells_a_captioned_quote_as_a_sentence() -> None:
    import briefpress

    story = ("Surrey beat Yorkshire by 19 runs in the One-Day Cup semi-final at The Oval.\n\n"
             "Surrey made 255-7 after Steven Davies and Ben Foakes shared a stand of 130.\n\n"
             "Tim Bresnan made 68 but was the last to go as Yorkshire were all out for 236.\n\n"
             "Yorkshire captain Alex Lees: \"We are all gutted. The bowlers were exceptional.\"")
    article = briefpress.write(story, engine="extractive", brief_name="story.txt", date="2026-11-25T09:00:00+00:00")
    body = " ".join(article.body)
    assert 'Yorkshire captain Alex Lees said: "We are all gutted.' in body, body
    assert article.grounding["summary"]["unsupported"] == 0
