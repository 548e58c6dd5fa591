"""`reviewer doctor [--workspace DIR] [--resources DIR] [--font PATH]`: check the installation.

One line per check, `OK` or `FAIL`, and for a failure what to do about it: the NER model (present,
loads, how long it takes), every resource YAML through the loader that uses it (analyzer.yaml,
classified.yaml, legal_basis.yaml, judgments.yaml, renamed_bodies.yaml, profiles/*.yaml), the workspace (opens
and reads), the CJK font
for PDF review logs, Qt (imports; starts offscreen; a CJK font for the window) and LibreOffice
(reads .doc/.wps/.rtf/.odt; without it, what to install). Exit 0 when all
pass, 1 on any failure. `--resources` checks another resources folder (e.g. one an administrator
edited) before it is deployed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reviewer.core.errors import ReviewerError
from reviewer.core.resources import RESOURCES


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    ok: bool
    detail: str  # what was found (OK) or what is wrong and what to do (FAIL)

    def line(self) -> str:
        return f"{'OK  ' if self.ok else 'FAIL'}  {self.name}: {self.detail}"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from reviewer.commands.workspace import add_workspace_argument

    add_workspace_argument(parser)
    parser.add_argument("--resources", type=Path, default=RESOURCES, metavar="DIR",
                        help="资源文件夹（默认：安装自带）/ resources folder to check (default: the installed one)")
    parser.add_argument("--font", type=Path, default=None, metavar="PATH",
                        help="PDF 审查记录所用中文字体 / CJK font for PDF review logs (default: wqy-zenhei)")


def run(args: argparse.Namespace) -> int:
    checks = run_checks(args.resources, args.workspace, args.font)
    for check in checks:
        print(check.line(), flush=True)
    failed = [c for c in checks if not c.ok]
    print(f"\n{len(checks) - len(failed)}/{len(checks)} 项通过 / checks passed" +
          (f"; {len(failed)} 项需要处理 / need fixing" if failed else ""))
    return 1 if failed else 0


def run_checks(resources: Path = RESOURCES, workspace: str | None = None, font: Path | None = None) -> list[Check]:
    checks = [_analyzer(resources), _model(resources), _classified(resources), _legal_basis(resources),
              _judgments(resources)]
    checks += _profiles(resources)
    checks += [_workspace(workspace), _font(font), _qt(), _libreoffice(), _ocr()]
    return checks


def _libreoffice() -> Check:
    """LibreOffice reads .doc/.wps/.rtf/.odt (through docx); without it a .doc is read as text only by
    antiword, if that is installed, and cannot be exported."""
    import shutil

    from reviewer.core.documents.legacy import convert

    executable = convert.soffice()
    if executable is not None:
        return Check("LibreOffice (.doc/.wps/.rtf/.odt)", True, f"{convert.version(executable)} at {executable}")
    fallback = ("antiword 已安装：.doc 只能读取文字，无法导出 / antiword is installed: .doc is read as text only and "
                "cannot be exported" if shutil.which("antiword") else
                "也没有 antiword：.doc/.wps/.rtf/.odt 将被拒绝 / no antiword either: .doc/.wps/.rtf/.odt are refused")
    return Check("LibreOffice (.doc/.wps/.rtf/.odt)", False,
                 f"未安装。{convert.INSTALL_HINT_ZH}。/ Not installed. {convert.INSTALL_HINT_EN}. {fallback}")


def _ocr() -> Check:
    """The OCR engine loads its bundled models and reads a line (issue 27): scans and pictures need it."""
    def body() -> str:
        import numpy as np
        from PIL import Image, ImageDraw

        from reviewer.core.documents.ocr.engine import RapidOcrEngine

        image = Image.new("RGB", (420, 64), "white")
        ImageDraw.Draw(image).text((12, 14), "OCR 2024", fill="black", font_size=32)
        started = time.perf_counter()
        engine = RapidOcrEngine()
        lines = engine.recognise(np.asarray(image))
        seconds = time.perf_counter() - started
        read = " ".join(line.text for line in lines)
        if "2024" not in read:
            raise ReviewerError(f"OCR 引擎无法识别测试文字（读到“{read}”）。请重新安装 rapidocr==3.10.0。",
                                f"The OCR engine cannot read a test line (read '{read}'). "
                                "Reinstall rapidocr==3.10.0.")
        return f"{engine.name} read a test line in {seconds:.1f} s (bundled models, nothing downloaded)"
    return _guard("OCR engine (scans and pictures)", body)


def _guard(name: str, body: Callable[[], str]) -> Check:
    """A check passes with `body()`'s description; a ReviewerError (or anything else) fails it."""
    try:
        return Check(name, True, body())
    except ReviewerError as exc:
        return Check(name, False, " ".join(str(exc).split()))
    except Exception as exc:  # noqa: BLE001 - doctor reports every failure as a line, never a traceback
        return Check(name, False, f"{type(exc).__name__}: {' '.join(str(exc).split())[:300]} — "
                                  "重新安装 / reinstall (make venv)")


def _analyzer(resources: Path) -> Check:
    def body() -> str:
        from reviewer.core.detection.config import load_config
        from reviewer.core.detection.recognizers import RECOGNIZER_CLASSES

        config = load_config(resources / "analyzer.yaml")
        unknown = [n for n in config.recognizers if n not in RECOGNIZER_CLASSES]
        if unknown:
            raise ReviewerError(f"analyzer.yaml 列出了未知的识别器 {unknown}。请改正或删除这些名称。",
                                f"analyzer.yaml lists unknown recognizers {unknown}. Fix or remove them.")
        return f"{len(config.recognizers)} recognizers, threshold {config.default_threshold}"
    return _guard(f"detection config {resources / 'analyzer.yaml'}", body)


def _model(resources: Path) -> Check:
    def body() -> str:
        from reviewer.core.detection.config import load_config
        from reviewer.core.detection.engine import load_pipeline

        model = load_config(resources / "analyzer.yaml").nlp.model
        started = time.perf_counter()
        nlp = load_pipeline(model)
        seconds = time.perf_counter() - started
        labels = sorted(nlp.get_pipe("ner").labels) if "ner" in nlp.pipe_names else []
        return f"{model} loaded in {seconds:.1f} s (pipes {', '.join(nlp.pipe_names)}; labels {', '.join(labels)})"
    return _guard("NER model", body)


def _classified(resources: Path) -> Check:
    def body() -> str:
        from reviewer.core.detection.classified.rules import load_rules

        load_rules(resources / "classified.yaml")
        return "valid"
    return _guard(f"restricted-content rules {resources / 'classified.yaml'}", body)


def _legal_basis(resources: Path) -> Check:
    def body() -> str:
        from reviewer.core.legal_basis import load_catalog

        catalog = load_catalog(resources / "legal_basis.yaml")
        return f"{len(catalog.entries)} entries"
    return _guard(f"legal-basis catalog {resources / 'legal_basis.yaml'}", body)


def _judgments(resources: Path) -> Check:
    """Issue 33: the wording/timing rules and the renamed-bodies list an administrator maintains."""
    def body() -> str:
        from reviewer.core.detection.judgments.rules import load_bodies, load_judgments

        load_judgments(resources / "judgments.yaml")
        bodies = load_bodies(resources / "renamed_bodies.yaml")
        return f"valid, {sum(len(b.old) for b in bodies)} former names"
    return _guard(f"wording and timing rules {resources / 'judgments.yaml'}, renamed_bodies.yaml", body)


def _profiles(resources: Path) -> list[Check]:
    from reviewer.core.deidentify.profiles import load_profile

    folder = resources / "profiles"
    files = sorted(folder.glob("*.yaml"))
    if not files:
        return [Check(f"policy profiles {folder}", False,
                      "没有策略配置文件。请重新安装或恢复 resources/profiles。 / No policy profiles found. Reinstall or "
                      "restore resources/profiles.")]
    return [_guard(f"policy profile {path}", lambda path=path: f"'{load_profile(path).name}' valid") for path in files]


def _workspace(workspace: str | None) -> Check:
    def body() -> str:
        from reviewer.core.service import open_workspace
        from reviewer.core.store import location

        where = location.resolve(workspace)
        if where.folder is not None:
            if not (where.folder / location.DB_FILENAME).exists():
                return (f"none yet at {where.folder} (created on first use, or run `reviewer workspace init "
                        "--admin NAME`)")
            if not os.access(where.folder, os.R_OK | os.W_OK | os.X_OK):
                raise ReviewerError(f"工作区文件夹 {where.folder} 不可读写。请检查权限。",
                                    f"The workspace folder {where.folder} is not readable and writable. "
                                    "Check its permissions.")
        try:
            ws = open_workspace(workspace, create=False)
        except ReviewerError as exc:
            if where.folder is None:
                raise
            db = where.folder / location.DB_FILENAME
            raise ReviewerError(f"{exc.message_zh} 若 {db} 已损坏，请从备份恢复该文件。",
                                f"{exc.message_en} If {db} is damaged, restore it from a backup.") from exc
        try:
            documents = ws.documents()
        finally:
            ws.close()
        return f"{where.display()} opens, {len(documents)} documents (check its audit chain: `reviewer audit verify`)"
    return _guard("workspace", body)


def _font(font: Path | None) -> Check:
    def body() -> str:
        from reportlab.pdfbase.ttfonts import TTFont

        from reviewer.core.reports.export_pdf import FONT_PATH

        path = font or FONT_PATH
        if not path.is_file():
            raise ReviewerError(f"缺少中文字体 {path}，无法生成 PDF 审查记录。请安装：apt-get install fonts-wqy-zenhei",
                                f"CJK font {path} is missing: PDF review logs cannot be made. Install it: "
                                "apt-get install fonts-wqy-zenhei")
        face = TTFont("DoctorCheck", str(path), subfontIndex=0)
        if ord("审") not in face.face.charToGlyph:
            raise ReviewerError(f"字体 {path} 不含中文字符。请安装 fonts-wqy-zenhei。",
                                f"Font {path} has no Chinese characters. Install fonts-wqy-zenhei.")
        return f"{path} has Chinese glyphs"
    return _guard("CJK font for PDF export", body)


_QT_PROBE = """
import sys
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication
app = QApplication(["doctor"])
families = [f for f in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)]
print(len(families))
"""


def _qt() -> Check:
    """Imported and started in a child (offscreen), so a missing system library cannot abort doctor itself."""
    def body() -> str:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        try:
            probe = subprocess.run([sys.executable, "-c", _QT_PROBE], capture_output=True, text=True, timeout=60,
                                   env=env, check=False)
        except subprocess.TimeoutExpired:
            raise ReviewerError("Qt 启动超过 60 秒。请检查图形库安装（make sysdeps）。",
                                "Qt took over 60 s to start. Check the graphics libraries (make sysdeps).") from None
        if probe.returncode != 0:
            last = (probe.stderr.strip().splitlines() or [f"exit {probe.returncode}"])[-1]
            raise ReviewerError(f"Qt 无法启动（{last}）。请运行 make sysdeps 安装所需系统库，并重新安装 PySide6。",
                                f"Qt cannot start ({last}). Run `make sysdeps` for the system libraries and "
                                "reinstall PySide6.")
        families = int(probe.stdout.strip().splitlines()[-1])
        if families == 0:
            raise ReviewerError("Qt 找不到中文字体，界面中的汉字会显示为方框。请安装：apt-get install fonts-wqy-zenhei",
                                "Qt finds no Chinese font: Chinese text shows as empty boxes. Install one: "
                                "apt-get install fonts-wqy-zenhei")
        import PySide6

        return f"PySide6 {PySide6.__version__} starts; {families} Chinese font families"
    return _guard("Qt (desktop app)", body)
