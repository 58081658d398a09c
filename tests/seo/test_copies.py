"""The seo stage's copy fixer: outside the summary no part tells again, word for word, another
part's sentence (FORMAT.md, "Telling each fact once"); a copy takes a fresh condensed form of its
fact, else goes where its part can lose it, and stays only where neither can be."""

from __future__ import annotations

from briefpress.edit import EditableArticle
from briefpress.models import Article, Evidence, Section
from briefpress.rewrite.forms import condensed_forms
from briefpress.seo.fix.copies import _copies, _fresh_form, _replace, copy_key, fix_copies
from briefpress.seo.fix.judge import always, both, readability_of, seo_of, worse
from briefpress.seo.fix.transitions import fix_transitions
from briefpress.spec import FAQ_MIN, TAKEAWAY_MAX_WORDS, TAKEAWAYS_MIN
from briefpress.text import split_sentences

from .test_stage import BRIEFS, _runs


def _takaichi() -> Article:
    before, _ = _runs(BRIEFS[-1])
    assert before.article is not None
    return before.article


def _told(article: Article) -> list[str]:
    return [copy_key(e.sentence) for e in article.evidence
            if not e.no_claim and e.part != "headline" and not e.part.startswith("summary[")]


def test_a_connective_does_not_make_a_sentence_new() -> None:
    assert copy_key("Also, inmates have slowly been transferred out.") == copy_key("Inmates have slowly been transferred out.")
    assert copy_key("In short, Tesco sold the chain.") == copy_key("Tesco sold the chain.")
    assert copy_key("Tesco sold the chain.") != copy_key("Tesco sold the chain in 2013.")


def _with_copied_takeaway(article: Article) -> tuple[Article, Evidence] | None:
    """``article`` with its first takeaway replaced by a copy of a section sentence that tells
    one fact; None where no section sentence tells one alone."""
    section = next((e for e in article.evidence if e.part == "sections[0].answer" and len(e.facts) == 1), None)
    if section is None:
        return None
    takeaways = [t.model_copy(update={"text": section.sentence}) if i == 0 else t for i, t in enumerate(article.takeaways)]
    evidence = [e for e in article.evidence if e.part != "takeaways[0].text"]
    evidence.append(Evidence(part="takeaways[0].text", sentence=section.sentence, facts=section.facts))
    return article.model_copy(update={"takeaways": takeaways, "evidence": evidence}), section


def test_a_takeaway_that_copies_a_section_takes_a_condensed_form_no_part_tells() -> None:
    replaced = 0
    for path in BRIEFS:
        before, _ = _runs(path)
        assert before.article is not None
        planted = _with_copied_takeaway(before.article)
        if planted is None:
            continue
        copied, section = planted
        assert ("takeaways[0].text", section.sentence) in _copies(EditableArticle(copied))
        draft = EditableArticle(copied)
        fix_copies(draft)
        fixed = draft.article()
        text = fixed.takeaways[0].text
        if text == section.sentence:
            # Kept: no fresh form passes, or writing it costs a score (a thin brief's keyphrase
            # density) or a filler connective, and the takeaways are at their fewest.
            trial = EditableArticle(copied)
            form = _fresh_form(trial, "takeaways[0].text", section.sentence, always)
            if form is not None:
                _replace(trial, "takeaways[0].text", section.sentence, form)
                fix_transitions(trial)
                assert worse(both(trial.article()), both(copied)) or "filler transition" in trial.changes \
                    or len(_copies(trial)) >= len(_copies(EditableArticle(copied))), path.stem
            assert len(fixed.takeaways) == TAKEAWAYS_MIN, path.stem
            continue
        replaced += 1
        fact = next(f for f in fixed.facts if f.id == section.facts[0])
        assert text in condensed_forms(fact.text) and len(text.split()) <= TAKEAWAY_MAX_WORDS
        assert _told(fixed).count(copy_key(text)) == 1, "the new form is one no other part tells"
        entry = next(e for e in fixed.evidence if e.part == "takeaways[0].text")
        assert entry.sentence == text and entry.facts == section.facts
        label = fixed.takeaways[0].label
        assert all(word in text.lower() for word in label.lower().split()), "the label names what the bullet tells"
        assert "copy" in draft.changes
        current, after = both(copied), both(fixed)
        assert seo_of(after) >= seo_of(current) and readability_of(after) >= readability_of(current)
    assert replaced


def test_a_copied_faq_pair_goes_while_more_than_the_fewest_remain() -> None:
    article = _takaichi()
    copy = split_sentences(article.body[-1])[-1].text
    facts = next(e.facts for e in article.evidence if e.part.startswith("body[") and e.sentence == copy)
    n = len(article.faq)
    pair = Section(question=article.faq[0].question, answer=copy)
    copied = article.model_copy(update={
        "faq": [*article.faq, pair],
        "evidence": [*article.evidence,
                     Evidence(part=f"faq[{n}].question", sentence=pair.question, facts=[], no_claim=True),
                     Evidence(part=f"faq[{n}].answer", sentence=copy, facts=facts)],
    })
    current = both(copied)
    draft = EditableArticle(copied)
    fix_copies(draft)
    fixed = draft.article()
    assert len(fixed.faq) >= FAQ_MIN
    assert copy not in [p.answer for p in fixed.faq], "the body tells it; the FAQ does not tell it again"
    after = both(fixed)
    assert seo_of(after) >= seo_of(current) and readability_of(after) >= readability_of(current)
    # The evidence map follows: every entry's sentence is in its part.
    parts = dict(draft.parts("all"))
    assert all(e.sentence in parts[e.part] for e in fixed.evidence)


def test_a_copy_nothing_can_replace_stays_rather_than_empty_a_part() -> None:
    article = _takaichi()
    copy = split_sentences(article.body[0])[0].text
    facts = next(e.facts for e in article.evidence if e.part == "body[0]" and e.sentence == copy)
    faq = [Section(question=p.question, answer=copy if i == 0 else p.answer) for i, p in enumerate(article.faq[:FAQ_MIN])]
    evidence = [e for e in article.evidence if not e.part.startswith("faq[")]
    for i, p in enumerate(faq):
        evidence.append(Evidence(part=f"faq[{i}].question", sentence=p.question, facts=[], no_claim=True))
        kept = next((e.facts for e in article.evidence if e.part == f"faq[{i}].answer"), facts)
        evidence.append(Evidence(part=f"faq[{i}].answer", sentence=p.answer, facts=facts if i == 0 else kept))
    copied = article.model_copy(update={"faq": faq, "evidence": evidence})
    # Every shorter form of the lead is told elsewhere or none fits: the pair cannot change.
    draft = EditableArticle(copied)
    fix_copies(draft, grounded=lambda _: False)  # no new sentence passes: only a drop could fix it
    fixed = draft.article()
    assert len(fixed.faq) == FAQ_MIN and all(p.answer.strip() for p in fixed.faq)


def test_a_faq_pair_that_copies_a_section_goes_though_the_headings_must_be_asked_again() -> None:
    # The local model's Takaichi article (replayed from its recorded answers): "How did others
    # react?" was answered by the section's own "Market reactions included gains ...". Dropping
    # the pair took the share of headings naming the keyphrase past Yoast's 75%, and the SEO
    # score from 82 to 69, so the copy stayed; the headings are now asked again after the drop.
    import briefpress
    from golden.lock import DATE, _brief, _replayer

    path = _brief("takaichi-brief")
    article = briefpress.write(path.read_text(encoding="utf-8"), engine="scripted", brief_name=path.name,
                               date=DATE, created=DATE, responses=_replayer("takaichi-brief"), retells_body=True)
    told = {copy_key(s.text) for section in article.sections for s in split_sentences(section.answer)}
    answers = [copy_key(s.text) for pair in article.faq for s in split_sentences(pair.answer)]
    assert not told & set(answers), answers
    assert len(article.faq) >= FAQ_MIN and article.seo["score"] >= 80


def test_a_live_text_line_is_no_fresh_form_of_the_result_told_from_it() -> None:
    """The Gateshead-Guiseley article told its result as "The match ended Gateshead 1, Guiseley
    1."; a copy of it took the source line itself, "Match ends, Gateshead 1, Guiseley 1.", as a
    shorter form no part told."""
    import briefpress

    report = ("Gateshead have not lost in nine National League matches while Guiseley are unbeaten in five. "
              "Guiseley went ahead on 15 minutes when James Hurst squared to Jake Lawlor to stroke into an empty "
              "net. The hosts levelled on 62 minutes when Wesley York curled into the top-right corner. "
              "Match ends, Gateshead 1, Guiseley 1. Substitution, Guiseley.")
    brief = "\n-\n".join(s.text for s in split_sentences(report)[:3])
    article = briefpress.write(brief, [("story.txt", report)], engine="extractive")
    result = "The match ended Gateshead 1, Guiseley 1."
    told = next(e for e in article.evidence if e.part.startswith("body[") and e.sentence == result)
    takeaways = [t.model_copy(update={"text": result}) if i == 0 else t for i, t in enumerate(article.takeaways)]
    evidence = [e for e in article.evidence if e.part != "takeaways[0].text"]
    evidence.append(Evidence(part="takeaways[0].text", sentence=result, facts=told.facts))
    copied = article.model_copy(update={"takeaways": takeaways, "evidence": evidence})
    assert _fresh_form(EditableArticle(copied), "takeaways[0].text", result, always) is None


def test_a_copy_of_its_facts_shortest_form_takes_a_fuller_one_no_part_tells() -> None:
    """The replayed local Takaichi article: a takeaway copied the section's "Market reactions
    included gains ... Mitsubishi Heavy Industries.", the fact's shortest form, and the fixer only
    looked for shorter ones; its 18-word form was told nowhere."""
    from pathlib import Path

    path = Path(__file__).parents[1] / "golden" / "lock" / "replay" / "takaichi-brief.json"
    article = Article.model_validate_json(path.read_text("utf-8"))
    short = "Market reactions included gains in defense-related stocks like Mitsubishi Heavy Industries."
    assert any(short in s.answer for s in article.sections)
    at = next(i for i, t in enumerate(article.takeaways) if t.text.startswith("Market reactions"))
    facts = next(e.facts for e in article.evidence if e.part == f"takeaways[{at}].text")
    takeaways = [t.model_copy(update={"text": short}) if i == at else t for i, t in enumerate(article.takeaways)]
    evidence = [e for e in article.evidence if e.part != f"takeaways[{at}].text"]
    evidence.append(Evidence(part=f"takeaways[{at}].text", sentence=short, facts=facts))
    copied = article.model_copy(update={"takeaways": takeaways, "evidence": evidence})
    form = _fresh_form(EditableArticle(copied), f"takeaways[{at}].text", short, always)
    assert form == ("Market reactions included gains in defense-related stocks like Mitsubishi Heavy Industries, "
                    "signaling investor confidence in Takaichi’s defense-focused approach.")
    assert len(form.split()) <= TAKEAWAY_MAX_WORDS
