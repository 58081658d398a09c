"""The seo stage's FAQ pair fixer: a pair that copies another part's sentence goes where the
article scores no lower without it (FORMAT.md: an answer is never a copy of another part's)."""

from __future__ import annotations

from briefpress.edit import EditableArticle
from briefpress.models import Evidence, Section
from briefpress.seo.fix.judge import both, readability_of, seo_of
from briefpress.seo.fix.pairs import drop_retold_pairs
from briefpress.seo.fix.transitions import fix_transitions
from briefpress.spec import FAQ_MIN
from briefpress.text import split_sentences

from .test_stage import BRIEFS, _runs


def _with_copied_pair(index: int):  # type: ignore[no-untyped-def]
    before, _ = _runs(BRIEFS[index])
    article = before.article
    assert article is not None
    copy = split_sentences(article.body[-1])[-1].text
    n = len(article.faq)
    pair = Section(question=article.faq[0].question, answer=copy)
    facts = next(e.facts for e in article.evidence if e.part.startswith("body[") and e.sentence == copy)
    return article.model_copy(update={
        "faq": [*article.faq, pair],
        "evidence": [*article.evidence,
                     Evidence(part=f"faq[{n}].question", sentence=pair.question, facts=[], no_claim=True),
                     Evidence(part=f"faq[{n}].answer", sentence=copy, facts=facts)],
    }), copy


def test_a_copied_pair_goes_unless_its_going_costs_a_score() -> None:
    dropped = 0
    for index in range(len(BRIEFS)):
        article, copy = _with_copied_pair(index)
        draft = EditableArticle(article)
        drop_retold_pairs(draft)
        answers = [p["answer"] for p in draft.data["faq"] if p["answer"]]
        assert len(answers) >= FAQ_MIN
        current = both(EditableArticle(article).article())
        if answers.count(copy) < [p.answer for p in article.faq].count(copy):
            dropped += 1
            after = both(draft.article())
            assert seo_of(after) >= seo_of(current) and readability_of(after) >= readability_of(current)
            continue
        # Kept: the article without it (connectives tried again) scores lower on one count.
        trial = EditableArticle(article)
        trial.data["faq"][-1] = {"question": "", "answer": ""}  # the copy: the last pair
        trial.prune()
        fix_transitions(trial)
        without = both(trial.article())
        assert seo_of(without) < seo_of(current) or readability_of(without) < readability_of(current)
    assert dropped
