"""One editable article: its parts by path, its sentences, and the evidence map kept in step.

A *part path* names one text of the package: ``headline``, ``summary[0]``, ``meta_description``,
``sections[1].question``, ``sections[1].answer``, ``faq[0].answer``, ``takeaways[2].label``,
``takeaways[2].text``, ``conclusion``, ``body[3]``, ``crossheads[0].question`` (a body
subheading, read in its place before its paragraph). Every evidence entry carries one. Stages that
change sentences (verify's repair, the seo fixers) edit through ``EditableArticle`` so that the
text and the evidence map never drift apart, and try an edit with ``attempt`` so that a change
that breaks a check is undone in one place.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterator
from typing import Any, Literal

from .models import Article
from .text import normalize_space

# The parts in reading order (FORMAT.md); a sub-field follows its index: question, then answer.
PART_ORDER = ("headline", "summary", "meta_description", "sections", "faq", "takeaways", "conclusion", "body")
# The parts that hold prose sentences an editor may cut, split or reword (not headings or labels).
PROSE_PARTS = ("summary", "sections", "faq", "takeaways", "conclusion", "body")
_HEADING_SUBS = ("question", "label")
_PATH = re.compile(r"^(?P<field>\w+)(?:\[(?P<index>\d+)\])?(?:\.(?P<sub>\w+))?$")

Which = Literal["all", "prose"]
Data = dict[str, Any]


def parse_path(path: str) -> tuple[str, int | None, str | None] | None:
    """``sections[1].answer`` as ``("sections", 1, "answer")``; None for a string that is no path."""
    m = _PATH.match(path)
    if not m:
        return None
    return m["field"], int(m["index"]) if m["index"] is not None else None, m["sub"]


def field_of(path: str) -> str:
    """The top-level field a path lies in: ``faq`` for ``faq[2].answer``."""
    return re.split(r"[\[.]", path, maxsplit=1)[0]


def part_order(path: str) -> tuple[int, int, int]:
    """A sort key that puts part paths in reading order."""
    parsed = parse_path(path)
    head = parsed[0] if parsed else field_of(path)
    rank = PART_ORDER.index(head) if head in PART_ORDER else len(PART_ORDER)
    index = parsed[1] if parsed and parsed[1] is not None else 0
    sub = 0 if path.endswith(_HEADING_SUBS) else 1
    return rank, index, sub


def iter_parts(data: Data, which: Which = "all") -> Iterator[tuple[str, str]]:
    """Every text part of an article's JSON form as (path, text), in reading order.
    ``prose`` leaves out the headline, the meta description, questions and labels."""
    prose = which == "prose"
    if not prose:
        yield "headline", data["headline"]
    for i, s in enumerate(data["summary"]):
        yield f"summary[{i}]", s
    if not prose:
        yield "meta_description", data["meta_description"]
    for kind in ("sections", "faq"):
        for i, s in enumerate(data[kind]):
            if not prose:
                yield f"{kind}[{i}].question", s["question"]
            yield f"{kind}[{i}].answer", s["answer"]
    for i, t in enumerate(data["takeaways"]):
        if not prose:
            yield f"takeaways[{i}].label", t["label"]
        yield f"takeaways[{i}].text", t["text"]
    yield "conclusion", data["conclusion"]
    heads = {c["before"]: (k, c["question"]) for k, c in enumerate(data.get("crossheads") or [])}
    for i, p in enumerate(data["body"]):
        if i in heads and not prose:
            yield f"crossheads[{heads[i][0]}].question", heads[i][1]
        yield f"body[{i}]", p


def article_parts(article: Article, which: Which = "all") -> list[tuple[str, str]]:
    """Every text part of the package as (path, text), in reading order."""
    return list(iter_parts(article.model_dump(include={*PART_ORDER, "crossheads"}), which))


def get_part(data: Data, path: str) -> str | None:
    """The text at ``path`` in an article's JSON form; None where the path names no text."""
    parsed = parse_path(path)
    if parsed is None:
        return None
    field, index, sub = parsed
    value: Any = data.get(field)
    if index is not None:
        if not isinstance(value, list) or index >= len(value):
            return None
        value = value[index]
    if sub:
        value = value.get(sub) if isinstance(value, dict) else None
    return value if isinstance(value, str) else None


def set_part(data: Data, path: str, text: str) -> None:
    """Write ``text`` at ``path``, which must name an existing text part."""
    parsed = parse_path(path)
    if parsed is None:
        raise KeyError(f"not a part path: {path!r}")
    field, index, sub = parsed
    if index is None:
        data[field] = text
    elif sub:
        data[field][index][sub] = text
    else:
        data[field][index] = text


class EditableArticle:
    """An article as editable JSON plus its evidence map, kept in step.

    ``banned`` holds sentences a check failed in an earlier try: no edit may write them again.
    ``changes`` is a log the caller may append to (what was fixed, for progress reports).
    """

    def __init__(self, article: Article | Data, banned: frozenset[str] = frozenset()) -> None:
        self.data: Data = article.to_json_dict() if isinstance(article, Article) else article
        self.changes: list[str] = []
        self.banned = banned

    def article(self) -> Article:
        return Article.model_validate(self.data)

    # --- reading -------------------------------------------------------------------------------

    def parts(self, which: Which = "prose") -> list[tuple[str, str]]:
        return list(iter_parts(self.data, which))

    def get(self, path: str) -> str:
        text = get_part(self.data, path)
        if text is None:
            raise KeyError(f"no text part at {path!r}")
        return text

    def holders(self, sentence: str, which: Which = "prose") -> list[str]:
        """The paths of the parts whose text holds ``sentence``."""
        return [p for p, text in self.parts(which) if sentence in text]

    def evidence_for(self, path: str, sentence: str) -> dict[str, Any] | None:
        wanted = sentence.strip()
        return next((e for e in self.data["evidence"] if e["part"] == path and e["sentence"].strip() == wanted), None)

    def allows(self, *sentences: str) -> bool:
        return not any(s.strip() in self.banned for s in sentences)

    # --- editing -------------------------------------------------------------------------------

    def set(self, path: str, text: str) -> None:
        set_part(self.data, path, text)

    def replace_sentence(self, path: str, old: str, new: str, *, facts: list[str] | None = None) -> bool:
        """Write ``new`` for ``old`` in ``path`` and in its evidence entry (with ``facts`` as its
        support where given); False, and nothing written, where ``new`` is banned."""
        if not self.allows(new):
            return False
        self.set(path, self.get(path).replace(old, new, 1))
        entry = self.evidence_for(path, old)
        if entry is not None:
            entry["sentence"] = new
            if facts is not None:
                entry["facts"] = list(facts)
        return True

    def split_sentence(self, path: str, sentence: str, pieces: list[str]) -> None:
        """Write ``sentence`` as ``pieces`` in ``path``; each piece keeps the sentence's evidence."""
        self.set(path, self.get(path).replace(sentence, " ".join(pieces), 1))
        entry = self.evidence_for(path, sentence)
        if entry is not None:
            at = self.data["evidence"].index(entry)
            self.data["evidence"][at : at + 1] = [{**copy.deepcopy(entry), "sentence": piece} for piece in pieces]

    def drop_sentence(self, path: str, sentence: str) -> None:
        """Take ``sentence`` out of ``path`` and its entry out of the evidence map; a part left
        empty stays until ``prune``."""
        self.set(path, normalize_space(self.get(path).replace(sentence, "", 1)))
        entry = self.evidence_for(path, sentence)
        if entry is not None:
            self.data["evidence"].remove(entry)

    def snapshot(self) -> Data:
        """A deep copy of the article as it stands, to compare with or ``restore``."""
        return copy.deepcopy(self.data)

    def restore(self, snapshot: Data) -> None:
        self.data = snapshot

    def attempt(self, edit: Callable[[], object], keep: Callable[[Data], bool]) -> bool:
        """Run ``edit``; keep what it changed only where ``keep(before)`` holds, else undo it.
        ``keep`` sees the article as it was before the edit and reads the new one on ``self``."""
        before = self.snapshot()
        edit()
        if keep(before):
            return True
        self.data = before
        return False

    def prune(self) -> None:
        """Drop parts that edits emptied, keeping the evidence map in step: an entry whose index
        shifted follows its sentence to the new path of the same field; one whose sentence is gone
        is dropped."""
        d = self.data
        d["summary"] = [s for s in d["summary"] if s.strip()]
        if d.get("crossheads"):
            d["crossheads"] = _kept_crossheads(d["crossheads"], d["body"])
        d["body"] = [p for p in d["body"] if p.strip()]
        d["sections"] = [s for s in d["sections"] if s["answer"].strip()]
        d["faq"] = [s for s in d["faq"] if s["answer"].strip()]
        d["takeaways"] = [t for t in d["takeaways"] if t["text"].strip()]
        texts = dict(iter_parts(d))
        kept = []
        for e in d["evidence"]:
            if e["sentence"] in texts.get(e["part"], ""):
                kept.append(e)
                continue
            field = field_of(e["part"])
            moved = next((p for p, t in texts.items() if field_of(p) == field and e["sentence"] in t), None)
            if moved:
                kept.append({**e, "part": moved})
        d["evidence"] = kept


def _kept_crossheads(crossheads: list[Data], body: list[str]) -> list[Data]:
    """The crossheads once the emptied paragraphs of ``body`` go: each stays before the paragraph
    it preceded, or the next kept one; one left with nothing under it, or above the first
    paragraph, or on a paragraph that already has one, goes."""
    kept: list[Data] = []
    total = sum(1 for p in body if p.strip())
    for c in crossheads:
        before = sum(1 for p in body[: c["before"]] if p.strip())
        if 1 <= before < total and all(k["before"] != before for k in kept):
            kept.append({**c, "before": before})
    return kept
