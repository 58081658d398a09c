"""The extractive engine's meta description: deletion-only versions of the lead and key points,
alone or two together, with or without a reader benefit, ranked for the size and the keyphrase."""

from __future__ import annotations

from collections.abc import Iterator

from ..models import Fact
from ..plan import Outline
from ..rewrite.compress import headline as compress_headline
from ..rewrite.compress import prefixes, variants
from ..spec import META_MAX, META_MIN
from ..text import ensure_period

Mix = list[tuple[str, Fact | None]]  # meta description sentences; None marks a pointer to the story


def meta_options(outline: Outline) -> list[tuple[str, Fact]]:
    """Every deletion-only version of the lead and key points that fits a meta description."""
    options: list[tuple[str, Fact]] = []
    seen: set[str] = set()
    for fact in [outline.lead, *outline.points]:
        for variant in variants(fact.text):
            for cut in prefixes(variant):
                sentence = ensure_period(cut)
                if len(sentence) <= META_MAX and sentence not in seen:
                    seen.add(sentence)
                    options.append((sentence, fact))
    if not options:
        options.append((ensure_period(compress_headline(outline.lead.text, META_MAX - 1)), outline.lead))
    return options


def meta_mixes(options: list[tuple[str, Fact]], fillers: list[str]) -> Iterator[Mix]:
    """Each option alone or with a second from another fact, each of those with or without a
    filler after it."""
    for first, first_fact in options:
        mixes: list[Mix] = [[(first, first_fact)]]
        mixes += [[(first, first_fact), (second, f)] for second, f in options if f is not first_fact]
        for mix in list(mixes):
            mixes += [[*mix, (filler, None)] for filler in fillers]
        yield from mixes


def joined(mix: Mix) -> str:
    return " ".join(s for s, _ in mix)


def meta_rank(mix: Mix, kp: str, lead: Fact, fillers: list[str]) -> tuple[object, ...]:
    """How good a mix is, best highest."""
    text = joined(mix)
    claims = " ".join(s for s, f in mix if f is not None).lower()
    return (
        META_MIN <= len(text),
        kp in claims,
        kp in text.lower(),
        mix[0][1] is lead,
        -sum(1 for _, f in mix if f is None),
        -len(mix),  # one whole sentence reads better than two cut ones
        -sum(fillers.index(s) for s, f in mix if f is None),  # the plainest benefit that fits
        len(text),
    )
