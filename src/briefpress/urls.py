"""Web addresses a user gives (``--site-url``, an article's ``url``): http and https only.

A ``javascript:`` or ``data:`` address put in a canonical link or JSON-LD runs, or misleads, where
the page is shown; nothing but a web page's address belongs there.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from .errors import InputError

SCHEMES = ("http", "https")


def check_web_url(value: str, what: str = "the URL") -> str:
    """``value`` when it is an absolute http(s) address with a host; else InputError naming the fix."""
    text = value.strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        parts = None
    # Control characters and spaces are where browsers and parsers disagree about the scheme.
    clean = not any(ord(c) < 33 or c == "\x7f" for c in text)
    if parts is None or parts.scheme.lower() not in SCHEMES or not parts.netloc or not clean:
        raise InputError(f"{what} {text[:60]!r} is not an http or https address; "
                         "give one like https://news.example.com")
    return text


__all__ = ["SCHEMES", "check_web_url"]
