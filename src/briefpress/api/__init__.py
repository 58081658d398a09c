"""The HTTP API: ``create_app(Settings(...), extensions=[briefpress.web.mount])`` is what ``briefpress serve`` runs.

Needs the ``server`` extra: ``pip install 'briefpress[server]'``.
"""

from __future__ import annotations

from .app import create_app
from .settings import Settings

__all__ = ["Settings", "create_app"]
