"""Fetching a report's page from a URL (httpx): redirects followed, a timeout
for the whole answer, a size limit read as the answer comes, and one clear
line for every way it can fail."""
from __future__ import annotations

import time
from dataclasses import dataclass

from . import __version__
from .inputs import BadInput, one_line
from .webpage import MAX_HTML_BYTES

DEFAULT_TIMEOUT = 20.0  # seconds for the whole answer, from the request to its last byte
PAGE_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)  # a report published as plain text is read as a .txt is


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # as asked for
    final_url: str  # after redirects
    kind: str  # "html" or "text"
    body: bytes
    charset: str | None  # as the server declares it


def is_url(item: str) -> bool:
    return item.lower().startswith(("http://", "https://"))


def fetch(url: str, timeout: float = DEFAULT_TIMEOUT, limit: int = MAX_HTML_BYTES) -> Fetched:
    """The page at `url`; BadInput for a failed fetch, a non-HTML answer or a page over `limit`."""
    import httpx

    deadline = time.monotonic() + timeout
    headers = {"User-Agent": f"communique/{__version__}", "Accept": "text/html,application/xhtml+xml,text/plain"}
    try:
        with httpx.Client(follow_redirects=True, timeout=timeout, headers=headers) as client, \
                client.stream("GET", url) as answer:
            if answer.status_code >= 400:
                raise BadInput(f"{url}: HTTP {answer.status_code} {answer.reason_phrase}".rstrip())
            media_type = answer.headers.get("content-type", "").split(";")[0].strip().lower()
            kind = "html" if media_type in PAGE_TYPES else "text" if media_type in TEXT_TYPES else None
            if kind is None:
                raise BadInput(f"{url}: {media_type or 'an answer without a content type'}, not an HTML page")
            declared = answer.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > limit:
                raise BadInput(f"{url}: {int(declared):,} bytes is over the {limit:,}-byte limit for one page")
            body = bytearray()
            for piece in answer.iter_bytes():
                body += piece
                if len(body) > limit:
                    raise BadInput(f"{url}: over the {limit:,}-byte limit for one page")
                if time.monotonic() > deadline:  # httpx's timeout is per read: a trickle could last for ever
                    raise httpx.ReadTimeout("the answer took too long")
            return Fetched(url, str(answer.url), kind, bytes(body), answer.charset_encoding)
    except httpx.TimeoutException:
        raise BadInput(f"{url}: no answer within {timeout:g} s") from None
    except httpx.TooManyRedirects:
        raise BadInput(f"{url}: too many redirects") from None
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise BadInput(f"{url}: cannot be fetched ({one_line(exc)})") from None
