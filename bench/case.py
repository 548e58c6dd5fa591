"""One benchmark case in its own process, so that peak memory (ru_maxrss) is the case's own.

`python -m bench.case KIND PATH TRUTH` prints one JSON object: times (s), characters, recall of the
planted identifiers, peak RSS (MB). KIND is `pipeline` (our load → detect → redact + verify),
`stock` (stock presidio over the same text), `regex` (one combined `re` pass: the floor), `extract`
(text extraction alone, best of 5) or `convert` (a .doc to docx by LibreOffice, fresh).
"""

from __future__ import annotations

import json
import os
import re
import resource
import sys
import tempfile
import time
from pathlib import Path


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _helper_peak_mb() -> float:
    """Peak RSS of the detection helper processes (VmHWM), which run beside this one."""
    from reviewer.core.detection import parallel

    total = 0.0
    for pool in list(parallel._helpers.values()):
        for pid in list(getattr(pool, "_processes", {}) or {}):
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            total += next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")), 0)
    return total / 1024


def _recall(found: set[tuple[str, str]], truth: list[dict]) -> float:
    want = {(p["entity_type"], p["value"]) for p in truth}
    return len(want & found) / len(want) if want else 1.0


def run_pipeline(path: Path, truth: list[dict]) -> dict:
    from reviewer.core.deidentify.export import write_verified
    from reviewer.core.deidentify.plan import plan_from_decisions
    from reviewer.core.deidentify.profiles import load_profile
    from reviewer.core.deidentify.writers import output_format
    from reviewer.core.detection import analyze, parallel
    from reviewer.core.detection.analyze import warm_up
    from reviewer.core.detection.engine import get_engine
    from reviewer.core.documents import load_document

    t0 = time.perf_counter()
    engine = get_engine()
    warm_up(engine)  # as the app's engine process does before it reports ready
    if engine.config.processes > 1:  # the helper process loads its engine once, as the app's does
        parallel.warm_up(str(engine.config.path), min(engine.config.processes, os.cpu_count() or 1) - 1)
    t_engine = time.perf_counter() - t0
    t0 = time.perf_counter()
    document = load_document(path)
    t_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    findings = analyze(document)
    t_detect = time.perf_counter() - t0
    found = {(str(f.entity_type), re.sub(r"\s", "", f.text)) for f in findings}
    t0 = time.perf_counter()
    plan = plan_from_decisions([(f, None) for f in findings], load_profile("general"))
    with tempfile.TemporaryDirectory() as tmp:
        write_verified(document, plan, Path(tmp) / f"out.{output_format(document.format)}")  # a .doc's copy: docx
    t_redact = time.perf_counter() - t0
    return {"chars": len(document.text), "engine_load_s": t_engine, "load_s": t_load, "detect_s": t_detect,
            "redact_verify_s": t_redact, "values": len(plan.values), "findings": len(findings),
            "recall": _recall(found, truth),
            "peak_mb": _peak_mb(), "helper_peak_mb": _helper_peak_mb()}


def run_stock(path: Path, truth: list[dict], limit: int, slices: bool) -> dict:
    """Stock presidio over the document's text (its first ``limit`` characters): in one ``analyze`` call,
    as the issue's baseline reads ("over the same text"), or fed 5k-character slices, kinder to presidio
    (its lemma context enhancer scans the token list once per result, so one call grows quadratically)."""
    from reviewer.core.documents import load_document

    text = load_document(path).text[:limit]
    from bench.detection import STOCK_TYPES, stock_presidio

    engine = stock_presidio()
    engine.analyze(text="电话 13812345678", language="en")  # first-call set-up outside the timing
    step = 5000 if slices else len(text)
    t0 = time.perf_counter()
    results = []
    for i in range(0, len(text), step):
        results.extend((r, i) for r in engine.analyze(text=text[i:i + step], language="en"))
    t = time.perf_counter() - t0
    found = set()
    for r, offset in results:
        value = re.sub(r"\s", "", text[offset + r.start:offset + r.end])
        found.add((STOCK_TYPES.get(r.entity_type, r.entity_type), value))
        found.add(("CN_ID_CARD", value) if r.entity_type in ("PHONE_NUMBER", "US_BANK_NUMBER") else ("", ""))
    scoped = [p for p in truth if p["value"] in text]
    return {"chars": len(text), "detect_s": t, "recall": _recall(found, scoped), "planted": len(scoped),
            "peak_mb": _peak_mb()}


def run_regex(path: Path) -> dict:
    from reviewer.core.detection.engine import get_engine
    from reviewer.core.documents import load_document

    text = load_document(path).text
    engine = get_engine()
    patterns = []
    for recognizer in engine.analyzer.registry.recognizers:
        for pattern in getattr(recognizer, "patterns", []) or []:
            patterns.append(f"(?:{pattern.regex})")
    combined = re.compile("|".join(patterns))
    t0 = time.perf_counter()
    n = sum(1 for _ in combined.finditer(text))
    t = time.perf_counter() - t0
    t0 = time.perf_counter()
    pattern_results = 0
    for i in range(0, len(text), engine.config.chunk_chars):
        pattern_results += len(engine.analyze_patterns(text[i:i + engine.config.chunk_chars],
                                                       threshold=engine.config.default_threshold))
    t_ours = time.perf_counter() - t0
    return {"chars": len(text), "bytes": len(text.encode("utf-8")), "patterns": len(patterns), "regex_s": t,
            "regex_matches": n, "ours_patterns_s": t_ours, "ours_pattern_results": pattern_results,
            "peak_mb": _peak_mb()}


def run_extract(path: Path, repeat: int = 5) -> dict:
    """Text extraction alone (our reader: text plus a box per character), best of ``repeat`` after one
    warm-up, as the pdftotext floor is measured."""
    from reviewer.core.documents import load_document

    t0 = time.perf_counter()
    load_document(path)  # the first open: a long PDF's page-reading helper is still starting
    first = time.perf_counter() - t0
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        document = load_document(path)
        times.append(time.perf_counter() - t0)
    pages = "".join(b.text for b in document.blocks if b.kind == "page")
    return {"chars": len(document.text), "nonblank": sum(not ch.isspace() for ch in pages),
            "extract_s": min(times), "first_s": first, "peak_mb": _peak_mb()}


def run_convert(path: Path) -> dict:
    """A .doc → docx conversion by LibreOffice in a fresh process (no session cache), and its page count."""
    import hashlib
    import zipfile

    from reviewer.core.documents.legacy import convert

    data = path.read_bytes()
    t0 = time.perf_counter()
    converted = convert.to_docx(data, hashlib.sha256(data).hexdigest(), "doc", str(path))
    seconds = time.perf_counter() - t0
    body = zipfile.ZipFile(converted.docx).read("word/document.xml")
    pages = body.count(b'w:type="page"') + 1  # LibreOffice stores no page count: the explicit page breaks
    return {"convert_s": seconds, "pages": pages, "tool": converted.tool, "peak_mb": _peak_mb()}


def main(argv: list[str]) -> int:
    kind, path, truth_path = argv[0], Path(argv[1]), Path(argv[2])
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    if kind == "pipeline":
        result = run_pipeline(path, truth)
    elif kind == "stock":
        result = run_stock(path, truth, int(argv[3]), slices=argv[4] == "slices")
    elif kind == "regex":
        result = run_regex(path)
    elif kind == "extract":
        result = run_extract(path)
    elif kind == "convert":
        result = run_convert(path)
    else:
        raise SystemExit(f"unknown case {kind}")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
