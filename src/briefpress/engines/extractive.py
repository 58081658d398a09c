"""The extractive engine: no model, deterministic, grounded by construction.

Every factual sentence it writes is a source sentence, selected or shortened by deletion
(``compress``); every other sentence is a question or heading from the plan's templates. So it
cannot add a number, name, quote or attribution, and the evidence map is exact.
"""

from __future__ import annotations

import re

from ..edit import part_order
from ..models import Fact, Run, Section, Takeaway
from ..plan import _TIME, Outline, Part, answering, facet_of
from ..plan.labels import takeaway_label
from ..rewrite.compress import headline as compress_headline
from ..rewrite.forms import condensed_forms
from ..rewrite.headline import news_headline
from ..rewrite.quotes import quote_pieces, quotes_sentences, speakerless
from ..rewrite.refer import asked_context, dangling, orphan_reason
from ..seo.readability_checks import is_passive
from ..spec import (
    BODY_MAX,
    CONCLUSION_MAX_WORDS,
    FAQ_MAX_SENTENCES,
    FAQ_MAX_WORDS,
    FAQ_MIN,
    HEADLINE_MAX,
    MAIN_NEWS_LABEL,
    META_KEYPHRASE_POINTER,
    META_MAX,
    META_POINTERS,
    PARAGRAPH_SENTENCES,
    TAKEAWAY_BACKGROUND_LABEL,
    TAKEAWAY_DETAILS_LABEL,
    TAKEAWAY_LEAD_LABEL,
    TAKEAWAY_MAX_WORDS,
    TAKEAWAYS_MAX,
    TAKEAWAYS_MIN,
)
from ..text import ensure_period
from .base import Draft, Engine, ProgressCallback
from .meta_mix import joined, meta_mixes, meta_options, meta_rank, spent_forms
from .writer import CONDENSED_WORDS, Writer

SECTION_STORY_FACTS = 3  # a section's facts where the body tells a whole story after it
STORY_SLACK = 2  # facts beyond the brief's before the body counts as a story
FAQ_THIN_WORDS = 12  # an answer this short takes its question's second fact as well
RESTATED_WORDS = 15  # a conclusion that restates the news: a short sentence's size


class ExtractiveEngine(Engine):
    name = "extractive"
    description = "no model: selects and shortens source sentences (deterministic, instant)"

    def write(self, run: Run, outline: Outline, progress: ProgressCallback | None = None) -> Draft:
        w = Writer(outline.named)
        headline = self._headline(w, outline)
        summary = [w.claim(f"summary[{i}]", f.text, [f]) for i, f in enumerate(outline.summary_facts)]
        w.pieces = {outline.body[i].id for i in quote_pieces([f.text for f in outline.body])}
        # The body tells every fact whole, so it is written first: each other part then tells its
        # facts in a form the body has not (FORMAT.md, "Telling each fact once").
        body = self._body(w, outline)
        meta = self._meta_description(w, outline)
        sections = self._sections(w, outline)
        faq = self._faq(w, outline, {s.answer for s in sections})
        # A story's conclusion (what comes next) is its own: no takeaway tells it before, as a
        # story has facts enough for both (a brief's takeaways would fall back on copies).
        forward = outline.forward
        takeaways = self._takeaways(w, outline, {forward.id} if forward and _tells_story(outline) else set())
        conclusion = self._conclusion(w, outline, forward)
        w.evidence.sort(key=lambda e: part_order(e.part))
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
    def _headline(w: Writer, outline: Outline) -> str:
        """The brief's own title is the editor's headline; use it when it fits. Else the news as a
        whole clause, of the lead or of a key point naming the keyphrase (the planner drew it from
        the lead's headline, ``compress.headline``), citing the fact it tells."""
        title = outline.title
        if title is not None and len(title.text.strip()) <= HEADLINE_MAX:
            return w.claim("headline", title.text.strip(), [title])
        facts = outline.summary_facts
        news = news_headline([f.text for f in facts], HEADLINE_MAX, outline.keyphrase)
        if news:
            return w.claim("headline", news[0], [facts[news[1]]])
        return w.claim("headline", compress_headline(outline.lead.text, HEADLINE_MAX), [outline.lead])

    @staticmethod
    def _sections(w: Writer, outline: Outline) -> list[Section]:
        """Each question answered by its facts, in the fullest form the body has not told. Where the
        body tells a whole story, a section answers in brief (its first facts, condensed): the
        story follows in full."""
        story = _tells_story(outline)
        sections = []
        said: set[str] = set()  # a brief that opens with the story's own sentences holds each twice
        for i, part in enumerate(outline.sections):
            question = w.no_claim(f"sections[{i}].question", part.question)
            path = f"sections[{i}].answer"
            facts: list[Fact] = []
            for fact in part.facts:
                if w.alone(fact) and fact.text.strip() not in said and outline.reads_after(fact, facts):
                    facts.append(fact)
                    said.add(fact.text.strip())
            facts = facts or part.facts[:1]
            if story:  # the body tells each fact whole: past the fact asked of, no long sentence told again
                facts = [f for i, f in enumerate(facts) if i == 0 or w.fresh(f) or _short(w.condensed(f))]
                facts = facts[:SECTION_STORY_FACTS]
            told = [(w.condensed(f, after=before) if story else w.retold(f, before), f)
                    for before, f in zip([None, *facts], facts, strict=False)]
            answer = " ".join(w.claim(path, text, [fact]) for text, fact in told)
            sections.append(Section(question=question, answer=answer))
        return sections

    @staticmethod
    def _faq(w: Writer, outline: Outline, sections: set[str]) -> list[Section]:
        """A pair per two facts of the story (at least two): on a thin brief every further answer retells
        a fact the reader has just read. The questions kept are, in order: those answered with what they
        ask for, by an answer that stands alone after its question, with a form of the facts not read yet,
        naming the keyphrase, asking other than "what is the main news", in the active voice."""
        most = max(FAQ_MIN, len(outline.body) - 1)
        kp = outline.keyphrase.lower()
        ranked = []
        for n, part in enumerate(outline.faq):
            asked = asked_context(part.question)  # "she" needs someone named in the question
            sentences = _faq_answer(w, part, asked)
            if " ".join(t for t, _ in sentences) in sections:  # never a section's answer: with a second fact
                sentences = _faq_answer(w, part, asked, thin=FAQ_MAX_WORDS)
            if " ".join(t for t, _ in sentences) in sections and sentences:  # else the fact whole
                first = sentences[0][1]
                sentences = [(ensure_period(first.text), first)]
            if sentences and " ".join(t for t, _ in sentences) not in sections:
                texts = [t for t, _ in sentences]
                orphan = any(orphan_reason(t, [*asked, *texts[:i]]) for i, t in enumerate(texts))
                # The main news has been told in every part above: its stock question comes last
                # but for one that names the subject, which search engines read headings for.
                ranked.append(((not answering.answers(part.question, texts), orphan,
                                all(t in w.told for t in texts), kp not in part.question.lower(),
                                part.label == MAIN_NEWS_LABEL, any(is_passive(t) for t in texts), n), sentences))
        chosen: dict[int, list[tuple[str, Fact]]] = {}
        for rank, sentences in sorted(ranked, key=lambda r: r[0]):
            said = {t for answer in chosen.values() for t, _ in answer}
            if len(chosen) < most and not any(t in said for t, _ in sentences):  # no two answers alike
                chosen[rank[-1]] = sentences
        faq: list[Section] = []
        for n in sorted(chosen):
            i = len(faq)
            question = w.no_claim(f"faq[{i}].question", outline.faq[n].question)
            answer = " ".join(w.claim(f"faq[{i}].answer", text, [fact]) for text, fact in chosen[n])
            faq.append(Section(question=question, answer=answer))
        return faq

    @staticmethod
    def _takeaways(w: Writer, outline: Outline, reserved: set[str]) -> list[Takeaway]:
        """One per kind of fact, each in a form no part has told where it has one (the lead too: the
        reader has met it in most parts by now); fewer than three: the rest labelled by their place
        in the story, the shortest first (a takeaway is one point at a glance, at most 25 words)."""
        lead, points = outline.lead, outline.points
        # A story's lead is the last resort: its body, meta description and conclusion tell it.
        story = _tells_story(outline)
        others = list({f.id: f for f in [*points, *outline.body] if f is not lead}.values())
        first = others if story else [lead, *points, *outline.body]
        takeaways: list[Takeaway] = []
        told_facts: list[Fact] = []
        used_labels: set[str] = set()
        used_facts: set[str] = set(reserved)

        def add(label: str, fact: Fact) -> None:
            i = len(takeaways)
            used_labels.add(label)
            condensed = w.condensed(fact)
            taken = [t.label for t in takeaways]
            whole = takeaway_label(fact.text, taken, label, outline.keyphrase)
            # The label names what the bullet tells: a condensed form may leave out what the whole
            # fact's label promises ("Strain:" over a form without "put a strain on ties").
            shown = all(word in condensed.lower() for word in whole.lower().split())
            label = whole if shown else takeaway_label(condensed, taken, label, outline.keyphrase)
            w.no_claim(f"takeaways[{i}].label", label)
            used_facts.add(fact.id)
            text = w.claim(f"takeaways[{i}].text", condensed, [fact])
            takeaways.append(Takeaway(label=label, text=text))
            told_facts.append(fact)

        for fact in first[:8]:
            if len(takeaways) == TAKEAWAYS_MAX:
                break
            label = TAKEAWAY_LEAD_LABEL if fact is lead else facet_of(fact).label
            # A fact with no whole form of 25 words is no takeaway, save where too few are left.
            told = w.fresh(fact) is None  # every short form of it read already (the lead too)
            alone = not dangling(w.condensed(fact))  # a bullet is read on its own
            if label not in used_labels and fact.id not in used_facts and _fits_takeaway(fact) and not told and alone \
                    and w.alone(fact):
                add(label, fact)
        def rank(fact: Fact) -> tuple[bool, bool, bool, bool, int]:
            text = w.condensed(fact)
            return (len(text.split()) > TAKEAWAY_MAX_WORDS, bool(dangling(text)), text in w.told,
                    is_passive(text), len(text))

        # The rest: those within the size, then those that read alone, then those not read in that
        # form yet, active before passive, shortest first (stable).
        for fact in [*sorted(others, key=rank), lead] if story else sorted([*points, *outline.body], key=rank):
            if len(takeaways) >= TAKEAWAYS_MIN:
                break
            if fact.id in used_facts or fact.text.rstrip().endswith("?") or not w.alone(fact):
                continue
            details = TAKEAWAY_DETAILS_LABEL not in used_labels
            label = TAKEAWAY_DETAILS_LABEL if details else TAKEAWAY_BACKGROUND_LABEL
            add(TAKEAWAY_LEAD_LABEL if fact is lead and TAKEAWAY_LEAD_LABEL not in used_labels else label, fact)
        return _in_story_order(w, takeaways, told_facts, [lead, *points, *outline.body])

    @staticmethod
    def _meta_description(w: Writer, outline: Outline) -> str:
        """120-156 characters, holding the keyphrase, ending on a sentence boundary.

        Built from deletion-only versions of the lead and key points and their whole condensed
        forms, one or two of them, topped up with a reader benefit (a sentence that makes no
        claim) only when no second fact fits without repeating a sentence. The best mix fits the
        size, holds the keyphrase in a factual sentence, uses the lead, needs the fewest added
        words and the fewest sentences.
        """
        options = meta_options(outline, condensed_forms)
        fillers = list(META_POINTERS)
        if not any(outline.keyphrase.lower() in sentence.lower() for sentence, _ in options):
            # A keyphrase no fact holds as written (one the user gave): a pointer names it.
            fillers.append(META_KEYPHRASE_POINTER.format(keyphrase=outline.topic or outline.keyphrase))
        kp = outline.keyphrase.lower()
        fitting = (mix for mix in meta_mixes(options, fillers) if len(joined(mix)) <= META_MAX)
        spent = spent_forms(condensed_forms, w.told)
        # No mix fits where the facts are one run-on string far over the size: a reader benefit
        # alone then, short and claiming nothing, rather than no description.
        best = max(fitting, key=lambda mix: meta_rank(mix, kp, outline.lead, fillers, spent), default=None) \
            or [(META_POINTERS[0], None)]
        for sentence, source in best:
            if source is None:
                w.no_claim("meta_description", sentence)
            else:
                w.claim("meta_description", sentence, [source])
        return joined(best)

    @staticmethod
    def _conclusion(w: Writer, outline: Outline, forward: Fact | None) -> str:
        """What happens next where the facts say (``forward``), else the news condensed (at most
        80 words)."""
        # The news itself has been told in every part before; the conclusion restates it only
        # where no fact says what comes next.
        if forward is not None:
            return w.claim("conclusion", w.condensed(forward, CONCLUSION_MAX_WORDS), [forward])
        # Restated, the news is told short: its fullest cut within a short sentence's size, not the
        # lead again with a clause less (a blind review read the lead five to seven times).
        return w.claim("conclusion", w.condensed(outline.lead, RESTATED_WORDS), [outline.lead])

    @staticmethod
    def _body(w: Writer, outline: Outline) -> list[str]:
        """Inverted pyramid: the lead alone, then every other fact once, in order, in up to 8
        paragraphs of one to three sentences (more paragraphs where a story needs them); a
        quotation over several sentences is a paragraph of its own, so that one speaker's words
        never run into another's, and a quote naming no speaker stays with the sentence before
        (which names the speaker); a paragraph never ends on a question (in the text layout that
        line would read as a heading)."""
        facts = outline.body
        rest = facts[1:]
        groups = [[facts[0]]]
        per_paragraph = min(PARAGRAPH_SENTENCES, max(1, -(-len(rest) // (BODY_MAX - 1))))
        for fact in rest:
            last = groups[-1]
            # A quote that names no speaker goes on from the sentence before, which names them.
            if speakerless(fact.text):
                last.append(fact)
            elif len(groups) == 1 or len(last) >= per_paragraph or quotes_sentences(fact.text) \
                    or quotes_sentences(last[-1].text):
                groups.append([fact])
            else:
                last.append(fact)
        merged: list[list[Fact]] = []
        for group in groups:
            if merged and merged[-1][-1].text.rstrip().endswith("?"):
                merged[-1].extend(group)
            else:
                merged.append(list(group))
        return [w.paragraph(f"body[{i}]", group) for i, group in enumerate(merged)]


_TAKEAWAY_PART = re.compile(r"takeaways\[(\d+)\]")


def _in_story_order(w: Writer, takeaways: list[Takeaway], facts: list[Fact], story: list[Fact]) -> list[Takeaway]:
    """The takeaways in the order the story tells their facts (one added past the first pass went
    last, whatever its place: the Takaichi "Gratitude" after the market's gains), the evidence
    map renumbered with them."""
    position: dict[str, int] = {}
    for k, fact in enumerate(story):
        position.setdefault(fact.id, k)
    order = sorted(range(len(takeaways)), key=lambda k: position.get(facts[k].id, len(story)))
    new_index = {old: new for new, old in enumerate(order)}
    for e in w.evidence:
        m = _TAKEAWAY_PART.match(e.part)
        if m:
            e.part = f"takeaways[{new_index[int(m[1])]}]{e.part[m.end():]}"
    return [takeaways[k] for k in order]


def _tells_story(outline: Outline) -> bool:
    """Whether the body tells a whole story: more facts than the brief's, past a little slack."""
    return len(outline.body) > len(outline.points) + 1 + STORY_SLACK


def _short(sentence: str) -> bool:
    """Within the words where a sentence starts to read as long: a section of a story may retell a
    fact the body tells in such a sentence (read at a glance), never a long one (read twice)."""
    return len(sentence.split()) <= CONDENSED_WORDS


def _words_in(sentences: list[tuple[str, Fact]]) -> int:
    return sum(len(t.split()) for t, _ in sentences)


def _faq_answer(w: Writer, part: Part, asked: list[str], thin: int = FAQ_THIN_WORDS) -> list[tuple[str, Fact]]:
    """One or two sentences that stand alone after ``asked`` (the question, where it names something):
    the first fact condensed (for a "when" question, its shortest whole cut that still says when), the
    second only where the first is under ``thin`` words. A fact that is itself a question answers nothing."""
    facts = [f for f in part.facts if not f.text.rstrip().endswith("?") and w.alone(f)]
    if not facts:
        return []
    first = facts[0]

    def answers(form: str) -> bool:  # keeps what a stock question asks for (a figure), what another asks of
        return answering.answers(part.question, [form], [f.text for f in part.facts])

    if part.label == "When":
        timed = [form for form in condensed_forms(first.text) if _TIME.search(form) and form not in w.told]
        if timed:
            return [(min(timed, key=len), first)]
    # The first fact not read in this form yet, one that reads alone after the question first; else the first.
    fresh = [f for f in facts if w.fresh(f, keep=answers)] or [first]
    first = min(fresh, key=lambda f: bool(orphan_reason(w.condensed(f, keep=answers), asked)))
    answer = [(w.condensed(first, keep=answers), first)]
    for fact in facts:
        extra = w.fresh(fact)
        if fact is first or extra is None or len(answer) == FAQ_MAX_SENTENCES \
                or orphan_reason(extra, [*asked, *(t for t, _ in answer)]):
            continue
        if _words_in(answer) < thin and _words_in(answer) + len(extra.split()) <= FAQ_MAX_WORDS:
            answer.append((extra, fact))
    return answer


def _fits_takeaway(fact: Fact) -> bool:
    return any(len(form.split()) <= TAKEAWAY_MAX_WORDS for form in condensed_forms(fact.text))
