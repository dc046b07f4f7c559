"""Every limit of communique.web.limits, just past it: a clear 413 or 422
naming the limit, never a 500; just at it, an answer."""
from __future__ import annotations

import pytest

from communique.web.limits import MAX_BODY_BYTES, MAX_PAGE, MAX_PER_PAGE, MAX_QUERY_CHARS, MAX_REPORT_BYTES

LISTS = ["/api/meetings", "/api/people", "/api/reports", "/api/organisations/CSTO"]


@pytest.mark.parametrize("path", LISTS)
def test_page_size_limit(client, path):
    assert client.get(path, params={"per_page": MAX_PER_PAGE}).status_code == 200
    got = client.get(path, params={"per_page": MAX_PER_PAGE + 1})
    assert got.status_code == 422
    [error] = got.json()["detail"]
    assert error["loc"] == ["query", "per_page"] and str(MAX_PER_PAGE) in error["msg"]
    got = client.get(path, params={"page": MAX_PAGE + 1})
    assert got.status_code == 422 and got.json()["detail"][0]["loc"] == ["query", "page"]


@pytest.mark.parametrize("path, name", [("/api/meetings", "org"), ("/api/meetings", "body"),
                                        ("/api/meetings", "person"), ("/api/people", "q"), ("/api/search", "q")])
def test_query_length_limit(client, path, name):
    assert client.get(path, params={name: "k" * MAX_QUERY_CHARS}).status_code == 200
    got = client.get(path, params={name: "k" * (MAX_QUERY_CHARS + 1)})
    assert got.status_code == 422 and str(MAX_QUERY_CHARS) in got.json()["detail"][0]["msg"]


def test_pages_cut_long_filters_and_ignore_pages_past_the_last(client):
    got = client.get("/", params={"person": "Lavrov" + " " * 10 + "x" * 5000, "page": MAX_PAGE + 1})
    assert got.status_code == 200 and "x" * (MAX_QUERY_CHARS + 1) not in got.text
    assert client.get("/search", params={"q": "y" * 5000}).status_code == 200


def test_report_size_counts_bytes_not_characters(client):
    text = "é" * (MAX_REPORT_BYTES // 2 + 1)  # fewer characters than the limit, more bytes
    got = client.post("/api/extract", json={"text": text})
    assert got.status_code == 413 and f"{MAX_REPORT_BYTES:,}-byte limit" in got.json()["detail"]


@pytest.mark.parametrize("path, content_type", [("/api/extract", "application/json"),
                                                ("/extract", "application/x-www-form-urlencoded")])
def test_body_size_limit_declared_and_streamed(client, path, content_type):
    big = b"x" * (MAX_BODY_BYTES + 1)
    got = client.post(path, content=big, headers={"content-type": content_type})
    assert got.status_code == 413
    assert got.json() == {"detail": f"the request body is over the {MAX_BODY_BYTES:,}-byte limit"}

    def chunks():  # no content-length: the limit counts what arrives
        for start in range(0, len(big), 256 * 1024):
            yield big[start:start + 256 * 1024]

    got = client.post(path, content=chunks(), headers={"content-type": content_type})
    assert got.status_code == 413 and "limit" in got.json()["detail"]


def test_one_report_per_request(client):
    got = client.post("/api/extract", json=[{"text": "Talks in Minsk."}, {"text": "Talks in Baku."}])
    assert got.status_code == 422
    got = client.post("/api/extract", json={"text": ["Talks in Minsk.", "Talks in Baku."]})
    assert got.status_code == 422 and got.json()["detail"][0]["loc"] == ["body", "text"]
