"""Detection throughput in one run: our patterns, the single-`re` floor, our whole pipeline, stock presidio.

    python -m bench.detection [--chars 1000000] [--pipeline-chars 200000] [--stock-chars 100000]

All four run on the same deterministic government prose with personal information sprinkled in
(bench.generate.paragraphs). A benchmark, not a test: it prints characters per second (and UTF-8
MB/s), ratios, and recall on the planted identifiers; it asserts nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import random
import re
import resource
import tempfile
import time

from bench.generate import SEED, paragraphs


def _document(texts: list[str]):
    from reviewer.core.documents.model import Block, BlockKind, Document, DocumentFormat

    blocks = [Block(kind=BlockKind.PARAGRAPH, part="body", path=f"p[{i}]", text=t) for i, t in enumerate(texts)]
    data = "\n".join(texts).encode("utf-8")
    return Document.build(path="bench", format=DocumentFormat.TXT, sha256=hashlib.sha256(data).hexdigest(),
                          size=len(data), blocks=blocks)


def _prefix(texts: list[str], n_chars: int) -> list[str]:
    out, total = [], 0
    for t in texts:
        if total >= n_chars:
            break
        out.append(t)
        total += len(t) + 1
    return out


def _recall(found: set[tuple[str, str]], planted, text: str) -> float:
    scoped = [p for p in planted if p.value in text]
    return sum((p.entity_type, p.value) in found for p in scoped) / max(1, len(scoped))


def _timed(fn):
    t0 = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - t0


def stock_presidio():
    """presidio's default recognizers over a blank zh spaCy pipeline, under the "en" code (its
    recognizers are registered for English only): what a user gets by pointing presidio at Chinese."""
    import spacy
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    from reviewer.core.detection.engine import make_tldextract_offline

    make_tldextract_offline()
    folder = tempfile.mkdtemp(prefix="blank-zh-")
    spacy.blank("zh").to_disk(folder)
    provider = NlpEngineProvider(nlp_configuration={"nlp_engine_name": "spacy",
                                                    "models": [{"lang_code": "en", "model_name": folder}]})
    return AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])


STOCK_TYPES = {"EMAIL_ADDRESS": "EMAIL_ADDRESS", "PHONE_NUMBER": "CN_MOBILE_PHONE", "CREDIT_CARD": "CN_BANK_CARD"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=1_000_000, help="text for the pattern measurements")
    parser.add_argument("--pipeline-chars", type=int, default=200_000, help="text for the whole pipeline (NER)")
    parser.add_argument("--stock-chars", type=int, default=50_000, help="text for stock presidio (slow)")
    args = parser.parse_args(argv)

    from reviewer.core.detection import analyze
    from reviewer.core.detection.analyze import analyze_patterns, warm_up

    def _warmed(engine):
        warm_up(engine)  # as the app's engine process does before it reports ready
        return engine
    from reviewer.core.detection.engine import get_engine
    from reviewer.core.detection.recognizers import CnPatternRecognizer

    texts, planted = paragraphs(random.Random(SEED), args.chars)
    document = _document(texts)
    text = document.text
    n = len(text)
    mb = len(text.encode("utf-8")) / 1e6
    engine, t_load = _timed(lambda: _warmed(get_engine()))
    if engine.config.processes > 1:
        from reviewer.core.detection import parallel

        parallel.warm_up(str(engine.config.path), min(engine.config.processes, os.cpu_count() or 1) - 1)
    rows: list[tuple[str, int, float, str]] = []

    # 1. floor: every pattern of ours in one combined `re` pass, no validation, no context
    patterns = [p.regex for r in engine.analyzer.registry.recognizers if isinstance(r, CnPatternRecognizer)
                for p in r.patterns]
    combined = re.compile("|".join(f"(?:{p})" for p in patterns))
    _, t_floor = _timed(lambda: sum(1 for _ in combined.finditer(text)))
    rows.append((f"single re pass ({len(patterns)} patterns)", n, t_floor, ""))

    # 2. our pattern recognizers through presidio (normalise, validate, context, overlaps, findings)
    findings, t_patterns = _timed(lambda: analyze_patterns(document))
    found = {(f.entity_type, f.text) for f in findings}
    rows.append(("ours: pattern recognizers", n, t_patterns, f"recall {_recall(found, planted, text):.1%}"))

    # 3. our whole pipeline (patterns + NER + restricted content) on a prefix
    small = _document(_prefix(texts, args.pipeline_chars))
    findings, t_pipe = _timed(lambda: analyze(small))
    found = {(f.entity_type, f.text) for f in findings}
    rows.append(("ours: whole pipeline (NER, restricted)", len(small.text), t_pipe,
                 f"recall {_recall(found, planted, small.text):.1%}"))

    # 4. stock presidio on a prefix, fed 5k-character slices
    stock_text = _document(_prefix(texts, args.stock_chars)).text
    stock, t_stock_load = _timed(stock_presidio)

    def run_stock():
        out = set()
        for i in range(0, len(stock_text), 5000):
            part = stock_text[i:i + 5000]
            for r in stock.analyze(text=part, language="en"):
                out.add((STOCK_TYPES.get(r.entity_type, r.entity_type), re.sub(r"\s", "", part[r.start:r.end])))
        return out

    found, t_stock = _timed(run_stock)
    rows.append(("stock presidio, 5k-char slices", len(stock_text), t_stock,
                 f"recall {_recall(found, planted, stock_text):.1%}"))
    # the same text in one call: presidio's lemma context enhancer scans token lists per result
    _, t_stock_long = _timed(lambda: stock.analyze(text=stock_text, language="en"))
    rows.append(("stock presidio, one call", len(stock_text), t_stock_long, ""))

    print(f"machine: {platform.machine()} {platform.processor() or ''} {platform.python_version()}, "
          f"engine load {t_load:.2f} s, stock load {t_stock_load:.2f} s, NER pipes {engine.nlp.pipe_names}")
    print(f"text: {n:,} characters ({mb:.2f} MB UTF-8), {len(planted):,} planted identifiers\n")
    print(f"{'measurement':<48}{'chars':>11}{'seconds':>9}{'chars/s':>12}{'MB/s':>7}  notes")
    for name, chars, seconds, note in rows:
        rate = chars / seconds
        print(f"{name:<48}{chars:>11,}{seconds:>9.2f}{rate:>12,.0f}{rate * mb / n:>7.2f}  {note}")
    pattern_rate, floor_rate = n / t_patterns, n / t_floor
    pipe_rate, stock_rate = len(small.text) / t_pipe, len(stock_text) / t_stock
    print(f"\npatterns vs single-re floor: {floor_rate / pattern_rate:.2f}x slower (target <= 3x); "
          f"patterns {pattern_rate * mb / n:.2f} MB/s (target >= 1 MB/s)")
    print(f"whole pipeline vs stock presidio: {pipe_rate / stock_rate:.1f}x faster; "
          f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
