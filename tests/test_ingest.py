"""Ingest: every brief form becomes facts with stable ids and exact offsets."""

from __future__ import annotations

import json

import pytest

from briefpress.errors import EmptyInputError, EncodingError, InputError, InputTooLargeError
from briefpress.ingest import MAX_INPUT_BYTES, decode, ingest, parse
from briefpress.models import Options, Run
from briefpress.reader import article_kind, sniff
from briefpress.text import split_sentences


def facts_of(text: str, name: str = "brief"):
    (source, facts), *_ = parse(text, name, "S1")
    return source, facts


def assert_offsets(source, facts) -> None:
    for fact in facts:
        assert source.text[fact.start : fact.end] == fact.text


def test_dash_layout_gives_lead_and_points(takaichi: str) -> None:
    source, facts = facts_of(takaichi, "takaichi-brief.txt")
    assert source.kind == "dash"
    assert [f.id for f in facts] == ["S1.F1", "S1.F2", "S1.F3", "S1.F4"]
    assert [f.role for f in facts] == ["lead", "point", "point", "point"]
    assert facts[0].text.startswith("Japan’s new Prime Minister Sanae Takaichi")
    assert all(f.source == "takaichi-brief.txt" for f in facts)
    assert_offsets(source, facts)


def test_dash_point_with_two_sentences_keeps_both() -> None:
    text = "Lead sentence here.\n-\nFirst point. Its second sentence.\n-\nLast point."
    source, facts = facts_of(text)
    assert [f.role for f in facts] == ["lead", "point", "sentence", "point"]
    assert_offsets(source, facts)


@pytest.mark.parametrize(
    "text",
    [
        "# Council approves lanes\n\nThe council approved lanes.\n\n- Work starts in March.\n- It costs 4 million.\n",
        "The council approved lanes.\n* Work starts in March.\n* It costs 4 million.\n",
        "The council approved lanes.\n1. Work starts in March.\n2. It costs 4 million.\n",
    ],
)
def test_markdown_bullets_and_numbered_lists(text: str) -> None:
    source, facts = facts_of(text)
    assert source.kind == "bullets"
    texts = [f.text for f in facts]
    assert "Work starts in March." in texts and "It costs 4 million." in texts
    assert not any(t.startswith(("-", "*", "1.", "2.")) for t in texts)
    assert_offsets(source, facts)


def test_prose_keeps_abbreviations_inside_sentences() -> None:
    text = (
        "Mr. Smith met U.S. officials on Jan. 5 in Washington. He said the talks went well.\n\n"
        "The U.S. economy grew 2.5% in 2024, officials said."
    )
    source, facts = facts_of(text)
    assert source.kind == "prose"
    assert [f.text for f in facts] == [
        "Mr. Smith met U.S. officials on Jan. 5 in Washington.",
        "He said the talks went well.",
        "The U.S. economy grew 2.5% in 2024, officials said.",
    ]
    assert_offsets(source, facts)


def test_json_brief_with_embedded_sources() -> None:
    brief = json.dumps(
        {
            "title": "Riverton approves cycle lanes",
            "points": ["The council approved the plan on Tuesday.", "Work starts in March."],
            "sources": ["The plan adds 18 kilometres of lanes.", {"name": "minutes", "text": "The vote was 7 to 2."}],
        }
    )
    parsed = parse(brief, "brief.json", "S1")
    assert [s.id for s, _ in parsed] == ["S1", "S2", "S3"]
    (brief_src, brief_facts), (_, s2), (s3_src, s3) = parsed
    assert brief_src.kind == "json" and brief_src.title == "Riverton approves cycle lanes"
    assert [f.role for f in brief_facts] == ["title", "lead", "point"]
    assert s2[0].id == "S2.F1" and s3_src.name == "minutes" and s3[0].text == "The vote was 7 to 2."
    assert_offsets(brief_src, brief_facts)


@pytest.mark.parametrize("bad", ["[1, 2]", '{"title": 5}', '{"points": "not a list"}', "{broken"])
def test_bad_json_brief_is_an_input_error(bad: str) -> None:
    with pytest.raises(InputError):
        parse(bad, "b.json", "S1")


def test_html_page_main_text_through_trafilatura() -> None:
    html = (
        "<!DOCTYPE html><html><head><title>Lanes approved</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/sport'>Sport</a></nav>"
        "<article><h1>Lanes approved</h1>"
        "<p>Council of Riverton approved a 4.2 million dollar cycle lane network on Tuesday, ending a two-year dispute.</p>"
        "<p>The plan adds 18 kilometres of protected lanes along the river and the ring road.</p>"
        "<p>Mayor Ana Ruiz said construction starts in March and should finish within 14 months.</p></article>"
        "<footer>Copyright Riverton Daily. All rights reserved.</footer></body></html>"
    )
    source, facts = facts_of(html, "page.html")
    assert source.kind == "html"
    texts = " ".join(f.text for f in facts)
    assert "18 kilometres" in texts and "Mayor Ana Ruiz" in texts
    assert "Copyright" not in texts and "Sport" not in texts
    assert_offsets(source, facts)
    # The page's headline opens its text: a title, then the lead; never a sentence of the story.
    assert source.title == "Lanes approved"
    assert [(f.text, f.role) for f in facts[:2]] == [
        ("Lanes approved", "title"),
        ("Council of Riverton approved a 4.2 million dollar cycle lane network on Tuesday, ending a two-year dispute.",
         "lead")]


def test_a_source_page_s_headline_is_told_as_no_sentence_of_the_story() -> None:
    import briefpress

    page = ("<html><head><title>Riverton lanes approved after long row</title></head><body><article>"
            "<h1>Riverton lanes approved after long row</h1>"
            "<p>Council of Riverton approved a 4.2 million dollar cycle lane network on Tuesday.</p>"
            "<p>The plan adds 18 kilometres of protected lanes along the river and the ring road.</p>"
            "<p>Mayor Ana Ruiz said construction starts in March and should finish within 14 months.</p>"
            "<p>Shop owners on Mill Street won a delivery bay on every block.</p></article></body></html>")
    brief = "Council of Riverton approved a 4.2 million dollar cycle lane network on Tuesday."
    article = briefpress.write(brief, [("page.html", page)], engine="extractive", date="2026-11-25T09:00:00+00:00")
    title = next(f for f in article.facts if f.role == "title" and f.id.startswith("S2."))
    assert title.text == "Riverton lanes approved after long row"
    assert not any(title.id in e.facts for e in article.evidence)


def test_several_sources_get_their_own_ids(takaichi: str) -> None:
    run = ingest(Run(options=Options()), takaichi, "brief.txt", sources=[("a.txt", "One fact. Two facts."), ("b.txt", "Third.")])
    assert [s.id for s in run.sources] == ["S1", "S2", "S3"]
    assert [f.id for f in run.facts if f.id.startswith("S2")] == ["S2.F1", "S2.F2"]
    assert run.facts[-1].id == "S3.F1" and run.facts[-1].source == "b.txt"


def test_ids_are_stable_across_runs(takaichi: str) -> None:
    first = ingest(Run(options=Options()), takaichi).facts
    second = ingest(Run(options=Options()), takaichi).facts
    assert first == second


@pytest.mark.parametrize(
    ("data", "error", "words"),
    [
        (b"", EmptyInputError, "empty"),
        (b"   \n\n  ", EmptyInputError, "empty"),
        (b"\xff\xfeabc", EncodingError, "UTF-8"),
        (b"\x00\x01\x02binary\x00", EncodingError, "binary"),
        (b"a" * (MAX_INPUT_BYTES + 1), InputTooLargeError, "2 MB"),
    ],
)
def test_bad_bytes(data: bytes, error: type[Exception], words: str) -> None:
    with pytest.raises(error, match=words):
        decode(data, "x.txt")


@pytest.mark.parametrize("text", ["-\n-\n-\n", "12345\n-\n678", "...!!!"])
def test_brief_with_no_sentence(text: str) -> None:
    with pytest.raises(EmptyInputError, match="no sentence"):
        ingest(Run(options=Options()), text)


def test_sniff() -> None:
    assert sniff('{"title": "x"}') == "json"
    assert sniff("<html><body><p>x</p></body></html>") == "html"
    assert sniff("Lead.\n-\nPoint.") == "dash"
    assert sniff("Lead.\n- a\n- b") == "bullets"
    assert sniff("Just a paragraph. Another sentence.") == "prose"


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ('{"schema": "briefpress.article/1"}', "a.txt", "json"),
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", "", "html"),
        ("<h1>Lanes</h1><p>The plan adds lanes.</p>", "", "html"),
        ("<section><p>The plan adds lanes.</p></section>", "", "html"),  # a tag near the start
        ("The plan adds lanes.", "a.html", "html"),  # the file name settles it
        ("---\ntitle: Lanes\n---\nThe plan adds lanes.", "", "markdown"),
        ("# Lanes\n\nThe plan adds lanes.", "", "markdown"),
        ("The plan adds lanes.", "a.md", "markdown"),
        ("Lanes approved\n-\nThe plan adds lanes.", "", "text"),
    ],
)
def test_one_sniffer_tells_an_articles_form(text: str, name: str, kind: str) -> None:
    assert article_kind(text, name) == kind
    # A brief or source is read by the same JSON and HTML tests.
    if kind in ("json", "html"):
        assert sniff(text, name) == kind


def test_split_sentences_offsets_with_offset_argument() -> None:
    text = "First one. Second one."
    spans = split_sentences(text, offset=10)
    assert [(s.start, s.end) for s in spans] == [(10, 20), (21, 32)]



def test_a_run_of_spaces_inside_a_line_is_one_space_and_indentation_stays() -> None:
    # A wire story shipped '"He was not a top agent,"   the source said.' whole in the body.
    source, facts = facts_of('"He was not a top agent,"   the source said. Germany is\tsensitive  to spying.\n')
    assert [f.text for f in facts] == ['"He was not a top agent," the source said.', "Germany is\tsensitive to spying."]
    assert_offsets(source, facts)
    source, facts = facts_of("- The council met.\n  - A nested point stays a point.\n")
    assert source.text.startswith("- The council met.\n  - ")


def test_a_page_notice_run_into_the_text_is_no_part_of_a_sentence() -> None:
    source, facts = facts_of("Wales won a record 12 Grand Slams. Media playback is not supported on this device "
                             "Ireland are bidding to win a third title in a row.\n")
    assert [f.text for f in facts] == ["Wales won a record 12 Grand Slams.",
                                       "Ireland are bidding to win a third title in a row."]
    assert_offsets(source, facts)


def test_text_decoded_twice_on_its_way_is_read_as_written() -> None:
    """Wire text pasted through a wrong encoding ("Â£3m", "â€œ") was told as it came: "sold as
    scrap for Â£3m" shipped in a body. A text with no such damage is left as it is."""
    import briefpress

    story = "Last year, the aircraft carrier HMS Ark Royal was sold as scrap for Â£3m. He said â€œnoâ€\x9d."
    run = ingest(Run(options=Options()), story, brief_name="brief.txt")
    assert [f.text for f in run.facts] == ["Last year, the aircraft carrier HMS Ark Royal was sold as scrap for £3m.",
                                           "He said “no”."]
    plain = "Japan’s new Prime Minister met the café owner."
    assert ingest(Run(options=Options()), plain, brief_name="brief.txt").facts[0].text == plain
    report = briefpress.verify.audit("HMS Ark Royal was sold as scrap for Â£3m last year.", [("wire.txt", story)])
    assert [s.verdict for s in report.sentences] == ["supported"]
