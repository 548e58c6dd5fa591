"""Load many files in one long-lived child process, each with its own time limit.

A subprocess per file costs a second of imports (and ten with the detector); one worker that loads
file after file is fast, and still sees a crash (the worker dies: segfault, abort, os._exit) or a hang
(no answer within the timeout: the worker is killed and a new one started) as such. Used by
`bench/corpus.py --load-only`, `bench/fuzz.py` and tests/core/reliability.

Outcomes per file: "read", "clean_error" (a ReviewerError, its one-line message kept), "crash" (any
other exception, with its traceback, or the worker died) and "over_time". With `redact=True` the worker
also de-identifies what it read as `reviewer redact` does (general profile, every finding accepted,
write → verify) and answers "exit0", "exit3" (verification failed: what survived and where), "exit1"
(refused with a clean message), "crash" or "over_time"; `Result.details` holds the findings, the notes
and the image bytes before and after.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

OUTCOMES = ("read", "clean_error", "crash", "over_time")


@dataclass(frozen=True, slots=True)
class Result:
    path: str
    outcome: str
    message: str
    elapsed: float
    fallback: bool = False  # a clean error made by the loader's catch-all (a reader bug hiding behind it)
    details: dict | None = None  # findings and CJK characters read; with redact: notes, survivors, image bytes


class IsolatedLoader:
    """`with IsolatedLoader(timeout=10) as loader: loader.load(path)` -> Result."""

    def __init__(self, timeout: float = 30.0, *, detect: bool = False, limits: dict | None = None,
                 redact: bool = False) -> None:
        self.timeout = timeout
        self.detect = detect or redact
        self.redact = redact
        self.limits = limits or {}
        self._proc: subprocess.Popen | None = None
        self.restarts = 0

    def __enter__(self) -> IsolatedLoader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _start(self) -> subprocess.Popen:
        if self._proc is None or self._proc.poll() is not None:
            config = json.dumps({"detect": self.detect, "limits": self.limits, "redact": self.redact})
            env = {**os.environ, "PYTHONFAULTHANDLER": "1"}
            if getattr(self, "_stderr", None) is not None:
                self._stderr.close()
            self._stderr = tempfile.TemporaryFile()  # a pipe nobody reads would block a chatty worker
            self._proc = subprocess.Popen([sys.executable, "-m", "bench.isolated", "--worker", config],
                                          stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                          stderr=self._stderr, cwd=Path(__file__).resolve().parent.parent,
                                          env=env)
            self._wait_line(self._proc, 120.0)  # "ready" after the imports: not counted against a file
        return self._proc

    def load(self, path: str | Path) -> Result:
        proc = self._start()
        started = time.perf_counter()
        assert proc.stdin is not None
        try:
            proc.stdin.write((json.dumps(str(path)) + "\n").encode())
            proc.stdin.flush()
        except BrokenPipeError:
            pass
        line = self._wait_line(proc, self.timeout)
        elapsed = time.perf_counter() - started
        if line is None:
            if not getattr(proc, "_eof", False) and proc.poll() is None:
                self._kill()
                return Result(str(path), "over_time", f"> {self.timeout:.0f} s", elapsed)
            stderr = self._drain_stderr(proc)
            self._discard()
            self.restarts += 1
            return Result(str(path), "crash", f"worker died (exit {proc.returncode}): {stderr[-600:]}", elapsed)
        reply = json.loads(line)
        return Result(str(path), reply["outcome"], reply["message"], elapsed, reply.get("fallback", False),
                      reply.get("details"))

    def _wait_line(self, proc: subprocess.Popen, timeout: float) -> str | None:
        """One line from the worker, or None on timeout / EOF."""
        assert proc.stdout is not None
        fd = proc.stdout.fileno()
        deadline = time.monotonic() + timeout
        buffer = getattr(proc, "_pending", b"")
        while b"\n" not in buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                proc._pending = buffer  # type: ignore[attr-defined]
                return None
            ready, _, _ = select.select([fd], [], [], remaining)
            if not ready:
                continue
            chunk = os.read(fd, 65536)
            if not chunk:  # the worker closed its end: it died (it may not be reaped yet)
                proc._pending = buffer  # type: ignore[attr-defined]
                proc._eof = True  # type: ignore[attr-defined]
                return None
            buffer += chunk
        line, _, rest = buffer.partition(b"\n")
        proc._pending = rest  # type: ignore[attr-defined]
        return line.decode()

    def _drain_stderr(self, proc: subprocess.Popen) -> str:
        proc.wait()
        self._stderr.seek(0)
        return self._stderr.read()[-4000:].decode("utf-8", "replace")

    def _kill(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            self._proc.kill()
            self._proc.wait()
        self._discard()
        self.restarts += 1

    def _discard(self) -> None:
        if self._proc is not None:
            for stream in (self._proc.stdin, self._proc.stdout):
                if stream is not None:
                    stream.close()
        self._proc = None

    def close(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            self._proc.stdin.close()  # type: ignore[union-attr]
            try:
                self._proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
        if self._proc is not None:
            if self._proc.stdout is not None:
                self._proc.stdout.close()
        if getattr(self, "_stderr", None) is not None:
            self._stderr.close()
            self._stderr = None
        self._proc = None


def _worker(config: dict) -> None:
    """Child side: one JSON path a line in, one JSON result a line out."""
    import traceback

    from reviewer.core.documents import load_document
    from reviewer.core.errors import ReviewerError

    analyze = None
    if config.get("detect"):
        from reviewer.core.detection import analyze
    out = os.fdopen(os.dup(1), "w")  # the protocol channel; stray prints of libraries go to stderr
    os.dup2(2, 1)
    out.write("ready\n")
    out.flush()
    for line in sys.stdin:
        path = json.loads(line)
        try:
            document = load_document(path, **config.get("limits", {}))
            findings = list(analyze(document)) if analyze is not None else []
            details = {"findings": len(findings), "cjk": sum("\u4e00" <= ch <= "\u9fff" for ch in document.text)}
            reply = {"outcome": "read", "message": "", "details": details}
            if config.get("redact"):
                reply = _redact(document, findings, details)
        except ReviewerError as exc:
            cause = exc.__cause__
            fallback = cause is not None and not isinstance(cause, ReviewerError)
            reply = {"outcome": "clean_error", "message": str(exc), "fallback": fallback}
            if fallback:
                reply["message"] += "\n" + "".join(traceback.format_exception(cause))[-1500:]
        except BaseException:  # noqa: BLE001 - this is what we are looking for
            reply = {"outcome": "crash", "message": traceback.format_exc()[-3000:]}
        out.write(json.dumps(reply) + "\n")
        out.flush()


def _redact(document, findings: list, details: dict) -> dict:  # noqa: ANN001
    """What `reviewer redact INPUT -o OUT` does with every finding accepted under the general profile."""
    from reviewer.core.deidentify.errors import VerificationFailed
    from reviewer.core.deidentify.export import write_verified
    from reviewer.core.deidentify.plan import plan_from_decisions
    from reviewer.core.deidentify.profiles import load_profile
    from reviewer.core.errors import ReviewerError

    plan = plan_from_decisions([(f, None) for f in findings], load_profile("general"))
    details = {**details, "values": len(plan.values), "images_in": image_bytes(document.path)}
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / f"copy.{document.format}"
        try:
            result = write_verified(document, plan, output)
        except VerificationFailed as exc:
            report = exc.report
            details["survivors"] = [f"{s.value!r} @ {s.where}" for s in report.survivors][:50]
            details["residues"] = list(report.residues)[:50]
            return {"outcome": "exit3", "message": str(exc).splitlines()[0][-600:], "details": details}
        except ReviewerError as exc:
            return {"outcome": "exit1", "message": str(exc), "details": details}
        details["notes"] = list(result.notes)
        details["images_out"] = image_bytes(output)
        details["size_in"], details["size_out"] = Path(document.path).stat().st_size, output.stat().st_size
    return {"outcome": "exit0", "message": "", "details": details}


def image_bytes(path: str | Path) -> int:
    """Bytes of the pictures a PDF or docx holds (as stored: compressed); 0 when it cannot be read."""
    import zipfile

    path = Path(path)
    try:
        if path.suffix.lower() == ".pdf" or path.read_bytes()[:5] == b"%PDF-":
            import pikepdf

            with pikepdf.open(path) as pdf:
                return sum(len(o.read_raw_bytes()) for o in pdf.objects
                           if isinstance(o, pikepdf.Stream) and o.get("/Subtype") == "/Image")
        with zipfile.ZipFile(path) as z:
            return sum(i.compress_size for i in z.infolist() if i.filename.startswith("word/media/"))
    except Exception:  # noqa: BLE001 - a file no library opens has no pictures to count
        return 0


if __name__ == "__main__" and len(sys.argv) == 3 and sys.argv[1] == "--worker":
    _worker(json.loads(sys.argv[2]))
