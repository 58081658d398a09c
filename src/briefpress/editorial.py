"""Editorial measures of an article package: what a news editor reads for before the SEO checks.

- **repetition**: the share of word trigrams outside the summary block (the standfirst) that
  repeat an earlier one, in reading order; copies: sentences outside the summary that are word for
  word another part's sentence.
- **fragments**: prose sentences that are not whole (``rewrite.whole``).
- **verbatim**: the share of body sentences that are a source sentence word for word.
- **coverage**: the share of a given story's sentences that the article cites.
- **stock questions**: the section and FAQ headings that are the planner's stock questions ("What
  else is there to know?"), which FORMAT.md keeps as a last resort.

The golden corpus holds floors on these, and ``bench/editorial_bench.py`` reports them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .edit import iter_parts
from .models import Article
from .plan.questions import is_stock
from .rewrite.whole import fragment_reason
from .storylines import is_story_line
from .text import split_sentences

_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


@dataclass
class Measures:
    trigrams: int = 0
    repeated_trigrams: int = 0
    sentences: int = 0
    copies: list[str] = field(default_factory=list)
    fragments: list[tuple[str, str, str]] = field(default_factory=list)  # (part, sentence, reason)
    body_sentences: int = 0
    verbatim_body: int = 0
    questions: int = 0  # section and FAQ headings
    stock_questions: list[str] = field(default_factory=list)  # of them, the planner's stock ones

    @property
    def repetition(self) -> float:
        return self.repeated_trigrams / self.trigrams if self.trigrams else 0.0

    @property
    def fragment_share(self) -> float:
        return len(self.fragments) / self.sentences if self.sentences else 0.0

    @property
    def verbatim_share(self) -> float:
        return self.verbatim_body / self.body_sentences if self.body_sentences else 0.0


def norm_words(text: str) -> str:
    """A text's words in lower case, one space apart: what "word for word" compares."""
    return " ".join(_WORD.findall(text.lower()))


def _sentences(article: Article, path: str, text: str) -> list[str]:
    """The part's sentences: the evidence map's where it has them, else the splitter's."""
    known = [e.sentence for e in article.evidence if e.part == path and e.sentence.strip()]
    if known and all(k in text for k in known):
        return known
    return [s.text for s in split_sentences(text)]


def measure(article: Article) -> Measures:
    m = Measures()
    seen_trigrams: set[tuple[str, ...]] = set()
    seen_sentences: dict[str, str] = {}
    facts = {norm_words(f.text) for f in article.facts}
    for path, text in iter_parts(article.to_json_dict()):
        if path == "headline" or path.startswith("summary["):
            continue
        words = _WORD.findall(text.lower())
        for gram in zip(words, words[1:], words[2:], strict=False):
            m.trigrams += 1
            m.repeated_trigrams += gram in seen_trigrams
            seen_trigrams.add(gram)
        if path.endswith(".question"):
            m.questions += 1
            if is_stock(text):
                m.stock_questions.append(text)
        if path.endswith((".question", ".label")):
            continue
        for sentence in _sentences(article, path, text):
            key = norm_words(sentence)
            m.sentences += 1
            if key in seen_sentences and seen_sentences[key] != path:
                m.copies.append(sentence)
            seen_sentences.setdefault(key, path)
            reason = fragment_reason(sentence)
            if reason:
                m.fragments.append((path, sentence, reason))
            if path.startswith("body["):
                m.body_sentences += 1
                m.verbatim_body += key in facts
    return m


def coverage(article: Article, source_id: str) -> float:
    """The share of the story sentences of source ``source_id`` (``S2``) that the article tells: a
    sentence some evidence cites, or one that a cited fact says word for word (a brief that opens
    with the story's own sentences tells them once, under the brief's ids). Lines that are no part
    of the story (captions, related headlines) are not counted."""
    story = [f for f in article.facts
             if f.id.startswith(f"{source_id}.") and f.role != "title" and is_story_line(f.text)]
    if not story:
        return 0.0
    cited = {i for e in article.evidence for i in e.facts}
    said = {norm_words(f.text) for f in article.facts if f.id in cited}
    return sum(f.id in cited or norm_words(f.text) in said for f in story) / len(story)
