"""Fetching source pages from a real HTTP server on loopback: redirects, limits, the SSRF guard,
the disk cache, and the page's metadata and lead image."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from briefpress.errors import InputError, InputTooLargeError
from briefpress.fetch import fetch, is_url
from briefpress.pagemeta import read_meta

ARTICLE = """<!doctype html><html><head><title>Riverton approves cycle lanes | Riverton News</title>
<meta property="og:image" content="/img/lanes.jpg">
<link rel="canonical" href="https://news.example/riverton-lanes">
<meta name="author" content="Jane Doe"><meta property="article:published_time" content="2026-11-24T08:00:00Z">
</head><body><article><h1>Riverton approves cycle lanes</h1>
<figure><img src="/img/lanes.jpg" alt="A cyclist on the new lane by the river">
<figcaption>The new lane by the river. Photo: John Smith/Riverton News</figcaption></figure>
<p>Council of Riverton approved a 4.2 million dollar cycle lane network on Tuesday, ending a two-year dispute.</p>
<p>The plan adds 18 kilometres of protected lanes along the river and the ring road.</p>
</article></body></html>"""


class _Handler(BaseHTTPRequestHandler):
    hits: list[str] = []

    def log_message(self, *args: object) -> None:
        pass

    def _send(self, status: int, body: bytes, kind: str = "text/html; charset=utf-8", **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
        self.hits.append(self.path)
        routes = {
            "/article.html": lambda: self._send(200, ARTICLE.encode()),
            "/moved": lambda: self._send(301, b"", Location="/article.html"),
            "/loop": lambda: self._send(302, b"", Location="/loop"),
            "/report.pdf": lambda: self._send(200, b"%PDF-1.7", "application/pdf"),
            "/huge.html": lambda: self._send(200, b"<p>" + b"x" * 300_000 + b"</p>"),
            "/gone": lambda: self._send(404, b"not here"),
        }
        if self.path == "/slow":
            time.sleep(3)
            return self._send(200, ARTICLE.encode())
        routes.get(self.path, lambda: self._send(404, b""))()


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_a_page_is_fetched_through_redirects_and_cached(server: str, tmp_path: Path) -> None:
    _Handler.hits.clear()
    page = fetch(f"{server}/moved", allow_private=True, cache=tmp_path)
    assert page.final_url == f"{server}/article.html" and "cycle lane network" in page.html
    again = fetch(f"{server}/moved", allow_private=True, cache=tmp_path)
    assert again == page and _Handler.hits == ["/moved", "/article.html"], "the second fetch came from the cache"
    fetch(f"{server}/moved", allow_private=True, cache=tmp_path, refresh=True)
    assert len(_Handler.hits) == 4


def test_the_page_metadata_and_lead_image_come_from_the_page(server: str, tmp_path: Path) -> None:
    page = fetch(f"{server}/article.html", allow_private=True, cache=tmp_path)
    meta = read_meta(page.html, page.final_url)
    assert meta.title == "Riverton approves cycle lanes" and meta.author == "Jane Doe" and meta.date == "2026-11-24"
    assert meta.url == "https://news.example/riverton-lanes"
    assert meta.image is not None and meta.image.url == "https://news.example/img/lanes.jpg"
    assert meta.image.alt == "A cyclist on the new lane by the river"
    assert meta.image.credit == "John Smith/Riverton News"


def test_no_image_no_alt_is_invented() -> None:
    meta = read_meta("<html><head><title>T</title></head><body><p>Text.</p></body></html>", "https://a.example/x")
    assert meta.image is None and meta.author is None


@pytest.mark.parametrize(("path", "error", "words"), [
    ("/gone", InputError, "404"),
    ("/report.pdf", InputError, "not an HTML page"),
    ("/loop", InputError, "redirects"),
    ("/huge.html", InputTooLargeError, "limit"),
])
def test_bad_links_get_one_line_errors(server: str, tmp_path: Path, path: str, error: type, words: str) -> None:
    with pytest.raises(error) as caught:
        fetch(f"{server}{path}", allow_private=True, cache=tmp_path, max_bytes=200_000)
    assert words in str(caught.value) and "\n" not in str(caught.value)


def test_a_slow_server_times_out(server: str, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no answer"):
        fetch(f"{server}/slow", allow_private=True, cache=tmp_path, timeout=0.5)


def test_loopback_and_other_schemes_are_refused_unless_allowed(server: str, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="private or local address"):
        fetch(f"{server}/article.html", cache=tmp_path)
    for url in ("file:///etc/passwd", "ftp://example.com/a", "javascript:alert(1)"):
        with pytest.raises(InputError, match="only http"):
            fetch(url, cache=tmp_path)


def test_is_url() -> None:
    assert is_url("https://news.example/a") and is_url(" http://x.example/ ")
    assert not is_url("story.txt") and not is_url("javascript:alert(1)") and not is_url("https://a\nb")
