"""Answers to identical GET requests, kept per state of the knowledge base.

Every page and every API answer depends only on the request's URL and on what
the knowledge base holds, so an answer computed once can be sent again to the
next request for the same URL as long as the knowledge base is unchanged.
`Generation` says when it changes; `ResponseCache`, an ASGI middleware, keeps
the 200 answers of GET requests under their URL (and the host and scheme the
pages' absolute links are built from) and forgets them all when the generation
moves on. A write is therefore seen by the first request after its commit, as
without the cache.

On a SQLite file the generation moves on with every commit to the database by
any connection of any process: `PRAGMA data_version`, read on a connection
kept for this (a few microseconds a request, no query), changes exactly then.
Elsewhere (PostgreSQL) it is the newest report, meeting and meeting source
(`memo.STATE`, one query on primary keys per request): an ingest always adds
a report, and every meeting it tells adds a meeting source, in one
transaction."""
from __future__ import annotations

import itertools
import sqlite3
import threading
from collections import OrderedDict
from typing import Any, Hashable

from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .memo import GENERATION, STATE

MAX_BYTES = 64 * 1024 * 1024  # the answers a worker process keeps, in all
MAX_ANSWER_BYTES = 2 * 1024 * 1024  # larger answers are computed each time
UNCACHED_PREFIXES = ("/static",)  # files: StaticFiles answers them with their own validators
_serials = itertools.count(1)


class Generation:
    """The state of one database, read cheaply: equal values mean equal contents."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._lock = threading.Lock()
        self._probe: sqlite3.Connection | None = None
        self._seen: int | None = None
        self._state: tuple | None = None
        path = engine.url.database if engine.dialect.name == "sqlite" else None
        if path and path != ":memory:" and not path.startswith("file:"):
            self._path = path
        else:
            self._path = None  # PostgreSQL, or an in-memory SQLite shared with the sessions: ask each time

    @property
    def cheap(self) -> bool:
        """True when reading the generation needs no query (a SQLite file)."""
        return self._path is not None

    def current(self) -> tuple:
        """The generation: a value that changes whenever the database does."""
        if self._path is None:
            with self.engine.connect() as connection:
                return tuple(connection.execute(STATE).one())
        with self._lock:
            if self._probe is None:
                self._probe = sqlite3.connect(self._path, check_same_thread=False, isolation_level=None)
                self._probe.execute("PRAGMA query_only=ON")  # it never commits: every change it sees is another's
            version = self._probe.execute("PRAGMA data_version").fetchone()[0]
            if version != self._seen or self._state is None:
                # a number no other generation of this process has had: the values remembered for one
                # database (memo.remembered) are never taken for those of another state
                self._state = ("sqlite", next(_serials))
                self._seen = version
            return self._state

    def close(self) -> None:
        with self._lock:
            if self._probe is not None:
                self._probe.close()
                self._probe = None


class Answers:
    """Answers of one generation, the least recently used dropped past `max_bytes`."""

    def __init__(self, max_bytes: int = MAX_BYTES) -> None:
        self.max_bytes = max_bytes
        self.state: tuple | None = None
        self.kept: OrderedDict[Hashable, tuple[int, list, bytes]] = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()

    def get(self, state: tuple, key: Hashable) -> tuple[int, list, bytes] | None:
        with self.lock:
            if state != self.state:
                self.state, self.kept, self.size = state, OrderedDict(), 0
                return None
            found = self.kept.get(key)
            if found is not None:
                self.kept.move_to_end(key)
            return found

    def put(self, state: tuple, key: Hashable, answer: tuple[int, list, bytes]) -> None:
        with self.lock:
            if state != self.state or key in self.kept:
                return
            self.kept[key] = answer
            self.size += len(answer[2])
            while self.size > self.max_bytes and self.kept:
                _, old = self.kept.popitem(last=False)
                self.size -= len(old[2])


class ResponseCache:
    """ASGI middleware: a GET answered 200 is sent again, as it was, to the same
    GET on the same generation of the knowledge base."""

    def __init__(self, app: ASGIApp, generation: Generation, max_bytes: int = MAX_BYTES) -> None:
        self.app, self.generation = app, generation
        self.answers = Answers(max_bytes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"].startswith(UNCACHED_PREFIXES):
            return await self.app(scope, receive, send)
        g = self.generation
        state = g.current() if g.cheap else await run_in_threadpool(g.current)
        headers = dict(scope["headers"])
        # absolute links in the pages (url_for) are built from the scheme, the host and the root path
        key = (scope["path"], scope["query_string"], scope.get("scheme"), headers.get(b"host"),
               scope.get("root_path", ""))
        scope[GENERATION] = state  # memo.request_session: the request's remembered values are of this state
        found = self.answers.get(state, key)
        if found is not None:
            status, response_headers, body = found
            await send({"type": "http.response.start", "status": status, "headers": response_headers})
            await send({"type": "http.response.body", "body": body, "more_body": False})
            return
        start: dict[str, Any] = {}
        parts: list[bytes] = []
        keep = True

        async def capture(message: Message) -> None:
            nonlocal keep
            if message["type"] == "http.response.start":
                start.update(message)
                keep = message["status"] == 200 and not any(
                    k.lower() == b"set-cookie" for k, _ in message.get("headers", []))
            elif message["type"] == "http.response.body" and keep:
                parts.append(message.get("body", b""))
                if sum(map(len, parts)) > MAX_ANSWER_BYTES:
                    keep = False
                    parts.clear()
                elif not message.get("more_body", False):
                    self.answers.put(state, key, (start["status"], list(start.get("headers", [])),
                                                  b"".join(parts)))
            await send(message)

        await self.app(scope, receive, capture)
