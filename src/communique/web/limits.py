"""Every limit of the web application, in one place (README, "Limits").
Past each one the answer is a clear 4xx, never a 500."""
from __future__ import annotations

from ..inputs import MAX_REPORT_BYTES  # one report (1,000,000 bytes), as `communique extract` takes it: 413 past it

MAX_BODY_BYTES = 2 * MAX_REPORT_BYTES  # a report at the limit, as JSON or a form, escaped: 413 past it
REPORTS_PER_REQUEST = 1  # POST /api/extract and POST /extract take one report; there is no batch endpoint
MAX_PER_PAGE = 200  # `per_page` of the API's lists: 422 past it
DEFAULT_PER_PAGE = 50  # the API's lists, and every page's
MAX_PAGE = 1_000_000  # `page` of every list: 422 past it in the API, the first page on the pages
MAX_QUERY_CHARS = 200  # a text filter or search (`q`, `org`, `body`, `person`): 422 past it
SEARCH_HITS = 20  # people, organisations and bodies each, on /search and /api/search

__all__ = ["MAX_REPORT_BYTES", "MAX_BODY_BYTES", "REPORTS_PER_REQUEST", "MAX_PER_PAGE", "DEFAULT_PER_PAGE", "MAX_PAGE",
           "MAX_QUERY_CHARS", "SEARCH_HITS"]
