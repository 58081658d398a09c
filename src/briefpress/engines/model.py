"""Writing with a language model: the flow every model-backed engine shares.

The plan's outline fixes which facts answer which question. The facts (short ids F1, F2... and
their text) and the instructions form one prompt prefix that every part reuses; each part adds one
short request. The model answers with sentences that each list the fact ids they rest on
(``output.py`` reads both forms). Every sentence is then verified against the sources and
repaired: a failing sentence is rewritten once with the reason it failed; if the rewrite fails too,
it is replaced by a grounded extractive sentence (a source sentence, shortened by deletion only)
or dropped. In strict mode (the default) no unsupported or contradicted sentence is ever kept.
A part whose output cannot be read after one retry falls back to the extractive engine's part.

A backend subclasses ``ModelEngine`` and implements ``_complete`` (one request, one answer); it may
override ``_begin`` to evaluate the shared prefix once before the parts are written.
"""

from __future__ import annotations

import json
import logging
import re
import time
from abc import abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, ClassVar

from ..rewrite.compress import main_clause, phrase_cut, prefixes, shorten, variants
from ..rewrite.compress import headline as compress_headline
from ..errors import EngineError
from ..models import Evidence, Fact, Run, Section, Takeaway
from ..plan import Outline, facet_of
from ..rewrite.prune import without_phrases
from ..text import STOPWORDS, ensure_period, words
from ..nlp import stem
from .base import Draft, Engine, ProgressCallback
from .extractive import HEADLINE_MAX, META_MAX, META_MIN, ExtractiveEngine
from .output import MalformedOutput, Sentence, is_looping, looks_cut_off, parse, strip_reasoning

log = logging.getLogger(__name__)

_BENEFITS = ("Here are the key facts.", "Here is what we know.", "Read the key facts.")
Message = dict[str, str]


@dataclass
class Completion:
    """One answer from a backend."""

    text: str
    tokens: int = 0  # generated
    prompt_tokens: int = 0  # evaluated for this request (a reused prefix is not counted)
    seconds: float = 0.0
    finish: str = "stop"  # stop | length | loop


@dataclass
class PartSpec:
    """One request: what to write, and the limits the backend enforces where it can."""

    name: str
    instruction: str
    min_sentences: int = 1
    max_sentences: int = 3
    max_tokens: int = 160
    max_chars: int | None = None  # per sentence (the headline)
    paragraphs: int = 1  # >1: a blank line between paragraphs
    final_period: bool = True
    enforce: bool = False  # a retry after unreadable output: hold the answer to the form (grammar)


@dataclass
class Stats:
    """What one ``write`` cost; benchmarks read it."""

    calls: int = 0
    generated_tokens: int = 0
    prompt_tokens: int = 0
    seconds: float = 0.0
    kept_model_sentences: list[str] = field(default_factory=list)


_LACKING = re.compile(r"the sources lack: (.+)$")
SHORTEST_TRIM = 6  # words: a repair by deletion keeps at least this many, and half the sentence


def _problem_text(verdict: Any) -> str:
    """What a failed verdict found, said to the model in the facts' terms: the words or figures
    no fact gives, not the verifier's scores."""
    parts = []
    for reason in getattr(verdict, "reasons", None) or []:
        if isinstance(reason, tuple):
            kind, text, detail = (list(reason) + ["", "", ""])[:3]
        else:
            kind, text, detail = getattr(reason, "kind", ""), getattr(reason, "text", ""), getattr(reason, "detail", "")
        if kind == "statement" and str(detail).startswith("no source describes"):
            parts.append(str(detail).split(" (")[0].replace("no source", "no fact") + "; leave that description out")
        elif kind == "statement":
            lacking = _LACKING.search(detail)
            parts.append(f"no fact says {lacking[1]}" if lacking else "the facts do not say this")
        elif kind == "contradiction":
            parts.append(f"it contradicts the facts ({str(detail).replace('the sources', 'the facts')})")
        elif kind == "cut_off":
            parts.append(str(detail))
        else:
            parts.append(str(detail).replace("no source", "no fact").replace("the sources", "the facts") or f"'{text}' is in no fact")
    return "; ".join(dict.fromkeys(parts)) or "the facts do not say this"


_NOT_NEAR = re.compile(r"not found near the name: (.+)\)$")


def _lacking_words(verdict: Any) -> list[str]:
    """The words a failed verdict says no fact gives (figures, names, words of a statement)."""
    out: list[str] = []
    for reason in getattr(verdict, "reasons", None) or []:
        if isinstance(reason, tuple):
            continue
        kind, text, detail = reason.kind, reason.text, str(reason.detail)
        lacking = _LACKING.search(detail) or _NOT_NEAR.search(detail)
        if lacking:
            out += [w.strip() for w in lacking[1].split(",")]
        elif kind in ("number", "entity"):
            out += text.split()
    return [w for w in dict.fromkeys(out) if w]


def _failed(verdict: Any) -> bool:
    return getattr(verdict, "verdict", "unsupported") in ("unsupported", "contradicted")


def _near(text: str, seen: set[str]) -> bool:
    """Said already in other words: most of its words are in one sentence of ``seen``."""
    mine = set(_norm(text).split())
    if not mine:
        return True
    for other in seen:
        theirs = set(other.split())
        if theirs and len(mine & theirs) / min(len(mine), len(theirs)) >= 0.8:
            return True
    return False


def _content_stems(text: str) -> set[str]:
    return {stem(w) for w in words(text.lower()) if w not in STOPWORDS}


def _restates(text: str, facts: Sequence[Fact], chosen: Sequence[tuple[str, Sequence[Fact]]]) -> bool:
    """Says again, in other words, what a chosen sentence says: it rests on no fact they do not,
    and most of its content words (stemmed) are in one of them ("Moderna, Inc. is reporting a
    decline in its COVID-19 vaccine revenues" after "Moderna, Inc.'s revenues from its COVID-19
    vaccines have begun an anticipated decline"). Another point of the same fact is not this."""
    covered = {f.id for _, fs in chosen for f in fs}
    if not chosen or not {f.id for f in facts} <= covered:
        return False
    mine = _content_stems(text)
    for other, _ in chosen:
        theirs = _content_stems(other)
        if mine and theirs and len(mine & theirs) / min(len(mine), len(theirs)) >= 0.6:
            return True
    return False


class _CutOff:
    """The verdict for a sentence that stops mid-way: it fails without asking the verifier."""

    verdict = "unsupported"
    reasons = [("cut_off", "", "the sentence is cut off; finish it")]


def _norm(text: str) -> str:
    return " ".join(w.lower() for w in words(text))


class ModelEngine(Engine):
    """Base of the engines that write with a language model."""

    output_format: ClassVar[str] = "lines"  # what ``_complete`` is asked for: "lines" or "json"

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.stats = Stats()

    @abstractmethod
    def _complete(self, messages: list[Message], spec: PartSpec, fact_ids: Sequence[str]) -> Completion:
        """Send one request; ``fact_ids`` are the only ids a sentence may cite."""

    def _begin(self, prefix: list[Message]) -> None:
        """Called once per article before the parts, with the messages every request starts with."""

    def write(self, run: Run, outline: Outline, progress: ProgressCallback | None = None) -> Draft:
        self.stats = Stats()
        return _ArticleWriter(self, run, outline, progress).write()

    def judge(self, statement: str, evidence: list[str]) -> float | None:
        """The verifier's judge protocol: how likely the evidence supports the statement.

        The model answers yes or no; anything else is no answer (None), and the verifier keeps its
        own verdict. The evidence sits in the system message so a backend that evaluates a shared
        prefix sizes its context for it.
        """
        numbered = "\n".join(f"[E{i}] {text}" for i, text in enumerate(evidence, start=1))
        system = (
            "You check news sentences against source text. Answer with one word: Yes if the "
            "sources state everything the sentence says, No if the sentence adds, changes or "
            "contradicts anything.\nSources:\n" + numbered
        )
        messages = [
            {"role": "system", "content": system},
            {"role": "user", "content": f"Sentence: {statement}\nDo the sources support it? Answer Yes or No."},
        ]
        spec = PartSpec(name="judge", instruction="Answer Yes or No.", max_sentences=1, max_tokens=8)
        self._begin(messages[:-1])
        answer = self._complete(messages, spec, [f"E{i}" for i in range(1, len(evidence) + 1)]).text
        found = _YES_NO.search(strip_reasoning(answer))
        if found is None:
            return None
        return JUDGE_YES if found.group(0).lower() == "yes" else JUDGE_NO


# What a bare yes or no is worth to the verifier: confident, not certain (small models err).
JUDGE_YES, JUDGE_NO = 0.85, 0.15
_YES_NO = re.compile(r"\b(?:yes|no)\b", re.IGNORECASE)


class _ArticleWriter:
    def __init__(self, engine: ModelEngine, run: Run, outline: Outline, progress: ProgressCallback | None) -> None:
        self.engine = engine
        self.run = run
        self.outline = outline
        self.progress = progress
        self.strict = run.options.strict
        self.fallback = ExtractiveEngine().write(run, outline)
        self.facts = self._prompt_facts()
        self.alias = {f"F{i}": fact for i, fact in enumerate(self.facts, start=1)}
        self.alias_of = {fact.id: a for a, fact in self.alias.items()}
        self.system = self._system_prompt()
        self.prefix = [{"role": "system", "content": self.system}, *self._demonstration()]
        self.evidence: list[Evidence] = []
        self.pool: list[tuple[str, list[Fact]]] = []  # verified model sentences, for FAQ and takeaways
        self.repairs = {"repaired": 0, "replaced": 0, "dropped": 0, "malformed": 0, "fallback_parts": 0}
        self.started = time.monotonic()
        self.done = 0
        self.total = 0
        try:
            from ..verify import check_sentences
        except ImportError as exc:
            raise EngineError(
                "model engines need the verifier (briefpress.verify), which cannot be loaded; reinstall briefpress"
            ) from exc
        self.check_sentences = check_sentences

    # -- prompt -----------------------------------------------------------------------------

    def _prompt_facts(self) -> list[Fact]:
        o = self.outline
        ordered = [o.lead, *o.points, *o.body]
        for part in [*o.sections, *o.faq]:
            ordered.extend(part.facts)
        seen: set[str] = set()
        out = []
        for fact in ordered:
            if fact.id not in seen:
                seen.add(fact.id)
                out.append(fact)
        return out

    def _system_prompt(self) -> str:
        if self.engine.output_format == "json":
            form = (
                'Answer with JSON only: {"sentences": [{"text": "...", "facts": ["F1"]}]} '
                '(for several paragraphs: {"paragraphs": [{"sentences": [...]}]}).'
            )
        else:
            form = "After every sentence, write in brackets the ids of the facts it uses, like [F1] or [F2, F3]."
        facts = "\n".join(f"{a}: {' '.join(f.text.split())}" for a, f in self.alias.items())
        return (
            "You are a news writer. Write clear, plain news prose in English using ONLY the facts below. "
            "Do not add any name, number, date, quote, place or opinion that the facts do not state. "
            "Keep names, titles and figures exactly as the facts give them. "
            "Write short sentences of at most 20 words, in the active voice where the facts name who acted.\n"
            f"{form}\n\nFacts:\n{facts}"
        )

    def _demonstration(self) -> list[Message]:
        """One worked exchange on the brief's own facts: small models copy a shown form far more
        reliably than they follow a described one. It is part of the shared, cached prefix."""
        shown = list(self.alias.items())[:2]
        lines = [(ensure_period(compress_headline(f.text, 110)), a) for a, f in shown]
        ask = "Write " + ", then ".join(f"one short sentence from {a}" for _, a in lines) + "."
        if self.engine.output_format == "json":
            answer = json.dumps({"sentences": [{"text": t, "facts": [a]} for t, a in lines]}, ensure_ascii=False)
        else:
            answer = "\n".join(f"{t} [{a}]" for t, a in lines)
        return [{"role": "user", "content": ask}, {"role": "assistant", "content": answer}]

    def _ids(self, facts: Sequence[Fact]) -> str:
        return ", ".join(self.alias_of[f.id] for f in facts if f.id in self.alias_of)

    # -- parts ------------------------------------------------------------------------------

    def write(self) -> Draft:
        o = self.outline
        specs = self._specs()
        self.total = len(specs)
        self._report("begin", None)
        self.engine._begin(self.prefix)

        # The body first: its verified sentences also answer the FAQ and make the takeaways.
        body = self._body(specs["body"])
        sections = []
        for i, part in enumerate(o.sections):
            self._copy_evidence(lambda p, i=i: p == f"sections[{i}].question")
            answer = self._paragraph(specs[f"sections[{i}].answer"], self.fallback.sections[i].answer)
            sections.append(Section(question=part.question, answer=answer))
        conclusion = self._paragraph(specs["conclusion"], self.fallback.conclusion)
        headline = self._headline(specs["headline"])
        meta = self._meta()
        summary = list(self.fallback.summary)
        self._copy_evidence(lambda p: p.startswith("summary["))
        faq = []
        for i, part in enumerate(o.faq):
            self._copy_evidence(lambda p, i=i: p == f"faq[{i}].question")
            faq.append(Section(question=part.question, answer=self._faq_answer(i, part.facts)))
        takeaways = self._takeaways()
        self.evidence.sort(key=lambda e: _part_order(e.part))
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

    def _takeaway_plan(self) -> list[tuple[str, Fact]]:
        o = self.outline
        plan: list[tuple[str, Fact]] = []
        used: set[str] = set()
        for fact in [o.lead, *o.points, *o.body]:
            label = "Main news" if fact is o.lead else facet_of(fact).label
            if label not in used and len(plan) < 5:
                used.add(label)
                plan.append((label, fact))
        for fact in [*o.points, *o.body]:
            if len(plan) >= 3:
                break
            if all(fact is not f for _, f in plan):
                label = "Details" if "Details" not in used else "Background"
                used.add(label)
                plan.append((label, fact))
        return plan

    def _specs(self) -> dict[str, PartSpec]:
        o = self.outline
        specs = {
            "headline": PartSpec(
                "headline",
                f"Write the headline: one line of at most {HEADLINE_MAX - 15} characters that says who did what, "
                f'based on {self._ids([o.lead])}. Begin it with "{o.keyphrase}". No final period.',
                1, 1, 40, max_chars=HEADLINE_MAX, final_period=False,
            ),
        }
        for i, part in enumerate(o.sections):
            n = min(3, max(2, len(part.facts)))
            specs[f"sections[{i}].answer"] = PartSpec(
                f"sections[{i}].answer",
                f'Answer the question "{part.question}" in {n} sentences; the first sentence answers it '
                f"directly. Use {self._ids(part.facts)}.",
                1, n + 1, 45 * (n + 1),
            )
        specs["conclusion"] = PartSpec(
            "conclusion",
            # "What follows from it" drew lessons and judgements no fact gives ("highlights the
            # dangers of ..."), which the verifier then threw away: ask only for what the facts hold.
            "Write the conclusion: 2 or 3 sentences that restate the main news and the latest facts about it. "
            f"Use {self._ids([o.lead, *o.points])}.",
            1, 3, 140,
        )
        paragraphs = max(2, min(5, (len(o.body) + 1) // 2))
        specs["body"] = PartSpec(
            "body",
            f"Write the full story in {paragraphs} short paragraphs, most important first, with a blank line "
            f"between paragraphs. Use each of {self._ids(o.body)} once.",
            2, 2 * len(o.body) + 2, 45 * (len(o.body) + 2), paragraphs=paragraphs,
        )
        return specs

    # -- generation, verification, repair ---------------------------------------------------

    def _report(self, event: str, part: str | None) -> None:
        if not self.progress:
            return
        elapsed = time.monotonic() - self.started
        gen = self.engine.stats.generated_tokens
        busy = self.engine.stats.seconds
        self.progress(
            event,
            {
                "part": part,
                "done": self.done,
                "total": self.total,
                "tokens": gen,
                "tokens_per_s": round(gen / busy, 1) if busy > 0 else 0.0,
                "elapsed": round(elapsed, 1),
            },
        )

    def _ask(self, spec: PartSpec, user: str | None = None) -> Completion:
        messages = [*self.prefix, {"role": "user", "content": user or spec.instruction}]
        completion = self.engine._complete(messages, spec, list(self.alias))
        stats = self.engine.stats
        stats.calls += 1
        stats.generated_tokens += completion.tokens
        stats.prompt_tokens += completion.prompt_tokens
        stats.seconds += completion.seconds
        return completion

    def _generate(self, spec: PartSpec) -> list[Sentence] | None:
        """The part's sentences, retried once when unreadable; None means: fall back."""
        try:
            for attempt in range(2):
                completion = self._ask(replace(spec, enforce=attempt > 0))
                text = completion.text
                log.debug("%s (attempt %d, %d tokens, %s): %r", spec.name, attempt + 1, completion.tokens, completion.finish, text)
                if completion.finish == "loop" or is_looping(text):
                    text = _cut_loop(text)
                try:
                    sentences = parse(text)
                except MalformedOutput as exc:
                    log.info("%s: unreadable output (attempt %d): %s", spec.name, attempt + 1, exc)
                    self.repairs["malformed"] += 1
                    continue
                if completion.finish != "stop" and sentences and looks_cut_off(sentences[-1].text):
                    sentences.pop()  # stopped by the token limit mid-sentence
                    self.repairs["dropped"] += 1
                    if not sentences:
                        continue
                return sentences[: spec.max_sentences]
            return None
        finally:
            self.done += 1
            self._report("part", spec.name)

    def _resolve(self, ids: Sequence[str]) -> list[Fact]:
        out = []
        for i in ids:
            fact = self.alias.get(i) or next((f for f in self.facts if f.id == i), None)
            if fact is not None and fact not in out:
                out.append(fact)
        return out

    def _check(self, texts: list[str]) -> list[Any]:
        return list(self.check_sentences(texts, self.run.facts)) if texts else []

    def _repair(self, part: str, sentences: list[Sentence], spec: PartSpec) -> list[tuple[str, list[Fact], bool, int]]:
        """Verified sentences as (text, facts, written_by_model, paragraph)."""
        texts = [self._fit(self._finish_sentence(s.text, spec), spec) for s in sentences]
        verdicts: list[Any] = self._check(texts)
        for i, s in enumerate(sentences):
            if self._cut_off(s.text, spec):
                verdicts[i] = _CutOff()
        kept: list[tuple[str, list[Fact], bool, int]] = []
        seen: set[str] = set()
        for s, text, verdict in zip(sentences, texts, verdicts):
            cited = self._resolve(s.facts)
            if not text or _near(text, seen):  # empty, or said twice: a loop, not news
                self.repairs["dropped"] += 1
                continue
            if not _failed(verdict):
                seen.add(_norm(text))
                kept.append((text, cited, True, s.paragraph))
                continue
            trimmed = self._trimmed(text, verdict, spec)
            if trimmed is not None and not _near(trimmed, seen):
                # The failed words were an aside or a trailing clause: deleting them costs no call.
                self.repairs["repaired"] += 1
                seen.add(_norm(trimmed))
                kept.append((trimmed, cited, True, s.paragraph))
                continue
            rewrite = self._rewrite(text, verdict, cited, spec)
            if rewrite is not None:
                new_text, new_cited, new_verdict = rewrite
                if not _failed(new_verdict) and not _near(new_text, seen):
                    self.repairs["repaired"] += 1
                    seen.add(_norm(new_text))
                    kept.append((new_text, new_cited or cited, True, s.paragraph))
                    continue
                if not self.strict:
                    seen.add(_norm(new_text))
                    kept.append((new_text, new_cited or cited, True, s.paragraph))
                    continue
            elif not self.strict:
                seen.add(_norm(text))
                kept.append((text, cited, True, s.paragraph))
                continue
            grounded = self._grounded(text, cited, seen, spec)
            if grounded is None:
                self.repairs["dropped"] += 1
            else:
                self.repairs["replaced"] += 1
                seen.add(_norm(grounded[0]))
                kept.append((grounded[0], [grounded[1]], False, s.paragraph))
        return kept

    @staticmethod
    def _fit(text: str, spec: PartSpec) -> str:
        """A sentence over the part's length, shortened by deleting trailing clauses only (so it
        cannot gain a claim); unchanged when no clause boundary makes it fit."""
        if not spec.max_chars or len(text) <= spec.max_chars:
            return text
        short = shorten(text, spec.max_chars - 1)
        if not short:
            return text
        return ensure_period(short) if spec.final_period else short

    @staticmethod
    def _cut_off(text: str, spec: PartSpec) -> bool:
        return looks_cut_off(text if spec.final_period else ensure_period(text))

    def _finish_sentence(self, text: str, spec: PartSpec) -> str:
        text = text.strip()
        if text.count('"') % 2 or text.count("“") != text.count("”"):
            text = text.strip('"“”').strip()  # a stray quote mark around the whole answer
        if not text:
            return ""
        if spec.final_period:
            return ensure_period(text)
        return text.rstrip(" .")

    def _trimmed(self, text: str, verdict: Any, spec: PartSpec) -> str | None:
        """The fullest deletion of ``text`` that the verifier passes: without an aside (", a top
        national security official,"), a trailing clause, or the phrases holding the words no
        fact gives ("of the season"), keeping at least half its words; None when none passes."""
        if spec.max_chars:
            return None  # a headline or label is short already; what is left rarely reads whole
        least = max(SHORTEST_TRIM, len(text.split()) // 2)
        candidates: list[str] = []
        pruned = without_phrases(text, _lacking_words(verdict))
        deletions = [cut for variant in variants(text) for cut in [variant.rstrip("."), *prefixes(variant, least)]]
        for cut in [*deletions, *([pruned] if pruned else [])]:
            cut = self._finish_sentence(cut, spec)
            if cut and cut != text and len(cut.split()) >= least and cut not in candidates:
                candidates.append(cut)
        candidates.sort(key=len, reverse=True)
        for candidate, checked in zip(candidates, self._check(candidates) if candidates else []):
            if not _failed(checked):
                return candidate
        return None

    def _rewrite(
        self, text: str, verdict: Any, cited: list[Fact], spec: PartSpec
    ) -> tuple[str, list[Fact], Any] | None:
        facts = [f for f in cited if f.id in self.alias_of] or list(self.alias.values())[:3]
        shown = "\n".join(f"{self.alias_of[f.id]}: {' '.join(f.text.split())}" for f in facts)
        one = PartSpec(spec.name, "", 1, 1, 70, max_chars=spec.max_chars, final_period=spec.final_period)
        # The facts themselves, and the very words to leave out: asked only to "say what F1
        # states", the small models repeated the failed sentence word for word.
        user = (
            f'Your sentence "{text}" is not backed by the facts: {_problem_text(verdict)}. '
            f"Write it again as one sentence that uses only these facts and leaves that out:\n{shown}"
        )
        completion = self._ask(one, user)
        try:
            sentence = parse(_cut_loop(completion.text))[0]
        except MalformedOutput:
            self.repairs["malformed"] += 1
            return None
        new_text = self._finish_sentence(sentence.text, spec)
        if not new_text:
            return None
        verdict = _CutOff() if self._cut_off(sentence.text, spec) else self._check([new_text])[0]
        return new_text, self._resolve(sentence.facts), verdict

    def _grounded(
        self, text: str, cited: list[Fact], seen: set[str], spec: PartSpec
    ) -> tuple[str, Fact] | None:
        """A source sentence (shortened by deletion only) that says what the failed one meant."""
        want = set(_norm(text).split())
        ranked = sorted(self.facts, key=lambda f: -len(want & set(_norm(f.text).split())))
        candidates = [*cited, *[f for f in ranked if f not in cited]][:4]
        for fact in candidates:
            if spec.max_chars:
                sentence = compress_headline(fact.text, spec.max_chars)
            else:
                sentence = main_clause(fact.text, 200)
            sentence = self._finish_sentence(sentence, spec)
            if not sentence or _near(sentence, seen):
                continue
            if not _failed(self._check([sentence])[0]):
                return sentence, fact
        return None

    def _record(self, part: str, kept: list[tuple[str, list[Fact], bool, int]]) -> None:
        for text, facts, by_model, _ in kept:
            facts = facts or self._support(text)
            self.evidence.append(Evidence(part=part, sentence=text, facts=[f.id for f in facts]))
            if by_model:
                self.engine.stats.kept_model_sentences.append(text)
                if part.startswith(("body", "sections", "conclusion")):
                    self.pool.append((text, facts))

    def _support(self, text: str) -> list[Fact]:
        """For a verified sentence the model cited nothing for: the facts sharing most words."""
        want = set(_norm(text).split())
        scored = sorted(((len(want & set(_norm(f.text).split())), i) for i, f in enumerate(self.facts)), reverse=True)
        return [self.facts[i] for score, i in scored[:1] if score > 0]

    def _copy_evidence(self, match: Any) -> None:
        self.evidence.extend(e for e in self.fallback.evidence if match(e.part))

    def _fall_back(self, part: str) -> None:
        self.repairs["fallback_parts"] += 1
        self._copy_evidence(lambda p: p == part)

    def _paragraph(self, spec: PartSpec, fallback: str) -> str:
        sentences = self._generate(spec)
        kept = self._repair(spec.name, sentences, spec) if sentences else []
        if not kept:
            self._fall_back(spec.name)
            return fallback
        self._record(spec.name, kept)
        return " ".join(text for text, *_ in kept)

    def _headline(self, spec: PartSpec) -> str:
        sentences = self._generate(spec)
        kept = self._repair("headline", sentences, spec) if sentences else []
        if kept and len(kept[0][0]) > HEADLINE_MAX:
            # Too long and no clause boundary shortens it: ask once for a shorter one, which is
            # verified like the first (small models overshoot a length more often than not).
            long = kept[0][0]
            completion = self._ask(spec, f'Your headline "{long}" has {len(long)} characters. Write it again in at most '
                                         f"{HEADLINE_MAX - 15} characters, keeping its meaning. No final period.")
            try:
                shorter = parse(_cut_loop(completion.text))[:1]
            except MalformedOutput:
                self.repairs["malformed"] += 1
                shorter = []
            kept = self._repair("headline", shorter, spec) if shorter else []
            if kept and len(kept[0][0]) > HEADLINE_MAX:
                # Still over: cut it before a preposition, a whole phrase, and verify the cut.
                cut = phrase_cut(kept[0][0], HEADLINE_MAX)
                kept = [(cut, *kept[0][1:])] if cut and not _failed(self._check([cut])[0]) else []
        if not kept or len(kept[0][0]) > HEADLINE_MAX:
            self._fall_back("headline")
            return self.fallback.headline
        self._record("headline", kept[:1])
        return kept[0][0]

    def _meta(self) -> str:
        """From the verified body and section sentences: the one that holds the keyphrase (the
        lead's first), shortened by deletion to fit; when short, topped up with one reader
        benefit, or else with a second verified sentence (cut to the room left) and, if need be,
        a benefit after it. Never two benefits: "Here are the key facts. Here is what we know."
        says nothing twice. A model asked for 120-156 characters overshoots and the cut is thrown
        away, so none is asked."""
        kp = self.outline.keyphrase.lower()
        lead = self.outline.lead.id
        candidates = sorted(
            (item for item in self.pool if kp in item[0].lower()),
            key=lambda item: (lead not in {f.id for f in item[1]}, len(item[0])),
        )
        for text, facts in candidates:
            if len(text) > META_MAX:
                short = shorten(text, META_MAX - 1)
                if not short or kp not in short.lower():
                    continue
                text = ensure_period(short)
            if _failed(self._check([text])[0]):
                continue
            chosen = self._meta_mix(text, facts)
            if chosen is not None:
                self.evidence.extend(chosen)
                return " ".join(e.sentence for e in chosen)
        self._fall_back("meta_description")
        return self.fallback.meta_description

    def _meta_mix(self, text: str, facts: Sequence[Fact]) -> list[Evidence] | None:
        """``text`` alone or with one benefit; failing that, with a second verified sentence (cut
        to the room left), and a benefit after it if need be: the first mix that lands in 120-156
        characters, as the evidence of its sentences."""

        def fits(mix: list[Evidence]) -> bool:
            return META_MIN <= len(" ".join(e.sentence for e in mix)) <= META_MAX

        first = Evidence(part="meta_description", sentence=text, facts=[f.id for f in facts])
        benefits = [Evidence(part="meta_description", sentence=b, no_claim=True) for b in _BENEFITS]
        found = next((mix for mix in ([first], *([first, b] for b in benefits)) if fits(mix)), None)
        if found is not None:
            return found
        room = META_MAX - len(text) - 1
        for other, other_facts in self.pool:
            if other == text or _near(other, {_norm(text)}):
                continue
            cut = other if len(other) <= room else shorten(other, room - 1)
            if not cut or len(ensure_period(cut)) > room:
                continue
            cut = ensure_period(cut)
            if cut != other and _failed(self._check([cut])[0]):
                continue
            second = Evidence(part="meta_description", sentence=cut, facts=[f.id for f in other_facts])
            found = next((mix for mix in ([first, second], *([first, second, b] for b in benefits)) if fits(mix)), None)
            if found is not None:
                return found
        return None

    def _from_pool(self, facts: Sequence[Fact], avoid: set[str], limit: int) -> list[tuple[str, list[Fact]]]:
        """Verified model sentences that rest on ``facts``, fewest other facts first."""
        ids = {f.id for f in facts}
        want = {w for f in facts for w in _norm(f.text).split()}

        def overlap(text: str) -> float:
            mine = set(_norm(text).split())
            return len(mine & want) / max(1, len(mine))

        # Cited for these facts, and mostly made of their words (a citation list can be too wide).
        found = [
            (t, fs) for t, fs in self.pool if ids & {f.id for f in fs} and overlap(t) >= 0.5 and not _near(t, avoid)
        ]
        found.sort(key=lambda item: (-overlap(item[0]), len(item[0])))
        out: list[tuple[str, list[Fact]]] = []
        for text, fs in found:
            if len(out) == limit:
                break
            if not _near(text, {_norm(t) for t, _ in out}) and not _restates(text, fs, out):
                out.append((text, fs))
        return out

    def _faq_answer(self, i: int, facts: Sequence[Fact]) -> str:
        """An answer that stands alone: the body's and sections' verified sentences on its facts."""
        chosen = self._from_pool(facts, set(), 2)
        if not chosen:
            self._fall_back(f"faq[{i}].answer")
            return self.fallback.faq[i].answer
        for text, fs in chosen:
            self.evidence.append(Evidence(part=f"faq[{i}].answer", sentence=text, facts=[f.id for f in fs]))
        return " ".join(text for text, _ in chosen)

    def _takeaways(self) -> list[Takeaway]:
        """One bullet per kind of fact: the shortest verified model sentence resting on it."""
        out: list[tuple[str, str, list[Fact]]] = []
        used: set[str] = set()
        for label, fact in self._takeaway_plan():
            chosen = [c for c in self._from_pool([fact], used, 3) if len(c[0]) <= 220]
            if chosen:
                text, fs = min(chosen, key=lambda c: len(c[0]))
                used.add(_norm(text))
                out.append((label, text, fs))
        if len(out) < 3:
            # Too few: the extractive takeaways, whole, keep the 3-5 bullets the format asks for.
            self._fall_back_prefix("takeaways[")
            return list(self.fallback.takeaways)
        for i, (label, text, fs) in enumerate(out):
            self.evidence.append(Evidence(part=f"takeaways[{i}].label", sentence=label, no_claim=True))
            self.evidence.append(Evidence(part=f"takeaways[{i}].text", sentence=text, facts=[f.id for f in fs]))
        return [Takeaway(label=label, text=text) for label, text, _ in out]

    def _fall_back_prefix(self, prefix: str) -> None:
        self.repairs["fallback_parts"] += 1
        self._copy_evidence(lambda p: p.startswith(prefix))

    def _body(self, spec: PartSpec) -> list[str]:
        sentences = self._generate(spec)
        kept = self._repair("body", sentences, spec) if sentences else []
        if not kept:
            self._fall_back_prefix("body[")
            return list(self.fallback.body)
        groups: dict[int, list[tuple[str, list[Fact], bool, int]]] = {}
        for item in kept:
            groups.setdefault(item[3], []).append(item)
        paragraphs = list(groups.values())
        if len(paragraphs) == 1 and len(kept) >= 3:
            # One block of text: the lead alone, then two sentences a paragraph (inverted pyramid).
            paragraphs = [kept[:1], *[kept[i : i + 2] for i in range(1, len(kept), 2)]]
        paragraphs = paragraphs[:8]
        out = []
        for i, group in enumerate(paragraphs):
            self._record(f"body[{i}]", group)
            out.append(" ".join(text for text, *_ in group))
        return out


def _cut_loop(text: str) -> str:
    """Keep the text up to where it starts repeating itself."""
    lines = text.splitlines()
    out: list[str] = []
    seen: set[str] = set()
    for line in lines:
        key = line.strip()
        if key and key in seen:
            break
        if key:
            seen.add(key)
        out.append(line)
    return "\n".join(out)


_ORDER = ("headline", "summary", "meta_description", "sections", "faq", "takeaways", "conclusion", "body")
_INDEX = re.compile(r"\[(\d+)\]")


def _part_order(part: str) -> tuple[int, int, int]:
    head = re.split(r"[\[.]", part, maxsplit=1)[0]
    rank = _ORDER.index(head) if head in _ORDER else len(_ORDER)
    m = _INDEX.search(part)
    sub = 0 if part.endswith(("question", "label")) else 1
    return rank, int(m.group(1)) if m else 0, sub
