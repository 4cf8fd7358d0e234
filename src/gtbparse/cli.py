"""The ``gtbparse`` command line."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from . import ParseError, __version__, parse_file, to_dict


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 some input failed, 2 usage)."""
    parser = argparse.ArgumentParser(prog="gtbparse", description="Parse Global Taiwan Brief text renditions.")
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("--version", action="version", version=f"gtbparse {__version__}")
    args = parser.parse_args(argv)
    status = 0
    for name in args.files:
        try:
            issue = parse_file(name)
        except (OSError, UnicodeDecodeError, ParseError) as error:
            print(f"gtbparse: {name}: {error}", file=sys.stderr)
            status = 1
            continue
        json.dump(to_dict(issue), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
