"""`make corpus`: open every docx/pdf that several libraries ship as test documents with `reviewer scan`.

The source distributions are fetched once with pip into a cache outside the repository
(~/.cache/reviewer-corpus); nothing from them is committed. Each file runs in its own `reviewer scan`
subprocess so that a crash or a hang is seen as such. Counts: read / clean error / crash / over time.

`--worker` loads and analyses every file in one long-lived child (bench/isolated.py) with the same
per-file timeout: the same reader and detector code in a fraction of the time; `--load-only` skips
detection. Clean errors made by the loader's catch-all (a reader exception hiding behind "corrupt")
are listed apart: each is a reader bug or a message to improve.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tarfile
import time
from pathlib import Path

from bench.isolated import IsolatedLoader

SDISTS = ["python-docx==1.2.0", "docx2python==3.6.2", "pdfminer.six==20191110", "pypdf", "pikepdf"]
CACHE = Path(os.environ.get("REVIEWER_CORPUS_CACHE", Path.home() / ".cache" / "reviewer-corpus"))
SUFFIXES = (".docx", ".pdf")


def fetch(cache: Path = CACHE) -> list[Path]:
    """Download the sdists (once) and extract their docx/pdf files; returns the files."""
    sdists = cache / "sdists"
    files_dir = cache / "files"
    sdists.mkdir(parents=True, exist_ok=True)
    for spec in SDISTS:
        name = spec.split("==")[0].replace("-", "_").replace(".", "_").lower()
        if not any(p.name.replace("-", "_").replace(".", "_").lower().startswith(name) for p in sdists.iterdir()):
            subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--no-binary", ":all:",
                            "-d", str(sdists), spec], check=True)
    for archive in sorted(sdists.glob("*.tar.gz")):
        target = files_dir / archive.name.removesuffix(".tar.gz")
        if target.exists():
            continue
        with tarfile.open(archive) as tar:
            members = [m for m in tar.getmembers() if m.isfile() and m.name.lower().endswith(SUFFIXES)]
            tar.extractall(target, members=members, filter="data")
    return sorted(p for p in files_dir.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)


def classify(path: Path, timeout: float) -> tuple[str, str, float]:
    started = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, "-m", "reviewer", "scan", "--format", "jsonl", str(path)],
                              capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "over_time", f"> {timeout:.0f} s", timeout
    elapsed = time.perf_counter() - started
    err = proc.stderr.strip()
    if proc.returncode == 0 and "Traceback" not in err:
        return "read", "", elapsed
    if proc.returncode == 1 and "Traceback" not in err and len(err.splitlines()) == 1:
        return "clean_error", err, elapsed
    return "crash", (err.splitlines() or [f"exit {proc.returncode}"])[-1], elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--limit", type=int, default=0, help="only the first N files (0 = all)")
    parser.add_argument("--match", default="", help="only files whose path contains this")
    parser.add_argument("--worker", action="store_true", help="one long-lived process instead of `reviewer scan`")
    parser.add_argument("--load-only", action="store_true", help="with --worker: read, do not detect")
    parser.add_argument("--verbose", action="store_true", help="print every clean error in full")
    args = parser.parse_args(argv)
    files = [p for p in fetch() if args.match in str(p)]
    if args.limit:
        files = files[: args.limit]
    counts = {"read": 0, "clean_error": 0, "crash": 0, "over_time": 0}
    fallbacks = 0
    slowest = (0.0, "")
    started = time.perf_counter()
    loader = IsolatedLoader(args.timeout, detect=not args.load_only) if args.worker else None
    try:
        for path in files:
            if loader is not None:
                result = loader.load(path)
                outcome, message, elapsed = result.outcome, result.message, result.elapsed
                fallbacks += result.fallback
            else:
                outcome, message, elapsed = classify(path, args.timeout)
            counts[outcome] += 1
            slowest = max(slowest, (elapsed, str(path.relative_to(CACHE))))
            if outcome != "read":
                shown = message if args.verbose or outcome != "clean_error" else message.splitlines()[0][-300:]
                print(f"{outcome:11s} {path.relative_to(CACHE)}: {shown}", flush=True)
    finally:
        if loader is not None:
            loader.close()
    mode = "reviewer scan per file" if loader is None else ("worker, load only" if args.load_only else "worker")
    print(f"\n{len(files)} files ({mode}, {time.perf_counter() - started:.0f} s): "
          + ", ".join(f"{k} {v}" for k, v in counts.items())
          + (f" (of the clean errors, {fallbacks} from the loader's catch-all)" if loader is not None else ""))
    print(f"slowest: {slowest[0]:.1f} s {slowest[1]}")
    return 1 if counts["crash"] or counts["over_time"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
