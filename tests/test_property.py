"""Property: whatever the brief, the extractive engine adds no number, quote or name.

Briefs are generated in the dash layout from sentences of random capitalised names, numbers,
percentages, quoted strings and lower-case words; every output format (text, Markdown, HTML,
JSON) must hold only the numbers, quoted strings and capitalised words the input holds, or the
template vocabulary. Dates and machine metadata (schema id, slug, fact offsets) are left out.
"""

from __future__ import annotations

import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import briefpress
from briefpress.render import render
from golden.checks import Vocabulary, novel_tokens, rendered_texts

FORMATS = ("text", "md", "html", "json")
DATE = "2026-11-25T09:00:00+00:00"

_lower = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=9)
_name = st.builds(
    lambda first, rest: first + rest,
    st.sampled_from("BCDFGHKLMNPRSTVZ"),
    st.text(alphabet="aeiou" + "lmnrstvk", min_size=3, max_size=8),
)
_number = st.one_of(
    st.integers(0, 99999).map(str),
    st.builds(lambda a, b: f"{a}.{b}", st.integers(0, 999), st.integers(0, 99)),
    st.integers(0, 100).map(lambda n: f"{n}%"),
    st.integers(1000, 9_999_999).map(lambda n: f"{n:,}"),
)
_quote = st.lists(_lower, min_size=1, max_size=4).map(lambda ws: '"' + " ".join(ws) + '"')
_token = st.one_of(_lower, _lower, _lower, _name, st.lists(_name, min_size=2, max_size=3).map(" ".join), _number, _quote)


@st.composite
def sentences(draw: st.DrawFn) -> str:
    # A sentence holds at least one word (a brief of bare figures is refused by ingest, rightly).
    tokens = [draw(st.one_of(_lower, _name)), *draw(st.lists(_token, min_size=4, max_size=23))]
    joiners = draw(st.lists(st.sampled_from([" ", " ", " ", ", "]), min_size=len(tokens), max_size=len(tokens)))
    text = "".join(t + j for t, j in zip(tokens, joiners, strict=False)).strip().rstrip(",")
    return text[:1].upper() + text[1:] + "."


@st.composite
def briefs(draw: st.DrawFn) -> str:
    points = draw(st.lists(sentences(), min_size=1, max_size=6))
    return "\n-\n".join(points) + "\n"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(brief=briefs())
def test_no_number_quote_or_name_the_input_lacks(brief: str) -> None:
    article = briefpress.write(brief, date=DATE)
    vocab = Vocabulary.of(brief)
    for fmt in FORMATS:
        rendered = render(article, fmt)
        for text in rendered_texts(fmt, rendered, article):
            # Paragraphs join sentences; check each line alone so a quote pairs within its sentence.
            for line in re.split(r"(?<=[.?!\"])\s+|\n", text):
                assert novel_tokens(line, vocab) == [], f"{fmt}: {line!r}"


SCRIPT_BRIEF = """Officials said <script>alert(1)</script> appeared on the council website on Monday.
-
A second page showed the text "</script>" in its title, the council said.
-
The council will review the site next week.
"""


def test_script_tags_are_escaped_in_html_and_jsonld() -> None:
    article = briefpress.write(SCRIPT_BRIEF, date=DATE)
    page = render(article, "html")
    assert "<script>alert(1)</script>" not in page
    assert '"</script>"' not in page
    # Only the JSON-LD blocks open a script element, and each closes once, where it should.
    assert page.count("<script") == len(article.jsonld) == page.count("</script>")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    blocks = re.findall(r'<script type="application/ld\+json">\s*(.*?)\s*</script>', page, re.S)
    assert blocks and all("<" not in b for b in blocks)
    decoded = [json.loads(b) for b in blocks]
    assert "<script>alert(1)</script>" in decoded[0]["articleBody"]  # escaped, not lost


def test_script_tags_are_escaped_in_markdown() -> None:
    article = briefpress.write(SCRIPT_BRIEF, date=DATE)
    md = render(article, "md")
    _, _, body = md.partition("\n---\n")
    assert "<script" not in body and "</script" not in body
    assert "alert(1)" in body  # the text is shown, as text
