"""Parsing whole archives: many files, optionally in several processes, results in input order."""

from __future__ import annotations

import collections
import itertools
import os
import pathlib
from collections.abc import Iterable, Iterator, Sized

import attrs

from .errors import InternalError, ParseError
from .model import Issue

_CHUNKS_IN_FLIGHT_PER_WORKER = 4
"""How far submission runs ahead of the consumer: bounds the results held in memory, keeps every worker busy."""

_MAX_CHUNKSIZE = 8


@attrs.frozen
class BatchResult:
    """The outcome for one file: an issue, or an error message naming what went wrong.

    ``error_code`` says what kind of failure it was: ``unreadable`` (missing file, a directory, no
    permission), ``not-utf8``, ``parse-error`` (:class:`~gtbparse.ParseError`) or ``internal-error``
    (a bug in gtbparse). ``line`` and ``column`` (1-based) locate the problem when it has a place.
    """

    path: str
    issue: Issue | None
    error: str | None = None
    error_code: str | None = None
    line: int | None = None
    column: int | None = None

    @property
    def ok(self) -> bool:
        """Whether the file was parsed."""
        return self.error is None


def parse_one(path: str | os.PathLike[str]) -> BatchResult:
    """Read and parse one file; every failure becomes a :class:`BatchResult` with an error, never an exception.

    The file's text is parsed as it is (line ends included), so spans are offsets into its decoded text.
    """
    from . import parse  # here, not at module level: the package's __init__ may import this module

    name = os.fspath(path)
    try:
        data = pathlib.Path(name).read_bytes()
    except OSError as error:
        return BatchResult(name, None, error.strerror or str(error), "unreadable")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _byte_position(data, error.start)
        message = f"not UTF-8 text (byte 0x{data[error.start : error.start + 1].hex()}: {error.reason})"
        return BatchResult(name, None, message, "not-utf8", line, column)
    try:
        return BatchResult(name, parse(text, source_name=os.path.basename(name)))
    except InternalError as error:
        return BatchResult(name, None, f"{error.problem}; please report it", "internal-error")
    except ParseError as error:
        return BatchResult(name, None, error.problem, "parse-error", error.line, error.column)
    except Exception as error:  # one file must not end an archive run; the code marks it as a bug to report
        message = f"internal error, please report it: {type(error).__name__}: {error}"
        return BatchResult(name, None, message, "internal-error")


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of byte ``offset``."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return data.count(b"\n", 0, offset) + 1, column


def parse_many(paths: Iterable[str | os.PathLike[str]], *, jobs: int | None = 1) -> Iterator[BatchResult]:
    """Parse every file in ``paths``, yielding one :class:`BatchResult` per path, in input order.

    ``jobs=1`` parses in this process; ``jobs=N`` uses ``N`` worker processes; ``jobs=0`` or ``None``
    uses one per CPU available to this process. Results stream as they are ready, in input order; a file
    that cannot be read or parsed yields a result with ``error`` set and the run goes on.
    Raises ``ValueError`` at once for a negative ``jobs``.
    """
    workers = _worker_count(jobs)
    if isinstance(paths, Sized):
        workers = min(workers, len(paths))
    names = (os.fspath(path) for path in paths)
    if workers <= 1:
        return map(parse_one, names)
    chunksize = _chunksize(len(paths), workers) if isinstance(paths, Sized) else 1
    return _parse_in_processes(names, workers, chunksize)


def _worker_count(jobs: int | None) -> int:
    if jobs is None or jobs == 0:
        if hasattr(os, "sched_getaffinity"):
            return max(1, len(os.sched_getaffinity(0)))
        return os.cpu_count() or 1
    if jobs < 0:
        raise ValueError(f"jobs must be 0 (one per CPU) or more, not {jobs}")
    return jobs


def _chunksize(count: int, workers: int) -> int:
    """Files per task: large enough to amortise the hand-over, small enough to balance uneven files."""
    return max(1, min(_MAX_CHUNKSIZE, count // (workers * _CHUNKS_IN_FLIGHT_PER_WORKER)))


def _parse_chunk(paths: tuple[str, ...]) -> list[BatchResult]:
    return [parse_one(path) for path in paths]


def _parse_in_processes(names: Iterator[str], workers: int, chunksize: int) -> Iterator[BatchResult]:
    chunks = iter(lambda: tuple(itertools.islice(names, chunksize)), ())
    window = workers * _CHUNKS_IN_FLIGHT_PER_WORKER
    import concurrent.futures  # imported here: it loads logging, which single-process use never needs

    executor = concurrent.futures.ProcessPoolExecutor(max_workers=workers)
    try:
        pending = collections.deque(executor.submit(_parse_chunk, chunk) for chunk in itertools.islice(chunks, window))
        while pending:
            results = pending.popleft().result()
            pending.extend(executor.submit(_parse_chunk, chunk) for chunk in itertools.islice(chunks, 1))
            yield from results
    finally:
        # Also reached when the consumer stops early: drop what has not started, wait for what has.
        executor.shutdown(wait=True, cancel_futures=True)
