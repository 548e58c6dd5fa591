"""Composition root of the desktop app: settings, translations, task runner, core services, window.

`main(argv)` returns the exit code. The window is shown before the detection engine is built: the
engine loads on the NLP lane in the background and Detect queues behind it.
"""

from __future__ import annotations

import argparse
import gc
import sys

from reviewer.core.resources import resource

SAMPLE = resource("samples", "penalty-decision.txt")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="reviewer-gui", description="Disclosure review workstation")
    parser.add_argument("path", nargs="?", help="document to open (.docx, .pdf, .txt)")
    parser.add_argument("--workspace", help="workspace folder (default: the per-user data folder)")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="interface language for this run")
    return parser.parse_args(argv)


def build_window(args: argparse.Namespace, app):
    """Everything but the event loop (tests and the latency benchmark build the same window)."""
    from reviewer.ui.i18n import Translations
    from reviewer.ui.main_window import MainWindow
    from reviewer.ui.services import core_services
    from reviewer.ui.settings import AppSettings
    from reviewer.ui.style import apply_style
    from reviewer.ui.tasks import TaskRunner
    from reviewer.ui.workspace_session import DetectionOnlySession

    apply_style(app)
    # The GUI thread shares the GIL with the I/O pool; a shorter switch interval (default 5 ms) keeps
    # its waits short while a worker runs Python (detection itself runs in another process).
    sys.setswitchinterval(0.001)
    # Full garbage collections walk every live object while holding the GIL; after a burst of
    # allocations (thousands of findings arriving) one took 100+ ms. Objects alive after start-up
    # are moved out of the collector's view, and young collections run less often.
    gc.collect()
    gc.freeze()
    gc.set_threshold(20_000, 20, 20)
    settings = AppSettings(getattr(args, "settings", None))
    translations = Translations(app)
    translations.install(args.lang or settings.language)
    runner = TaskRunner(app)
    facade, problem = open_facade(args.workspace, settings)
    services = core_services(facade.open_session if facade else DetectionOnlySession, facade)
    window = MainWindow(services, runner, settings, translations)
    if problem is not None:
        window.show_error(problem)
    return window, runner


def open_facade(where, settings):
    """The workspace (SQLite in the user data folder by default); without it the app still shows findings."""
    from reviewer.core.errors import ReviewerError
    from reviewer.core.service import open_workspace
    from reviewer.ui.workspace_facade import WorkspaceFacade

    try:
        workspace = open_workspace(where)
    except ReviewerError as exc:
        return None, exc
    return WorkspaceFacade(workspace, profile=lambda: settings.profile), None


def main(argv: list[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication

    argv = list(sys.argv if argv is None else argv)
    args = parse_args(argv[1:])
    app = QApplication.instance() or QApplication(argv[:1])
    app.setOrganizationName("reviewer")
    app.setApplicationName("reviewer")
    window, runner = build_window(args, app)
    window.show()
    window.start_engine()
    if args.path:
        window.open_path(args.path)
    if window.services.workspace is not None:
        window.workflow.login()
    code = app.exec()
    runner.cancel_all()
    runner.wait_for_done(10000)
    return code
