"""``python -m reviewer.eval <name> [options]``: dispatch to ``reviewer.eval.<name>.main(argv)``.

Evaluations: ``detection`` (pattern recognizers, resources/eval/pi), ``ner`` (names, addresses,
organisations), ``restricted`` (classified and restricted content), ``realdocs`` (the whole pipeline on our own
hand-written documents, resources/eval/realdocs, with the damage to must-keep strings), ``judgments`` (the
wording and timing checks of issue 33, resources/eval/judgments, with a held-out set).
"""

from __future__ import annotations

import importlib
import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0].startswith("-"):
        print("usage: python -m reviewer.eval <detection|ner|restricted|realdocs|judgments> [options]",
              file=sys.stderr)
        return 2
    name, rest = argv[0], argv[1:]
    try:
        module = importlib.import_module(f"reviewer.eval.{name}")
    except ModuleNotFoundError as exc:
        if exc.name != f"reviewer.eval.{name}":
            raise  # a missing dependency inside the evaluation is a real error, not a typo
        print(f"unknown evaluation: {name}", file=sys.stderr)
        return 2
    return int(module.main(rest) or 0)


if __name__ == "__main__":
    sys.exit(main())
