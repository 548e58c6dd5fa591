"""`reviewer batch` end to end with the real engine: folders and a zip in, every document recorded in the
workspace, the triage report out. The report is one self-contained file (nothing it would fetch), opens
in headless Chromium with no network, and ranks every document with a live 密级 marking first."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path

from reviewer.core.reports.triage import Row, neutralise, to_csv
from reviewer.core.service import open_workspace
from reviewer.core.service.batch import jobs
from tests.core.service.batch.corpus import docx_bytes, pdf_bytes

ROOT = Path(__file__).resolve().parents[4]
SAMPLES = ROOT / "resources" / "samples"
SECRET = ["机密★10年", "关于某专项工作的通知", "各区县人民政府：", "现将有关事项通知如下，请认真贯彻落实。"]


class _Table(HTMLParser):
    """The ranked table's rows (tier and cells) and every URL-bearing attribute in the page."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[int, list[str]]] = []
        self.urls: list[str] = []
        self.tags: list[str] = []
        self._cell: list[str] | None = None
        self._row: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        self.urls += [v for k, v in attrs if k in ("src", "href", "action", "data") and v]
        if tag == "tr" and "data-tier" in a:
            self._row = []
            self.rows.append((int(a["data-tier"]), self._row))
        elif tag == "td" and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if tag == "td" and self._cell is not None:
            self._row.append("".join(self._cell))
            self._cell = None
        elif tag == "tr":
            self._row = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def _inputs(tmp_path: Path) -> tuple[list[str], set[str]]:
    folder = tmp_path / "published"
    (folder / "2019").mkdir(parents=True)
    for sample in SAMPLES.iterdir():
        shutil.copy(sample, folder / sample.name)
    secret = docx_bytes(SECRET)
    (folder / "2019" / "secret-notice.docx").write_bytes(secret)
    (folder / "2019" / "secret-plan.pdf").write_bytes(pdf_bytes(["秘密★5年", *SECRET[1:]]))
    (folder / "2019" / "meeting.txt").write_text(
        "关于召开工作会议的通知\n定于下周一上午九时召开工作会议。\n", encoding="utf-8"
    )
    (folder / "2019" / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog")
    received = tmp_path / "received.zip"
    with zipfile.ZipFile(received, "w") as z:
        z.writestr("附件/secret-notice-copy.docx", secret)  # the same bytes: processed once
        z.writestr("附件/roster.txt", "报名名单\n张建国，身份证号码110101199003071237。\n")
    marked = {
        str(folder / "2019" / "secret-notice.docx"),
        str(folder / "2019" / "secret-plan.pdf"),
        f"{received}!/附件/secret-notice-copy.docx",
    }
    return [str(folder), str(received)], marked


def test_batch_command_records_every_document_and_ranks_live_markings_first(tmp_path):
    sources, marked = _inputs(tmp_path)
    out = tmp_path / "report"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "reviewer",
            "batch",
            *sources,
            "--workspace",
            str(tmp_path / "ws"),
            "--workers",
            "2",
            "-o",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 1, run.stderr  # one refused file
    assert "3 with a live 密级 marking" in run.stdout and "1 refused" in run.stdout
    assert re.search(r"\d+/9 100%", run.stderr)  # plain progress lines (stderr is not a terminal here)

    ws = open_workspace(tmp_path / "ws")
    [batch] = jobs.list_batches(ws)
    items = jobs.items(ws, batch.id)
    assert {Path(it.key).name: it.state for it in items if it.state != jobs.DONE} == {
        "broken.pdf": jobs.REFUSED,
        "secret-notice-copy.docx": jobs.DUPLICATE,
    }
    assert len(ws.documents()) == 7 and ws.verify().ok  # every readable document, once, in the workspace
    ws.close()

    page = (out / f"batch-{batch.id}.html").read_text(encoding="utf-8")
    table = _Table()
    table.feed(page)
    assert not table.urls and "script" in table.tags and not re.search(r"(?i)\b(https?:)?//[a-z]", page)
    assert "default-src 'none'" in page  # nothing from outside even if a value looked like a URL
    ranked = [(tier, cells[1]) for tier, cells in table.rows]
    assert len(ranked) == 9
    top = [name for tier, name in ranked[: len(marked)]]
    assert set(top) == marked and all(tier == 0 for tier, _ in ranked[: len(marked)])
    assert all(tier > 0 for tier, _ in ranked[len(marked) :])
    assert ranked[-1] == (5, str(Path(sources[0]) / "2019" / "broken.pdf"))
    for tier, cells in table.rows:
        if cells[1].endswith("meeting.txt"):
            assert tier == 4 and cells[2].startswith("可发布")

    rows = list(csv.reader(io.StringIO((out / f"batch-{batch.id}.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0][:4] == ["rank", "document", "state", "next_step"] and len(rows) == 10
    assert {r[1] for r in rows[1:4]} == marked and all(
        "机密★10年" in r[5] or "秘密★5年" in r[5] for r in rows[1:4]
    )

    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    assert browser, "headless Chromium is a test dependency (Makefile SYSTEM_PACKAGES: chromium)"
    shown = subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--enable-logging=stderr",
            "--v=0",
            "--dump-dom",
            (out / f"batch-{batch.id}.html").as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    dom = _Table()
    dom.feed(shown.stdout)
    assert [(tier, cells[1]) for tier, cells in dom.rows] == ranked  # the browser's table: the same ranking
    assert "Uncaught" not in shown.stderr and "Refused to" not in shown.stderr, shown.stderr[-2000:]


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised():
    assert [neutralise(v) for v in ("=1+1", "+SUM(A1)", "-2", "@cmd", "\tx", "\rx", "正常", 3)] == [
        "'=1+1",
        "'+SUM(A1)",
        "'-2",
        "'@cmd",
        "'\tx",
        "'\rx",
        "正常",
        3,
    ]
    item = jobs.Item(
        1,
        1,
        0,
        '=HYPERLINK("http://x")',
        "s",
        "",
        None,
        0,
        jobs.REFUSED,
        1,
        None,
        None,
        None,
        None,
        None,
        None,
        "=cmd|' /C calc'!A0",
        None,
    )
    batch = jobs.BatchInfo(
        1, "k", "l", {"profile": {"name": "general", "rules": {}}}, "finished", "a", "", ""
    )
    data = list(
        csv.reader(io.StringIO(to_csv(batch, [Row(1, item, None, 5, "refused")]).decode("utf-8-sig")))
    )
    assert data[1][1].startswith("'=") and data[1][data[0].index("error")].startswith("'=")


def test_progress_is_a_bar_on_a_terminal_and_plain_lines_otherwise():
    from reviewer.commands.batch import ProgressLine
    from reviewer.core.service.batch.local import RunProgress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    tty, plain = Terminal(), io.StringIO()
    for stream in (tty, plain):
        show = ProgressLine(stream, every=0)
        show(RunProgress(30, 120, 2, 3.0, 30.0))
        show(RunProgress(120, 120, 2, 3.0, 0.0))
    first = "\r[#######.......................] 30/120  25%  3.00 份/秒 docs/s  剩余 ETA 0:30"
    assert tty.getvalue().startswith(first)
    assert tty.getvalue().endswith("\n") and "\r[" + "#" * 30 + "] 120/120 100%" in tty.getvalue()
    assert plain.getvalue().splitlines()[0] == "30/120  25%  3.00 份/秒 docs/s  剩余 ETA 0:30  失败 failed 2"
    assert "\r" not in plain.getvalue() and len(plain.getvalue().splitlines()) == 2
