"""Fetching a source page by URL: bounded in time, size and redirects, guarded, cached on disk.

Only http and https are fetched. Every hop of a redirect is checked again, and a host that
resolves to a private, loopback, link-local or reserved address is refused unless the caller
allows it (the CLI may, for an intranet; the HTTP service never does, so a request cannot make it
reach the machine's own network). A page is kept in the cache folder by URL, so a batch or a rerun
fetches it once; ``refresh`` fetches it again.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import os
import socket
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpx

from .errors import InputError, InputTooLargeError

MAX_PAGE_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
TIMEOUT_S = 15.0
_HTML_TYPES = ("text/html", "application/xhtml+xml")
USER_AGENT = "briefpress (+https://pypi.org/project/briefpress/)"


@dataclass(frozen=True)
class Page:
    """A fetched HTML page: the URL asked for, where it ended after redirects, and its markup."""

    url: str
    final_url: str
    html: str
    fetched: str  # ISO 8601, UTC


def is_url(text: str) -> bool:
    return urlsplit(text.strip()).scheme in ("http", "https") and "\n" not in text.strip()


def cache_dir() -> Path:
    """The folder fetched pages are kept in; BRIEFPRESS_CACHE_DIR overrides the user cache folder."""
    override = os.environ.get("BRIEFPRESS_CACHE_DIR")
    if override:
        return Path(override) / "pages"
    import platformdirs

    return Path(platformdirs.user_cache_dir("briefpress")) / "pages"


def fetch(url: str, *, allow_private: bool = False, refresh: bool = False, cache: Path | None = None,
          timeout: float = TIMEOUT_S, max_bytes: int = MAX_PAGE_BYTES) -> Page:
    """The page at ``url``, from the cache unless ``refresh``; raises ``InputError`` with the fix
    for a URL that is not http(s), a private address not allowed, a dead link, a page that is not
    HTML, too many redirects or a timeout, and ``InputTooLargeError`` past ``max_bytes``."""
    url = url.strip()
    folder = cache if cache is not None else cache_dir()
    cached = folder / f"{hashlib.sha256(url.encode('utf-8')).hexdigest()}.json"
    if not refresh and cached.is_file():
        page = Page(**json.loads(cached.read_text(encoding="utf-8")))
        # The guard holds for the cache too: a page kept for an intranet run is not served to a
        # caller that may not reach private addresses.
        check_address(page.url, allow_private=allow_private)
        check_address(page.final_url, allow_private=allow_private)
        return page
    page = _download(url, allow_private=allow_private, timeout=timeout, max_bytes=max_bytes)
    folder.mkdir(parents=True, exist_ok=True)
    tmp = cached.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(page), ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, cached)
    return page


def check_address(url: str, *, allow_private: bool) -> None:
    """Refuse a URL that is not http(s), or whose host resolves to an address not on the public
    internet while ``allow_private`` is false."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(f"cannot fetch {url}: only http:// and https:// links are fetched; "
                         "save the page and give the file")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
    except socket.gaierror as exc:
        raise InputError(f"cannot fetch {url}: the host name does not resolve ({exc.strerror}); "
                         "check the link") from exc
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if not address.is_global:
            raise InputError(f"cannot fetch {url}: it points to a private or local address ({address}); "
                             "only public pages are fetched here (the CLI takes --allow-private for an intranet)")


def _download(url: str, *, allow_private: bool, timeout: float, max_bytes: int) -> Page:
    current = url
    with httpx.Client(timeout=timeout, follow_redirects=False, headers={"User-Agent": USER_AGENT}) as client:
        for _ in range(MAX_REDIRECTS + 1):
            check_address(current, allow_private=allow_private)
            try:
                with client.stream("GET", current) as response:
                    if response.is_redirect and "location" in response.headers:
                        current = urljoin(current, response.headers["location"])
                        continue
                    return _read(url, current, response, max_bytes)
            except httpx.TimeoutException as exc:
                raise InputError(f"cannot fetch {url}: no answer within {timeout:g} s; try again later "
                                 "or save the page and give the file") from exc
            except httpx.HTTPError as exc:
                raise InputError(f"cannot fetch {url}: {type(exc).__name__}: {exc}; check the link") from exc
    raise InputError(f"cannot fetch {url}: more than {MAX_REDIRECTS} redirects; give the page's final address")


def _read(url: str, final_url: str, response: httpx.Response, max_bytes: int) -> Page:
    if response.status_code >= 400:
        raise InputError(f"cannot fetch {url}: the server answered {response.status_code} "
                         f"{response.reason_phrase}; check the link")
    kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind not in _HTML_TYPES:
        raise InputError(f"cannot use {url}: it is {kind or 'of no stated type'}, not an HTML page; "
                         "give the link to the article's web page")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise InputTooLargeError(f"{url} is {int(declared) // 1024} KB, over the {max_bytes // 1024} KB limit "
                                 "for a page; save the article's text and give the file")
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > max_bytes:
            raise InputTooLargeError(f"{url} is over the {max_bytes // 1024} KB limit for a page; "
                                     "save the article's text and give the file")
    html = bytes(body).decode(response.encoding or "utf-8", errors="replace")
    fetched = datetime.now(UTC).replace(microsecond=0).isoformat()
    return Page(url=url, final_url=final_url, html=html, fetched=fetched)
