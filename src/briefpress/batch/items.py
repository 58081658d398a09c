"""What one batch item is, what the batch was asked for, and the key that names a piece of work.

The key is a hash of everything that decides an item's output bytes: the brief, its sources, the
names they carry, the article's date and the options. Two runs that agree on the key write the same
files, which is what makes skipping finished work safe.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from .. import __version__
from ..limits import ITEM_TIMEOUT_S
from ..models import Options

# File name suffix per render format.
EXTENSIONS: dict[str, str] = {"text": "txt", "md": "md", "html": "html", "json": "json"}

# Engines that send every item to a server: the batch bounds how many run at once.
REMOTE_ENGINES: frozenset[str] = frozenset({"openai"})
DEFAULT_MAX_REQUESTS = 4


@dataclass(frozen=True)
class Settings:
    """The options every item of one batch shares. Picklable, so workers and Ray tasks get it as is."""

    engine: str = "extractive"
    formats: tuple[str, ...] = ("json",)
    keyphrase: str | None = None
    author: str | None = None
    date: str | None = None
    site_url: str | None = None
    engine_options: dict[str, Any] = field(default_factory=dict)
    item_timeout: float | None = ITEM_TIMEOUT_S  # seconds; None or 0: no deadline

    def options(self, date: str | None) -> Options:
        """What ``briefpress.write`` is asked for an item of this date (also its creation time, so
        the same item gives the same bytes)."""
        return Options(engine=self.engine, keyphrase=self.keyphrase, author=self.author, date=date,
                       site_url=self.site_url, created=date, engine_options=dict(self.engine_options))

    def fingerprint(self) -> dict[str, Any]:
        """The options that change output bytes (``date`` enters through each item's own date)."""
        data = asdict(self)
        data.pop("date")
        data.pop("item_timeout")  # a deadline stops an item or not; it never changes its bytes
        data["formats"] = list(self.formats)
        data["version"] = __version__
        return data


@dataclass(frozen=True)
class Item:
    """One brief of a batch, read and ready; ``error`` set when its input could not be read."""

    position: int
    id: str
    brief: str
    brief_name: str
    sources: tuple[tuple[str, str], ...] = ()
    date: str | None = None
    fallback_date: str | None = None
    error: str | None = None

    def effective_date(self, settings: Settings) -> str | None:
        """The item's own date, else ``--date``, else its input file's modification time."""
        return self.date or settings.date or self.fallback_date

    def key(self, settings: Settings) -> str:
        payload = {
            "brief": self.brief,
            "brief_name": self.brief_name,
            "sources": [list(s) for s in self.sources],
            "date": self.effective_date(settings),
            "error": self.error,
            "options": settings.fingerprint(),
        }
        blob = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def mtime_date(mtime: float) -> str:
    """A file's modification time as an ISO 8601 date-time in UTC, whole seconds."""
    return datetime.fromtimestamp(int(mtime), tz=UTC).isoformat()


def output_name(slug: str, key: str, fmt: str) -> str:
    return f"{slug}-{key[:10]}.{EXTENSIONS[fmt]}"
