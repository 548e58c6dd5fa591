"""`make corpus`: scan every docx/pdf that several libraries ship as test documents, plus Chinese files
made here, then de-identify a selection of them and say what became of each.

Sources: the source distributions of SDISTS, fetched once with pip into a cache outside the repository
(~/.cache/reviewer-corpus, REVIEWER_CORPUS_CACHE); any other test files put under its files/ folder
(for example the test PDFs of pdf.js, Apache POI's test-data, pdfplumber's tests and py-pdf's
sample-files: copy their docx/pdf files into files/<name>/); and files/generated/, rebuilt each run by
bench/real_world.py (Chinese PDFs whose fonts are named in GBK, LibreOffice's output when it is
installed, docx saved with comments, glossary and embedded packages). Nothing from them is committed.

Scan pass: each file in its own `reviewer scan` subprocess, or with `--worker` all in one long-lived
child (bench/isolated.py) with the same per-file timeout: read / clean error / crash / over time.
Redact pass (the worker; `--no-redact` skips it): every readable file that has findings or Chinese
text, plus a sample of the rest (`--sample`), de-identified as `reviewer redact` does (general profile,
every finding accepted): exit 0 (written, verified), 3 (verification failed: each survivor listed with
where it is), 1 (refused with a clean message), crash, over time. Pictures that grew in the copy are
listed too. The table goes into bench/RESULTS.md (section "Corpus"), replaced on each run.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tarfile
import time
from collections import Counter
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


REDACT_OUTCOMES = ("exit0", "exit3", "exit1", "crash", "over_time")
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
SECTION = "## Corpus (`make corpus`)"


def source_of(path: Path) -> str:
    """The corpus a file comes from: the first folder under files/."""
    return path.relative_to(CACHE / "files").parts[0]


def selected_for_redaction(path: Path, details: dict | None, sample: int) -> bool:
    """Readable files with findings or Chinese text, and about one in `sample` of the rest (by path hash)."""
    if details is None:
        return False
    if details.get("findings") or details.get("cjk", 0) >= 20:
        return True
    return int(hashlib.sha1(str(path.relative_to(CACHE)).encode()).hexdigest(), 16) % max(sample, 1) == 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--limit", type=int, default=0, help="only the first N files (0 = all)")
    parser.add_argument("--match", default="", help="only files whose path contains this")
    parser.add_argument("--worker", action="store_true", help="one long-lived process instead of `reviewer scan`")
    parser.add_argument("--load-only", action="store_true", help="with --worker: read, do not detect")
    parser.add_argument("--no-redact", action="store_true", help="scan only")
    parser.add_argument("--sample", type=int, default=6, help="redact one in N of the files with no findings")
    parser.add_argument("--no-results", action="store_true", help="do not write bench/RESULTS.md")
    parser.add_argument("--results", type=Path, default=RESULTS, help="the file the table goes into")
    parser.add_argument("--verbose", action="store_true", help="print every clean error in full")
    parser.add_argument("--legacy", action="store_true", help="only the POI .doc/.rtf/.odt pass (legacy_pass)")
    args = parser.parse_args(argv)
    if args.legacy:
        return legacy_pass(args.timeout, args.limit)
    from bench.real_world import generate

    generated = generate(CACHE / "files" / "generated")
    files = sorted(set(fetch()) | set(generated))
    files = [p for p in files if args.match in str(p)]
    if args.limit:
        files = files[: args.limit]
    counts = {"read": 0, "clean_error": 0, "crash": 0, "over_time": 0}
    fallbacks = 0
    slowest = (0.0, "")
    started = time.perf_counter()
    worker = args.worker or not args.no_redact  # the redact pass needs each file's findings
    loader = IsolatedLoader(args.timeout, detect=not args.load_only) if worker else None
    scanned: dict[Path, dict | None] = {}
    by_source: dict[str, Counter] = {}
    try:
        for path in files:
            if loader is not None:
                result = loader.load(path)
                outcome, message, elapsed = result.outcome, result.message, result.elapsed
                fallbacks += result.fallback
                scanned[path] = result.details if outcome == "read" else None
            else:
                outcome, message, elapsed = classify(path, args.timeout)
            counts[outcome] += 1
            by_source.setdefault(source_of(path), Counter())[outcome] += 1
            slowest = max(slowest, (elapsed, str(path.relative_to(CACHE))))
            if outcome != "read":
                shown = message if args.verbose or outcome != "clean_error" else message.splitlines()[0][-300:]
                print(f"{outcome:11s} {path.relative_to(CACHE)}: {shown}", flush=True)
    finally:
        if loader is not None:
            loader.close()
    mode = "reviewer scan per file" if loader is None else ("worker, load only" if args.load_only else "worker")
    scan_line = (f"{len(files)} files ({mode}, {time.perf_counter() - started:.0f} s): "
                 + ", ".join(f"{k} {v}" for k, v in counts.items())
                 + (f" (of the clean errors, {fallbacks} from the loader's catch-all)" if loader is not None else ""))
    print("\n" + scan_line)
    print(f"slowest: {slowest[0]:.1f} s {slowest[1]}")
    failed = bool(counts["crash"] or counts["over_time"])
    redacted: list[tuple[Path, object]] = []
    if not args.no_redact and not args.load_only:
        chosen = [p for p in files if selected_for_redaction(p, scanned.get(p), args.sample)]
        print(f"\nredact pass: {len(chosen)} files", flush=True)
        started = time.perf_counter()
        with IsolatedLoader(args.timeout, redact=True) as redactor:
            for path in chosen:
                result = redactor.load(path)
                redacted.append((path, result))
                line = _redact_line(path, result)
                if line:
                    print(line, flush=True)
        tally = Counter(r.outcome for _, r in redacted)
        print(f"\nredact: {len(chosen)} files ({time.perf_counter() - started:.0f} s): "
              + ", ".join(f"{k} {tally.get(k, 0)}" for k in REDACT_OUTCOMES))
        failed = failed or bool(tally.get("crash") or tally.get("over_time"))
    if not args.no_results and not args.limit and not args.match:
        write_section(args.results, _table(files, by_source, redacted, scan_line))
    return 1 if failed else 0


def _redact_line(path: Path, result: object) -> str:
    """One line for a file whose copy was not written clean, or whose pictures grew; "" otherwise."""
    name = path.relative_to(CACHE)
    details = result.details or {}
    if result.outcome == "exit3":
        where = "; ".join(details.get("survivors", []) + details.get("residues", []))
        return f"exit3       {name}: {where[:900]}"
    if result.outcome == "exit0":
        before, after = details.get("images_in", 0), details.get("images_out", 0)
        if after > 2 * before + 4096:
            return f"images grew {name}: {before:,} -> {after:,} bytes ({'; '.join(details.get('notes', []))[:300]})"
        return ""
    lines = result.message.strip().splitlines() if result.message else [""]
    shown = lines[-1] if result.outcome == "crash" else lines[0]  # a traceback's last line names the error
    return f"{result.outcome:11s} {name}: {shown[-400:]}"


def _table(files: list[Path], by_source: dict[str, Counter], redacted: list, scan_line: str) -> str:
    lines = [SECTION, "", f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores. "
             f"Scan: {scan_line}.", "",
             "| source | files | read | clean error | crash | over time | redacted | exit 0 | exit 3 | exit 1 | "
             "crash | over time |", "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    red: dict[str, Counter] = {}
    for path, result in redacted:
        red.setdefault(source_of(path), Counter())[result.outcome] += 1
    for source in sorted(by_source):
        scan, r = by_source[source], red.get(source, Counter())
        lines.append(f"| {source} | {sum(scan.values())} | {scan['read']} | {scan['clean_error']} | {scan['crash']} | "
                     f"{scan['over_time']} | {sum(r.values())} | " + " | ".join(str(r[k]) for k in REDACT_OUTCOMES) + " |")
    failures = [(p, r) for p, r in redacted if r.outcome != "exit0"]
    if failures:
        lines += ["", "Not exit 0, each with its reason:", ""]
        for path, result in failures:
            lines.append(f"- `{path.relative_to(CACHE)}`: {_redact_line(path, result).split(': ', 1)[-1]}")
    grown = [line for p, r in redacted if r.outcome == "exit0" for line in [_redact_line(p, r)] if line]
    if grown:
        lines += ["", "Pictures that grew:", ""] + [f"- {line}" for line in grown]
    return "\n".join(lines) + "\n"


def write_section(path: Path, section: str) -> None:
    """Replace the corpus section of RESULTS.md (from its heading to the next "## " heading), or append it;
    `make bench` keeps everything below its notes heading, where this section lives."""
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    start = text.find(SECTION)
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        end = text.find("\n## ", start + len(SECTION))
        text = text[:start] + section + (text[end + 1:] if end >= 0 else "")
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
