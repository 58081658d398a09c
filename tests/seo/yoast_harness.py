"""Runs the dev-only Yoast harness (tools/yoast-harness, npm yoastseo) on pages."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

from briefpress.seo.pixels import title_width

HARNESS = Path(__file__).resolve().parents[2] / "tools" / "yoast-harness"


def article_element(page: str) -> str:
    """The inside of a rendered page's ``<article>``: what Yoast is given, as our audit reads it."""
    m = re.search(r"<article>(.*)</article>", page, re.S)
    assert m, "the HTML page has an <article>"
    return m.group(1)


def available() -> bool:
    return shutil.which("node") is not None and (HARNESS / "node_modules" / "yoastseo").is_dir()


def paper(content: str, *, keyphrase: str, title: str, description: str, slug: str, site_url: str = "") -> dict[str, Any]:
    # Yoast's editor measures the title in the browser and hands the width to the analysis;
    # the harness gets ours, so the title-width check compares thresholds, not font metrics.
    return {
        "text": content,
        "keyword": keyphrase,
        "title": title,
        "titleWidth": title_width(title) if title else 0,
        "description": description,
        "slug": slug,
        "permalink": f"{site_url.rstrip('/')}/{slug}/" if site_url else "",
        "locale": "en_US",
    }


def run(papers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    done = subprocess.run(
        ["node", str(HARNESS / "analyze.js")], input=json.dumps(papers), capture_output=True, text=True,
        timeout=300, check=True,
    )
    return json.loads(done.stdout)
