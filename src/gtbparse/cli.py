"""The ``gtbparse`` command line.

``gtbparse [parse] FILE...`` parses issues to JSON, JSON Lines, TEI, Markdown or plain text;
``gtbparse explain FILE`` lists the repairs and diagnostics; ``gtbparse glossary`` and
``gtbparse citations`` export the glossed names and the cited sources. Exit status: 0 when every
input was parsed, 1 when some input failed (each failure is one line on stderr naming the file,
and the line and column where known), 2 for a usage error. Bad input never causes a traceback.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import io
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, TypeVar

import attrs

from . import ParseError, __version__, parse, parse_and_explain, to_dict
from .errors import InternalError
from .model import Explained, Issue

__all__ = ["main"]

COMMANDS = ("parse", "explain", "glossary", "citations")
FORMATS = ("json", "jsonl", "tei", "markdown", "text")
_EXTENSIONS = {"json": ".json", "jsonl": ".json", "tei": ".xml", "markdown": ".md", "text": ".txt"}
_STDIN = "-"
_STDIN_NAME = "<stdin>"
_GLOSSARY_COLUMNS = ("term", "hanzi", "script", "abbreviation", "aliases", "occurrences")

EXAMPLES = """\
examples:
  gtbparse issue.txt                          one issue as JSON on stdout
  gtbparse issue.txt --format tei -o issue.xml
  gtbparse issue.txt --format markdown        a reading copy
  gtbparse archive/ --jobs 2 > issues.jsonl   every *.txt in a folder, two processes, JSON Lines
  cat issue.txt | gtbparse - --format text    read standard input
  gtbparse explain issue.txt                  every repair made, with its evidence
  gtbparse glossary archive/ --format csv     glossed names across issues
  gtbparse citations issue.txt > refs.json    cited sources as CSL-JSON

exit status:
  0  every input parsed
  1  some input failed (each named on stderr with line and column); the others were still written
  2  usage error
"""


class UsageError(Exception):
    """A command line that cannot be carried out as given (exit status 2)."""


@attrs.frozen
class Failure:
    """Why one input could not be parsed."""

    path: str
    message: str
    line: int | None = None
    column: int | None = None

    def describe(self) -> str:
        """``path:line:column: message`` (position left out when unknown)."""
        where = self.path if self.line is None else f"{self.path}:{self.line}:{self.column}"
        return f"{where}: {self.message}"

    def record(self) -> dict[str, Any]:
        """The failure as a JSON Lines error record."""
        record: dict[str, Any] = {"path": self.path, "error": self.message}
        if self.line is not None:
            record["line"] = self.line
            record["column"] = self.column
        return record


@attrs.frozen
class Source:
    """One input: a file path, or standard input when ``path`` is ``None``."""

    path: str | None

    @property
    def name(self) -> str:
        """How the input is named in messages."""
        return _STDIN_NAME if self.path is None else self.path

    @property
    def stem(self) -> str:
        """A base name for an output file written for this input."""
        return "stdin" if self.path is None else Path(self.path).stem


Outcome = tuple[Source, Issue | Failure]
T = TypeVar("T")


# -- reading ---------------------------------------------------------------------------------------


def _read_text(source: Source) -> str:
    """The input's text; raises ``OSError`` or ``UnicodeDecodeError``."""
    data = sys.stdin.buffer.read() if source.path is None else Path(source.path).read_bytes()
    return data.decode("utf-8")


def _decode_failure(name: str, error: UnicodeDecodeError) -> Failure:
    data = error.object if isinstance(error.object, bytes) else bytes(error.object)
    line = data.count(b"\n", 0, error.start) + 1
    line_start = data.rfind(b"\n", 0, error.start) + 1
    column = len(data[line_start : error.start].decode("utf-8", errors="replace")) + 1
    byte = data[error.start : error.start + 1].hex()
    return Failure(name, f"not UTF-8 text (byte 0x{byte}: {error.reason})", line, column)


def _attempt(source: Source, action: Callable[[str, str | None], T]) -> T | Failure:
    """Read ``source`` and run ``action(text, file_name)``; every expected problem becomes a :class:`Failure`."""
    try:
        text = _read_text(source)
        return action(text, None if source.path is None else os.path.basename(source.path))
    except InternalError as error:
        return _internal_failure(source, error)
    except ParseError as error:
        return Failure(source.name, error.problem, error.line, error.column)
    except UnicodeDecodeError as error:
        return _decode_failure(source.name, error)
    except OSError as error:
        return Failure(source.name, error.strerror or str(error))
    except Exception as error:  # a parser bug must still not end the run with a traceback
        return _internal_failure(source, error)


def _internal_failure(source: Source, error: Exception) -> Failure:
    return Failure(source.name, f"internal error, please report it: {type(error).__name__}: {error}")


def _load(source: Source) -> Issue | Failure:
    """Read and parse one input."""
    return _attempt(source, lambda text, name: parse(text, source_name=name))


def _expand(arguments: Sequence[str]) -> tuple[list[Source], list[Failure]]:
    """Inputs from the command line: ``-`` is stdin, a directory stands for its ``*.txt`` files (sorted)."""
    sources: list[Source] = []
    failures: list[Failure] = []
    for argument in arguments:
        if argument == _STDIN:
            sources.append(Source(None))
        elif os.path.isdir(argument):
            found = sorted(str(path) for path in Path(argument).glob("*.txt") if path.is_file())
            if not found:
                failures.append(Failure(argument, "directory holds no *.txt files"))
            sources.extend(Source(path) for path in found)
        else:
            sources.append(Source(argument))
    return sources, failures


def _outcomes(sources: Sequence[Source], jobs: int) -> Iterator[Outcome]:
    """Parse every source, in input order; with ``jobs > 1`` the files are parsed in worker processes."""
    if jobs > 1 and all(source.path is not None for source in sources):
        from .batch import parse_many

        paths = [source.path for source in sources if source.path is not None]
        for source, result in zip(sources, parse_many(paths, jobs=jobs), strict=True):
            # A failure is read again here so its message (and line and column) match a run without --jobs.
            yield source, result.issue if result.issue is not None else _load(source)
        return
    for source in sources:
        yield source, _load(source)


class _Progress:
    """``[3/10] name`` on stderr, redrawn in place; only when stderr is a terminal."""

    def __init__(self, total: int) -> None:
        self.enabled = total > 1 and sys.stderr.isatty()
        self.total = total
        self.done = 0

    def step(self, name: str) -> None:
        self.done += 1
        if self.enabled:
            sys.stderr.write(f"\r\033[K[{self.done}/{self.total}] {name}")
            sys.stderr.flush()

    def clear(self) -> None:
        if self.enabled:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


def _report(failure: Failure, progress: _Progress | None = None) -> None:
    if progress is not None:
        progress.clear()
    print(f"gtbparse: {failure.describe()}", file=sys.stderr)


# -- writing ---------------------------------------------------------------------------------------


def _dump_json(value: Any, *, lines: bool = False) -> str:
    if lines:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return json.dumps(value, ensure_ascii=False, indent=2)


def _render(issue: Issue, output_format: str) -> bytes:
    if output_format == "tei":
        from .export.tei import to_tei

        return to_tei(issue)
    if output_format == "markdown":
        from .export.markdown import to_markdown

        return to_markdown(issue).encode("utf-8")
    if output_format == "text":
        from .export.markdown import to_text

        return to_text(issue).encode("utf-8")
    return (_dump_json(to_dict(issue), lines=output_format == "jsonl") + "\n").encode("utf-8")


class _Output:
    """Where results go: stdout, a file, or (when ``target`` is a directory) one file per input."""

    def __init__(self, target: str | None) -> None:
        self.directory = Path(target) if target is not None and os.path.isdir(target) else None
        self.stream: IO[bytes] | None = None
        self.used_names: set[str] = set()
        if self.directory is None:
            self.stream = sys.stdout.buffer if target in (None, "-") else open(target, "wb")  # noqa: SIM115

    def __enter__(self) -> _Output:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self.stream is not None:
            self.stream.flush()
            if self.stream is not sys.stdout.buffer:
                self.stream.close()

    def write(self, data: bytes) -> None:
        assert self.stream is not None
        self.stream.write(data)

    def flush(self) -> None:
        if self.stream is not None:
            self.stream.flush()

    def write_file(self, stem: str, extension: str, data: bytes) -> None:
        assert self.directory is not None
        name, counter = stem + extension, 1
        while name in self.used_names:
            counter += 1
            name = f"{stem}-{counter}{extension}"
        self.used_names.add(name)
        (self.directory / name).write_bytes(data)


def _open_output(target: str | None) -> _Output:
    try:
        return _Output(target)
    except OSError as error:
        raise UsageError(f"cannot write {target}: {error.strerror or error}") from error


# -- commands --------------------------------------------------------------------------------------


def _command_parse(args: argparse.Namespace) -> int:
    single = len(args.files) == 1 and not os.path.isdir(args.files[0])
    output_format: str = args.format or ("json" if single and args.jobs == 1 else "jsonl")
    to_directory = args.output is not None and os.path.isdir(args.output)
    if output_format == "tei":
        if importlib.util.find_spec("lxml") is None:
            raise UsageError("--format tei needs lxml: pip install 'gtbparse[tei]'")
        if not single and not to_directory:
            raise UsageError("--format tei writes one document per input: give -o DIRECTORY for several inputs")
    sources, failures = _expand(args.files)
    for failure in failures:
        _report(failure)
    progress = _Progress(len(sources))
    status = 1 if failures else 0
    output = _open_output(args.output)
    written = 0
    with output:
        if output_format == "json" and not single and not to_directory:
            output.write(b"[\n")
        for source, outcome in _outcomes(sources, args.jobs):
            progress.step(source.name)
            if isinstance(outcome, Failure):
                status = 1
                _report(outcome, progress)
                if output_format == "jsonl" and not to_directory:
                    output.write((_dump_json(outcome.record(), lines=True) + "\n").encode("utf-8"))
                continue
            try:
                data = _render(outcome, output_format)
            except Exception as error:  # an exporter bug must still not end the run with a traceback
                status = 1
                _report(_internal_failure(source, error), progress)
                continue
            if to_directory:
                output.write_file(source.stem, _EXTENSIONS[output_format], data)
                continue
            if written and output_format in ("json", "markdown", "text"):
                output.write(b",\n" if output_format == "json" else b"\n---\n\n")
            if output_format == "json" and not single:
                data = data.rstrip(b"\n")
            output.write(data)
            written += 1
            output.flush()
        if output_format == "json" and not single and not to_directory:
            output.write(b"\n]\n" if written else b"]\n")
    progress.clear()
    return status


def _short(text: str, limit: int = 60) -> str:
    """``text`` as a quoted JSON string, its middle elided when long."""
    if len(text) > limit:
        half = (limit - 1) // 2
        text = text[:half] + "…" + text[-half:]
    return json.dumps(text, ensure_ascii=False)


def _command_explain(args: argparse.Namespace) -> int:
    from .errors import line_and_column
    from .serialize import unstructure

    source = Source(None if args.file == _STDIN else args.file)
    read: list[str] = []

    def explain(text: str, name: str | None) -> Explained:
        read.append(text)
        return parse_and_explain(text, source_name=name)

    explained = _attempt(source, explain)
    if isinstance(explained, Failure):
        _report(explained)
        return 1
    text = read[0]
    with _open_output(args.output) as output:
        if args.format == "json":
            record = {
                "edits": unstructure(explained.edits),
                "diagnostics": unstructure(explained.diagnostics),
                "furniture": unstructure(explained.furniture),
                "unplaced": unstructure(explained.unplaced),
            }
            output.write((_dump_json(record) + "\n").encode("utf-8"))
            return 0
        lines = [
            f"{source.name}: {len(explained.edits)} edits, {len(explained.diagnostics)} diagnostics, "
            f"{len(explained.furniture)} furniture removed, {len(explained.unplaced)} unplaced"
        ]
        if explained.edits:
            lines.append("")
            lines.append("edits:")
        for edit in explained.edits:
            line, column = line_and_column(text, edit.span[0])
            lines.append(f"  {line}:{column}  {edit.rule}  {_short(edit.original)} → {_short(edit.replacement)}")
            lines.append(f"      because {edit.evidence}")
        if explained.diagnostics:
            lines.append("")
            lines.append("diagnostics:")
        for diagnostic in explained.diagnostics:
            lines.append(
                f"  {diagnostic.line}:{diagnostic.column}  {diagnostic.severity.value} "
                f"{diagnostic.code}: {diagnostic.message}"
            )
        if explained.unplaced:
            lines.append("")
            lines.append("unplaced:")
        for unplaced in explained.unplaced:
            line, column = line_and_column(text, unplaced.span[0])
            lines.append(f"  {line}:{column}  {_short(unplaced.text)}")
        output.write(("\n".join(lines) + "\n").encode("utf-8"))
    return 0


def _parsed(files: Sequence[str]) -> tuple[list[Issue], int]:
    sources, failures = _expand(files)
    for failure in failures:
        _report(failure)
    status = 1 if failures else 0
    issues: list[Issue] = []
    progress = _Progress(len(sources))
    for source, outcome in _outcomes(sources, 1):
        progress.step(source.name)
        if isinstance(outcome, Failure):
            _report(outcome, progress)
            status = 1
        else:
            issues.append(outcome)
    progress.clear()
    return issues, status


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple):
        return "; ".join(
            _cell(item) if isinstance(item, str | int | float) else _dump_json(item, lines=True) for item in value
        )
    if isinstance(value, dict):
        return _dump_json(value, lines=True)
    return str(value)


def _glossary_csv(rows: Sequence[dict[str, Any]]) -> str:
    columns = [column for column in _GLOSSARY_COLUMNS if not rows or any(column in row for row in rows)]
    for row in rows:
        columns.extend(key for key in row if key not in columns)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in columns])
    return buffer.getvalue()


def _command_glossary(args: argparse.Namespace) -> int:
    from .glossary import glossary_rows

    issues, status = _parsed(args.files)
    rows = glossary_rows(issues)
    data = _glossary_csv(rows) if args.format == "csv" else _dump_json(rows) + "\n"
    with _open_output(args.output) as output:
        output.write(data.encode("utf-8"))
    return status


def _command_citations(args: argparse.Namespace) -> int:
    from .csl import to_csl

    issues, status = _parsed(args.files)
    items = [item for issue in issues for item in to_csl(issue)]
    with _open_output(args.output) as output:
        output.write((_dump_json(items) + "\n").encode("utf-8"))
    return status


# -- the parser ------------------------------------------------------------------------------------


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number ≥ 1, got {value!r}")
    return number


def _output_option(parser: argparse.ArgumentParser, help_text: str) -> None:
    parser.add_argument("-o", "--output", metavar="OUT", help=help_text)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``gtbparse`` command."""
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog="gtbparse",
        description="Parse text renditions of the Global Taiwan Brief into JSON, TEI, Markdown or plain text.",
        epilog=EXAMPLES,
        formatter_class=formatter,
    )
    parser.add_argument("--version", action="version", version=f"gtbparse {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")

    parse_command = commands.add_parser(
        "parse",
        help="parse issues (the default command: `gtbparse FILE...` means `gtbparse parse FILE...`)",
        description="Parse issues. FILE may be `-` (standard input) or a directory (its *.txt files, sorted).",
        epilog=EXAMPLES,
        formatter_class=formatter,
    )
    parse_command.add_argument("files", nargs="+", metavar="FILE")
    parse_command.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        help="output format (default: json for one file, jsonl for several or with --jobs); "
        "with several inputs json is one array, jsonl one line per input with error records for failures",
    )
    _output_option(parse_command, "write to OUT instead of stdout; if OUT is a directory, one file per input")
    parse_command.add_argument(
        "-j", "--jobs", type=_positive, default=1, metavar="N", help="parse with N processes (default 1)"
    )

    explain_command = commands.add_parser(
        "explain",
        help="list every repair made to a file and every diagnostic",
        description="Print each edit (rule, line:column, original → replacement, evidence) and each diagnostic.",
        formatter_class=formatter,
    )
    explain_command.add_argument("file", metavar="FILE")
    explain_command.add_argument("-f", "--format", choices=("text", "json"), default="text", help="default: text")
    _output_option(explain_command, "write to OUT instead of stdout")

    glossary_command = commands.add_parser(
        "glossary",
        help="the glossed names (English with Chinese characters) across issues",
        description="One row per distinct glossed name across all the inputs.",
        formatter_class=formatter,
    )
    glossary_command.add_argument("files", nargs="+", metavar="FILE")
    glossary_command.add_argument("-f", "--format", choices=("csv", "json"), default="csv", help="default: csv")
    _output_option(glossary_command, "write to OUT instead of stdout")

    citations_command = commands.add_parser(
        "citations",
        help="the sources cited in footnotes, as CSL-JSON",
        description="Every cited source of every input as one CSL-JSON array (for Zotero, pandoc, citeproc).",
        formatter_class=formatter,
    )
    citations_command.add_argument("files", nargs="+", metavar="FILE")
    _output_option(citations_command, "write to OUT instead of stdout")
    return parser


_HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "parse": _command_parse,
    "explain": _command_explain,
    "glossary": _command_glossary,
    "citations": _command_citations,
}


def _with_default_command(argv: Sequence[str]) -> list[str]:
    """``gtbparse FILE...`` means ``gtbparse parse FILE...``."""
    arguments = list(argv)
    if arguments and arguments[0] not in COMMANDS and arguments[0] not in ("-h", "--help", "--version"):
        arguments.insert(0, "parse")
    return arguments


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 some input failed, 2 usage)."""
    parser = build_parser()
    arguments = _with_default_command(sys.argv[1:] if argv is None else argv)
    if not arguments:
        parser.print_help(sys.stderr)
        return 2
    try:
        args = parser.parse_args(arguments)
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else 2
    try:
        return _HANDLERS[args.command](args)
    except UsageError as error:
        print(f"gtbparse: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (``gtbparse … | head``): stop quietly, without a traceback at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except OSError as error:
        print(f"gtbparse: cannot write output: {error.strerror or error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("gtbparse: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
