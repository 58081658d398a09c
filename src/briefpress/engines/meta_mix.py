"""The extractive engine's meta description: deletion-only versions of the lead and key points,
alone or two together, with or without a reader benefit, ranked for the size and the keyphrase."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..models import Fact
from ..plan import Outline
from ..rewrite.compress import headline as compress_headline
from ..rewrite.compress import prefixes, variants
from ..rewrite.headline import first_predicate, headline_cuts
from ..rewrite.whole import fragment_reason
from ..spec import META_MAX, META_MIN
from ..text import ensure_period

Mix = list[tuple[str, Fact | None]]  # meta description sentences; None marks a pointer to the story
Forms = Callable[[str], list[str]]  # a fact's whole condensed forms, each a sentence
Spent = Callable[[str, Fact], bool]


def meta_options(outline: Outline, condensed: Forms = lambda _text: []) -> list[tuple[str, Fact]]:
    """Every deletion-only version of the lead and key points that fits a meta description, then
    their ``condensed`` whole forms (a second fact told short enough to sit beside the lead)."""
    options: list[tuple[str, Fact]] = []
    seen: set[str] = set()
    for fact in outline.summary_facts:
        shorter = variants(fact.text)
        cuts = [ensure_period(cut) for variant in shorter for cut in prefixes(variant)]
        # Only forms that are a shorter version's opening words: a verb phrase said of a subject
        # it shares rests on a parse that may pick the wrong subject.
        opening = [f for f in condensed(fact.text) if any(v.startswith(f.rstrip(".")) for v in shorter)]
        # A date or a reporting verb's manner dropped ("said [in a statement] that"): the room a
        # second fact needs, where the fact alone falls short of the size.
        dated = [ensure_period(c) for c in headline_cuts(fact.text, title=False) if fragment_reason(c + ".") is None]
        # ... and then cut at a clause boundary, as the fact is ("was arrested [Thursday] on fraud
        # charges as part of a scheme to prop up the company[, which ...]"): one sentence that fits.
        dated += [c for d in dated for c in map(ensure_period, prefixes(d)[1:])]
        # The first of two joined predicates ("... put forward both bills[, and linked them to
        # ...]"), true whenever the fact is: room for a second fact rather than a pointer.
        first = first_predicate(fact.text)
        joined_first = [first] if first and fragment_reason(first) is None else []
        for sentence in [*cuts, *opening, *dated, *joined_first]:
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


def spent_forms(condensed: Forms, told: set[str]) -> Spent:
    """Whether a sentence of a fact is the body's own sentence (a copy of it), or the last of its
    ``condensed`` forms not ``told`` yet: the parts written after the description would then tell
    one of them twice."""
    def spent(sentence: str, fact: Fact) -> bool:
        whole = ensure_period(fact.text)
        return sentence == whole or all(f in (sentence, whole) or f in told for f in condensed(fact.text))

    return spent


def joined(mix: Mix) -> str:
    return " ".join(s for s, _ in mix)


def meta_rank(mix: Mix, kp: str, lead: Fact, fillers: list[str],
              spent: Spent = lambda _s, _f: False) -> tuple[object, ...]:
    """How good a mix is, best highest; ``spent``: whether a sentence of a fact leaves the parts
    written after the description only forms of it told already (they would repeat one)."""
    text = joined(mix)
    claims = " ".join(s for s, f in mix if f is not None).lower()
    return (
        META_MIN <= len(text),
        kp in claims,
        kp in text.lower(),
        mix[0][1] is lead,
        # A pointer to the story tells nothing (FORMAT.md: no filler): a second fact comes first,
        # even one told in a form a later part would have used; then the fewest such forms.
        -sum(1 for _s, f in mix if f is None),
        -sum(1 for s, f in mix if f is not None and f is not mix[0][1] and spent(s, f)),
        -len(mix),  # one whole sentence reads better than two cut ones
        -sum(fillers.index(s) for s, f in mix if f is None),  # the plainest benefit that fits
        len(text),
    )
