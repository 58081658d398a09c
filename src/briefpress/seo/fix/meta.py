"""The meta description and the title width: the two parts a search result shows.

The meta description is re-selected from source sentences (or cut at a clause boundary), never
written anew; the headline is only cut."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ...edit import EditableArticle
from ...models import Evidence, Fact
from ...rewrite.compress import headline as cut_headline
from ...rewrite.compress import prefixes, variants
from ...text import ensure_period
from ..forms import build_topic, occurrences
from ..pixels import title_width
from ..seo_checks import META_MAX, META_MIN, TITLE_MAX_PX
from ..tokens import tokens
from .sizes import SHORTEST_KEPT, sentences_of

# Yoast's meta description length check is green from one character over META_MIN to META_MAX.
META_GREEN_MIN = META_MIN + 1

Choice = list[tuple[str, list[str]]]  # (sentence, fact ids) in order


def fix_title_width(draft: EditableArticle) -> None:
    """A headline wider than 600 px (Arial 18px) is cut at a clause boundary until it fits."""
    old = draft.data["headline"]
    if title_width(old) <= TITLE_MAX_PX:
        return
    limit = len(old) - 1
    while limit > 30:
        new = cut_headline(old, limit)
        if title_width(new) <= TITLE_MAX_PX and len(tokens(new)) >= 4 and draft.allows(new):
            draft.set("headline", new)
            for e in draft.data["evidence"]:
                if e["part"] == "headline":
                    e["sentence"] = new
            draft.changes.append("headline")
            return
        limit -= 5


def fix_meta_description(draft: EditableArticle, facts: list[Fact]) -> None:
    """Too long: delete at a clause boundary. Too short or without the keyphrase: re-select a
    source sentence (or add one to it) so it holds the keyphrase within 121-156 characters."""
    d = draft.data
    meta = d["meta_description"].strip()
    has_kp = _holds_keyphrase(d["keyphrase"])
    if _fits(meta) and has_kp(meta):
        return
    current = [(e["sentence"], e["facts"]) for e in d["evidence"] if e["part"] == "meta_description"]
    ordered = sorted(facts, key=lambda f: (f.role not in ("lead", "title"), not f.id.startswith("S1.")))
    candidates = [*_cuts_of(meta, current), *_fact_choices(ordered, meta, current), *_keyed_pairs(ordered, has_kp)]
    candidates = [c for c in candidates if draft.allows(*(sentence for sentence, _ in c))]
    choice = _first_good(candidates, meta, has_kp)
    if choice is None:
        return
    d["meta_description"] = _text_of(choice)
    d["evidence"] = [e for e in d["evidence"] if e["part"] != "meta_description"]
    d["evidence"] += [Evidence(part="meta_description", sentence=s, facts=ids).model_dump() for s, ids in choice]
    draft.changes.append("meta_description")


def _holds_keyphrase(keyphrase: str) -> Callable[[str], bool]:
    """Whether a text holds ``keyphrase`` as written and as Yoast finds it in a sentence."""
    topic = build_topic(keyphrase)

    def has_kp(text: str) -> bool:
        return keyphrase.lower() in text.lower() and any(occurrences(topic, s) for s in sentences_of(text))
    return has_kp


def _fits(text: str) -> bool:
    return META_GREEN_MIN <= len(text) <= META_MAX


def _text_of(choice: Choice) -> str:
    return " ".join(s for s, _ in choice)


def _cuts_of(meta: str, current: Choice) -> Iterator[Choice]:
    """A meta description over 156 characters that is one sentence, cut at a clause boundary."""
    if len(meta) > META_MAX and len(current) == 1:
        for variant in variants(meta):
            yield from ([(ensure_period(cut), current[0][1])] for cut in prefixes(variant, SHORTEST_KEPT))


def _fact_choices(ordered: list[Fact], meta: str, current: Choice) -> Iterator[Choice]:
    """Each source sentence (lead and title first) and its clause-bounded cuts, alone or, where the
    meta description is short, added to it."""
    for fact in ordered:
        for variant in variants(fact.text):
            for cut in dict.fromkeys([variant.strip(), *prefixes(variant, SHORTEST_KEPT)]):
                sentence = ensure_period(cut)
                yield [(sentence, [fact.id])]
                if len(meta) < META_GREEN_MIN and current and sentence not in meta:
                    yield [*current, (sentence, [fact.id])]


def _keyed_pairs(ordered: list[Fact], has_kp: Callable[[str], bool]) -> Iterator[Choice]:
    """A sentence with the keyphrase, then a clause of another fact to fill the room."""
    keyed = [f for f in ordered if has_kp(ensure_period(f.text)) and len(f.text) < META_GREEN_MIN]
    for first in keyed[:2]:
        for other in ordered:
            if other.id == first.id:
                continue
            for cut in dict.fromkeys([other.text.strip(), *prefixes(other.text, SHORTEST_KEPT)]):
                yield [(ensure_period(first.text), [first.id]), (ensure_period(cut), [other.id])]


def _first_good(candidates: list[Choice], meta: str, has_kp: Callable[[str], bool]) -> Choice | None:
    """The first candidate that fits and holds the keyphrase; where none does and the meta
    description does not fit either, the first that fits."""
    good = next((c for c in candidates if _fits(_text_of(c)) and has_kp(_text_of(c))), None)
    if good is None and not _fits(meta):
        good = next((c for c in candidates if _fits(_text_of(c))), None)
    return good
