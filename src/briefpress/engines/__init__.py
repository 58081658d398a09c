"""Engine registry: built-in and third-party engines, found through entry points.

A third-party package adds an engine with, in its ``pyproject.toml``::

    [project.entry-points."briefpress.engines"]
    myengine = "mypackage.engine:MyEngine"

where ``MyEngine`` subclasses :class:`briefpress.engines.base.Engine`.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.metadata import entry_points
from typing import Any

from ..errors import UsageError
from .base import Draft, Engine, EngineState, ProgressCallback

ENTRY_POINT_GROUP = "briefpress.engines"

# Built-ins are listed here too, so a source checkout that was never pip-installed still works.
_BUILTIN = {
    "extractive": "briefpress.engines.extractive:ExtractiveEngine",
    "local": "briefpress.engines.local:LocalEngine",
    "openai": "briefpress.engines.openai_engine:OpenAIEngine",
    "scripted": "briefpress.engines.fake:ScriptedEngine",
}


# Engines for tests only: not offered by the API, the web editor or `briefpress engines` (unless
# asked for all), yet resolved by name from Python so tests can script a model.
HIDDEN = frozenset({"scripted"})


@lru_cache(maxsize=2)
def available(include_hidden: bool = False) -> dict[str, str]:
    """Engine name -> 'module:Class', entry points first, built-ins filling any gap."""
    found = dict(_BUILTIN)
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        found[ep.name] = ep.value
    return {name: value for name, value in sorted(found.items()) if include_hidden or name not in HIDDEN}


def engine_class(name: str) -> type[Engine]:
    engines = available(include_hidden=True)
    if name not in engines:
        raise UsageError(f"unknown engine '{name}'; choose one of: {', '.join(available())}")
    module_name, _, attr = engines[name].partition(":")
    import importlib

    try:
        cls = getattr(importlib.import_module(module_name), attr)
    except (ImportError, AttributeError) as exc:
        raise UsageError(
            f"engine '{name}' is registered but cannot be loaded ({exc}); reinstall the package that provides it"
        ) from exc
    if not (isinstance(cls, type) and issubclass(cls, Engine)):
        raise UsageError(f"engine '{name}' does not subclass briefpress.engines.base.Engine; fix its entry point")
    return cls


def get_engine(name: str, **options: Any) -> Engine:
    return engine_class(name)(**options)


__all__ = ["HIDDEN", "Draft", "Engine", "EngineState", "ProgressCallback", "available", "engine_class", "get_engine"]
