"""Overall scores, computed as Yoast computes them (research/seo-checks.md §1.1)."""

from __future__ import annotations

import math

from .result import Assessment

READABILITY_CHECK_COUNT = 7


def js_round(x: float) -> int:
    """Half up, as JavaScript's Math.round (Python's round() goes to even: 12.5 -> 12)."""
    return math.floor(x + 0.5)


def seo_score(results: list[Assessment]) -> int:
    """round(sum of scores / (9 per result) * 100); negative scores pull it down, floor 0."""
    if not results:
        return 0
    value = js_round(sum(a.score for a in results) / (len(results) * 9) * 100)
    return max(0, min(100, value))


def readability_score(results: list[Assessment], applicable: int = READABILITY_CHECK_COUNT) -> int:
    """Penalty points per result (bad 3, ok 2, good 0 with full language support; bad 4 with
    partial support); full support: >6 -> 30, >4 -> 60, else 90. A lone result means no content."""
    if len(results) <= 1:
        return 30
    full = applicable == READABILITY_CHECK_COUNT
    bad = 3 if full else 4
    penalty = sum(bad if a.rating == "bad" else 2 if a.rating == "ok" else 0 for a in results)
    if full:
        return 30 if penalty > 6 else 60 if penalty > 4 else 90
    return 30 if penalty > 4 else 60 if penalty > 2 else 90
