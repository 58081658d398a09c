"""Sizes: a part's words and sentences, the least size per part that a cut must leave, and the
one fix that is about size alone (a paragraph over 150 words)."""

from __future__ import annotations

import re

from ...edit import Data, EditableArticle, parse_path
from ...spec import BODY_MAX, PARAGRAPH_MAX
from ...text import split_sentences
from ..tokens import length_words
from .judge import Grounded, always

SHORTEST_KEPT = 6  # words: a shorter cut rarely keeps a verb and its object
# FORMAT.md's sizes are maxima and no writer pads a part to these; a cut made for a readability
# check may not take a part under them, so an answer is never shortened to a clause or two.
LEAST_WORDS = {"sections": 60, "faq": 30, "conclusion": 50}


def sentences_of(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def words(text: str) -> int:
    return len(text.split())


def under_size(data: Data, part: str) -> bool:
    """Whether ``part`` of ``data`` is already under the least size a cut leaves of it."""
    parsed = parse_path(part)
    assert parsed
    field, index, _ = parsed
    least = LEAST_WORDS.get(field)
    if least is None:
        return False
    text = data[field] if index is None else data[field][index]["answer"]
    return words(text) < least


def no_faq_copies(before: Data, after: Data) -> bool:
    """No FAQ answer became the same as a section answer."""
    answers = {s["answer"] for s in after["sections"]}
    was = {s["answer"] for s in before["sections"]}
    return all(q["answer"] not in answers or q_old["answer"] in was
               for q, q_old in zip(after["faq"], before["faq"], strict=False))


def sizes_kept(before: Data, after: Data) -> bool:
    """The least sizes still hold where they held (conclusion 50 words, FAQ answers 30, section
    answers 60), and no FAQ answer became the same as a section answer."""
    return floors_kept(before, after) and no_faq_copies(before, after)


def floors_kept(before: Data, after: Data, *, may_shrink_under: bool = False) -> bool:
    """No part fell under the least size a cut leaves where it met it, and none already under
    it lost words (unless ``may_shrink_under``: a pronoun for a name loses a word, not a fact)."""
    def floor(old: str, new: str, low: int) -> bool:
        return words(new) >= low or words(new) >= words(old) or (may_shrink_under and words(old) < low)

    if not floor(before["conclusion"], after["conclusion"], LEAST_WORDS["conclusion"]):
        return False
    for old, new in zip(before["faq"], after["faq"], strict=False):
        if not floor(old["answer"], new["answer"], LEAST_WORDS["faq"]):
            return False
    for old, new in zip(before["sections"], after["sections"], strict=False):
        if not floor(old["answer"], new["answer"], LEAST_WORDS["sections"]):
            return False
    return True


def fix_long_paragraphs(draft: EditableArticle, grounded: Grounded = always) -> None:
    """Body paragraphs over 150 words split in two at a sentence boundary; other parts over 150
    words lose trailing sentences. Both keep every sentence as written: ``grounded`` is not asked."""
    i = 0
    while i < len(draft.data["body"]):
        if _split_body_paragraph(draft, i):
            draft.changes.append("paragraph")
            continue
        i += 1
    for part, text in draft.parts():
        if part.startswith("body["):
            continue
        sentences = sentences_of(text)
        while len(sentences) > 1 and len(length_words(" ".join(sentences))) > PARAGRAPH_MAX:
            dropped = sentences.pop()
            draft.data["evidence"] = [e for e in draft.data["evidence"]
                                      if not (e["part"] == part and e["sentence"].strip() == dropped.strip())]
            draft.changes.append("paragraph")
        draft.set(part, " ".join(sentences))


def _split_body_paragraph(draft: EditableArticle, i: int) -> bool:
    """Split body paragraph ``i`` in two near its middle sentence boundary, where it runs over 150
    words and the body has room for one more; whether it was split."""
    d = draft.data
    sentences = sentences_of(d["body"][i])
    if not (len(length_words(d["body"][i])) > PARAGRAPH_MAX and len(sentences) > 1 and len(d["body"]) < BODY_MAX):
        return False
    total, cut = 0, 1
    half = len(length_words(d["body"][i])) / 2
    for j, s in enumerate(sentences[:-1], start=1):
        total += len(length_words(s))
        cut = j
        if total >= half:
            break
    first, second = " ".join(sentences[:cut]), " ".join(sentences[cut:])
    d["body"][i : i + 1] = [first, second]
    for e in d["evidence"]:
        m = re.fullmatch(r"body\[(\d+)\]", e["part"])
        if m and int(m[1]) > i:
            e["part"] = f"body[{int(m[1]) + 1}]"
        elif m and int(m[1]) == i and e["sentence"] in second:
            e["part"] = f"body[{i + 1}]"
    return True
