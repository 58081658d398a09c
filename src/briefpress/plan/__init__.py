"""Plan: from the facts to an outline every engine writes to.

The outline fixes the lead, the key points, the focus keyphrase, and which facts answer which
question. ``questions`` holds the kinds of fact and the questions they answer, ``asking`` the
questions a sentence answers in its own words, ``answering`` whether an answer answers a
question, ``heads`` which question each part asks, ``names`` finds the names in the facts (the
keyphrase and the tags come from them), and ``outline`` puts them together.
"""

from __future__ import annotations

from ..spec import MAIN_NEWS_QUESTION, OPENING_QUESTIONS, TEMPLATE_WORDS
from .answering import tells_what_comes
from .asking import questions_of
from .keyphrase import keyphrase_from_facts
from .names import TIME_WORD, brief_facts, is_name, name_tags
from .outline import Outline, Part, build_outline, is_title, make_slug
from .questions import CONTEXT, FACETS, Facet, facet_of, is_stock, topic_phrase, with_topic

# The spellings ``engines.extractive`` (``_TIME``) and the seo stage's tests (``_CONTEXT``) import.
_TIME = TIME_WORD
_CONTEXT = CONTEXT

__all__ = [
    "CONTEXT",
    "FACETS",
    "MAIN_NEWS_QUESTION",
    "OPENING_QUESTIONS",
    "TEMPLATE_WORDS",
    "TIME_WORD",
    "Facet",
    "Outline",
    "Part",
    "brief_facts",
    "build_outline",
    "facet_of",
    "is_name",
    "is_stock",
    "is_title",
    "keyphrase_from_facts",
    "make_slug",
    "name_tags",
    "questions_of",
    "tells_what_comes",
    "topic_phrase",
    "with_topic",
]
