"""The reader's tests: one invented report, as the plain text a reader would
copy and as the news page it was copied from, and a local HTTP server on
loopback that serves pages, failures and slow or huge answers.

The report, its people and the site are invented for these tests."""
from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator

import pytest

HEADLINE = "Kazakh and Uzbek ministers hold talks in Astana"
DATE_LINE = "5 March 2024, 10:20"
BYLINE = "By Dana Serikova"
DATELINE_PARAGRAPH = ("ASTANA, March 5 (Steppe Wire) - Kazakh Foreign Minister Aidos Bekmuratov held talks with Uzbek "
                      "Foreign Minister Farrukh Tashkentov in Astana on Monday.")
BODY = [DATELINE_PARAGRAPH,
        "The ministers discussed transport corridors and water management, and agreed to meet again in Tashkent "
        "in the autumn.",
        "They also signed a memorandum on cultural exchanges between the two foreign ministries."]

# The report as a reader copies it from the page: headline, date line, byline, article.
REPORT = "\n\n".join([HEADLINE, DATE_LINE, BYLINE, *BODY])

# Words that are on the page but not in the article: menus, related links, comments, footer.
NOT_THE_ARTICLE = ["Home", "Sport", "Related", "Kyrgyz president visits Dushanbe", "Great news",
                   "All rights reserved"]


def news_page(body: list[str] = BODY, headline: str = HEADLINE, date_line: str = DATE_LINE,
              byline: str = BYLINE) -> str:
    """The saved page: the headline in <h1> and the date line in <time> under
    a <header>, a byline, the article's paragraphs, then related links,
    comments and a footer."""
    paragraphs = "\n".join(f"<p>{line}</p>" for line in body)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{headline} | Steppe Herald</title>
<meta name="date" content="2024-03-05">
<meta property="og:site_name" content="Steppe Herald">
<meta property="og:title" content="{headline}">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<main><article>
<header>
<h1>{headline}</h1>
<p class="meta"><time datetime="2024-03-05T10:20:00+05:00">{date_line}</time></p>
<p class="byline">By <a rel="author" href="/authors/ds">{byline.removeprefix("By ")}</a></p>
</header>
{paragraphs}
</article>
<aside class="related"><h2>Related</h2><ul>
<li><a href="/a">Kyrgyz president visits Dushanbe for border talks on Friday</a></li>
<li><a href="/b">Armenian minister meets Georgian counterpart in Tbilisi</a></li></ul></aside>
<section class="comments"><h3>Comments</h3>
<div class="comment"><p>Great news, the ministers should meet more often, for example in Bishkek next week!</p></div>
</section>
</main>
<footer><p>Steppe Herald, 2024. All rights reserved. Contact us.</p></footer>
</body></html>
"""


PAGE = news_page()
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
HUGE = 20 * 1024 * 1024  # bytes of the huge answers
SLOW_SECONDS = 3.0  # how long the slow answer waits; the tests give a timeout of 1 s


class _Pages(BaseHTTPRequestHandler):
    """/page.html, /moved (a redirect to it), /report.txt, /missing (404),
    /slow.html, /paper.pdf, /huge.html (20 MB, its length declared) and
    /endless.html (20 MB, its length undeclared)."""

    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802  (http.server's name)
        try:
            self._answer()
        except (BrokenPipeError, ConnectionResetError):  # the client gave up, as it should past its limits
            pass

    def _answer(self) -> None:
        path = self.path
        if path == "/page.html":
            self._send(200, "text/html; charset=utf-8", PAGE.encode("utf-8"))
        elif path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/page.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/report.txt":
            self._send(200, "text/plain; charset=utf-8", REPORT.encode("utf-8"))
        elif path == "/slow.html":
            time.sleep(SLOW_SECONDS)
            self._send(200, "text/html", PAGE.encode("utf-8"))
        elif path == "/paper.pdf":
            self._send(200, "application/pdf", PDF)
        elif path == "/huge.html":
            self._send(200, "text/html", b"<p>" + b"x" * HUGE)
        elif path == "/endless.html":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
            block = b"<p>" + b"words " * 10_000 + b"</p>"
            for _ in range(HUGE // len(block) + 1):
                self.wfile.write(block)
        else:
            self._send(404, "text/html", b"<html><body><h1>Not found</h1></body></html>")

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002  quiet
        pass


@pytest.fixture(scope="session")
def site() -> Iterator[str]:
    """The base URL of the local server, on 127.0.0.1 only."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch) -> None:
    """Loopback is reached directly, whatever proxy the environment names."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
