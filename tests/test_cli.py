"""The `communique` command, run for real in a subprocess."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from communique.inputs import MAX_REPORT_BYTES

GOOD = """\
Kyrgyz and Kazakh foreign ministers hold talks
BISHKEK, 12.03.2019 (Kabar) - Yesterday, Kyrgyz Foreign Minister Chingiz Aidarbekov held talks with Kazakh Foreign Minister Beibut Atamkulov in Bishkek.
The ministers exchanged views on border crossings.
"""

OTHER = """\
MINSK, 20.05.2021 (BelTA) - Belarusian Foreign Minister Vladimir Makei received the Ambassador of Serbia Nikola Selakovic in Minsk on Wednesday.
"""


@pytest.fixture
def run(communique_cmd, tmp_path):
    """Run the command in tmp_path with a plain environment (no terminal width forced)."""
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "FORCE_COLOR", "TERM")}

    def _run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
        return subprocess.run([*communique_cmd, *args], input=stdin, capture_output=True, cwd=tmp_path, env=env,
                              timeout=120)
    return _run


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def stderr_lines(proc) -> list[str]:
    return [line for line in proc.stderr.decode("utf-8", "replace").splitlines() if line.strip()]


def test_extract_file_to_out_dir(run, tmp_path):
    write(tmp_path / "bishkek.txt", GOOD)
    proc = run("extract", "bishkek.txt", "--out", "records")
    assert proc.returncode == 0, proc.stderr
    out = tmp_path / "records" / "bishkek.json"
    assert out.is_file()
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["doc_id"] == "bishkek"
    assert data["published"] == "2019-03-12"
    assert len(data["meetings"]) >= 1
    talks = [m for m in data["meetings"] if m["kind"] == "talks"]
    assert talks
    assert {p["name"] for p in talks[0]["participants"]} == {"Chingiz Aidarbekov", "Beibut Atamkulov"}
    assert proc.stdout == b""


def test_extract_file_to_stdout(run, tmp_path):
    write(tmp_path / "bishkek.txt", GOOD)
    proc = run("extract", "bishkek.txt")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["doc_id"] == "bishkek"
    assert data["meetings"]


def test_extract_folder(run, tmp_path):
    write(tmp_path / "in" / "bishkek.txt", GOOD)
    write(tmp_path / "in" / "minsk.txt", OTHER)
    write(tmp_path / "in" / "notes.md", "not a report")
    proc = run("extract", "in", "--out", "out")
    assert proc.returncode == 0, proc.stderr
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == ["bishkek.json", "minsk.json"]
    minsk = json.loads((tmp_path / "out" / "minsk.json").read_text(encoding="utf-8"))
    assert minsk["dateline"]["place"] == "Minsk"
    assert minsk["meetings"]


def test_stdin(run):
    proc = run("extract", "-", stdin=GOOD.encode("utf-8"))
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["doc_id"] == "stdin"
    assert data["source"] == "Kabar"
    assert data["meetings"]


def test_jsonl_to_stdout_is_one_line_per_report(run, tmp_path):
    write(tmp_path / "in" / "bishkek.txt", GOOD)
    write(tmp_path / "in" / "minsk.txt", OTHER)
    proc = run("extract", "in", "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.decode("utf-8").splitlines()
    assert len(lines) == 2
    records = [json.loads(line) for line in lines]
    assert [r["doc_id"] for r in records] == ["bishkek", "minsk"]


def test_jsonl_to_out_dir(run, tmp_path):
    write(tmp_path / "in" / "bishkek.txt", GOOD)
    write(tmp_path / "in" / "minsk.txt", OTHER)
    proc = run("extract", "in", "--format", "jsonl", "--out", "out")
    assert proc.returncode == 0, proc.stderr
    lines = (tmp_path / "out" / "records.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["doc_id"] for line in lines] == ["bishkek", "minsk"]


def test_published_and_source_options(run, tmp_path):
    write(tmp_path / "plain.txt", "Yesterday, Kyrgyz Foreign Minister Chingiz Aidarbekov held talks with Kazakh "
                                  "Foreign Minister Beibut Atamkulov in Bishkek.\n")
    proc = run("extract", "plain.txt", "--published", "2019-03-12", "--source", "Feed")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["published"] == "2019-03-12"
    assert data["source"] == "Feed"
    assert data["meetings"][0]["date"] == "2019-03-11"


def test_schema(run):
    proc = run("schema")
    assert proc.returncode == 0, proc.stderr
    schema = json.loads(proc.stdout)
    assert schema["type"] == "object"
    assert "meetings" in schema["properties"]
    assert "Meeting" in schema["$defs"]
    assert "participants" in schema["$defs"]["Meeting"]["properties"]


def test_no_input_is_an_error(run):
    proc = run("extract")
    assert proc.returncode != 0
    lines = stderr_lines(proc)
    assert len(lines) == 1 and lines[0].startswith("error:")


BAD_INPUTS = [
    pytest.param("empty.txt", b"", id="empty"),
    pytest.param("blank.txt", b"  \n\n \t\n", id="blank"),
    pytest.param("binary.txt", b"MINSK\x00\x01\x02\x00 report\x00", id="binary"),
    pytest.param("latin.txt", "MINSK, 20.05.2021 (BelTA) - Caf\u00e9 talks in Minsk.\n".encode("latin-1"),
                 id="latin-1"),
    pytest.param("big.txt", None, id="over-size-limit"),
]


@pytest.mark.parametrize("name, content", BAD_INPUTS)
def test_bad_input_is_one_error_line_and_good_files_still_written(run, tmp_path, name, content):
    if content is None:
        content = b"MINSK, 20.05.2021 (BelTA) - " + b"a" * MAX_REPORT_BYTES + b"\n"
    write(tmp_path / "in" / name, content)
    write(tmp_path / "in" / "good.txt", GOOD)
    write(tmp_path / "in" / "zzz.txt", OTHER)
    proc = run("extract", "in", "--out", "out")
    assert proc.returncode != 0
    stderr = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr
    lines = stderr_lines(proc)
    assert len(lines) == 1, lines
    assert lines[0].startswith("error:")
    assert name in lines[0]
    # the good files of the same call, before and after the bad one, are still written
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["good.json", "zzz.json"]
    data = json.loads((tmp_path / "out" / "good.json").read_text(encoding="utf-8"))
    assert data["meetings"]


def test_several_bad_inputs_give_one_line_each(run, tmp_path):
    write(tmp_path / "in" / "empty.txt", b"")
    write(tmp_path / "in" / "binary.txt", b"\x00\x01\x02")
    write(tmp_path / "in" / "good.txt", GOOD)
    proc = run("extract", "in", "--out", "out")
    assert proc.returncode != 0
    lines = stderr_lines(proc)
    assert len(lines) == 2
    assert all(line.startswith("error:") for line in lines)
    assert (tmp_path / "out" / "good.json").is_file()


def test_bad_stdin(run):
    proc = run("extract", "-", stdin=b"")
    assert proc.returncode != 0
    lines = stderr_lines(proc)
    assert len(lines) == 1 and lines[0].startswith("error:")
    assert "Traceback" not in proc.stderr.decode("utf-8", "replace")


def test_missing_file(run, tmp_path):
    write(tmp_path / "good.txt", GOOD)
    proc = run("extract", "nowhere.txt", "good.txt", "--out", "out")
    assert proc.returncode != 0
    lines = stderr_lines(proc)
    assert len(lines) == 1 and lines[0].startswith("error:") and "nowhere.txt" in lines[0]
    assert (tmp_path / "out" / "good.json").is_file()


def test_error_names_the_file_as_given(run, tmp_path):
    write(tmp_path / "notes[draft].txt", b"")
    proc = run("extract", "notes[draft].txt")
    lines = stderr_lines(proc)
    assert len(lines) == 1
    assert "notes[draft].txt" in lines[0]


def test_error_for_a_long_path_is_one_line(run, tmp_path):
    deep = tmp_path / "reports" / "central-asia" / "kyrgyzstan" / "ministry-of-foreign-affairs" / "2019"
    write(deep / "empty-release.txt", b"")
    proc = run("extract", str(deep / "empty-release.txt"))
    lines = stderr_lines(proc)
    assert len(lines) == 1, lines
    assert lines[0].startswith("error:")


def test_utf8_bom_is_read_and_offsets_are_into_the_text(run, tmp_path):
    write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + GOOD.encode("utf-8"))
    proc = run("extract", "bom.txt")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["dateline"]["place"] == "Bishkek"
    for e in data["dateline"]["evidence"]:
        assert GOOD[e["start"]:e["end"]] == e["text"]
