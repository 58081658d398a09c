"""Ingest: turn a brief and further sources into ``Source`` texts and sentence-level ``Fact``s.

Brief forms, told apart by ``reader.sniff`` in this order: JSON ``{"title", "points", "sources"}``,
a saved HTML page (main text through trafilatura), the dash layout (lines holding a single ``-``
separate the points), Markdown bullets or numbered lists, and plain prose. Fact ids are
``S<source>.F<n>``: S1 is the brief, S2... the further sources in the order given, and F counts
sentences from 1.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ftfy import fix_encoding

from .errors import EmptyInputError, InputError, InputTooLargeError
from .limits import MAX_INPUT_BYTES, check_facts, check_json_depth, check_sources, check_text
from .models import Fact, FactRole, Run, Source
from .reader import BULLET, DASH_LINE, decode, main_text, sniff
from .storylines import without_inline_chrome
from .text import split_sentences


def read_bytes(path: str | Path, stdin: bytes | None = None) -> tuple[str, bytes]:
    """Read a file (or ``-`` for standard input) and refuse what is too large to be a brief."""
    if str(path) == "-":
        data = stdin if stdin is not None else b""
        return "<stdin>", data
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file; check the path, or pass '-' to read standard input")
    if p.is_dir():
        raise InputError(f"{p} is a folder; pass a brief file (use 'briefpress batch' for folders)")
    size = p.stat().st_size
    if size > MAX_INPUT_BYTES:
        raise InputTooLargeError(
            f"{p.name} is {size / 1048576:.1f} MB, over the {MAX_INPUT_BYTES // 1048576} MB limit for one brief; "
            "split it into smaller sources"
        )
    try:
        return p.name, p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot be read ({exc.strerror}); check its permissions") from exc


_SPACES_INSIDE = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")


def _cleaned(text: str) -> str:
    """A source's text without a media player's notice run into it, and with a run of spaces inside
    a line ('agent,"   the source said') as one space: a sentence told whole must not carry them."""
    return _SPACES_INSIDE.sub(" ", without_inline_chrome(text))


def parse(text: str, name: str, source_id: str) -> list[tuple[Source, list[Fact]]]:
    """One input text into its source (and, for JSON briefs, the sources it embeds) with facts;
    embedded sources take the numbers after ``source_id``'s, so every id is unique."""
    check_text(text, name)
    kind = sniff(text)
    if kind == "json":
        return _parse_json(text, name, int(source_id[1:]))
    if kind == "html":
        return [_parse_html(text, name, source_id)]
    text = _cleaned(text)
    source = Source(id=source_id, name=name, kind=kind, text=text)
    blocks = _dash_blocks(text) if kind == "dash" else _bullet_blocks(text) if kind == "bullets" else [
        (0, len(text))
    ]
    return [(source, _facts_from_blocks(source, blocks, prose=kind == "prose"))]


def _dash_blocks(text: str) -> list[tuple[int, int]]:
    blocks, pos = [], 0
    for m in DASH_LINE.finditer(text):
        blocks.append((pos, m.start()))
        pos = m.end()
    blocks.append((pos, len(text)))
    return blocks


def _bullet_blocks(text: str) -> list[tuple[int, int]]:
    """Lead lines before the first bullet form one block; each bullet (with its indented
    continuation lines) forms another. Offsets skip the bullet marker itself."""
    blocks: list[tuple[int, int]] = []
    pos = 0
    current: list[int] | None = None
    for line in text.splitlines(keepends=True):
        start, end = pos, pos + len(line.rstrip("\n"))
        pos += len(line)
        m = BULLET.match(line)
        heading = line.lstrip().startswith("#")
        if m:
            if current:
                blocks.append((current[0], current[1]))
            current = [start + m.end(), end]
        elif line.strip() and current is not None and line[:1] in " \t":
            current[1] = end
        elif line.strip():
            if current:
                blocks.append((current[0], current[1]))
            hashes = len(line) - len(line.lstrip().lstrip("#")) if heading else 0
            current = [start + hashes, end]
        else:
            if current:
                blocks.append((current[0], current[1]))
            current = None
    if current:
        blocks.append((current[0], current[1]))
    return blocks


def _facts_from_blocks(source: Source, blocks: Iterable[tuple[int, int]], prose: bool) -> list[Fact]:
    facts: list[Fact] = []
    for start, end in blocks:
        spans = split_sentences(source.text[start:end], offset=start)
        for n, span in enumerate(spans):
            # The first sentence of a brief's block is its key point; prose has only sentences.
            role: FactRole = "lead" if not facts else "point" if n == 0 and not prose else "sentence"
            facts.append(
                Fact(
                    id=f"{source.id}.F{len(facts) + 1}",
                    text=span.text,
                    source=source.name,
                    start=span.start,
                    end=span.end,
                    role=role,
                )
            )
    return facts


def _parse_html(html: str, name: str, source_id: str) -> tuple[Source, list[Fact]]:
    page = main_text(html, name)
    text = _cleaned(page.text)
    source = Source(id=source_id, name=name, kind="html", text=text, title=page.title, url=page.url)
    facts = _facts_from_blocks(source, [(0, len(text))], prose=True)
    # The page's headline opens its text: a title, not a sentence of the story ("Starbucks probed
    # over its tax affairs in Europe" was told as a fact under a question).
    if facts and page.title and facts[0].text.strip() == page.title.strip() and len(facts) > 1:
        facts[0] = facts[0].model_copy(update={"role": "title"})
        facts[1] = facts[1].model_copy(update={"role": "lead"})
    return source, facts


def _parse_json(text: str, name: str, number: int) -> list[tuple[Source, list[Fact]]]:
    data = _json_object(text, name)
    return [_json_brief(data, name, f"S{number}"), *_embedded_sources(data, name, number)]


def _json_object(text: str, name: str) -> dict[str, Any]:
    check_json_depth(text, name)
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{name}: invalid JSON at line {exc.lineno} column {exc.colno} ({exc.msg}); "
            'a JSON brief looks like {"title": "...", "points": ["..."]}'
        ) from exc
    if not isinstance(data, dict):
        raise InputError(f'{name}: a JSON brief must be an object like {{"title": "...", "points": ["..."]}}')
    return data


def _json_brief(data: dict[str, Any], name: str, source_id: str) -> tuple[Source, list[Fact]]:
    """The brief itself: its title and points, as the dash layout."""
    title = data.get("title") or ""
    points = data.get("points") or []
    if not isinstance(title, str) or not isinstance(points, list) or not all(isinstance(p, str) for p in points):
        raise InputError(f'{name}: "title" must be a string and "points" a list of strings')
    # Counted before any sentence is split: a corpus of points is refused at once.
    check_facts(len(points), name)
    parts = [p.strip() for p in ([title] if title.strip() else []) + points if p.strip()]
    if not parts:
        raise EmptyInputError(f'{name}: the JSON brief has no "title" or "points"; add the lead and key points')
    # The brief's text is its dash layout, so offsets point into something a person can read.
    body = "\n-\n".join(parts)
    check_text(body, name)
    source = Source(id=source_id, name=name, kind="json", text=body, title=title or None)
    facts = _facts_from_blocks(source, _dash_blocks(body), prose=False)
    if title.strip() and facts and not title.rstrip().endswith((".", "!", "?", '"', "”")):
        facts[0] = facts[0].model_copy(update={"role": "title"})
        if len(facts) > 1:
            facts[1] = facts[1].model_copy(update={"role": "lead"})
    return source, facts


def _embedded_sources(data: dict[str, Any], name: str, number: int) -> list[tuple[Source, list[Fact]]]:
    """The sources a JSON brief carries, numbered on from the brief's own (``number``)."""
    extra = data.get("sources") or []
    if not isinstance(extra, list):
        raise InputError(f'{name}: "sources" must be a list of texts or {{"name", "text"}} objects')
    check_sources(number + len(extra), name)
    out: list[tuple[Source, list[Fact]]] = []
    for i, item in enumerate(extra, start=1):
        if isinstance(item, str):
            item_name, item_text, item_url = f"{name}#source{i}", item, None
        elif isinstance(item, dict) and isinstance(item.get("text"), str):
            item_name = str(item.get("name") or f"{name}#source{i}")
            item_text, item_url = item["text"], item.get("url")
        else:
            raise InputError(f'{name}: source {i} must be a text or a {{"name", "text"}} object')
        if not item_text.strip():
            continue
        check_sources(number + len(out) + 1, name)
        for src, src_facts in parse(item_text, item_name, f"S{number + len(out) + 1}"):
            if item_url and src.url is None:
                src = src.model_copy(update={"url": item_url})
            out.append((src, src_facts))
    return out


def read_texts(named: Iterable[tuple[str, str]], first: str = "source") -> tuple[list[Source], list[Fact]]:
    """Texts as (name, text) into their sources and facts, numbered S1... in the order given;
    ``first`` names what the first text is in the message that refuses it empty."""
    all_sources: list[Source] = []
    all_facts: list[Fact] = []
    for i, (name, text) in enumerate(named):
        # Text decoded twice on its way here ("Â£3m", "â€œ"): read as it was written, in every
        # part and in the verifier's sources alike (offsets are into the repaired text).
        text = fix_encoding(text)
        if not text.strip():
            what = first if i == 0 else "source"
            raise EmptyInputError(f"{name}: the {what} is empty; give it some text or leave it out")
        check_sources(len(all_sources) + 1)
        for source, facts in parse(text, name, f"S{len(all_sources) + 1}"):
            all_sources.append(source)
            all_facts.extend(facts)
        check_facts(len(all_facts))
    check_sources(len(all_sources))
    return all_sources, all_facts


def ingest(run: Run, brief: str | bytes, brief_name: str = "brief",
           sources: Iterable[tuple[str, str | bytes]] = ()) -> Run:
    """The ingest stage: fill ``run.sources`` and ``run.facts`` from the brief and further sources."""
    texts: list[tuple[str, str]] = [(brief_name, decode(brief, brief_name) if isinstance(brief, bytes) else brief)]
    for name, content in sources:
        texts.append((name, decode(content, name) if isinstance(content, bytes) else content))
    all_sources, all_facts = read_texts(texts, first="brief")
    if not any(f.id.startswith("S1.") for f in all_facts):
        raise EmptyInputError(
            f"{brief_name} holds no sentence; give a lead sentence and a few key points, one per line"
        )
    run.sources = all_sources
    run.facts = all_facts
    return run


__all__ = ["MAX_INPUT_BYTES", "decode", "ingest", "parse", "read_bytes", "read_texts"]
