"""The web application: a JSON API and server-rendered pages over the knowledge base.

    from communique.web import create_app
    app = create_app("sqlite:///communique.db")   # FastAPI; `communique serve` runs it
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .app import create_app


def __getattr__(name: str) -> Any:
    if name == "create_app":  # FastAPI is imported only when the application is wanted
        from .app import create_app

        return create_app
    raise AttributeError(name)


__all__ = ["create_app"]
