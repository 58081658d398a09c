"""The reader: one sniffer for briefs, sources and articles, and the HTML readers."""

from __future__ import annotations

import pytest

from briefpress.errors import EmptyInputError
from briefpress.reader import article_kind, html_parts, looks_like_html, main_text, sniff, visible_blocks

PAGE = """<!doctype html><html><head><title>Lanes approved &amp; funded</title>
<meta name="description" content="The council approved lanes.">
<meta name="keywords" content="cycle lanes, Riverton">
<link rel="canonical" href="https://news.example.org/riverton/cycle-lanes/">
<script>var claim = "Fake 99%";</script></head>
<body><nav>Home | News</nav><article><h1>Riverton approves cycle lanes</h1><p class="byline">By A. Writer</p>
<p>The council approved 18 kilometres of protected cycle lanes on Tuesday, ending a two-year dispute.</p>
<p>Work starts in March and should finish within 14 months, the mayor said.</p></article></body></html>"""


def test_the_html_test_is_the_same_for_briefs_and_articles() -> None:
    for text in (PAGE, "<p>One paragraph.</p>", "<!-- saved -->\n<div>x</div>", "Title\n<h1>x</h1>"):
        assert looks_like_html(text)
        assert sniff(text) == "html" and article_kind(text) == "html"
    assert not looks_like_html("A brief about <b>bold</b> claims.\n-\nA point.")


def test_a_json_list_is_json_not_prose() -> None:
    assert sniff("[1, 2]") == "json" and article_kind("[1, 2]") == "json"
    assert sniff("[not json") == "prose"


def test_visible_blocks_leave_out_scripts_and_navigation() -> None:
    blocks = visible_blocks(PAGE)
    assert ("h1", "Riverton approves cycle lanes") in blocks
    assert all("Fake" not in text and "Home" not in text for _, text in blocks)
    assert blocks[-1][0] == "p" and blocks[-1][1].startswith("Work starts in March")


def test_html_parts_are_what_a_cms_keeps_apart() -> None:
    parts = html_parts(PAGE)
    assert parts["title"] == "Lanes approved & funded"
    assert parts["description"] == "The council approved lanes."
    assert parts["keyphrase"] == "cycle lanes"
    assert (parts["slug"], parts["site_url"]) == ("cycle-lanes", "https://news.example.org")
    assert "<h1" not in parts["content"] and "byline" not in parts["content"]
    assert "18 kilometres" in parts["content"]


def test_html_parts_leave_out_the_byline_of_briefpress_s_own_page() -> None:
    import briefpress

    article = briefpress.write("Riverton council approves cycle lanes\n-\nThe council voted 7-2 on Tuesday.\n",
                               author="Jane Doe", created="2026-11-25T09:00:00+00:00")
    page = briefpress.render(article, "html")
    assert '<div class="byline">' in page
    content = html_parts(page)["content"]
    assert "byline" not in content and "Jane Doe" not in content and "2026-11-25</time>" not in content
    assert html_parts('<article><div class="byline">By A</div><div>kept</div></article>')["content"] == "<div>kept</div>"


def test_main_text_is_the_article_and_an_empty_page_is_refused() -> None:
    page = main_text(PAGE, "page.html")
    assert "18 kilometres of protected cycle lanes" in page.text
    assert "Fake" not in page.text
    with pytest.raises(EmptyInputError, match="no article text"):
        main_text("<html><head><script>x</script></head><body><div></div></body></html>", "empty.html")
