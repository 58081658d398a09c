"""The plain-text layout of docs/format.md: one part per line or paragraph, no markup."""

from __future__ import annotations

from .. import spec
from ..models import Article
from .body import body_blocks


def render(article: Article) -> str:
    lines: list[str] = []
    for i, point in enumerate(article.summary):
        lines += ["-", point] if i else [point]
    lines.append(article.meta_description)
    for section in article.sections:
        lines += [section.question, section.answer]
    lines.append(spec.FAQ_HEADING)
    for qa in article.faq:
        lines += [qa.question, qa.answer]
    lines.append(spec.TAKEAWAYS_HEADING)
    lines += [f"- {t.label}: {t.text}" for t in article.takeaways]
    lines += [spec.CONCLUSION_HEADING, article.conclusion]
    for crosshead, paragraph in body_blocks(article):  # a line ending in "?" is a heading
        lines += [crosshead, paragraph] if crosshead else [paragraph]
    return "\n".join(lines) + "\n"
