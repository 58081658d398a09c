"""Writing with a language model: the flow every model-backed engine shares.

The plan's outline fixes which facts answer which question. The facts (short ids F1, F2... and
their text) and the instructions form one prompt prefix that every part reuses; each part adds one
short request (``prompts.py``). The model answers with sentences that each list the fact ids they
rest on (``output.py`` reads both forms). Every sentence is then verified against the sources and
repaired (``repair.py``): a failing sentence is rewritten once with the reason it failed; if the
rewrite fails too, it is replaced by a grounded extractive sentence (a source sentence, shortened
by deletion only) or dropped. In strict mode (the default) no unsupported or contradicted sentence
is ever kept. A part whose output cannot be read after one retry falls back to the extractive
engine's part (``assembly.py``).

A backend subclasses ``ModelEngine`` and implements ``_complete`` (one request, one answer); it may
override ``_begin`` to evaluate the shared prefix once before the parts are written.
"""

from __future__ import annotations

import re
from abc import abstractmethod
from collections.abc import Sequence
from typing import Any, ClassVar

from ..models import Run
from ..plan import Outline
from ..verify import check_sentences
from .assembly import ArticleWriter
from .base import Draft, Engine, ProgressCallback
from .output import strip_reasoning
from .request import Completion, Message, PartSpec, Stats
from .session import GroundingCheck

# What a bare yes or no is worth to the verifier: confident, not certain (small models err).
JUDGE_YES, JUDGE_NO = 0.85, 0.15
_YES_NO = re.compile(r"\b(?:yes|no)\b", re.IGNORECASE)


class ModelEngine(Engine):
    """Base of the engines that write with a language model.

    ``grounding_check`` is the verifier's per-sentence check that every written sentence must
    pass; a test or a caller may give another.
    """

    output_format: ClassVar[str] = "lines"  # what ``_complete`` is asked for: "lines" or "json"
    # Whether the body is the extractive body with its long sentences retold one request each
    # (``retell``), not one request for the whole story: a small model asked for the whole story
    # copies the facts word for word.
    retells_body: ClassVar[bool] = False

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.stats = Stats()
        self.grounding_check: GroundingCheck = check_sentences

    @abstractmethod
    def _complete(self, messages: list[Message], spec: PartSpec, fact_ids: Sequence[str]) -> Completion:
        """Send one request; ``fact_ids`` are the only ids a sentence may cite."""

    def _begin(self, prefix: list[Message]) -> None:
        """Called once per article before the parts, with the messages every request starts with."""

    def write(self, run: Run, outline: Outline, progress: ProgressCallback | None = None) -> Draft:
        self.stats = Stats()
        return ArticleWriter(self, run, outline, progress, self.grounding_check).write()

    def judge(self, statement: str, evidence: list[str]) -> float | None:
        """The verifier's judge protocol: how likely the evidence supports the statement.

        The model answers yes or no; anything else is no answer (None), and the verifier keeps its
        own verdict. The evidence sits in the system message so a backend that evaluates a shared
        prefix sizes its context for it.
        """
        numbered = "\n".join(f"[E{i}] {text}" for i, text in enumerate(evidence, start=1))
        system = (
            "You check news sentences against source text. Answer with one word: Yes if the "
            "sources state everything the sentence says, No if the sentence adds, changes or "
            "contradicts anything.\nSources:\n" + numbered
        )
        messages = [
            {"role": "system", "content": system},
            {"role": "user", "content": f"Sentence: {statement}\nDo the sources support it? Answer Yes or No."},
        ]
        spec = PartSpec(name="judge", instruction="Answer Yes or No.", max_sentences=1, max_tokens=8)
        self._begin(messages[:-1])
        answer = self._complete(messages, spec, [f"E{i}" for i in range(1, len(evidence) + 1)]).text
        found = _YES_NO.search(strip_reasoning(answer))
        if found is None:
            return None
        return JUDGE_YES if found.group(0).lower() == "yes" else JUDGE_NO


__all__ = ["JUDGE_NO", "JUDGE_YES", "Completion", "Message", "ModelEngine", "PartSpec", "Stats"]
