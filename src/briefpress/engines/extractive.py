"""The extractive engine: no model, deterministic, grounded by construction.

Every factual sentence it writes is a source sentence, selected or shortened by deletion
(``compress``); every other sentence is a question or heading from the plan's templates. So it
cannot add a number, name, quote or attribution, and the evidence map is exact.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..models import Evidence, Fact, Run, Section, Takeaway
from ..plan import _TIME, FACETS, Outline, facet_of
from ..rewrite.compress import headline as compress_headline
from ..rewrite.compress import main_clause, prefixes, shorten, variants
from ..rewrite.whole import fragment_reason
from ..spec import (
    BODY_MAX,
    CONCLUSION_MAX_WORDS,
    FAQ_MAX_SENTENCES,
    FAQ_MAX_WORDS,
    FAQ_MIN,
    HEADLINE_MAX,
    META_KEYPHRASE_POINTER,
    META_MAX,
    META_MIN,
    META_POINTERS,
    TAKEAWAY_BACKGROUND_LABEL,
    TAKEAWAY_DETAILS_LABEL,
    TAKEAWAY_LEAD_LABEL,
    TAKEAWAY_MAX_WORDS,
    TAKEAWAYS_MAX,
    TAKEAWAYS_MIN,
)
from ..text import ensure_period
from .base import Draft, Engine, ProgressCallback

Mix = list[tuple[str, Fact | None]]  # meta description sentences; None marks a pointer to the story
# An FAQ answer is padded with the story's next facts up to this many words (no more than two
# sentences, 60 words): a one-clause answer reads as a fragment of the page, not an answer.
FAQ_FULL_WORDS = 30
CONCLUSION_FULL_WORDS = 50


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
        headline = self._headline(w, outline)
        summary = [w.claim(f"summary[{i}]", f.text, [f]) for i, f in enumerate([outline.lead, *outline.points])]
        meta = self._meta_description(w, outline)
        sections = self._sections(w, outline)
        faq = self._faq(w, outline, sections)
        takeaways = self._takeaways(w, outline)
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
    def _headline(w: _Writer, outline: Outline) -> str:
        """The brief's own title is the editor's headline; use it when it fits."""
        title = outline.title
        if title is not None and len(title.text.strip()) <= HEADLINE_MAX:
            return w.claim("headline", title.text.strip(), [title])
        return w.claim("headline", compress_headline(outline.lead.text, HEADLINE_MAX), [outline.lead])

    @staticmethod
    def _sections(w: _Writer, outline: Outline) -> list[Section]:
        sections = []
        for i, part in enumerate(outline.sections):
            question = w.no_claim(f"sections[{i}].question", part.question)
            sections.append(Section(question=question, answer=w.paragraph(f"sections[{i}].answer", part.facts)))
        return sections

    @classmethod
    def _faq(cls, w: _Writer, outline: Outline, sections: list[Section]) -> list[Section]:
        faq: list[Section] = []
        section_answers = {s.answer for s in sections}
        spare = len(outline.faq) - FAQ_MIN  # stock questions that may go
        for part in outline.faq:
            sentences = cls._faq_answer(part.facts, outline, section_answers, when=part.label == "When")
            if spare > 0 and not answers_its_question(part.label, " ".join(t for t, _ in sentences)):
                spare -= 1
                continue
            i = len(faq)
            question = w.no_claim(f"faq[{i}].question", part.question)
            answer = " ".join(w.claim(f"faq[{i}].answer", text, [fact]) for text, fact in sentences)
            section_answers.add(answer)  # no two FAQ answers alike either
            faq.append(Section(question=question, answer=answer))
        return faq

    @staticmethod
    def _takeaways(w: _Writer, outline: Outline) -> list[Takeaway]:
        """One per kind of fact; fewer than three kinds: the rest labelled by their place in the
        story, the shortest first (a takeaway is one point at a glance; a long one is cut, or stays
        long where it ends on its source)."""
        lead, points = outline.lead, outline.points
        takeaways: list[Takeaway] = []
        used_labels: set[str] = set()

        def add(label: str, fact: Fact) -> None:
            i = len(takeaways)
            w.no_claim(f"takeaways[{i}].label", label)
            used_labels.add(label)
            text = w.claim(f"takeaways[{i}].text", takeaway_form(fact.text), [fact])
            takeaways.append(Takeaway(label=label, text=text))

        for fact in [lead, *points, *outline.body][:8]:
            if len(takeaways) == TAKEAWAYS_MAX:
                break
            label = TAKEAWAY_LEAD_LABEL if fact is lead else facet_of(fact).label
            # A fact with no whole form of 25 words is no takeaway, save where too few are left.
            short = fact is lead or len(takeaway_form(fact.text).split()) <= TAKEAWAY_MAX_WORDS
            if label not in used_labels and short:
                add(label, fact)
        for fact in sorted([*points, *outline.body], key=lambda f: len(takeaway_form(f.text).split())):  # stable
            if len(takeaways) >= TAKEAWAYS_MIN:
                break
            if any(t.text == takeaway_form(fact.text) for t in takeaways):
                continue
            details = TAKEAWAY_DETAILS_LABEL not in used_labels
            add(TAKEAWAY_DETAILS_LABEL if details else TAKEAWAY_BACKGROUND_LABEL, fact)
        return takeaways

    @staticmethod
    def _faq_answer(
        facts: list[Fact], outline: Outline, section_answers: set[str], when: bool = False
    ) -> list[tuple[str, Fact]]:
        """An answer that stands alone (30-90 words where the facts allow) and does not repeat a
        section answer word for word: its facts shortened by deletion, then, when short, the next
        facts of the brief that it does not hold yet."""
        answer = _faq_core(facts, section_answers, when)
        # Pad with the facts that follow in the story, the lead last: it opens most answers already.
        story = list({f.id: f for f in [*outline.points, *outline.body] if f is not outline.lead}.values())
        held = {f.id for _, f in answer}
        last = max((i for i, f in enumerate(story) if f.id in held), default=-1)
        for fact in [*story[last + 1 :], *story[: last + 1], outline.lead]:
            copy = " ".join(t for t, _ in answer) in section_answers
            if not copy and (_words_in(answer) >= FAQ_FULL_WORDS or len(answer) >= FAQ_MAX_SENTENCES):
                break
            if any(f.id == fact.id for _, f in answer):
                continue
            if len(answer) >= FAQ_MAX_SENTENCES:
                answer = answer[:1]  # two sentences that are a section's answer: another second one
            extra = ensure_period(main_clause(fact.text))
            if extra.endswith("?"):
                continue  # in the text layout a line ending on "?" reads as a heading
            if _words_in(answer) + len(extra.split()) <= FAQ_MAX_WORDS:
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
        options = _meta_options(outline)
        fillers = list(META_POINTERS)
        if not any(outline.keyphrase.lower() in sentence.lower() for sentence, _ in options):
            # A keyphrase no fact holds as written (one the user gave): a pointer names it.
            fillers.append(META_KEYPHRASE_POINTER.format(keyphrase=outline.keyphrase))
        kp = outline.keyphrase.lower()
        fitting = (mix for mix in _meta_mixes(options, fillers) if len(_joined(mix)) <= META_MAX)
        # No mix fits where the facts are one run-on string far over the size: a reader benefit
        # alone then, short and claiming nothing, rather than no description.
        best = max(fitting, key=lambda mix: _meta_rank(mix, kp, outline.lead, fillers), default=None) \
            or [(META_POINTERS[0], None)]
        for sentence, source in best:
            if source is None:
                w.no_claim("meta_description", sentence)
            else:
                w.claim("meta_description", sentence, [source])
        return _joined(best)

    @staticmethod
    def _conclusion(w: _Writer, outline: Outline) -> str:
        """One paragraph: the news in its shortest form, then what follows from it (≤ 80 words)."""
        chosen = [outline.lead]
        forward = [f for f in outline.points if facet_of(f).name == "next"]
        for fact in forward + list(reversed(outline.points)):
            words = sum(len(main_clause(f.text).split()) for f in chosen)
            if words >= CONCLUSION_FULL_WORDS:
                break
            if fact not in chosen and words + len(main_clause(fact.text).split()) <= CONCLUSION_MAX_WORDS:
                chosen.append(fact)
        return w.paragraph("conclusion", chosen, shorten_long=True)

    @staticmethod
    def _body(w: _Writer, outline: Outline) -> list[str]:
        """Inverted pyramid: the lead alone, then every other fact once, in order, in at most 8
        paragraphs; a paragraph never ends on a question (in the text layout that line would read
        as a heading)."""
        facts = outline.body
        rest = facts[1:]
        groups = [[facts[0]]]
        per_paragraph = max(1, -(-len(rest) // (BODY_MAX - 1)))
        groups += [rest[i : i + per_paragraph] for i in range(0, len(rest), per_paragraph)]
        merged: list[list[Fact]] = []
        for group in groups:
            if merged and merged[-1][-1].text.rstrip().endswith("?"):
                merged[-1].extend(group)
            else:
                merged.append(list(group))
        return [w.paragraph(f"body[{i}]", group) for i, group in enumerate(merged)]


def answers_its_question(label: str, answer: str) -> bool:
    """A stock question stays only where its answer holds what it asks for: a figure for the
    figures, a coming event for what happens next, a speaker for who said what."""
    facet = next((f for f in FACETS if f.label == label), None)
    return facet is None or facet.name == "reaction" or bool(facet.cues.search(answer))


def takeaway_form(text: str) -> str:
    """A takeaway: the fullest whole form of the sentence within 25 words, else its main clause."""
    forms = [ensure_period(c) for v in variants(text) for c in prefixes(v)]
    fitting = [f for f in forms if len(f.split()) <= TAKEAWAY_MAX_WORDS and fragment_reason(f) is None]
    return max(fitting, key=len) if fitting else ensure_period(main_clause(text, 160))


def _words_in(sentences: list[tuple[str, Fact]]) -> int:
    return sum(len(t.split()) for t, _ in sentences)


def _faq_core(facts: list[Fact], section_answers: set[str], when: bool) -> list[tuple[str, Fact]]:
    """The answer's own facts: whole; for a "when" question, the shortest deletion of the first
    that still says when; shortened by deletion where whole they repeat a section answer."""
    full = [(ensure_period(f.text), f) for f in facts]
    answer = full
    if when:
        timed = [ensure_period(c) for v in variants(facts[0].text) for c in prefixes(v) if _TIME.search(c)]
        if timed:
            answer = [(min(timed, key=len), facts[0])]
    if " ".join(t for t, _ in full) in section_answers:
        short = [(ensure_period(shorten(f.text, int(len(f.text) * 0.8)) or f.text), f) for f in facts]
        if " ".join(t for t, _ in short) not in section_answers:
            answer = short
    return answer


def _meta_options(outline: Outline) -> list[tuple[str, Fact]]:
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


def _meta_mixes(options: list[tuple[str, Fact]], fillers: list[str]) -> Iterator[Mix]:
    """Each option alone or with a second from another fact, each of those with or without a
    filler after it."""
    for first, first_fact in options:
        mixes: list[Mix] = [[(first, first_fact)]]
        mixes += [[(first, first_fact), (second, f)] for second, f in options if f is not first_fact]
        for mix in list(mixes):
            mixes += [[*mix, (filler, None)] for filler in fillers]
        yield from mixes


def _joined(mix: Mix) -> str:
    return " ".join(s for s, _ in mix)


def _meta_rank(mix: Mix, kp: str, lead: Fact, fillers: list[str]) -> tuple[object, ...]:
    """How good a mix is, best highest."""
    text = _joined(mix)
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
