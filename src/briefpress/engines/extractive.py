"""The extractive engine: no model, deterministic, grounded by construction.

Every factual sentence it writes is a source sentence, selected or shortened by deletion
(``compress``); every other sentence is a question or heading from the plan's templates. So it
cannot add a number, name, quote or attribution, and the evidence map is exact.
"""

from __future__ import annotations

from ..rewrite.compress import headline as compress_headline
from ..rewrite.compress import main_clause, prefixes, shorten, variants
from ..models import Evidence, Fact, Run, Section, Takeaway
from ..plan import _TIME, Outline, facet_of
from ..text import ensure_period
from .base import Draft, Engine, ProgressCallback

META_MIN, META_MAX = 120, 156
HEADLINE_MAX = 70
FAQ_MIN_WORDS, FAQ_MAX_WORDS = 30, 90
# Reader benefits for the meta description; they make no factual claim.
_BENEFITS = (
    "Here are the key facts.",
    "Read the full story.",
    "Here is what we know so far.",
    "Read the key facts and what happens next.",
)


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

        # The brief's own title is the editor's headline; use it when it fits.
        title = outline.title
        if title is not None and len(title.text.strip()) <= HEADLINE_MAX:
            headline = w.claim("headline", title.text.strip(), [title])
        else:
            headline = w.claim("headline", compress_headline(lead.text, HEADLINE_MAX), [lead])
        summary = [w.claim(f"summary[{i}]", f.text, [f]) for i, f in enumerate([lead, *points])]
        meta = self._meta_description(w, outline)

        sections = []
        for i, part in enumerate(outline.sections):
            question = w.no_claim(f"sections[{i}].question", part.question)
            sections.append(Section(question=question, answer=w.paragraph(f"sections[{i}].answer", part.facts)))

        faq = []
        section_answers = {s.answer for s in sections}
        for i, part in enumerate(outline.faq):
            question = w.no_claim(f"faq[{i}].question", part.question)
            sentences = self._faq_answer(part.facts, outline, section_answers, when=part.label == "When")
            answer = " ".join(w.claim(f"faq[{i}].answer", text, [fact]) for text, fact in sentences)
            section_answers.add(answer)  # no two FAQ answers alike either
            faq.append(Section(question=question, answer=answer))

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
        # Fewer than three kinds of fact: label the rest by their place in the story, the shortest
        # first (a takeaway is one point at a glance; a long one is cut, or stays long where it
        # ends on its source).
        for fact in sorted([*points, *outline.body], key=lambda f: len(main_clause(f.text, 160).split())):  # stable
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
    def _faq_answer(
        facts: list[Fact], outline: Outline, section_answers: set[str], when: bool = False
    ) -> list[tuple[str, Fact]]:
        """An answer that stands alone (30-90 words where the facts allow) and does not repeat a
        section answer word for word: its facts shortened by deletion, then, when short, the next
        facts of the brief that it does not hold yet."""

        def words_in(sentences: list[tuple[str, Fact]]) -> int:
            return sum(len(t.split()) for t, _ in sentences)

        full = [(ensure_period(f.text), f) for f in facts]
        answer = full
        if when:  # the shortest deletion of the sentence that still says when
            timed = [ensure_period(c) for v in variants(facts[0].text) for c in prefixes(v) if _TIME.search(c)]
            if timed:
                answer = [(min(timed, key=len), facts[0])]
        if " ".join(t for t, _ in full) in section_answers:
            short = [(ensure_period(shorten(f.text, int(len(f.text) * 0.8)) or f.text), f) for f in facts]
            if " ".join(t for t, _ in short) not in section_answers:
                answer = short
        # Pad with the facts that follow in the story, the lead last: it opens most answers already.
        story = list({f.id: f for f in [*outline.points, *outline.body] if f is not outline.lead}.values())
        held = {f.id for _, f in answer}
        last = max((i for i, f in enumerate(story) if f.id in held), default=-1)
        for fact in [*story[last + 1 :], *story[: last + 1], outline.lead]:
            if words_in(answer) >= FAQ_MIN_WORDS and " ".join(t for t, _ in answer) not in section_answers:
                break
            if any(f.id == fact.id for _, f in answer):
                continue
            extra = ensure_period(main_clause(fact.text))
            if words_in(answer) + len(extra.split()) <= FAQ_MAX_WORDS:
                answer = [*answer, (extra, fact)]
        return answer

    @staticmethod
    def _meta_description(w: _Writer, outline: Outline) -> str:
        """120-156 characters, holding the keyphrase, ending on a sentence boundary.

        Built from deletion-only versions of the lead and key points, one or two of them, topped
        up with a reader benefit (a sentence that makes no claim) when the facts fall short. The
        best mix fits the size, holds the keyphrase in a factual sentence, uses the lead, needs
        the fewest added words and the fewest sentences.
        """
        kp = outline.keyphrase.lower()
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
        fillers = [*_BENEFITS, f"Key facts on {outline.keyphrase}."]

        best: tuple[tuple[object, ...], list[tuple[str, Fact | None]]] | None = None
        for first, first_fact in options:
            mixes: list[list[tuple[str, Fact | None]]] = [[(first, first_fact)]]
            mixes += [[(first, first_fact), (second, f)] for second, f in options if f is not first_fact]
            for mix in list(mixes):
                mixes += [[*mix, (filler, None)] for filler in fillers]
            for mix in mixes:
                text = " ".join(s for s, _ in mix)
                if len(text) > META_MAX:
                    continue
                claims = " ".join(s for s, f in mix if f is not None).lower()
                key = (
                    META_MIN <= len(text),
                    kp in claims,
                    kp in text.lower(),
                    mix[0][1] is outline.lead,
                    -sum(1 for _, f in mix if f is None),
                    -len(mix),  # one whole sentence reads better than two cut ones
                    -sum(fillers.index(s) for s, f in mix if f is None),  # the plainest benefit that fits
                    len(text),
                )
                if best is None or key > best[0]:
                    best = (key, mix)
        assert best is not None
        for sentence, fact in best[1]:
            if fact is None:
                w.no_claim("meta_description", sentence)
            else:
                w.claim("meta_description", sentence, [fact])
        return " ".join(s for s, _ in best[1])

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
