"""Yoast's SEO assessments for an English post, with Yoast's scores (see research/seo-checks.md §1.3).

Each check returns an ``Assessment`` or None when it does not apply to the page (Yoast leaves
such checks out of the score too).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from urllib.parse import urlparse

from .context import Context
from .forms import (
    Topic,
    content_words,
    keyphrase_words,
    occurrences,
    percent_found,
    stem,
)
from .language import FUNCTION_WORDS
from .pixels import title_width
from .result import Assessment
from .tokens import split_sentences, tokens

TITLE_MAX_PX = 600
META_MIN, META_MAX = 120, 156


def _topics(ctx: Context) -> list[Topic]:
    return [t for t in [ctx.topic, *ctx.synonyms()] if t is not None]


def introduction_keyword(ctx: Context) -> Assessment | None:
    if ctx.topic is None:
        return Assessment("introductionKeyword", 3, "Set a focus keyphrase, then use it in the first paragraph.")
    first = next((i for i, b in enumerate(ctx.page.blocks) if b.kind == "p"), None)
    if first is None:
        return Assessment("introductionKeyword", 3, "Add an introduction paragraph that holds the keyphrase.")
    sentences = [s for s in ctx.sentences if s.block == first]
    for topic in _topics(ctx):
        if any(occurrences(topic, s.text) for s in sentences):
            return Assessment("introductionKeyword", 9, "The keyphrase appears in the first paragraph. Well done.")
    for topic in _topics(ctx):
        if percent_found(topic, ctx.page.blocks[first].text) == 100:
            return Assessment(
                "introductionKeyword", 6,
                "The keyphrase words are in the first paragraph but not in one sentence; "
                "put them together in one sentence.",
            )
    return Assessment(
        "introductionKeyword", 3,
        f"The keyphrase '{ctx.page.keyphrase}' is missing from the first paragraph; use it there.",
    )


def keyphrase_length(ctx: Context) -> Assessment | None:
    if ctx.topic is None:
        return Assessment("keyphraseLength", -999, "No focus keyphrase is set; set one.")
    n = len(content_words(ctx.page.keyphrase)) if not ctx.topic.exact else len(keyphrase_words(ctx.page.keyphrase))
    if n <= 4:
        return Assessment("keyphraseLength", 9, f"The keyphrase has {n} content word(s). Good.")
    if n <= 8:
        return Assessment("keyphraseLength", 6, f"The keyphrase has {n} content words; shorten it to at most 4.")
    return Assessment("keyphraseLength", 3, f"The keyphrase has {n} content words, far more than 4; shorten it.")


def keyphrase_count(ctx: Context) -> int:
    if ctx.topic is None:
        return 0
    return sum(occurrences(ctx.topic, s.text) for s in ctx.sentences)


def _recommended(length: int, boundary: float, kind: str, words: int) -> int:
    c = boundary * words / (100 * (0.7 + length / 3))
    if c < 2:
        return 2
    return math.ceil(c) if kind == "min" else math.floor(c)


def keyphrase_density(ctx: Context) -> Assessment | None:
    if ctx.topic is None or not ctx.page.plain_text.strip():
        return None
    count = keyphrase_count(ctx)
    words = ctx.word_count
    if words < 100:
        lo, hi = 1, (2 if words > 50 else 1)
        if count == 0:
            return Assessment("keyphraseDensity", 4, f"The keyphrase is not in the text; use it at least {lo} time.")
        if lo <= count <= hi:
            return Assessment("keyphraseDensity", 9, f"The keyphrase was found {count} time(s). Good.")
        if count == hi + 1:
            return Assessment(
                "keyphraseDensity", -10,
                f"The keyphrase was found {count} times; use it at most {hi} time(s) in a text this short.",
            )
        return Assessment(
            "keyphraseDensity", -50,
            f"The keyphrase was found {count} times, far over {hi} for a text this short; use it less.",
        )
    length = ctx.topic.length
    lo_b, hi_b, over = (0.5, 3.5, 4.0) if ctx.word_forms else (0.5, 3.0, 4.0)
    density = count / words * 100 * (0.7 + length / 3)
    lo, hi = _recommended(length, lo_b, "min", words), _recommended(length, hi_b, "max", words)
    if count == 0:
        return Assessment("keyphraseDensity", 4, f"The keyphrase is not in the text; use it at least {lo} times.")
    if density < lo_b or count == 1:
        return Assessment(
            "keyphraseDensity", 4,
            f"The keyphrase was found {count} time(s); use it at least {lo} times.",
        )
    if lo_b <= density <= hi_b or (count == 2 and lo <= 2):
        return Assessment("keyphraseDensity", 9, f"The keyphrase was found {count} times. Good.")
    if density <= over:
        return Assessment("keyphraseDensity", -10, f"The keyphrase was found {count} times; use it at most {hi} times.")
    return Assessment("keyphraseDensity", -50, f"The keyphrase was found {count} times, far over {hi}; use it less.")


def meta_description_keyword(ctx: Context) -> Assessment | None:
    desc = ctx.page.description.strip()
    if ctx.topic is None or not desc:
        return Assessment("metaDescriptionKeyword", 3, "Write a meta description that holds the keyphrase.")
    found = max((sum(occurrences(t, s) for s in split_sentences(desc)) for t in _topics(ctx)), default=0)
    if found == 0:
        return Assessment("metaDescriptionKeyword", 3, "The meta description lacks the keyphrase; add it.")
    if found > 2:
        return Assessment(
            "metaDescriptionKeyword", 3,
            f"The meta description holds the keyphrase {found} times; use it once or twice.",
        )
    return Assessment("metaDescriptionKeyword", 9, "The keyphrase appears in the meta description. Well done.")


def meta_description_length(ctx: Context) -> Assessment | None:
    n = len(ctx.page.description.strip())
    if n == 0:
        return Assessment("metaDescriptionLength", 1, "No meta description is set; write one of 120-156 characters.")
    if n <= META_MIN:
        return Assessment(
            "metaDescriptionLength", 6,
            f"The meta description has {n} characters; lengthen it to 121-156.",
        )
    if n > META_MAX:
        return Assessment(
            "metaDescriptionLength", 6,
            f"The meta description has {n} characters; shorten it to at most {META_MAX}.",
        )
    return Assessment("metaDescriptionLength", 9, f"The meta description has {n} characters. Good.")


def subheadings_keyword(ctx: Context) -> Assessment | None:
    if ctx.topic is None or not ctx.page.plain_text.strip():
        return None
    subheadings = [b.text for b in ctx.page.blocks if b.kind in ("h2", "h3")]
    if not subheadings:
        if ctx.word_count >= 300:
            return Assessment(
                "subheadingsKeyword", 2,
                "The text is long and has no H2/H3 subheadings; add some that use the keyphrase.",
            )
        return Assessment("subheadingsKeyword", 9, "The text is short enough to go without subheadings.")
    topics = _topics(ctx)
    total = len(subheadings)
    n = sum(1 for h in subheadings if any(percent_found(t, h) > 50 for t in topics))
    lo, hi = math.ceil(total * 0.3), math.floor(total * 0.75)
    if 0 < n < lo:
        return Assessment(
            "subheadingsKeyword", 3,
            f"{n} of {total} H2/H3 subheadings reflect the keyphrase; use it in {lo} or more.",
        )
    if total > 1 and n > hi:
        return Assessment(
            "subheadingsKeyword", 3,
            f"{n} of {total} H2/H3 subheadings repeat the keyphrase; keep it to {hi} at most.",
        )
    if total == 1 and n == 1:
        return Assessment("subheadingsKeyword", 9, "The subheading reflects the topic. Good.")
    if lo <= n <= hi and n > 0:
        return Assessment("subheadingsKeyword", 9, f"{n} of {total} H2/H3 subheadings reflect the keyphrase. Good.")
    return Assessment(
        "subheadingsKeyword", 3,
        "No H2/H3 subheading reflects the keyphrase; use it (or most of its words) in one.",
    )


def competing_links(ctx: Context) -> Assessment | None:
    if ctx.topic is None or not ctx.page.plain_text.strip():
        return None
    keys = set(ctx.topic.words)
    for link in ctx.page.links:
        words = [w.lower() for w in tokens(link.text) if w.lower() not in FUNCTION_WORDS]
        if not words or not any(percent_found(t, link.text) == 100 for t in _topics(ctx)):
            continue
        if {stem(w) for w in words} <= {stem(k) for k in keys}:
            return Assessment(
                "textCompetingLinks", 2,
                f"A link uses the keyphrase as its text ('{link.text}'); reword that link.",
            )
    return Assessment("textCompetingLinks", 8, "No link uses the keyphrase as its text. Good.")


def image_keyphrase(ctx: Context) -> Assessment | None:
    images = ctx.page.images
    if ctx.topic is None or not images:
        return Assessment("imageKeyphrase", 3, "Add an image whose alt text holds the keyphrase.")
    with_alt = [i for i in images if i.alt.strip()]
    matching = [i for i in with_alt if any(percent_found(t, i.alt) >= 50 for t in _topics(ctx))]
    n = len(images)
    if not matching:
        return Assessment("imageKeyphrase", 6, "No image alt text holds the keyphrase; add it to one.")
    if n < 5:
        return Assessment("imageKeyphrase", 9, "An image alt text holds the keyphrase. Good.")
    lo, hi = math.ceil(n * 0.3), math.floor(n * 0.75)
    if len(matching) < lo:
        return Assessment(
            "imageKeyphrase", 6,
            f"{len(matching)} of {n} image alt texts hold the keyphrase; use it in {lo} to {hi}.",
        )
    if len(matching) > hi:
        return Assessment(
            "imageKeyphrase", 6,
            f"{len(matching)} of {n} image alt texts hold the keyphrase; vary them ({lo} to {hi}).",
        )
    return Assessment("imageKeyphrase", 9, f"{len(matching)} of {n} image alt texts hold the keyphrase. Good.")


def image_count(ctx: Context) -> Assessment | None:
    n = len(ctx.page.images)
    if n == 0:
        return Assessment("images", 3, "No images appear on this page; add one.")
    return Assessment("images", 9, f"{n} image(s) on the page. Good.")


def text_length(ctx: Context) -> Assessment | None:
    n = ctx.word_count
    if n >= 300:
        return Assessment("textLength", 9, f"The text has {n} words. Good.")
    if n >= 250:
        return Assessment("textLength", 6, f"The text has {n} words; add content to reach 300.")
    if n >= 200:
        return Assessment("textLength", 3, f"The text has {n} words; add content to reach 300.")
    if n >= 100:
        return Assessment("textLength", -10, f"The text has {n} words, far below 300; add content.")
    return Assessment("textLength", -20, f"The text has {n} words, far below 300; add content.")


def link_kind(href: str, site_url: str) -> str:
    href = href.strip()
    if not href or href.startswith("#"):
        return "other"
    parsed = urlparse(href)
    if parsed.scheme and parsed.scheme not in ("http", "https"):
        return "other"
    if not parsed.netloc:
        return "internal"
    site = urlparse(site_url).netloc.lower() if site_url else ""
    return "internal" if site and parsed.netloc.lower() == site else "external"


def _links_result(ctx: Context, kind: str, ident: str, name: str) -> Assessment:
    links = [link for link in ctx.page.links if link_kind(link.href, ctx.page.site_url) == kind]
    if not links:
        return Assessment(ident, 3, f"No {name} links appear on this page; add some.")
    follow = [link for link in links if not link.nofollow]
    if not follow:
        return Assessment(ident, 7, f"All {name} links are nofollow; make some followed links.")
    if len(follow) < len(links):
        return Assessment(ident, 8, f"There are both nofollowed and normal {name} links. Fine.")
    return Assessment(ident, 9, f"The page has {len(links)} {name} link(s). Good.")


def outbound_links(ctx: Context) -> Assessment | None:
    return _links_result(ctx, "external", "externalLinks", "outbound")


def internal_links(ctx: Context) -> Assessment | None:
    return _links_result(ctx, "internal", "internalLinks", "internal")


def _exact_position(title: str, phrase: str) -> int:
    """Character position of ``phrase`` as whole words in ``title`` (case-insensitive), or -1."""
    before = r"(?:^|(?<=[\s.,'()\"+\-;!?:/»«‹›<>]))"
    after = r"(?=$|[\s.,'()\"+\-;!?:/»«‹›<>])"
    m = re.search(before + re.escape(phrase) + after, title, re.IGNORECASE)
    return m.start() if m else -1


def keyphrase_in_title(ctx: Context) -> Assessment | None:
    title = ctx.page.title
    if ctx.topic is None or not title.strip():
        return None
    phrase = ctx.page.keyphrase.strip()
    exact_requested = ctx.topic.exact
    if exact_requested:
        phrase = phrase[1:-1].strip()
    pos = _exact_position(title, phrase)
    if pos >= 0:
        before = [w.lower() for w in tokens(title[:pos])]
        if pos == 0 or all(w in FUNCTION_WORDS for w in before):
            return Assessment("keyphraseInSEOTitle", 9, "The exact keyphrase opens the SEO title. Good.")
        return Assessment(
            "keyphraseInSEOTitle", 6,
            "The exact keyphrase is in the SEO title but not at its start; move it to the beginning.",
        )
    if exact_requested:
        return Assessment(
            "keyphraseInSEOTitle", 2,
            "The quoted keyphrase is not in the SEO title; put it there as written.",
        )
    if percent_found(ctx.topic, title) == 100:
        return Assessment(
            "keyphraseInSEOTitle", 6,
            "The keyphrase words are in the SEO title, but not as the exact phrase; use it as written, at the start.",
        )
    return Assessment(
        "keyphraseInSEOTitle", 2,
        f"Not all words of '{ctx.page.keyphrase}' appear in the SEO title; put the keyphrase at its start.",
    )


def title_width_check(ctx: Context) -> Assessment | None:
    title = ctx.page.title.strip()
    if not title:
        return Assessment("titleWidth", 1, "Write an SEO title.")
    px = title_width(title)
    if px > TITLE_MAX_PX:
        return Assessment(
            "titleWidth", 3,
            f"The SEO title is {px} px wide, over {TITLE_MAX_PX} px (Arial 18px); shorten it or it will be cut off.",
        )
    return Assessment("titleWidth", 9, f"The SEO title is {px} px wide. Good.")


def slug_keyword(ctx: Context) -> Assessment | None:
    slug = ctx.page.slug.strip()
    if ctx.topic is None or not slug:
        return None
    text = re.sub(r"[-_/]+", " ", slug)
    pct = percent_found(ctx.topic, text)
    good = pct == 100 if ctx.topic.length <= 2 else pct > 50
    if good:
        return Assessment("slugKeyword", 9, "The keyphrase is in the slug. Good.")
    return Assessment("slugKeyword", 6, "(Part of) the keyphrase is missing from the slug; add it.")


def function_words_in_keyphrase(ctx: Context) -> Assessment | None:
    words = keyphrase_words(ctx.page.keyphrase)
    if ctx.topic is None or ctx.topic.exact or not words or any(w not in FUNCTION_WORDS for w in words):
        return None
    return Assessment(
        "functionWordsInKeyphrase", 0,
        "The keyphrase holds only function words; add a word that names the topic.",
    )


def single_h1(ctx: Context) -> Assessment | None:
    h1 = [b for b in ctx.page.blocks if b.kind == "h1"]
    if len(h1) > 1:
        return Assessment(
            "singleH1", 1,
            f"The body has {len(h1)} H1 headings; keep one (the title) and make the others H2.",
        )
    return Assessment("singleH1", 8, "There is one title (H1) at most. Good.")


SEO_CHECKS: tuple[Callable[[Context], Assessment | None], ...] = (
    introduction_keyword, keyphrase_length, keyphrase_density, meta_description_keyword,
    meta_description_length, subheadings_keyword, competing_links, image_keyphrase, image_count,
    text_length, outbound_links, keyphrase_in_title, internal_links, title_width_check, slug_keyword,
    function_words_in_keyphrase, single_h1,
)
