"""Sizes: a part's words and sentences, and the one fix that is about size alone (a paragraph over
150 words). FORMAT.md's sizes are maxima: no part has a least size a cut must leave."""

from __future__ import annotations

import re

from ...edit import Data, EditableArticle
from ...rewrite.quotes import speakerless
from ...spec import PARAGRAPH_MAX
from ...text import split_sentences
from ..tokens import length_words
from .judge import Grounded, always

SHORTEST_KEPT = 6  # words: a shorter cut rarely keeps a verb and its object


def sentences_of(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def no_faq_copies(before: Data, after: Data) -> bool:
    """No FAQ answer became the same as a section answer."""
    answers = {s["answer"] for s in after["sections"]}
    was = {s["answer"] for s in before["sections"]}
    return all(q["answer"] not in answers or q_old["answer"] in was
               for q, q_old in zip(after["faq"], before["faq"], strict=False))


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
    words (a whole story may need more paragraphs than a brief's eight); whether it was split."""
    d = draft.data
    sentences = sentences_of(d["body"][i])
    if not (len(length_words(d["body"][i])) > PARAGRAPH_MAX and len(sentences) > 1):
        return False
    total, cut = 0, 0
    half = len(length_words(d["body"][i])) / 2
    for j, s in enumerate(sentences[:-1], start=1):
        total += len(length_words(s))
        if not speakerless(sentences[j]):  # a quote naming no speaker stays after the one who does
            cut = j
        if total >= half and cut:
            break
    if not cut:
        return False
    first, second = " ".join(sentences[:cut]), " ".join(sentences[cut:])
    d["body"][i : i + 1] = [first, second]
    for crosshead in d.get("crossheads") or []:  # each stays over the paragraph it asked of
        if crosshead["before"] > i:
            crosshead["before"] += 1
    for e in d["evidence"]:
        m = re.fullmatch(r"body\[(\d+)\]", e["part"])
        if m and int(m[1]) > i:
            e["part"] = f"body[{int(m[1]) + 1}]"
        elif m and int(m[1]) == i and e["sentence"] in second:
            e["part"] = f"body[{i + 1}]"
    return True
