"""Crossheads: a long body gets question subheadings asked of the paragraphs under them, in every
rendering, in the evidence map as no-claim parts, and as subheadings in the seo page."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest

import briefpress
from briefpress.edit import EditableArticle
from briefpress.plan.asking import questions_of
from briefpress.plan.crossheads import BODY_PLAIN, crossheads_for
from briefpress.seo import page_from_article, page_from_text
from briefpress.seo.readability_checks import SECTION_MAX
from briefpress.text import split_sentences

pytest.importorskip("spacy")

GOLDEN = Path(__file__).parent / "golden"
STEM = "moderna-vaccine-revenue"  # a brief whose source page tells a story of about 700 words
SCHEMA = json.loads(files("briefpress").joinpath("schemas/article.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def article() -> briefpress.Article:
    brief = (GOLDEN / "briefs" / f"{STEM}.txt").read_text(encoding="utf-8")
    page = (GOLDEN / "sources" / f"{STEM}.html").read_text(encoding="utf-8")
    return briefpress.write(brief, sources=[(f"{STEM}.html", page)], brief_name=f"{STEM}.txt",
                            created="2026-11-25T09:00:00+00:00")


def _sections(body: list[str], before: list[int]) -> list[int]:
    """The words of each run of paragraphs between crossheads."""
    cuts = [0, *before, len(body)]
    return [sum(len(p.split()) for p in body[a:b]) for a, b in zip(cuts, cuts[1:], strict=False)]


def test_a_short_body_has_no_crossheads() -> None:
    body = ["The harbour board voted on Monday to run the night ferry all year from April."] * 3
    assert sum(len(p.split()) for p in body) <= BODY_PLAIN
    assert crossheads_for(body) == []


def test_a_long_body_is_broken_by_questions_its_paragraphs_answer(article: briefpress.Article) -> None:
    assert sum(len(p.split()) for p in article.body) > BODY_PLAIN
    heads = article.crossheads
    assert heads, "a body this long gets crossheads"
    before = [c.before for c in heads]
    assert before == sorted(set(before)) and before[0] >= 1 and before[-1] < len(article.body)
    assert max(_sections(article.body, before)) <= SECTION_MAX
    headings = {s.question for s in [*article.sections, *article.faq]}
    for c in heads:
        assert c.question.endswith("?") and c.question not in headings
        sentences = [s.text for s in split_sentences(article.body[c.before])]
        assert any(c.question in questions_of(s, article.keyphrase) for s in sentences), c
    assert len({c.question for c in heads}) == len(heads)


def test_each_crosshead_is_a_no_claim_part_of_the_evidence_map(article: briefpress.Article) -> None:
    for k, c in enumerate(article.crossheads):
        entry = [e for e in article.evidence if e.part == f"crossheads[{k}].question"]
        assert [(e.sentence, e.no_claim, e.facts) for e in entry] == [(c.question, True, [])]
    verdicts = {v.part: v.verdict for v in article.grounding and briefpress.audit(
        article, [(s.name, s.text) for s in article.sources]).grounding.sentences or []}
    assert all(verdicts[f"crossheads[{k}].question"] == "no_claim" for k in range(len(article.crossheads)))


def test_every_rendering_puts_each_crosshead_before_its_paragraph(article: briefpress.Article) -> None:
    text = briefpress.render(article, "text").split("\n")
    md = briefpress.render(article, "md")
    html = briefpress.render(article, "html")
    for c in article.crossheads:
        at = text.index(article.body[c.before])
        assert text[at - 1] == c.question
        assert f"### {c.question}\n\n" in md
        assert f"<h3>{c.question}</h3>\n<p>" in html.replace("&#39;", "'")
    data = json.loads(briefpress.render(article, "json"))
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    assert data["crossheads"] == [c.model_dump() for c in article.crossheads]
    assert briefpress.Article.model_validate(data) == article


def test_a_package_without_crossheads_leaves_them_out_of_the_json(article: briefpress.Article) -> None:
    plain = article.model_copy(update={"crossheads": []})
    assert "crossheads" not in json.loads(briefpress.render(plain, "json"))


def test_the_seo_page_and_the_text_layout_read_them_as_subheadings(article: briefpress.Article) -> None:
    page = page_from_article(article)
    texts = [(b.kind, b.text) for b in page.blocks]
    for c in article.crossheads:
        assert ("h3", c.question) in texts
    read_back = page_from_text(briefpress.render(article, "text"))
    headings = [b.text for b in read_back.headings]
    assert all(c.question in headings for c in article.crossheads)
    paragraphs = {b.text for b in read_back.paragraphs}
    assert all(p in paragraphs for p in article.body)


def test_the_text_layout_audits_its_crossheads_as_no_claims(article: briefpress.Article) -> None:
    sources = [(s.name, s.text) for s in article.sources]
    result = briefpress.audit(briefpress.render(article, "text"), sources, article_name="article.txt")
    said = {v.text: v.verdict for v in result.grounding.sentences}
    assert all(said.get(c.question) == "no_claim" for c in article.crossheads)
    # The crossheads cost the text layout's audit nothing: it fails what it fails without them.
    plain = article.model_copy(update={"crossheads": []})
    without = briefpress.audit(briefpress.render(plain, "text"), sources, article_name="article.txt")
    assert [v.text for v in result.grounding.failed] == [v.text for v in without.grounding.failed]


def test_prune_keeps_each_crosshead_over_its_paragraph(article: briefpress.Article) -> None:
    draft = EditableArticle(article)
    first = article.crossheads[0]
    emptied = first.before - 1  # the paragraph above the first crosshead goes
    for e in [e for e in draft.data["evidence"] if e["part"] == f"body[{emptied}]"]:
        draft.drop_sentence(f"body[{emptied}]", e["sentence"])
    draft.set(f"body[{emptied}]", "")
    draft.prune()
    pruned = draft.article()
    moved = [c for c in pruned.crossheads if c.question == first.question]
    if first.before == 1:  # nothing would stand above it: it goes with the paragraph
        assert not moved
    else:
        assert pruned.body[moved[0].before] == article.body[first.before]
    for c in pruned.crossheads:
        assert any(e.part.startswith("crossheads[") and e.sentence == c.question for e in pruned.evidence)


def test_the_web_editor_shows_each_crosshead_before_its_paragraph(article: briefpress.Article) -> None:
    from briefpress.web.annotate import annotate
    from briefpress.web.routes import fragment

    data = article.to_json_dict()
    page = fragment("_article.html.j2", article_id="a1", a=data, ann=annotate(data), version=1)
    for c in article.crossheads:
        head = page.index(f'data-part="crossheads[{article.crossheads.index(c)}].question"')
        para = page.index(f'data-part="body[{c.before}]"')
        previous = page.rfind('data-part="body[', 0, para)
        assert previous < head < para and page.rfind("<h3>", 0, head) > previous


def _body(paragraphs: int) -> list[str]:
    towns = ["Riverton", "Lakeside", "Millbrook", "Ashford", "Redcliff", "Stonehill", "Westport", "Elmwood"]
    return [f"The {town} council approved the new harbour budget on Monday after a long debate. "
            f"The plan sets aside money for the night ferry, the cycle lanes and the library roof. "
            f"Work on the first of them starts early in April." for town in towns[:paragraphs]]


def test_a_body_within_the_section_bound_takes_no_crosshead_that_leaves_too_few_naming_the_keyphrase() -> None:
    body = _body(7)
    assert BODY_PLAIN < sum(len(p.split()) for p in body) <= SECTION_MAX
    # Three of ten subheadings name the keyphrase: an eleventh that does not would leave under 30%.
    assert crossheads_for(body, names=lambda q: False, headings=(3, 10)) == []
    named = crossheads_for(body, names=lambda q: True, headings=(3, 10))
    assert named and all(c.question.endswith("?") for c in named)
    longer = _body(8) + _body(8)[:1]  # over the bound, the body gets its crossheads in any case
    assert sum(len(p.split()) for p in longer) > SECTION_MAX
    assert crossheads_for(longer, names=lambda q: False, headings=(3, 10))


def test_a_paragraph_split_for_length_keeps_each_crosshead_over_its_paragraph(article: briefpress.Article) -> None:
    from briefpress.seo.fix.sizes import fix_long_paragraphs

    shorter = article.model_copy(update={"body": article.body[:-1]})
    draft = EditableArticle(shorter)
    draft.set("body[0]", " ".join([article.body[0]] * 6))  # over 150 words: split in two
    fix_long_paragraphs(draft)
    split = draft.article()
    assert len(split.body) > len(shorter.body)
    assert [(split.body[c.before], c.question) for c in split.crossheads] == \
        [(shorter.body[c.before], c.question) for c in shorter.crossheads]


def test_no_crosshead_cuts_a_quote_that_runs_over_paragraphs() -> None:
    # News style leaves a quote open at the end of each of its paragraphs but the last: a heading
    # between them would read as the speaker's. A blind review found one there.
    plain = ("The harbour board voted on Monday to run the night ferry all year from April, and its chair said "
             "the crossing would carry more freight, more cars and more foot passengers than it did last winter "
             "when storms closed the port for nine days in a row.")
    opens = ('"We have waited a long time for this," said Ana Ruiz, who runs the ferry line. "The night crossing '
             "has lost money for years, and the board now wants it to pay its way by carrying freight as well as "
             "the cars and the foot passengers who use it every week")
    closes = ('"Nobody on the island will have to wait for the morning boat again," she said. The ferry line will '
              "publish the new timetable in March.")
    body = [plain] * 4 + [opens, closes] + [plain] * 3
    heads = crossheads_for(body)
    assert heads, "a body this long gets a crosshead"
    assert all(not body[c.before - 1].count('"') % 2 for c in heads), heads


def test_a_crosshead_asking_what_someone_said_heads_their_words_alone() -> None:
    # A blind review read the other captain's quote under "What did Surrey skipper Gareth Batty say?".
    plain = ("The harbour board voted on Monday to run the night ferry all year from April, and its chair said "
             "the crossing would carry more freight, more cars and more foot passengers than it did last winter "
             "when storms closed the port for nine days in a row.")
    batty = ('Surrey skipper Gareth Batty told BBC Radio London: "Everyone is stepping up to the plate when the team '
             'requires, and we got wickets at the right times in the final overs."')
    lees = ('Yorkshire captain Alex Lees: "We are all gutted. We have played some great white-ball cricket this '
            'season, but when it has mattered we have not been good enough."')
    body = [plain] * 5 + [batty, lees]
    heads = {c.before: c.question for c in crossheads_for(body)}
    assert heads.get(5) == "What did Surrey skipper Gareth Batty say?", heads
    assert heads.get(6) == "What did Yorkshire captain Alex Lees say?", heads
    # A colon after a report is no speaker's name: the parse asks of that sentence itself.
    told = 'He told BBC Radio London: "Everyone is stepping up to the plate when the team requires."'
    assert all("He told" not in c.question for c in crossheads_for([plain] * 5 + [batty, told]))


def test_a_quote_reopened_in_its_paragraph_runs_on_though_its_marks_are_even() -> None:
    from briefpress.plan.crossheads import _quote_runs_on

    # Wire style: the second sentence opens the quote again and nothing closes it, so the next
    # paragraph goes on with the speaker's words; counting two marks called it closed.
    assert _quote_runs_on('Lees said: "We are all gutted. "The bowlers were exceptional.')
    assert not _quote_runs_on('Batty said: "We got wickets at the right times."')
    assert not _quote_runs_on('The bowler is 6\'4" tall.')  # a closing mark with none open is no quote
