"""Saved pages served from a real HTTP server on loopback, for the evidence tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler

from serverkit import serve_http

PAGE = """<!doctype html><html><head><title>Riverton approves cycle lanes | Riverton News</title>
<meta property="og:image" content="/img/lanes.jpg">
<meta property="og:image:alt" content="A cyclist on the new lane by the river">
<link rel="canonical" href="{base}/riverton-lanes">
<meta name="author" content="Jane Doe"><meta property="article:published_time" content="2026-11-24T08:00:00Z">
</head><body><article><h1>Riverton approves cycle lanes</h1>
<figure><img src="/img/lanes.jpg" alt="A cyclist on the new lane by the river">
<figcaption>The new lane by the river. Photo: John Smith/Riverton News</figcaption></figure>
<p>The Riverton council approved a 4.2 million dollar cycle lane network on Tuesday, ending a two-year dispute.</p>
<p>The plan adds 18 kilometres of protected lanes along the river and the ring road. Construction starts in
March and should finish by the end of 2027.</p>
<p>Mayor Ellen Park said the lanes would make the city safer for children who cycle to school. Shop owners on
the ring road had opposed the loss of parking spaces.</p>
</article></body></html>"""

BARE = """<!doctype html><html><head><title>Riverton budget</title></head><body><article>
<p>The Riverton council set its budget for next year at 310 million dollars on Tuesday.</p>
<p>Spending on roads rises by 4 percent, and the council keeps the property tax rate unchanged.</p>
</article></body></html>"""

BIG = 5 * 1024 * 1024 + 10


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def _send(self, status: int, body: bytes, kind: str = "text/html; charset=utf-8") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
        base = f"http://{self.headers.get('Host')}"
        routes = {
            "/riverton-lanes": lambda: self._send(200, PAGE.replace("{base}", base).encode()),
            "/budget": lambda: self._send(200, BARE.encode()),
            "/report.pdf": lambda: self._send(200, b"%PDF-1.7", "application/pdf"),
            "/huge.html": lambda: self._send(200, b"<p>" + b"x" * BIG + b"</p>"),
            "/empty.html": lambda: self._send(200, b"<html><head><title>Gallery</title></head><body><div><img src=a.jpg></div></body></html>"),
        }
        routes.get(self.path, lambda: self._send(404, b"not here"))()


@contextmanager
def serve_pages() -> Iterator[str]:
    """The base URL of a loopback server holding the pages above."""
    with serve_http(_Handler) as base:
        yield base
