from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed: pip install '.[server]'")

import httpx  # noqa: E402

from briefpress.api import Settings, create_app  # noqa: E402
from briefpress.store import open_store  # noqa: E402
from briefpress.web import mount  # noqa: E402
from serverkit import LiveServer  # noqa: E402

XSS = "<img src=x onerror=alert(1)>"


@pytest.fixture
def db_url(tmp_path: Any) -> str:
    return f"sqlite:///{tmp_path / 'web.db'}"


@pytest.fixture
def api_key(db_url: str) -> str:
    return open_store(db_url).create_key("web")[1]


@pytest.fixture
def live(db_url: str, api_key: str) -> Iterator[LiveServer]:
    with LiveServer(create_app(Settings(db_url=db_url), extensions=[mount])) as server:
        yield server


@pytest.fixture
def browser_client(live: LiveServer, api_key: str) -> Iterator[httpx.Client]:
    """A signed-in client that sends what a browser sends: the cookie and its own Origin."""
    with httpx.Client(base_url=live.url, timeout=60, headers={"Origin": live.url}) as c:
        r = c.post("/login", data={"key": api_key})
        assert r.status_code == 303 and r.headers["location"] == "/"
        yield c
