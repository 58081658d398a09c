"""The engine interface: one object that writes an article package from facts.

An engine gets the ``Run`` (facts, options) and the ``Outline`` from the plan stage, and returns
the parts of the article with the evidence for every sentence. Engines register under the
entry-point group ``briefpress.engines``; the built-in ones register the same way.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..models import Evidence, Run, Section, Takeaway
from ..plan import Outline

ProgressCallback = Callable[[str, dict[str, Any]], None]


@dataclass
class Draft:
    """What an engine writes; the pipeline turns it into an ``Article``."""

    headline: str
    meta_description: str
    summary: list[str]
    sections: list[Section]
    faq: list[Section]
    takeaways: list[Takeaway]
    conclusion: str
    body: list[str]
    evidence: list[Evidence] = field(default_factory=list)
    # Model engines: how many sentences verification made them repair, replace or drop.
    repairs: dict[str, int] | None = None


@dataclass
class EngineState:
    """What ``briefpress engines`` shows for one engine."""

    name: str
    ready: bool
    detail: str


class Engine(ABC):
    name: ClassVar[str]
    description: ClassVar[str] = ""

    def __init__(self, **options: Any) -> None:
        self.options = options

    @abstractmethod
    def write(self, run: Run, outline: Outline, progress: ProgressCallback | None = None) -> Draft:
        """Write every part of the package from ``outline``; never add a fact the run lacks."""

    def state(self) -> EngineState:
        return EngineState(self.name, True, "ready")
