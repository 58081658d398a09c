"""The per-item function: one brief in, its rendered files and index row out.

The same function runs in the driver (``--jobs 1``), in local worker processes and as a Ray task.
It writes nothing: it returns the rendered texts and the driver writes them, so the files land on
the driver's disk wherever the item ran, and only one process ever touches the output folder.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from ..errors import BriefpressError
from ..evidence import cli_sources
from ..limits import Overtime, time_limit
from ..models import Article
from ..nlp import warm_up
from ..pipeline import write
from ..render import render
from .items import Item, Settings, output_name


@dataclass
class Result:
    """What became of one item. ``outputs`` maps file names to their text; the rest is its index row."""

    key: str
    status: str  # "ok" or "failed"
    outputs: dict[str, str] = field(default_factory=dict)
    slug: str | None = None
    headline: str | None = None
    date: str | None = None
    grounding_share: float | None = None
    seo_score: float | None = None
    readability_score: float | None = None
    write_s: float | None = None
    render_s: float | None = None
    error: str | None = None

    def row(self) -> dict[str, Any]:
        """The index row: everything but the texts, with the file names in a fixed order."""
        return {
            "key": self.key,
            "status": self.status,
            "files": sorted(self.outputs),
            "slug": self.slug,
            "headline": self.headline,
            "date": self.date,
            "grounding_share": self.grounding_share,
            "seo_score": self.seo_score,
            "readability_score": self.readability_score,
            "write_s": self.write_s,
            "render_s": self.render_s,
            "error": self.error,
        }


def process_item(item: Item, settings: Settings, key: str | None = None) -> Result:
    """Write and render one item; a bad item comes back failed with its reason, never raised."""
    key = key or item.key(settings)
    if item.error:
        return Result(key, "failed", error=item.error)
    date = item.effective_date(settings)
    # The language models load before the clock starts: a deadline counts the item's own work,
    # and an import it interrupted would leave the worker unable to write the next item.
    warm_up()
    started = time.perf_counter()
    try:
        with time_limit(settings.item_timeout):
            # Links among the sources (and a thin feed entry's link) are fetched here, public pages only.
            brief, resolved = cli_sources(item.brief_name, item.brief, item.sources)
            options = settings.options(date)
            options.source_meta = resolved.meta
            article = write(brief, sources=resolved.named, options=options, brief_name=item.brief_name)
            written = time.perf_counter()
            outputs = {output_name(article.slug, key, fmt): render(article, fmt) for fmt in settings.formats}
    except Overtime:
        return Result(key, "failed", write_s=_since(started),
                      error=f"stopped after {settings.item_timeout:g} s, over the item deadline; shorten the brief, "
                      "or give more time with --item-timeout SECONDS")
    except BriefpressError as exc:
        return Result(key, "failed", error=exc.message, write_s=_since(started))
    except Exception as exc:  # a bug in one item must not stop the other 999
        return Result(key, "failed", error=f"internal error: {type(exc).__name__}: {' '.join(str(exc).split())}",
                      write_s=_since(started))
    scores = scores_of(article)
    return Result(
        key,
        "ok",
        outputs=outputs,
        slug=article.slug,
        headline=article.headline,
        date=article.date_published,
        grounding_share=scores["grounding_share"],
        seo_score=scores["seo_score"],
        readability_score=scores["readability_score"],
        write_s=round(written - started, 4),
        render_s=_since(written),
    )


def _since(start: float) -> float:
    return round(time.perf_counter() - start, 4)


def scores_of(article: Article) -> dict[str, float | None]:
    """The grounding share and SEO/readability scores the article carries, where it carries them."""
    data = article.to_json_dict()
    return {
        "grounding_share": _number(data.get("grounding"), ("summary", "supported_share"), ("supported_share",)),
        "seo_score": _number(data.get("seo"), ("score",), ("summary", "score")),
        "readability_score": _number(data.get("readability"), ("score",), ("summary", "score")),
    }


def _number(report: Any, *paths: tuple[str, ...]) -> float | None:
    if isinstance(report, (int, float)) and not isinstance(report, bool):
        return float(report)
    for path in paths:
        value: Any = report
        for step in path:
            value = value.get(step) if isinstance(value, dict) else None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
    return None
