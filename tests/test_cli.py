"""The command line, driven as a user drives it: a subprocess, files, stdin, exit codes, stderr."""

from __future__ import annotations

import csv
import functools
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from lxml import etree

import gtbparse
from gtbparse.errors import line_and_column
from gtbparse.export.markdown import to_markdown, to_text
from gtbparse.schema import json_schema

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_109018197d74fce2.txt"


def run(*args: str | Path, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    result = subprocess.run(
        [sys.executable, "-m", "gtbparse.cli", *map(str, args)],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        timeout=120,
        check=False,
    )
    assert b"Traceback" not in result.stderr, result.stderr.decode()
    return result


def _stderr_lines(result: subprocess.CompletedProcess[bytes]) -> list[str]:
    return result.stderr.decode("utf-8").splitlines()


@functools.cache
def _seed_json() -> bytes:
    issue = gtbparse.parse_file(SEED)
    return (json.dumps(gtbparse.to_dict(issue), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


@pytest.fixture
def bad_files(tmp_path: Path) -> dict[str, Path]:
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Global Taiwan Brief\n\ncaf\xe9 society\n".encode("latin-1"))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    return {"latin1": latin1, "empty": empty, "missing": tmp_path / "missing.txt"}


# -- formats ----------------------------------------------------------------------------------------


def test_default_is_json_of_to_dict_and_byte_identical_across_runs() -> None:
    first = run(SEED)
    assert (first.returncode, first.stderr) == (0, b"")
    assert first.stdout == _seed_json()
    assert run("parse", SEED).stdout == first.stdout


def test_jsonl_is_one_valid_line_per_input() -> None:
    result = run(SEED, SEED, "--format", "jsonl")
    assert result.returncode == 0
    lines = result.stdout.decode("utf-8").splitlines()
    assert len(lines) == 2
    validator = jsonschema.Draft202012Validator(json_schema())
    for line in lines:
        validator.validate(json.loads(line))
    assert json.loads(lines[0]) == json.loads(_seed_json())


def test_json_with_several_inputs_is_one_array() -> None:
    result = run(SEED, SEED, "--format", "json")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert isinstance(data, list)
    assert data == [json.loads(_seed_json())] * 2


def test_tei_markdown_and_text(seed_issue: gtbparse.Issue) -> None:
    tei = run(SEED, "--format", "tei")
    assert tei.returncode == 0
    root = etree.fromstring(tei.stdout)
    assert root.tag == "{http://www.tei-c.org/ns/1.0}TEI"
    issue = gtbparse.parse_file(SEED)
    assert run(SEED, "--format", "markdown").stdout.decode("utf-8") == to_markdown(issue)
    assert run(SEED, "-f", "text").stdout.decode("utf-8") == to_text(issue)


def test_output_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    result = run(SEED, "-o", target)
    assert (result.returncode, result.stdout) == (0, b"")
    assert target.read_bytes() == _seed_json()


def test_output_directory_gets_one_file_per_input(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    result = run(SEED, SEED, "--format", "tei", "-o", out)
    assert result.returncode == 0
    written = sorted(path.name for path in out.iterdir())
    assert written == [f"{SEED.stem}-2.xml", f"{SEED.stem}.xml"]
    assert (out / f"{SEED.stem}.xml").read_bytes() == run(SEED, "--format", "tei").stdout


def test_stdin() -> None:
    result = run("-", stdin=SEED.read_bytes())
    assert result.returncode == 0
    expected = json.loads(_seed_json())
    expected["source_name"] = None
    assert json.loads(result.stdout) == expected
    text = run("-", "--format", "text", stdin=SEED.read_bytes())
    assert text.stdout.decode("utf-8").startswith("Global Taiwan Brief, Vol. 5, Issue 23")


# -- bad input --------------------------------------------------------------------------------------


def test_missing_file_is_one_line_naming_it(bad_files: dict[str, Path]) -> None:
    result = run(bad_files["missing"])
    assert (result.returncode, result.stdout) == (1, b"")
    assert _stderr_lines(result) == [f"gtbparse: {bad_files['missing']}: No such file or directory"]


def test_non_utf8_file_names_line_and_column(bad_files: dict[str, Path]) -> None:
    result = run(bad_files["latin1"])
    assert result.returncode == 1
    (line,) = _stderr_lines(result)
    assert line.startswith(f"gtbparse: {bad_files['latin1']}:3:4: not UTF-8 text")


def test_empty_file_is_a_parse_error_with_position(bad_files: dict[str, Path]) -> None:
    result = run(bad_files["empty"])
    assert result.returncode == 1
    (line,) = _stderr_lines(result)
    assert line.startswith(f"gtbparse: {bad_files['empty']}:1:1: ")


def test_a_bad_input_does_not_stop_the_run(bad_files: dict[str, Path]) -> None:
    result = run(SEED, bad_files["missing"], bad_files["latin1"], SEED, "--format", "jsonl")
    assert result.returncode == 1
    records = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert [record.get("schema", "error") for record in records] == ["gtbparse/1", "error", "error", "gtbparse/1"]
    assert records[1] == {"path": str(bad_files["missing"]), "error": "No such file or directory"}
    assert (records[2]["path"], records[2]["line"], records[2]["column"]) == (str(bad_files["latin1"]), 3, 4)
    assert len(_stderr_lines(result)) == 2


def test_directory_expands_to_its_txt_files_sorted(tmp_path: Path, bad_files: dict[str, Path]) -> None:
    shutil.copy(SEED, tmp_path / "b_seed.txt")
    (tmp_path / "notes.md").write_text("not an issue", encoding="utf-8")
    result = run(tmp_path)
    assert result.returncode == 1  # the empty and latin-1 files fail, the seed is still written
    records = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert [Path(record["path"]).name if "error" in record else record["source_name"] for record in records] == [
        "b_seed.txt",
        "empty.txt",
        "latin1.txt",
    ]
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    result = run(empty_dir)
    assert result.returncode == 1
    assert _stderr_lines(result) == [f"gtbparse: {empty_dir}: directory holds no *.txt files"]


def test_jobs_gives_the_same_stream_in_input_order(tmp_path: Path, bad_files: dict[str, Path]) -> None:
    shutil.copy(SEED, tmp_path / "a.txt")
    shutil.copy(SEED, tmp_path / "z.txt")
    one = run(tmp_path, "--jobs", "1")
    two = run(tmp_path, "--jobs", "2")
    assert one.returncode == two.returncode == 1
    assert two.stdout == one.stdout
    assert len(one.stdout.splitlines()) == 4


# -- usage ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        (),
        ("--bogus",),
        (str(SEED), "--format", "yaml"),
        (str(SEED), "--jobs", "0"),
        (str(SEED), str(SEED), "--format", "tei"),
        ("explain",),
    ],
    ids=["nothing", "unknown-option", "unknown-format", "zero-jobs", "tei-needs-directory", "explain-no-file"],
)
def test_usage_errors_exit_2(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert result.stdout == b""
    assert result.stderr


def test_version_and_help() -> None:
    version = run("--version")
    assert (version.returncode, version.stdout.decode().strip()) == (0, f"gtbparse {gtbparse.__version__}")
    help_text = run("--help")
    assert help_text.returncode == 0
    for expected in (b"examples:", b"exit status:", b"--jobs", b"explain", b"glossary", b"citations"):
        assert expected in help_text.stdout
    parse_help = run("parse", "--help").stdout
    assert b"--format" in parse_help
    assert b"markdown" in parse_help


# -- other commands ---------------------------------------------------------------------------------


def test_explain_lists_edits_with_positions(seed_text: str) -> None:
    explained = gtbparse.parse_and_explain(seed_text)
    result = run("explain", SEED)
    assert result.returncode == 0
    lines = result.stdout.decode("utf-8").splitlines()
    assert lines[0].startswith(f"{SEED}: {len(explained.edits)} edits, {len(explained.diagnostics)} diagnostics")
    edit_lines = [line for line in lines if line.startswith("  ") and not line.startswith("      ")]
    assert len(edit_lines) == len(explained.edits) + len(explained.diagnostics) + len(explained.unplaced)
    first = explained.edits[0]
    line, column = line_and_column(seed_text, first.span[0])
    assert edit_lines[0].startswith(f"  {line}:{column}  {first.rule}  ")
    assert " → " in edit_lines[0]
    assert f"      because {first.evidence}" in lines
    as_json = json.loads(run("explain", SEED, "--format", "json").stdout)
    assert len(as_json["edits"]) == len(explained.edits)
    assert as_json["edits"][0]["rule"] == first.rule


def test_explain_bad_file(bad_files: dict[str, Path]) -> None:
    result = run("explain", bad_files["empty"])
    assert (result.returncode, result.stdout) == (1, b"")
    assert _stderr_lines(result)[0].startswith(f"gtbparse: {bad_files['empty']}:1:1: ")


def test_glossary_csv_and_json(bad_files: dict[str, Path]) -> None:
    csv_result = run("glossary", SEED)
    assert csv_result.returncode == 0
    header, *table = csv.reader(io.StringIO(csv_result.stdout.decode("utf-8")))
    assert header[:2] == ["term", "hanzi"]
    rows = json.loads(run("glossary", SEED, "--format", "json").stdout)
    assert isinstance(rows, list)
    assert [line[0] for line in table] == [row["term"] for row in rows]
    with_failure = run("glossary", SEED, bad_files["missing"])
    assert with_failure.returncode == 1
    assert with_failure.stdout == csv_result.stdout


def test_citations_is_a_csl_json_array() -> None:
    result = run("citations", SEED)
    assert result.returncode == 0
    items = json.loads(result.stdout)
    assert isinstance(items, list)
    assert all(isinstance(item, dict) and "type" in item for item in items)
