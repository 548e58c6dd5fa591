"""Export progress and cancel (issue 23): `write_verified(..., cancelled=)` stops the writer or the verifier
wherever it is, raises ExportCancelled, and leaves nothing on disk; progress moves with no long gap."""

from __future__ import annotations

import pytest

from bench import real_world


def _plan(document, value):
    from reviewer.commands.redact import manual_findings
    from reviewer.core.deidentify.plan import plan_from_decisions
    from reviewer.core.deidentify.profiles import load_profile

    return plan_from_decisions([(f, None) for f in manual_findings(document, [value], "PERSON")],
                               load_profile("general"))


@pytest.fixture(scope="module")
def long_pdf(tmp_path_factory):
    path = tmp_path_factory.mktemp("cancel") / "long.pdf"
    path.write_bytes(real_world.reportlab_pdf(pages=60))
    return path


# writing, end of writing, verifying, and once everything is verified (before the rename)
@pytest.mark.parametrize("stop_at", [100, 450, 600, 1000])
def test_a_cancelled_pdf_export_stops_and_leaves_nothing(long_pdf, tmp_path, stop_at):
    from reviewer.core.deidentify.errors import ExportCancelled
    from reviewer.core.deidentify.export import write_verified
    from reviewer.core.documents import load_document

    document = load_document(long_pdf)
    seen: list[int] = []
    out = tmp_path / "out.pdf"
    with pytest.raises(ExportCancelled) as caught:
        write_verified(document, _plan(document, real_world.PERSON), out,
                       progress=lambda done, total: seen.append(done),
                       cancelled=lambda: bool(seen) and seen[-1] >= stop_at)
    assert "cancelled" in caught.value.message_en and "nothing was written" in caught.value.message_en
    assert list(tmp_path.iterdir()) == []  # no output, no temporary file
    assert seen[-1] < stop_at + 100  # it stopped there, not at the end


def test_a_cancelled_docx_export_leaves_nothing(tmp_path):
    from reviewer.core.deidentify.errors import ExportCancelled
    from reviewer.core.deidentify.export import write_verified
    from reviewer.core.documents import load_document

    source = real_world.docx_with_comments(tmp_path / "in.docx")
    document = load_document(source)
    calls = [0]

    def cancelled() -> bool:
        calls[0] += 1
        return calls[0] > 3  # a few parts into the writing

    with pytest.raises(ExportCancelled):
        write_verified(document, _plan(document, real_world.PERSON), tmp_path / "out.docx",
                       cancelled=cancelled)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.docx"]


def test_progress_moves_in_small_steps_through_writing_and_verifying(long_pdf, tmp_path):
    """The GUI sat at 91 % for 6 s: no step of the scale may now take more than a tenth of it."""
    from reviewer.core.deidentify.export import PROGRESS_TOTAL, write_verified
    from reviewer.core.documents import load_document

    document = load_document(long_pdf)
    seen: list[int] = []
    result = write_verified(document, _plan(document, real_world.PERSON), tmp_path / "out.pdf",
                            progress=lambda done, total: seen.append(done))
    assert result.report.ok
    assert seen == sorted(seen) and seen[-1] == PROGRESS_TOTAL
    steps = [b - a for a, b in zip([0, *seen], seen, strict=False)]
    assert max(steps) <= PROGRESS_TOTAL // 10, str(seen)
