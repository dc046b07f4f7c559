"""The FastAPI application: the JSON API under /api (OpenAPI at /docs), the
pages everywhere else, the stylesheet under /static."""
from __future__ import annotations

from pathlib import Path

from fastapi import Depends, FastAPI, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__, gazetteer
from ..kb.db import Database, open_db
from . import api, pages
from .cache import Generation, ResponseCache
from .limits import MAX_BODY_BYTES


class BodyLimit:
    """Answer 413 to a request body over `limit` bytes, declared or streamed.

    A body without a declared length is read here first, up to the limit, and
    handed on whole: an error raised while the application reads would reach
    FastAPI's body parsing, which turns any error into a 400."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None:  # the server holds the body to its declared length
            if declared.isdigit() and int(declared) > self.limit:
                return await self._refuse(scope, receive, send)
            return await self.app(scope, receive, send)
        body = await self._read(receive)
        if body is None:
            return await self._refuse(scope, receive, send)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()  # after the body, only a disconnect is left to wait for
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def _read(self, receive: Receive) -> bytes | None:
        """The whole streamed body, or None past the limit."""
        parts, seen = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return b"".join(parts)
            parts.append(message.get("body", b""))
            seen += len(parts[-1])
            if seen > self.limit:
                return None
            if not message.get("more_body", False):
                return b"".join(parts)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        detail = f"the request body is over the {self.limit:,}-byte limit"
        await JSONResponse({"detail": detail}, status_code=413)(scope, receive, send)


async def no_nul(request: Request) -> None:  # async: FastAPI runs a plain function in its thread pool
    """422 for a NUL character in the path or the query: PostgreSQL text cannot hold one."""
    if "\x00" in request.scope["path"] or any("\x00" in v for _, v in request.query_params.multi_items()):
        raise HTTPException(422, "a NUL character (%00) is not allowed in the path or the query")


def create_app(db: Database | str | None = None) -> FastAPI:
    """The application over `db` (a Database, a URL, or COMMUNIQUE_DB / communique.db)."""
    app = FastAPI(title="communique", version=__version__,
                  description="Diplomatic meetings extracted from news reports, every value with its evidence.",
                  dependencies=[Depends(no_nul)])
    app.state.db = db if isinstance(db, Database) else open_db(db)
    gazetteer.load()  # the names of organisations and states: read now, not by the first requests queued behind it
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")
    app.add_middleware(BodyLimit)
    # outermost: a kept answer is sent at once
    app.add_middleware(ResponseCache, generation=Generation(app.state.db.engine))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if _is_api(request):
            return await http_exception_handler(request, exc)
        return pages.render(request, "error.html", status_code=exc.status_code, status=exc.status_code,
                            message=exc.detail)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if _is_api(request):
            return await request_validation_exception_handler(request, exc)
        return pages.render(request, "error.html", status_code=422, status=422,
                            message="; ".join(str(e.get("msg")) for e in exc.errors()))

    return app


def _is_api(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api") or path in ("/docs", "/redoc", "/openapi.json") or path.startswith("/static")
