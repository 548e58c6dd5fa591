"""``python -m reviewer.eval <name> [options]``: dispatch to ``reviewer.eval.<name>.main(argv)``."""

from __future__ import annotations

import importlib
import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0].startswith("-"):
        print("usage: python -m reviewer.eval <ner|detection|...> [options]", file=sys.stderr)
        return 2
    name, rest = argv[0], argv[1:]
    try:
        module = importlib.import_module(f"reviewer.eval.{name}")
    except ModuleNotFoundError:
        print(f"unknown evaluation: {name}", file=sys.stderr)
        return 2
    return int(module.main(rest) or 0)


if __name__ == "__main__":
    sys.exit(main())
