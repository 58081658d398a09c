"""Rank Math's content tests, reported apart from Yoast's (research/seo-checks.md §2).

Each test has a weight; the score is the weighted share of passed tests, 0-100. Rank Math's
substring matching is kept on purpose: it is what an editor using Rank Math would see.
"""

from __future__ import annotations

import re
from typing import Any

from .context import Context
from .document import Page
from .seo_checks import link_kind
from .tokens import count_words, tokens

_POWER_WORDS = frozenset(
    """amazing breaking critical crucial decisive dramatic essential exclusive first historic huge landmark
    major massive new record secret shocking stunning surprising top ultimate urgent vital warning win wins
    proven free best biggest""".split()
)
_SENTIMENT = {
    **dict.fromkeys(
        """win wins won gain gains boost boosts growth approve approves approved agree agrees agreement
        success successful strong stronger record rise rises rising hope welcome celebrate praise support
        supports improve improves best great good""".split(), 1),
    **dict.fromkeys(
        """loss losses lose fall falls fell drop drops crisis crash crashes fail fails failed failure attack
        attacks war dead death deaths kill killed killing cut cuts warn warns warning fear fears threat
        threatens ban bans dispute protest row collapse worst bad""".split(), -1),
}
_SUBHEADINGS = ("h2", "h3", "h4", "h5", "h6")

Test = tuple[str, int, int, str]  # id, score, weight, message


def _slugified(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _binary(ident: str, weight: int, passed: bool, ok: str, fix: str) -> Test:
    """A test worth its whole weight or nothing."""
    return ident, weight if passed else 0, weight, ok if passed else fix


def _words_in_order(words: list[str], text: str) -> bool:
    """Whether ``words`` appear in this order on one line of ``text``: Rank Math's
    ``word1.*word2.*...`` test, by finding each word after the last, so a long alt text costs one
    pass instead of the pattern's backtracking."""
    for line in text.split("\n"):
        at = 0
        for word in words:
            at = line.find(word, at)
            if at < 0:
                break
            at += len(word)
        else:
            return True
    return False


def _keyword_tests(p: Page, kw: str) -> list[Test]:
    """Where the focus keyword appears: title, meta description, URL, content, subheadings, alt text."""
    title, desc, text = p.title.lower(), p.description.lower(), p.plain_text.lower()
    words = text.split()
    head = " ".join(words[: max(1, len(words) // 10)]) if len(words) > 400 else text
    kw_words = kw.split()
    in_subheading = any(kw in b.text.lower() for b in p.blocks if b.kind in _SUBHEADINGS)
    in_alt = bool(kw_words) and any(_words_in_order(kw_words, i.alt.lower()) for i in p.images)
    return [
        _binary("keywordInTitle", 36, bool(kw) and kw in title,
                "The keyword is in the SEO title.", "Put the focus keyword in the SEO title."),
        _binary("keywordInMetaDescription", 2, bool(kw) and kw in desc,
                "The keyword is in the meta description.", "Put the focus keyword in the meta description."),
        _binary("keywordInPermalink", 5, bool(kw) and _slugified(kw) in p.slug.lower().replace("_", "-"),
                "The keyword is in the URL.", "Put the focus keyword in the slug."),
        _binary("keywordIn10Percent", 3, bool(kw) and kw in head,
                "The keyword appears early in the content.", "Use the focus keyword in the first 10% of the content."),
        _binary("keywordInContent", 3, bool(kw) and kw in text,
                "The keyword is in the content.", "Use the focus keyword in the content."),
        _binary("keywordInSubheadings", 3, bool(kw) and in_subheading,
                "The keyword is in a subheading.", "Use the focus keyword in a subheading (H2-H6)."),
        _binary("keywordInImageAlt", 2, in_alt,
                "An image alt text holds the keyword.", "Add an image with the focus keyword in its alt text."),
    ]


def _density_test(p: Page, kw: str) -> Test:
    n_words = count_words(p.plain_text)
    count = len(re.findall(re.escape(kw), p.plain_text.lower())) if kw else 0
    density = round(count / n_words * 100, 2) if n_words else 0.0
    score = 0 if density < 0.5 or density > 2.5 else 2 if density < 0.75 else 3 if density < 1.0 else 6
    message = (f"Keyword density {density:g}% ({count} times); aim for 1-1.5%." if score < 6
               else f"Keyword density {density:g}%. Good.")
    return "keywordDensity", score, 6, message


def _length_test(p: Page) -> Test:
    n_words = count_words(p.plain_text)
    score = (8 if n_words > 2500 else 5 if n_words > 2000 else 4 if n_words > 1500 else 3 if n_words > 1000
             else 2 if n_words >= 600 else 0)
    message = (f"The content has {n_words} words; Rank Math gives full marks at 2500." if score < 8
               else f"The content has {n_words} words.")
    return "lengthContent", score, 8, message


def _url_and_link_tests(p: Page) -> list[Test]:
    url = (p.site_url.rstrip("/") + "/" + p.slug) if p.site_url else p.slug
    kinds = [(link_kind(link.href, p.site_url), link.nofollow) for link in p.links]
    return [
        _binary("lengthPermalink", 4, 0 < len(url) <= 75,
                "The URL is at most 75 characters.", "Shorten the URL to 75 characters or fewer."),
        _binary("linksHasInternal", 5, any(k == "internal" for k, _ in kinds),
                "There is an internal link.", "Link to another page of this site."),
        _binary("linksHasExternals", 4, any(k == "external" for k, _ in kinds),
                "There is an outbound link.", "Link to a source outside this site."),
        _binary("linksNotAllExternals", 2, any(k == "external" and not nf for k, nf in kinds),
                "An outbound link is followed.", "Make at least one outbound link followed (not nofollow)."),
    ]


def _content_tests(p: Page) -> list[Test]:
    long_paragraphs = [b for b in p.paragraphs if len(tokens(b.text)) > 120]
    n_img = len(p.images)
    assets = min(6, {0: 0, 1: 1, 2: 2, 3: 4}.get(n_img, 6))
    return [
        _binary("contentHasShortParagraphs", 3, not long_paragraphs, "No paragraph is over 120 words.",
                f"Split the {len(long_paragraphs)} paragraph(s) over 120 words."),
        ("contentHasAssets", assets, 6,
         f"{n_img} image(s); Rank Math wants 4 or more." if assets < 6 else f"{n_img} images."),
        _binary("contentHasTOC", 2, False, "", "Add a table of contents block."),
    ]


def _title_tests(p: Page, kw: str) -> list[Test]:
    title = p.title.lower()
    pos = title.find(kw) if kw else -1
    title_words = [w.lower() for w in tokens(p.title)]
    return [
        _binary("titleStartWithKeyword", 3, 0 <= pos < len(title) // 2,
                "The keyword is in the first half of the title.",
                "Move the focus keyword into the first half of the title."),
        _binary("titleHasNumber", 1, bool(re.search(r"\d+", title)), "The title holds a number.",
                "A number in the title can raise clicks, where the facts give one."),
        _binary("titleHasPowerWords", 1, any(w in _POWER_WORDS for w in title_words), "The title holds a power word.",
                "A power word in the title can raise clicks, where the facts support it."),
        _binary("titleSentiment", 1, sum(_SENTIMENT.get(w, 0) for w in title_words) != 0,
                "The title carries a sentiment.",
                "The title is neutral in tone; Rank Math prefers a positive or negative one."),
    ]


def rank_math(ctx: Context) -> dict[str, Any]:
    p = ctx.page
    kw = p.keyphrase.strip().strip("\"“”").lower()
    tests = [*_keyword_tests(p, kw), _density_test(p, kw), _length_test(p), *_url_and_link_tests(p),
             *_content_tests(p), *_title_tests(p, kw)]
    score = round(sum(s for _, s, _, _ in tests) / sum(w for _, _, w, _ in tests) * 100)
    return {
        "score": score,
        "tests": [
            {"id": i, "passed": s == w, "score": s, "max_score": w, "message": m} for i, s, w, m in tests
        ],
    }
