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
    assets = swagger_assets()
    if assets is not None:  # Swagger UI's files come from a PyPI package: /docs works offline, under the CSP
        app.mount("/docs-assets", StaticFiles(directory=assets), name="docs-assets")


def swagger_assets() -> str | None:
    """The folder of Swagger UI 5 files shipped by the ``swagger-ui-py`` package, if installed."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("swagger_ui")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(list(spec.submodule_search_locations)[0]) / "static"
    return str(folder) if (folder / "swagger-ui-bundle.js").exists() else None


__all__ = ["mount"]
