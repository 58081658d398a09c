"""Reading articles in every form: offsets, parts, and what counts as a claim."""

from __future__ import annotations

import json

import pytest

from briefpress.errors import EmptyInputError, InputError
from briefpress.pipeline import write
from briefpress.verify import audit
from briefpress.verify.article import read

BRIEF = """Council of Riverton approved a 4.2 million dollar cycle lane network on Tuesday, ending a two-year dispute.
-
The plan adds 18 kilometres of protected lanes along the river and the ring road.
-
Mayor Ana Ruiz said construction starts in March and should finish within 14 months.
-
Shop owners on Mill Street, who opposed the plan, won a delivery bay on every block."""


def test_markdown_offsets_point_at_the_raw_text_and_markup_is_ignored() -> None:
    md = ("---\ntitle: Lanes\n---\n# Riverton approves **cycle lanes**\n\n"
          "- The plan adds [18 kilometres](https://example.org) of lanes.\n"
          "- Work starts in *March*.\n")
    text, sentences = read(md)
    assert text == md
    assert [s.text for s in sentences] == ["Riverton approves **cycle lanes**",
                                           "The plan adds [18 kilometres](https://example.org) of lanes.",
                                           "Work starts in *March*."]
    assert all(md[s.start : s.end] == s.text for s in sentences)
    assert sentences[1].check_text == "The plan adds 18 kilometres of lanes."


def test_html_reads_visible_text_only() -> None:
    page = ("<html><head><title>T</title><script>var x = 'Fake claim 99%.';</script></head><body>"
            "<h1>Riverton approves lanes</h1><p>The plan adds 18 kilometres of lanes &amp; bays.</p></body></html>")
    text, sentences = read(page)
    assert [s.text for s in sentences] == ["Riverton approves lanes", "The plan adds 18 kilometres of lanes & bays."]
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert "99%" not in text


def test_article_json_uses_parts_and_the_evidence_map() -> None:
    article = write(BRIEF)
    raw = json.dumps(article.to_json_dict())
    _, sentences = read(raw)
    parts = {s.part for s in sentences}
    assert "headline" in parts and any(p.startswith("sections[") for p in parts)
    questions = [s for s in sentences if s.part.endswith(".question")]
    assert questions and all(s.no_claim for s in questions)
    report = audit(raw, [BRIEF])
    assert report.summary.unsupported == 0 and report.summary.contradicted == 0
    texts = dict(
        [("headline", article.headline), ("conclusion", article.conclusion)]
        + [(f"body[{i}]", p) for i, p in enumerate(article.body)]
    )
    for s in report.sentences:
        if s.part in texts:
            assert texts[s.part][s.start : s.end] == s.text


def test_foreign_json_is_refused() -> None:
    with pytest.raises(InputError, match="briefpress article JSON"):
        read('{"title": "not an article"}')


def test_empty_and_oversized_articles_are_refused() -> None:
    with pytest.raises(EmptyInputError):
        read(b"   \n")
    with pytest.raises(InputError, match="limit"):
        read(b"x. " * 400_000)


def test_a_sentence_the_evidence_map_names_twice_keeps_offsets_within_its_part() -> None:
    # A brief opening on a stray quote mark, and a source that repeats it: the evidence map names
    # one sentence for two places, and every sentence read must still have a real offset.
    line = "The council approved 40 new homes in Leeds on Tuesday. Mayor Ana Ruiz said work starts in May."
    article = write('"' + line + "\n", sources=[("s.txt", '"' + line + "\n" + line + "\n")])
    _, sentences = read(article)
    assert sentences and all(s.start >= 0 and s.end > s.start for s in sentences)
