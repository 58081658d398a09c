"""The typed objects that flow through briefpress.

``Source`` and ``Fact`` come out of ingest; ``Article`` is the package every engine fills and every
renderer reads; ``Run`` carries all of them, and the options, through the stages of the pipeline.
The JSON form of ``Article`` is the versioned contract in ``schemas/article.schema.json``: later
versions add fields, never rename them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

if TYPE_CHECKING:  # the stages' products; their modules import this one
    from .engines.base import Draft
    from .plan import Outline
    from .seo.result import SeoResult
    from .verify.report import Report

ARTICLE_SCHEMA = "briefpress.article/1"

SourceKind = Literal["dash", "bullets", "prose", "json", "html", "archive"]
# "background": a sentence of the newsroom's archive, context only, never today's news.
FactRole = Literal["title", "lead", "point", "sentence", "background"]


class Picture(BaseModel):
    """An image from the evidence: a source page's lead image, or one the user gave. ``alt`` is the
    page's or the user's own words, never made up; ``source`` names where the picture came from."""

    model_config = ConfigDict(extra="forbid")

    url: str
    alt: str | None = None
    caption: str | None = None
    credit: str | None = None
    source: str | None = Field(default=None, description="the source's name, or 'user'")


class Source(BaseModel):
    """One input document, as text. Fact offsets point into ``text``."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="S1 for the brief, S2... for further sources, in order given")
    name: str = Field(description="file name, '<stdin>' or a name from a JSON brief")
    kind: SourceKind
    text: str
    title: str | None = None
    url: str | None = None
    # From a fetched page's own markup or an archive article; absent when unknown.
    date: str | None = None
    author: str | None = None
    image: Picture | None = None


class Fact(BaseModel):
    """One sentence of a source: the unit every claim in an article must rest on."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="stable id: source id and position, e.g. S1.F3")
    text: str
    source: str = Field(description="the source's name")
    start: int = Field(ge=0, description="character offset into the source text")
    end: int = Field(ge=0)
    role: FactRole = "sentence"


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid")
    question: str
    answer: str


class Crosshead(BaseModel):
    """A subheading inside the body: a question the paragraphs under it answer, in their words. It
    stands before body paragraph ``before`` and makes no claim."""

    model_config = ConfigDict(extra="forbid")
    before: int = Field(ge=1, description="the index of the body paragraph it precedes")
    question: str


class Takeaway(BaseModel):
    model_config = ConfigDict(extra="forbid")
    label: str
    text: str


class Evidence(BaseModel):
    """What one output sentence rests on: fact ids, or none when it makes no factual claim."""

    model_config = ConfigDict(extra="forbid")

    part: str = Field(description="where the sentence is, e.g. 'sections[1].answer'")
    sentence: str
    facts: list[str] = Field(default_factory=list)
    no_claim: bool = Field(default=False, description="a question, heading or call to action")


class Link(BaseModel):
    """A link the article carries: to a source page ("source") or to an archive article ("archive")."""

    model_config = ConfigDict(extra="forbid")

    title: str
    url: str
    rel: Literal["source", "archive"] = "source"
    date: str | None = None


class Background(BaseModel):
    """Context from the newsroom's archive: sentences of an earlier article, cited and dated."""

    model_config = ConfigDict(extra="forbid")

    text: str
    facts: list[str] = Field(description="the background facts the text is, in order")
    title: str
    url: str | None = None
    date: str | None = None


# Fields omitted from the JSON while empty, so a package without them reads as before.
_OMIT_EMPTY = ("links", "image", "background", "crossheads")
_SOURCE_OMIT_EMPTY = ("date", "author", "image")


class Article(BaseModel):
    """The article package (see FORMAT.md). Field order is the JSON order."""

    schema_: str = Field(default=ARTICLE_SCHEMA, alias="schema")
    headline: str
    slug: str
    keyphrase: str
    meta_description: str
    summary: list[str]
    sections: list[Section]
    faq: list[Section]
    takeaways: list[Takeaway]
    conclusion: str
    body: list[str]
    facts: list[Fact]
    evidence: list[Evidence]
    jsonld: list[dict[str, Any]] = Field(default_factory=list)
    engine: str
    created: str = Field(description="ISO 8601 with time zone")
    # Fields added after the first contract; additions only.
    tags: list[str] = Field(default_factory=list)
    author: str | None = None
    date_published: str | None = None
    date_modified: str | None = None
    url: str | None = None
    language: str = "en"
    sources: list[Source] = Field(default_factory=list)
    grounding: dict[str, Any] | None = None
    # Model engines: sentences repaired, replaced and dropped by verify-and-repair.
    repairs: dict[str, int] | None = None
    # The SEO and readability audit of the final article (briefpress.seo): score and assessments.
    seo: dict[str, Any] | None = None
    readability: dict[str, Any] | None = None
    # The evidence's links and picture, and the archive's context (briefpress.evidence).
    links: list[Link] = Field(default_factory=list)
    image: Picture | None = None
    background: list[Background] = Field(default_factory=list)
    # Subheadings of a long body (briefpress.plan.crossheads), in body order.
    crossheads: list[Crosshead] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def to_json_dict(self) -> dict[str, Any]:
        data = self.model_dump(mode="json", by_alias=True)
        for key in _OMIT_EMPTY:
            if not data.get(key):
                data.pop(key, None)
        for source in data.get("sources") or []:
            for key in _SOURCE_OMIT_EMPTY:
                if source.get(key) is None:
                    source.pop(key, None)
        return data


@dataclass
class Options:
    """What the caller asked for: the one object ``briefpress.write`` takes, built alike by the CLI,
    the API and batch. Defaults are the editorial defaults of FORMAT.md."""

    engine: str = "extractive"
    keyphrase: str | None = None
    author: str | None = None
    date: str | None = None
    site_url: str | None = None
    # A fixed creation time (ISO 8601) makes a run reproducible byte for byte; None means now.
    created: str | None = None
    strict: bool = True
    # Evidence (briefpress.evidence): fetched pages' metadata by source name, the archive to draw
    # background from (a store URL; None with archive=True means the default store), a user picture.
    source_meta: dict[str, dict[str, Any]] = field(default_factory=dict)
    archive: bool = False
    archive_db: str | None = None
    image_url: str | None = None
    image_alt: str | None = None
    engine_options: dict[str, Any] = field(default_factory=dict)


@dataclass
class Run:
    """The one object that travels through the stages; each stage fills its part."""

    options: Options
    sources: list[Source] = field(default_factory=list)  # ingest
    facts: list[Fact] = field(default_factory=list)  # ingest
    outline: Outline | None = None  # plan: lead, points, keyphrase, the facts each part answers
    draft: Draft | None = None  # write: what the engine wrote, with its evidence map
    # write assembles it; address gives it slug, URL and tags; verify and seo edit it; package adds JSON-LD
    article: Article | None = None
    grounding: Report | None = None  # verify: the verdict on every sentence of the final article
    seo: SeoResult | None = None  # seo: the SEO and readability audit of the final article
    # seo: the archive's background sources and facts, shown on the page the seo stage scores and
    # joined to ``sources`` and ``facts`` at package (never a fact the seo stage may write from)
    archive: tuple[list[Source], list[Fact]] | None = None
