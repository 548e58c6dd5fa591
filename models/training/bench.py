"""Benchmark the committed pipeline: load time, NER characters/second, peak memory, size (not a test).

``python -m models.training.bench [--write]`` measures in fresh subprocesses on 2 cores:
- load: ``spacy.load(models/zh_reviewer_ner)`` wall time;
- ner_1proc / ner_2proc: ``nlp.pipe`` over the hand-written gov set + CLUENER dev, 1 and 2 processes;
- served: presidio AnalyzerEngine with only our NER recognizers (``analyze`` per text, 1 process), with and
  without the LAC ensemble;
- throughput per wall second and per CPU second of the measuring process (the machine is shared: the CPU
  figure is what one free core would do);
- peak RSS of the process that loaded and ran the pipeline.
``--write`` stores the numbers under ``reviewer_benchmark`` in meta.json.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from models import PIPELINE_DIR

_LOAD = """
import time, spacy
t = time.perf_counter(); spacy.load({path!r}); print(time.perf_counter() - t)
"""
_PIPE = """
import json, resource, time, spacy
from reviewer.eval.ner import gov_examples, public_examples
texts = [t for t, _ in gov_examples()] + [t for t, _ in public_examples("cluener_dev")]
texts = texts * 3
nlp = spacy.load({path!r})
list(nlp.pipe(texts[:100]))
t, c = time.perf_counter(), time.process_time()
n = sum(len(d.text) for d in nlp.pipe(texts, batch_size=256, n_process={procs}))
dt, dc = time.perf_counter() - t, time.process_time() - c
print(json.dumps({{"chars": n, "seconds": dt, "cpu_seconds": dc,
                  "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""
_SERVED = """
import json, resource, time
from pathlib import Path
from reviewer.eval.ner import gov_examples, public_examples, served_analyzer
texts = [t for t, _ in gov_examples()] + [t for t, _ in public_examples("cluener_dev")]
analyzer = served_analyzer(Path({path!r}), lac_ensemble={lac})
for t in texts[:50]:
    analyzer.analyze(text=t, language="zh")
big = ["\\n".join(texts[i:i + 40]) for i in range(0, len(texts), 40)]  # paragraphs joined like blocks
t0, c0 = time.perf_counter(), time.process_time()
n = 0
for t in big:
    analyzer.analyze(text=t, language="zh")
    n += len(t)
dt, dc = time.perf_counter() - t0, time.process_time() - c0
print(json.dumps({{"chars": n, "seconds": dt, "cpu_seconds": dc,
                  "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def _run(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=900)
    return out.stdout.strip().splitlines()[-1]


def measure(path: Path = PIPELINE_DIR) -> dict[str, float]:
    loads = sorted(float(_run(_LOAD.format(path=str(path)))) for _ in range(3))
    one = json.loads(_run(_PIPE.format(path=str(path), procs=1)))
    two = json.loads(_run(_PIPE.format(path=str(path), procs=2)))
    served = json.loads(_run(_SERVED.format(path=str(path), lac=False)))
    served_lac = json.loads(_run(_SERVED.format(path=str(path), lac=True)))
    size = sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return {
        "load_seconds_median": round(loads[1], 3),
        "ner_chars_per_second_1_process": round(one["chars"] / one["seconds"]),
        "ner_chars_per_cpu_second_1_process": round(one["chars"] / one["cpu_seconds"]),
        "ner_chars_per_second_2_processes": round(two["chars"] / two["seconds"]),
        "served_chars_per_second": round(served["chars"] / served["seconds"]),
        "served_chars_per_cpu_second": round(served["chars"] / served["cpu_seconds"]),
        "served_with_lac_chars_per_cpu_second": round(served_lac["chars"] / served_lac["cpu_seconds"]),
        "peak_rss_mb_ner": round(one["maxrss_mb"]),
        "peak_rss_mb_served": round(served["maxrss_mb"]),
        "peak_rss_mb_served_with_lac": round(served_lac["maxrss_mb"]),
        "load_average_1min_during_run": round(os.getloadavg()[0], 2),
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
