"""Reports per second of `communique batch` with one and two Dask workers.

    python bench/batch_scale.py [--reports 20000] [--runs 3] [--chunk-size 500] [--keep DIR]

Writes a corpus of invented wire reports (this file's own templates) as .txt
files, then in each of --runs rounds times bench/extract_speed.py (extract()
in one process pinned to one core) on a sample of the corpus, the batch over
the whole corpus on a local cluster of one worker, and on one of two workers
(each run into a fresh output folder); rounds, so that the load of a shared
machine weighs on all three alike. It prints each round's rates, the medians,
the speed-up and the scaling efficiency. Both clusters are started and their
workers warmed (gazetteer and patterns loaded) once, before and apart from the
timed runs; a run is timed from the first task sent to the last summary
gathered, so it includes workers reading the files and writing Parquet.
"""
from __future__ import annotations

import argparse
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

from distributed import Client

from communique.batch.run import BatchOptions, dask_client, prepare, run_batch, warm_workers

ROOT = Path(__file__).resolve().parent.parent
PER_FOLDER = 1000
SAMPLE_FOLDERS = 2  # the sample extract_speed.py reads: 2,000 reports

# (state, adjective, capital, agency): real states and capitals; every person below is invented
STATES = [
    ("Kazakhstan", "Kazakh", "Astana", "Steppe Wire"), ("Uzbekistan", "Uzbek", "Tashkent", "Oasis News"),
    ("Kyrgyzstan", "Kyrgyz", "Bishkek", "Ala-Too Press"), ("Tajikistan", "Tajik", "Dushanbe", "Pamir Agency"),
    ("Armenia", "Armenian", "Yerevan", "Ararat Wire"), ("Azerbaijan", "Azerbaijani", "Baku", "Caspian Press"),
    ("Georgia", "Georgian", "Tbilisi", "Kartli News"), ("Belarus", "Belarusian", "Minsk", "Polesie Agency"),
    ("Mongolia", "Mongolian", "Ulaanbaatar", "Khangai Wire"), ("Turkey", "Turkish", "Ankara", "Anatolian Desk"),
    ("Russia", "Russian", "Moscow", "Volga Wire"), ("China", "Chinese", "Beijing", "Yangtze Press"),
]
GIVEN = ["Aidos", "Farrukh", "Nurlan", "Rustam", "Gevorg", "Elnur", "Levan", "Yuri", "Batbold", "Kemal", "Oleg",
         "Wei", "Daniyar", "Sardor", "Timur", "Arman", "Zaur", "Giorgi", "Pavel", "Ganbat", "Murat", "Igor", "Lin"]
FAMILY = ["Bekmuratov", "Tashkentov", "Temirbekov", "Odinaev", "Harutyunov", "Gasimov", "Abashidze", "Karpenko",
          "Ganzorig", "Yildirimer", "Sokolovsky", "Zhanghai", "Seitkaliev", "Rakhimov", "Nurmatov", "Avetisov",
          "Aliyarov", "Beridze", "Lukashov", "Dorjsuren", "Ozkaner", "Volkhov", "Meilin"]
ORGS = [("CIS", "Council of Foreign Ministers"), ("SCO", "Council of Foreign Ministers"),
        ("CSTO", "Council of Foreign Ministers"), ("OTS", "Council of Foreign Ministers")]
TOPICS = ["transport corridors", "water and energy", "border delimitation", "trade in agricultural goods",
          "regional security", "cooperation in education", "migration", "digital connectivity",
          "the fight against drug trafficking", "investment in industry", "cultural exchanges", "tourism"]
DOCUMENTS = ["a memorandum of understanding on {t}", "a joint statement on {t}", "a plan of consultations for 2025-2026",
             "an agreement on {t}", "a protocol on {t}"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]

TALKS = """{CITY}, {month} {day}, {year} ({agency}) - {adj} Foreign Minister {host} held talks with {gadj} Foreign \
Minister {guest} in {city} on {weekday}.
The ministers discussed {t1} and {t2}, and exchanged views on the situation in the region.
Following the talks, the sides signed {doc}.
{host_last} said that relations between {state} and {gstate} were developing in a spirit of good neighbourliness.
"""

SESSION = """{CITY}, {day} {month} {year} ({agency}) - A meeting of the {body} of the {org} was held in {city} \
{when}, chaired by {adj} Foreign Minister {host}.
The meeting was attended by the foreign ministers of the member states, including {gadj} Foreign Minister {guest}.
The ministers considered {t1} and {t2}. Following the meeting, the ministers adopted {doc}.
The next meeting of the {body} will be held in {gcity}.
"""

CALL = """{CITY}, {month} {day} ({agency}) - {adj} Foreign Minister {host} had a telephone conversation with \
{gadj} Foreign Minister {guest} on {weekday}, {month} {day}, {year}.
The ministers discussed {t1}, as well as preparations for the next round of consultations on {t2}.
"""

RECEPTION = """{CITY}, {month} {day}, {year} ({agency}) - {adj} Foreign Minister {host} received the Ambassador \
of {gstate} to {state} {guest} in {city} on {weekday}.
During the meeting, the sides discussed {t1} and the schedule of upcoming visits.
{host_last} noted the importance of {t2} for both countries.
"""

TEMPLATES = [TALKS, SESSION, CALL, RECEPTION]

# closing paragraphs of background, as agencies add them: three of them end each report
BACKGROUND = [
    "Diplomatic relations between {state} and {gstate} were established in the early 1990s, and the two countries "
    "have since signed more than forty intergovernmental documents.",
    "Trade turnover between the two countries grew by {pct} percent last year, according to the national statistics "
    "committee, with machinery, textiles and foodstuffs making up the bulk of it.",
    "Earlier this year, the heads of the two foreign ministries agreed to hold political consultations at the level "
    "of deputy ministers twice a year, alternately in each capital.",
    "The {org} brings together states of the region; its bodies meet regularly to coordinate positions on "
    "international and regional issues.",
    "Experts note that the {t1} agenda has gained weight in the region over the past decade, as new routes and "
    "financing instruments appear.",
    "An intergovernmental commission on economic cooperation is expected to meet in {gcity} in the autumn to review "
    "the implementation of earlier agreements.",
    "Both sides expressed interest in expanding direct flights and simplifying visa procedures for students and "
    "business travellers.",
]


def person(rng: random.Random) -> str:
    return f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"


def report(i: int) -> str:
    """The i-th report of the corpus: the same text for the same i on every run."""
    rng = random.Random(i)
    (state, adj, city, agency), (gstate, gadj, gcity, _) = rng.sample(STATES, 2)
    org, body = rng.choice(ORGS)
    t1, t2 = rng.sample(TOPICS, 2)
    host = person(rng)
    year, month, day = rng.randint(2016, 2025), rng.choice(MONTHS), rng.randint(1, 28)
    text = TEMPLATES[i % len(TEMPLATES)].format(
        CITY=city.upper(), city=city, gcity=gcity, state=state, gstate=gstate, adj=adj, gadj=gadj, agency=agency,
        host=host, host_last=host.split()[-1], guest=person(rng), org=org, body=body, t1=t1, t2=t2,
        doc=rng.choice(DOCUMENTS).format(t=rng.choice(TOPICS)), weekday=rng.choice(WEEKDAYS),
        when=rng.choice(["yesterday", "today", f"on {rng.choice(WEEKDAYS)}"]), year=year, month=month, day=day)
    closing = " ".join(rng.sample(BACKGROUND, 3)).format(state=state, gstate=gstate, gcity=gcity, org=org, t1=t1,
                                                         pct=rng.randint(3, 40))
    return text + closing + f" (Report {i}.)\n"


def write_corpus(root: Path, count: int) -> list[Path]:
    folders = []
    for start in range(0, count, PER_FOLDER):
        folder = root / f"part{start // PER_FOLDER:03}"
        folder.mkdir(parents=True, exist_ok=True)
        for i in range(start, min(start + PER_FOLDER, count)):
            (folder / f"report{i:06}.txt").write_text(report(i), encoding="utf-8")
        folders.append(folder)
    return folders


def extract_speed(folders: list[Path]) -> float:
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "extract_speed.py"), *map(str, folders),
                           "--runs", "1"], capture_output=True, text=True, check=True)
    return float(re.search(r"median: ([\d.]+) reports/s", done.stdout).group(1))


def batch_rate(client: Client, corpus: Path, out: Path, chunk_size: int) -> float:
    options = BatchOptions(out=out, chunk_size=chunk_size)
    chunks, _ = prepare([str(corpus)], options)
    summary = run_batch(client, chunks, options)
    if summary.failed_chunks or summary.errors:
        raise SystemExit(f"the batch lost work: {summary.failed_chunks or summary.first_errors}")
    return summary.rate


def started_cluster(stack: ExitStack, workers: int) -> Client:
    started = time.perf_counter()
    client = stack.enter_context(dask_client(workers))
    warm_workers(client)
    print(f"{workers} worker(s): started and warmed in {time.perf_counter() - started:.1f} s (not timed)")
    return client


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--chunk-size", type=int, default=500)
    parser.add_argument("--keep", type=Path, help="write the corpus and outputs here instead of a temporary folder")
    args = parser.parse_args()
    rates: dict[str, list[float]] = {"extract_speed": [], "1 worker": [], "2 workers": []}
    with tempfile.TemporaryDirectory(prefix="communique-batch-") as tmp, ExitStack() as stack:
        scratch = args.keep or Path(tmp)
        corpus = scratch / "corpus"
        sample = write_corpus(corpus, args.reports)[:SAMPLE_FOLDERS]
        print(f"corpus: {args.reports} invented reports in {corpus}; extract_speed.py reads the first "
              f"{min(args.reports, SAMPLE_FOLDERS * PER_FOLDER)}")
        clusters = {1: started_cluster(stack, 1), 2: started_cluster(stack, 2)}
        # rounds of all three, so that the load of a shared machine weighs on each alike
        for run in range(1, args.runs + 1):
            rates["extract_speed"].append(extract_speed(sample))
            for workers, client in clusters.items():
                out = scratch / f"out-{workers}-{run}"
                rates["1 worker" if workers == 1 else "2 workers"].append(
                    batch_rate(client, corpus, out, args.chunk_size))
            print(f"run {run}: " + ", ".join(f"{name} {values[-1]:.0f} reports/s" for name, values in rates.items()))
    single_core, one, two = (statistics.median(values) for values in rates.values())
    speedup = two / one
    print(f"medians of {args.runs} runs:")
    print(f"  extract_speed.py: {single_core:.0f} reports/s (one process pinned to one core)")
    print(f"  1 worker:  {one:.0f} reports/s, {one / single_core:.0%} of extract_speed.py's (target: within 20%)")
    print(f"  2 workers: {two:.0f} reports/s, {speedup:.2f}x one worker (target: at least 1.7x), "
          f"scaling efficiency {speedup / 2:.0%}")


if __name__ == "__main__":
    main()
