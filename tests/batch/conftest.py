"""Batch tests: invented wire reports, inputs of every kind built from them,
and a local Dask cluster of two workers shared by the tests that need one.

Every report here is invented for these tests: invented ministers of real
states meeting in real capitals, in the styles of wire agencies.
"""
from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Iterator

import pyarrow.dataset as ds
import pytest
from distributed import Client
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from communique.batch.run import dask_client, warm_workers

MINISTERS = [  # (state, adjective, invented foreign minister, capital)
    ("Kazakhstan", "Kazakh", "Aidos Bekmuratov", "Astana"),
    ("Uzbekistan", "Uzbek", "Farrukh Tashkentov", "Tashkent"),
    ("Kyrgyzstan", "Kyrgyz", "Nurlan Temirbekov", "Bishkek"),
    ("Tajikistan", "Tajik", "Rustam Odinaev", "Dushanbe"),
    ("Armenia", "Armenian", "Gevorg Harutyunov", "Yerevan"),
    ("Georgia", "Georgian", "Levan Abashidze", "Tbilisi"),
    ("Mongolia", "Mongolian", "Batbold Ganzorig", "Ulaanbaatar"),
]
AGENCIES = ["Steppe Wire", "Caspian Press", "Silk Road Agency", "Highland News"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
TOPICS = ["transport corridors", "water management", "border crossings", "energy supplies", "trade in grain"]


def wire_report(i: int) -> str:
    """The i-th invented report: a distinct text for each i."""
    host = MINISTERS[i % len(MINISTERS)]
    guest = MINISTERS[(i // len(MINISTERS) + i + 1) % len(MINISTERS)]
    if guest == host:
        guest = MINISTERS[(i + 1) % len(MINISTERS)]
    day, month, year = i % 28 + 1, MONTHS[i % 12], 2015 + i % 10
    agency = AGENCIES[i % len(AGENCIES)]
    return (f"{host[3].upper()}, {month} {day}, {year} ({agency}) - {host[1]} Foreign Minister {host[2]} held talks "
            f"with {guest[1]} Foreign Minister {guest[2]} in {host[3]} on Monday.\n"
            f"The ministers discussed {TOPICS[i % len(TOPICS)]} and {TOPICS[(i + 2) % len(TOPICS)]}, "
            f"and signed a memorandum on cooperation in the field of education (dispatch {i}).\n")


UNDATED_REPORT = ("ALMATY, March 3 (Steppe Wire) - Kazakh Foreign Minister Aidos Bekmuratov held talks with Uzbek "
                  "Foreign Minister Farrukh Tashkentov in Almaty on Monday.\n"
                  "The ministers discussed transport corridors and signed a memorandum on cultural exchanges.\n")


def html_page(body_text: str, title: str = "Ministers hold talks", date: str | None = "2024-03-05",
              site: str | None = "Steppe Herald") -> str:
    meta = "".join([f'<meta name="date" content="{date}">' if date else "",
                    f'<meta property="og:site_name" content="{site}">' if site else ""])
    paragraphs = "".join(f"<p>{line}</p>" for line in body_text.splitlines() if line.strip())
    return (f"<!DOCTYPE html><html><head><title>{title}</title>{meta}</head><body>"
            f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article><h1>{title}</h1>{paragraphs}</article><footer>All rights reserved.</footer></body></html>")


def write_warc(path: Path, records: list[tuple[str, str, bytes, str]], gzip: bool = True) -> Path:
    """A WARC of (kind, url, body, content type) records: "response" gets HTTP
    headers, "request", "resource" and "conversion" are written as they are."""
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        for kind, url, body, content_type in records:
            if kind == "response":
                http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
                record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http)
            elif kind == "request":
                http = StatusAndHeaders(f"GET {url} HTTP/1.1", [("Host", "example.org")], is_http_request=True)
                record = writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=http)
            else:
                record = writer.create_warc_record(url, kind, payload=io.BytesIO(body),
                                                   warc_content_type=content_type)
            writer.write_record(record)
    return path


def write_jsonl(path: Path, items: list[dict | str]) -> Path:
    """One line per item: a dict as JSON, a str as it is (for malformed lines)."""
    lines = [item if isinstance(item, str) else json.dumps(item, ensure_ascii=False) for item in items]
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def read_table(out: Path, name: str) -> list[dict]:
    return ds.dataset(out / name, format="parquet").to_table().to_pylist()


@pytest.fixture(scope="session")
def client() -> Iterator[Client]:
    """A local cluster of two worker processes of one thread, as `communique batch` starts."""
    with dask_client(workers=2) as dask:
        warm_workers(dask)
        yield dask
