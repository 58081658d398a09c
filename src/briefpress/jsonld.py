"""JSON-LD for search engines, built only from the article's validated fields, never by a model."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .models import Article


def build(article: Article) -> list[dict[str, Any]]:
    news: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.headline,
        "description": article.meta_description,
        "keywords": ", ".join(article.tags) if article.tags else article.keyphrase,
        "datePublished": article.date_published or article.created,
        "dateModified": article.date_modified or article.date_published or article.created,
        "inLanguage": article.language,
        "articleBody": "\n\n".join(article.body),
    }
    if article.author:
        news["author"] = [{"@type": "Person", "name": article.author}]
    if article.url:
        news["mainEntityOfPage"] = {"@type": "WebPage", "@id": article.url}
        news["url"] = article.url
    if article.image:
        image: dict[str, Any] = {"@type": "ImageObject", "url": article.image.url}
        if article.image.alt or article.image.caption:
            image["caption"] = article.image.caption or article.image.alt
        if article.image.credit:
            image["creditText"] = article.image.credit
        news["image"] = [image]
    cited = [{"@type": "CreativeWork", "name": link.title, "url": link.url, **(
        {"datePublished": link.date} if link.date else {})} for link in article.links]
    if cited:
        news["citation"] = cited
    blocks = [news]
    if article.faq:
        blocks.append(
            {
                "@context": "https://schema.org",
                "@type": "FAQPage",
                "mainEntity": [
                    {
                        "@type": "Question",
                        "name": qa.question,
                        "acceptedAnswer": {"@type": "Answer", "text": qa.answer},
                    }
                    for qa in article.faq
                ],
            }
        )
    return blocks
