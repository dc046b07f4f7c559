"""Answers that depend only on what the knowledge base holds (the organisations,
the counts of a list, the timeline), computed once per state of the database
instead of once per request.

The state is read once per request, from the newest row of the tables an
ingest always adds to: every stored report is a new row (reports are never
changed in place), and every meeting it tells is a new meeting source. Each
lookup is on a primary key, so reading the state costs one indexed query
whatever the size of the knowledge base. Values are shared between requests:
callers treat them as read-only."""
from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from sqlalchemy import Engine, event, func, select
from sqlalchemy.orm import Session

from ..kb.models import Meeting, MeetingSource, Report

T = TypeVar("T")
MAX_ENTRIES = 2048  # per database: enough for every filter a crowd of readers uses at once

STATE = select(select(func.max(Report.id)).scalar_subquery(), select(func.max(Meeting.id)).scalar_subquery(),
               select(func.max(MeetingSource.id)).scalar_subquery())


class Memo:
    """Values of one database, dropped whenever its state changes; the least recently used go past MAX_ENTRIES."""

    def __init__(self) -> None:
        self.state: tuple | None = None
        self.values: OrderedDict[Hashable, Any] = OrderedDict()
        self.lock = threading.Lock()  # the pages' handlers run in a thread pool

    def get(self, state: tuple, key: Hashable, compute: Callable[[], T]) -> T:
        with self.lock:
            if state != self.state:
                self.state, self.values = state, OrderedDict()
            elif key in self.values:
                self.values.move_to_end(key)
                return self.values[key]
        value = compute()  # outside the lock: two requests may compute the same value once each, never wait
        with self.lock:
            if state == self.state:
                self.values[key] = value
                if len(self.values) > MAX_ENTRIES:
                    self.values.popitem(last=False)
        return value


_memos: weakref.WeakKeyDictionary[Engine, Memo] = weakref.WeakKeyDictionary()
_memos_lock = threading.Lock()


@event.listens_for(Session, "after_transaction_end")
def _forget_state(session: Session, _transaction: Any) -> None:
    """A session used for more than one transaction reads the state again in the next."""
    session.info.pop("memo_state", None)


def remembered(session: Session, key: Hashable, compute: Callable[[], T]) -> T:
    """`compute()`, or its value from an earlier request on the same state of the session's database."""
    engine = session.get_bind()
    with _memos_lock:
        memo = _memos.get(engine) or _memos.setdefault(engine, Memo())
    if "memo_state" not in session.info:  # once per transaction, that is per request
        session.info["memo_state"] = tuple(session.execute(STATE).one())
    return memo.get(session.info["memo_state"], key, compute)


GENERATION = "communique.generation"  # the request scope's key for the state the response cache read


def request_session(request: Any) -> Session:
    """A session for one request. When the response cache has read the
    generation of the database for this request (cache.Generation: on SQLite it
    changes with every commit), `remembered` keys on it instead of reading the
    state again: the session sees that generation or a newer one, and a newer
    one is seen by the next request, which drops what was remembered."""
    session = request.app.state.db.session()
    state = request.scope.get(GENERATION)
    if state is not None:
        session.info["memo_state"] = state
    return session
