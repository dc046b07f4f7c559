"""Does a report read from a page give the record its plain text gives?

    python bench/pages_roundtrip.py [DIR] [--show N]

Lays each report of DIR (default ../shared/eval/dev, NAME.txt with
NAME.gold.json) out as a news page of its own: its first line as the <h1>
headline when it reads as one, the short lines with figures under it as the
date line in a <time>, the rest as paragraphs, inside a page with a menu,
related links, comments and a footer. It reads each page back through the
reader (webpage.py) and prints the scorer's overall figures for the plain
texts and for the pages, how many pages gave back the report's own lines,
and with --show the first N pages whose text differs. Nothing is written:
the pages are made in memory from the reports, which are not ours to copy.
"""
from __future__ import annotations

import argparse
import html
import re
import time
from pathlib import Path

from communique.evaluate import read_gold, score_records
from communique.inputs import BadInput, read_text_file
from communique.pipeline import extract
from communique.reader import Report, extract_report
from communique.webpage import read_page

ROOT = Path(__file__).resolve().parent.parent
DATE_LINE = re.compile(r"\d")


def page_of(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    head: list[str] = []
    title = ""
    if lines and len(lines[0]) < 200 and not lines[0].endswith("."):
        title = f"<title>{html.escape(lines[0])} | The Daily Page</title>"
        head.append(f"<h1>{html.escape(lines.pop(0))}</h1>")
        while lines and len(lines[0]) < 80 and DATE_LINE.search(lines[0]):
            head.append(f'<p class="meta"><time>{html.escape(lines.pop(0))}</time></p>')
    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'>{title}</head><body>"
            "<nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World news today</a></li></ul></nav>"
            f"<main><article><header>{''.join(head)}</header>{body}</article>"
            "<aside class='related'><h2>Related</h2><ul><li><a href='/x'>Presidents hold talks in the capital "
            "on trade</a></li></ul></aside>"
            "<section class='comments'><p>A reader wrote that the ministers met again on Tuesday in another "
            "city.</p></section></main><footer><p>All rights reserved.</p></footer></body></html>")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", nargs="?", default=str(ROOT.parent / "shared" / "eval" / "dev"))
    parser.add_argument("--show", type=int, default=0)
    args = parser.parse_args()
    folder = Path(args.folder)
    plain, paged, same, shown, seconds = [], [], 0, 0, 0.0
    for gold_path in sorted(folder.glob("*.gold.json")):
        name = gold_path.name[: -len(".gold.json")]
        gold = read_gold(gold_path)
        text = read_text_file(folder / f"{name}.txt")
        plain.append((name, gold, extract(text, doc_id=name).model_dump(mode="json")))
        started = time.perf_counter()
        try:
            page = read_page(page_of(text), name)
        except BadInput as exc:
            print(f"{name}: {exc}")
            paged.append((name, gold, None))
            continue
        seconds += time.perf_counter() - started
        wanted = [line.strip() for line in text.splitlines() if line.strip()]
        got = [line for line in page.text.splitlines() if line.strip()]
        same += wanted == got
        if wanted != got and shown < args.show:
            shown += 1
            print(f"--- {name}\n" + "\n".join(f"  {line[:100]}" for line in got[:6]))
        record = extract_report(Report(name, name, page.text, published=page.published, source=page.source))
        paged.append((name, gold, record.model_dump(mode="json")))
    for label, triples in (("plain text", plain), ("pages", paged)):
        overall = score_records(triples).as_json()["overall"]
        print(f"{label:11} P {overall['p']:.3f}  R {overall['r']:.3f}  F1 {overall['f1']:.3f}")
    print(f"{same} of {len(paged)} pages read back as the report's own lines; "
          f"{1000 * seconds / max(1, len(paged)):.1f} ms a page to read")


if __name__ == "__main__":
    main()
