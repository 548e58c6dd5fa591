"""`python -m bench.ocr`: OCR speed, accuracy and memory in one process; prints one JSON object.

Measured on pages made here (tests/ocr_fixtures.py): a dense A4 page of body text at 200 dpi, read by
RapidOCR's own call and by our engine (same models, one onnxruntime thread each, alternating runs, best
of each), by our helper processes on both cores, and by Tesseract chi_sim when it is installed; then a
20-page scanned PDF opened and detected with the cache off (helpers started first, as in the app).
Accuracy is the share of the page's characters read in place (difflib's matching blocks, whitespace
removed).
"""

from __future__ import annotations

import difflib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _accuracy(truth: str, read: str) -> float:
    a = "".join(truth.split())
    b = "".join(read.split())
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / max(len(a), 1)


def _status_mb(pid: int | str, field: str = "VmHWM") -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    return next((int(line.split()[1]) for line in status.splitlines() if line.startswith(field + ":")), 0) / 1024


class _Sampler:
    """The largest sum of resident memory of this process and its helpers, sampled every 50 ms: the memory
    all processes hold at the same moment (the sum of each one's own peak counts peaks that never meet)."""

    def __init__(self) -> None:
        import threading

        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(0.05):
            pids = ["self"] + [pid for pids in _helper_pids().values() for pid in pids]
            self.peak = max(self.peak, sum(_status_mb(pid, "VmRSS") for pid in pids))

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak


def _helper_pids() -> dict[str, list[int]]:
    from reviewer.core.detection import parallel
    from reviewer.core.documents.ocr import pool as ocr_pool
    from reviewer.core.documents.pdf import pages

    found: dict[str, list[int]] = {}
    pools = {"ocr": [ocr_pool._pool], "detection": list(parallel._helpers.values()), "pdf pages": [pages._pool]}
    for name, items in pools.items():
        for p in items:
            found.setdefault(name, []).extend(getattr(p, "_processes", None) or {})
    return found


def main() -> int:
    import numpy as np
    from rapidocr import RapidOCR

    from reviewer.core.documents.ocr import engine
    from reviewer.core.documents.ocr.engine import RapidOcrEngine
    from tests import ocr_fixtures

    os.environ["REVIEWER_OCR_CACHE"] = "off"
    image, lines = ocr_fixtures.dense_page(200)
    rgb = np.asarray(image.convert("RGB"))
    bgr = np.ascontiguousarray(rgb[:, :, ::-1])
    truth = "".join(lines)
    one_thread = {"Global.log_level": "error", "EngineConfig.onnxruntime.intra_op_num_threads": 1,
                  "EngineConfig.onnxruntime.inter_op_num_threads": 1}
    stock = RapidOCR(params=one_thread)  # its defaults
    same = RapidOCR(params={**one_thread, "Global.max_side_len": engine.DET_SIDE,
                            "Rec.rec_batch_num": engine.REC_BATCH})  # the same detection input as ours
    ours = RapidOcrEngine()
    stock(bgr)
    same(bgr)
    ours.recognise(rgb)  # models loaded, arenas warm
    stock_times, same_times, our_times = [], [], []
    for _ in range(3):
        t0 = time.perf_counter()
        stock_out = stock(bgr)
        stock_times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        same_out = same(bgr)
        same_times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        our_lines = ours.recognise(rgb)
        our_times.append(time.perf_counter() - t0)
    from reviewer.core.documents.ocr.layout import reading_order

    our_text = "".join(line.text for row in reading_order(our_lines) for line in row)
    result: dict[str, object] = {
        "page_px": list(image.size), "chars": len(truth),
        "stock_s": min(stock_times), "same_s": min(same_times), "ours_s": min(our_times),
        "stock_accuracy": _accuracy(truth, "".join(stock_out.txts or ())),
        "same_accuracy": _accuracy(truth, "".join(same_out.txts or ())), "ours_accuracy": _accuracy(truth, our_text),
    }
    # both cores: the helper processes, on copies of the page (no cache)
    from reviewer.core.documents.ocr.pool import Job, recognise_jobs, warm_up, workers

    warm_up()
    copies = 8
    t0 = time.perf_counter()
    recognise_jobs([Job(None, lambda: rgb) for _ in range(copies)], use_cache=False)
    result["pool_workers"] = workers()
    result["pool_pages_per_min"] = copies / (time.perf_counter() - t0) * 60
    # Tesseract chi_sim, when installed
    tesseract = shutil.which("tesseract")
    langs = subprocess.run([tesseract, "--list-langs"], capture_output=True, text=True).stdout if tesseract else ""
    if tesseract and "chi_sim" in langs.split():
        with tempfile.TemporaryDirectory() as tmp:
            png = Path(tmp) / "page.png"
            image.save(png, dpi=(200, 200))
            env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
            times = []
            for _ in range(2):
                t0 = time.perf_counter()
                out = subprocess.run([tesseract, str(png), "stdout", "-l", "chi_sim"], capture_output=True,
                                     text=True, env=env).stdout
                times.append(time.perf_counter() - t0)
        result["tesseract_s"] = min(times)
        result["tesseract_accuracy"] = _accuracy(truth, out)
        result["tesseract_version"] = subprocess.run([tesseract, "--version"], capture_output=True,
                                                     text=True).stdout.splitlines()[0]
    # a 20-page scanned PDF in a process of its own (its own peak memory)
    proc = subprocess.run([sys.executable, "-m", "bench.ocr", "scan"], capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(proc.stderr[-3000:])
    result.update(json.loads(proc.stdout.strip().splitlines()[-1]))
    print(json.dumps(result))
    return 0


def scan() -> int:
    """Open and detect a 20-page scanned PDF (200 dpi, OCR cache off); the peak RSS of every process."""
    from tests import ocr_fixtures

    os.environ["REVIEWER_OCR_CACHE"] = "off"
    result: dict[str, object] = {}
    pages, planted = [], ocr_fixtures.Planted()
    for k in range(10):
        penalty, p1 = ocr_fixtures.penalty_pdf()
        roster, p2 = ocr_fixtures.roster_pdf()
        pages.append(ocr_fixtures.rasterise(penalty, 200, seed=10 + k, tilt=(k % 5 - 2) * 0.7))
        pages.append(ocr_fixtures.rasterise(roster, 200, seed=30 + k, tilt=-1.2, quarter=(k == 3)))
        planted.extend(p1)
        planted.extend(p2)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "scan-20p.pdf"
        path.write_bytes(ocr_fixtures.scanned_pdf(pages, 200))
        del pages
        Path("/proc/self/clear_refs").write_text("5")  # this process's peak from here on (not the page making)
        sampler = _Sampler()
        from reviewer.core.detection import analyze
        from reviewer.core.detection.engine import get_engine
        from reviewer.core.documents import load_document

        get_engine()  # the NER model loaded, as the app does at start-up
        t0 = time.perf_counter()
        document = load_document(path)
        result["open_s"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        findings = analyze(document)
        result["detect_s"] = time.perf_counter() - t0
    found = {(f.text, str(f.entity_type)) for f in findings}
    wanted = ([(v, "CN_ID_CARD") for v in set(planted.ids)] + [(v, "CN_MOBILE_PHONE") for v in set(planted.phones)]
              + [(v, "PERSON") for v in set(planted.names)])
    result["scan_recall"] = sum(w in found for w in wanted) / len(wanted)
    result["pages"] = 20
    together = sampler.stop()
    parent = _status_mb("self")
    helpers = {name: sum(_status_mb(pid) for pid in pids) for name, pids in _helper_pids().items()}
    result["peak_rss_mb"] = {"main": parent, **helpers, "sum of peaks": parent + sum(helpers.values()),
                             "together": together}
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(scan() if sys.argv[1:] == ["scan"] else main())
