"""Address the text parts of an article's JSON by the paths its evidence uses, e.g. ``sections[1].answer``."""

from __future__ import annotations

import re
from typing import Any

from ..errors import InputError

_STEP = re.compile(r"([a-z_]+)(?:\[(\d+)\])?")
TEXT_PARTS = ("headline", "meta_description", "summary", "sections", "faq", "takeaways", "conclusion", "body")


def _steps(path: str) -> list[str | int]:
    steps: list[str | int] = []
    for chunk in path.split("."):
        m = _STEP.fullmatch(chunk)
        if not m or m.group(1) not in TEXT_PARTS + ("question", "answer", "label", "text"):
            raise InputError(f"'{path}' is not a part of an article; use a path like sections[1].answer or body[0]")
        steps.append(m.group(1))
        if m.group(2) is not None:
            steps.append(int(m.group(2)))
    if steps[0] not in TEXT_PARTS:
        raise InputError(f"'{path}' is not a text part of an article; start it with one of: {', '.join(TEXT_PARTS)}")
    return steps


def get_part(data: dict[str, Any], path: str) -> str:
    node: Any = data
    try:
        for step in _steps(path):
            node = node[step]
    except (KeyError, IndexError, TypeError):
        raise InputError(f"the article has no part '{path}'; reload it and try again") from None
    if not isinstance(node, str):
        raise InputError(f"'{path}' is not a piece of text; name a sentence's part, e.g. sections[0].answer")
    return node


def set_part(data: dict[str, Any], path: str, value: str) -> None:
    steps = _steps(path)
    get_part(data, path)  # exists and is text
    node: Any = data
    for step in steps[:-1]:
        node = node[step]
    node[steps[-1]] = value


def replace_sentence(data: dict[str, Any], path: str, old: str, new: str) -> None:
    """Put ``new`` where the sentence ``old`` stands in that part (the first time it occurs)."""
    text = get_part(data, path)
    new = " ".join(new.split())
    if not new:
        raise InputError("the new sentence is empty; write a sentence, or delete the part's text in the full editor")
    at = text.find(old)
    if at < 0:
        raise InputError(f"the sentence was not found in {path} (it may have changed); reload the article")
    set_part(data, path, text[:at] + new + text[at + len(old):])
