"""`make fuzz`: mutate real documents for a bounded time; every crash, hang or escaped exception is kept.

Seeds are the docx/PDF/txt files under tests/data and, when `make corpus` has fetched it, the corpus
(~/.cache/reviewer-corpus). Variants come from bench/mutate.py (byte and bit flips, truncation, zip
members damaged, PDF xref/trailer/stream damage) with a random seed that is printed, so a run can be
repeated with `--seed`. Each variant is loaded in a long-lived worker (bench/isolated.py) with a
per-file timeout. A find -- the worker died, a non-ReviewerError escaped, the loader's catch-all had
to turn a parser exception into "corrupt", or the file ran over time -- is written to
tests/data/regressions/fuzz-<sha256[:12]>.<ext>, where tests/core/reliability/test_regressions.py
checks that it now ends cleanly and in time. Exit 1 when anything was found.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
from pathlib import Path

from bench.isolated import IsolatedLoader
from bench.mutate import mutate

ROOT = Path(__file__).resolve().parent.parent
REGRESSIONS = ROOT / "tests" / "data" / "regressions"
SUFFIXES = (".docx", ".pdf", ".txt")
MAX_SEED_SIZE = 2 * 1024 * 1024  # bigger seeds make each run slow and each find large
MAX_FIND_SIZE = 128 * 1024
HOSTILE = {"zip-bomb.docx", "billion-laughs.docx", "xxe.docx", "random.docx"}  # refused before parsing


def seed_files(include_corpus: bool = True) -> list[Path]:
    found = [p for p in (ROOT / "tests" / "data").rglob("*") if p.suffix.lower() in SUFFIXES
             and p.is_file() and p.name not in HOSTILE and not p.name.startswith("fuzz-")]
    if include_corpus:
        from bench.corpus import CACHE

        found += [p for p in (CACHE / "files").rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file()]
    return sorted(p for p in found if 0 < p.stat().st_size <= MAX_SEED_SIZE)


def save_find(data: bytes, suffix: str, work: Path | None = None, *, ours: bool = True) -> Path:
    """Small finds made from our own test files go to tests/data/regressions; big ones, and those made
    from corpus files (not ours to commit), to the scratch folder: rebuild their shape in
    tests/data/regressions/make_regressions.py."""
    folder = REGRESSIONS if work is None or (ours and len(data) <= MAX_FIND_SIZE) else work
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"fuzz-{hashlib.sha256(data).hexdigest()[:12]}{suffix}"
    path.write_bytes(data)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=300.0, help="total time to fuzz (default 300)")
    parser.add_argument("--timeout", type=float, default=10.0, help="per-file limit before it is a hang")
    parser.add_argument("--seed", type=int, default=None, help="repeat a run (printed at the start)")
    parser.add_argument("--no-corpus", action="store_true", help="only tests/data as seeds")
    parser.add_argument("--detect", action="store_true", help="also run detection on what was read (slower)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/reviewer-fuzz"), help="scratch folder")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**32)
    rng = random.Random(seed)
    seeds = seed_files(include_corpus=not args.no_corpus)
    contents = {p: p.read_bytes() for p in seeds}
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"fuzz: seed {seed}, {len(seeds)} seed files, {args.seconds:.0f} s, {args.timeout:.0f} s a file",
          flush=True)
    counts = {"read": 0, "clean_error": 0, "crash": 0, "over_time": 0}
    finds: list[Path] = []
    stop = time.monotonic() + args.seconds
    runs = 0
    with IsolatedLoader(timeout=args.timeout, detect=args.detect) as loader:
        while time.monotonic() < stop:
            source = rng.choice(seeds)
            try:
                how, data = mutate(contents[source], rng)
            except Exception:  # noqa: BLE001 - a mutator that cannot apply to this seed (e.g. not a zip)
                continue
            if not data:
                continue
            scratch = args.work / f"variant{source.suffix}"
            scratch.write_bytes(data)
            result = loader.load(scratch)
            runs += 1
            counts[result.outcome] += 1
            if result.outcome in ("crash", "over_time") or result.fallback:
                kept = save_find(data, source.suffix, args.work, ours=ROOT in source.parents)
                finds.append(kept)
                kind = "escaped exception" if result.fallback else result.outcome
                print(f"FIND {kind}: {how} of {source.name} -> {kept}\n"
                      f"  {result.message.strip().splitlines()[-1][:300]}", flush=True)
    print(f"\n{runs} variants: " + ", ".join(f"{k} {v}" for k, v in counts.items())
          + f"; {len(finds)} finds kept in {REGRESSIONS.relative_to(ROOT)}")
    return 1 if finds else 0


if __name__ == "__main__":
    sys.exit(main())
