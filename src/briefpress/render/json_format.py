"""The whole package as JSON, in the versioned schema ``briefpress.article/1``."""

from __future__ import annotations

import json

from ..models import Article


def render(article: Article) -> str:
    return json.dumps(article.to_json_dict(), ensure_ascii=False, indent=2) + "\n"
