"""Reading what a model wrote: sentences, each with the fact ids it rests on.

Two forms are accepted, whichever the backend could enforce: JSON
(``{"sentences": [{"text": ..., "facts": ["F1"]}]}``, or ``{"paragraphs": [{"sentences": [...]}]}``)
and lines (``A sentence. [F1, F3]``, a blank line between paragraphs). Reasoning tags and code
fences are stripped first; anything else that does not parse is ``MalformedOutput``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from ..text import split_sentences

_THINK = re.compile(r"<think>.*?</think>", re.S | re.I)
_OPEN_THINK = re.compile(r"<think>.*", re.S | re.I)  # an unclosed tag: the answer never came
_FENCE = re.compile(r"^```[a-zA-Z]*\s*|\s*```\s*$")
_BULLET = re.compile(r"^\s*(?:[-*•]\s+|\d+[.)]\s+)")
# Text up to a bracket of ids (``[F1, F3]``), or up to the end of the line.
_CITE = re.compile(r"\s*\[(?P<ids>[^\[\]]*)\]\s*[.]?|\n")
_SPLIT_INITIALS = re.compile(r"\b([A-Z])\. (?=[A-Z]\.)")
_PLACEHOLDERS = {"sentence", "sentence one", "sentence two"}
_ID = re.compile(r"[A-Za-z]+\d+(?:\.[A-Za-z]+\d+)?")
# A fact's id written as a label before its sentence ("F1: Pro-Kremlin party A Just Russia put
# forward both bills."), where the ids belong after it.
_LABEL = re.compile(r"(?:^|(?<=\s))(F\d+(?:\s*,\s*F\d+)*):\s+")


class MalformedOutput(ValueError):
    """The model's text is neither form; the caller retries, then falls back."""


@dataclass
class Sentence:
    text: str
    facts: list[str] = field(default_factory=list)
    paragraph: int = 0


def strip_reasoning(text: str) -> str:
    text = _THINK.sub("", text)
    text = _OPEN_THINK.sub("", text)
    return text.strip()


def parse(text: str) -> list[Sentence]:
    body = _FENCE.sub("", strip_reasoning(text)).strip()
    # Some tokenizers detokenize "U.S." as "U. S."; put initialisms back together.
    body = _SPLIT_INITIALS.sub(r"\1.", body)
    if not body:
        raise MalformedOutput("empty output")
    if body[0] in "{[":
        return _parse_json(body)
    return _parse_lines(body)


def _clean(text: str) -> str:
    return " ".join(str(text).split()).strip()


def _ids(value: object) -> list[str]:
    if isinstance(value, str):
        return _ID.findall(value)
    if isinstance(value, list):
        return [m for item in value for m in _ID.findall(str(item))]
    return []


def _parse_json(body: str) -> list[Sentence]:
    try:
        data = json.loads(body)
    except json.JSONDecodeError as exc:
        raise MalformedOutput(f"invalid JSON: {exc.msg}") from exc
    groups: list[object]
    if isinstance(data, dict) and isinstance(data.get("paragraphs"), list):
        groups = [p.get("sentences") if isinstance(p, dict) else p for p in data["paragraphs"]]
    elif isinstance(data, dict) and isinstance(data.get("sentences"), list):
        groups = [data["sentences"]]
    elif isinstance(data, list):
        groups = [data]
    else:
        raise MalformedOutput("JSON without 'sentences' or 'paragraphs'")
    out: list[Sentence] = []
    for number, group in enumerate(groups):
        if not isinstance(group, list):
            raise MalformedOutput("a paragraph that is not a list of sentences")
        for item in group:
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise MalformedOutput("a sentence without 'text'")
            text = _clean(item["text"])
            if text:
                out.append(Sentence(text, _ids(item.get("facts", [])), number))
    if not out:
        raise MalformedOutput("no sentences")
    return out


def _unlabelled(line: str) -> str:
    """``line`` with each id label moved behind the sentences it heads, as a citation."""
    pieces = _LABEL.split(line)
    if len(pieces) == 1:
        return line
    told = [pieces[0].strip()] if pieces[0].strip() else []
    told += [f"{text.strip()} [{ids}]" for ids, text in zip(pieces[1::2], pieces[2::2], strict=True) if text.strip()]
    return " ".join(told)


def _parse_lines(body: str) -> list[Sentence]:
    """Prose where each sentence is followed by its ids in brackets; a blank line starts a new
    paragraph. Models often put several sentences on a line and cite only after the last one, or
    forget the ids: the ids go to the sentence they follow, and the others keep none. Such prose
    is still read, not thrown away: verification decides whether the facts back it."""
    out: list[Sentence] = []
    paragraph = 0
    for line in body.splitlines():
        if not line.strip():
            if out and out[-1].paragraph == paragraph:
                paragraph += 1
            continue
        line = _unlabelled(_BULLET.sub("", line))
        pos = 0
        for match in _CITE.finditer(line + "\n"):
            chunk = line[pos : match.start()] if match.group("ids") is not None else line[pos:]
            pos = match.end()
            pieces = [_clean(span.text) for span in split_sentences(chunk)] if chunk.strip() else []
            pieces = [p for p in pieces if p and p.strip(".").lower() not in _PLACEHOLDERS]
            ids = _ids(match.group("ids")) if match.group("ids") is not None else []
            for i, piece in enumerate(pieces):
                out.append(Sentence(piece, ids if i == len(pieces) - 1 else [], paragraph))
    if not out:
        raise MalformedOutput("no sentence in the answer")
    seen: dict[int, int] = {}
    for s in out:
        s.paragraph = seen.setdefault(s.paragraph, len(seen))
    return out


_CUT_OFF = re.compile(
    r"(?:[,;:]\s*|\s(?:of|the|a|an|and|or|to|in|on|for|with|by|at|from|as|that|its|their|her|his))\W*[.!?]?[\"”’]?$",
    re.I,
)
_ENDS = re.compile(r"[.!?][\"”’)]?$")


def looks_cut_off(text: str) -> bool:
    """A sentence stopped mid-way: by a token limit, or a model that ran out of words."""
    text = text.strip()
    return not _ENDS.search(text) or bool(_CUT_OFF.search(text)) or len(text.split()) < 2


def is_looping(text: str, window: int = 40) -> bool:
    """True when the text's tail is repeating itself: a line said again, or the same run of
    characters three times. Cheap enough to call on every streamed chunk of a short part."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    complete = lines[:-1] if not text.endswith("\n") else lines
    if len(complete) != len(set(complete)):
        return True
    tail = text[-window:]
    return len(text) > 3 * window and len(tail.strip()) >= window // 2 and text.count(tail) >= 3


def cut_loop(text: str) -> str:
    """Keep the text up to where it starts repeating itself."""
    lines = text.splitlines()
    out: list[str] = []
    seen: set[str] = set()
    for line in lines:
        key = line.strip()
        if key and key in seen:
            break
        if key:
            seen.add(key)
        out.append(line)
    return "\n".join(out)
