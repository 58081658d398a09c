"""What every check reads, computed once per page: sentences, word counts, the keyphrase's forms."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from .document import Block, Page
from .forms import Topic, build_topic
from .tokens import count_words, length_words, split_sentences, tokens


@dataclass(frozen=True)
class Sentence:
    text: str
    block: int  # index into page.blocks
    words: int  # words as sentence length counts them


@dataclass
class Context:
    page: Page
    word_forms: bool = True
    _cache: dict[str, object] = field(default_factory=dict)

    @cached_property
    def sentences(self) -> list[Sentence]:
        out = []
        for i, block in enumerate(self.page.blocks):
            for s in split_sentences(block.text):
                out.append(Sentence(s, i, len(length_words(s))))
        return out

    @cached_property
    def word_count(self) -> int:
        return count_words(self.page.plain_text)

    @cached_property
    def page_words(self) -> set[str]:
        p = self.page
        parts = [p.plain_text, p.title, p.description, p.slug.replace("-", " ")]
        parts += [img.alt for img in p.images]
        return {w.lower() for part in parts for w in tokens(part)}

    @cached_property
    def topic(self) -> Topic | None:
        if not self.page.keyphrase.strip():
            return None
        return build_topic(self.page.keyphrase, self.page_words if self.word_forms else None)

    def synonyms(self) -> list[Topic]:
        pool = self.page_words if self.word_forms else None
        return [build_topic(s, pool) for s in self.page.synonyms if s.strip()]

    def block(self, index: int) -> Block:
        return self.page.blocks[index]
