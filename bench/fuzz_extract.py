"""Fuzzing extraction: random and mutated reports, each checked for an
exception, evidence outside the text or not equal to its slice, and time.

    python bench/fuzz_extract.py [--cases 100000] [--seed 1] [--workers 2] [--limit-s 1.0] [--out fuzz-found]

Case i is generated from (seed, i) alone, so any case can be made again
(`--only I`). Inputs are the corpus reports mutated (bytes of any script
inserted, spans deleted, duplicated, rotated), sentences assembled from the
words that drive extraction, and rare large ones (up to 100 KB) built to
provoke regular-expression backtracking: long runs of capitalised words,
titles, dates, commas, parentheses. A report of 100 KB or less taking over
--limit-s (the median of three timings: the machine is shared) is a failure.
Prints the cases run, the failures and the slowest report; on failure writes
each failing input, shrunk where it fails without timing, and the slowest
input to --out, and exits 1."""
from __future__ import annotations

import argparse
import random
import signal
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import communique

ROOT = Path(__file__).resolve().parents[1]
SEEDS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
WORDS = sorted({w for text in SEEDS for w in text.split()})
MAX_TIMED_BYTES = 100_000
# The words and shapes the stages key on: titles, states, organisations, triggers, dates, datelines.
PHRASES = [
    "Minister of Foreign Affairs of", "Foreign Minister", "President", "Prime Minister", "Secretary General",
    "Deputy", "the Republic of", "Tajikistan", "Russia", "Uzbekistan", "Kazakh", "CSTO", "SCO", "CIS", "ASEAN",
    "Council of Foreign Ministers", "held talks with", "met with", "received", "a telephone conversation",
    "a meeting of the", "chaired by", "attended by", "took part in", "signed", "adopted a statement on",
    "discussed", "yesterday", "on Tuesday", "on 12 March 2024", "12.03.2024", "March 12", "the 20th",
    "since December 2020", "the second half of 2021", "MOSCOW, June 3. /TASS/.", "DUSHANBE, 20.06.2024 (NIAT Khovar) –",
    "Sergei Lavrov", "Sirojiddin Muhriddin", "Mr.", "H.E.", "bin", "al-", "Sheikh", "and", "the", "of", ",", ".",
    ";", ":", "(", ")", "\"", "'", "–", "-", "\n", "\n\n", "• ", "1.", "Сергей Лавров", "王毅", "محمد",
]
ODD = ["\u200b", "\u00a0", "\ufeff", "\u202e", "\t", "\r", "\r\n", "\x0c", "́", "ﬁ", "İ", "ß", "ǅ", "\U0001f600",
       "\ud7ff", "<script>", "&amp;", "%", "_", "\\", "'; --"]


def mutated(rnd: random.Random) -> str:
    text = rnd.choice(SEEDS)
    for _ in range(rnd.randint(1, 16)):
        at = rnd.randint(0, len(text))
        action = rnd.random()
        if action < 0.35:
            text = text[:at] + rnd.choice([*ODD, *PHRASES, random_chars(rnd, rnd.randint(1, 12))]) + text[at:]
        elif action < 0.6:
            text = text[:at] + text[at + rnd.randint(1, 60):]
        elif action < 0.75:
            end = min(len(text), at + rnd.randint(1, 400))
            text = text[:end] + text[at:end] * rnd.randint(1, 4) + text[end:]
        elif action < 0.85:
            text = text[at:] + text[:at]
        else:
            text = text[:at] + text[at:at + 200].swapcase() + text[at + 200:]
    return text


def random_chars(rnd: random.Random, n: int) -> str:
    """Characters of any plane, surrogates left out (they cannot be UTF-8 text)."""
    out = []
    while len(out) < n:
        c = rnd.choice([rnd.randint(32, 126), rnd.randint(0, 0x2FF), rnd.randint(0, 0x10FFFF)])
        if not 0xD800 <= c <= 0xDFFF:
            out.append(chr(c))
    return "".join(out)


def assembled(rnd: random.Random) -> str:
    """Words of reports and phrases of the stages, in random order."""
    pool = PHRASES if rnd.random() < 0.5 else WORDS
    return " ".join(rnd.choice(pool) for _ in range(rnd.randint(1, 300)))


def arbitrary(rnd: random.Random) -> str:
    return random_chars(rnd, rnd.randint(0, 500))


def repetitive(rnd: random.Random) -> str:
    """A long run of one shape, the input that makes a backtracking pattern explode."""
    unit = rnd.choice(["Ab ", "Abc Def ", "Minister ", "of ", "Foreign ", "A. ", "AB ", "Al-", "bin ", "the ",
                       "12 ", "12.", "March ", "(", ")", ", ", "and ", "-", "'", " ", "\n", "Council of ",
                       "Ministers, ", "President X, ", "1.", "•", "ab", "A"])
    size = rnd.choice([1_000, 10_000, MAX_TIMED_BYTES]) if rnd.random() < 0.1 else rnd.randint(10, 3_000)
    text = unit * max(1, size // len(unit.encode("utf-8")))
    return (rnd.choice(["", rnd.choice(SEEDS)[:300]]) + text + rnd.choice(["", ".", " held talks.", ":"]))[:size]


def large(rnd: random.Random) -> str:
    """Reports run together up to 100 KB."""
    size = rnd.randint(10_000, MAX_TIMED_BYTES)
    parts: list[str] = []
    while sum(len(p) for p in parts) < size:
        parts.append(mutated(rnd) if rnd.random() < 0.5 else rnd.choice(SEEDS))
    return "\n".join(parts).encode("utf-8")[:size].decode("utf-8", "ignore")


# Weights keep the mean case to a few milliseconds: large ones are rare.
GENERATORS: list[tuple[Callable[[random.Random], str], float]] = [
    (mutated, 0.45), (assembled, 0.25), (arbitrary, 0.15), (repetitive, 0.147), (large, 0.003)]


def generate(seed: int, index: int) -> str:
    rnd = random.Random(f"{seed}:{index}")
    makers, weights = zip(*GENERATORS)
    return rnd.choices(makers, weights)[0](rnd)


def evidence_problem(value: object, text: str) -> str | None:
    """The first evidence object outside `text` or not equal to its slice."""
    if isinstance(value, dict):
        if {"start", "end", "text"} <= set(value) and isinstance(value["start"], int):
            start, end = value["start"], value["end"]
            if not 0 <= start <= end <= len(text):
                return f"evidence {start}..{end} outside a text of {len(text)} characters"
            if text[start:end] != value["text"]:
                return f"evidence {start}..{end} says {value['text']!r}, the text there is {text[start:end]!r}"
        values = value.values()
    elif isinstance(value, list):
        values = value
    else:
        return None
    for v in values:
        if problem := evidence_problem(v, text):
            return problem
    return None


def problem_of(text: str) -> str | None:
    """Why extracting `text` fails (an exception or bad evidence), or None."""
    try:
        record = communique.extract(text)
    except Exception as exc:  # any exception at all is the finding
        return f"{type(exc).__name__}: {exc}"
    return evidence_problem(record.model_dump(), text)


class Stopped(BaseException):  # not an Exception: problem_of must not catch it
    """A case stopped at the alarm: over ten times the limit, no need to wait it out."""


def _stop(_signum, _frame) -> None:
    raise Stopped


def timed_problem(text: str, limit_s: float | None) -> tuple[str | None, float]:
    """problem_of(text) and the seconds it took, stopped at ten times `limit_s`."""
    if limit_s is not None:
        signal.signal(signal.SIGALRM, _stop)
        signal.setitimer(signal.ITIMER_REAL, 10 * limit_s)
    began = time.perf_counter()
    try:
        return problem_of(text), time.perf_counter() - began
    except Stopped:
        return f"stopped after {10 * limit_s:.0f} s", time.perf_counter() - began
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def seconds_to_extract(text: str) -> float:
    start = time.perf_counter()
    try:
        communique.extract(text)
    except Exception:
        pass  # reported by problem_of; here only the time counts
    return time.perf_counter() - start


@dataclass
class Failure:
    index: int
    size: int
    reason: str


@dataclass
class Outcome:
    cases: int = 0
    failures: list[Failure] = field(default_factory=list)
    slowest_s: float = 0.0
    slowest_size: int = 0
    slowest_index: int = -1

    def add(self, other: "Outcome") -> None:
        self.cases += other.cases
        self.failures += other.failures
        if other.slowest_s > self.slowest_s:
            self.slowest_s, self.slowest_size, self.slowest_index = other.slowest_s, other.slowest_size, other.slowest_index


def run_cases(seed: int, start: int, count: int, limit_s: float | None = None,
              max_bytes: int | None = None) -> Outcome:
    """Cases start..start+count: each checked, and timed when `limit_s` is given;
    cases over `max_bytes` left out (a quick run's choice)."""
    outcome = Outcome()
    for index in range(start, start + count):
        text = generate(seed, index)
        size = len(text.encode("utf-8", "surrogatepass"))
        if max_bytes is not None and size > max_bytes:
            continue
        problem, took = timed_problem(text, limit_s)
        if limit_s is not None and took > limit_s and size <= MAX_TIMED_BYTES and not problem:
            took = statistics.median([took, seconds_to_extract(text), seconds_to_extract(text)])
            if took > limit_s:
                problem = f"took {took:.2f} s (limit {limit_s} s)"
        if problem:
            outcome.failures.append(Failure(index, size, problem))
        if took > outcome.slowest_s:
            outcome.slowest_s, outcome.slowest_size, outcome.slowest_index = took, size, index
        outcome.cases += 1
    return outcome


def shrink(text: str, fails: Callable[[str], bool]) -> str:
    """A smaller text that still fails: chunks removed while it keeps failing, halving their size."""
    chunk = max(1, len(text) // 2)
    while chunk >= 1:
        at = 0
        while at < len(text):
            smaller = text[:at] + text[at + chunk:]
            if smaller and fails(smaller):
                text = smaller
            else:
                at += chunk
        chunk //= 2
    return text


def save_findings(outcome: Outcome, seed: int, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for f in outcome.failures:
        text = generate(seed, f.index)
        if not f.reason.startswith(("took", "stopped")):
            text = shrink(text, lambda t: problem_of(t) is not None)
        (out / f"case-{seed}-{f.index}.txt").write_text(text, encoding="utf-8", errors="surrogatepass")
    slowest = generate(seed, outcome.slowest_index)
    (out / f"slowest-{seed}-{outcome.slowest_index}.txt").write_text(slowest, encoding="utf-8", errors="surrogatepass")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--limit-s", type=float, default=1.0)
    parser.add_argument("--out", type=Path, default=Path("fuzz-found"))
    parser.add_argument("--only", type=int, help="run case ONLY alone and print it")
    args = parser.parse_args()
    if args.only is not None:
        text = generate(args.seed, args.only)
        print(repr(text[:2000]))
        print(problem_of(text) or "no problem", f"{seconds_to_extract(text):.3f} s")
        return 0
    started = time.perf_counter()
    chunk = 500  # small chunks keep both workers busy to the end
    outcome = Outcome()
    with ProcessPoolExecutor(args.workers) as pool:
        jobs = [pool.submit(run_cases, args.seed, s, min(chunk, args.cases - s), args.limit_s)
                for s in range(0, args.cases, chunk)]
        for job in jobs:
            outcome.add(job.result())
    elapsed = time.perf_counter() - started
    print(f"cases run: {outcome.cases:,} (seed {args.seed}, {elapsed:.0f} s, {args.workers} workers)")
    print(f"failures: {len(outcome.failures)}")
    for f in outcome.failures[:20]:
        print(f"  case {f.index} ({f.size:,} bytes): {f.reason}")
    print(f"slowest: case {outcome.slowest_index}, {outcome.slowest_size:,} bytes, {outcome.slowest_s:.3f} s")
    if outcome.failures:
        save_findings(outcome, args.seed, args.out)
        print(f"failing inputs and the slowest one written to {args.out}/")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
