"""Renderers: the text layout of docs/format.md, Markdown front matter, HTML with JSON-LD, JSON schema."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from importlib.resources import files

import jsonschema
import pytest

import briefpress
from briefpress.errors import UsageError
from briefpress.render.html import script_json

SCHEMA = json.loads(files("briefpress").joinpath("schemas/article.schema.json").read_text(encoding="utf-8"))


@pytest.fixture
def article(takaichi: str) -> briefpress.Article:
    return briefpress.write(takaichi, author="Jane Doe", date="2026-10-25T09:00:00+09:00", site_url="https://news.example.com")


def test_text_layout_follows_format_md(article: briefpress.Article) -> None:
    lines = briefpress.render(article, "text").rstrip("\n").split("\n")
    # Summary: the lead, then each key point after a "-" line.
    n = len(article.summary)
    expected_head = [article.summary[0]]
    for point in article.summary[1:]:
        expected_head += ["-", point]
    assert lines[: 2 * n - 1] == expected_head
    rest = lines[2 * n - 1 :]
    assert rest[0] == article.meta_description
    i = 1
    for section in article.sections:
        assert rest[i] == section.question and rest[i].endswith("?")
        assert rest[i + 1] == section.answer
        i += 2
    assert rest[i] == "Frequently Asked Questions"
    i += 1
    for qa in article.faq:
        assert (rest[i], rest[i + 1]) == (qa.question, qa.answer)
        i += 2
    assert rest[i] == "Key Takeaways"
    i += 1
    for takeaway in article.takeaways:
        assert rest[i] == f"- {takeaway.label}: {takeaway.text}"
        i += 1
    assert rest[i : i + 2] == ["Conclusion", article.conclusion]
    assert rest[i + 2 :] == article.body
    assert "#" not in "\n".join(lines) and "**" not in "\n".join(lines)


def test_json_validates_against_published_schema(article: briefpress.Article) -> None:
    data = json.loads(briefpress.render(article, "json"))
    jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(data)
    assert data["schema"] == "briefpress.article/1"
    assert list(data)[:16] == [
        "schema", "headline", "slug", "keyphrase", "meta_description", "summary", "sections", "faq",
        "takeaways", "conclusion", "body", "facts", "evidence", "jsonld", "engine", "created",
    ]
    # The JSON round-trips into the same typed object.
    assert briefpress.Article.model_validate(data) == article


def test_schema_rejects_a_broken_package(article: briefpress.Article) -> None:
    data = json.loads(briefpress.render(article, "json"))
    del data["headline"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.links: dict[str, str] = {}
        self.ld: list[str] = []
        self.tags: list[str] = []
        self._in_ld = False
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if tag == "meta":
            self.meta[a.get("name") or a.get("property") or a.get("charset", "")] = a.get("content", "")
        if tag == "link":
            self.links[a["rel"]] = a["href"]
        self._in_ld = tag == "script" and a.get("type") == "application/ld+json"
        self._in_title = tag == "title"
        if self._in_ld:
            self.ld.append("")

    def handle_endtag(self, tag):
        self._in_ld = self._in_title = False

    def handle_data(self, data):
        if self._in_ld:
            self.ld[-1] += data
        if self._in_title:
            self.title += data


def test_html_page_has_seo_metadata_and_jsonld(article: briefpress.Article) -> None:
    page = _Page()
    page.feed(briefpress.render(article, "html"))
    assert page.title == article.headline
    assert page.meta["description"] == article.meta_description
    assert page.links["canonical"] == f"https://news.example.com/{article.slug}/"
    for key in ("og:title", "og:description", "og:type", "twitter:card", "twitter:title"):
        assert page.meta[key]
    assert {"article", "header", "section", "h1", "h2", "time"} <= set(page.tags)
    assert page.tags.count("h1") == 1
    blocks = [json.loads(block) for block in page.ld]
    news = next(b for b in blocks if b["@type"] == "NewsArticle")
    faq = next(b for b in blocks if b["@type"] == "FAQPage")
    assert news["headline"] == article.headline
    assert news["datePublished"] == "2026-10-25T09:00:00+09:00" and news["dateModified"]
    assert article.keyphrase in news["keywords"]
    assert news["author"] == [{"@type": "Person", "name": "Jane Doe"}]
    assert [q["name"] for q in faq["mainEntity"]] == [qa.question for qa in article.faq]


def test_markdown_front_matter_reads_as_yaml(article: briefpress.Article) -> None:
    md = briefpress.render(article, "md")
    assert md.startswith("---\n")
    front, body = md[4:].split("\n---\n", 1)
    fields = dict(line.split(": ", 1) for line in front.splitlines())
    assert json.loads(fields["title"]) == article.headline
    assert json.loads(fields["slug"]) == article.slug
    assert json.loads(fields["keyphrase"]) == article.keyphrase
    assert json.loads(fields["date"]) == article.date_published
    assert json.loads(fields["tags"]) == article.tags  # a YAML flow sequence of JSON strings
    assert "## Frequently Asked Questions" in body and "## Key Takeaways" in body


def test_hostile_text_is_escaped_everywhere() -> None:
    brief = (
        'The mayor said "</script><script>alert(1)</script>" at the council meeting on Tuesday.\n-\n'
        "Residents posted <img src=x onerror=alert(1)> on the city forum & cheered.\n-\n"
        "The council meets again in March."
    )
    article = briefpress.write(brief)
    html = briefpress.render(article, "html")
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert html.count("<script") == len(article.jsonld)  # only the JSON-LD blocks
    for block in _Page_ld(html):
        assert "</script" not in block.lower()
        json.loads(block)
    md = briefpress.render(article, "md")
    assert "<img src=x" not in md and "<script>" not in md


def _Page_ld(html: str) -> list[str]:
    page = _Page()
    page.feed(html)
    return page.ld


def test_script_json_cannot_close_its_element() -> None:
    text = script_json({"a": "</script><!-- & -->"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"a": "</script><!-- & -->"}


def test_unknown_format() -> None:
    with pytest.raises(UsageError, match="choose one of: text, md, html, json"):
        briefpress.render(briefpress.write("A lead sentence here.\n-\nA point."), "pdf")


@pytest.mark.parametrize("fmt", ["text", "md", "html", "json"])
def test_an_article_without_summary_points_still_renders(article: briefpress.Article, fmt: str) -> None:
    empty = article.model_copy(update={"summary": []})
    out = briefpress.render(empty, fmt)
    assert article.conclusion.split()[0] in out
