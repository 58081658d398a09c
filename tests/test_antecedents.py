"""A sentence that opens on "he" keeps the sentence its source puts before it right before it:
told after another speaker's sentence, "He added: ..." credits that speaker with the quote."""

from __future__ import annotations

import re

import pytest

import briefpress

pytest.importorskip("spacy")

BRIEF = """The White House said the closure of the camp was a national security interest.
-
Josh Earnest said the administration was in the final stages of drafting a plan.
-
The camp held 122 men at the start of the year.
"""
STORY = """The White House said the closure of the camp was a national security interest.
Josh Earnest said the administration was in the final stages of drafting a plan.
The camp held 122 men at the start of the year.
In 2009, President Obama admitted the deadline he had set for closing the camp would be missed.
Congress has blocked the transfer of prisoners to the US since then.
"""
# The story's own order puts Earnest's quote right after his sentence; the brief told that
# sentence first, so in a body built as brief then story the quote would follow Obama's.
STORY = STORY.replace("drafting a plan.\n", 'drafting a plan.\nHe added: "That has been a priority of the president."\n')
QUOTE = 'He added: "That has been a priority of the president."'
# The quote as told: the seo stage may open it with "Also," (the one connective a quote may take),
# which changes no word of what it credits to whom.
TOLD = re.compile(r'(?:Also, h|H)e added: "That has been a priority of the president\."')


def test_a_he_sentence_follows_the_sentence_it_points_back_to_in_the_body_and_sections() -> None:
    article = briefpress.write(BRIEF, [("story.txt", STORY)], engine="extractive")
    body = " ".join(article.body)
    told = TOLD.search(body)
    assert told is not None, body
    assert told.start() > body.index("Josh Earnest said the administration")
    before_quote = body[: told.start()].rstrip()
    assert before_quote.endswith("drafting a plan."), before_quote[-120:]
    for part in [*article.sections, *article.faq]:
        if (told := TOLD.search(part.answer)) is not None:
            assert part.answer[: told.start()].rstrip().endswith("drafting a plan."), part



def test_a_sentence_that_goes_on_from_another_never_opens_a_section_and_joins_the_opening_after_it() -> None:
    # The Welsh commissioner's story (brief = its first four sentences): two '"...," she said.'
    # quotes had headed sections of their own (the writer told a section's first fact even where
    # it reads after no one), with "she" no one there.
    from bench_stories import brief_and_story, planned

    brief, story = brief_and_story("cliff-xsum-24522070-BART")
    outline = planned(brief, story)
    assert outline is not None and outline.follows
    for part in outline.sections:
        assert all(outline.reads_after(f, part.facts[:i]) for i, f in enumerate(part.facts)), part
    # "She said she would highlight good care ..." goes on from the opening's last point.
    assert [f.text[:12] for f in outline.sections[0].facts[-2:]] == ["It is part o", "She said she"]
    article = briefpress.write(brief, [("story.txt", story)], engine="extractive")
    assert not any(re.match(r'^["“]', s.answer) for s in article.sections), article.sections
