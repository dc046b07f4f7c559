"""The `communique` command."""
from __future__ import annotations

import json
import re
import sys
from enum import Enum
from importlib import resources
from pathlib import Path
from typing import Annotated, Optional

import typer

from .reader import DEFAULT_TIMEOUT, Failure, extract_report, read_inputs
from .record import Record

EXAMPLES = Path(str(resources.files("communique") / "examples"))

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Turn diplomatic news reports into structured, sourced meeting records.")


class OutputFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"


_UNSAFE_IN_NAME = re.compile(r'[\x00-\x1f/\\:*?"<>|]+')
InputsArgument = Annotated[Optional[list[str]], typer.Argument(
    help="Reports: .txt or .html files, folders of them, .jsonl or .warc files, http(s) URLs, or - for standard input.")]
TimeoutOption = Annotated[float, typer.Option("--timeout", min=0.1, help="Seconds to wait for a URL's whole page.")]


@app.command("extract")
def extract_command(
    paths: InputsArgument = None,
    example: Annotated[bool, typer.Option("--example", help="Extract the example report that ships with communique.")] = False,
    out: Annotated[Optional[Path], typer.Option("--out", help="Write DIR/NAME.json for each report NAME.")] = None,
    output_format: Annotated[OutputFormat, typer.Option("--format", help="json: one indented object per report; jsonl: one line each.")] = OutputFormat.json,
    published: Annotated[Optional[str], typer.Option(help="The reports' date (ISO), when the text does not state it.")] = None,
    source: Annotated[Optional[str], typer.Option(help="The reports' publisher, when the text does not name it.")] = None,
    with_text: Annotated[bool, typer.Option("--with-text", help="Put in each record the text its evidence offsets index (a page's text, not its markup).")] = False,
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
) -> None:
    """Extract every meeting of each report as a JSON record."""
    paths = list(paths or [])
    if example:
        paths.append(str(EXAMPLES))
    if not paths:
        _error("give report files, folders, URLs, - for standard input, or --example")
        raise typer.Exit(2)
    if out is not None:
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            _error(f"cannot write to {out}: {exc.strerror}")
            raise typer.Exit(2) from None
    if out is not None and output_format is OutputFormat.jsonl:
        (out / "records.jsonl").write_text("", encoding="utf-8")  # each run writes the file anew
    failures = 0
    for report in read_inputs(paths, timeout=timeout):
        if isinstance(report, Failure):
            _error(report.reason)
            failures += 1
            continue
        record = extract_report(report, published=published, source=source)
        if with_text and record.text is not None:
            record.text.content = report.text
        _write(record, report.id, out, output_format)
    if failures:
        raise typer.Exit(1) from None


def _error(message: str) -> None:
    """One plain line on standard error: no wrapping, no markup, whatever the terminal."""
    sys.stderr.write("error: " + " ".join(message.split()) + "\n")


def _write(record: Record, name: str, out: Path | None, fmt: OutputFormat) -> None:
    indent = None if fmt is OutputFormat.jsonl else 2
    body = record.model_dump_json(indent=indent)
    if out is None:
        sys.stdout.write(body + "\n")
    elif fmt is OutputFormat.jsonl:
        with (out / "records.jsonl").open("a", encoding="utf-8") as fh:
            fh.write(body + "\n")
    else:
        # a URL or a JSONL line's id names a file too: what a file name cannot hold becomes "_"
        (out / f"{_UNSAFE_IN_NAME.sub('_', name).strip('._ ') or 'report'}.json").write_text(body + "\n", encoding="utf-8")


@app.command()
def evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="A folder of NAME.txt reports with NAME.gold.json records.")],
    verbose: Annotated[bool, typer.Option("--verbose", help="Each report's F1 and every wrong or missing value.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="The figures as JSON.")] = False,
) -> None:
    """Extract every report of GOLD_DIR and score it against its gold record."""
    from .evaluate import GoldError, evaluate_dir

    if not gold_dir.is_dir():
        _error(f"{gold_dir}: not a folder")
        raise typer.Exit(2)
    try:
        report = evaluate_dir(gold_dir)
    except GoldError as exc:
        _error(str(exc))
        raise typer.Exit(1) from None
    sys.stdout.write((json.dumps(report.as_json(), indent=1) if as_json else report.table(verbose)) + "\n")


@app.command()
def schema() -> None:
    """Print the JSON Schema of the record."""
    sys.stdout.write(json.dumps(Record.model_json_schema(), indent=2) + "\n")


def _register_knowledge_base() -> None:
    from .kb.cli import register

    register(app)


_register_knowledge_base()
from .web.cli import register as _register_web  # noqa: E402  (serve, demo)

_register_web(app)
from .batch.cli import register as _register_batch  # noqa: E402  (batch)

_register_batch(app)

if __name__ == "__main__":
    app()
