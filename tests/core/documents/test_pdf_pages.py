"""A long PDF read on both cores gives exactly the pages a serial read gives, whatever the helper does."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.core.documents import BlockKind, load_document
from reviewer.core.documents.errors import LoadCancelled
from reviewer.core.documents.pdf import pages as pdf_pages
from reviewer.core.documents.pdf import reader as pdf_reader
from tests.core.documents.bench_pdf_readers import make_cjk_pdf

PAGES = 120


@pytest.fixture(scope="module")
def long_pdf(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("pages") / "long.pdf"
    make_cjk_pdf(path, PAGES, lines=30)
    return path


@pytest.fixture()
def shares(monkeypatch) -> list[int]:
    """How many pages the helper read, per load."""
    helped: list[int] = []

    def spy(*args, **kwargs):
        blocks, n = pdf_pages.read_pages(*args, **kwargs)
        helped.append(n)
        return blocks, n

    monkeypatch.setattr(pdf_reader, "read_pages", spy)
    return helped


def _serial(path: Path, monkeypatch) -> list:
    with monkeypatch.context() as m:
        m.setattr(pdf_pages, "MIN_PAGES", 10**9)
        return load_document(path).blocks


def _helper_processes() -> list:
    pool = pdf_pages._pool
    return list((getattr(pool, "_processes", None) or {}).values()) if pool is not None else []


def test_the_helper_reads_a_share_and_the_blocks_are_the_serial_ones(long_pdf, shares, monkeypatch):
    pdf_pages.warm_up()
    shared = load_document(long_pdf)
    serial = _serial(long_pdf, monkeypatch)
    assert shares[0] >= pdf_pages.CHUNK and shares[1] == 0
    pages = [b for b in shared.blocks if b.kind is BlockKind.PAGE]
    assert [b.page for b in pages] == list(range(1, PAGES + 1))
    assert f"第{PAGES}页第30行" in pages[-1].text
    assert shared.blocks == serial  # text, boxes, paths and attributes, page by page
    assert shared.text == load_document(long_pdf).text


def test_a_helper_killed_mid_read_costs_time_not_pages(long_pdf, shares, monkeypatch):
    pdf_pages.warm_up()
    killed = []

    def kill_helper(done: int, total: int) -> None:
        if not killed:
            killed.extend(_helper_processes())
            for process in killed:
                process.kill()

    during = load_document(long_pdf, progress=kill_helper)
    assert killed and not any(p.is_alive() for p in killed)
    assert during.blocks == _serial(long_pdf, monkeypatch)
    pdf_pages.warm_up()  # the next load has a helper again
    load_document(long_pdf)
    assert shares[-1] > 0


def test_cancel_stops_both_and_the_next_load_is_whole(long_pdf, shares):
    pdf_pages.warm_up()
    calls = []

    def progress(done: int, total: int) -> None:
        calls.append((done, total))

    with pytest.raises(LoadCancelled):
        load_document(long_pdf, progress=progress, cancelled=lambda: len(calls) >= 20)
    document = load_document(long_pdf, progress=progress)
    assert sum(b.kind is BlockKind.PAGE for b in document.blocks) == PAGES
    assert calls[-1] == (PAGES, PAGES)


def test_progress_counts_every_page_once(long_pdf):
    pdf_pages.warm_up()
    calls: list[tuple[int, int]] = []
    load_document(long_pdf, progress=lambda done, total: calls.append((done, total)))
    done = [d for d, _ in calls]
    assert done == sorted(done) and done[-1] == PAGES and len(set(done)) == len(done)


def test_a_short_pdf_never_starts_the_helper(data, monkeypatch):
    pdf_pages.shutdown()
    document = load_document(data / "reportlab-cjk.pdf")
    assert document.pages == 3 and pdf_pages._pool is None
