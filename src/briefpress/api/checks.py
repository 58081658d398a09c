"""The reports an article carries in the editor and API: grounding (verifier) and SEO/readability.

Both come from other parts of briefpress (``briefpress.verify``, ``briefpress.seo``); when one of
them is not installed in this build the server still works and says which report is missing.
"""

from __future__ import annotations

import importlib
import logging
from typing import Any

from ..article_audit import audit
from ..models import Article

log = logging.getLogger(__name__)


def _as_dict(report: Any) -> dict[str, Any]:
    if report is None:
        return {}
    if isinstance(report, dict):
        return report
    for name in ("to_json_dict", "to_dict", "model_dump"):
        method = getattr(report, name, None)
        if callable(method):
            return method(mode="json") if name == "model_dump" else method()
    raise TypeError(f"cannot turn {type(report).__name__} into JSON")


def audit_function() -> Any | None:
    """The grounding check alone (``briefpress.audit`` runs the SEO checks beside it)."""
    try:
        module = importlib.import_module("briefpress.verify")
    except ImportError:
        return None
    return getattr(module, "audit", None)


def seo_function() -> Any | None:
    try:
        module = importlib.import_module("briefpress.seo")
    except ImportError:
        return None
    return getattr(module, "analyze", None)


def source_texts(article: Article) -> list[tuple[str, str]]:
    return [(s.name, s.text) for s in article.sources]


def grounding(article: Article, sources: list[Any] | None = None) -> dict[str, Any] | None:
    """A fresh grounding report, or None when the verifier is not part of this build."""
    audit = audit_function()
    if audit is None:
        return None
    report = audit(article, sources if sources is not None else source_texts(article))
    return _as_dict(report)


def seo(article: Article) -> dict[str, Any] | None:
    """``{"seo": ..., "readability": ...}`` from the article, or computed, or None."""
    data = article.to_json_dict()
    if data.get("seo"):
        return {"seo": data.get("seo"), "readability": data.get("readability")}
    analyze = seo_function()
    if analyze is None:
        return None
    report = _as_dict(analyze(article))
    if "seo" in report or "readability" in report:
        return {"seo": report.get("seo"), "readability": report.get("readability")}
    return {"seo": report, "readability": None}


def recheck(article: Article) -> Article:
    """The article with its grounding report recomputed (after an edit)."""
    report = grounding(article)
    if report is None:
        return article
    return article.model_copy(update={"grounding": report})


def reaudit(article: Article) -> Article:
    """The article with the one audit's reports (``briefpress.audit``: grounding, SEO, readability)
    recomputed against the sources it carries, merged onto it by the audit's own rule; where the
    verifier is not part of this build, the SEO reports alone."""
    if audit_function() is None:
        return refresh_seo(article)
    result = audit(article, source_texts(article))
    return article.model_copy(update={"grounding": result.grounding.to_json_dict(),
                                      "seo": result.seo.seo.to_dict(),
                                      "readability": result.seo.readability.to_dict()})


def refresh_seo(article: Article) -> Article:
    """The article with its SEO and readability reports recomputed, where it carries them."""
    analyze = seo_function()
    if analyze is None or "seo" not in Article.model_fields:
        return article
    report = _as_dict(analyze(article))
    return article.model_copy(update={"seo": report.get("seo"), "readability": report.get("readability")})


def available() -> dict[str, bool]:
    return {"grounding": audit_function() is not None, "seo": seo_function() is not None}
