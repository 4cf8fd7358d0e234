"""The package as PyPI would get it: an sdist and a wheel built offline, checked by twine, inspected file by file.

These tests build the distributions once per session (about a second) with ``python -m build --no-isolation``, so
they need no network: ``build``, ``twine`` and the build backend ``hatchling`` come with the ``dev`` extra.
"""

from __future__ import annotations

import email.message
import email.parser
import importlib.util
import re
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path, PurePosixPath

import pytest
from packaging.specifiers import SpecifierSet
from packaging.version import Version

import gtbparse

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "gtbparse"
DIST_INFO = f"gtbparse-{gtbparse.__version__}.dist-info"


def _require(module: str) -> None:
    if importlib.util.find_spec(module) is None:
        pytest.fail(f"{module} is not installed: python -m pip install -e '.[dev]'")


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist and the wheel built from it, in a fresh directory."""
    _require("build")
    out = tmp_path_factory.mktemp("dist")
    # Without isolation the installed backend is used, so no download; with it, build would fetch hatchling.
    isolation = ["--no-isolation"] if importlib.util.find_spec("hatchling") else []
    command = [sys.executable, "-m", "build", *isolation, "--outdir", str(out), str(ROOT)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="module")
def wheel(dist: Path) -> zipfile.ZipFile:
    (path,) = dist.glob("*.whl")
    return zipfile.ZipFile(path)


@pytest.fixture(scope="module")
def metadata(wheel: zipfile.ZipFile) -> email.message.Message:
    return email.parser.Parser().parsestr(wheel.read(f"{DIST_INFO}/METADATA").decode("utf-8"))


def test_build_makes_one_sdist_and_one_wheel_named_for_the_version(dist: Path) -> None:
    names = sorted(path.name for path in dist.iterdir())
    assert names == [f"gtbparse-{gtbparse.__version__}-py3-none-any.whl", f"gtbparse-{gtbparse.__version__}.tar.gz"]


def test_twine_check_passes_strictly(dist: Path) -> None:
    _require("twine")
    files = [str(path) for path in sorted(dist.iterdir())]
    result = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *files],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("PASSED") == 2, result.stdout


def test_wheel_is_typed(wheel: zipfile.ZipFile) -> None:
    assert "gtbparse/py.typed" in wheel.namelist()


def test_wheel_holds_the_package_and_nothing_else(wheel: zipfile.ZipFile) -> None:
    names = wheel.namelist()
    outside = [name for name in names if not name.startswith(("gtbparse/", f"{DIST_INFO}/"))]
    assert outside == [], "files outside the package"
    parts = [PurePosixPath(name).parts for name in names]
    assert not [name for name, part in zip(names, parts, strict=True) if "tests" in part or "seeds" in part]
    assert not [name for name in names if PurePosixPath(name).name.startswith("test_") or name.endswith("conftest.py")]
    assert not [name for name in names if "__pycache__" in name or name.endswith((".pyc", ".pyo"))]
    assert not [name for name in names if name.endswith(".txt") and "000_" in name], "a seed issue in the wheel"


def test_wheel_ships_every_file_of_the_package(wheel: zipfile.ZipFile) -> None:
    """Data files (the JSON schema, word lists) and ``py.typed`` must not be lost on the way into the wheel."""
    expected = {
        f"gtbparse/{path.relative_to(PACKAGE).as_posix()}"
        for path in PACKAGE.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".pyc", ".pyo")
    }
    assert expected - set(wheel.namelist()) == set()


def test_wheel_metadata_is_complete(metadata: email.message.Message) -> None:
    assert metadata["Name"] == "gtbparse"
    assert metadata["Version"] == gtbparse.__version__
    assert metadata["Summary"]
    assert metadata["Description-Content-Type"] == "text/markdown"
    assert "gtbparse" in (metadata.get_payload() or ""), "the README is the long description"
    assert metadata["License-Expression"] == "MIT"
    assert metadata.get_all("License-File") == ["LICENSE"]
    assert {url.split(",")[0] for url in metadata.get_all("Project-URL") or []} >= {
        "Homepage",
        "Documentation",
        "Changelog",
        "Issues",
    }
    requires = [requirement.split(";")[0] for requirement in metadata.get_all("Requires-Dist") or []]
    assert {"attrs>=23.1", "regex>=2023.10"} <= set(requires)


def test_classifiers_say_typed_and_match_requires_python(metadata: email.message.Message) -> None:
    classifiers = metadata.get_all("Classifier") or []
    assert "Typing :: Typed" in classifiers
    assert any(classifier.startswith("Development Status ::") for classifier in classifiers)
    supported = SpecifierSet(metadata["Requires-Python"])
    versions = [
        classifier.rsplit(" :: ", 1)[1]
        for classifier in classifiers
        if classifier.startswith("Programming Language :: Python :: 3.")
    ]
    assert versions, "no Python version classifiers"
    assert [version for version in versions if Version(version) not in supported] == []
    running = Version(f"{sys.version_info.major}.{sys.version_info.minor}")
    assert running in supported


def test_wheel_licence_and_command(wheel: zipfile.ZipFile) -> None:
    assert f"{DIST_INFO}/licenses/LICENSE" in wheel.namelist()
    entry_points = wheel.read(f"{DIST_INFO}/entry_points.txt").decode("utf-8")
    assert "gtbparse = gtbparse.cli:main" in entry_points


def test_sdist_has_sources_and_metadata_but_no_build_debris(dist: Path) -> None:
    (path,) = dist.glob("*.tar.gz")
    prefix = f"gtbparse-{gtbparse.__version__}/"
    with tarfile.open(path) as archive:
        names = archive.getnames()
        pkg_info = archive.extractfile(prefix + "PKG-INFO")
        assert pkg_info is not None
        info = email.parser.Parser().parsestr(pkg_info.read().decode("utf-8"))
    assert info["Version"] == gtbparse.__version__
    for required in ("pyproject.toml", "README.md", "LICENSE", "CHANGELOG.md", "src/gtbparse/py.typed"):
        assert prefix + required in names
    assert not [name for name in names if "__pycache__" in name or name.endswith(".pyc") or "/_build/" in name]


def test_version_is_single_sourced() -> None:
    """``_version.py`` is the one place the version is written; the build reads it from there."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in config["project"]
    assert "version" in config["project"]["dynamic"]
    assert config["tool"]["hatch"]["version"]["path"] == "src/gtbparse/_version.py"
    assert (PACKAGE / "_version.py").read_text(encoding="utf-8").strip() == f'__version__ = "{gtbparse.__version__}"'
    assigned = [path.name for path in PACKAGE.rglob("*.py") if "__version__ = " in path.read_text(encoding="utf-8")]
    assert assigned == ["_version.py"]
    assert gtbparse.__version__ == str(Version(gtbparse.__version__))


def test_changelog_has_an_entry_for_the_version() -> None:
    """Keep a Changelog: a dated section for the released version, below an Unreleased section."""
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## [Unreleased]" in changelog
    version_heading = re.search(
        rf"^## \[{re.escape(gtbparse.__version__)}\] - \d{{4}}-\d{{2}}-\d{{2}}$", changelog, re.M
    )
    assert version_heading is not None
    assert changelog.index("## [Unreleased]") < version_heading.start()
