"""Building the draft from the model's verified sentences.

The body is written first: its verified sentences, with the sections' and the conclusion's, form
a pool that the meta description is chosen from, so it costs no further call. The FAQ answers and
takeaways condense what those parts tell: they are the extractive writer's shorter forms. A part
the model could not write takes the extractive engine's part, with its evidence.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence

from ..edit import part_order
from ..models import Evidence, Fact, Run, Section
from ..plan import Outline
from ..rewrite.compress import phrase_cut, shorten
from ..rewrite.quotes import speakerless
from ..rewrite.refer import POINTING, orphan_reason
from ..spec import (
    BODY_MAX,
    HEADLINE_MAX,
    META_BENEFITS_SHORT,
    META_MAX,
    META_MIN,
    PARAGRAPH_SENTENCES,
)
from ..storylines import is_result
from ..text import ensure_period, split_sentences, words
from ..verify.hedges import drops_hedge
from .base import Draft, ProgressCallback
from .extractive import ExtractiveEngine
from .output import MalformedOutput, cut_loop, parse
from .prompts import forward_fact, part_specs
from .repair import Kept, Repairer, asks, failed, finish_sentence, is_cut_off, near, norm, not_whole
from .request import PartSpec
from .retell import RETELL_MOST, in_paragraphs, in_style_of, keeps_facts, retell_request, retells, worth_retelling
from .session import Backend, GroundingCheck, Session

log = logging.getLogger(__name__)
Pooled = tuple[str, list[Fact]]  # a verified model sentence and the facts it rests on


class ArticleWriter:
    """Writes one article with a model: every part requested, verified and repaired, assembled."""

    def __init__(
        self, backend: Backend, run: Run, outline: Outline, progress: ProgressCallback | None, check: GroundingCheck
    ) -> None:
        self.backend = backend
        self.outline = outline
        self.fallback = ExtractiveEngine().write(run, outline)
        self.session = Session(backend, run, outline, progress, check)
        self.repairer = Repairer(self.session, run.options.strict)
        self.repairs = self.session.repairs
        self.evidence: list[Evidence] = []
        self.pool: list[Pooled] = []  # verified model sentences, for the meta description

    def write(self) -> Draft:
        o, s = self.outline, self.session
        specs = part_specs(o, s.alias_of)
        if self._next_told_by_fallback():
            del specs["conclusion"]
        retelling = s.retells_body
        placed = self._placed_body() if retelling else []
        to_retell = self._to_retell(placed)
        s.total = len(specs) - 1 + len(to_retell) if retelling else len(specs)
        s.report("begin", None)
        self.backend._begin(s.prefix)

        # The body first: its verified sentences also make the meta description.
        body = self._retold_body(placed, to_retell) if retelling else self._body(specs["body"])
        sections = []
        for i, part in enumerate(o.sections):
            self._copy_part(f"sections[{i}].question")
            # FORMAT.md: each section holds facts no other section holds (the model, given the
            # whole fact list, told the next section's fact in this one too).
            others = {f.id for j, other in enumerate(o.sections) if j != i for f in other.facts} \
                - {f.id for f in part.facts}
            answer = self._paragraph(specs[f"sections[{i}].answer"], self.fallback.sections[i].answer, others,
                                     {f.id for f in part.facts})
            sections.append(Section(question=part.question, answer=answer))
        conclusion = self._conclusion(specs.get("conclusion"), [*(s.answer for s in sections), *body])
        headline = self._headline(specs["headline"])
        meta = self._meta()
        summary = list(self.fallback.summary)
        self._copy_evidence(lambda p: p.startswith("summary["))
        # FAQ answers and takeaways condense facts the model's parts have told: a model sentence
        # there would be a body's or a section's word for word, so they are the extractive
        # writer's shorter forms (FORMAT.md, "Telling each fact once").
        faq, takeaways = list(self.fallback.faq), list(self.fallback.takeaways)
        self._copy_evidence(lambda p: p.startswith(("faq[", "takeaways[")))
        self.evidence.sort(key=lambda e: part_order(e.part))
        return Draft(
            headline=headline,
            meta_description=meta,
            summary=summary,
            sections=sections,
            faq=faq,
            takeaways=takeaways,
            conclusion=conclusion,
            body=body,
            evidence=self.evidence,
            repairs=dict(self.repairs),
        )

    def _conclusion(self, spec: PartSpec | None, told: list[str]) -> str:
        """The model's conclusion (where ``spec`` asks for one), else the extractive writer's;
        ``told``: the sections' and the body's texts."""
        if spec is None:
            self._copy_part("conclusion")
            return self.fallback.conclusion
        # Asked of the coming event, the model wrote another fact's sentence (a section's, word
        # for word): a sentence that tells none of it is no answer.
        forward = forward_fact(self.outline)
        conclusion = self._paragraph(spec, self.fallback.conclusion,
                                     own={forward.id} if forward is not None else frozenset())
        told = [*told, *self.fallback.summary]
        if conclusion != self.fallback.conclusion and _retold(conclusion, told) \
                and not _retold(self.fallback.conclusion, told):
            # Asked to sum the news up in other words, the model gave the lead word for word
            # (read a fifth time): the writer's short restatement is a cut no part tells.
            self.evidence = [e for e in self.evidence if e.part != "conclusion"]
            self._fall_back("conclusion")
            conclusion = self.fallback.conclusion
        return conclusion

    def _next_told_by_fallback(self) -> bool:
        """Whether the extractive writer's conclusion tells what comes next from a fact that goes
        on from a speaker, with the speaker named (``Outline.named``), which the model's
        request leaves out (``prompts.forward_fact``): the model, asked to restate the lead
        instead, told Hogwood's lead a fifth time; or a match's result (the model, asked to sum up
        the news instead, told the lead). Only those: another fact the request leaves out (one
        holding a quote) is the writer's to tell as it is, a copy of the body's."""
        if forward_fact(self.outline) is not None:
            return False
        if self.outline.forward is not None and is_result(self.outline.forward.text):
            return True  # a match's result, as the report gives it: other words would only risk the score
        cited = [i for e in self.fallback.evidence if e.part == "conclusion" for i in e.facts]
        return bool(cited) and bool(set(cited) & set(self.outline.named))

    # -- evidence and fallbacks ---------------------------------------------------------------

    def _record(self, part: str, kept: list[Kept]) -> None:
        for text, facts, by_model, _ in kept:
            facts = facts or self._support(text)
            self.evidence.append(Evidence(part=part, sentence=text, facts=[f.id for f in facts]))
            if by_model:
                self.backend.stats.kept_model_sentences.append(text)
                if part.startswith(("body", "sections", "conclusion")):
                    self.pool.append((text, facts))

    def _support(self, text: str) -> list[Fact]:
        """For a verified sentence the model cited nothing for: the facts sharing most words."""
        facts = self.session.facts
        want = set(norm(text).split())
        scored = sorted(((len(want & set(norm(f.text).split())), i) for i, f in enumerate(facts)), reverse=True)
        return [facts[i] for score, i in scored[:1] if score > 0]

    def _copy_evidence(self, match: Callable[[str], bool]) -> None:
        self.evidence.extend(e for e in self.fallback.evidence if match(e.part))

    def _copy_part(self, part: str) -> None:
        self._copy_evidence(lambda p: p == part)

    def _fall_back(self, part: str) -> None:
        self.repairs["fallback_parts"] += 1
        self._copy_part(part)

    def _fall_back_prefix(self, prefix: str) -> None:
        self.repairs["fallback_parts"] += 1
        self._copy_evidence(lambda p: p.startswith(prefix))

    # -- parts the model writes ---------------------------------------------------------------

    def _paragraph(self, spec: PartSpec, fallback: str, others: frozenset[str] | set[str] = frozenset(),
                   own: frozenset[str] | set[str] = frozenset()) -> str:
        """The part as the model writes it, verified; past its first sentence, none that tells
        only ``others``' facts (another part's); where the part has ``own`` facts, none that
        tells none of them: asked of Aleppo's dead, the model wrote "President Bashar al-Assad
        leads the Syrian government" from another fact's title, and it headed the section."""
        sentences = self.session.generate(spec)
        kept = self.repairer.repair(sentences, spec) if sentences else []
        kept = [k for k in kept if not own or not k[1] or own & {f.id for f in k[1]}]
        kept = [k for n, k in enumerate(kept) if not n or not k[1] or not {f.id for f in k[1]} <= others]
        if not kept:
            self._fall_back(spec.name)
            return fallback
        self._record(spec.name, kept)
        return " ".join(text for text, *_ in kept)

    def _headline(self, spec: PartSpec) -> str:
        sentences = self.session.generate(spec)
        kept = self.repairer.repair(sentences, spec) if sentences else []
        if kept and len(kept[0][0]) > HEADLINE_MAX:
            kept = self._shorter_headline(spec, kept[0][0])
        if not kept or len(kept[0][0]) > HEADLINE_MAX:
            self._fall_back("headline")
            return self.fallback.headline
        self._record("headline", kept[:1])
        return kept[0][0]

    def _shorter_headline(self, spec: PartSpec, long: str) -> list[Kept]:
        """Too long and no clause boundary shortens it: ask once for a shorter one, which is
        verified like the first (small models overshoot a length more often than not)."""
        completion = self.session.ask(spec, f'Your headline "{long}" has {len(long)} characters. Write it again in '
                                            f"at most {HEADLINE_MAX - 15} characters, keeping its meaning. "
                                            "No final period.")
        try:
            shorter = parse(cut_loop(completion.text))[:1]
        except MalformedOutput:
            self.repairs["malformed"] += 1
            shorter = []
        kept = self.repairer.repair(shorter, spec) if shorter else []
        if kept and len(kept[0][0]) > HEADLINE_MAX:
            # Still over: cut it before a preposition, a whole phrase, and verify the cut.
            cut = phrase_cut(kept[0][0], HEADLINE_MAX)
            kept = [(cut, *kept[0][1:])] if cut and not failed(self.session.check([cut])[0]) else []
        return kept

    def _body(self, spec: PartSpec) -> list[str]:
        sentences = self.session.generate(spec)
        kept = self.repairer.repair(sentences, spec) if sentences else []
        if not kept:
            self._fall_back_prefix("body[")
            return list(self.fallback.body)
        groups: dict[int, list[Kept]] = {}
        for item in kept:
            groups.setdefault(item[3], []).append(item)
        paragraphs = list(groups.values())
        if len(paragraphs) == 1 and len(kept) >= 3:
            # One block of text: the lead alone, then two sentences a paragraph (inverted pyramid).
            paragraphs = [kept[:1], *[kept[i : i + 2] for i in range(1, len(kept), 2)]]
        paragraphs = paragraphs[:BODY_MAX]
        out = []
        for i, group in enumerate(paragraphs):
            self._record(f"body[{i}]", group)
            out.append(" ".join(text for text, *_ in group))
        return out

    def _placed_body(self) -> list[tuple[str, list[Evidence], bool]]:
        """The extractive body's paragraphs: text, evidence, and whether the evidence gives its
        sentences in order (only those are retold: another is kept as it is)."""
        out = []
        for i, paragraph in enumerate(self.fallback.body):
            told = [e for e in self.fallback.evidence if e.part == f"body[{i}]"]
            out.append((paragraph, told, bool(told) and " ".join(e.sentence for e in told) == paragraph))
        return out

    @staticmethod
    def _to_retell(placed: list[tuple[str, list[Evidence], bool]]) -> list[Evidence]:
        """The body's sentences the model is asked to retell: the long ones, in the body's order
        (the inverted pyramid's top first), at most ``RETELL_MOST``."""
        told = [e for _, evidence, in_order in placed if in_order for e in evidence]
        return [e for e in told if e.facts and worth_retelling(e.sentence)][:RETELL_MOST]

    def _retold_body(self, placed: list[tuple[str, list[Evidence], bool]], to_retell: list[Evidence]) -> list[str]:
        """The extractive body (``placed``), the sentences ``to_retell`` names retold by the model
        (``retell``), in paragraphs of at most three sentences; a sentence whose retelling is not
        kept whole stays as the extractive body tells it, with its evidence."""
        asked = {id(e) for e in to_retell}
        paragraphs: list[tuple[str, list[Evidence]]] = []
        for paragraph, told, in_order in placed:
            if not in_order:
                paragraphs.append((paragraph, told))
                continue
            out: list[Evidence] = []
            for e in told:
                out += (self._retold(e) if id(e) in asked else None) or [e]
            paragraphs += [(" ".join(e.sentence for e in group), group)
                           for group in in_paragraphs(out, PARAGRAPH_SENTENCES, lambda e: speakerless(e.sentence))]
        for j, (_, evidence) in enumerate(paragraphs):
            self.evidence.extend(e.model_copy(update={"part": f"body[{j}]"}) for e in evidence)
        return [text for text, _ in paragraphs]

    def _retold(self, told: Evidence) -> list[Evidence] | None:
        """``told`` retold by the model as shorter sentences, each verified and whole, that
        together keep its names, figures and most words; None where they do not."""
        spec = PartSpec("body", retell_request(told.sentence), 1, 3, 150)
        sentences = self.session.generate(spec)
        if not sentences:
            return None
        texts = [in_style_of(told.sentence, finish_sentence(s.text, spec)) for s in sentences]
        if any(not t or is_cut_off(t, spec) or not_whole(t, spec) or asks(t) for t in texts):
            why = "not whole sentences"
        elif not all(retells(told.sentence, t) for t in texts):
            why = "not shorter, or words of another fact"
        elif not keeps_facts(told.sentence, texts):
            why = "a name, figure, negation or most of the words lost"
        elif any(drops_hedge(t, [told.sentence]) for t in texts):
            why = "a reported claim told as fact"
        elif any(failed(v) for v in self.session.check(texts)):
            why = "not backed by the facts"
        else:
            why = ""
        if why:
            log.debug("retelling not kept (%s): %r", why, texts)
            return None
        facts = [f for f in self.session.facts if f.id in told.facts]
        for i, text in enumerate(texts):
            self.backend.stats.kept_model_sentences.append(text)
            # The first half of a split, told alone in the meta description, is a cut of the
            # source sentence that the verify stage fails (and then fails in the body too). A
            # later half with a pronoun leans on the first ("Ron Burkle is the billionaire
            # investor who runs it."): read alone, its "it" would be the story's subject.
            if not told.sentence.startswith(text.rstrip(".")) and not (i and POINTING & set(words(text.lower()))):
                self.pool.append((text, facts))
        return [Evidence(part="", sentence=text, facts=list(told.facts)) for text in texts]

    # -- parts chosen from the verified sentences ---------------------------------------------

    def _meta(self) -> str:
        """From the verified body and section sentences: the one that holds the keyphrase (the
        lead's first), shortened by deletion to fit; when short, topped up with a second verified
        sentence (cut to the room left), else with one reader benefit, which gives way to the
        extractive writer's meta description where that tells facts alone. Never two benefits:
        "Here are the key facts. Here is what we know." says nothing twice. A model asked for
        120-156 characters overshoots and the cut is thrown away, so none is asked."""
        kp = self.outline.keyphrase.lower()
        lead = self.outline.lead.id
        candidates = sorted(
            (item for item in self.pool if kp in item[0].lower()),
            key=lambda item: (lead not in {f.id for f in item[1]}, len(item[0])),
        )
        pointing: list[Evidence] | None = None  # the first mix that ends on a pointer to the story
        for text, facts in candidates:
            if len(text) > META_MAX:
                short = shorten(text, META_MAX - 1)
                if not short or kp not in short.lower():
                    continue
                text = ensure_period(short)
            if failed(self.session.check([text])[0]):
                continue
            chosen = self._meta_mix(text, facts)
            if chosen is not None and not any(e.no_claim for e in chosen):
                return self._chosen_meta(chosen)
            pointing = pointing or chosen
        # "Read the full story." says nothing (FORMAT.md: no filler): the extractive writer's meta
        # description where it tells facts alone.
        fallback = [e for e in self.fallback.evidence if e.part == "meta_description"]
        if pointing is not None and any(e.no_claim for e in fallback):
            return self._chosen_meta(pointing)
        self._fall_back("meta_description")
        return self.fallback.meta_description

    def _chosen_meta(self, chosen: list[Evidence]) -> str:
        self.evidence.extend(chosen)
        return " ".join(e.sentence for e in chosen)

    def _meta_mix(self, text: str, facts: Sequence[Fact]) -> list[Evidence] | None:
        """``text`` alone; else with a second verified sentence (cut to the room left); else with
        one benefit; else with both: the first mix that lands in 120-156 characters, as the
        evidence of its sentences."""
        first = Evidence(part="meta_description", sentence=text, facts=[f.id for f in facts])
        benefits = [Evidence(part="meta_description", sentence=b, no_claim=True) for b in META_BENEFITS_SHORT]
        if _first_fitting([[first]]):
            return [first]
        # A second fact before a pointer to the story ("Read the full story." says nothing; FORMAT.md
        # wants no filler there), as the extractive writer's meta description does. Each second
        # sentence is cut and verified once, and only as far as one is needed.
        seconds: list[Evidence] = []
        for second in self._seconds(text, {f.id for f in facts}):
            if _first_fitting([[first, second]]):
                return [first, second]
            seconds.append(second)
        return _first_fitting([[first, b] for b in benefits]) \
            or _first_fitting([[first, second, b] for second in seconds for b in benefits])

    def _seconds(self, text: str, told: set[str]) -> Iterator[Evidence]:
        """The verified sentences of the pool that may follow ``text`` (which tells the facts
        ``told``), each cut to the room left: a second fact, never the first one's again
        ("Activists in London dumped paint to protest Russia's invasion. Activists in London
        dumped gallons of yellow and blue paint in front of the Russian embassy.")."""
        room = META_MAX - len(text) - 1
        for other, other_facts in self.pool:
            # A snippet is read alone: "They would not have to have sufficient funds." after a
            # sentence on a party's plan gives the passport applicants' terms to the party.
            if other == text or near(other, {norm(text)}) or orphan_reason(other, []) \
                    or told & {f.id for f in other_facts}:
                continue
            cut = other if len(other) <= room else shorten(other, room - 1)
            if not cut or len(ensure_period(cut)) > room:
                continue
            cut = ensure_period(cut)
            if cut != other and failed(self.session.check([cut])[0]):
                continue
            yield Evidence(part="meta_description", sentence=cut, facts=[f.id for f in other_facts])


def _first_fitting(mixes: list[list[Evidence]]) -> list[Evidence] | None:
    """The first mix of sentences whose text lands in the meta description's size."""
    return next((mix for mix in mixes if META_MIN <= len(" ".join(e.sentence for e in mix)) <= META_MAX), None)


def _retold(paragraph: str, told: Sequence[str]) -> bool:
    """Whether every sentence of ``paragraph`` is one of ``told``'s sentences word for word."""
    sentences = {norm(s.text) for text in told for s in split_sentences(text)}
    return all(norm(s.text) in sentences for s in split_sentences(paragraph))
