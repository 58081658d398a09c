"""A scripted engine for tests: it replays queued answers instead of running a model.

It goes through the same model-writing flow as ``local`` and ``openai`` (prompt, parse, verify,
repair, fall back), so a test can script exactly what a model would say, including malformed
output, invented figures or endless loops, and check what briefpress makes of it::

    engine = ScriptedEngine(responses=["Takaichi spoke with Trump. [F1]", ...])
    engine = ScriptedEngine(responses=lambda messages, spec: "...")   # answer from the request

When the queue runs out it answers with ``default`` if given, else raises ``EngineError``.
Every request is kept in ``requests`` as (part name, messages). With ``retells_body`` it asks
for the body as the local engine does, a long sentence at a time (``retell``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ..errors import EngineError
from .base import EngineState
from .model import Completion, Message, ModelEngine, PartSpec

# A responder may answer with a whole ``Completion`` to script how generation ended ("length").
Responder = Callable[[list[Message], PartSpec], "str | Completion"]


class ScriptedEngine(ModelEngine):
    name = "scripted"
    description = "replays scripted model answers (for tests; no model)"

    def __init__(
        self,
        responses: Iterable[str] | Responder | None = None,
        default: str | None = None,
        output_format: str = "lines",
        retells_body: bool = False,
        **options: Any,
    ) -> None:
        super().__init__(**options)
        self.retells_body = retells_body  # type: ignore[misc]
        self._responder: Responder | None = responses if callable(responses) else None
        self._queue: list[str] = [] if callable(responses) or responses is None else list(responses)
        self.default = default
        self.output_format = output_format  # type: ignore[misc]
        self.requests: list[tuple[str, list[Message]]] = []

    def queue(self, *responses: str) -> None:
        self._queue.extend(responses)

    def _complete(self, messages: list[Message], spec: PartSpec, fact_ids: Sequence[str]) -> Completion:
        self.requests.append((spec.name, messages))
        if self._responder is not None:
            answer = self._responder(messages, spec)
            if isinstance(answer, Completion):
                return answer
            text = answer
        elif self._queue:
            text = self._queue.pop(0)
        elif self.default is not None:
            text = self.default
        else:
            raise EngineError(
                f"the scripted engine has no answer left for part '{spec.name}'; queue more responses"
            )
        return Completion(text=text, tokens=max(1, len(text.split())), prompt_tokens=0, seconds=0.0)

    def state(self) -> EngineState:
        return EngineState(self.name, True, "ready: replays scripted answers (for tests)")
