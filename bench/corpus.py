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


LEGACY_SUFFIXES = (".doc", ".wps", ".rtf", ".odt")
POI_MIRROR = Path(os.environ.get("REVIEWER_POI_MIRROR", "/work/.mirror/apache+poi/repo"))


def legacy_files(cache: Path = CACHE) -> list[Path]:
    """Apache POI's legacy word-processor test documents (test-data/document/*.doc …), extracted once into the
    cache from a local git mirror of apache/poi (REVIEWER_POI_MIRROR); empty when there is none."""
    target = cache / "files" / "poi-legacy"
    if not target.is_dir() and (POI_MIRROR / "HEAD").exists():
        names = subprocess.run(["git", "--git-dir", str(POI_MIRROR), "ls-tree", "-r", "--name-only", "HEAD",
                                "test-data/document"], capture_output=True, text=True, check=True).stdout.split("\n")
        partial = target.with_suffix(".part")
        partial.mkdir(parents=True, exist_ok=True)
        for name in (n for n in names if n.lower().endswith(LEGACY_SUFFIXES)):
            shown = subprocess.run(["git", "--git-dir", str(POI_MIRROR), "show", f"HEAD:{name}"], capture_output=True)
            if shown.returncode == 0:  # the mirror may list a large blob it does not hold
                (partial / Path(name).name).write_bytes(shown.stdout)
        partial.rename(target)
    return sorted(p for p in target.glob("*") if p.suffix.lower() in LEGACY_SUFFIXES) if target.is_dir() else []


def libreoffice_opens(path: Path, timeout: float) -> bool:
    """Whether LibreOffice itself converts the file (its own verdict, outside our reader)."""
    import shutil
    import tempfile

    soffice = shutil.which("soffice")
    if soffice is None:
        return False
    with tempfile.TemporaryDirectory() as tmp:
        suffix = {".wps": ".doc"}.get(path.suffix.lower(), path.suffix.lower())
        source = Path(tmp) / f"in{suffix}"
        source.write_bytes(path.read_bytes())
        try:
            subprocess.run([soffice, f"-env:UserInstallation={Path(tmp, 'p').as_uri()}", "--headless",
                            "--convert-to", "docx", "--outdir", tmp, str(source)], capture_output=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return False
        return (Path(tmp) / "in.docx").is_file()


def legacy_pass(timeout: float, limit: int = 0) -> int:
    """`--legacy`: every POI .doc/.rtf/.odt LibreOffice opens must be read by us (read / refused as LibreOffice
    refuses it too / missed); conversion seconds per file."""
    files = legacy_files()[: limit or None]
    if not files:
        print("no POI mirror: set REVIEWER_POI_MIRROR to a git mirror of apache/poi")
        return 0
    counts = {"read": 0, "refused_by_libreoffice_too": 0, "missed": 0, "crash": 0, "over_time": 0}
    seconds: list[float] = []
    loader = IsolatedLoader(timeout, detect=False)
    try:
        for path in files:
            result = loader.load(path)
            outcome = result.outcome
            if outcome == "read":
                seconds.append(result.elapsed)
            elif outcome == "clean_error":
                outcome = "missed" if libreoffice_opens(path, timeout) else "refused_by_libreoffice_too"
            counts[outcome] += 1
            if outcome != "read":
                print(f"{outcome:27s} {path.name}: {result.message.splitlines()[0][-200:] if result.message else ''}",
                      flush=True)
    finally:
        loader.close()
    print(f"\n{len(files)} POI legacy files: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    if seconds:
        seconds.sort()
        print(f"read time per file (LibreOffice conversion + docx reader): median {seconds[len(seconds) // 2]:.2f} s, "
              f"max {seconds[-1]:.2f} s")
    return 1 if counts["missed"] or counts["crash"] or counts["over_time"] else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--limit", type=int, default=0, help="only the first N files (0 = all)")
    parser.add_argument("--match", default="", help="only files whose path contains this")
    parser.add_argument("--worker", action="store_true", help="one long-lived process instead of `reviewer scan`")
    parser.add_argument("--load-only", action="store_true", help="with --worker: read, do not detect")
    parser.add_argument("--verbose", action="store_true", help="print every clean error in full")
    parser.add_argument("--legacy", action="store_true", help="only the POI .doc/.rtf/.odt pass (legacy_pass)")
    args = parser.parse_args(argv)
    if args.legacy:
        return legacy_pass(args.timeout, args.limit)
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
