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

SourceKind = Literal["dash", "bullets", "prose", "json", "html"]
FactRole = Literal["title", "lead", "point", "sentence"]


class Source(BaseModel):
    """One input document, as text. Fact offsets point into ``text``."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="S1 for the brief, S2... for further sources, in order given")
    name: str = Field(description="file name, '<stdin>' or a name from a JSON brief")
    kind: SourceKind
    text: str
    title: str | None = None
    url: str | None = None


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

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def to_json_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json", by_alias=True)


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
