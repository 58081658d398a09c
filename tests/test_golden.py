"""The golden set: real news briefs written end to end, checked for structure and grounding.

Each brief in ``tests/golden/briefs/`` is a lead plus three key sentences from a real news story
(dash layout). Structure follows FORMAT.md; where a brief is too thin for a size rule, the rule
relaxes to what the evidence allows, and the test says so where it does. Quality that varies by
brief (section lengths, FAQ answers that differ from section answers, ...) is measured as a share
of the golden set and must not fall below the floors committed in ``tests/golden/baseline.json``.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest

import briefpress
from briefpress import editorial
from briefpress.models import Article
from briefpress.plan import TEMPLATE_WORDS
from briefpress.plan.answering import answers
from briefpress.rewrite.headline import opens_on_pointer
from briefpress.rewrite.whole import fragment_reason
from briefpress.seo import analyze
from briefpress.seo.fix.sizes import sentences_of
from briefpress.spec import META_KEYPHRASE_POINTER, META_POINTERS
from briefpress.text import slugify, split_sentences, words
from golden.checks import (
    Vocabulary,
    asks_in_input_words,
    ends_on_sentence_boundary,
    novel_tokens,
    tells_in_source_words,
)

GOLDEN = Path(__file__).parent / "golden"
BRIEFS = sorted((GOLDEN / "briefs").glob("*.txt"))
BASELINE = json.loads((GOLDEN / "baseline.json").read_text(encoding="utf-8"))
DATE = "2026-11-25T09:00:00+00:00"


@cache
def written(path: Path) -> Article:
    return briefpress.write(path.read_text(encoding="utf-8"), brief_name=path.name, date=DATE)


def _ids(path: Path) -> str:
    return path.stem


def _word_count(text: str) -> int:
    return len(text.split())


def test_golden_set_is_large_enough() -> None:
    assert len(BRIEFS) >= 10
    for path in BRIEFS:
        points = [p for p in re.split(r"^\s*-\s*$", path.read_text(encoding="utf-8"), flags=re.M) if p.strip()]
        assert len(points) >= 4, f"{path.name}: a golden brief is a lead plus three key sentences"


@pytest.mark.parametrize("path", BRIEFS, ids=_ids)
def test_structure(path: Path) -> None:
    a = written(path)
    brief_facts = [f for f in a.facts if f.id.startswith("S1.")]
    n = len(brief_facts)

    assert 0 < len(a.headline) <= 70
    # Summary: the lead and 2-4 key points; a brief with fewer points gives what it has.
    assert a.summary[0] == brief_facts[0].text
    assert min(2, n - 1) <= len(a.summary) - 1 <= 4

    assert 120 <= len(a.meta_description) <= 156, a.meta_description
    assert a.keyphrase.lower() in a.meta_description.lower()
    assert ends_on_sentence_boundary(a.meta_description)

    assert 2 <= len(a.sections) <= 4
    for i, section in enumerate(a.sections):
        assert section.question.endswith("?")
        first = _evidence(a, f"sections[{i}].answer")[0]
        assert first.facts and section.answer.startswith(first.sentence), "the answer opens with a fact"

    assert 2 <= len(a.faq) <= 5
    for i, qa in enumerate(a.faq):
        assert qa.question.endswith("?")
        assert _evidence(a, f"faq[{i}].answer")[0].facts, "an FAQ answer opens with a fact"

    # Takeaways: 3-5, each "Label: one sentence"; relaxed to the number of facts when fewer than 3.
    assert min(3, n) <= len(a.takeaways) <= 5
    for t in a.takeaways:
        assert t.label and ":" not in t.label and t.label[:1].isupper()
        assert len(split_sentences(t.text)) == 1, t.text

    assert a.conclusion and _word_count(a.conclusion) <= 80  # FORMAT.md: sizes are maxima

    # Body: 3-8 paragraphs (relaxed to the number of facts when fewer than 3), inverted pyramid:
    # the lead alone first, then the remaining facts in the brief's order.
    assert min(3, n) <= len(a.body) <= 8
    body_facts = [fid for i in range(len(a.body)) for e in _evidence(a, f"body[{i}]") for fid in e.facts]
    assert body_facts[0] == brief_facts[0].id
    assert _evidence(a, "body[0]")[0].facts == [brief_facts[0].id]
    order = [a.facts.index(next(f for f in a.facts if f.id == fid)) for fid in body_facts]
    assert order == sorted(order)


@pytest.mark.parametrize("path", BRIEFS, ids=_ids)
def test_grounding(path: Path) -> None:
    a = written(path)
    facts = {f.id: f for f in a.facts}
    vocab = Vocabulary.of("\n".join(s.text for s in a.sources))
    for e in a.evidence:
        assert e.no_claim != bool(e.facts), f"{e.part}: a sentence is either a claim with facts or no claim"
        assert all(fid in facts for fid in e.facts), f"{e.part}: unknown fact id in {e.facts}"
        assert novel_tokens(e.sentence, vocab) == [], f"{e.part}: {e.sentence!r}"
        if e.facts:
            assert tells_in_source_words(e.part, e.sentence, [facts[fid].text for fid in e.facts]), (
                f"{e.part}: {e.sentence!r} is not its facts' words, some deleted or reordered"
            )
        else:
            # A no-claim sentence is template vocabulary plus words the input holds (the topic; a
            # question may ask with the base form of the input's verb).
            stray = [w for w in words(e.sentence) if w.lower() not in TEMPLATE_WORDS and not asks_in_input_words(w, vocab)]
            assert stray == [], f"{e.part}: {e.sentence!r} adds {stray}"
    # Every sentence a reader sees is in the evidence map, in order.
    parts = {
        "headline": a.headline, "meta_description": a.meta_description, "conclusion": a.conclusion,
        **{f"summary[{i}]": s for i, s in enumerate(a.summary)},
        **{f"sections[{i}].question": s.question for i, s in enumerate(a.sections)},
        **{f"sections[{i}].answer": s.answer for i, s in enumerate(a.sections)},
        **{f"faq[{i}].question": s.question for i, s in enumerate(a.faq)},
        **{f"faq[{i}].answer": s.answer for i, s in enumerate(a.faq)},
        **{f"takeaways[{i}].label": t.label for i, t in enumerate(a.takeaways)},
        **{f"takeaways[{i}].text": t.text for i, t in enumerate(a.takeaways)},
        **{f"body[{i}]": p for i, p in enumerate(a.body)},
    }
    for part, text in parts.items():
        assert " ".join(e.sentence for e in _evidence(a, part)) == text, part
    for tag in a.tags:
        assert novel_tokens(tag, vocab) == [], tag


def _evidence(a: Article, part: str) -> list:  # type: ignore[type-arg]
    found = [e for e in a.evidence if e.part == part]
    assert found, f"no evidence for {part}"
    return found


def measure(articles: list[Article]) -> dict[str, float]:
    """Shares of the golden set meeting each editorial rule of FORMAT.md (and a few of taste)."""

    def share(values: list[bool]) -> float:
        return round(sum(values) / len(values), 3) if values else 1.0

    sections = [s for a in articles for s in a.sections]
    faq = [(a, qa) for a in articles for qa in a.faq]
    audits = [analyze(a, word_forms=False) for a in articles]
    return {
        "headline_max_70": share([len(a.headline) <= 70 for a in articles]),
        "headline_holds_keyphrase": share([a.keyphrase.lower() in a.headline.lower() for a in articles]),
        # A whole clause (of "Speaker: clause", the clause) that opens on no pronoun or "This".
        "headline_whole": share([fragment_reason(a.headline.split(": ", 1)[-1] + ".") is None
                                 and not opens_on_pointer(a.headline) for a in articles]),
        "meta_states_facts_only": share([not a.meta_description.endswith(META_POINTERS)
                                         and META_KEYPHRASE_POINTER.split("{")[0] not in a.meta_description
                                         for a in articles]),
        "meta_120_156": share([120 <= len(a.meta_description) <= 156 for a in articles]),
        "meta_holds_keyphrase": share([a.keyphrase.lower() in a.meta_description.lower() for a in articles]),
        "sections_2_4": share([2 <= len(a.sections) <= 4 for a in articles]),
        # FORMAT.md's sizes are maxima: a part is as long as its facts make it.
        "section_words_max_200": share([_word_count(s.answer) <= 200 for s in sections]),
        "faq_2_5": share([2 <= len(a.faq) <= 5 for a in articles]),
        "faq_max_60_words_2_sentences": share(
            [_word_count(qa.answer) <= 60 and len(split_sentences(qa.answer)) <= 2 for _, qa in faq]),
        "faq_not_verbatim_section": share([all(qa.answer != s.answer for s in a.sections) for a, qa in faq]),
        "takeaways_3_5": share([3 <= len(a.takeaways) <= 5 for a in articles]),
        "conclusion_max_80": share([_word_count(a.conclusion) <= 80 for a in articles]),
        "takeaway_words_max_25": share([_word_count(t.text) <= 25 for a in articles for t in a.takeaways]),
        "no_answer_ends_on_question": share([not qa.answer.rstrip().endswith("?") for _, qa in faq]),
        # One check for sections and FAQ pairs alike (``plan.answering``): a stock question's answer holds
        # what it asks for (a figure, a time, a speaker, a coming event), a when-question a time.
        "stock_questions_answered": share([answers(qa.question, sentences_of(qa.answer))
                                           for qa in [*sections, *(qa for _, qa in faq)]]),
        "body_3_8": share([3 <= len(a.body) <= 8 for a in articles]),
        "slug_max_50_holds_keyphrase": share(
            [len(a.slug) <= 50 and slugify(a.keyphrase) in a.slug for a in articles]
        ),
        # Issue #5's targets, by the free analysis (exact keyphrase words), which is what yoastseo
        # 3.6.0 scores; tests/seo checks that our audit gives Yoast's own scores for these articles.
        "seo_score_80": share([r.seo.score >= 80 for r in audits]),
        "readability_score_70": share([r.readability.score >= 70 for r in audits]),
    }


def test_editorial_ceilings() -> None:
    """Repetition, copies, fragments and stock questions (``briefpress.editorial``) may not come
    back above the committed ceilings: the figures the golden set reaches."""
    ceilings: dict[str, float] = BASELINE["ceilings"]
    measures = [editorial.measure(written(p)) for p in BRIEFS]
    measured = {
        "repetition_max": round(max(m.repetition for m in measures), 3),
        "copies_total": sum(len(m.copies) for m in measures),
        "fragments_total": sum(len(m.fragments) for m in measures),
        "stock_questions_total": sum(len(m.stock_questions) for m in measures),
    }
    assert set(ceilings) == set(measured), "every editorial measure has a committed ceiling"
    above = {k: (measured[k], ceilings[k]) for k in ceilings if measured[k] > ceilings[k]}
    assert not above, f"golden editorial quality fell past the committed ceilings (measured, ceiling): {above}"


def test_quality_floors() -> None:
    measured = measure([written(p) for p in BRIEFS])
    floors: dict[str, float] = BASELINE["floors"]
    assert set(floors) == set(measured), "every measured rule has a committed floor"
    below = {k: (measured[k], floors[k]) for k in floors if measured[k] < floors[k]}
    assert not below, f"golden quality fell below the committed floors (measured, floor): {below}; all: {measured}"
