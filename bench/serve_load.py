"""`communique serve` under load: many concurrent clients for a while.

    python bench/serve_load.py [--meetings 3000] [--clients 50] [--seconds 60] [--seed 7] [--workers N]
                               [--client httpx|raw]

Builds a SQLite database of synthetic meetings (serve_speed.build), starts
`communique serve` on it in another process on a free loopback port (with
--workers worker processes, else the server's default of one per core), and
drives it with --clients concurrent clients (asyncio; httpx's, or with
`--client raw` HTTP/1.1 written and read on asyncio's streams) for --seconds,
each request drawn from a mix: the meetings page (filtered or not), a meeting
page, a person page, the people list, the API's meeting list, search. Prints
requests, throughput, median and 99th-percentile latency, the server's CPU
time per request (all its processes; Linux), the clients' own (this
process's) CPU time per request, and errors (any status other than 200, or no
answer); exits 1 on any error. On a shared machine the CPU per request is the
figure to compare: the latencies depend on what else runs, the clients
included."""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from communique.kb import open_db
from serve_speed import FAMILY, ORGS, build, free_port  # the benches' own synthetic knowledge base

# (weight, path maker): what a crowd of readers asks for
MIX = [
    (3, lambda r, n: "/"),
    (2, lambda r, n: f"/?org={r.choice(list(ORGS))}&since={r.randint(2015, 2024)}"),
    (4, lambda r, n: f"/meetings/{r.randint(1, n)}"),
    (3, lambda r, n: f"/people/{r.randint(1, 3000)}"),
    (1, lambda r, n: f"/people?q={r.choice(FAMILY)}"),
    (3, lambda r, n: f"/api/meetings?page={r.randint(1, max(1, n // 50))}"),
    (1, lambda r, n: f"/api/meetings?person={r.choice(FAMILY)}{r.randint(1, 3000)}"),
    (2, lambda r, n: f"/search?q={r.choice(FAMILY)[:4]}"),
    (1, lambda r, n: f"/api/search?q={r.choice(FAMILY)}"),
]


def start_server(url: str, port: int, workers: int | None = None) -> subprocess.Popen:
    script = Path(sys.executable).parent / "communique"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "communique.cli"]
    given = ["--workers", str(workers)] if workers else []  # none: the server's own default
    server = subprocess.Popen([*command, "serve", "--db", url, "--port", str(port), *given],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"error: the server stopped: {server.stderr.read().strip()}")
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/reports?per_page=1", timeout=2).raise_for_status()
            return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("error: the server did not answer within 60 s")


def server_cpu(pid: int) -> float | None:
    """CPU seconds used so far by process `pid` and its worker processes, from Linux's /proc (None elsewhere)."""
    try:
        pids = [pid] + [int(c) for task in Path(f"/proc/{pid}/task").iterdir()
                        for c in (task / "children").read_text().split()]
        ticks = 0
        for p in pids:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
        return ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError):
        return None


async def client(base: str, seed: int, meetings: int, until: float, latencies: list[float],
                 errors: list[str]) -> None:
    rnd = random.Random(seed)
    weights, makers = zip(*MIX)
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        while time.monotonic() < until:
            path = rnd.choices(makers, weights)[0](rnd, meetings)
            began = time.perf_counter()
            try:
                got = await http.get(path)
                if got.status_code != 200:
                    errors.append(f"{got.status_code} {path}")
            except httpx.HTTPError as exc:
                errors.append(f"{type(exc).__name__} {path}")
            latencies.append(time.perf_counter() - began)


async def raw_client(base: str, seed: int, meetings: int, until: float, latencies: list[float],
                     errors: list[str]) -> None:
    """`client`'s requests over one kept-alive HTTP/1.1 connection written and read
    with asyncio's streams: each answer read whole (by its Content-Length, or its
    chunks), its status checked, for a tenth of httpx's CPU time."""
    rnd = random.Random(seed)
    weights, makers = zip(*MIX)
    host, port = base.removeprefix("http://").rsplit(":", 1)
    connection = None
    while time.monotonic() < until:
        path = rnd.choices(makers, weights)[0](rnd, meetings)
        began = time.perf_counter()
        try:
            if connection is None:
                connection = await asyncio.open_connection(host, int(port))
            reader, writer = connection
            writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\n\r\n".encode())
            status, close = await asyncio.wait_for(_read_answer(reader), 30)
            if status != 200:
                errors.append(f"{status} {path}")
            if close:
                writer.close()
                connection = None
        except (OSError, EOFError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, asyncio.TimeoutError,
                ValueError) as exc:
            errors.append(f"{type(exc).__name__} {path}")
            if connection is not None:
                connection[1].close()
            connection = None
        latencies.append(time.perf_counter() - began)
    if connection is not None:
        connection[1].close()


async def _read_answer(reader: asyncio.StreamReader) -> tuple[int, bool]:
    """The status of one HTTP/1.1 answer read whole, and whether the server closes the connection."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    fields = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
    if "content-length" in fields:
        await reader.readexactly(int(fields["content-length"]))
    elif fields.get("transfer-encoding", "").lower() == "chunked":
        while size := int((await reader.readuntil(b"\r\n")).split(b";")[0], 16):
            await reader.readexactly(size + 2)
        await reader.readuntil(b"\r\n")  # the last chunk's empty line (no trailers are sent)
    else:
        raise ValueError("an answer of unknown length")
    return status, fields.get("connection", "").lower() == "close"


async def drive(base: str, clients: int, seconds: float, seed: int, meetings: int,
                kind: str = "httpx") -> tuple[list[float], list[str]]:
    latencies: list[float] = []
    errors: list[str] = []
    until = time.monotonic() + seconds
    run = raw_client if kind == "raw" else client
    await asyncio.gather(*(run(base, seed * 1000 + i, meetings, until, latencies, errors)
                           for i in range(clients)))
    return latencies, errors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=3000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, help="the server's worker processes (default: its own, one per core)")
    parser.add_argument("--client", choices=["httpx", "raw"], default="httpx",
                        help="httpx.AsyncClient (default), or HTTP/1.1 written on asyncio's streams: the clients "
                             "share the server's cores, and raw leaves it most of them")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="communique-load-"))
    url = f"sqlite:///{folder / 'kb.db'}"
    db = open_db(url)
    build(db, args.meetings, seed=args.seed)
    db.engine.dispose()
    port = free_port()
    server = start_server(url, port, args.workers)
    try:
        cpu_before, started, own_before = server_cpu(server.pid), time.perf_counter(), time.process_time()
        latencies, errors = asyncio.run(drive(f"http://127.0.0.1:{port}", args.clients, args.seconds, args.seed,
                                              args.meetings, args.client))
        elapsed, cpu_after = time.perf_counter() - started, server_cpu(server.pid)
        clients_cpu = time.process_time() - own_before
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)
    ms = sorted(x * 1000 for x in latencies)
    p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))] if ms else 0.0
    workers = args.workers or f"default ({os.cpu_count()})"
    print(f"{args.clients} clients ({args.client}), {elapsed:.0f} s, {args.meetings:,} meetings, "
          f"{os.cpu_count()} cores, server workers: {workers}")
    cpu = (f", server CPU {(cpu_after - cpu_before) * 1000 / len(ms):.1f} ms a request"
           if cpu_before is not None and cpu_after is not None and ms else "")
    own = f", clients' CPU {clients_cpu * 1000 / len(ms):.1f} ms a request" if ms else ""
    print(f"requests: {len(ms):,}{cpu}{own}")
    print(f"latency: median {statistics.median(ms) if ms else 0:.0f} ms, 99th percentile {p99:.0f} ms, "
          f"throughput {len(ms) / elapsed:.1f} requests/s")
    print(f"errors: {len(errors)}")
    for e in sorted(set(errors))[:10]:
        print(f"  {e}")
    return 1 if errors or not ms else 0


if __name__ == "__main__":
    sys.exit(main())
