"""briefpress: news briefs into grounded, search-structured articles.

    >>> import briefpress
    >>> article = briefpress.write(open("examples/takaichi-brief.txt").read())
    >>> print(briefpress.render(article, "text"))
"""

from __future__ import annotations

import logging

from .article_audit import AuditResult, audit
from .errors import BriefpressError, EngineError, InputError, InternalError, UsageError
from .models import Article, Evidence, Fact, Options, Section, Source, Takeaway
from .pipeline import write
from .render import FORMATS, render
from .verify import Report

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "FORMATS",
    "Article",
    "AuditResult",
    "BriefpressError",
    "EngineError",
    "Evidence",
    "Fact",
    "InputError",
    "InternalError",
    "Options",
    "Report",
    "Section",
    "Source",
    "Takeaway",
    "UsageError",
    "audit",
    "render",
    "write",
]
