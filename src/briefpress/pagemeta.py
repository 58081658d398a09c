"""A web page's metadata: title, date, author, canonical URL and lead image, from its own markup.

trafilatura's metadata reader gives the title, date, author, canonical URL and the og:image; the
image's alt text, caption and credit come from the page's own tags (og:image:alt, the ``<img>``
that shows the picture, its ``<figcaption>``). Nothing is made up: a field the page does not give
stays empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import lxml.html
from trafilatura import extract_metadata

# "Photo: Jane Doe/Agency", "Picture by ...", "(Credit: ...)", "© Agency"
_CREDIT = re.compile(
    r"(?:\(|\b)(?:photo(?:graph)?|picture|image|credit)s?\s*(?:by|:)\s*([^()]+?)\)?\s*$|©\s*(.+)$", re.I)


@dataclass(frozen=True)
class Image:
    url: str
    alt: str | None = None
    caption: str | None = None
    credit: str | None = None


@dataclass(frozen=True)
class PageMeta:
    title: str | None = None
    date: str | None = None
    author: str | None = None
    url: str | None = None  # canonical
    image: Image | None = None


def read_meta(html: str, url: str | None = None) -> PageMeta:
    """The metadata of the page ``html`` found at ``url`` (relative links resolve against it)."""
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return PageMeta()
    doc = extract_metadata(tree, default_url=url)
    canonical = doc.url if doc.url and urlsplit(doc.url).scheme in ("http", "https") else url
    image_url = _absolute(doc.image, canonical or url) if doc.image else None
    return PageMeta(title=doc.title or None, date=doc.date or None, author=doc.author or None, url=canonical,
                    image=_image(tree, image_url, canonical or url) if image_url else None)


def _absolute(link: str, base: str | None) -> str | None:
    full = urljoin(base or "", link.strip())
    return full if urlsplit(full).scheme in ("http", "https") else None


def _image(tree: lxml.html.HtmlElement, image_url: str, base: str | None) -> Image:
    alt = _meta_content(tree, "og:image:alt") or _meta_content(tree, "twitter:image:alt")
    caption = credit = None
    for img in tree.iter("img"):
        src = img.get("src")
        if not src or _absolute(src, base) != image_url:
            continue
        alt = alt or (img.get("alt") or "").strip() or None
        figure = next((a for a in img.iterancestors("figure")), None)
        caption_el = figure.find(".//figcaption") if figure is not None else None
        if caption_el is not None:
            caption = " ".join(caption_el.text_content().split()) or None
        break
    if caption:
        m = _CREDIT.search(caption)
        if m:
            credit = (m.group(1) or m.group(2)).strip(" .") or None
    return Image(url=image_url, alt=alt, caption=caption, credit=credit)


def _meta_content(tree: lxml.html.HtmlElement, key: str) -> str | None:
    for meta in tree.iter("meta"):
        if key in (meta.get("property"), meta.get("name")):
            value = " ".join((meta.get("content") or "").split())
            return value or None
    return None
