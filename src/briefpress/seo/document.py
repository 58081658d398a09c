"""The page an audit reads: title, meta description, slug, keyphrase and the body as blocks.

A block is a paragraph or a heading, as Yoast's analysis sees them: text outside ``<p>`` in a list
item, table cell or ``div`` becomes an implicit paragraph; quotes, code and embedded content are
left out, because they are not the author's prose.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

BlockKind = str  # "p" or "h1".."h6"


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str
    in_list: bool = False  # inside <ul>/<ol>/<table>: left out of the sentence-beginnings check


@dataclass(frozen=True)
class Link:
    href: str
    text: str
    nofollow: bool = False


@dataclass(frozen=True)
class Image:
    src: str
    alt: str


@dataclass
class Page:
    title: str = ""
    description: str = ""
    slug: str = ""
    keyphrase: str = ""
    synonyms: list[str] = field(default_factory=list)
    site_url: str = ""  # links to this host count as internal
    blocks: list[Block] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    plain_text: str = ""  # body text with tags removed, blocks separated by spaces

    @property
    def paragraphs(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "p"]

    @property
    def headings(self) -> list[Block]:
        return [b for b in self.blocks if b.kind.startswith("h")]


# Elements whose content is not the author's running prose (Yoast filters the same kinds).
_SKIPPED = frozenset(
    [
        "base", "blockquote", "canvas", "code", "head", "iframe", "input", "kbd", "link", "math", "meta", "meter",
        "noscript", "object", "portal", "pre", "progress", "q", "samp", "script", "slot", "style", "svg", "template",
        "textarea", "title", "var", "cite", "form", "map", "output",
    ]
)
_HEADINGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
# Block-level elements: text inside them but outside <p> forms an implicit paragraph.
_BLOCKS = frozenset(
    [
        "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th", "thead", "tbody", "tfoot", "section",
        "article", "header", "footer", "main", "aside", "nav", "figure", "figcaption", "details", "summary", "address",
        "body", "html", "hr",
    ]
) | _HEADINGS
_LISTS = frozenset(("ul", "ol", "table"))
_VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.links: list[Link] = []
        self.images: list[Image] = []
        self.text_parts: list[str] = []
        self._skip = 0
        self._buffer: list[str] = []
        self._kind = "p"
        self._in_heading: str | None = None
        self._lists = 0
        self._link: tuple[str, bool, list[str]] | None = None

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self._buffer)).strip()
        self._buffer = []
        if text:
            self.blocks.append(Block(self._in_heading or "p", text, in_list=self._lists > 0))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            if tag not in _VOID:
                self._skip += 1
            return
        if self._skip:
            return
        attr = {k: (v or "") for k, v in attrs}
        if tag in _BLOCKS:
            self._flush()
            if tag in _HEADINGS:
                self._in_heading = tag
            if tag in _LISTS:
                self._lists += 1
            self.text_parts.append(" ")
        elif tag == "br":
            self._buffer.append("\n")
        elif tag == "a":
            rel = attr.get("rel", "").lower().split()
            self._link = (attr.get("href", ""), "nofollow" in rel, [])
        elif tag == "img":
            self.images.append(Image(attr.get("src", ""), attr.get("alt", "")))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            return
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            if tag not in _VOID:
                self._skip = max(0, self._skip - 1)
            return
        if self._skip:
            return
        if tag in _BLOCKS:
            self._flush()
            if tag in _HEADINGS:
                self._in_heading = None
            if tag in _LISTS:
                self._lists = max(0, self._lists - 1)
            self.text_parts.append(" ")
        elif tag == "a" and self._link is not None:
            href, nofollow, parts = self._link
            self.links.append(Link(href, re.sub(r"\s+", " ", "".join(parts)).strip(), nofollow))
            self._link = None

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        self._buffer.append(data)
        self.text_parts.append(data)
        if self._link is not None:
            self._link[2].append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def parse_html(content: str) -> tuple[list[Block], list[Link], list[Image], str]:
    """Blocks, links, images and plain text of an HTML fragment or page body."""
    parser = _Parser()
    parser.feed(content)
    parser.close()
    plain = re.sub(r"\s+", " ", "".join(parser.text_parts)).strip()
    return parser.blocks, parser.links, parser.images, plain


def page_from_html(
    content: str,
    *,
    title: str = "",
    description: str = "",
    slug: str = "",
    keyphrase: str = "",
    site_url: str = "",
) -> Page:
    blocks, links, images, plain = parse_html(content)
    return Page(
        title=title, description=description, slug=slug, keyphrase=keyphrase, site_url=site_url,
        blocks=blocks, links=links, images=images, plain_text=plain,
    )


def escape(text: str) -> str:
    return html_lib.escape(text, quote=True)
