"""The web editor at ``/``: server-rendered pages (Jinja, autoescaped) and one small script.

No front-end build: ``static/editor.js`` is plain JavaScript that only ever sets ``textContent``
or inserts HTML that the server rendered and escaped. The Content-Security-Policy (see
``api/middleware.py``) allows scripts and styles from this origin only, so no inline script runs.
"""

from __future__ import annotations

from typing import Any


def mount(app: Any) -> None:
    from fastapi.staticfiles import StaticFiles

    from .routes import STATIC_DIR, router

    app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")


__all__ = ["mount"]
