"""parse_many: results in input order, bad files reported without ending the run, the same in one process or two."""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest

import gtbparse
from gtbparse.batch import BatchResult, parse_many, parse_one

CORPUS = Path(__file__).resolve().parent / "corpus"
SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_109018197d74fce2.txt"


def _issue_files() -> list[Path]:
    """Different issues, so a result out of place shows as a wrong issue, not just a wrong path."""
    files = [SEED, *sorted((CORPUS / "issues").glob("*.txt")), *sorted((CORPUS / "web").glob("*.txt"))]
    assert len(files) >= 3, "the corpus should hold several issues"
    return files


@pytest.fixture
def archive(tmp_path: Path) -> list[Path]:
    """Copies of the corpus issues under new names, interleaved so neighbours differ."""
    sources = _issue_files()
    paths = []
    for index in range(12):
        source = sources[index % len(sources)]
        target = tmp_path / f"{index:02d}_{source.name}"
        target.write_bytes(source.read_bytes())
        paths.append(target)
    return paths


@pytest.fixture
def bad_files(tmp_path: Path) -> dict[str, Path]:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "latin1.txt").write_bytes("Title\n\nBy: Jos\xe9\n".encode("latin-1"))
    (bad / "empty.txt").write_text("   \n\n", encoding="utf-8")
    (bad / "no_byline.txt").write_text("Just a title\n\nAnd a paragraph of text.\n", encoding="utf-8")
    return {
        "missing": bad / "missing.txt",
        "not-utf8": bad / "latin1.txt",
        "empty": bad / "empty.txt",
        "no-byline": bad / "no_byline.txt",
        "directory": bad,
    }


def _expected(path: Path) -> gtbparse.Issue:
    return gtbparse.parse(path.read_bytes().decode("utf-8"), source_name=path.name)


@pytest.mark.parametrize("jobs", [1, 2])
def test_results_come_in_input_order_and_match_parse(archive: list[Path], jobs: int) -> None:
    results = list(parse_many(archive, jobs=jobs))
    assert [result.path for result in results] == [str(path) for path in archive]
    for path, result in zip(archive, results, strict=True):
        assert result.ok, result.error
        assert result.issue is not None
        assert result.issue.source_name == path.name
        assert gtbparse.to_dict(result.issue) == gtbparse.to_dict(_expected(path))


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_bad_file_is_reported_and_the_run_goes_on(archive: list[Path], bad_files: dict[str, Path], jobs: int) -> None:
    good = archive[:3]
    paths = [good[0], bad_files["missing"], good[1], bad_files["not-utf8"], bad_files["empty"]]
    paths += [bad_files["no-byline"], bad_files["directory"], good[2]]
    results = list(parse_many(paths, jobs=jobs))
    assert [result.path for result in results] == [str(path) for path in paths]
    by_path = {result.path: result for result in results}

    for path in good:
        assert by_path[str(path)].ok
        assert by_path[str(path)].issue is not None

    missing = by_path[str(bad_files["missing"])]
    assert (missing.issue, missing.error_code) == (None, "unreadable")
    assert missing.error is not None
    assert "no such file" in missing.error.lower()

    latin = by_path[str(bad_files["not-utf8"])]
    assert latin.error_code == "not-utf8"
    assert latin.error is not None
    assert "0xe9" in latin.error
    assert (latin.line, latin.column) == (3, 8)  # "By: Jos" is 7 characters; the bad byte is the 8th

    empty = by_path[str(bad_files["empty"])]
    assert empty.error_code == "parse-error"
    assert empty.error is not None
    assert "empty" in empty.error
    assert empty.line == 1

    no_byline = by_path[str(bad_files["no-byline"])]
    assert no_byline.error_code == "parse-error"
    assert no_byline.error is not None
    assert "no article" in no_byline.error

    directory = by_path[str(bad_files["directory"])]
    assert directory.error_code == "unreadable"
    assert directory.issue is None


def test_one_process_and_two_give_equal_results(archive: list[Path], bad_files: dict[str, Path]) -> None:
    paths = [*archive, *bad_files.values()]
    single = list(parse_many(paths, jobs=1))
    double = list(parse_many(paths, jobs=2))
    assert single == double
    # Issue equality leaves offsets out; the dictionaries compare them too.
    assert [gtbparse.to_dict(r.issue) if r.issue else None for r in single] == [
        gtbparse.to_dict(r.issue) if r.issue else None for r in double
    ]
    assert [(r.error, r.error_code, r.line, r.column) for r in single] == [
        (r.error, r.error_code, r.line, r.column) for r in double
    ]


def test_paths_may_be_a_lazy_iterable(archive: list[Path]) -> None:
    def lazily() -> Iterator[str]:
        yield from (str(path) for path in archive)

    results = list(parse_many(lazily(), jobs=2))
    assert [result.path for result in results] == [str(path) for path in archive]
    assert all(result.ok for result in results)


@pytest.mark.parametrize("jobs", [0, None])
def test_jobs_zero_or_none_means_one_per_cpu(archive: list[Path], jobs: int | None) -> None:
    results = list(parse_many(archive[:4], jobs=jobs))
    assert [result.issue for result in results] == [_expected(path) for path in archive[:4]]


def test_negative_jobs_is_refused_at_once(archive: list[Path]) -> None:
    with pytest.raises(ValueError, match="jobs"):
        parse_many(archive, jobs=-1)


def test_stopping_early_closes_the_workers(archive: list[Path]) -> None:
    results = parse_many(archive * 4, jobs=2)
    first = next(results)
    results.close()  # type: ignore[attr-defined]
    assert first.path == str(archive[0])
    assert first.issue == _expected(archive[0])


def test_no_paths_no_results() -> None:
    assert list(parse_many([], jobs=2)) == []


def test_results_survive_pickling(archive: list[Path], bad_files: dict[str, Path]) -> None:
    for path in (archive[0], bad_files["not-utf8"]):
        result = parse_one(path)
        copy = pickle.loads(pickle.dumps(result))
        assert isinstance(copy, BatchResult)
        assert copy == result
        if result.issue is not None:
            assert copy.issue is not None
            assert gtbparse.to_dict(copy.issue) == gtbparse.to_dict(result.issue)
