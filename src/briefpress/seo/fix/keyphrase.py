"""Keyphrase choice: the candidates an article offers (its tags, the names and lower-case topics
of its headline) and the one that gives the best SEO score. The keyphrase is metadata: choosing it
writes no claim."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ...models import Article
from ...nlp import in_dictionary, spacy_pipeline
from ...plan import make_slug
from ...plan.keyphrase import described_noun, is_place_or_date
from ...plan.names import Lowercase
from ...text import STOPWORDS, whole_phrase

POSSESSIVE = re.compile(r"['’]s$")
# Entity types that say when or how much, not what: "fourth quarter" is no topic.
_NOT_TOPICS = frozenset({"DATE", "TIME", "ORDINAL", "CARDINAL", "PERCENT", "MONEY", "QUANTITY"})


def keyphrase_options(article: Article, *, topics: bool = False) -> list[Article]:
    """The article with each candidate keyphrase (names from the tags and the headline, and with
    ``topics`` the headline's lower-case topics), the slug following the keyphrase as the planner
    builds it and the tags and URL with it."""
    out = []
    candidates = _keyphrase_candidates(article)
    if topics and not _names_headline_and_lead(article, [article.keyphrase, *candidates]):
        candidates += [t for t in _headline_topics(article) if t.lower() not in {c.lower() for c in candidates}]
    if whole_phrase(article.keyphrase, re.I).search(article.headline):
        # A keyphrase the headline does not name is off the story's subject for a reader (and
        # fails the keyphrase-in-title check): "Xinhua" for a story headed on the arrests.
        candidates = [c for c in candidates if whole_phrase(c, re.I).search(article.headline)]
    for candidate in candidates:
        slug = make_slug(article.headline, candidate)
        tags = [candidate] + [t for t in article.tags if t.lower() != candidate.lower()]
        url = article.url.replace(f"/{article.slug}/", f"/{slug}/") if article.url else None
        out.append(article.model_copy(update={"keyphrase": candidate, "slug": slug, "tags": tags, "url": url}))
    return out


def choose_keyphrase(article: Article, score: Callable[[Article], int]) -> Article:
    """The candidate keyphrase (the planner's, then ``keyphrase_options``) that gives the best SEO
    score. The questions keep the planner's topic here: ``fix_questions`` names the keyphrase
    there where that pays."""
    best, best_score = article, score(article)
    for trial in keyphrase_options(article):
        s = score(trial)
        if s > best_score:
            best, best_score = trial, s
    return best


def _capitalised_runs(words: list[str]) -> list[list[str]]:
    """The runs of capitalised words in a headline's words ("Ligue 1" is one name); a run ends at
    a word that closes on a colon or comma ("Tesco: This is ..." is a speaker, then a clause)."""
    runs: list[list[str]] = []
    in_run = False  # whether the previous word continues the last run
    for raw in words:
        w = raw.strip(",.;:'\"’")
        if w[:1].isupper() or (w[:1].isdigit() and in_run):
            if in_run:
                runs[-1].append(w)
            else:
                runs.append([w])
            in_run = not raw.endswith((":", ","))
        else:
            in_run = False
    return runs


def _keyphrase_candidates(article: Article) -> list[str]:
    """The names the article is tagged with and the runs of capitalised words in its headline
    (a news headline names who the story is about), without a possessive ending or a
    sentence-initial common word ("Co-star John Stamos" offers "John Stamos")."""
    lowercase = Lowercase([*article.summary, *article.body])  # words the article writes in lower case
    out = [t for t in article.tags if t]
    words = article.headline.split()
    # The words that open the headline or the clause after its colon ("Katy Bourne: Emergency services ...").
    openers = {w.strip(",.;:'\"’") for w, before in zip(words, ["", *words[:-1]], strict=True)
               if not before or before.endswith(":")}
    for run in _capitalised_runs(words):
        if run and run[0] in openers and (lowercase(run[0]) or len(run) == 1 and in_dictionary(run[0])):
            run = run[1:]  # a common word that opens the headline: lower case elsewhere, or "Little"
            if run and POSSESSIVE.search(run[0]):
                continue  # "People's Commissioner" of "Older People's ...": a title cut, no name
        if 1 <= len(run) <= 4:
            out.append(" ".join(run))
    cleaned = [POSSESSIVE.sub("", c).strip() for c in out]
    cleaned = [c for c in cleaned if c[:1].isalpha()]  # "80,000" is a figure, not a topic
    # Nobody searches for "This": a candidate of function words only names nothing.
    cleaned = [c for c in cleaned if any(w.lower() not in STOPWORDS for w in c.split())]
    # A lone place or date names where or when, not what happened: nobody searches for it.
    cleaned = [c for c in cleaned if not any(is_place_or_date(c, s) for s in article.summary or [article.headline])]
    cleaned = [c for c in cleaned if described_noun(c, article.headline) is None]
    # A lone word the article also writes in lower case is a common noun capitalised as a title
    # ("Commissioner" of "the commissioner will be reviewing"): it names no one.
    cleaned = [c for c in cleaned if " " in c or not lowercase(c)]
    seen = {article.keyphrase.lower()}
    unique = []
    for c in cleaned:
        if len(c) > 1 and c.lower() not in seen:
            unique.append(c)
            seen.add(c.lower())
    return unique


def _names_headline_and_lead(article: Article, names: list[str]) -> bool:
    """Whether one of ``names`` is in both the headline and the lead (the first summary point),
    the two places a keyphrase must be."""
    lead = article.summary[0] if article.summary else ""
    return any(whole_phrase(n, re.I).search(article.headline) and whole_phrase(n, re.I).search(lead)
               for n in names if n)


def _is_topic(span: Any) -> bool:
    """Whether a spaCy span is two or three lower-case words that open on a noun or adjective and
    close on a noun, and hold no verb or date."""
    words = [t.text for t in span]
    return not (
        not all(re.fullmatch(r"[a-z][a-z-]*", w) for w in words)
        or words[0] in STOPWORDS or words[-1] in STOPWORDS
        or span[0].pos_ not in ("NOUN", "ADJ", "PROPN")  # "around the world" says where, of nothing
        or sum(w in STOPWORDS for w in words) > 1
        or span[-1].tag_ not in ("NN", "NNS")
        or any(t.tag_.startswith("VB") for t in span)
        or any(t.ent_type_ in _NOT_TOPICS for t in span)
    )


def _headline_topics(article: Article) -> list[str]:
    """Runs of two or three lower-case words in the headline that end on a noun and hold no verb
    or date (spaCy's tags and entities: "fourth quarter" is when, not what), open and close on a
    content word, and recur in the summary and body ("works of art", "radio spectrum"): the topic
    of a story whose headline and lead name no one in common."""
    nlp = spacy_pipeline()
    if nlp is None:
        return []
    text = " ".join([*article.summary, *article.body]).lower()
    out: list[str] = []
    for segment in re.split(r"[,;:()\"“”]", article.headline):
        doc = nlp(segment.strip())
        for n in (3, 2):
            for i in range(len(doc) - n + 1):
                span = doc[i : i + n]
                if not _is_topic(span):
                    continue
                phrase = " ".join(t.text for t in span)
                if len(whole_phrase(phrase).findall(text)) >= 2 and phrase not in out:
                    out.append(phrase)
    return out
