"""bench/run.py writes the tables of bench/RESULTS.md and keeps the notes under them."""

from __future__ import annotations

from bench.run import NOTES_HEADING, write_results


def test_new_tables_keep_the_notes(tmp_path) -> None:
    path = tmp_path / "RESULTS.md"
    write_results(path, "# Benchmark results\n\n| a | 1 |\n")
    assert path.read_text(encoding="utf-8") == "# Benchmark results\n\n| a | 1 |\n"
    path.write_text(path.read_text(encoding="utf-8") + f"\n{NOTES_HEADING} (seventh session)\n\n- slower\n",
                    encoding="utf-8")
    write_results(path, "# Benchmark results\n\n| a | 2 |\n")
    assert path.read_text(encoding="utf-8") == (f"# Benchmark results\n\n| a | 2 |\n\n{NOTES_HEADING} "
                                                "(seventh session)\n\n- slower\n")
