"""Response times of `communique serve` over a knowledge base of 10,000 meetings.

    python bench/serve_speed.py [--meetings 10000] [--runs 25] [--limit-ms 200]

Builds a SQLite database of synthetic meetings (rows written directly with the
models, each meeting with its report, sources and participants), serves it
with uvicorn on a free local port, and times GET of the meetings page and the
API over HTTP: the median of --runs after a warm-up. Exits 1 when the median
of the meetings page or of /api/meetings is over --limit-ms."""
from __future__ import annotations

import argparse
import random
import shutil
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import uvicorn
from sqlalchemy import insert

from communique.kb import Database, open_db
from communique.kb.models import Adopted, Meeting, MeetingSource, Participant, Person, PersonName, PersonRole, Report
from communique.web import create_app

ORGS = {"CSTO": ["Council of Foreign Ministers", "Collective Security Council"],
        "SCO": ["Council of Foreign Ministers", "Council of Heads of State"],
        "CIS": ["Council of Foreign Ministers", "Council of Heads of Government"], "ASEAN": ["ASEAN Regional Forum"]}
STATES = ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK", "UZB", "CHN", "IND", "VNM", "LAO", "THA"]
PLACES = ["Astana", "Moscow", "Minsk", "Dushanbe", "Bishkek", "Tashkent", "Yerevan", "Beijing", "Vientiane"]
GIVEN = ["Sergei", "Murat", "Ararat", "Jeenbek", "Bakhtiyor", "Wang", "Maris", "Bui", "Anna", "Timur", "Ruslan"]
FAMILY = ["Petrov", "Aliev", "Karimov", "Saidov", "Nurlanov", "Osmonov", "Hakobyan", "Li", "Tran", "Novak"]


def build(db: Database, meetings: int, people: int = 3000, seed: int = 7) -> None:
    """`meetings` synthetic meetings with a report each (a fifth with a second), 2-6 participants."""
    rnd = random.Random(seed)
    names = [f"{rnd.choice(GIVEN)} {rnd.choice(FAMILY)}{i}" for i in range(1, people + 1)]
    acting = {i: rnd.choice(STATES) for i in range(1, people + 1)}
    rows: dict[type, list[dict]] = {m: [] for m in (Person, PersonName, Report, Meeting, MeetingSource, Participant,
                                                    PersonRole, Adopted)}  # in the order of their keys
    for i, name in enumerate(names, 1):
        rows[Person].append({"id": i, "name": name, "surname_key": name.split()[-1].lower()})
        rows[PersonName].append({"person_id": i, "name": name})
    report_id = 0
    for m in range(1, meetings + 1):
        day = f"{rnd.randint(2015, 2024)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        org = rnd.choice([*ORGS, None, None])
        body = rnd.choice(ORGS[org]) if org else None
        place = rnd.choice(PLACES)
        present = rnd.sample(range(1, people + 1), rnd.randint(2, 6))
        kind = "session" if org else rnd.choice(["talks", "call", "reception"])
        rows[Meeting].append({"id": m, "kind": kind, "org": org, "body": body, "date": day, "location": place,
                              "chair_id": present[0], "reasons": {}})
        for _ in range(2 if rnd.random() < 0.2 else 1):
            report_id += 1
            text = (f"{place.upper()}, {day} (Agency) - A meeting of {org or 'ministers'} {body or ''} was held in "
                    f"{place}, attended by {', '.join(names[p - 1] for p in present)}.")
            rows[Report].append({"id": report_id, "content_hash": f"{report_id:064x}", "name": f"report-{report_id}",
                                 "source": "Agency", "published": day, "dateline_place": place, "text": text,
                                 "record": {"doc_id": f"report-{report_id}", "meetings": []}})
            rows[MeetingSource].append({"meeting_id": m, "report_id": report_id, "kind": kind, "org": org,
                                        "body": body, "date": day, "location": place, "chair_id": present[0],
                                        "values": {"kind": kind, "evidence": []}})
            for p in present:
                rows[Participant].append({"meeting_id": m, "person_id": p, "report_id": report_id,
                                          "role": "foreign_minister", "country": acting[p], "org": None,
                                          "evidence": []})
                rows[PersonRole].append({"person_id": p, "report_id": report_id, "role": "foreign_minister",
                                         "country": acting[p], "org": None, "seen": day, "evidence": []})
            if org and rnd.random() < 0.3:
                rows[Adopted].append({"meeting_id": m, "report_id": report_id, "kind": "statement",
                                      "subject": "regional security", "evidence": []})
    with db.session() as session, session.begin():
        for model, values in rows.items():
            for start in range(0, len(values), 5000):
                session.execute(insert(model), values[start:start + 5000])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def median_ms(client: httpx.Client, path: str, runs: int) -> float:
    for _ in range(3):
        client.get(path).raise_for_status()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        client.get(path).raise_for_status()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=25)
    parser.add_argument("--limit-ms", type=float, default=200)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="communique-bench-"))
    db = open_db(f"sqlite:///{folder / 'kb.db'}")
    start = time.perf_counter()
    build(db, args.meetings)
    print(f"built {args.meetings:,} meetings in {time.perf_counter() - start:.1f} s")
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    timed = {"/": True, "/api/meetings": True, "/?page=100": False, "/api/meetings?page=100": False,
             "/?org=CSTO&since=2020": False, "/api/meetings?country=RUS": False,
             "/?person=Saidov": False, "/meetings/5000": False,
             "/people/42": False, "/people": False, "/search?q=saidov": False, "/organisations/SCO": False,
             "/reports": False}
    failed = []
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            for path, required in timed.items():
                ms = median_ms(client, path, args.runs)
                over = ms > args.limit_ms
                print(f"GET {path:32s} median {ms:7.1f} ms{'  OVER THE LIMIT' if over and required else ''}")
                if over and required:
                    failed.append(path)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        db.engine.dispose()
        shutil.rmtree(folder, ignore_errors=True)
    if failed:
        print(f"over {args.limit_ms:.0f} ms: {', '.join(failed)}")
        return 1
    print(f"meetings page and API within {args.limit_ms:.0f} ms (median of {args.runs})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
