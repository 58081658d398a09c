"""The extractive engine: no model, deterministic, grounded by construction.

Every factual sentence it writes is a source sentence, selected or shortened by deletion
(``compress``); every other sentence is a question or heading from the plan's templates. So it
cannot add a number, name, quote or attribution, and the evidence map is exact.
"""

from __future__ import annotations

from ..compress import headline as compress_headline
from ..compress import main_clause, shorten
from ..models import Evidence, Fact, Run, Section, Takeaway
from ..plan import Outline, facet_of
from ..text import ensure_period
from .base import Draft, Engine, ProgressCallback

META_MIN, META_MAX = 120, 156
HEADLINE_MAX = 70
# Reader benefits for the meta description; they make no factual claim.
_BENEFITS = ("Here are the key facts.", "Read the key facts and what happens next.", "Here is what we know.")


class _Writer:
    """Collects sentences with the facts they rest on while the parts are written."""

    def __init__(self) -> None:
        self.evidence: list[Evidence] = []

    def claim(self, part: str, sentence: str, facts: list[Fact]) -> str:
        self.evidence.append(Evidence(part=part, sentence=sentence, facts=[f.id for f in facts]))
        return sentence

    def no_claim(self, part: str, sentence: str) -> str:
        self.evidence.append(Evidence(part=part, sentence=sentence, facts=[], no_claim=True))
        return sentence

    def paragraph(self, part: str, facts: list[Fact], shorten_long: bool = False) -> str:
        sentences = []
        for fact in facts:
            text = main_clause(fact.text) if shorten_long else fact.text
            sentences.append(self.claim(part, ensure_period(text), [fact]))
        return " ".join(sentences)


class ExtractiveEngine(Engine):
    name = "extractive"
    description = "no model: selects and shortens source sentences (deterministic, instant)"

    def write(self, run: Run, outline: Outline, progress: ProgressCallback | None = None) -> Draft:
        w = _Writer()
        lead, points = outline.lead, outline.points

        headline = w.claim("headline", compress_headline(lead.text, HEADLINE_MAX), [lead])
        summary = [w.claim(f"summary[{i}]", f.text, [f]) for i, f in enumerate([lead, *points])]
        meta = self._meta_description(w, outline)

        sections = []
        for i, part in enumerate(outline.sections):
            question = w.no_claim(f"sections[{i}].question", part.question)
            sections.append(Section(question=question, answer=w.paragraph(f"sections[{i}].answer", part.facts)))

        faq = []
        for i, part in enumerate(outline.faq):
            question = w.no_claim(f"faq[{i}].question", part.question)
            faq.append(Section(question=question, answer=w.paragraph(f"faq[{i}].answer", part.facts)))

        takeaways = []
        used_labels: set[str] = set()
        for fact in [lead, *points, *outline.body][:8]:
            if len(takeaways) == 5:
                break
            label = "Main news" if fact is lead else facet_of(fact).label
            if label in used_labels:
                continue
            used_labels.add(label)
            i = len(takeaways)
            w.no_claim(f"takeaways[{i}].label", label)
            text = w.claim(f"takeaways[{i}].text", ensure_period(main_clause(fact.text, 160)), [fact])
            takeaways.append(Takeaway(label=label, text=text))
        # Fewer than three kinds of fact: label the rest by their place in the story.
        for fact in [*points, *outline.body]:
            if len(takeaways) >= 3:
                break
            if any(t.text == ensure_period(main_clause(fact.text, 160)) for t in takeaways):
                continue
            i = len(takeaways)
            label = w.no_claim(f"takeaways[{i}].label", "Details" if "Details" not in used_labels else "Background")
            used_labels.add(label)
            text = w.claim(f"takeaways[{i}].text", ensure_period(main_clause(fact.text, 160)), [fact])
            takeaways.append(Takeaway(label=label, text=text))

        conclusion = self._conclusion(w, outline)
        body = self._body(w, outline)
        if progress:
            progress("written", {"parts": 8})
        return Draft(
            headline=headline,
            meta_description=meta,
            summary=summary,
            sections=sections,
            faq=faq,
            takeaways=takeaways,
            conclusion=conclusion,
            body=body,
            evidence=w.evidence,
        )

    @staticmethod
    def _meta_description(w: _Writer, outline: Outline) -> str:
        """120-156 characters, holding the keyphrase, ending on a sentence boundary."""
        kp = outline.keyphrase.lower()
        candidates: list[tuple[str, list[Fact]]] = []
        for fact in [outline.lead, *outline.points]:
            full = ensure_period(fact.text)
            if len(full) <= META_MAX:
                candidates.append((full, [fact]))
            short = shorten(fact.text, META_MAX - 1)
            if short:
                candidates.append((ensure_period(short), [fact]))
        # Prefer sentences that hold the keyphrase, then the lead, then the longest that fits.
        candidates.sort(key=lambda c: (kp not in c[0].lower(), c[1][0] is not outline.lead, -len(c[0])))
        first, facts = candidates[0] if candidates else (ensure_period(compress_headline(outline.lead.text, META_MAX - 1)), [outline.lead])
        sentences: list[tuple[str, list[Fact] | None]] = [(first, facts)]
        if kp not in first.lower():
            sentences.append((f"Key facts on {outline.keyphrase}.", None))
        length = len(" ".join(s for s, _ in sentences))
        if length < META_MIN:
            for extra, extra_facts in candidates[1:]:
                if extra_facts[0] not in facts and META_MIN <= length + 1 + len(extra) <= META_MAX:
                    sentences.append((extra, extra_facts))
                    break
            else:
                for benefit in _BENEFITS:
                    if length + 1 + len(benefit) <= META_MAX:
                        sentences.append((benefit, None))
                        if length + 1 + len(benefit) >= META_MIN:
                            break
                        length += 1 + len(benefit)
        for sentence, sentence_facts in sentences:
            if sentence_facts is None:
                w.no_claim("meta_description", sentence)
            else:
                w.claim("meta_description", sentence, sentence_facts)
        return " ".join(s for s, _ in sentences)

    @staticmethod
    def _conclusion(w: _Writer, outline: Outline) -> str:
        """One paragraph: the news in its shortest form, then what follows from it (≤ 120 words)."""
        chosen = [outline.lead]
        forward = [f for f in outline.points if facet_of(f).name == "next"]
        for fact in forward + list(reversed(outline.points)):
            words = sum(len(main_clause(f.text).split()) for f in chosen)
            if words >= 50:
                break
            if fact not in chosen and words + len(main_clause(fact.text).split()) <= 120:
                chosen.append(fact)
        return w.paragraph("conclusion", chosen, shorten_long=True)

    @staticmethod
    def _body(w: _Writer, outline: Outline) -> list[str]:
        """Inverted pyramid: the lead alone, then the rest in order, at most 8 paragraphs."""
        facts = outline.body
        rest = facts[1:]
        paragraphs = [[facts[0]]]
        if rest:
            per_paragraph = max(1, -(-len(rest) // 7))
            per_paragraph = min(per_paragraph, 4)
            for i in range(0, len(rest), per_paragraph):
                if len(paragraphs) == 8:
                    break
                paragraphs.append(rest[i : i + per_paragraph])
        return [w.paragraph(f"body[{i}]", group) for i, group in enumerate(paragraphs)]
