"""What the model is told: the facts under short ids, the rules, one worked example, and one
short request per part.

The facts (``F1``, ``F2``... and their text), the rules and the example form one prefix that every
request of an article reuses, so a backend that caches a prefix evaluates it once.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from ..models import Fact
from ..plan import Outline, is_stock, tells_what_comes
from ..rewrite.compress import headline as compress_headline
from ..rewrite.quotes import quote_pieces
from ..rewrite.refer import dangling, goes_on_from_before
from ..rewrite.whole import holds_quote
from ..spec import HEADLINE_MAX
from ..text import ensure_period
from .request import Message, PartSpec


def prompt_facts(outline: Outline, whole_body: bool = True) -> list[Fact]:
    """The outline's facts, each once, in the order the story tells them. Without
    ``whole_body`` (a body retold a quoted sentence at a time), only the body's facts a part is
    asked to write from: a wire story's other sentences would only lengthen the prefix every
    request evaluates first (about 15 s of a 30-sentence story's minute on 2 cores)."""
    forward = forward_fact(outline)
    body = outline.body if whole_body else [forward] if forward is not None else []
    ordered = [outline.lead, *outline.points, *body]
    for part in [*outline.sections, *outline.faq]:
        ordered.extend(part.facts)
    seen: set[str] = set()
    out = []
    for fact in ordered:
        if fact.id not in seen:
            seen.add(fact.id)
            out.append(fact)
    return out


def system_prompt(alias: Mapping[str, Fact], output_format: str) -> str:
    """The rules, the answer's form, and the facts under their short ids."""
    if output_format == "json":
        form = (
            'Answer with JSON only: {"sentences": [{"text": "...", "facts": ["F1"]}]} '
            '(for several paragraphs: {"paragraphs": [{"sentences": [...]}]}).'
        )
    else:
        form = "After every sentence, write in brackets the ids of the facts it uses, like [F1] or [F2, F3]."
    facts = "\n".join(f"{a}: {' '.join(f.text.split())}" for a, f in alias.items())
    return (
        "You are a news writer. Write clear, plain news prose in English using ONLY the facts below. "
        "Do not add any name, number, date, quote, place or opinion that the facts do not state. "
        "Keep names, titles and figures exactly as the facts give them. "
        "Write short sentences of at most 20 words, in the active voice where the facts name who acted.\n"
        f"{form}\n\nFacts:\n{facts}"
    )


def demonstration(alias: Mapping[str, Fact], output_format: str) -> list[Message]:
    """One worked exchange on the brief's own facts: small models copy a shown form far more
    reliably than they follow a described one. It is part of the shared, cached prefix."""
    shown = list(alias.items())[:2]
    lines = [(ensure_period(compress_headline(f.text, 110)), a) for a, f in shown]
    ask = "Write " + ", then ".join(f"one short sentence from {a}" for _, a in lines) + "."
    if output_format == "json":
        answer = json.dumps({"sentences": [{"text": t, "facts": [a]} for t, a in lines]}, ensure_ascii=False)
    else:
        answer = "\n".join(f"{t} [{a}]" for t, a in lines)
    return [{"role": "user", "content": ask}, {"role": "assistant", "content": answer}]


def cited_ids(alias_of: Mapping[str, str], facts: Sequence[Fact]) -> str:
    """The short ids of ``facts`` as a request names them: ``F1, F3``."""
    return ", ".join(alias_of[f.id] for f in facts if f.id in alias_of)


def part_specs(outline: Outline, alias_of: Mapping[str, str]) -> dict[str, PartSpec]:
    """The request for every part the model writes, by part path."""
    o = outline
    specs = {
        "headline": PartSpec(
            "headline",
            f"Write the headline: one line of at most {HEADLINE_MAX - 15} characters that says who did what, "
            f'based on {cited_ids(alias_of, [o.lead])}. Begin it with "{o.keyphrase}". No final period.',
            1, 1, 40, max_chars=HEADLINE_MAX, final_period=False,
        ),
    }
    for i, part in enumerate(o.sections):
        n = min(3, max(2, len(part.facts)))
        ids = cited_ids(alias_of, part.facts)
        # A stock question ("What else is there to know about the Syrian government?") is no fact's
        # own: asked to answer it, the model made its topic the subject of another's deed.
        ask = (f"Write {n} sentences that tell the news of {ids}; each keeps the subject its fact has"
               if is_stock(part.question)
               else f'Answer the question "{part.question}" in {n} sentences; the first sentence answers it '
                    f"directly. Use {ids}")
        specs[f"sections[{i}].answer"] = PartSpec(f"sections[{i}].answer", f"{ask}.", 1, n + 1, 45 * (n + 1))
    specs["conclusion"] = _conclusion_spec(o, alias_of)
    paragraphs = max(2, min(5, (len(o.body) + 1) // 2))
    specs["body"] = PartSpec(
        "body",
        f"Write the full story in {paragraphs} short paragraphs, most important first, with a blank line "
        f"between paragraphs. Use each of {cited_ids(alias_of, o.body)} once.",
        2, 2 * len(o.body) + 2, 45 * (len(o.body) + 2), paragraphs=paragraphs,
    )
    return specs


def _conclusion_spec(o: Outline, alias_of: Mapping[str, str]) -> PartSpec:
    """The conclusion's request (FORMAT.md, part 7): what happens next where a fact says, else the
    main news summed up in one sentence. Asked to restate the news and its latest facts, the model
    retold the whole brief a sixth time; lessons drawn from it ("highlights the dangers of ...")
    are judgements no fact gives, so neither is asked for."""
    forward = forward_fact(o)
    if forward is not None:
        instruction = (f"Write the conclusion: one or two sentences on what happens next, from "
                       f"{cited_ids(alias_of, [forward])}. Use other words than the fact does.")
        return PartSpec("conclusion", instruction, 1, 2, 100)
    instruction = (f"Write the conclusion: one sentence, shorter than the fact, that sums up the main news "
                   f"of {cited_ids(alias_of, [o.lead])} in other words.")
    return PartSpec("conclusion", instruction, 1, 1, 60)


def forward_fact(o: Outline) -> Fact | None:
    """The first fact past the lead that tells what happens next, the conclusion's subject; never
    a speaker's words (asked for "other words", a quote is misquoted) nor a piece of a quotation
    over several sentences, which told alone loses its speaker or its marks (a blind review read
    Gatland's words as the conclusion, with no opening mark); nor one that goes on from the
    sentence before it, read after the takeaways with nothing before it ("It added his funeral
    will be private"), nor one whose "the walkout" the lead never introduced (the planner's rule
    too): as the extractive writer's conclusion never is either. The planner's own
    choice (``Outline.forward``, the extractive writer's) may be such a fact: a writer that cuts
    tells a quote as it is and names the speaker of "It added ..."; a model asked for other words
    cannot, so it is asked of the next coming event instead."""
    pieces = {facts[i].text for facts in (o.points, o.body) for i in quote_pieces([f.text for f in facts])}
    return next((f for f in [*o.points, *o.body] if tells_what_comes(f) and f.id != o.lead.id
                 and f.text not in pieces and not holds_quote(f.text) and not f.text.rstrip().endswith("?")
                 and not goes_on_from_before(f.text) and not dangling(f.text, [o.lead.text])), None)
