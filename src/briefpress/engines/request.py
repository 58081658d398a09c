"""What passes between the model-writing flow and a backend: the messages of one request, the
part it asks for with the limits a backend enforces where it can, the answer, and the cost."""

from __future__ import annotations

from dataclasses import dataclass, field

Message = dict[str, str]


@dataclass
class Completion:
    """One answer from a backend."""

    text: str
    tokens: int = 0  # generated
    prompt_tokens: int = 0  # evaluated for this request (a reused prefix is not counted)
    seconds: float = 0.0
    finish: str = "stop"  # stop | length | loop


@dataclass
class PartSpec:
    """One request: what to write, and the limits the backend enforces where it can."""

    name: str
    instruction: str
    min_sentences: int = 1
    max_sentences: int = 3
    max_tokens: int = 160
    max_chars: int | None = None  # per sentence (the headline)
    paragraphs: int = 1  # >1: a blank line between paragraphs
    final_period: bool = True
    enforce: bool = False  # a retry after unreadable output: hold the answer to the form (grammar)


@dataclass
class Stats:
    """What one ``write`` cost; benchmarks read it."""

    calls: int = 0
    generated_tokens: int = 0
    prompt_tokens: int = 0
    seconds: float = 0.0
    kept_model_sentences: list[str] = field(default_factory=list)
