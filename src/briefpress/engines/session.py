"""One article's exchange with a backend: the shared prefix, the facts under short ids, asking
for a part (retried once when unreadable), progress, the cost, and the grounding check.

The grounding check is given, not imported: the model engine passes the verifier's
``check_sentences`` in, so the writing flow depends on a callable and not on the verifier.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Protocol

from ..models import Fact, Run
from ..plan import Outline
from ..verify.report import SentenceVerdict
from .base import ProgressCallback
from .output import MalformedOutput, Sentence, cut_loop, is_looping, looks_cut_off, parse
from .prompts import demonstration, prompt_facts, system_prompt
from .request import Completion, Message, PartSpec, Stats

log = logging.getLogger(__name__)

# A verdict for each sentence against the facts, in order (the verifier's ``check_sentences``).
GroundingCheck = Callable[[list[str], list[Fact]], list[SentenceVerdict]]


class Backend(Protocol):
    """What the writing flow needs of a model engine."""

    stats: Stats

    @property
    def output_format(self) -> str: ...

    def _complete(self, messages: list[Message], spec: PartSpec, fact_ids: Sequence[str]) -> Completion: ...

    def _begin(self, prefix: list[Message]) -> None: ...


class Session:
    """The state every part of one article shares while the model writes it."""

    def __init__(
        self, backend: Backend, run: Run, outline: Outline, progress: ProgressCallback | None, check: GroundingCheck
    ) -> None:
        self.backend = backend
        self.run = run
        self.progress = progress
        self.grounding = check
        # A body retold a quoted sentence at a time (``retell``) needs no body fact in the prefix.
        self.retells_body = bool(getattr(backend, "retells_body", False))
        self.facts = prompt_facts(outline, whole_body=not self.retells_body)
        self.alias = {f"F{i}": fact for i, fact in enumerate(self.facts, start=1)}
        self.alias_of = {fact.id: a for a, fact in self.alias.items()}
        system = system_prompt(self.alias, backend.output_format)
        self.prefix: list[Message] = [
            {"role": "system", "content": system},
            *demonstration(self.alias, backend.output_format),
        ]
        self.repairs = {"repaired": 0, "replaced": 0, "dropped": 0, "malformed": 0, "fallback_parts": 0}
        self.started = time.monotonic()
        self.done = 0
        self.total = 0

    def report(self, event: str, part: str | None) -> None:
        if not self.progress:
            return
        elapsed = time.monotonic() - self.started
        gen = self.backend.stats.generated_tokens
        busy = self.backend.stats.seconds
        self.progress(
            event,
            {
                "part": part,
                "done": self.done,
                "total": self.total,
                "tokens": gen,
                "tokens_per_s": round(gen / busy, 1) if busy > 0 else 0.0,
                "elapsed": round(elapsed, 1),
            },
        )

    def ask(self, spec: PartSpec, user: str | None = None) -> Completion:
        """One request after the shared prefix: the part's instruction, or ``user`` instead."""
        messages = [*self.prefix, {"role": "user", "content": user or spec.instruction}]
        completion = self.backend._complete(messages, spec, list(self.alias))
        stats = self.backend.stats
        stats.calls += 1
        stats.generated_tokens += completion.tokens
        stats.prompt_tokens += completion.prompt_tokens
        stats.seconds += completion.seconds
        return completion

    def generate(self, spec: PartSpec) -> list[Sentence] | None:
        """The part's sentences, retried once when unreadable; None means: fall back."""
        try:
            for attempt in range(2):
                sentences = self._attempt(spec, attempt)
                if sentences is not None:
                    return sentences[: spec.max_sentences]
            return None
        finally:
            self.done += 1
            self.report("part", spec.name)

    def _attempt(self, spec: PartSpec, attempt: int) -> list[Sentence] | None:
        """One try at a part; None asks for another: the answer could not be read, or held only a
        sentence the token limit cut off."""
        completion = self.ask(replace(spec, enforce=attempt > 0))
        text = completion.text
        log.debug("%s (attempt %d, %d tokens, %s): %r", spec.name, attempt + 1, completion.tokens, completion.finish,
                  text)
        if completion.finish == "loop" or is_looping(text):
            text = cut_loop(text)
        try:
            sentences = parse(text)
        except MalformedOutput as exc:
            log.info("%s: unreadable output (attempt %d): %s", spec.name, attempt + 1, exc)
            self.repairs["malformed"] += 1
            return None
        if completion.finish != "stop" and sentences and looks_cut_off(sentences[-1].text):
            sentences.pop()  # stopped by the token limit mid-sentence
            self.repairs["dropped"] += 1
            if not sentences:
                return None
        return sentences

    def resolve(self, ids: Sequence[str]) -> list[Fact]:
        """The facts behind cited ids (short ids, or a fact's own id)."""
        out = []
        for i in ids:
            fact = self.alias.get(i) or next((f for f in self.facts if f.id == i), None)
            if fact is not None and fact not in out:
                out.append(fact)
        return out

    def check(self, texts: list[str]) -> list[SentenceVerdict]:
        return list(self.grounding(texts, self.run.facts)) if texts else []
