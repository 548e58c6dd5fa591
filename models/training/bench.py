"""Benchmark the committed pipeline: load time, NER characters/second, peak memory, size (not a test).

``python -m models.training.bench [--write]`` measures in fresh subprocesses:
- load: ``load_spacy_pipeline(models/zh_reviewer_ner)`` wall time (median of 3);
- ner: ``nlp.pipe`` over the hand-written gov set + CLUENER dev (x3), with OpenBLAS on 1 thread and on
  2 threads (both cores: the matrix products split, the rest of the pipeline is one thread); on 1 thread
  also with thinc's own tok2vec layers (``fast=False``: no fast_tok2vec), the same-run baseline for it;
- served: presidio AnalyzerEngine with only our NER recognizers (``analyze`` per paragraph of 40
  sentences), on 2 threads, with and without the LAC ensemble;
- served in the product: the NER stage of ``reviewer.core.detection.analyze`` (``ner_chunk``: batched
  ``nlp.pipe``, our recognizers through presidio with the artifacts given, the rules), one process, one BLAS
  thread, over the same texts as blocks in chunks of 400 (about 20k characters, as analyze() cuts them) (only for the committed model: the engine loads
  the model its configuration names);
- ``nlp.pipe(n_process=2)`` for comparison (each worker pickles its Docs back: slower here);
- peak RSS of the process that loaded and ran the pipeline, and the load average during the run.
``--write`` stores the numbers under ``reviewer_benchmark`` in meta.json and in models/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from models import PIPELINE_DIR


def _peak_mb() -> float:
    """This process's peak RSS (VmHWM). Not ru_maxrss: Linux carries that over exec from the parent,
    so under `make model` (a 2 GB training process) every subprocess reported 2,014 MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

_LOAD = """
import time
from reviewer.core.detection.ner import load_spacy_pipeline
t = time.perf_counter(); load_spacy_pipeline({path!r}); print(time.perf_counter() - t)
"""
_PIPE = """
import json, time
from models.training.bench import _peak_mb
from reviewer.core.detection.ner import load_spacy_pipeline
from reviewer.eval.ner import gov_examples, public_examples
texts = [t for t, _ in gov_examples()] + [t for t, _ in public_examples("cluener_dev")]
texts = texts * 3
nlp = load_spacy_pipeline({path!r}, fast={fast})
list(nlp.pipe(texts[:200]))
best = None
for _ in range(3):
    t, c = time.perf_counter(), time.process_time()
    n = sum(len(d.text) for d in nlp.pipe(texts, batch_size=256, n_process={procs}))
    dt, dc = time.perf_counter() - t, time.process_time() - c
    if best is None or dt < best[1]:
        best = (n, dt, dc)
print(json.dumps({{"chars": best[0], "seconds": best[1], "cpu_seconds": best[2],
                  "maxrss_mb": _peak_mb()}}))
"""
_SERVED = """
import json, time
from models.training.bench import _peak_mb
from pathlib import Path
from reviewer.eval.ner import gov_examples, public_examples, served_analyzer
texts = [t for t, _ in gov_examples()] + [t for t, _ in public_examples("cluener_dev")]
analyzer = served_analyzer(Path({path!r}), lac_ensemble={lac})
for t in texts[:50]:
    analyzer.analyze(text=t, language="zh")
big = ["\\n".join(texts[i:i + 40]) for i in range(0, len(texts), 40)]  # paragraphs joined like blocks
best = None
for _ in range(2):
    t0, c0 = time.perf_counter(), time.process_time()
    n = 0
    for t in big:
        analyzer.analyze(text=t, language="zh")
        n += len(t)
    dt, dc = time.perf_counter() - t0, time.process_time() - c0
    if best is None or dt < best[1]:
        best = (n, dt, dc)
print(json.dumps({{"chars": best[0], "seconds": best[1], "cpu_seconds": best[2],
                  "maxrss_mb": _peak_mb()}}))
"""
_PRODUCT = """
import json, time
from threadpoolctl import threadpool_limits
from models.training.bench import _peak_mb
from reviewer.core.detection.analyze import ner_chunk
from reviewer.core.detection.engine import get_engine
from reviewer.core.documents.model import Block, BlockKind
from reviewer.eval.ner import gov_examples, public_examples
texts = [t for t, _ in gov_examples()] + [t for t, _ in public_examples("cluener_dev")]
blocks, start = [], 0
for i, t in enumerate(texts):
    blocks.append(Block(kind=BlockKind.PARAGRAPH, part="body", path=f"p[{{i}}]", text=t, start=start))
    start += len(t) + 1
threadpool_limits(1)
engine = get_engine()
limit = engine.config.default_threshold
ner_chunk(engine, blocks[:50], limit, None)
best = None
for _ in range(2):
    t0, c0 = time.perf_counter(), time.process_time()
    n = 0
    for i in range(0, len(blocks), 400):  # chunks of about 20k characters, as analyze() makes them
        ner_chunk(engine, blocks[i:i + 400], limit, None)
        n += sum(len(b.text) for b in blocks[i:i + 400])
    dt, dc = time.perf_counter() - t0, time.process_time() - c0
    if best is None or dt < best[1]:
        best = (n, dt, dc)
print(json.dumps({{"chars": best[0], "seconds": best[1], "cpu_seconds": best[2],
                  "maxrss_mb": _peak_mb()}}))
"""


def _run(code: str, threads: int | None = None) -> str:
    env = dict(os.environ)
    env.pop("OPENBLAS_NUM_THREADS", None)
    if threads is not None:
        env["OPENBLAS_NUM_THREADS"] = str(threads)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=900,
                         env=env)
    return out.stdout.strip().splitlines()[-1]


def measure(path: Path = PIPELINE_DIR) -> dict[str, float]:
    loads = sorted(float(_run(_LOAD.format(path=str(path)))) for _ in range(3))
    one = json.loads(_run(_PIPE.format(path=str(path), procs=1, fast=True), threads=1))
    plain = json.loads(_run(_PIPE.format(path=str(path), procs=1, fast=False), threads=1))
    two = json.loads(_run(_PIPE.format(path=str(path), procs=1, fast=True), threads=2))
    procs = json.loads(_run(_PIPE.format(path=str(path), procs=2, fast=True), threads=1))
    served = json.loads(_run(_SERVED.format(path=str(path), lac=False), threads=2))
    served_lac = json.loads(_run(_SERVED.format(path=str(path), lac=True), threads=2))
    product = json.loads(_run(_PRODUCT.format(), threads=1)) if path.resolve() == PIPELINE_DIR.resolve() else None
    size = sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return {
        "load_seconds_median": round(loads[1], 3),
        "ner_chars_per_second_1_thread": round(one["chars"] / one["seconds"]),
        "ner_chars_per_second_1_thread_thinc_tok2vec": round(plain["chars"] / plain["seconds"]),
        "ner_chars_per_second_2_threads": round(two["chars"] / two["seconds"]),
        "ner_chars_per_second_2_processes": round(procs["chars"] / procs["seconds"]),
        "served_chars_per_second_2_threads": round(served["chars"] / served["seconds"]),
        "served_with_lac_chars_per_second_2_threads": round(served_lac["chars"] / served_lac["seconds"]),
        **({"served_in_the_product_chars_per_second_1_thread": round(product["chars"] / product["seconds"]),
            "peak_rss_mb_served_in_the_product": round(product["maxrss_mb"])} if product else {}),
        "peak_rss_mb_ner": round(two["maxrss_mb"]),
        "peak_rss_mb_served": round(served["maxrss_mb"]),
        "peak_rss_mb_served_with_lac": round(served_lac["maxrss_mb"]),
        "load_average_1min_after_run": round(os.getloadavg()[0], 2),
        "model_size_mb": round(size / 1024 / 1024, 2),
    }


BENCH_BEGIN, BENCH_END = "<!-- bench:begin -->", "<!-- bench:end -->"
README = PIPELINE_DIR.parent / "README.md"


def write(numbers: dict[str, float], path: Path = PIPELINE_DIR) -> None:
    """Store the numbers in meta.json (``reviewer_benchmark``) and the table in models/README.md."""
    meta_path = path / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["reviewer_benchmark"] = numbers
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    text = README.read_text(encoding="utf-8")
    if BENCH_BEGIN in text and BENCH_END in text:
        head, rest = text.split(BENCH_BEGIN, 1)
        table = "\n".join(["| measure | value |", "|---|---|"] + [f"| {k} | {v} |" for k, v in numbers.items()])
        README.write_text(f"{head}{BENCH_BEGIN}\n{table}\n{BENCH_END}{rest.split(BENCH_END, 1)[1]}",
                          encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, default=PIPELINE_DIR)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    numbers = measure(args.model)
    print(json.dumps(numbers, indent=1))
    if args.write:
        write(numbers, args.model)
    return 0


if __name__ == "__main__":
    sys.exit(main())
